"""A text document's title, read from page 1 as other tools write it (twenty-seventh session).

Each row is page 1 of a real library PDF as an extractor wrote it (the first lines, in
tests/fixtures/text_extractors/), and the title the PDF reader gives that document."""

from pathlib import Path

import pytest

from ingest.text.front_matter import text_front_matter
from ingest.text.front_lines import split_cells
from ingest.text.text_title import title_from

FIXTURES = Path(__file__).parent / "fixtures" / "text_extractors"

CASES = [
    # raw pdftotext runs a letter's title into its first sentence, below the agenda items' titles
    ("A_79_771_pdftotext_title.txt", "Letter dated 4 February 2025 from the Chargé d’affaires a.i. of the Permanent "
     "Mission of Ukraine to the United Nations addressed to the Secretary-General"),
    # ... and a report's title into ``Summary`` and the summary's text
    ("DP_OPS_2025_3_pdftotext_title.txt",
     "Annual report on implementation of the process innovation and digitalization programme"),
    ("A_80_75_pdftotext_title.txt", "Strengthening of the coordination of emergency humanitarian assistance of the "
     "United Nations (Report of the Secretary-General)"),
    # an Official Records cover prints its title above the organ's block; its sessions are not the title
    ("A_80_38_pdftotext_cover.txt", "Report of the Committee on the Elimination of Discrimination against Women"),
    # pdfminer: an agenda item with no title line of its own; the title is the block above ``Summary``
    ("E_ICEF_2025_20_pdfminer-clean_title.txt",
     "Annual report on the implementation of the UNICEF Gender Action Plan, 2022–2025"),
    # pdfminer sets each title line in a block of its own: lines that run on are one title
    ("S_2025_176_pdfminer-clean_title.txt", "United Nations Organization Stabilization Mission in the Democratic "
     "Republic of the Congo (Report of the Secretary-General)"),
    ("A_AC.172_2025_2_pdfminer-clean_title.txt",
     "Calendar of conferences and meetings of the United Nations for 2025 (Note by the Secretariat)"),
    # a rapporteur's line under a draft report's title is not the title
    ("A_CONF.230_2025_L.2_pdftotext_title.txt", "Draft report"),
]


@pytest.mark.parametrize("name,title", CASES)
def test_text_title_is_the_title_the_pdf_prints(name, title):
    assert text_front_matter((FIXTURES / name).read_text(encoding="utf-8")).title == title


def test_a_subtitle_alone_is_no_title():
    # pypdfium2 text has no blank lines: where the title's lines are cannot be told, and
    # "Report of the Secretary-General" alone would name every such report alike
    fm = text_front_matter((FIXTURES / "A_80_75_pypdfium2_title.txt").read_text(encoding="utf-8"))
    assert fm.title == "" and fm.date == "2025-04-10"


@pytest.mark.parametrize("lines,title", [
    (["Letter dated 2 May 2025 from the Permanent Representative of", "Chile to the United Nations addressed to the",
      "President of the Security Council", "I have the honour to transmit"],
     "Letter dated 2 May 2025 from the Permanent Representative of Chile to the United Nations addressed to the "
     "President of the Security Council"),
    (["Situation of human rights in the occupied", "territories", "", "Report of the Special Rapporteur",
      "Summary"], "Situation of human rights in the occupied territories (Report of the Special Rapporteur)"),
    (["!", "", "I. Introduction"], ""),
    (["Ocean governance", "1. The present note was prepared at the request of the Council and describes the work done."],
     "Ocean governance"),
])
def test_where_a_title_ends(lines, title):
    assert title_from(split_cells(lines), 0) == title
