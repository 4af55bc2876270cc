"""A section's letter that an extractor wrote between a paragraph's number and its text, put back.

poppler's ``pdftotext`` (raw order) can write a section heading's letter, set in the margin as the
number is, right after the number of the paragraph above the heading::

    2.
    C.
    The list of participants is contained in document ...
    Opening of the Conference

Read as printed, paragraph 2 is read as a heading ``C. The list ...`` and the section loses its
letter. A line that is only a capital letter and a stop, whose nearest line above (over blank lines)
is a bare paragraph number, goes after the paragraph's text, before the heading line that follows
it (a short line ending no sentence). Lines are only reordered, so the line count (and every page
break) stays. Pure.
"""

from __future__ import annotations

import re

from .late_numbers import BARE_NUMBER_RE, STOP_END, solid

_LETTER_RE = re.compile(r"^\s*[A-Z]\.\s*$")
_MAX_HEADING = 90  # characters


def _heading_like(s: str) -> bool:
    s = s.strip()
    return len(s) <= _MAX_HEADING and s[:1].isupper() and not s.endswith(STOP_END)


def restore_late_letters(lines: list[str]) -> list[str]:
    """Each lone section letter written under a bare paragraph number, moved down to its heading."""
    out = list(lines)
    i = 0
    while i < len(out):
        moved = _move_letter(out, i) if _LETTER_RE.match(out[i]) else False
        i += 1 if not moved else 0
    return out


def _move_letter(out: list[str], i: int) -> bool:
    """Move the letter at ``i`` (and the blank lines under it) below the next paragraph; False if not its place."""
    above = next((j for j in range(i - 1, max(-1, i - 4), -1) if out[j].strip()), None)
    if above is None or not BARE_NUMBER_RE.match(out[above]) or "\f" in out[above:i]:
        return False
    start = next((j for j in range(i + 1, min(len(out), i + 4)) if out[j].strip()), None)
    if start is None or out[start] == "\f" or _LETTER_RE.match(out[start]) or BARE_NUMBER_RE.match(out[start]):
        return False
    end = next((j for j in range(start, len(out)) if not solid(out[j])), len(out))
    heading = next((j for j in range(end, min(len(out), end + 4)) if out[j].strip()), None)
    if heading is None or out[heading] == "\f" or "\f" in out[end:heading] or not _heading_like(out[heading]):
        return False
    out[i:heading] = out[start:heading] + out[i:start]
    return True
