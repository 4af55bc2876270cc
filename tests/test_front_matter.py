"""Page-1 metadata read from real UN page 1s (issue #14), table-driven like eyecite's tests.

Each case names a page of ``tests/fixtures/front_pages.txt`` (header lines of real PDFs of the
library, as the PDF reader hands them over, plus a few text forms) and what that page prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.text.front_matter import FrontMatter, doc_type, masthead_symbols, read_front_matter, text_front_matter

FIXTURE = Path(__file__).parent / "fixtures" / "front_pages.txt"
GA, SC, ECOSOC, HRC = "General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council"
UNDP_BOARD = ("Executive Board of the United Nations Development Programme, the United Nations Population Fund "
              "and the United Nations Office for Project Services")


def _pages() -> dict[str, tuple[list[str], str, list[str]]]:
    """name → (page-1 lines, title the PDF reader found, lines of later pages)."""
    pages = {}
    for block in FIXTURE.read_text(encoding="utf-8").split("\n=== ")[1:]:
        head, body = block.split("\n", 1)
        main, _, later = body.partition("--- later\n")
        main, _, title = main.partition("--- title\n")
        lines = [l for l in main.split("\n") if not l.startswith("#")]
        pages[head.split(":")[0]] = (lines, title.strip().split("\n")[0] if title else "", later.split("\n"))
    return pages


PAGES = _pages()


def meta(date=None, bodies=(), session=None, items=(), symbols=(), kind=None) -> dict:
    """The expected fields of one page (the title is checked separately)."""
    return {"date": date, "bodies": tuple(bodies), "session": session, "agenda_items": tuple(items),
            "symbols": tuple(symbols), "doc_type": kind}


CASES = [
    # a General Assembly / Security Council note: both organs, both sessions, the item, joint symbol
    ("A_80_275", meta("2025-07-29", [GA, SC], "Eightieth session; Eightieth year", ["129"],
                      ["A/80/275", "S/2025/491"], "note by the Secretary-General")),
    # reissue marks on the joint symbol; the sub-item "19 (b)"; the session as printed
    ("A_80_62", meta("2025-01-22", [GA, ECOSOC], "Eighteenth session; 2025 session", ["19 (b)"],
                     ["A/80/62", "E/2025/12"], "report of the Secretary-General")),
    # two columns run together: "Item 74 (a) of the preliminary list* 25 July 2024–30 July 2025"
    ("A_80_75", meta("2025-04-10", [GA, ECOSOC], "Eightieth session; 2025 session", ["74 (a)", "9"],
                     ["A/80/75", "E/2025/55"], "report of the Secretary-General")),
    # a Security Council report: no session block at all
    ("S_2025_200", meta("2025-04-01", [SC], None, [], ["S/2025/200"], "report of the Secretary-General")),
    # a letter
    ("S_2025_258", meta("2025-04-29", [SC], None, [], ["S/2025/258"], "letter")),
    # a list of agenda items, split
    ("A_79_771", meta("2025-02-03", [GA, SC], "Seventy-ninth session; Eightieth year",
                      ["62", "67", "80", "110", "132", "135"], ["A/79/771", "S/2025/82"], "letter")),
    # identical letters; an emergency special session; a hyphen inside a symbol
    ("A_ES-10_1022", meta("2025-02-12", [GA, SC], "Tenth emergency special session; Eightieth year", ["5"],
                          ["A/ES-10/1022", "S/2025/92"], "letter")),
    # a functional commission of ECOSOC
    ("E_CN.3_2025_8", meta("2024-12-12", [ECOSOC, "Statistical Commission"], "Fifty-sixth session", ["3 (e)"],
                           ["E/CN.3/2025/8"], "report of the Secretary-General")),
    # "Agenda item 13 (f) and (g)": two sub-items of one item
    ("E_2025_76", meta("2025-06-16", [ECOSOC], "2025 session", ["13 (f)", "13 (g)"], ["E/2025/76"],
                       "report of the Secretary-General")),
    # a draft resolution ("Iraq:*,** draft resolution")
    ("E_2025_L.27", meta("2025-07-22", [ECOSOC], "2025 session", ["17"], ["E/2025/L.27"], "draft resolution")),
    # the forum's column beside the Council's: its organ, its agenda item
    ("E_2025_L.16", meta("2025-07-17", [ECOSOC, "High-level political forum on sustainable development"],
                         "2025 session", ["5", "3"], ["E/2025/L.16", "E/HLPF/2025/L.1"], "draft declaration")),
    # an executive board: its masthead set over five lines beside the distribution block
    ("DP_2025_26", meta("2025-06-24", [UNDP_BOARD], "Second regular session 2025", ["5"], ["DP/2025/26"],
                        "report of the Managing Director")),
    # "United Nations Children's Fund" / "Executive Board" under an ECOSOC masthead
    ("E_ICEF_2025_AB_L.3", meta("2025-04-14", [ECOSOC, "Executive Board of the United Nations Children’s Fund"],
                                "Annual session 2025", ["14"], ["E/ICEF/2025/AB/L.3"], "report")),
    ("UNW_2025_2", meta("2025-04-11", ["Executive Board of the United Nations Entity for Gender Equality and the "
                                       "Empowerment of Women"], "Annual session of 2025", ["2"], ["UNW/2025/2"],
                        "report")),
    # an organ printed in capitals reads as in running text, so `--body "Conference of the Parties"` finds it
    ("ICCD_COP_8_CST_8", meta("2007-07-10", ["Convention to Combat Desertification", "Conference of the Parties",
                                             "Committee on Science and Technology"], "Eighth session", ["6 (b)"],
                              [], "report")),  # its symbol comes from the PDF reader, not these lines
    # a Human Rights Council subsidiary body
    ("A_HRC_EMRIP_2025_1", meta("2025-04-14", [GA, HRC, "Expert Mechanism on the Rights of Indigenous Peoples"],
                                "Eighteenth session", ["2"], ["A/HRC/EMRIP/2025/1"], "provisional agenda")),
    # a committee named over four lines, no session line
    ("A_AC.109_2025_L.1", meta("2024-12-04", [GA, "Special Committee on the Situation with regard to the "
                                              "Implementation of the Declaration on the Granting of Independence "
                                              "to Colonial Countries and Peoples"], None, [], ["A/AC.109/2025/L.1"],
                               "note by the Secretary-General")),
    # a conference's own document: the conference is the only organ
    ("A_CONF.230_2025_10", meta("2025-04-29", ["2025 United Nations Conference to Support the Implementation of "
                                               "Sustainable Development Goal 14: Conserve and sustainably use the "
                                               "oceans, seas and marine resources for sustainable development"],
                                None, ["9"], ["A/CONF.230/2025/10"], "concept paper")),
    ("E_HLPF_2025_6", meta("2025-06-02", [ECOSOC, "High-level political forum on sustainable development"], None, [],
                           ["E/HLPF/2025/6"], "note by the Secretariat")),
    ("CEB_2025_4", meta("2025-06-24", ["Chief Executives Board for Coordination"], None, [], ["CEB/2025/4"], "report")),
    # the agenda item's title names the Human Rights Council: not an organ of this document
    ("A_80_66", meta("2025-02-25", [GA], "Eightieth session", ["116 (c)"], ["A/80/66"], "note verbale")),
    # 1992: letter-spaced "G e n e r a l Assembly", "Distr." / "GENERAL" / symbol / date
    ("A_47_466", meta("1992-10-05", [GA], "Forty-seventh session", ["80"], [], "report of the Secretary-General")),
    # Official Records covers: only a year; the Assembly's session, not the committee's
    ("A_80_1", meta("2025", [GA], "Eightieth session", [], ["A/80/1"], "report of the Secretary-General")),
    ("E_2025_24", meta("2025", [ECOSOC, "Statistical Commission"], None, [], ["E/2025/24", "E/CN.3/2025/37"], "report")),
    ("A_80_38", meta("2025", [GA, "Committee on the Elimination of Discrimination against Women"],
                     "Eightieth session", [], ["A/80/38"], "report")),
    # text forms: plain text with the masthead last, and columns set apart by spaces
    ("TEXT_A_80_62_plain", meta("2025-01-22", [GA, ECOSOC], "Eighteenth session; 2025 session", ["19 (b)"],
                                ["A/80/62", "E/2025/12"], "report of the Secretary-General")),
    ("TEXT_A_80_275_layout", meta("2025-07-29", [GA, SC], "Eightieth session; Eightieth year", ["129"],
                                  ["A/80/275", "S/2025/491"], "note by the Secretary-General")),
    # a resolution and a JIU cover (standard layouts, composed: none is in the library)
    ("TEXT_resolution", meta("2025-03-27", [GA], "Seventy-ninth session", ["33"], ["A/RES/79/275"], "resolution")),
    ("TEXT_jiu", meta("2024", ["Joint Inspection Unit"], None, [], ["JIU/REP/2024/3"],
                      "report of the Joint Inspection Unit")),
]


@pytest.mark.parametrize("name,want", CASES, ids=[c[0] for c in CASES])
def test_page_one(name: str, want: dict) -> None:
    lines, title, later = PAGES[name]
    got = read_front_matter(lines, title=title, later=later)
    assert {k: getattr(got, k) for k in want} == want


def test_every_fixture_page_has_a_case() -> None:
    assert set(PAGES) == {name for name, _ in CASES}


@pytest.mark.parametrize("text,want", [
    ("United Nations A/80/62*−E/2025/12*", ("A/80/62", "E/2025/12")),
    ("United Nations A/ES-10/1022-S/2025/92", ("A/ES-10/1022", "S/2025/92")),
    ("United Nations System CEB/2025/4", ("CEB/2025/4",)),
    ("United Nations DP/FPA/2025/4 (Part II)", ("DP/FPA/2025/4 (Part II)",)),
    ("United Nations E/2025/L.16-E/HLPF/2025/L.1", ("E/2025/L.16", "E/HLPF/2025/L.1")),
    ("United Nations DP//", ()),
    ("General Assembly", ()),
])
def test_masthead_symbols(text: str, want: tuple) -> None:
    assert masthead_symbols(text) == want


@pytest.mark.parametrize("title,want", [
    ("Letter dated 9 May 2025 from the Secretary-General addressed to the President of the Security Council", "letter"),
    ("Note verbale dated 1 May 2025 from the Permanent Mission of Slovenia", "note verbale"),
    ("United Nations Volunteers programme (Annual Report of the Administrator)", "report of the Administrator"),
    ("Provisional agenda, annotations (Note by the Executive Board Secretariat)",
     "note by the Executive Board Secretariat"),
    ("Draft report", "draft report"),
    ("World economic situation and prospects as of mid-2025", None),
    # round-10 audit: a subtitle's own noun, a nested bracket, a title that is a report on something
    ("Right of Indigenous Peoples to data (Draft study by the Expert Mechanism on the Rights of Indigenous Peoples)",
     "draft study"),
    ("Ocean Action panel 7: Leveraging ocean, climate and biodiversity interlinkages (Concept paper prepared by "
     "the Secretariat)", "concept paper"),
    ("Statistical Commission (Report on the fifty-sixth session (4–7 March 2025))", "report"),
    ("Annual report on implementation of the process innovation and digitalization programme", "report"),
    ("UNICEF report on the recommendations of the Joint Inspection Unit", "report"),
    ("UNICEF Office of Internal Audit and Investigations 2024 annual report to the Executive Board", "report"),
    ("Follow-up to the report on the review of the Commission", None),
])
def test_doc_type(title: str, want: str | None) -> None:
    assert doc_type(title) == want


def test_running_text_without_a_masthead_gives_nothing() -> None:
    report = (Path(__file__).parent.parent / "corpus" / "A-69-207.txt").read_text(encoding="utf-8")
    assert text_front_matter(report) == FrontMatter()


def test_a_bad_day_is_no_date() -> None:
    assert read_front_matter(["United Nations A/1/2", "Distr.: General", "32 May 2025"]).date is None


@pytest.mark.parametrize("lines,later,want", [
    (["JIU/REP/2024/3", "", "Geneva 2024"], [], "2024"),
    (["JIU/REP/2024/3", "", "December 2024"], [], None),  # a month and year is not an imprint
    (["A/80/1", "Official Records"], ["Some heading", "December 2024"], None),
    (["A/80/1", "Official Records"], ["United Nations • New York, 2025"], "2025"),
])
def test_a_year_alone_comes_only_from_an_imprint(lines, later, want) -> None:
    assert read_front_matter(lines, later=later).date == want


def test_a_copy_without_its_masthead_is_dated_by_the_year_of_its_job_number() -> None:
    """corpus/A-69-207.txt starts in page 1's summary (no masthead, no ``Distr.`` date); its job
    number ``14-56609 (E)`` gives the year (issue 15). The processing stamp ``120814`` after it is
    no date of issue (1 to 39 days later over the library's PDFs) and is not read."""
    from ingest import read_document
    from ingest.text.front_matter import job_year

    path = Path(__file__).parent.parent / "corpus" / "A-69-207.txt"
    assert job_year(path.read_text(encoding="utf-8")) == "2014"
    assert read_document(path).date == "2014"
    assert job_year("GE.97-12345 (E)\nText") == "1997" and job_year("Text without a job number.") is None
    assert job_year("United Nations A/80/1\n25-06099 (E) 090525\n") == "2025"


def test_a_copy_without_its_masthead_takes_its_title_from_its_first_lines() -> None:
    """A text copy that has lost page 1's masthead but opens with its title block is titled as a
    PDF is: the lines over ``Report of the Secretary-General``, or the block after the agenda item's
    title. A copy that starts in its text (corpus/A-69-207.txt, inside its summary) names nothing."""
    from ingest.text.front_matter import text_front_matter

    summary = " In its resolution 67/219 of 21 December 2012, the General Assembly requested\nthe Secretary-General to report.\n"
    bare = text_front_matter("International migration and development\nReport of the Secretary-General\nSummary\n" + summary)
    assert bare.title == "International migration and development (Report of the Secretary-General)"
    assert bare.doc_type == "report of the Secretary-General"
    blocks = ("Sixty-ninth session\nItem 20 (b) of the provisional agenda*\n\nGlobalization and interdependence:\n"
              "international migration and development\n\nInternational migration and development\n\n"
              "Report of the Secretary-General\n\nSummary\n" + summary)
    assert text_front_matter(blocks).title == "International migration and development (Report of the Secretary-General)"
    assert text_front_matter(summary).title == ""
    assert text_front_matter("The situation improved.\nReport of the Secretary-General\n").title == ""  # a sentence is no title
    report = (Path(__file__).parent.parent / "corpus" / "A-69-207.txt").read_text(encoding="utf-8")
    assert text_front_matter(report).title == ""


def test_a_headless_text_copy_is_read_with_its_title(tmp_path) -> None:
    """End to end: the report's text without its masthead, its title lines kept, read as a document."""
    from ingest import read_document

    report = (Path(__file__).parent.parent / "corpus" / "A-69-207.txt").read_text(encoding="utf-8")
    path = tmp_path / "A-69-207-titled.txt"
    path.write_text("International migration and development\nReport of the Secretary-General\n\n" + report, encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "International migration and development (Report of the Secretary-General)"
    assert doc.date == "2014" and len(doc.chunks) >= 87
