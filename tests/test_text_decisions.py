"""Decisions and drafts that number nothing, in text input, cited as the PDF reader cites them
(issue 15): one chunk of kind ``part`` each, under its number and title.

Fixtures are pypdfium2 text extractions of real pages (tests/fixtures/text_decisions): E/2025/24
pp. 1, 7-11, 23-24 (chapter I: para. 2 introducing a draft decision with no heading of its own,
then ``56/101`` / ``National accounts`` / ``The Statistical Commission:`` ...), A/80/38 pp. 1, 9-12
(``Decision 88/I`` ... ahead of the volume's paragraphs) and E/2025/42 pp. 1, 7-8 (para. 1
introducing its draft decision).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.text.furniture import is_furniture, page_count
from ingest.text.paragraphs import parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_decisions"
E_2025_24 = "E_2025_24_p1-7-11-23-24"


def _text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def _doc(name: str, text: str | None = None):
    return parse_text(text if text is not None else _text(name), source=name)


def _parts(doc) -> list:
    return [c for c in doc.chunks if c.kind == "part"]


def test_each_decision_is_a_part_cited_by_its_number():
    doc = _doc(E_2025_24)
    parts = _parts(doc)
    assert [c.citation for c in parts] == ["E/2025/24, chap. I, draft decision"] + [
        f"E/2025/24, chap. I, decision 56/{n}" for n in (101, 102, 103, 104, 125, 126)]
    by = {c.citation: c for c in parts}
    first = by["E/2025/24, chap. I, decision 56/101"]
    assert first.section[-2:] == ("C. Decisions brought to the attention of the Council", "56/101. National accounts")
    assert first.text.startswith("The Statistical Commission: (a) Expressed its strong appreciation")
    assert first.text.endswith("a report on the review to the Commission by 2027.")
    # atop its page, 56/103 is a decision's number, not the page counter 9/31
    assert by["E/2025/24, chap. I, decision 56/103"].section[-1] == "56/103. Working methods of the Statistical Commission"
    assert by["E/2025/24, chap. I, decision 56/102"].text.endswith("planning their censuses.")
    assert by["E/2025/24, chap. I, decision 56/125"].section[-1] == "56/125. Programme questions"
    assert by["E/2025/24, chap. I, decision 56/125"].text.startswith("The Statistical Commission took note of the oral report")


def test_a_draft_introduced_by_the_paragraph_before_it_is_a_part():
    """Para. 2 ends ``... the adoption of the following draft decision:``; the draft's title and
    text follow, with an agenda numbered 1.-13. that is not the report's paras. 3-13."""
    doc = _doc(E_2025_24)
    draft = next(c for c in doc.chunks if c.citation == "E/2025/24, chap. I, draft decision")
    assert draft.section[-2:] == ("B. Draft decision for adoption by the Council",
                                  "Report of the Statistical Commission on its fifty-sixth session and provisional "
                                  "agenda and dates of the fifty-seventh session of the Commission")
    assert draft.text.startswith("The Economic and Social Council: (a) Takes note of the report")
    assert "11. Programme questions (Statistics Division). 12. Provisional agenda" in draft.text
    assert "E/CN.3/2025/37" not in draft.text  # the joint symbol heading its pages
    cited = [c.citation for c in doc.chunks if c.kind == "paragraph"]
    assert cited == [f"E/2025/24, chap. I, para. {n}" for n in (1, 2, 3)] + [
        f"E/2025/24, chap. II, para. {n}" for n in range(1, 8)]
    forum = _doc("E_2025_42_p1-7-8")
    assert [c.citation for c in _parts(forum)] == ["E/2025/42, draft decision"]
    assert [c.citation for c in forum.chunks if c.kind == "paragraph"][:2] == ["E/2025/42, para. 1", "E/2025/42, para. 2"]


def test_decisions_ahead_of_the_report_paragraphs():
    doc = _doc("A_80_38_p1-9-12")
    parts = _parts(doc)
    assert [c.citation for c in parts] == [f"A/80/38, decision 88/{n}" for n in ("I", "II", "III", "IV", "V", "VI", "VII")]
    assert parts[0].section[-1] == "Decision 88/I"
    assert parts[0].text.startswith("The Committee adopted a statement calling for peace")
    assert [c.number for c in doc.chunks if c.kind == "paragraph"] == list(range(1, 11))


def test_the_text_reader_cites_the_decisions_as_the_pdf_reader():
    from ingest import read_document

    pdf = read_document(Path(__file__).resolve().parent / "fixtures" / "E_2025_24_excerpt.en.pdf")
    assert [c.citation for c in _parts(_doc(E_2025_24))] == [c.citation for c in _parts(pdf)]


def test_bare_numbers_open_nothing_without_a_kind_or_after_a_running_sentence():
    """No lead-in naming decisions: the numbers head nothing (their text runs on in para. 3).
    A number a sentence runs on to (``... General Assembly resolution`` / ``46/169. Staff ...``,
    A/47/466's text) is no heading."""
    text = re.sub(r"(?i)decisions", "texts", _text(E_2025_24))
    assert [c.citation for c in _parts(_doc(E_2025_24, text))] == ["E/2025/24, chap. I, draft decision"]
    running = ("A/47/466\n1. The Committee met in 1992 and its members decided to hold further meetings at Geneva.\n"
               "2. The decisions below were taken at the session of the Committee, as set out below.\n"
               "3. Provision was made for the secretariat to continue\nits work, as foreseen by General Assembly resolution\n"
               "46/169. Staff continued to be made available to that secretariat by UNEP.\n"
               "4. Participation by States in the Committee continued to be high.\n")
    doc = _doc("A_47_466", running)
    assert _parts(doc) == []
    assert [c.number for c in doc.chunks if c.kind == "paragraph"] == [1, 2, 3, 4]


@pytest.mark.parametrize("line, furniture", [
    ("9/31", True),  # the page counter, as the document's footers print it (x/31)
    ("56/103", False),  # a decision's number at a page's top
    ("25-04747 9/31", True),
])
def test_a_page_counter_is_told_from_a_decision_number(line, furniture):
    lines = _text(E_2025_24).splitlines()
    assert page_count(lines) == 31
    assert is_furniture(line, "E/2025/24", page_count(lines)) is furniture
