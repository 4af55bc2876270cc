"""A table's small-type column headers head its rows (issue 15): they open the rows' chunk, not a
``note`` of their own, whether the rows are body type (``para.``) or small (``note``)."""

from __future__ import annotations

from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered


def _cited(lines: list[str], small: bool, row: bool, page: int, part: str, section=()) -> _Block:
    return _Block("paragraph", lines=list(lines), page=page, part=part, small=small, row=row, section=section)


def test_a_small_header_over_body_type_rows_opens_their_paragraph():
    """A/80/38, part one, annex, p. 22: ``Symbol   Title or description`` (8-point) over the rows of
    documents in body type was ``p. 22, note 1``; it is now the start of ``p. 22, para. 1``."""
    part = "part one, annex"
    blocks = [_Block("heading", lines=["Annex", "Documents before the Committee at its eighty-eighth session"], part=part),
              _cited(["Symbol Title or description"], True, True, 22, part),
              _cited(["CEDAW/C/88/1 Annotated provisional agenda",
                      "CEDAW/C/88/2 Report of the United Nations Educational, Scientific and Cultural Organization"],
                     False, True, 22, part)]
    kept, _ = tidy_unnumbered(blocks)
    cited = [b for b in kept if b.page is not None]
    assert len(cited) == 1 and not cited[0].small and cited[0].number == 1
    assert cited[0].lines[0] == "Symbol Title or description"
    assert cited[0].lines[1] == "CEDAW/C/88/1 Annotated provisional agenda"


ROWS = ["Fuel conversion and manufacture 9* 2 11", "Uranium enrichment 2 3 5", "Power reactors 5* 3* 8",
        "Research reactors/critical and subcritical units 6* 7* 13",
        "Others (research and development facilities, deposits, etc.) 29 10* 39"]


def test_a_small_header_over_small_rows_is_one_note_and_the_next_note_moves_up():
    """A/80/192, annex I, p. 3: the header ``Type of facility Argentina Brazil Total`` and the rows
    under it, both in small type, were notes 1 and 2 (the total row note 3); header and rows are note 1."""
    part = "annex I"
    blocks = [_cited(["Type of facility Argentina Brazil Total"], True, True, 3, part),
              _cited(ROWS, True, True, 3, part),
              _cited(["Total 51 25 76", "* One under construction"], True, False, 3, part),
              _cited(["In existence for more than 30 years, the Brazilian-Argentine Agency has carried out inspections."],
                     False, False, 3, part)]
    kept, _ = tidy_unnumbered(blocks)
    notes = {b.number: " ".join(b.lines) for b in kept if b.small}
    assert notes == {1: " ".join(["Type of facility Argentina Brazil Total", *ROWS]),
                     2: "Total 51 25 76 * One under construction"}
    assert [b.number for b in kept if not b.small] == [1]


def test_a_header_read_among_the_rows_and_a_source_line_stay_notes():
    """A/80/48, annex III, p. 24: a column's header printed out of order between two runs of rows is
    no header of the rows after it; a figure's ``Source:`` line over a table heads nothing either."""
    part = "annex III"
    header = "Session at which list of issues prior to reporting under the simplified reporting procedure was adopted"
    blocks = [_cited(["Albania Initial 1 October 2008 - 6 October 2009 Thirteenth (2010)",
                      "Second 1 November 2015a - 19 December 2016 Thirtieth (2019)"], False, True, 24, part),
              _cited([header], True, False, 24, part),
              _cited(["- Twenty-first (2014), in 1 January 2014 the absence of a report and of a delegation",
                      "- - 1 November 2020 Bosnia and Herzegovina Initial 1 January 2005"], False, True, 24, part),
              _cited(["Source: United Nations, Department of Economic and Social Affairs."], True, False, 25, part),
              _cited(["Fiji Initial 1 December 2020 Fortieth (2025): Gambia Initial 1 January 2019",
                      "Ghana Initial 1 January 2002 Twelfth (2010)"], False, True, 25, part)]
    kept, _ = tidy_unnumbered(blocks)
    assert [(b.page, b.small, b.number, b.lines[0]) for b in kept] == [
        (24, False, 1, blocks[0].lines[0]), (24, True, 1, header), (24, False, 2, blocks[2].lines[0]),
        (25, True, 1, blocks[3].lines[0]), (25, False, 1, blocks[4].lines[0])]
