"""A question that names its report by year ("according to the negotiating committee's *1992 report*")
asks about a document issued that year or the next (a "2024 annual report" is issued in 2025).

``ask`` reads only such documents when the library holds one: a library's other reports on the same
subject (the 2025 forum that names the same convention) would otherwise answer a question put to
the 1992 report, or answer a trap it does not.
"""

from __future__ import annotations

import re

_REPORT_YEAR = re.compile(r"\b((?:19|20)\d\d) (?:annual |quadrennial |progress |final |interim |first |second )?"
                          r"report\b")


def report_window(question: str) -> tuple[int, int] | None:
    """The years the document a question names by year was issued in: ``(1992, 1993)``, or None."""
    m = _REPORT_YEAR.search(question)
    return (int(m.group(1)), int(m.group(1)) + 1) if m else None


def window_filters(question: str, years: list[int], filters: dict) -> dict:
    """``filters`` with ``since``/``until`` set to the window of the report the question names by year,
    when the user set no dates and some indexed document (of ``years``, the documents' years) was
    issued in it; else ``filters`` unchanged."""
    window = report_window(question)
    if window is None or filters.get("since") or filters.get("until") or \
            not any(window[0] <= y <= window[1] for y in years):
        return filters
    return {**filters, "since": str(window[0]), "until": str(window[1])}
