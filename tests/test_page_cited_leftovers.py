"""Page-cited text the eleventh session left split or merged (issue 15): a labelled line over a
table's rows, and a line that ends in a word no sentence ends with."""

from __future__ import annotations

from ingest.pdf.geometry import measure
from ingest.pdf.layout import Line
from ingest.pdf.table_rows import mark_rows
from ingest.pdf.unnumbered import split_paragraphs
from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered
from ingest.pdf.segment import segment
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


def _l(page: int, x0: float, x1: float, top: float, size: float, text: str, bold: bool, gutters: tuple) -> Line:
    return Line(page=page, text=text, x0=x0, x1=x1, top=top, bottom=top + size, size=size, bold=bold, gutters=gutters)


# E/2025/36, p. 10, as PDFium gives it (a column-wide gap after the decision's number)
DECISION = (
    _l(10, 60.0, 184.6, 535.7, 10.0, 'Southern Africa portfolio', True, ()),
    _l(10, 60.0, 551.5, 562.1, 10.0, '2024/EB.1/6 Summary report on the evaluation of the country strategic plan for Madagascar', True, (1,)),
    _l(10, 150.0, 346.0, 582.5, 10.0, '(2019–2023) and management response', True, ()),
    _l(10, 150.0, 383.0, 608.9, 10.0, 'Madagascar country strategic plan (2024–2028)', True, ()),
    _l(10, 60.0, 551.8, 635.4, 10.0, 'The Board took note of the summary report on the evaluation of the country strategic plan for Madagascar', False, ()),
)
# A/AC.172/2025/2, p. 4
GLOSSARY = (
    _l(4, 123.4, 295.4, 346.7, 10.1, 'In the column entitled “Membership”', True, ()),
    _l(4, 123.4, 238.6, 372.1, 10.1, 'G Governments', False, (1,)),
    _l(4, 123.4, 213.9, 391.5, 10.1, 'E Experts', False, (1,)),
    _l(4, 123.4, 290.5, 410.9, 10.1, 'ST Secretariat or secretariats', False, (1,)),
    _l(4, 123.4, 280.3, 441.0, 10.1, 'In the column entitled “Servicing”', True, ()),
)


def test_a_decision_titles_next_item_at_its_hanging_indent_is_the_titles_not_a_heading():
    """E/2025/36, p. 10: ``2024/EB.1/6 Summary report on the evaluation of ... Madagascar`` /
    ``(2019–2023) and management response`` / ``Madagascar country strategic plan (2024–2028)``, the
    last two at the title's hanging indent; the third, a little further down, headed the decision's text."""
    rows = [l.row for l in mark_rows(DECISION)]
    assert rows == [False, True, True, True, False]


def test_one_letter_codes_in_a_run_of_glossary_rows_are_rows():
    """A/AC.172/2025/2, p. 4: ``G    Governments``, ``E    Experts``, ``ST    Secretariat or secretariats``
    under ``In the column entitled "Membership"``: the gap after ``G`` read as a label's, so two of the
    three were short lines that headed nothing and were lost."""
    rows = [l.row for l in mark_rows(GLOSSARY)]
    assert rows == [False, True, True, True, False]


def test_labelled_entries_of_a_list_are_no_headings():
    """CEB/2025/4, annex II, p. 19: ``Chair: Ms. Inger Andersen (...)`` over ``Acting Secretary: Ms. ...``
    headed the list of participants; it is the list's first entry."""
    cited = dict(section=("List of participants",), page=19, part="annex II")
    blocks = [_Block("front"),
              _Block("paragraph", lines=["Chair: Ms. Inger Andersen (United Nations Environment Programme)"], **cited),
              _Block("paragraph", lines=["Acting Secretary: Ms. Xenia von Lilien (High-level Committee on Programmes of",
                                         "the United Nations System Chief Executives Board for Coordination)"], **cited)]
    kept, _ = tidy_unnumbered(blocks)
    assert [(b.number, b.lines[0][:6], b.section) for b in kept[1:]] == [
        (1, "Chair:", ("List of participants",)), (2, "Acting", ("List of participants",))]


def test_an_annex_in_small_type_keeps_its_next_column_of_words():
    """DP/FPA/2025/4 (Part II), annex IV-A, p. 11: each recommendation (left) and UNFPA's response (right),
    9-point type; the file prints the response after the recommendation, back up the page, which
    read as a figure's text and was dropped with everything after it (150 lines of the annex)."""
    _, _, loose, _ = segment(read_lines("DP_FPA_2025_4_p10-11.tsv"), 10.0, first=45)
    cited = [l.text for _, l, _ in loose["annex IV-A"]]
    first = cited.index("UNFPA interventions are clearly defined in its strategic plan,")
    assert cited[first - 1] == "General Assembly, as necessary."
    assert cited[first + 4] == "Recommendation 2. The Executive Boards should develop"
    assert "UNFPA is supportive of all efforts to enhance transparency." in cited


def test_a_letters_small_type_is_kept_as_notes_that_renumber_none_of_its_paragraphs():
    """S/2025/346, pp. 5-6, a letter: its tables' rows and ``Note: The 24/25 fiscal year has not yet
    concluded.`` in 8.4-point type were dropped; they are notes of their page now, and the letter's
    paragraphs on the page count as before."""
    from ingest.pdf.document import _front_prose, _prose_blocks
    from ingest.pdf.layout import Page
    from ingest.pdf.segment import segment as read

    lines = read_lines("S_2025_346_p5-6.tsv")
    _, front, _, geo = read(lines, 10.0)
    first = Page(number=1, width=612.0, height=792.0, lines=())
    kept, _ = tidy_unnumbered([_Block("front"), *_prose_blocks(_front_prose(front, first, geo, keep_small=True), geo)])
    without, _ = tidy_unnumbered([_Block("front"), *_prose_blocks(_front_prose(front, first, geo), geo)])
    notes = [" ".join(b.lines) for b in kept if b.small]
    assert "Note: The 24/25 fiscal year has not yet concluded." in notes
    assert any(n.startswith("Facilities and infrastructure support 1 794.2") for n in notes)
    paragraph = lambda bs: {(b.page, b.number): b.lines[0] for b in bs if b.page and not b.small and len(b.lines) > 2}
    assert paragraph(kept) == paragraph(without)
