"""Heading runs in other tools' text (issue 15, twenty-eighth session; measured by
``bench/text_chunk_agreement.py --half dev2``): where one unlabelled heading ends and the next opens,
whose title a wrapped line continues, an annex's label over a title of many lines, and a contents
list's ``Annex`` entry. Lines are copied from extractions of library PDFs (tests/fixtures/text_extractors),
and the paths expected are the PDF reader's."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.text.heading_lines import opens_heading
from ingest.text.paragraphs import _headings, _in_contents, parse_text
from ingest.text.part_titles import part_titles, titles_only

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_extractors"

_GOAL_3 = ["Goal 3", "Building health systems for the future: inclusive, resilient and multisectoral",
           "solutions for achieving Sustainable Development Goal 3 in the Economic",
           "Commission for Europe Region"]
_GOAL_3_TITLE = ("Goal 3 Building health systems for the future: inclusive, resilient and multisectoral solutions for "
                 "achieving Sustainable Development Goal 3 in the Economic Commission for Europe Region")


@pytest.mark.parametrize("lines, expected", [
    # E/HLPF/2025/3/Add.3, pdftotext: the Goal's wrapped title line ran on in the chapter heading above it
    (["IV. Peer learning round tables"] + _GOAL_3, [(1, "IV. Peer learning round tables"), (0, _GOAL_3_TITLE)]),
    # ... and in the annex, a counted label alone opens a heading under the unlabelled one above it
    (["Outcomes of the peer learning round tables"] + _GOAL_3,
     [(0, "Outcomes of the peer learning round tables"), (0, _GOAL_3_TITLE)]),
    # A/CONF.230/2025/L.2, pdftotext: a counted label last in its block ends the title above it
    (["Mobilizing finance for ocean actions in support of Sustainable Development", "Goal 14"],
     [(0, "Mobilizing finance for ocean actions in support of Sustainable Development Goal 14")]),
    # A/80/1, pdftotext: a short heading over a longer one is two headings
    (["Our achievements", "Implementing the 2030 Agenda"], [(0, "Our achievements"), (0, "Implementing the 2030 Agenda")]),
    # ... and a top-level word under a labelled title that filled its measure is no more of that title
    (["A.", "Promotion of sustained economic growth and sustainable development", "Context"],
     [(2, "A. Promotion of sustained economic growth and sustainable development"), (0, "Context")]),
    # E/HLPF/2025/3/Add.3: a chapter's title ending on a year runs on; so does a quotation left open
    (["III. High-level policy segment: “Advancing sustainable,",
      "inclusive, science- and evidence-based solutions for the 2030",
      "Agenda for Sustainable Development and its Sustainable", "Development Goals in the Economic Commission for",
      "Europe region for leaving no one behind”"],
     [(1, "III. High-level policy segment: “Advancing sustainable, inclusive, science- and evidence-based solutions "
          "for the 2030 Agenda for Sustainable Development and its Sustainable Development Goals in the Economic "
          "Commission for Europe region for leaving no one behind”")]),
])
def test_heading_runs_part_as_the_pdf_nests_them(lines, expected):
    assert _headings(lines) == expected


@pytest.mark.parametrize("group, line, opens", [
    (["Our achievements"], "Implementing the 2030 Agenda", True),
    (["Goal 3"], "Building health systems for the future: inclusive, resilient and multisectoral", False),
    (["Outcomes of the peer learning round tables"], "Goal 3", True),
    # a wrapped title's next line is no longer than the line it runs on from
    (["Building health systems for the future: inclusive, resilient and multisectoral"],
     "Commission for Europe Region", False),
    (["Report of the Special Rapporteur on the"], "Situation of human rights defenders in the world", False),
    # A/80/62 and E/2025/36, pdftotext: a list label alone or at a line's end has its title under it
    (["(a)"], "The role of public governance authorities and all stakeholders in the promotion of", False),
    (["Implementation of the Doha Programme of Action (for approval) b)"], "Update on the implementation", False),
    # DP/FPA/2025/4 (Part II), pdftotext: a misprinted running header over a heading opens nothing
    (["DP/FPA/2021/4 (Part II)"], "Recommendation 4. The Executive Boards should, as part of their overall", False),
])
def test_opens_heading(group, line, opens):
    assert opens_heading(group, line) is opens


_ANNEX = ["Annex", "Co-Chairs’ summary of the discussions",
          "High-level policy segment on the theme “Advancing sustainable,",
          "inclusive, science- and evidence-based solutions for the",
          "2030 Agenda for Sustainable Development and its Sustainable",
          "Development Goals in the Economic Commission for Europe", "region for leaving no one behind”"]


def test_an_annex_label_over_a_title_of_many_lines_is_its_titles():
    # E/HLPF/2025/3/Add.3, every extractor: the block was cited by page as two paragraphs and the annex's
    # 28 paragraphs had no path; the PDF reader nests the theme under the summary's title
    titles = part_titles(_ANNEX)
    assert titles == ["Co-Chairs’ summary of the discussions",
                      "High-level policy segment on the theme “Advancing sustainable, inclusive, science- and "
                      "evidence-based solutions for the 2030 Agenda for Sustainable Development and its Sustainable "
                      "Development Goals in the Economic Commission for Europe region for leaving no one behind”"]
    assert titles_only(_ANNEX)
    # text under a label (sentences, a draft resolution's opening clauses) is no title
    assert not titles_only(["Annex II", "Draft resolution", "Observer status for the Brazilian-Argentine Agency for "
                            "Accounting", "and Control of Nuclear Materials in the General Assembly",
                            "The General Assembly,", "Recalling its resolution 76/52, of 6 December 2021,"])
    assert not titles_only(["Annex", "List of participants", "The following States were represented.",
                            "Albania, Armenia, Austria.", "Observers:", "Holy See."])


def test_paths_of_a_report_whose_round_tables_are_counted():
    doc = parse_text((FIXTURES / "E_HLPF_2025_3_Add.3_pdftotext_p1-5.txt").read_text(encoding="utf-8"))
    paths = {c.number: c.section for c in doc.chunks if c.kind == "paragraph" and c.page is None}
    assert paths[17] == ("IV. Peer learning round tables", _GOAL_3_TITLE)
    assert paths[18] == ("IV. Peer learning round tables", "Goal 5 The time is now: inclusive, evidence-based and "
                         "transformative solutions for gender equality and women’s empowerment")
    assert paths[14][0].endswith("in the Economic Commission for Europe region for leaving no one behind”")


def test_a_contents_annex_line_set_apart_by_blank_lines():
    # E/2025/42, pdfminer-clean: the contents list's ``Annex`` is a blank line away from its entry, whose
    # leaders are on its second line; read as the annex, it put the whole report in it (93 paragraphs)
    lines = list(enumerate(["17", "", "Annex", "",
                            "Chair’s summary of the discussions at the twentieth session of the United Nations Forum on",
                            "Forests . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .", "", "18"]))
    assert _in_contents(lines, 2)
    assert not _in_contents(list(enumerate(["Annex", "", "Chair’s summary of the discussions", "", "1.", ""])), 0)


def test_a_heading_after_prose_is_the_sibling_of_the_one_above_ending_alike():
    # E/HLPF/2025/6, pdftotext: ``Special events`` / ``Special event of the 10-Member Group ...`` and its
    # paragraphs, then ``Side events``: the PDF reader sets it beside ``Special events``
    from ingest.text.heading_lines import prose_sibling
    path = [(1, "II. Highlights of the science, technology and innovation forum"),
            (2, "D. Special events, side events, young innovators and written contributions to the forum"),
            (3, "Special events"), (4, "Special event of the 10-Member Group on water and a sustainable built environment")]
    assert prose_sibling(path, "Side events") == 3
    assert prose_sibling(path, "Special event on science, technology and innovation for the least developed countries") == 4
    # A/80/1: under ``Our achievements`` / ``Prevention, management ...``, the last one's sibling
    assert prose_sibling([(2, "B. Maintenance of international peace and security"), (3, "Our achievements"),
                          (4, "Prevention, management and resolution of conflicts")], "Women and peace and security") == 4


def test_an_infographics_lines_head_nothing():
    # DP/2025/12, pdftotext: a figure's bullets and figures between a section's heading and its paragraphs
    # stood on the path of the paragraphs under them
    from ingest.text.heading_lines import heading_text
    lines = ["B. Reimagining the response to the planetary crisis", "- Resilience",
             "- 160 million people, 53 countries", "372,000 ex-combatants", "$430 billion in budgets", "•"]
    assert heading_text(lines) == ["B. Reimagining the response to the planetary crisis"]
    assert _headings(heading_text(lines)) == [(2, "B. Reimagining the response to the planetary crisis")]


@pytest.mark.parametrize("heading, expected", [
    # E/2025/42, pdftotext: note 4's mark glued to the heading (the marks before it, ``2,3``, were not read)
    ("A. Chair’s summary of the discussions at the twentieth session of the Forum4",
     "A. Chair’s summary of the discussions at the twentieth session of the Forum"),
    ("Mobilizing finance for ocean actions in support of Sustainable Development Goal 14",
     "Mobilizing finance for ocean actions in support of Sustainable Development Goal 14"),
    ("Response to COVID-19", "Response to COVID-19"),
])
def test_a_mark_glued_to_a_headings_last_word(heading, expected):
    from ingest.text.heading_lines import without_glued_mark
    assert without_glued_mark(heading) == expected


def test_a_tables_cells_one_a_line_head_nothing():
    # DP/FPA/2025/2, pdftotext: each recommendation's table (header and row) written one cell a line
    # between the recommendation and the paragraph answering it
    from ingest.text.heading_lines import heading_text
    cells = ["Business unit responsible", "Status", "Priority", "Target date", "Humanitarian Response Division",
             "Under implementation", "High", "March 2025"]
    assert heading_text(cells) == []
    heads = ["Chapter II", "The work of the Organization", "A.", "Promotion of sustained economic growth"]
    assert heading_text(heads) == heads
