"""A table's cell told from a footnote's first line (ingest.pdf.zones.table_cell), with the page's
left edge measured once per page (``PageLines``), not once per line asked."""

from __future__ import annotations

import pytest

from ingest.pdf.layout import Line
from ingest.pdf.zones import CELL_INDENT, PageLines, table_cell


def _line(text: str, x0: float, top: float, width: float = 200.0) -> Line:
    return Line(page=1, text=text, x0=x0, x1=x0 + width, top=top, bottom=top + 8, size=8.0)


_BODY = _line("The Committee considered the report.", 72.0, 100.0, 460.0)
_NOTE = _line("12 See A/79/907, annex.", 72.0, 700.0)
_ROW = _line("4 500 Estimated repatriation", 72.0, 600.0, 150.0)
_NEXT_CELL = _line("16 448.7", 300.0, 600.5, 60.0)  # the row's next cell, at its height
_FAR_RIGHT = _line("10 10 10 - -", 72.0 + CELL_INDENT + 1, 650.0, 80.0)  # a column far right of the edge


@pytest.mark.parametrize("line, page, wanted", [
    (_NOTE, [_BODY, _NOTE], False),  # at the text's edge, on a line of its own: a note
    (_ROW, [_BODY, _ROW, _NEXT_CELL], True),
    (_NEXT_CELL, [_BODY, _ROW, _NEXT_CELL], True),
    (_FAR_RIGHT, [_BODY, _FAR_RIGHT], True),
    (_FAR_RIGHT, [_FAR_RIGHT], False),  # alone on its page, it is the page's left edge
    (_ROW, [_BODY, _ROW, _line("text below", 72.0, 610.0)], False),  # a line below, not beside it
])
def test_table_cell(line, page, wanted):
    assert table_cell(line, PageLines.of(page)) is wanted


def test_page_lines_measure_the_left_edge_once():
    page = PageLines.of(iter([_NEXT_CELL, _BODY, _ROW]))  # any iterable, read once
    assert page.left == 72.0 and page.lines == (_NEXT_CELL, _BODY, _ROW)
    assert PageLines.of([]).lines == ()
