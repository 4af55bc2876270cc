"""Page-cited text the eleventh session left split or merged (issue 15): a labelled line over a
table's rows, and a line that ends in a word no sentence ends with."""

from __future__ import annotations

from ingest.pdf.geometry import measure
from ingest.pdf.table_rows import mark_rows
from ingest.pdf.unnumbered import split_paragraphs
from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered
from tests.layout_fixtures import read_lines


def test_a_labelled_line_over_a_tables_rows_heads_them_instead_of_opening_their_list():
    """E/ICEF/2025/14, annex I, p. 7: ``2. Recommendations addressed to the executive head`` over the
    row ``Recommendation 1   Accepted and in progress`` was merged into one chunk with it; it is the
    heading of the row and of the recommendation's text, in place of its sibling ``1. ...``."""
    section = ("Flexible working arrangements", "1. Recommendations addressed to the legislative body")
    cited = dict(section=section, page=7, part="annex I")
    blocks = [_Block("front"),
              _Block("paragraph", lines=["2. Recommendations addressed to the executive head"], **cited),
              _Block("paragraph", lines=["Recommendation 1 Accepted and in progress"], row=True, **cited),
              _Block("paragraph", lines=["The executive heads of the United Nations system organizations who have not "
                                         "yet done so should ensure a generic definition of flexible working."], **cited)]
    kept, _ = tidy_unnumbered(blocks)
    assert [b.lines for b in kept[1:]] == [b.lines for b in blocks[2:]]
    head = ("Flexible working arrangements", "2. Recommendations addressed to the executive head")
    assert all(b.section == head for b in kept[1:])


def test_a_line_ending_in_an_open_word_runs_on_to_the_line_set_apart_under_it():
    """UNW/2025/2, p. 4: an infographic's ``Over 16,600 organizations across`` stands a little above
    ``95 countries with strengthened capacities ...``; it was a one-line chunk of its own."""
    lines = mark_rows(read_lines("UNW_2025_2_p4-6.tsv"))
    geo = measure(lines, 10.0)
    panel = [l for l in lines if l.page == 4 and 440 < l.top < 520 and l.x0 < 300]
    assert panel[0].text == "Over 16,600 organizations across"
    blocks = [b for _, b in split_paragraphs(panel, geo)]
    assert blocks[0].lines[:2] == ["Over 16,600 organizations across", "95 countries with strengthened capacities to deliver"]
    assert len(blocks) == 1
