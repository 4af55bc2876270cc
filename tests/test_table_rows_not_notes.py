"""A table in small type whose rows open with a number is no run of footnotes (issue 15).

A/79/907 enclosures 3-4 (pp. 14-24) and DP/FPA/2025/4 (Part II) annex I (pp. 7-9) print tables in type
smaller than the body's, with no caption line and no rule above their last rows. A page's footnotes are
the small type closing it, and where marks are not raised, ``12 Text`` opens one: the tables' rows that
open with an amount or a count (``4 500 Estimated repatriation of 1,908 troops ...``, ``10 10 10 - -``)
were read as footnotes 4 and 10, and the rest of the table as their text: in no chunk, and not even
counted by the small-type check (``bench/check_body_text.py``). A table's cell is told from a note's
first line by where it stands: another line at its height (the row's next cell), or a column far right
of the page's left edge. Once in the text, such a table read back up the page is a figure; in a part
set in small type that numbers nothing, its worded cells are that part's text (cited by page), as the
next column of such a part already was. Real lines (``bench/dump_lines.py`` columns, before furniture
and footnotes are taken out)."""

from __future__ import annotations

import pytest

from ingest.pdf.document import _insert_unnumbered
from ingest.pdf.layout import Page
from ingest.pdf.segment import segment
from ingest.pdf.zones import split_zones
from ingest.text.blocks import _Block
from ingest.text.clean import Vocabulary
from ingest.text.fragments import tidy_unnumbered
from ingest.text.paragraphs import _to_chunks
from tests.layout_fixtures import read_lines


def _zones(name: str, sizes: dict[int, tuple[float, float]], symbol: str):
    """Split the fixture's pages (a page of body text first, so the body's size is the document's)."""
    lines = read_lines(name)
    pages = [Page(n, w, h, tuple(l for l in lines if l.page == n)) for n, (w, h) in sorted(sizes.items())]
    return split_zones(pages, (symbol,))


A79907 = ("a79907_p22_table_rows.tsv", {3: (612.0, 792.0), 22: (792.0, 612.0)}, "A/79/907")
DPFPA = ("dpfpa20254_p7_table_rows.tsv", {3: (612.0, 792.0), 7: (792.0, 612.0)}, "DP/FPA/2023/4 (Part II)")


@pytest.mark.parametrize("fixture,rows", [
    (A79907, ["4 500 Estimated repatriation of 1,908 troops from", "16 448.7 Repatriation of contingent-owned equipment",
              "21 208.5 18 914.8", "Total uniformed personnel 22 945.8 20 652.1"]),
    (DPFPA, ["10 10 10 - -", "7 1 - 6 - 1", "Total in the report to the Executive Board for 2023 39 28 10 11 - 18",
             "● JIU/REP/2024/3: Budgeting in organizations of the United Nations"]),
])
def test_a_small_tables_rows_opening_with_a_number_are_no_footnotes(fixture, rows):
    zones = _zones(*fixture)
    assert zones.body_size == 10.0
    notes = " ".join(zones.footnotes.values())
    texts = [l.text for l in zones.lines]
    for row in rows:
        assert row in texts and row not in notes


def test_a_note_at_the_text_edge_on_a_line_of_its_own_is_still_a_footnote():
    zones = _zones("e202536_p15_note.tsv", {15: (612.0, 792.0)}, "E/2025/36")
    assert zones.footnotes["*"].startswith("Items marked with an asterisk are to be presented for information only")
    assert "discussed during the session." in zones.footnotes["*"]


def test_a_captionless_tables_worded_cells_are_the_parts_text():
    zones = _zones(*A79907)
    blocks, _, loose, geo = segment([l for l in zones.lines if l.page == 22], zones.body_size, first=1)
    kept, _ = tidy_unnumbered(_insert_unnumbered(blocks, loose, geo)[1:])
    vocab = Vocabulary.from_text("\n".join(l.text for l in zones.lines))
    text = " ".join(c.text for c in _to_chunks([_Block("front"), *kept], "A/79/907", vocab, {}, ""))
    for cell in ("Estimated repatriation of 1,908 troops from Burundi and deployment of 1,091 troops from Egypt",
                 "Repatriation of contingent-owned equipment that is no longer required in the mission",
                 "Associated 30 days of rations for relief in place", "Total uniformed personnel 22 945.8 20 652.1"):
        assert cell in text, cell
