"""A question about what *will* happen is not answered by a date before the document was written.

"When will the tenth session of the Forum be held?" asked of a 2025 report is not answered by "1945" (the year the
United Nations was founded, in a sentence on its eightieth anniversary) nor by any year the report looks back on:
a date asked in the future tense lies at or after the document's own year. Only the years of a date span are read
("1945", "June 2026", "2024-2025"); a span with no year ("in March") is left to the other rules.
"""

from __future__ import annotations

import re

#: "When will ... be held", "In which year will ...", "By when will ...": the future asked.
_FUTURE = re.compile(r"(?i)^\s*(?:(?:in|by|on|until|from)\s+)?(?:when|what|which)\b[^?]*?\bwill\b")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def asks_future(question: str) -> bool:
    """True if ``question`` asks when something will happen."""
    return bool(_FUTURE.search(question))


def before_document(date: str, year: int | None) -> bool:
    """True if every year ``date`` names is before ``year``, the year its document was written."""
    years = [int(y) for y in _YEAR.findall(date)]
    return bool(year and years) and max(years) < year
