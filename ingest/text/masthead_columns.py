"""Page 1's masthead set in two columns by pdftotext ``-layout``, read one column after the other.

``-layout`` keeps the masthead's two columns side by side::

    United Nations                                         DP/2025/19
    Executive Board of the                   Distr.: General
    United Nations Development               24 March 2025
    Programme, the United Nations            Original: English
    Population Fund and the United
    Nations Office for Project Services

Read line by line, the organ's name comes in pieces between the right column's cells
(``Executive Board of the`` / ``Programme, the United Nations``) and its lines cannot be joined.
The top lines of page 1 that hold a right-hand masthead cell far in (a wide gap, then a symbol,
``Distr.``, the date or the languages past the page's middle), with the lines between them, are written as the left column's lines, a blank
line, then the right column's cells, as pdftotext without ``-layout`` writes them. Pure.
"""

from __future__ import annotations

import re

from .front_lines import cell_kind

_RIGHT_RE = re.compile(r"^(.*?\S)?( {6,})(\S.*)$")
_FAR = 40  # characters in: a right-hand cell of the masthead, not a word gap in a line of text
_TOP = 14  # page 1's lines looked at


def _cells(line: str) -> tuple[str, str] | None:
    """A line's left and right cells where its right cell starts far in after a wide gap."""
    m = _RIGHT_RE.match(line.rstrip())
    if not m or m.start(3) < _FAR or cell_kind(m.group(3).strip()) != "furniture":
        return None  # a second organ's block set on the right (``High-level political forum ...``) stays
    return (m.group(1) or "").strip(), m.group(3).strip()


def unfold_masthead(text: str) -> str:
    """The text with page 1's two-column masthead read left column first."""
    lines = text.split("\n")
    top = [k for k, l in enumerate(lines[:_TOP]) if "\f" not in l]
    paired = [k for k in top if _cells(lines[k]) is not None]
    if len(paired) < 2 or not any(_cells(lines[k])[0] for k in paired):
        return text
    start, end = paired[0], paired[-1]
    while end + 1 < len(lines) and end + 1 < _TOP and lines[end + 1].strip() and "\f" not in lines[end + 1] \
            and _cells(lines[end + 1]) is None:
        end += 1  # the left column's lines under the last pair (``Nations Office for Project Services``)
    left: list[str] = []
    right: list[str] = []
    for l in lines[start:end + 1]:
        cells = _cells(l)
        if cells is None:
            if l.strip():
                left.append(l.strip())
            continue
        if cells[0]:
            left.append(cells[0])
        right.append(cells[1])
    return "\n".join(lines[:start] + left + [""] + right + lines[end + 1:])
