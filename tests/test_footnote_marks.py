"""Footnote numbers written apart from their notes (issue 15): poppler's ``pdftotext`` puts a note's raised
number on a line of its own, above the note or (raw order) after the page's notes; ``-layout`` indents it.
Real excerpts in tests/fixtures/text_extractors: raw pdftotext of A/80/62 pp. 1-3 (no rule over the notes)
and E/2025/76 p. 3, ``pdftotext -layout`` of A/80/75 p. 3. None needs poppler or /work/shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.text.footnote_feet import unmarked_footnotes
from ingest.text.footnote_refs import MarkRules, remove_footnote_refs
from ingest.text.furniture import page_lines, strip_furniture
from ingest.text.note_marks import Entry, assign_notes
from ingest.text.paragraphs import parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_extractors"


def _lines(name: str) -> list[str]:
    return page_lines((FIXTURES / name).read_text(encoding="utf-8"))


def _e(*items: str) -> list[Entry]:
    """``"7"`` a bare number, ``"4 See ..."`` a numbered line, anything else a line of text."""
    out = []
    for s in items:
        head, _, rest = s.partition(" ")
        out.append(Entry(head, rest) if head.isdigit() else Entry("", s))
    return out


CASES = [
    # A/80/75 p. 3, raw: the first note's number comes after the notes
    (_e("United Nations, Office for the Coordination of Humanitarian Affairs, Global Humanitarian",
        "Overview 2025 (2024).", "7", "Ibid.", "6"),
     {"6": "United Nations, Office for the Coordination of Humanitarian Affairs, Global Humanitarian "
           "Overview 2025 (2024).", "7": "Ibid."}),
    # E/CN.9/2025/6 p. 5: two numbers above two notes
    (_e("12", "13", "International Migration and Sustainable Development.", "See www.un.org/development/desa/pd/."),
     {"12": "International Migration and Sustainable Development.", "13": "See www.un.org/development/desa/pd/."}),
    # A/80/75 p. 16: a note's line opening on a date's day is no note of its own
    (_e("20", "IPC Famine Review Committee: Sudan,", "24 December 2024.", "21", "Ibid."),
     {"20": "IPC Famine Review Committee: Sudan, 24 December 2024.", "21": "Ibid."}),
    # E/2025/76 p. 11: a number left over below the last label does not take a later line; it fills the
    # unnumbered note above
    (_e("United Nations Office on Drugs and Crime, Impact on the Sahel (2024), p. 13.", "26",
        "International Organization for Migration, report.", "25", "27", "Across the Sahel, 12.7 million."),
     {"25": "United Nations Office on Drugs and Crime, Impact on the Sahel (2024), p. 13.",
      "26": "International Organization for Migration, report.", "27": "Across the Sahel, 12.7 million."}),
    # a page's "Note:" is no numbered note
    (_e("1", "Association for Progressive Communications (APC); World Trade Organization (WTO).",
        "Note: All websites referred to in footnotes were accessed in January 2025.", "2"),
     {"1": "Association for Progressive Communications (APC); World Trade Organization (WTO). "
           "Note: All websites referred to in footnotes were accessed in January 2025."}),
    # a starred note is left to the caller
    (_e("*", "Reissued for technical reasons."), None),
]


@pytest.mark.parametrize("entries,expected", CASES)
def test_numbers_go_back_on_the_lines_that_open_notes(entries, expected):
    assert assign_notes(entries) == expected


def test_raw_pdftotext_notes_after_the_rule_get_their_numbers():
    # "1" above note 1; notes 2 and 3 unnumbered; their numbers float after note 7
    notes = strip_furniture(_lines("E_2025_76_pdftotext_p3.txt"), "E/2025/76").footnotes
    assert sorted(notes, key=int) == [str(n) for n in range(1, 8)]
    assert notes["1"].startswith("Reconstituted Joint Monitoring")
    assert notes["2"].startswith("See https://press.un.org/")
    assert notes["3"].startswith("United Nations, Office for the Coordination") and notes["3"].endswith("2024.")
    assert notes["7"].startswith("See https://nbs.gov.ss/")


def test_layout_indented_numbers_label_the_notes_under_them():
    notes = strip_furniture(_lines("A_80_75_pdftotext-layout_p3.txt"), "A/80/75").footnotes
    assert notes == {"6": "United Nations, Office for the Coordination of Humanitarian Affairs, Global Humanitarian "
                          "Overview 2025 (2024).", "7": "Ibid."}


def test_notes_with_no_rule_opening_on_a_bare_number_are_read_to_the_page_break():
    lines = _lines("A_80_62_pdftotext_p1-3.txt")
    out, notes = unmarked_footnotes(lines, "A/80/62")
    assert len(out) == len(lines)  # blanked, not removed: pages and spans stay
    assert notes["1"].startswith("Association for Progressive Communications")
    assert notes["2"] == "A/RES/79/1."
    assert notes["3"] == "https://www.itu.int/en/history/Pages/MaitlandReport.aspx."
    assert notes["6"].endswith("BackgroundPaper. pdf.")
    assert not any(l.startswith("Association for Progressive") for l in out)


def test_a_paragraph_keeps_its_text_across_the_notes_and_carries_its_own():
    doc = parse_text((FIXTURES / "A_80_62_pdftotext_p1-3.txt").read_text(encoding="utf-8"), symbol="A/80/62")
    paras = {c.number: c for c in doc.chunks if c.kind == "paragraph" and not c.page}
    assert paras[2].text.startswith("The world has changed") and paras[2].text.endswith("benefit of humanity.")
    assert paras[2].footnotes == ("2 A/RES/79/1.",)
    assert [f.split()[0] for f in paras[4].footnotes] == ["3", "4", "5"]
    assert "Association" not in paras[1].text and "Note:" not in paras[2].text


@pytest.mark.parametrize("text,expected_refs", [
    ("regular resources between $8.4 and $8.9 million during the cycles.", []),  # DP/2025/19: a decimal
    ("reaching an estimated 4 trillion United States dollars annually.", []),  # E/2025/L.16
    ("the consumer price index of 181.27 in March 2025,4 weak transport", [4]),  # a mark after a year
    ("Sustainable Development Goal indicator 16.4.4. A unified platform", []),  # CEB/2025/4: a target's number
    ("its declaration on WSIS+20.4 The European Commission", [4]),  # A/80/62: a mark after a name's number
    ("Decisions by the UNDP Governing Council in 1988 and 19904 authorized UNV", [4]),  # DP/2025/19: glued to a year
    ("with a focus on Goals 3 (good health and well-being), 4 (quality education)", []),  # E/HLPF/2025/6: a list
])
def test_decimals_and_amounts_are_no_marks_in_a_text_reading(text, expected_refs):
    assert remove_footnote_refs(text, 4, MarkRules(decimals=True))[1] == expected_refs


# -- the PDF reader's rules: a figure is never cut for a mark no footnote has ------------------

PDF_RULES_CASES = [
    # (sentence as the PDF's text layer gives it, footnotes the document prints, next ref, text kept)
    ("The returnee numbers include 30 women and 25 men, 4 Kosovo Ashkali, 3 Kosovo Turks and 1 Kosovo Croat.",
     frozenset(), 3, "The returnee numbers include 30 women and 25 men, 4 Kosovo Ashkali, 3 Kosovo Turks and 1 Kosovo Croat."),
    ("to 29,473 (14,465 women and 15,008 men; 12,860 Kosovo Serbs)", frozenset({8}), 8,
     "to 29,473 (14,465 women and 15,008 men; 12,860 Kosovo Serbs)"),
    ("the exchange rate moved from 5.5 dinars to the United States dollar to 7.3 dinars to the dollar",
     frozenset({3}), 3, "the exchange rate moved from 5.5 dinars to the United States dollar to 7.3 dinars to the dollar"),
    ("request closure of this recommendation by Q2 2025.", frozenset(), 2,
     "request closure of this recommendation by Q2 2025."),
    # a mark whose footnote the document prints still goes, kept as a ref
    ("as decided by the Commission on Population and Development.4 The Commission", frozenset({4}), 4,
     "as decided by the Commission on Population and Development. The Commission"),
]


@pytest.mark.parametrize("text, notes, next_ref, kept", PDF_RULES_CASES)
def test_the_pdf_reader_cuts_a_number_only_for_a_footnote_the_document_prints(text, notes, next_ref, kept):
    out, refs, _ = remove_footnote_refs(text, next_ref, MarkRules(decimals=True, notes=notes))
    assert " ".join(out.split()) == kept
    assert all(r in notes for r in refs)
