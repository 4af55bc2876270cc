"""A paragraph's last line that ends a sentence and then a footnote's number (``... review.27``).

Text from other tools prints a footnote mark as plain digits glued to the stop before it, so the
line no longer ends on a stop and the paragraph was read as broken off mid-sentence: the sub-section
label and title after it (``(a)`` / ``The role of public governance authorities ...``) ran into it, the
label as text and the title as a heading of its own (A/80/62, every extractor). Such a line ends its
sentence as a stop does; the lines after it still run on when prose ending a sentence follows them
before the next label (``paragraphs._continues``). Pure. Issue 15.
"""

from __future__ import annotations

import re

_NOTE_END_RE = re.compile(r"(?:[a-z)\]”’\"]|\d{4})\s?[.;:!?][”’\")]*\s?\d{1,3}$")  # ``review.27``, ``in 2025.3``, ``change .22``


def ends_at_note(line: str) -> bool:
    """Does ``line`` end a sentence (after a word or a year, not another figure) and then a footnote's number?"""
    return bool(_NOTE_END_RE.search(line.rstrip()))
