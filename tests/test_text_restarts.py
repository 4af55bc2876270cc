"""The text reader numbers paragraphs as the PDF reader does on the same documents (issue 15),
on real pypdfium2 text extractions (a few pages each) of library PDFs: volumes and chapters that
number afresh, drafts inside a report, a letter's second annex, a scan's out-of-order numbers,
agenda lists inside a paragraph, and unnumbered text cited by page."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.text.paragraphs import parse_text
from ingest.text.part_heads import annex_label, chapter_label, draft_label, volume_label

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_restarts"


def _doc(name: str):
    return parse_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), source=name)


def _cited(name: str, kind: str = "paragraph") -> list[str]:
    return [c.citation for c in _doc(name).chunks if c.kind == kind]


@pytest.mark.parametrize("name, present, absent", [
    # Part One ... 15 paragraphs, Part Two numbers again from 1; the contents' "Part One" opens nothing
    ("A_80_38_volumes", ["A/80/38, part one, para. 1", "A/80/38, part one, para. 15", "A/80/38, part two, para. 1",
                         "A/80/38, part two, para. 10"], ["A/80/38, para. 1", "A/80/38, part one, para. 16"]),
    # chapters restart; the agenda 1.-13. set out in paragraph 2 is not paragraphs 3-13
    ("E_2025_24_chapters", ["E/2025/24, chap. I, para. 3", "E/2025/24, chap. III, para. 1", "E/2025/24, chap. IV, para. 1",
                            "E/2025/24, chap. V, para. 2"], ["E/2025/24, chap. I, para. 4", "E/2025/24, para. 1"]),
    # Draft resolution I numbers afresh; the report's para. 2 comes back after it; the agenda in
    # draft decision V is no paragraphs of the report
    ("E_2025_31_drafts", ["E/2025/31, para. 1", "E/2025/31, draft resolution I, para. 6", "E/2025/31, para. 2",
                          "E/2025/31, para. 3", "E/2025/31, para. 11"], ["E/2025/31, para. 12"]),
    # "Annex II to the letter dated ..." after annex I's ten paragraphs
    ("A_79_985_letter", ["A/79/985, annex I, para. 10", "A/79/985, annex II, para. 1", "A/79/985, annex II, para. 5",
                         "A/79/985, p. 1, para. 1"], ["A/79/985, annex I, para. 11"]),
    # a scan's first page gives 3., 2., 1.: 4. on the next page goes on the sequence
    ("A_47_466_scan", ["A/47/466, para. 1", "A/47/466, para. 4", "A/47/466, para. 12"], []),
])
def test_numbering_as_the_pdf_reader(name, present, absent):
    cited = _cited(name)
    for c in present:
        assert c in cited
    for c in absent:
        assert c not in cited


def test_draft_preamble_and_title():
    """A draft's enacting formula opens its first preambular paragraph; its title is its section."""
    doc = _doc("E_2025_31_drafts")
    pre = [c for c in doc.chunks if c.kind == "preamble"]
    assert pre and all(c.part == "draft resolution I" for c in pre)
    assert pre[0].text.startswith("The Economic and Social Council, Recalling the outcome documents")
    assert pre[1].text.startswith("Recalling also its resolution 2006/46")  # after "Society,1" (a footnote mark)
    op = next(c for c in doc.chunks if c.citation == "E/2025/31, draft resolution I, para. 1")
    assert op.section[0] == "Draft resolution I" and op.section[1].startswith("Assessment of the progress made")


def test_letter_text_and_unnumbered_annex_cited_by_page():
    """A letter's own text is cited by page, not read as the summary; so is an annex's unnumbered
    prose, split into paragraphs (not one chunk for the whole file)."""
    doc = _doc("A_79_722_letter")
    assert not [c for c in doc.chunks if c.kind == "summary"]
    cited = {c.citation: c.text for c in doc.chunks if c.kind == "paragraph"}
    letter = [t for c, t in cited.items() if c.startswith("A/79/722, p. 1,")]
    assert any(t.startswith("I would like to bring to your attention") for t in letter)
    annex = [t for c, t in cited.items() if c.startswith("A/79/722, p. 2,")]
    assert len(annex) >= 5 and annex[0].startswith("The Conference on Interaction and Confidence-building")
    assert all(len(t) < 1500 for t in annex)
    doc = _doc("A_79_985_letter")
    assert not [c for c in doc.chunks if c.kind == "summary"]
    assert doc.chunks[0].citation == "A/79/985, p. 1, para. 1"
    assert doc.chunks[0].text.startswith("I convey warm greetings")


@pytest.mark.parametrize("line, label", [
    ("Draft resolution I", "draft resolution I"), ("DRAFT DECISION", "draft decision"),
    ("Decision 58/101", "decision 58/101"), ("Draft resolution I: “System of National Accounts 2025”", ""),
])
def test_draft_labels(line, label):
    assert draft_label(line) == label


@pytest.mark.parametrize("fn, args, label", [
    (volume_label, ("Part Two",), "part two"), (volume_label, ("PART III",), "part iii"),
    (volume_label, ("Part Two of the report",), ""), (chapter_label, ("Chapter VIII",), "chap. VIII"),
    (chapter_label, ("Chapter I", "part two"), "part two, chap. I"), (chapter_label, ("Chapter Page",), ""),
    (annex_label, ("Annex I", "part three"), "part three, annex I"), (annex_label, ("ENCLOSURE",), "enclosure"),
])
def test_part_labels_shared_with_the_pdf_reader(fn, args, label):
    assert fn(*args) == label
