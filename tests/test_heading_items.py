"""Numbered headings as a part's paragraph numbers (``ingest.pdf.heading_items``), on real pages.

A part that numbers no paragraphs but a run of body-type headings ``1.`` .. ``N.`` (an explanatory
memorandum) cites each heading's prose as paragraph N; numbered sub-headings of a report that
numbers its paragraphs, and series that restart, stay headings. The fixtures are rows printed by
bench/dump_lines.py from the real PDFs.
"""

from __future__ import annotations

import pytest

from ingest.pdf.heading_items import MAX_MEDIAN_CHARS, NumberedHeading, heading_items
from ingest.pdf.segment import segment
from layout_fixtures import read_lines


def _numbered(name: str, first: int = 1) -> list[tuple[str, int]]:
    """(part, number) of the paragraphs cited by number (not by page)."""
    return [(b.part, b.number) for b in segment(read_lines(name), 10.0, first=first)[0]
            if b.kind == "paragraph" and b.page is None]


def _paragraph(name: str, part: str, number: int):
    return next(b for b in segment(read_lines(name), 10.0)[0]
                if b.kind == "paragraph" and b.part == part and b.number == number and b.page is None)


def test_memorandum_headings_number_its_paragraphs():
    """A/80/143, annex I (pp. 2-4): ``1. Historical background`` .. ``7. Working languages``, bold,
    each over its prose, are paragraphs 1-7 of the annex (``A/80/143, annex I, para. 5``)."""
    assert _numbered("A_80_143_p2-4.tsv") == [("annex I", n) for n in range(1, 8)]


def test_body_numbered_by_its_headings_too():
    """The same pages without their ``Annex I`` line (a memorandum issued as the document itself):
    the body's paragraphs 1-7, under the heading above the first."""
    blocks = segment(read_lines("A_80_143_p2-4.tsv")[1:], 10.0)[0]
    numbered = [b for b in blocks if b.kind == "paragraph" and b.page is None]
    assert [(b.part, b.number) for b in numbered] == [("", n) for n in range(1, 8)]
    assert numbered[4].section == ("Explanatory memorandum",)


@pytest.mark.parametrize("number, opens, holds", [
    # the heading's words open the text, then its prose
    (5, "Afreximbank member States Afreximbank currently has 53 African member States", "12 CARICOM"),
    # an italic sub-heading and its bullets stay in the numbered item they stand in
    (1, "Historical background The African Export-Import Bank", "Milestones • 1993: formal establishment"),
    # prose after a bullet list (a new paragraph, not indented on a page of bullets) too
    (6, "Organizational structure The Bank was established", "Key subsidiaries and initiatives comprise:"),
])
def test_item_text_is_heading_and_prose(number, opens, holds):
    b = _paragraph("A_80_143_p2-4.tsv", "annex I", number)
    text = " ".join(b.lines)
    assert text.startswith(opens) and holds in text
    assert b.section == ("Explanatory memorandum",)  # the enclosing path is kept, the item is not on it


def test_report_numbered_subheadings_stay_headings():
    """A/80/275 pp. 16-17 sets ``1. Witness support and protection`` exactly like the memorandum's
    headings, but its paragraphs carry their own numbers (80-93): those stay the paragraphs and the
    headings stay on the section path."""
    blocks = segment(read_lines("A_80_275_p16-17.tsv"), 10.0, first=80)[0]
    assert [b.number for b in blocks if b.kind == "paragraph" and b.page is None] == list(range(80, 97))
    para84 = next(b for b in blocks if b.kind == "paragraph" and b.number == 84)
    assert para84.section[-1] == "2. Detention facilities"


def test_restarting_series_stay_headings():
    """A/79/722's enclosure numbers its headings 1-5, 1-8, 1-3 (one list per dimension): headings,
    not paragraphs."""
    blocks = segment(read_lines("A_79_722_p11-12.tsv"), 10.0)[0]
    assert not [b for b in blocks if b.kind == "paragraph" and b.page is None]
    lines = [t for b in blocks if b.kind == "heading" for t in b.lines]
    assert "1. New Challenges and Threats (General)" in lines and "1. Sustainable Development" in lines


def _heads(numbers, part="annex", body=True):
    return [NumberedHeading(part, 10 * k, n, body) for k, n in enumerate(numbers)]


def _decide(heads, numbered=(), item_chars=200):
    n = 10 * len(heads) + 5
    return heading_items(heads, set(numbered), ["annex"] * n, [item_chars // 10] * n)


@pytest.mark.parametrize("heads, numbered, item_chars, expected", [
    # one series 1..4 in a part with no numbered paragraphs: paragraphs 1-4
    (_heads([1, 2, 3, 4]), (), 200, {0: 1, 10: 2, 20: 3, 30: 4}),
    # the part numbers its own paragraphs: the numbered headings are sub-headings
    (_heads([1, 2, 3, 4]), ("annex",), 200, {}),
    # a restart (1..2, 1..2): headings of sub-lists
    (_heads([1, 2, 1, 2]), (), 200, {}),
    # decimal sub-sections (1, 1.1, 2, 3): an outline of sections
    (_heads([1, 0, 2, 3]), (), 200, {}),
    # set larger than the body: section titles
    (_heads([1, 2, 3], body=False), (), 200, {}),
    # too few to be a series
    (_heads([1, 2]), (), 200, {}),
    # pages of text under each: sections, not paragraphs
    (_heads([1, 2, 3]), (), 10 * (MAX_MEDIAN_CHARS + 10), {}),
    # not from 1
    (_heads([2, 3, 4]), (), 200, {}),
])
def test_heading_items_rule(heads, numbered, item_chars, expected):
    assert _decide(heads, numbered, item_chars) == expected


def test_a_short_list_pages_into_unnumbered_text_numbers_no_paragraphs():
    # E/C.2/2025/2 compiles NGOs' reports under headings; on page 10 one NGO lists its meetings 1. to 5.
    # Those are not the document's paragraphs 1-5 (the four pages before them would be lost as front matter)
    assert _numbered("E_C.2_2025_2_p1-4-10.tsv") == []
    blocks, front, loose, _ = segment(read_lines("E_C.2_2025_2_p1-4-10.tsv"), 10.0)
    assert any(l.text.startswith("1. Representatives attended") for l in front)


def test_a_report_with_a_summary_keeps_its_numbered_paragraphs():
    # the rule above must not touch a report whose numbered text follows a short front
    assert _numbered("A_80_48_p7-8.tsv")[:3] == [("", 1), ("", 2), ("", 3)]


@pytest.mark.parametrize("path, heading, expected", [
    # a compilation: each NGO's report (12-point) has its own "Introduction" (10-point bold)
    ([("2. Action communautaire femme et enfant", "12b"), ("Special, 2016", "10b")], "Introduction",
     ("2. Action communautaire femme et enfant", "Introduction")),
    # a report: its unnumbered "Introduction" in the type of its numbered sections is top level
    ([("I. Mandate", "12b"), ("A. Scope", "10b")], "Introduction", ("Introduction",)),
    ([], "Introduction", ("Introduction",)),
])
def test_an_introduction_set_smaller_than_the_heading_above_is_its_own(path, heading, expected):
    from ingest.text.sections import SectionPath

    p = SectionPath()
    for text, style in path:
        p.add(text, style)
    p.add(heading, "12b" if not path or path[0][0].startswith("I.") else "10b")
    assert p.headings == expected


def test_a_figures_bold_title_is_the_figures_not_a_section():
    # E/2025/65, p. 8: "Figure III" then its bold title and panel titles, then paragraph 17 of "Global trade and investment"
    rows = [
        (8, 123.4, 487.5, 77.5, 10.0, False, "contrast, commodities underperformed owing to subdued demand, especially for oil."),
        (8, 60.0, 100.4, 137.5, 10.0, False, "Figure III"),
        (8, 60.0, 282.1, 149.6, 10.0, True, "Merchandise trade volume in selected economies"),
        (8, 60.0, 119.1, 167.7, 10.0, True, "(a) Imports"),
        (8, 60.0, 548.4, 487.4, 8.5, False, "Source: United Nations, Department of Economic and Social Affairs."),
        (8, 123.4, 487.7, 530.9, 10.0, False, "17. Signs of weakening goods trade are becoming increasingly evident. For"),
        (8, 123.4, 487.5, 542.9, 10.0, False, "example, manufacturing Purchasing Managers Indices for new export orders have"),
        (8, 123.4, 225.8, 554.9, 10.0, False, "fallen below 50 in many economies."),
    ]
    from ingest.pdf.layout import Line

    head = [Line(page=8, text="Global trade and investment", x0=123.4, x1=300.0, top=50.0, bottom=60.0, size=10.0,
                 bold=True, italic=False),
            Line(page=8, text="16. Recent trade indicators show significant variation across regions and product",
                 x0=123.4, x1=487.5, top=65.5, bottom=75.5, size=10.0, bold=False, italic=False)]
    lines = tuple(head + [Line(page=p, text=t, x0=x0, x1=x1, top=top, bottom=top + size, size=size, bold=b, italic=False)
                          for p, x0, x1, top, size, b, t in rows])
    blocks = segment(lines, 10.0, first=16)[0]
    para17 = next(b for b in blocks if b.kind == "paragraph" and b.number == 17)
    assert para17.section == ("Global trade and investment",)


def test_the_summary_heading_is_no_paragraph_of_the_front_matter():
    # DP/2025/26, page 1: an italic "Summary" over the summary's prose gave a chunk "p. 1, para. 1" = "Summary"
    from ingest.pdf.document import _front_notes, _summary
    from ingest.pdf.geometry import measure
    from ingest.pdf.layout import Line, Page

    def line(top, text, italic=False, x0=118.1):
        return Line(page=1, text=text, x0=x0, x1=500.0, top=top, bottom=top + 10.0, size=10.0, bold=False, italic=italic)

    front = [line(360.7, "Summary", italic=True),
             line(378.7, "This report provides an overview of the financial position of the United Nations Capital"),
             line(390.7, "Development Fund (UNCDF) at the end of 2024, and of its financial performance in 2024."),
             line(420.0, "The Executive Board may wish to take note of the present report and its annexes.")]
    page = Page(number=1, width=612.0, height=792.0, lines=tuple(front))
    geo = measure(tuple(front), 10.0)
    summary = _summary(front, geo)
    notes = _front_notes(front, page, geo, summary)
    assert summary and all("Summary" != " ".join(b.lines).strip() for b in notes)
