"""Headings the section paths lost (audit of ``paracite show``, round 10, classes F and G).

On real pages (rows printed by bench/dump_lines.py): a report that centres every heading, far
from the margin, and a heading whose title runs over four lines, the third ending in a comma.
"""

from __future__ import annotations

import pytest

from ingest.pdf.document import _front_prose
from ingest.pdf.geometry import measure
from ingest.pdf.layout import Page
from ingest.pdf.line_kinds import LineKinds
from ingest.pdf.segment import segment
from layout_fixtures import read_lines


def _paths(name: str, body: float, first: int) -> dict[int, tuple[str, ...]]:
    """The section path of each numbered paragraph of a fixture, by number."""
    return {b.number: b.section for b in segment(read_lines(name), body, first=first)[0] if b.kind == "paragraph"}


CASES = [
    # ICCD/COP(8)/CST/8, pp. 5-6: ``II. Outcome of discussions ...`` (13.9 pt bold) and ``A. Session
    # on ...`` (12 pt bold) centred; ``B. Session on weather ...`` centred over two lines
    ("ICCD_COP8_CST_8_p5-6.tsv", 12.0, 8, {
        10: (),
        11: ("II. Outcome of discussions in technical sessions", "A. Session on trends in land degradation"),
        15: ("II. Outcome of discussions in technical sessions", "A. Session on trends in land degradation"),
        16: ("II. Outcome of discussions in technical sessions",
             "B. Session on weather and climate information for monitoring and assessing land degradation"),
    }),
    # A/CONF.230/2025/10, p. 7: ``III. Challenges ... Goals 14,`` / ``13 and 15`` (four lines of
    # 14 pt bold) then ``A. Climate change mitigation``: the first line was lost
    ("A_CONF.230_2025_10_p7.tsv", 10.0, 22, {
        22: ("D. The need for integrated ocean, climate and biodiversity responses",),
        24: ("III. Challenges and opportunities in leveraging interlinkages between ocean, climate change and "
             "biodiversity and synergies in advancing Sustainable Development Goals 14, 13 and 15",
             "A. Climate change mitigation"),
    }),
]


@pytest.mark.parametrize("name,body,first,want", CASES, ids=[c[0] for c in CASES])
def test_heading_reaches_the_section_path(name: str, body: float, first: int, want: dict) -> None:
    got = _paths(name, body, first)
    assert {n: got.get(n) for n in want} == want


def test_centred_line_without_a_label_heads_nothing() -> None:
    """A centred bold line with no label (a box's or a figure's title) opens no section."""
    lines = [l if not l.text.startswith("A. Session") else l.__class__(**{**l.__dict__, "text": l.text[3:]})
             for l in read_lines("ICCD_COP8_CST_8_p5-6.tsv")]
    blocks = segment(tuple(lines), 12.0, first=8)[0]
    para = {b.number: b.section for b in blocks if b.kind == "paragraph"}
    assert "Session on trends in land degradation" not in para[11]


def test_bold_bullet_item_heads_nothing() -> None:
    """CEB/2025/4, annex III, pp. 22 and 24: ``• Climate action yields significant returns – creating
    jobs, investment, and`` / ``business opportunities. ...`` (its lead words bold, then plain): the
    item's text, under the annex's own bold heading; no bullet or its second line on a section path."""
    _, _, loose, _ = segment(read_lines("CEB_2025_4_p22-24.tsv"), 10.1)
    entries = loose["annex III"]
    sections = {tuple(sec) for _, _, sec in entries}
    assert sections == {("United Nations System Common Messages for COP29 and COP30",
                         "The case for climate action has never been clearer")}
    texts = [l.text for _, l, _ in entries]
    assert texts[0].startswith("• Climate action yields") and texts[1].startswith("business opportunities.")


def test_introduction_under_a_status_line_is_a_heading_of_its_own() -> None:
    """E/C.2/2025/2, p. 2 (a compilation of NGOs' reports, no numbered paragraphs): ``Special, 2016``
    (the NGO's status, bold) then ``Introduction`` 17 pt below in the same type: two headings, not
    one ``Special, 2016 Introduction``."""
    lines = read_lines("E_C.2_2025_2_p2.tsv")
    first = Page(number=1, width=612.0, height=792.0, lines=())
    prose = _front_prose(list(lines), first, measure(lines, 10.0))
    assert prose[0][1] == ("1. “Coup de pousse” Chaîne de l’espoir Nord-Sud (CDP-CENS)", "Introduction")


@pytest.mark.parametrize("start", ["and transparent negotiations process", "process: “defining the overarching"])
def test_italic_words_inside_a_sentence_are_no_heading(start: str) -> None:
    """A/79/722, annex, p. 8: a full line in italics (a quoted title or phrase) under a plain line
    that ends no clause goes on with that sentence: no heading, as a plain line would not be."""
    lines = read_lines("A_79_722_p8.tsv")
    i = next(k for k, l in enumerate(lines) if l.text.startswith(start))
    assert lines[i].italic and not LineKinds(lines, measure(lines, 10.1)).heading_like(i)


def test_italic_line_after_a_finished_sentence_may_head() -> None:
    """The same page with the line above ending its sentence: the italic line may be a heading."""
    lines = list(read_lines("A_79_722_p8.tsv"))
    i = next(k for k, l in enumerate(lines) if l.text.startswith("process: “defining the overarching"))
    lines[i] = lines[i].__class__(**{**lines[i].__dict__, "text": "Process and goals", "x1": 250.0})
    lines[i - 1] = lines[i - 1].__class__(**{**lines[i - 1].__dict__, "text": lines[i - 1].text + "."})
    assert LineKinds(tuple(lines), measure(tuple(lines), 10.1)).heading_like(i)
