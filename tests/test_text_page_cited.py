"""Unnumbered text in other tools' extractions, cited by page as the PDF reader cites it (issue 15).

Fixtures are real extractions (tests/fixtures/text_extractors): poppler's ``pdftotext`` text of
E/C.2/2025/2/Add.9 pp. 1-3 (a compilation whose contents list numbers its sections), of
A/HRC/EMRIP/2025/1 pp. 1-3 (an agenda, then its annotations with no paragraph numbers) and of
E/HLPF/2025/6 pp. 1-2 (a note transmitting a report, over its paragraph 1). The short line
excerpts below are copied from the dev half's extractions (``bench/text_pdf_agreement.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.text.contents_numbers import listed_numbers
from ingest.text.masthead_columns import unfold_masthead
from ingest.text.paragraphs import parse_text
from ingest.text.unnumbered_breaks import bridges_blank, opens_paragraph, split_unnumbered

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_extractors"


def _doc(name: str, source: str):
    return parse_text((FIXTURES / name).read_text(encoding="utf-8"), source=source)


def _page_cited(doc) -> dict[tuple[int, int], object]:
    return {(c.page, c.number): c for c in doc.chunks if c.kind == "paragraph" and c.page}


def test_a_compilations_listed_section_numbers_are_no_paragraphs():
    doc = _doc("E_C.2_2025_2_Add.9_pdftotext_p1-3.txt", "E_C.2_2025_2_Add.9.en.txt")
    assert not [c for c in doc.chunks if c.kind == "paragraph" and not c.page]  # was six "paragraphs"
    cited = _page_cited(doc)
    assert cited[(2, 1)].text.startswith("Established in 1988, the International Association of Soldiers for Peace")
    assert cited[(2, 1)].section[-1] == "Introduction"
    assert cited[(2, 2)].text.startswith("The Association brings together all former United Nations peacekeepers")


def test_contents_entries_and_the_labels_they_list():
    lines = list(enumerate(["Contents", "1. International Association of Soldiers for Peace . . . . . . . . . . .", "",
                            "2", "", "2. Ligue marocaine de la citoyenneté et des droits de l’homme . . . . . . .",
                            "", "3", "\f", "1.", "", "International Association of Soldiers for Peace",
                            "Special, 1995", "1.", "", "Strengthen regional dialogue and the collective action"]))
    assert listed_numbers(lines) == {1, 5, 9}  # the entries and the section label; not the list's ``1.``


def test_an_agendas_annotations_are_parted_into_page_cited_paragraphs():
    doc = _doc("A_HRC_EMRIP_2025_1_pdftotext_p1-3.txt", "A_HRC_EMRIP_2025_1.en.txt")
    assert sorted(c.number for c in doc.chunks if c.kind == "paragraph" and not c.page) == list(range(1, 13))
    cited = _page_cited(doc)
    assert cited[(2, 1)].text.startswith("Pursuant to paragraph 11 of General Assembly resolution 60/251")
    assert cited[(2, 1)].section[-1] == "1. Election of officers"
    assert cited[(2, 2)].text.startswith("The Expert Mechanism will have before it the provisional agenda")
    assert cited[(2, 2)].section[-1] == "2. Adoption of the agenda and organization of work"


def test_a_transmittal_note_over_paragraph_1_is_cited_by_page_not_a_summary():
    doc = _doc("E_HLPF_2025_6_pdftotext_p1-2.txt", "E_HLPF_2025_6.en.txt")
    assert not [c for c in doc.chunks if c.kind == "summary"]
    assert _page_cited(doc)[(1, 1)].text.startswith("The President of the Economic and Social Council has the honour")


@pytest.mark.parametrize("prev, line, after, opens", [
    # pdftotext -layout, E/C.2/2025/2: a first-line indent after a sentence's end
    ("               people and represents a threat to them.",
     "                     We work to protect and assist poor children and promote the empowerment of",
     "               women and girls. To this end, we provide them with school enrolment support through", True),
    # a heading's line over an indented first line
    ("               Contribution of the organization to the work of the United Nations",
     "                    We are fervently advocating the acceleration of progress towards the Sustainable",
     "               Development Goals, in particular Goal 1 (No poverty), Goal 2 (Zero hunger), Goal 3", True),
    # a paragraph's second line, at the margin
    ("                     In this quadrennial report for the period 2020–2023, we wish to highlight the",
     "               importance of adopting a cross-cutting approach to human rights, in order to ensure",
     "               peace, security and prosperity for women and children in Africa, especially in Togo.", False),
    # A/79/939: a link's wrapped line under its hanging number
    ("           1.    https://dsns.gov.ua/news/nadzvicaini-podiyi/ministr-vnutrisnix-sprav-ukrayini-",
     "                 igor-klimenko-cergova-ataka-rosiian-zabrala-zittia-riatuvalnikiv",
     "           2.    https://dsns.gov.ua/news/nadzvicaini-podiyi/nevimovna-vtrata-vnaslidok-", False),
    # a dash item after a sentence's end, at the same indent
    ("coronavirus disease (COVID-19) pandemic).",
     "– 2021–2022: virtual participation in several meetings, including those of the",
     "sixty-fifth and sixty-sixth sessions of the Commission on the Status of Women,", True),
])
def test_where_a_paragraph_opens_with_no_blank_line(prev, line, after, opens):
    assert opens_paragraph(prev, line, after) is opens


@pytest.mark.parametrize("line, bridges", [
    ("– 2017: representatives attended the sixty-first session of the Commission on the", True),  # pdfminer
    ("Status of Women, in America.", False),
    ("Excellency,", False),  # a salutation: short
    ("Participation in meetings of the United Nations", False),  # a heading
])
def test_a_blank_line_inside_a_sentence_parts_nothing(line, bridges):
    assert bridges_blank(line) is bridges


def test_a_list_and_its_wrapped_lines_stay_with_their_lead_in():
    lines = ["The Agence pour le développement intégré au Congo has contributed to",
             "Sustainable Development Goals 1, 2, 4 and 6 in the Democratic Republic of the Congo", "by:",
             "– Producing and distributing agricultural products and fish in Lubumbashi,", "Kipushi, Lubefu and Likasi",
             "– Providing young people with training in construction, livestock breeding and",
             "fruit tree-planting in the town of Lubefu", "Cooperation with United Nations bodies", "None."]
    pieces = split_unnumbered([list(enumerate(lines))], 84)
    assert [len(p) for p in pieces] == [7, 1, 1]  # the paragraph with its list, the heading, its text


def test_a_layout_masthead_is_read_left_column_first():
    text = "\n".join([
        "               United Nations                                                                                DP/2025/19",
        "               Executive Board of the                                               Distr.: General",
        "               United Nations Development                                           24 March 2025",
        "               Programme, the United Nations                                        Original: English",
        "               Population Fund and the United",
        "               Nations Office for Project Services", "", "", "Annual Session 2025"])
    assert unfold_masthead(text).split("\n")[:12] == [
        "United Nations", "Executive Board of the", "United Nations Development", "Programme, the United Nations",
        "Population Fund and the United", "Nations Office for Project Services", "", "DP/2025/19",
        "Distr.: General", "24 March 2025", "Original: English", ""]


def test_a_layout_masthead_line_is_no_summary():
    text = "\n".join([
        "               United Nations                                                                             S/2025/176",
        "               Security Council                                                  Distr.: General",
        "                                                                                 20 March 2025", "",
        "               United Nations Organization Stabilization Mission in the",
        "               Democratic Republic of the Congo", "               Report of the Secretary-General", "",
        "       I. Introduction",
        "               1.    The present report, submitted pursuant to paragraph 49 of Security Council",
        "               resolution 2765 (2024), covers major developments in the Democratic Republic of",
        "               the Congo since the previous report of 29 November 2024."])
    doc = parse_text(text, source="S_2025_176.en.txt")
    assert not [c for c in doc.chunks if c.kind == "summary"]
    assert [c.number for c in doc.chunks if c.kind == "paragraph"] == [1]
