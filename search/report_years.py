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


def window_filters(question: str, years: dict[str, int], filters: dict) -> dict:
    """``filters`` with ``doc`` set to the documents not issued outside the window of the report the question
    names by year (``years``: each document's year, 0 where unknown: those are kept), when the user named
    no documents or dates and some indexed document was issued in the window; else ``filters`` unchanged."""
    window = report_window(question)
    if window is None or any(filters.get(k) for k in ("doc", "since", "until")) or \
            not any(window[0] <= y <= window[1] for y in years.values()):
        return filters
    return {**filters, "doc": sorted(s for s, y in years.items() if not y or window[0] <= y <= window[1])}
