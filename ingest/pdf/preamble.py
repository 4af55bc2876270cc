"""A resolution's preamble in a PDF: the paragraphs between the enacting formula and ``1.``.

Preambular paragraphs carry no number; the UN cites them by position (``preambular para. 4``).
Each one ends in a comma (or a semicolon, or a full stop for the last), and the page shows a
new one by indenting its first line or by a vertical gap. A page break ends one only when the
text before it closed a clause and the next page opens with an indent or a preambular opening
("Recalling ...", "Deeply concerned ..."). See ``ingest.text.resolution`` for the shared rules.
"""

from __future__ import annotations

from .geometry import Geometry, ends_clause
from .layout import Line, Page
from ..text.paragraphs import _Block
from ..text.resolution import Adoption, adoption, formula_index, opens_preamble


def find_formula(lines: tuple[Line, ...] | list[Line], first_pages: int = 2) -> int | None:
    """Index of the enacting formula (``The Security Council,``) among the first pages' lines."""
    head = [l for l in lines if l.page <= first_pages]
    return formula_index([l.text for l in head])


def read_adoption(first: Page) -> Adoption:
    """Adoption date, meeting and body from page 1 ("Adopted by the ... at its ... meeting, on ...")."""
    return adoption(" ".join(l.text for l in sorted(first.lines, key=lambda l: (l.top, l.x0))))


def preamble_blocks(front: list[Line], geo: Geometry) -> tuple[list[Line], list[_Block]]:
    """Split the front matter at the enacting formula: the lines before it (title, adoption),
    and the preambular paragraphs after it, numbered 1..N by position."""
    k = formula_index([l.text for l in front])
    if k is None:
        return front, []
    lines = [l for l in front[k + 1:] if abs(l.size - geo.body) <= 0.6 and not l.bold]
    blocks: list[_Block] = []
    prev: Line | None = None
    for l in lines:
        if prev is None or _starts_new(prev, l, geo):
            blocks.append(_Block("preamble", number=len(blocks) + 1, first_line=l.page, last_line=l.page, refs=[]))
        b = blocks[-1]
        b.lines.append(l.text)
        b.refs.extend(l.refs)
        b.last_line = l.page
        prev = l
    return front[:k], blocks


def _starts_new(prev: Line, l: Line, geo: Geometry) -> bool:
    if not ends_clause(prev.text):
        return False
    indented = l.x0 > geo.left[l.page] + 8
    if prev.page != l.page:
        return indented or opens_preamble(l.text)
    gap = l.top - prev.top
    return indented or gap > 1.35 * geo.leading
