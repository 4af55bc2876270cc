"""Draft resolutions and decisions inside a report (issue 15: nothing lost, numbering exact).

A commission's report on its session holds the texts of the drafts it recommends, each numbering
its operative paragraphs afresh from 1 while the report's own paragraphs run on around them.
Each case is an excerpt of a real UN PDF's lines (tests/fixtures/pdf_lines, printed by
bench/dump_lines.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from ingest.models import format_citation
from ingest.pdf.drafts import draft_label
from ingest.pdf.segment import segment
from layout_fixtures import FIXTURES as LINES, read_lines

FIXTURES = LINES.parent

E_2025_31 = "E_2025_31_p7-8-36-37-39-40.tsv"  # para. 1, draft resolution I, B. draft decisions, chap. II


def _numbered(lines) -> list[tuple[str, str, int]]:
    """(part, kind, number) of every numbered block: paragraphs and preambular paragraphs."""
    return [(b.part, b.kind, b.number) for b in segment(lines, 10.0)[0]
            if b.kind in ("paragraph", "preamble") and b.page is None]


LABELS = [
    ("Draft resolution I", "draft resolution I"),
    ("Draft decision IV", "draft decision IV"),
    ("Draft resolution", "draft resolution"),  # a report recommending a single draft
    ("DRAFT RESOLUTION II", "draft resolution II"),
    ("Resolution 2025/3", "resolution 2025/3"),  # a commission's own resolutions, brought to attention
    ("Decision 58/101", "decision 58/101"),
    ("Decision 88/VII", "decision 88/VII"),
    # the report's own headings and sentences, never a draft's
    ("A. Draft resolutions for adoption by the Council", ""),
    ("Draft decision for adoption by the Council", ""),
    ("Decisions and recommendations", ""),
    ("resolution 60/251", ""),
    ("Decision on addressing the threat from chemical weapons use and the threat of", ""),
]


@pytest.mark.parametrize("text, label", LABELS, ids=[t for t, _ in LABELS])
def test_draft_headings_and_their_labels(text, label):
    assert draft_label(text) == label


def test_report_numbering_runs_on_around_a_draft_numbered_afresh():
    """E/2025/31: report para. 1 recommends the draft resolutions; draft resolution I's preamble
    (the enacting formula and ten preambular paragraphs) and its operative paragraphs 1-6 (set
    at the first-line indent) are its own part; ``B. Draft decisions ...`` ends it and the report
    goes on with para. 2; the draft decisions number nothing of their own, so the agenda
    decision V approves (``1. Adoption of the agenda ...`` at the indent) is no report paragraph,
    and chapter II goes on with paras. 3-11."""
    assert _numbered(read_lines(E_2025_31)) == (
        [("", "paragraph", 1)]
        + [("draft resolution I", "preamble", n) for n in range(1, 11)]
        + [("draft resolution I", "paragraph", n) for n in range(1, 7)]
        + [("", "paragraph", n) for n in range(2, 12)])


def _at_margin(l):
    """The draft's operative numbers set at the margin, like the report's own."""
    return replace(l, x0=123.4) if l.page == 8 and re.match(r"^\d+\. ", l.text) and l.x0 > 140 else l


def _lone_heading(l):
    """A report recommending one draft prints a lone ``Draft resolution``."""
    return replace(l, text="Draft resolution") if l.text == "Draft resolution I" else l


def _adopted(l):
    """A report bringing a commission's own resolutions to the Council's attention."""
    return replace(l, text="Resolution 2025/3") if l.text == "Draft resolution I" else l


VARIANTS = [
    # (how E/2025/31's lines are changed, the draft's part label)
    (_at_margin, "draft resolution I"),
    (_lone_heading, "draft resolution"),
    (_adopted, "resolution 2025/3"),
]


@pytest.mark.parametrize("change, label", VARIANTS, ids=["numbers-at-margin", "lone-heading", "adopted-resolution"])
def test_draft_layout_variants(change, label):
    """The same pages set another common way: the draft is still one part, the report's
    paragraphs still run on around it."""
    got = [n for n in _numbered(tuple(change(l) for l in read_lines(E_2025_31))) if n[1] == "paragraph"]
    assert got == [("", "paragraph", 1)] + [(label, "paragraph", n) for n in range(1, 7)] + [
        ("", "paragraph", n) for n in range(2, 12)]


def test_draft_blocks_read_as_a_resolution():
    """The draft's title is its section, the enacting formula opens preambular para. 1, each
    operative paragraph is cited within the draft's part."""
    blocks = segment(read_lines(E_2025_31), 10.0)[0]
    pre = [b for b in blocks if b.kind == "preamble"]
    assert pre[0].lines[:2] == ["The Economic and Social Council,",
                                "Recalling the outcome documents of the World Summit on the Information"]
    assert pre[1].lines[0].startswith("Recalling also its resolution 2006/46")
    assert pre[0].section == ("Assessment of the progress made in the implementation of and follow-up to the "
                              "outcomes of the World Summit on the Information Society",)
    ops = [b for b in blocks if b.kind == "paragraph" and b.part == "draft resolution I"]
    assert ops[2].lines[0].startswith("Reaffirms its commitment to the full implementation")
    assert format_citation("E/2025/31", "paragraph", 3, ops[2].part) == "E/2025/31, draft resolution I, para. 3"
    assert format_citation("E/2025/31", "preamble", 2, pre[1].part) == "E/2025/31, draft resolution I, preambular para. 2"


def test_unnumbered_draft_decisions_are_one_chunk_each_under_their_heading():
    """Draft decision I is one unnumbered paragraph, decision II a lead-in and lettered items,
    decision V lettered items and the agenda it approves (``1. Adoption of the agenda ...``,
    bold ``Documentation`` sub-heads): each is a part of its own, one block of kind ``part``
    cited by its label (``E/2025/31, draft decision I``), filed under its heading and title;
    the report's para. 2 before them keeps its number."""
    blocks = segment(read_lines(E_2025_31), 10.0)[0]
    drafts = [b for b in blocks if b.kind == "part"]
    assert [b.part for b in drafts] == ["draft decision I", "draft decision II", "draft decision V"]
    assert drafts[0].section[-1] == ("Draft decision I. Extension of the mandate of the Gender Advisory Board of "
                                     "the Commission on Science and Technology for Development")
    assert drafts[0].lines[0].startswith("The Economic and Social Council decides to extend the mandate")
    assert drafts[0].lines[-1].endswith("within the extrabudgetary resources allocated for this purpose.")
    agenda = drafts[2].lines
    assert agenda[0] == "The Economic and Social Council:"
    assert "1. Adoption of the agenda and other organizational matters." in agenda
    assert agenda[-1] == "8. Adoption of the report of the Commission on its twenty-ninth session."
    assert not any(b.kind == "paragraph" and b.page is not None for b in blocks)
    assert format_citation("E/2025/31", "part", 0, drafts[1].part) == "E/2025/31, draft decision II"
    para2 = next(b for b in blocks if b.kind == "paragraph" and b.page is None and b.part == "" and b.number == 2)
    assert para2.lines[0].startswith("The Commission recommends to the Economic and Social Council the adoption")


def test_a_draft_inside_a_chapter_that_is_a_part_is_cited_within_it():
    """The same pages with chapter II's paragraphs numbered afresh (as in E/2025/24, whose
    chapters are parts): the draft is ``chap. I, draft resolution I``, the report's paragraphs
    are chap. I's and chap. II's."""
    out = []
    for l in read_lines(E_2025_31):
        m = re.match(r"^(\d{1,2})\. ", l.text)
        if l.page == 40 and m:
            l = replace(l, text=f"{int(m.group(1)) - 2}." + l.text[m.end() - 1:])
        out.append(l)
    got = _numbered(tuple(out))
    assert got[:2] == [("chap. I", "paragraph", 1), ("chap. I, draft resolution I", "preamble", 1)]
    assert ("chap. I, draft resolution I", "paragraph", 6) in got
    assert got[-10:] == [("chap. I", "paragraph", 2)] + [("chap. II", "paragraph", n) for n in range(1, 10)]


def test_decisions_whose_paragraphs_run_on_with_the_report_open_no_part():
    """A/80/48: each ``Decision 39/2`` heading is over the report's own next paragraph (2., 3.,
    ... at the margin): nothing restarts, so the report reads as before, each paragraph filed
    under its decision's heading."""
    blocks = segment(read_lines("A_80_48_p7-8.tsv"), 10.0)[0]
    paras = [b for b in blocks if b.kind == "paragraph"]
    assert [(b.part, b.number) for b in paras] == [("", n) for n in range(1, 12)]
    assert paras[1].section[-1] == "Decision 39/2"
    assert paras[7].section[-1] == "A. States Parties to the Convention"


def test_decisions_ahead_of_a_volumes_paragraphs_are_parts_that_number_nothing():
    """A/80/38, pp. 12, 23-26: part one's paragraphs, then ``Part Two`` (numbered afresh) opens
    with the session's decisions (``Decision 89/I`` ... ``89/X``) before its own paragraph 1. A
    decision ahead of any numbered paragraph of its part opens a part only where it numbers
    nothing (``Chapter II`` ends the last one before the report's ``1.``): each is one chunk,
    ``part two, decision 89/I``, and the volume's paragraphs 1-10 keep their numbers."""
    blocks, _, loose, _ = segment(read_lines("A_80_38_p12-23-26.tsv"), 10.0)
    assert [(b.part, b.number) for b in blocks if b.kind == "paragraph"] == (
        [("", n) for n in range(1, 11)] + [("part two", n) for n in range(1, 11)])
    numerals = "I II III IV V VI VII VIII IX X".split()
    decisions = [b for b in blocks if b.kind == "part"]
    assert [(b.part, b.section[-1]) for b in decisions] == [
        (f"part two, decision 89/{n}", f"Decision 89/{n}") for n in numerals]
    assert decisions[0].lines[0].startswith("On 23 October 2024, the Committee adopted")
    assert loose == {}  # no text of theirs left to be cited by page


def test_a_long_unnumbered_draft_is_split_like_other_page_cited_text(monkeypatch):
    """Past the length limit an unnumbered draft is split where the page shows new paragraphs,
    cited by page within its part (``draft decision V, p. 39, para. 2``; draft decision II: its
    lead-in and lettered items stay together as one list)."""
    from ingest.pdf import drafts

    def cited():
        blocks = segment(read_lines(E_2025_31), 10.0)[0]
        return [b for b in blocks if b.kind == "part" or (b.kind == "paragraph" and b.page is not None)]

    whole = cited()
    monkeypatch.setattr(drafts, "LONG_DRAFT", 300)
    split = cited()
    assert [b.kind for b in whole] == ["part"] * 3 and len(split) > 3
    assert all(b.kind == "paragraph" and b.page is not None and b.part.startswith("draft decision") for b in split)
    assert all(b.section[-1].startswith("Draft decision") for b in split)
    assert [t for b in split for t in b.lines] == [t for b in whole for t in b.lines]  # nothing lost


# -- end to end: a real report's pages (E/2025/31, pp. 1, 7-8, 25, 29, 35-37, 39-41) -------------
EXCERPT = FIXTURES / "E_2025_31_excerpt.en.pdf"


@pytest.fixture(scope="module")
def report():
    from ingest import read_document

    return read_document(EXCERPT)


def test_report_with_drafts_cites_every_paragraph_as_the_document_numbers_it(report):
    """The report's paragraphs 1-21 keep their numbers (none cited by page), each draft
    resolution's operative paragraphs and preamble are cited within it, and no body line is lost."""
    from ingest.pdf.coverage import body_coverage

    cites = [c.citation for c in report.chunks]
    assert [c.number for c in report.chunks if c.kind == "paragraph" and not c.part and c.page is None] == list(
        range(1, 22))
    assert "E/2025/31, draft resolution I, para. 3" in cites
    assert "E/2025/31, draft resolution I, preambular para. 10" in cites
    assert "E/2025/31, draft resolution II, para. 2" in cites
    assert len(set(cites)) == len(cites)
    assert body_coverage(EXCERPT, report).lost == ()


@pytest.fixture(scope="module")
def drafts_index(tmp_path_factory):
    from search.cli import main

    folder = tmp_path_factory.mktemp("drafts") / "ix"
    assert main(["ingest", str(EXCERPT), "--index", str(folder), "--quiet"]) == 0
    return folder


def test_show_and_get_a_drafts_paragraph_by_its_part(drafts_index, capsys):
    from search import Searcher
    from search.cli import main

    assert main(["show", "E/2025/31", "3", "--part", "draft resolution I", "--index", str(drafts_index)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("E/2025/31, draft resolution I, para. 3") and "Reaffirms its commitment" in out
    assert main(["show", "E/2025/31", "--index", str(drafts_index)]) == 0
    contents = capsys.readouterr().out
    assert "[draft resolution I] Assessment of the progress made" in contents
    assert "A. Progress made in the implementation" in contents
    with Searcher.open(drafts_index) as s:
        assert s.get("E/2025/31", "preamble 2", part="Draft Resolution II").citation == (
            "E/2025/31, draft resolution II, preambular para. 2")
        assert s.get("E/2025/31", 3).text.startswith("The Commission considered agenda item 2")
    assert main(["show", "E/2025/31", "7", "--part", "draft resolution I", "--index", str(drafts_index)]) == 4
    assert "E/2025/31, draft resolution I has no paragraph 7" in capsys.readouterr().err
