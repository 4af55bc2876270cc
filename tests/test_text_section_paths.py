"""Section paths in other tools' text (issue 15, twenty-seventh session; measured by
``bench/text_chunk_agreement.py``): a lone label's title under it, ``Chapter II`` as a top-level label,
marks at a page's edge, an annex's or enclosure's label lines. Lines and fixtures are real extractions
of library PDFs (tests/fixtures/text_extractors), as the PDF reader's index gives their paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.text.edge_marks import blank_edge_marks
from ingest.text.label_titles import chapter_label, title_below
from ingest.text.paragraphs import _headings, parse_text
from ingest.text.part_titles import part_titles

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_extractors"


def _paths(name: str) -> dict[tuple[str, int], tuple[str, ...]]:
    doc = parse_text((FIXTURES / name).read_text(encoding="utf-8"))
    return {(c.part, c.number): c.section for c in doc.chunks if c.kind == "paragraph"}


def test_a_chapter_and_its_first_sections_letter_in_one_block():
    # A/79/19, pdftotext: "Chapter II" / "Organizational matters" / "A." / "Opening and duration ..."
    # was "A. Chapter II Organizational matters" > "Opening ..."; "C." under a list of officers was
    # "C. Mohamed Soliman (Egypt)"
    paths = _paths("A_79_19_pdftotext_p1-7.txt")
    assert paths[("", 1)] == ("Chapter I Introduction",)  # "Chapter I" / "Introduction" above para. 1
    assert paths[("", 2)] == ("Chapter II Organizational matters", "A. Opening and duration of the session")
    assert paths[("", 5)] == ("Chapter II Organizational matters", "B. Election of officers")
    assert paths[("", 7)] == ("Chapter II Organizational matters", "C. Agenda")


@pytest.mark.parametrize("lines, expected", [
    # pdftotext, A/79/19: the label's title is under it
    (["Chapter II", "Organizational matters", "A.", "Opening and duration of the session 1"],
     [(1, "Chapter II Organizational matters"), (2, "A. Opening and duration of the session 1")]),
    (["Mohamed Soliman (Egypt)", "C.", "Agenda"], [(0, "Mohamed Soliman (Egypt)"), (2, "C. Agenda")]),
    # A-69-207 style: a label that ends its block takes the title above it
    (["Panel discussion (New York, 25 June 2013)", "A."], [(2, "A. Panel discussion (New York, 25 June 2013)")]),
    # pdftotext, A/80/38: a list's last lines over a chapter are no part of its title
    (["Uzbekistan", "(CEDAW/C/UZB/FCO/6)", "Chapter V", "Activities carried out under the Optional Protocol"],
     [(0, "Uzbekistan (CEDAW/C/UZB/FCO/6)"), (1, "Chapter V Activities carried out under the Optional Protocol")]),
    # A/80/38: a chapter's one-line title, then a sub-heading
    (["Chapter VII", "Implementation of article 21 of the Convention", "Working group on working methods"],
     [(1, "Chapter VII Implementation of article 21 of the Convention"), (0, "Working group on working methods")]),
    # E/2025/24: a chapter title that filled its measure runs on
    (["Chapter I", "Matters calling for action by the Economic and Social", "Council or brought to its attention"],
     [(1, "Chapter I Matters calling for action by the Economic and Social Council or brought to its attention")]),
    # E/ICEF/2025/20, pdftotext: a sub-label's line under a long title is a sub-heading, not more of the title
    (["1.", "Maternal health and nutrition, including HIV testing, counselling and care",
      "(a) Quality and dignified maternal care and nutrition"],
     [(3, "1. Maternal health and nutrition, including HIV testing, counselling and care"),
      (0, "(a) Quality and dignified maternal care and nutrition")]),
])
def test_heading_blocks_read_into_levels(lines, expected):
    assert _headings(lines) == expected


def test_chapter_labels():
    assert chapter_label("Chapter III") == ("Chapter III", "")
    assert chapter_label("Chapter 2 Organizational matters") == ("Chapter 2", "Organizational matters")
    assert chapter_label("Chapter II of the report covers ...") is None  # prose, not a label
    assert chapter_label("Chapters") is None
    assert title_below(["A.", "Agenda"], 0) and not title_below(["A.", "1."], 0) and not title_below(["A."], 0)


def test_a_margin_letter_at_a_pages_edge_heads_nothing():
    # DP/2025/19, pypdfium2: "I" over the running header of every other page was a heading over paras 10-13
    paths = _paths("DP_2025_19_pypdfium2_p1-4.txt")
    assert paths[("", 10)] == ("I. Highlights of results achieved in 2024",)
    assert paths[("", 4)] == paths[("", 13)]


def test_marks_at_a_pages_edge_are_blanked_and_text_is_not():
    # A/47/466, pdftotext (a 1992 scan): its foot and the next page's head, as extracted
    lines = ["methodologies related to various aspects of work on climate change.", "", "/",
             "Digitized by Dag Hammarskjöld Library", "", "...", "", "['", "•", "\f", "A./47/466", "English",
             "Page 3", "9.", "Provision was made, within existing. United Nations budgetary resources,"]
    out = blank_edge_marks(lines, "A/47/466")
    assert [out[k] for k in (3, 10, 11, 12)] == ["", "", "", ""]  # the stamp; the symbol as read, language, page
    assert [k for k, line in enumerate(out) if line != lines[k]] == [3, 10, 11, 12]  # the bullet ends the foot's marks
    specks = ["Some text ends here.", "", "1 •••", "['", "\f", "A/47/466", "I", "", "10. Text"]
    assert blank_edge_marks(specks, "A/47/466") == ["Some text ends here.", "", "", "", "\f", "A/47/466", "", "",
                                                    "10. Text"]
    # a bullet opening the page's first item, a stop ending a table's last cell, a table note's letter
    kept = ["\f", "CEB/2025/4", "", "•", "", "Climate action boost food security,", "text.", ".", "b", "", "9"]
    assert blank_edge_marks(kept, "CEB/2025/4") == kept
    # the scan stamp is taken out wherever it stands, with its specks (pdfminer's A/47/466)
    mid = ["1. Text", 'Digitized by Dag Hammarskjöld Library". ~""__.._..r_.._..', "more text."]
    assert blank_edge_marks(mid, "A/47/466") == ["1. Text", "", "more text."]


def test_an_enclosures_label_lines_are_no_part_of_its_path():
    # S/2025/258, pdftotext: "Enclosure" / "[Original: Arabic, ...]" / a two-line title / the first section
    paths = _paths("S_2025_258_pdftotext_p1-4.txt")
    title = "Report by the Director General of the Organisation for the Prohibition of Chemical Weapons"
    assert paths[("enclosure", 1)] == (title, "Progress in the elimination of the Syrian chemical weapons programme")
    assert paths[("enclosure", 8)] == (title, "Obligations undertaken by the Syrian Arab Republic as a State "
                                              "Party to the Chemical Weapons Convention")


def test_an_annexs_letter_is_no_part_of_its_path():
    # A/79/985, pdftotext: "Annex I to the letter dated ... addressed to the Secretary-General" / its title
    paths = _paths("A_79_985_pdftotext_annex1.txt")
    assert paths[("annex I", 1)] == ("Special communiqué on the recent heinous attack of Israel against the "
                                     "Islamic Republic of Iran",)


@pytest.mark.parametrize("lines, expected", [
    # A/79/722, pdftotext: the addressee runs over two lines ("... and" / "the President of ...")
    (["Annex to the letter dated 13 January 2025 from the Permanent",
      "Representative of Kazakhstan to the United Nations addressed to",
      "the Secretary-General, the President of the General Assembly and",
      "the President of the Security Council",
      "Achievements of the Conference on Interaction and Confidencebuilding Measures in Asia under the chairmanship of Kazakhstan",
      "in 2020–2024", "Background"],
     ["Achievements of the Conference on Interaction and Confidencebuilding Measures in Asia under the "
      "chairmanship of Kazakhstan in 2020–2024", "Background"]),
    (["Annex II", "Membership of the Committee"], ["Membership of the Committee"]),
    (["Annex", "I. Introduction"], None),  # a labelled heading: left to the heading reader
    (["Annex to the letter dated 13 January 2025 from the Permanent", "Representative of Kazakhstan"], None),
    (["Background"], None),  # no part label
])
def test_part_titles(lines, expected):
    assert part_titles(lines) == expected


def test_a_sentence_end_and_a_footnotes_number_end_a_paragraph():
    # A/80/62, pdftotext: para. 22 ends "... review.27"; "(a)" / its title ran into it as text
    from ingest.text.note_ends import ends_at_note
    assert ends_at_note("line ahead of the 20-year review.27") and ends_at_note("uploaded a management response in UN-Info.12")
    assert not ends_at_note("increased by 3.5") and not ends_at_note("in 2030") and not ends_at_note("review.")
    lines = ["22.", "Action line facilitators review implementation annually using an agreed matrix of the action",
             "lines and the Goals and prepared summaries of developments under each action",
             "line ahead of the 20-year review.27", "", "(a)", "",
             "The role of public governance authorities and all stakeholders in the promotion of",
             "information and communications technologies for development (C1)", "23.",
             "The General Assembly undertook commitments in the Global Digital Compact."]
    text = "\n".join([f"{k}.\nText of paragraph {k}." for k in range(1, 22)] + lines)  # paras. 1-21 filler
    paras = {c.number: c for c in parse_text(text).chunks if c.kind == "paragraph"}
    assert paras[22].text.endswith("20-year review.27") and "(a)" not in paras[22].text  # no notes here to read 27 by
    assert paras[23].section[-1].startswith("(a) The role of public governance")


def test_a_sections_own_conclusions_nest_under_it():
    # CEB/2025/4: "B. Demographic change for sustainable development" / paragraphs / "Conclusions"
    from ingest.text.label_titles import under_label
    assert under_label([(1, "II. Follow-up ..."), (2, "B. Demographic change for sustainable development")])
    assert under_label([(1, "Chapter IV Consideration of reports")])
    assert not under_label([(1, "Introduction")]) and not under_label([])
    text = "\n".join(["1.", "Text of paragraph one.", "B. Demographic change for sustainable development", "2.",
                      "Text of paragraph two.", "Conclusions", "3.", "Text of paragraph three."])
    paras = {c.number: c for c in parse_text(text).chunks if c.kind == "paragraph"}
    assert paras[3].section == ("B. Demographic change for sustainable development", "Conclusions")


def test_a_chapter_label_ends_the_paragraph_above_it():
    # A/80/38, pdftotext: para. 27 ran on into "Chapter VII" / its title / its first sub-heading
    lines = ["27.", "The Committee decided that it would consider the reports of Liechtenstein, Luxembourg, Nepal",
             "and Sri Lanka.", "", "25-05091", "", "A/80/38", "", "Chapter VII",
             "Implementation of article 21 of the Convention", "Working group on working methods",
             "28. The working group met during the session."]
    text = "\n".join([f"{k}.\nText of paragraph {k}." for k in range(1, 27)] + lines)  # paras. 1-26 filler
    paras = {c.number: c for c in parse_text(text, symbol="A/80/38").chunks if c.kind == "paragraph"}
    assert paras[27].text.endswith("Sri Lanka.")
    assert paras[28].section == ("Chapter VII Implementation of article 21 of the Convention",
                                 "Working group on working methods")


def test_a_conclusion_after_an_unlabelled_section_is_top_level():
    # S/2025/258's enclosure: its title, sections as siblings under it, then "Conclusion" (the PDF: top level)
    text = "\n".join(["Letter dated 28 April 2025 from the Secretary-General", "I have the honour to transmit.",
                      "Enclosure", "[Original: Arabic, Chinese, English, French, Russian and Spanish]",
                      "Report by the Director General of the Organisation for the", "Prohibition of Chemical Weapons",
                      "Progress in the elimination of the Syrian chemical weapons programme", "1.",
                      "Text of paragraph one.", "Supplementary resources", "2.",
                      "The Secretariat continues to receive voluntary contributions.", "Conclusion", "3.",
                      "The Secretariat will continue its work."])
    paras = {c.number: c for c in parse_text(text).chunks if c.kind == "paragraph" and c.part == "enclosure"}
    title = "Report by the Director General of the Organisation for the Prohibition of Chemical Weapons"
    assert paras[2].section == (title, "Supplementary resources")
    assert paras[3].section == ("Conclusion",)


def test_a_footnotes_mark_on_its_own_line_heads_nothing():
    # A/80/62, pypdfium2: "... norms and principles for responsible behaviour among States." / "75" / "71. ITU held ..."
    from ingest.text.heading_lines import heading_text
    assert heading_text(["75"]) == [] and heading_text(["1.", "Introduction"]) == ["1.", "Introduction"]
    text = "\n".join(["1. Text of paragraph one.", "(k) International and regional cooperation (C11)",
                      "2. The Office of the Envoy on Technology facilitated preparations for the Compact.",
                      "continued work on rules, norms and principles for responsible behaviour among States.", "75",
                      "3. ITU held the fifth Global Standards Symposium."])
    paras = {c.number: c for c in parse_text(text).chunks if c.kind == "paragraph"}
    assert paras[3].section == ("(k) International and regional cooperation (C11)",)
