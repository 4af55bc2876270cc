"""Section paths of the text reader on other tools' extractions (issue 15; measured by
``bench/text_chunk_agreement.py``). Lines are copied from pdfminer.six's text of library PDFs;
the fixture is pdfminer.six's text of A/80/75 pp. 1-3 (tests/fixtures/text_extractors)."""

from __future__ import annotations

from pathlib import Path

from ingest.text.front_section import first_chapter_run
from ingest.text.heading_lines import bare_symbol, counted_sibling, fills_measure, heading_text
from ingest.text.paragraphs import _headings, parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_extractors"


def test_the_first_chapter_over_paragraph_1_heads_it():
    # A/80/75, pdfminer: "I.  Introduction" / "Overview of key trends" right above paragraph 1
    doc = parse_text((FIXTURES / "A_80_75_pdfminer_p1-3.txt").read_text(encoding="utf-8"))
    first = next(c for c in doc.chunks if c.kind == "paragraph" and c.number == 1)
    assert first.section == ("I. Introduction", "Overview of key trends")
    assert "Introduction" not in " ".join(c.text for c in doc.chunks if c.kind == "summary")


def test_the_first_chapter_run_takes_a_two_line_title_and_nothing_above_it():
    # E/2025/L.16, pdfminer: the declaration's title, then chapter I over two lines, then "1."
    front = ["Development Goals for leaving no one behind”",
             "I.  Current trends, challenges and their impacts on accelerating",
             "the implementation of the Sustainable Development Goals"]
    assert first_chapter_run(front) == 2
    assert first_chapter_run(["E/2025/57", "I.  Introduction"]) == 1
    assert first_chapter_run(["Development Cooperation Framework."]) == 0  # prose: no chapter
    assert first_chapter_run(["I.  Introduction", "The present report was prepared pursuant to it."]) == 0


def test_a_joint_documents_second_symbol_is_no_heading():
    # E/2025/L.16-E/HLPF/2025/L.1, pdfminer: the running header's second symbol above chapter II
    lines = ["E/HLPF/2025/L.1", "II.  Priority actions for advancing sustainable, inclusive,",
             "science- and evidence-based solutions for the 2030 Agenda"]
    assert bare_symbol("E/HLPF/2025/L.1") and bare_symbol("A/80/75 E/2025/55")
    assert not bare_symbol("Goal 3. Ensure healthy lives") and not bare_symbol("56/101. National accounts")
    assert heading_text(lines) == lines[1:]


def test_a_title_line_that_filled_its_measure_runs_on():
    # E/2025/57, pdfminer: chapter VII's title breaks before a capital
    assert _headings(["VII.  United Nations Sustainable Development Cooperation", "Framework evaluations"]) == [
        (1, "VII. United Nations Sustainable Development Cooperation Framework evaluations")]
    assert fills_measure("IV.  Use of system-wide evaluation evidence: strengthening", "Development Goals")
    # a short title over a sub-heading stays two headings
    assert _headings(["I.  Introduction", "Overview of key trends"]) == [(1, "I. Introduction"),
                                                                        (0, "Overview of key trends")]


def test_goals_are_siblings_not_nested():
    # E/2025/L.16: "Goal 5. ..." follows "Goal 3. ..." under chapter II
    path = [(1, "II. Priority actions"), (2, "Goal 3. Ensure healthy lives and promote well-being for all at all ages")]
    assert counted_sibling(path, "Goal 5. Achieve gender equality and empower all women and girls") == 2
    assert counted_sibling(path, "Overview of key trends") == 0


def test_footnotes_at_a_page_foot_with_no_rule_are_read_as_footnotes():
    # A/80/62, pdfminer: footnote 1 under the last lines of p. 2, then the page number, a form feed, p. 3
    from ingest.text.footnote_feet import unmarked_footnotes
    from ingest.text.furniture import page_lines

    lines = page_lines((FIXTURES / "A_80_62_pdfminer_p2-3.txt").read_text(encoding="utf-8"))
    out, notes = unmarked_footnotes(lines, "A/80/62")
    assert list(notes) == ["1"]
    assert notes["1"].startswith("Association for Progressive Communications (APC); Council of Europe;")
    assert "World Trade Organization (WTO)." in notes["1"]
    assert len(out) == len(lines)  # blanked, not removed: pages and spans stay
    body = "\n".join(out)
    assert "Association for Progressive" not in body and "responsible, equitable and" in body
    assert "International cooperation and multi-stakeholder engagement" in body


def test_numbers_opening_lines_of_text_are_no_footnotes():
    from ingest.text.footnote_feet import footnote_feet

    def foot(s: str) -> bool:
        return s.strip() in ("25-01852 (E)    110225", "\f")

    # A/79/771: a line of a letter's text opens on "2 girls"; A/79/845: an address's "2 Tekhnichesky
    # Pereulok" is no first footnote; A/AC.172/2025/2: calendar rows ("2 October", "10 E I (ACEFRS) T")
    for first in ("2 girls, aged 14 and 16. Among the victims were two sisters,",
                  "2 Tekhnichesky Pereulok,", "1 October 20 October", "1 E I (ACEFRS) T  - Three sessions"):
        lines = ["5 civilians and injuring at least 55 others, including 3 children: a 6 -year-old boy and",
                 first, "driver.  All  three  were  killed.", "", "25-01852 (E)    110225"]
        assert footnote_feet(lines, foot, marked=False) == (lines, {})
    # a text that prints its footnote rules is read by strip_furniture, not here
    lines = ["the Assembly.", "", "1  See A/RES/79/1.", "25-01852 (E)    110225"]
    assert footnote_feet(lines, foot, marked=True) == (lines, {})
    assert footnote_feet(lines, foot, marked=False)[1] == {"1": "See A/RES/79/1."}


def test_a_chapter_heading_ends_a_paragraph_broken_off_mid_sentence():
    # A/80/75, pdfminer: a stray box of paragraph 8 ("is  as  effective,  prioritized,  efficient,") just
    # above chapter II; the chapter heading was read into paragraph 8
    from ingest.text.heading_lines import chapter_heading

    assert chapter_heading("II.  Overview of humanitarian emergencies")
    assert not chapter_heading("II.  The Council welcomed the report.")  # a sentence
    assert not chapter_heading("is  as  effective,  prioritized,  efficient,")


def test_a_chapter_cited_as_a_part_stands_on_the_path_by_its_title():
    # E/2025/24: "Chapter I" / "Matters calling for action ..." opens part "chap. I"
    from ingest.text.heading_lines import without_part_label

    heading = "Chapter I Matters calling for action by the Economic and Social Council or brought to its attention"
    assert without_part_label(heading, "chap. I") == heading[len("Chapter I "):]
    assert without_part_label(heading, "part two, chap. I") == heading[len("Chapter I "):]
    assert without_part_label(heading, "chap. II") == heading  # another chapter's label: kept whole
    assert without_part_label("Chapter II Organizational and other matters", "part one") == (
        "Chapter II Organizational and other matters")


def test_an_unlabelled_heading_after_paragraphs_is_a_sibling_of_the_one_above():
    # E/HLPF/2025/6: "C. Thematic discussions" / "Making artificial intelligence accessible, ..." / paragraphs /
    # "Advancing science, technology and innovation for gender equality"
    from ingest.text.heading_lines import prose_sibling

    path = [(2, "C. Thematic discussions"), (3, "Making artificial intelligence accessible, inclusive and beneficial for all")]
    assert prose_sibling(path) == 3
    assert prose_sibling(path[:1]) == 0  # under a labelled heading it nests
    assert prose_sibling([(1, "Chapter II Organizational and other matters")]) == 0


def test_page_ones_starred_notes_leave_the_summary():
    # E/ICEF/2025/20, pdfminer: the summary's last line, then page 1's starred note and its "Note:"
    from ingest.text.footnote_feet import footnote_feet

    lines = ["Action Plan, 2022–2025, assesses progress against its indicators and benchmarks.", "",
             "* E/ICEF/2025/11.", "Note: The present document was processed in its entirety by UNICEF.", "",
             "25-07042 (E)    020525", "\f", "E/ICEF/2025/20"]
    out, notes = footnote_feet(lines, lambda s: s in ("\f", "25-07042 (E)    020525"), marked=False)
    assert notes == {"*": "E/ICEF/2025/11. Note: The present document was processed in its entirety by UNICEF."}
    assert out[0] == lines[0] and out[2] == out[3] == "" and out[5:] == lines[5:]


def test_a_contents_list_of_annexes_is_no_first_chapter():
    # DP/2025/19, pdfminer: the contents' annex list ends the front matter right above paragraph 1
    front = ["I.  Performance indicators, 2022-2024", "II.  List of United Nations entities hosting United Nations Volunteers in 2024",
             "III.  Statistical overview, 2024", "IV.  Financial overview, 2024"]
    assert first_chapter_run(front) == 0
