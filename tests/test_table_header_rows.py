"""A table's header rows open the table's chunk, however the header is printed (issue 15).

S/2025/346 (a letter, pp. 5-6): each table's column headers are set in 7-point italics in pieces (a
cell's lines at three heights, a right-hand cell read after the left ones) over rows in 8.4-point type.
Table 4's rows are all figures (``2018/19 22 316 22 316 –``): read as no words, they were dropped, so
its header was a note of its own and its figures were in no chunk; table 3 runs over the page and
prints its header again on p. 6, whose pieces were a note apart; its first piece ran on into p. 5's
rows (a table's rows are read on over a page like a paragraph) until a page's first line printed on
the page before was read as a repeated header, opening the page's rows. Real lines of pp. 3, 5 and 6 (with the column gaps that mark rows), read as the letter reader reads them.
"""

from __future__ import annotations

import re

from ingest.pdf.document import _front_prose, _own_leading, _prose_blocks
from ingest.pdf.layout import Page
from ingest.pdf.segment import segment
from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered
from tests.layout_fixtures import read_lines


def _notes() -> list[tuple[int, str]]:
    lines = read_lines("S_2025_346_p3-5-6.tsv")
    _, front, _, geo = segment(lines, 10.0)
    first = Page(number=1, width=612.0, height=792.0, lines=())
    prose = _front_prose(front, first, geo, keep_small=True)
    kept, _ = tidy_unnumbered([_Block("front"), *_prose_blocks(prose, _own_leading([l for l, _ in prose], geo))])
    return [(b.page, " ".join(b.lines)) for b in kept if b.small]


def test_rows_of_figures_are_kept_under_their_header():
    notes = _notes()
    fuel = [t for _, t in notes if "Issued (litres)" in t]
    assert len(fuel) == 1
    assert fuel[0].startswith("Fiscal year (July–June period) Issued (litres) Reimbursed (litres) Total cost")
    assert "2018/19 22 316 22 316 –" in fuel[0] and fuel[0].endswith("2024/25 2 074.20 – 3 010.59")


def test_a_header_printed_again_over_the_page_opens_the_rows_there():
    notes = _notes()
    p5 = next(t for p, t in notes if p == 5 and "2019/20 3 105" in t)
    assert p5.startswith("Fiscal year (July–June period)/type of support Number of requests")
    assert p5.endswith("2023/24 4 329 6 719 639 494.09")  # the header repeated atop p. 6 is no row of p. 5
    p6 = next(t for p, t in notes if p == 6 and "2024/25a" in t)
    assert p6.startswith("Fiscal year (July–June period)/type of support Number of requests Number of troops Cargo"
                         " Total cost (United States dollars) 2024/25a 10 708")


def test_no_header_is_a_note_of_its_own():
    """Every note that holds a column header holds the rows of its year too (``2019/20 ...``)."""
    headed = [t for _, t in _notes() if "Number of" in t or "Total cost" in t or "Type of support" in t]
    assert len(headed) == 5
    assert all(re.search(r"(?:20\d\d/\d\da? |support \d)", t) for t in headed)


def test_a_header_in_three_pieces_opens_its_rows():
    """Table 1 (p. 3): ``Fiscal year ... Number of requests``, ``MEDEVAC/CASEVAC patients Human remains``
    and ``Total cost (United States dollars)`` stand at different heights over rows of figures."""
    table_1 = [t for p, t in _notes() if p == 3 and "MEDEVAC/CASEVAC patients" in t]
    assert len(table_1) == 1
    assert table_1[0].startswith("Fiscal year (July–June period) Number of requests MEDEVAC/CASEVAC patients")
    assert table_1[0].endswith("2024/25 1 – 1 23 164.00")
