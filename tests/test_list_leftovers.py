"""Two leftovers of the body-text check (issue 15): the last document of a ``Documentation:`` list
right over the next agenda item's heading, and a calendar's doubled running number read as a
numbered paragraph."""

from __future__ import annotations

from ingest.pdf.geometry import measure
from ingest.pdf.layout import Line
from ingest.pdf.line_kinds import LineKinds
from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered


def test_a_lists_last_item_over_the_next_items_heading_stays_in_the_list():
    """DP/2025/L.2, p. 10: ``Report on the accountability framework of UNOPS (DP/OPS/2025/7)``, the
    second document under item 18's ``Documentation:``, stood alone over ``Item 19`` and was read
    as a heading of nothing: it was in no chunk. (A letter's or agenda's prose: its headings are on
    the section path only, as ``document._front_prose`` reads them.)"""
    item18 = ("UNOPS segment", "Item 18 Annual report of the Executive Director")
    item19 = ("UNOPS segment", "Item 19 Formative evaluation of the process innovation and digitalization programme")
    cited = dict(page=10, part="")
    blocks = [_Block("paragraph", lines=["Documentation:"], section=item18, **cited),
              _Block("paragraph", lines=["Progress report on implementation of the restated UNOPS Strategic Plan, 2022-2025",
                                         "(DP/OPS/2025/6)"], section=item18, **cited),
              _Block("paragraph", lines=["Report on the accountability framework of UNOPS (DP/OPS/2025/7)"],
                     section=item18, **cited),
              _Block("paragraph", lines=["Under this item, the Executive Board will have before it the external formative "
                                         "evaluation of the Process Innovation and Digitalization Programme (PID)."],
                     section=item19, **cited)]
    kept, _ = tidy_unnumbered(blocks)
    texts = [" ".join(b.lines) for b in kept if b.page is not None]
    assert texts[0] == ("Documentation: Progress report on implementation of the restated UNOPS Strategic Plan, "
                        "2022-2025 (DP/OPS/2025/6) Report on the accountability framework of UNOPS (DP/OPS/2025/7)")
    assert [b.number for b in kept if b.page is not None] == [1, 2]


def test_a_line_over_prose_of_its_own_section_still_heads_it():
    section = ("Item 3",)
    blocks = [_Block("paragraph", lines=["Internal audit"], section=section, page=4, part=""),
              _Block("paragraph", lines=["The Board took note of the annual report of the Office of Internal Audit and "
                                         "Investigations for 2024."], section=section, page=4, part="")]
    kept, _ = tidy_unnumbered(blocks)
    assert len(kept) == 1 and kept[0].section == ("Item 3", "Internal audit")


def test_a_doubled_running_number_opens_no_paragraph():
    """A/AC.172/2025/2, annex, p. 50: the calendar's ``1. 404. Working Group on the`` was read as
    ``annex, para. 1`` (the only numbered paragraph of a 45-page calendar)."""
    def line(top: float, text: str) -> Line:
        return Line(page=50, text=text, x0=39.6, x1=170.0, top=top, bottom=top + 8.4, size=8.4)
    lines = (line(90.5, "1. 404. Working Group on the"), line(105.3, "Financing of the United"),
             line(115.6, "Nations Relief and Works"), line(126.1, "Agency for Palestine"))
    kinds = LineKinds(lines, measure(lines, 8.4))
    assert not kinds.starts_para(0, 1)
    assert LineKinds((line(90.5, "1. Working Group on the"), *lines[1:]), measure(lines, 8.4)).starts_para(0, 1)
