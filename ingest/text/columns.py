"""Two columns of text printed side by side in a text extraction, read one after the other.

A layout-keeping extraction (``pdftotext -layout``) of a page set in two columns prints each
left-column line, a run of spaces, then the right-column line beside it; read line by line, every
sentence runs into the other column's (A-69-207.txt set so: 3 of its 87 paragraphs read). Per
page (form feeds; a text without them is one page), when most of its lines break at one place by
a gap of three spaces or more, with prose on both sides, the page is read as its left column,
then its right. A full-width line (a heading across both columns) stays in the left column's flow.
A table's columns are not prose (figures, short cells) and are left as printed. Pure.
"""

from __future__ import annotations

import re
from collections import Counter

_GAP_RE = re.compile(r" {3,}(?=\S)")
_LEFT = 30  # a right column starts this far in, at least: not an indent or a hanging number
_MIN_LINES = 8  # a page's column needs this many lines beside another
_SHARE = 0.6  # of the page's text lines
_PROSE = 25  # characters a column's lines hold on average: words, not cells


def unfold_columns(text: str) -> str:
    """The text with each two-column page read left column first; any other page as it is."""
    return "\f".join(_page(p) for p in text.split("\f"))


def _page(page: str) -> str:
    lines = page.split("\n")
    at = _gutter(lines)
    if at is None:
        return page
    left: list[str] = []
    right: list[str] = []
    for l in lines:
        if len(l) > at and l[at - 1] == " " and l[at] != " " and l[:at].strip():
            left.append(l[:at].rstrip())
            right.append(l[at:].rstrip())
        elif len(l) > at and not l[:at].strip():
            right.append(l.strip())  # only the right column printed on this line
        else:
            left.append(l.rstrip())
    return "\n".join(left + [""] + right)


def _gutter(lines: list[str]) -> int | None:
    """Where a page's right column starts, or None: the start most lines reaching that far share,
    after a gap."""
    starts: Counter[int] = Counter()
    for l in lines:
        for m in _GAP_RE.finditer(l):
            if m.end() >= _LEFT:
                starts[m.end()] += 1
    if not starts:
        return None
    at, n = starts.most_common(1)[0]
    reaching = [l for l in lines if len(l.rstrip()) > at]
    if n < _MIN_LINES or n < _SHARE * len(reaching):
        return None
    beside = [l for l in reaching if l[at - 1] == " " and l[at] != " " and l[:at].strip()]
    lefts = [l[:at].strip() for l in beside]
    rights = [l[at:].strip() for l in reaching if l[at - 1] == " " and l[at] != " "]
    if len(beside) < _MIN_LINES or not all(_prose(col) for col in (lefts, rights)):
        return None
    return at


def _prose(cells: list[str]) -> bool:
    """Lines of words: long enough on average, mostly letters."""
    chars = "".join(cells)
    letters = sum(c.isalpha() for c in chars)
    return len(chars) >= _PROSE * len(cells) and letters >= 0.6 * len(chars.replace(" ", ""))
