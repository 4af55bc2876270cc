"""Tables and small type among a report's paragraphs are kept (issue 15): real pages of UN PDFs,
their lines as ``bench/dump_lines.py`` prints them, through the segmenter.

Most UN reports set their tables, a figure's source and notes, and small status tables between
paragraphs in type smaller than the body's; before, such lines were set aside and never reached a
chunk (1,154 small-type lines over the 72 PDFs of ../shared/corpus; 599 after).
"""

from __future__ import annotations

import pytest

from ingest.pdf.asides import worded
from ingest.pdf.layout import Line, Page
from ingest.pdf.segment import segment
from ingest.pdf.zones import split_zones
from ingest.text.part_heads import annex_label
from layout_fixtures import read_lines


def _read(name: str, body: float, first: int, pages: set[int]):
    lines = tuple(l for l in read_lines(name) if l.page in pages)
    blocks, _, loose, _ = segment(lines, body, first=first)
    return blocks, loose


def _block(blocks, kind: str, number: int):
    return next(b for b in blocks if b.kind == kind and b.number == number)


def _loose(loose, part: str = "") -> list[str]:
    return [l.text for _, l, _ in loose.get(part, [])]


def test_centred_table_caption_opens_its_table_of_small_rows():
    """DP/FPA/2025/6, p. 11: ``Table 3.`` centred over the table, its rows in 9-point type (the
    bold ``Total`` row too), then para. 31 under a bold heading."""
    blocks, _ = _read("DP_FPA_2025_6_p11-23.tsv", 10.1, 31, {11})
    table = _block(blocks, "table", 3)
    assert table.lines[0] == "Distribution of audit conclusions by region and thematic area for 2024"
    assert "Asia and the Pacific 4 1 2 1" in table.lines
    assert table.lines[-1] == "Total 28 5 15 5 3"
    assert _block(blocks, "paragraph", 31).section[-1] == "a. Business unit audits"


def test_italic_subheading_spaced_like_a_paragraph_heads_the_next_paragraph():
    """DP/FPA/2025/6, p. 11: the italic ``Governance`` between paras. 31 and 32, set no further
    from them than paragraphs are from each other, is a heading, not the end of para. 31."""
    blocks, _ = _read("DP_FPA_2025_6_p11-23.tsv", 10.1, 31, {11})
    p31 = _block(blocks, "paragraph", 31)
    assert p31.lines[-1] == "by thematic area."
    assert _block(blocks, "paragraph", 32).section[-2:] == ("a. Business unit audits", "Governance")


def test_table_rows_printed_after_the_text_below_them_are_the_tables():
    """DP/FPA/2025/6, p. 23: ``Table 6.``, a third of a page below it the bold ``d. Total caseload
    and case closure in 2024`` that heads para. 80, and the table's rows, which the file prints
    after para. 81. The heading is no title of the table; the rows go back to it."""
    blocks, _ = _read("DP_FPA_2025_6_p11-23.tsv", 10.1, 78, {23})
    table = _block(blocks, "table", 6)
    assert table.lines[0] == "Yearly case intake, at headquarters and by region, for 2021-2024"
    assert "Headquarters 4 3 5 3 8 5 15 11" in table.lines and table.lines[-1] == "Total 118 100 166 100 167 100 134 100"
    assert _block(blocks, "paragraph", 80).section[-1] == "d. Total caseload and case closure in 2024"
    assert not any("Headquarters" in t for b in blocks if b.kind == "paragraph" for t in b.lines)


def _line(page: int, text: str, top: float, size: float, lead: str = "", x0: float = 93.6) -> Line:
    return Line(page=page, text=text, x0=x0, x1=552.0, top=top, bottom=top + size, size=size, lead_mark=lead)


def _pages(first_note_raised: bool) -> list[Page]:
    """DP/FPA/2025/6, pp. 19 and 23 (trimmed): footnote 17 under a raised mark, then footnote 18
    printed ``18.`` at the foot of p. 23, with table 6's rows after it in the file."""
    body = [_line(19, "As of 31 December 2024, OAIS had a caseload of 314 cases carried over from 2023.", 100, 10.1),
            _line(19, "The allegations are summarized in figure 5 below.", 112, 10.1)]
    note = _line(19, "As the 314 cases progressed in 2024, some of their primary allegations changed." if first_note_raised
                 else "17 As the 314 cases progressed in 2024, some of their primary allegations changed.", 700, 7.9,
                 lead="17" if first_note_raised else "")
    p23 = [_line(23, "backlogs while, at the same time, addressing open cases carried over from prior years.", 650.6, 10.1),
           _line(23, "18. In 2024, OAIS sent nine referrals/advisory memoranda concerning nine of these non-cases.", 706.8, 7.9),
           _line(23, "Nations agency, where appropriate.", 716.2, 7.9),
           _line(23, "Headquarters 4 3 5 3 8 5 15 11", 351.0, 9.1, x0=85.0),
           _line(23, "Arab States 31 26 33 20 27 16 20 15", 366.0, 9.1, x0=85.0)]
    return [Page(19, 612.0, 792.0, tuple(body + [note])), Page(23, 612.0, 792.0, tuple(p23))]


def test_footnote_printed_as_a_numbered_line_after_raised_marks_is_a_footnote():
    zones = split_zones(_pages(first_note_raised=True), ("DP/FPA/2025/6",))
    assert zones.footnotes["18"].startswith("In 2024, OAIS sent nine referrals")
    texts = [l.text for l in zones.lines]
    assert not any(t.startswith("18. In 2024") for t in texts)
    assert "Headquarters 4 3 5 3 8 5 15 11" in texts and "Arab States 31 26 33 20 27 16 20 15" in texts


def test_numbered_line_at_a_foot_stays_text_where_notes_are_not_raised():
    """A list's ``18.`` at a page's foot (a scan's list of signatories) is no footnote unless the
    document's notes so far opened with raised marks."""
    zones = split_zones(_pages(first_note_raised=False), ("DP/FPA/2025/6",))
    assert "18" not in zones.footnotes


def test_table_keeps_its_small_total_and_percentage_rows():
    """DP/FPA/2025/2, p. 3: ``Table 1.`` at the margin in body type, rows in 9-point type; the bold
    ``Total`` and italic ``Percentage`` rows end the table, they are no heading and not lost."""
    blocks, _ = _read("DP_FPA_2025_2_p3-4-12-13.tsv", 10.0, 11, {3, 4})
    assert _block(blocks, "table", 1).lines[-2:] == ["Total 13 0 13", "Percentage 100% 0% 100%"]
    assert _block(blocks, "table", 2).lines[-2:] == ["Total 32 - 3 29", "Percentage 100% - 9% 91%"]


def test_status_table_between_paragraphs_is_cited_by_page():
    """DP/FPA/2025/2, pp. 3-4: under each recommendation the Board made, a small status table
    (business unit, status, priority, target date), then the numbered management response."""
    blocks, loose = _read("DP_FPA_2025_2_p3-4-12-13.tsv", 10.0, 11, {3, 4})
    cited = _loose(loose)
    for row in ("Business unit responsible Humanitarian Response Division", "Status Under implementation",
                "Priority High", "Target date March 2025", "Target date September 2025"):
        assert row in cited
    assert not any("Target date" in t for b in blocks if b.kind == "paragraph" for t in b.lines)


def test_table_in_small_type_ends_where_body_type_resumes():
    """DP/FPA/2025/2, pp. 12-13: table 3's last row closes page 12; page 13 opens with the italic
    heading of the 2019 recommendations, which heads para. 48 and is not a row of the table."""
    blocks, _ = _read("DP_FPA_2025_2_p3-4-12-13.tsv", 10.0, 44, {12, 13})
    assert _block(blocks, "table", 3).lines[-1] == "Percentage 100% 29% 71%"
    assert _block(blocks, "paragraph", 48).section[-1] == "Report of the Board of Auditors for the year ended 31 December 2019"


def test_figure_keeps_its_source_not_its_ticks_and_rotated_labels():
    """E/2025/65, p. 9: ``Figure IV``, its title, ``(Index)``, its source in 8.5-point type, and
    the chart's ticks and country names set sideways, read two letters at a time."""
    _, loose = _read("E_2025_65_p9.tsv", 10.0, 19, {9})
    cited = _loose(loose)
    assert any(t.startswith("Source: United Nations, Department of Economic and Social Affairs") for t in cited)
    assert not any(t in ("35", "ev", "ar", "Ja") for t in cited)


def test_annex_set_in_small_type_is_its_text():
    """DP/FPA/2025/4 (Part II), pp. 10-11: ``ANNEX IV-A``, a special annex after annex IV, set wholly in
    9-point type: its own part, its text cited by page."""
    blocks, loose = _read("DP_FPA_2025_4_p10-11.tsv", 10.0, 45, {10, 11})
    assert {b.part for b in blocks} >= {"annex IV", "annex IV-A"}
    cited = _loose(loose, "annex IV-A")
    assert cited[0].startswith("This special annex IV-A provides an overview of JIU recommendations")
    assert "Recommendation 1. The Executive Boards should request" in cited


@pytest.mark.parametrize("line, label", [
    ("ANNEX IV-A", "annex IV-A"),
    ("Annex II", "annex II"),
    ("Annex I-B to the letter dated 3 May 2025", "annex I-B"),
    ("Annex IV - Consolidated list", "annex IV"),
    ("Enclosure", "enclosure"),
])
def test_annex_labels_carry_their_letter(line, label):
    assert annex_label(line) == label


@pytest.mark.parametrize("line, kept", [
    ("Source: United Nations, Department of Economic and Social Affairs, based on CEIC data.", True),
    ("Trade policy uncertainty index (left scale)", True),
    ("160 140 120 100 s tim 80 ic V", False),
    ("n y celia y am ye a o on om na es", False),
    ("2010–2019 average 2023 2024a 2025b", False),
])
def test_figure_lines_that_read_as_words(line, kept):
    assert worded(line) is kept
