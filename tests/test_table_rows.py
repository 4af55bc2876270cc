"""A table's rows are never headings (issue 15, session 11), on real lines of the library's PDFs.

A/AC.172/2025/2 (a calendar): ``Article 47`` and ``57 (I) and 48/162`` are short cells under a
row's first cell and became section headings over ~500 chunks. A/80/48, CEB/2025/4 annex II,
E/2025/36 and E/ICEF/2025/14 print two-column lists whose rows fit one line with a column-wide gap
(``Fiji    Initial report ...``, ``2024/EB.A/1    Opening remarks ...``). DP/2025/12 sets a box
beside its text and its headings: those stay text and headings.
"""

from __future__ import annotations

import pytest

from ingest.pdf.layout import GUTTER, Line, _Char, _line
from ingest.pdf.segment import segment
from ingest.pdf.table_rows import gapped, row_cells
from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered
from tests.layout_fixtures import read_lines


def _l(page: int, x0: float, x1: float, top: float, size: float, text: str, bold: bool = False,
       gutters: tuple[int, ...] = (), bottom: float = 0.0) -> Line:
    return Line(page=page, text=text, x0=x0, x1=x1, top=top, bottom=bottom or top + size, size=size, bold=bold,
                gutters=gutters)


# A/AC.172/2025/2, p. 5: a row whose cells wrap (Organ | Mandate | Dates | Location ...); boxes as PDFium gives them.
CALENDAR = (
    _l(5, 96.3, 508.2, 61.1, 12.0, "A. Draft calendar of conferences and meetings of the United Nations, 2025", True),
    _l(5, 39.6, 272.7, 138.7, 8.4, "1. 1. Military Staff Committee Charter, Chapter VII,", bottom=150.7),
    _l(5, 194.9, 231.5, 153.5, 8.4, "Article 47"),
    _l(5, 393.0, 459.7, 142.9, 8.4, "3 January and once"),
    _l(5, 393.0, 444.9, 153.5, 8.4, "every fortnight"),
    _l(5, 464.9, 581.1, 142.9, 8.4, "New York 5 G I"),
)
# A/AC.172/2025/2, p. 51: a row's first cell wraps to a second line with nothing beside it.
WRAPPED = (
    _l(51, 57.6, 360.8, 298.1, 10.1, "6. Preparatory Commission for the Comprehensive Nuclear-Test-Ban"),
    _l(51, 79.9, 371.2, 310.1, 10.1, "Treaty Organization, Working Group B and informal/expert meetings"),
    _l(51, 379.6, 668.0, 298.1, 10.1, "Sixty-fourth session 17–28 February Vienna"),
)
# DP/2025/12, p. 7: text narrowing round a box, a larger heading beside the box.
BOXED = (
    _l(7, 116.4, 513.1, 129.2, 10.0, "the near-term erosion of its most valuable asset: its universal field presence, recognized by the"),
    _l(7, 116.4, 292.0, 142.4, 10.0, "Board of Auditors as “a major asset”, and"),
    _l(7, 116.4, 292.0, 155.7, 10.0, "capability to respond whenever and"),
    _l(7, 116.4, 292.0, 168.9, 10.0, "wherever countries and people need its"),
    _l(7, 116.4, 149.0, 182.1, 10.0, "support."),
    _l(7, 90.4, 276.1, 202.7, 12.0, "III. Development results: changing", True),
    _l(7, 308.6, 486.6, 153.4, 10.0, "SPOTLIGHT: Access to essential services", True),
    _l(7, 312.9, 451.8, 172.3, 10.0, "- 160 million people, 53 countries"),
    _l(7, 312.9, 482.6, 202.1, 10.0, "- 50 per cent HIV reduction in Zimbabwe"),
)


@pytest.mark.parametrize("lines, cells", [
    (CALENDAR, {"1. 1. Military Staff Committee Charter, Chapter VII,", "Article 47", "3 January and once",
                "every fortnight", "New York 5 G I"}),
    (WRAPPED, {t.text for t in WRAPPED}),
    (BOXED, set()),
])
def test_cells_of_rows_and_nothing_else(lines, cells):
    assert {lines[i].text for i in row_cells(lines)} == cells


@pytest.mark.parametrize("text, gutters, row", [
    ("ECA Economic Commission for Africa", (1,), True),  # A/AC.172/2025/2, p. 3: a glossary's row
    ("Fiji Initial report (1 December 2020) CMW/C/FJI/QPR/1", (1, 6), True),  # A/80/48, p. 18
    ("International Fund for Agricultural Development Ron Hartman", (4,), True),  # CEB/2025/4, annex II
    ("2024/EB.A/1 Opening remarks by the Executive Director", (1,), True),  # E/2025/36, annex I
    ("Recommendation 4 Accepted and implemented", (2,), True),  # E/ICEF/2025/14, annex I
    ("IV. Selection process for the new UNOPS enterprise resource planning system", (1,), False),
    ("(a) Extrabudgetary funding", (1,), False),
    ("Chapter III Report of the Chair on intersessional activities", (2,), False),
    ("Annex II List of participants", (2,), False),
])
def test_a_gap_after_a_label_is_no_cell(text, gutters, row):
    assert gapped(_l(1, 72.0, 500.0, 100.0, 10.0, text, gutters=gutters)) is row


def _chars(words: list[tuple[float, str]], size: float = 10.0) -> list[_Char]:
    """Characters of a line: each word from its x, 5 points a character, one space between words."""
    out: list[_Char] = []
    for x, word in words:
        for k, ch in enumerate(word):
            out.append(_Char(ch, x + 5 * k, x + 5 * k + 5, 700.0, 708.0, 698.0, size, False, False))
        out.append(_Char(" ", x + 5 * len(word), x + 5 * len(word) + 2.5, 700.0, 708.0, 698.0, 0.0, False, False))
    return out[:-1]


def test_layout_counts_the_words_before_a_column_gap():
    row = _line(3, 842.0, _chars([(123.4, "ECA"), (181.5, "Economic"), (226.0, "Commission")]))
    assert row.text == "ECA Economic Commission" and row.gutters == (1,)
    prose = _line(3, 842.0, _chars([(123.4, "ECA"), (141.5, "Economic"), (188.0, "Commission")]))
    assert prose.gutters == ()  # a word space (3.5 points) is no column
    assert 181.5 - (123.4 + 15) >= GUTTER * 10.0 > 141.5 - (123.4 + 15)


def test_calendar_cells_head_nothing():
    """A/AC.172/2025/2, pp. 3-5: every cell of the calendar's rows stands under ``A. Draft calendar ...``."""
    _, _, loose, _ = segment(read_lines("A_AC.172_2025_2_p3-5.tsv"), 8.4)
    sections = {e[2] for e in loose["annex"]}
    assert len(loose["annex"]) >= 40
    assert {s[-1] for s in sections} == {"A. Draft calendar of conferences and meetings of the United Nations, 2025"}


def _cited(text: str, row: bool = False) -> _Block:
    return _Block("paragraph", lines=[text], section=("A. Draft calendar",), page=5, part="annex", row=row)


def test_a_short_cell_is_no_heading_of_the_text_after_it():
    kept, _ = tidy_unnumbered([_Block("front"), _cited("57 (I) and 48/162", row=True),
                               _cited("Election of Bureau 10 January New York 36 G I (ACEFRS) Tb – One meeting per "
                                      "year 3. UNICEF, Executive Board Economic and Social Council decision 2011/215")])
    assert all(b.section == ("A. Draft calendar",) for b in kept if b.page)


def test_a_numbered_line_after_its_numbered_sibling_replaces_it_on_the_path():
    """E/ICEF/2025/14, annex I: ``2. Recommendations addressed to the executive head`` follows ``1. ...``."""
    section = ("Flexible working arrangements", "1. Recommendations addressed to the legislative body")
    blocks = [_Block("front"),
              _Block("paragraph", lines=["2. Recommendations addressed to the executive head"], section=section, page=7),
              _Block("paragraph", lines=["The executive heads of the United Nations system organizations who have not "
                                         "yet done so should ensure a generic definition of flexible working."],
                     section=section, page=7)]
    kept, _ = tidy_unnumbered(blocks)
    assert kept[-1].section == ("Flexible working arrangements", "2. Recommendations addressed to the executive head")


def test_a_glossary_row_with_no_wide_gap_is_a_row_of_its_run():
    """A/AC.172/2025/2, p. 3: ``UNCITRAL`` and ``UNCTAD`` leave no column-wide gap before their names,
    but stand in a run of rows that do."""
    run = tuple(_l(3, 123.4, x1, top, 10.1, text, gutters=g) for x1, top, text, g in [
        (417.9, 522.9, "UNCITRAL United Nations Commission on International Trade Law", ()),
        (417.9, 542.4, "UNCTAD United Nations Conference on Trade and Development", ()),
        (359.2, 562.1, "UNDP United Nations Development Programme", (1,)),
        (357.3, 581.6, "UNEP United Nations Environment Programme", (1,)),
    ])
    assert row_cells(run) == {0, 1, 2, 3}
    assert row_cells(run[:2]) == set()
