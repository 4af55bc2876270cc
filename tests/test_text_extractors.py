"""The text reader on other tools' extractions of UN PDFs (issue 15: pdfminer.six's ``pdf2txt.py``,
poppler's ``pdftotext``), measured by ``bench/text_pdf_agreement.py --extractor``.

Fixtures are real extractions (tests/fixtures/text_extractors): pdfminer.six's text of A/80/75
pp. 1-3, whose paragraphs 1, 4 and 7 come out with the first line above the number.
"""

from __future__ import annotations

from pathlib import Path

from ingest.text.box_gaps import close_box_gaps
from ingest.text.late_first_lines import restore_late_first_lines
from ingest.text.late_letters import restore_late_letters
from ingest.text.late_numbers import restore_late_numbers
from ingest.text.page_marks import mark_pages
from ingest.text.paragraphs import parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_extractors"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_a_number_after_its_first_line_goes_back_before_it():
    # E/2025/57, pdfminer: "... welcomed the strengthening of" / "2." / "independent ..."
    lines = ["establishment of an independent system-wide evaluation office.  ", "",
             "The General Assembly, in its resolution 72/279, welcomed the strengthening of ", "2. ",
             "independent  system-wide  evaluation  measures  by  the  Secretary-General,  including "]
    assert restore_late_numbers(lines) == lines[:2] + ["2. ", lines[2], lines[4]]


def test_a_blank_between_the_first_line_and_the_number_is_kept_above():
    # A/80/62, pdfminer: the first line, a blank line, then "64." and the rest
    lines = ["developing a risk management framework on the safety of journalists. 66 ", "",
             "The International Fund for Public Interest Media seeks to sustain independent media ", "",
             "64. ", "and investigative journalism in contexts of political threats and financial challenges. "]
    assert restore_late_numbers(lines) == [lines[0], "", "", "64. ", lines[2], lines[5]]


def test_a_heading_over_a_numbered_paragraph_stays_where_it_is():
    # A-69-207.txt: a heading, then the number on its own line, then the paragraph
    lines = ["", "Introduction", "1.", "The 2013 High-level Dialogue on International Migration and Development",
             "", "I. International migration: global in reach, regional", "in character", "4.",
             "Globally, there were 232 million international migrants in 2013 (table 1), with"]
    assert restore_late_numbers(lines) == lines


def test_the_line_count_is_kept_so_page_breaks_stay_put():
    text = _text("A_80_75_pdfminer_p1-3.txt")
    lines = text.split("\n")
    assert len(restore_late_numbers(lines)) == len(lines)


def test_pdfminer_pages_read_with_every_number_and_its_first_line():
    doc = parse_text(_text("A_80_75_pdfminer_p1-3.txt"), source="A_80_75.en.txt")
    paras = {c.number: c.text for c in doc.chunks if c.kind == "paragraph"}
    assert sorted(paras) == list(range(1, len(paras) + 1)) and len(paras) >= 12
    assert paras[1].startswith("2024 was a devastating year for hundreds of millions of people caught in humanitarian")
    assert paras[4].startswith("2024 was the deadliest year on record for aid workers, with 380 killed. Humanitarian")
    assert paras[7].startswith("In 2024, the United Nations and its humanitarian partners reached")
    assert "1." not in paras[1].split() and "4." not in paras[4].split()


def test_a_first_line_that_came_out_in_boxes_gets_the_number_before_its_capital():
    # E/HLPF/2025/6, pdfminer: para. 27's first line in three boxes, then the number
    lines = ["intelligence served people rather than replaced them.  ", "", "intelligence ", "",
             "Inclusive  artificial ", "", "requires  ethical  standards,  coordinated ", "27. ",
             "governance,  investment  in  social  infrastructure  and  sustained  multi -stakeholder "]
    out = restore_late_numbers(lines)
    assert out[out.index("27. ") + 1] == "Inclusive  artificial " and len(out) == len(lines)
    assert out.index("27. ") < out.index("requires  ethical  standards,  coordinated ") < out.index(lines[-1])


def test_a_number_alone_on_its_line_opens_a_bracketed_placeholder():
    # A/CONF.230/2025/L.2, pdfminer: a draft report's "18." / "" / "[To be completed]"
    text = ("A/CONF.230/2025/L.2\n\n1.  The Conference was held at Nice, France, from 9 to 13 June 2025.\n\n"
            "2.  The list of documents before the Conference is contained in the annex to the \npresent report.\n\n"
            "III.  General debate \n\n3. \n\n[To be completed] \n\nIV.  Ocean Action panels \n\n4. \n\n[To be completed] \n")
    doc = parse_text(text, source="A_CONF.230_2025_L.2.en.txt")
    paras = {c.number: c.text for c in doc.chunks if c.kind == "paragraph"}
    assert paras[3] == "[To be completed]" and paras[4] == "[To be completed]"


def test_an_agenda_list_inside_a_paragraph_ends_on_the_late_number_alone_on_its_line():
    # E/2025/24 chap. I, pdfminer: para. 2 sets out an agenda 1.-13.; the report's "3." comes
    # after the list's first line, alone on its line; items 4.-13. are no paragraphs of the report
    doc = parse_text(_text("E_2025_24_pdfminer_chap1.txt"), source="E_2025_24.en.txt")
    paras = {c.number: c.text for c in doc.chunks if c.kind == "paragraph" and c.page is None}
    assert sorted(paras) == [1, 2, 3]
    assert paras[3].startswith("The following decisions adopted by the Commission are brought to the attention of")


def _clean(text: str) -> str:
    """pdfminer's text as A-69-207.txt comes: no trailing spaces, no form feeds."""
    return "\n".join(line.rstrip() for line in text.replace("\f", "").split("\n"))


def _pages(text: str) -> list[int]:
    """The page of each non-blank line."""
    out, page = [], 1
    for line in text.split("\n"):
        page += line.count("\f")
        if line.strip("\f").strip():
            out.append(page)
    return out


def test_page_breaks_come_back_before_the_running_headers():
    raw = _text("A_80_75_pdfminer_p1-3.txt")
    marked = mark_pages(_clean(raw), "A/80/75")
    assert marked.count("\f") == 2 and _pages(marked) == _pages(raw.rstrip("\f"))


def test_a_counter_past_the_headers_adds_the_pages_that_printed_none():
    body = "\n".join(f"Line {k} of the text of the report, long enough to be prose." for k in range(25))
    text = (f"A/80/75\n\n{body}\n\nA/80/75\n\npage two text\n\n2/5\n\nA/80/75\n\npage three\n\n3/5\n\n"
            f"a landscape table page with no header\n\nA/80/75\n\npage five\n\n5/5\n")
    pages = dict(zip([l for l in text.split("\n") if l.strip()], _pages(mark_pages(text, "A/80/75"))))
    assert pages["page two text"] == 2 and pages["page three"] == 3 and pages["page five"] == 5


def test_text_with_form_feeds_or_without_headers_is_left_alone():
    raw = _text("A_80_75_pdfminer_p1-3.txt")
    assert mark_pages(raw, "A/80/75") == raw
    assert mark_pages(_clean(raw), "A/79/1") == _clean(raw)


def test_a_contents_row_written_label_last_opens_no_annex():
    # A/79/19, pdftotext: "Composition of ... . . . ." / "9" / "Annex" in the contents; the
    # report's paragraphs are the body's, not the annex's
    doc = parse_text(_text("A_79_19_pdftotext_p1-7.txt"), source="A_79_19.en.txt")
    paras = [c for c in doc.chunks if c.kind == "paragraph"]
    assert [c.number for c in paras] == list(range(1, 10)) and {c.part for c in paras} == {""}
    assert paras[0].text.startswith("By its resolution 78/291, the General Assembly welcomed the report")


def test_an_official_records_cover_dates_from_the_title_page_past_its_spine():
    # A/79/19, pypdfium2: p. 1 the cover (no date), p. 2 the spine (the symbol alone),
    # p. 3 the title page's imprint "United Nations • New York, 2025"
    from ingest.text.front_matter import text_front_matter

    assert text_front_matter(_text("A_79_19_pypdfium2_p1-3.txt")).date == "2025"


def test_a_blank_line_inside_a_sentence_moves_above_it():
    # A/79/771, pdfminer: a letter's paragraph whose first line came out as a box of its own
    lines = ["and shattering the windows of three residential apartment buildings.  ", "",
             "Last week alone, Russia launched nearly 50 missiles, around 660 combat drones ", "",
             "and more than 760 guided aerial bombs against the Ukrainian people.  ", "",
             "Given  the  persistent  and  ongoing  nature  of  these  attacks  and  recognizing  the "]
    out = close_box_gaps(lines)
    assert out == [lines[0], "", "", lines[2], lines[4], "", lines[6]]
    assert close_box_gaps(out) == out


def test_a_letter_keeps_the_first_line_of_each_paragraph():
    text = ("A/79/771\n\nUnited Nations\n\nLetter dated 4 February 2025 from the Permanent Mission\n\n"
            "I  write  to  inform  you  of  Russia’s  continued  terrorist  attacks  that  deliberately\n\n"
            "target civilians and civilian infrastructure in Ukraine (see annex).  \n\n"
            "Last week alone, Russia launched nearly 50 missiles, around 660 combat drones \n\n"
            "and more than 760 guided aerial bombs against the Ukrainian people.  \n")
    doc = parse_text(text, source="A_79_771.en.txt")
    texts = [c.text for c in doc.chunks]
    assert any(t.startswith("I write to inform you of Russia’s continued terrorist attacks that deliberately target")
               for t in texts)
    assert any(t.startswith("Last week alone, Russia launched nearly 50 missiles, around 660 combat drones and more")
               for t in texts)


def test_text_without_form_feeds_reads_its_front_matter_on_page_one_only():
    # A/80/75 pp. 1-3 as pdfminer wrote them, form feeds dropped: the same page-1 metadata
    from ingest.text.front_matter import text_front_matter

    raw = _text("A_80_75_pdfminer_p1-3.txt")
    assert text_front_matter(_clean(raw)) == text_front_matter(raw)
    assert text_front_matter(_clean(raw)).date == "2025-04-10"


def test_a_letters_links_stay_in_its_text():
    # A/79/939's annex, pdfminer: the list's numbers stand apart, each link a block of its own
    text = ("A/79/939\n\nLetter dated 9 June 2025 from the Permanent Representative\n\n"
            "I am writing to inform you of the ongoing attacks.\n\n"
            "Additional photographs and videos are available at the following links:  \n\n"
            "https://dsns.gov.ua/news/nadzvicaini-podiyi/ministr-vnutrisnix-sprav-ukrayini-\n"
            "igor-klimenko-cergova-ataka-rosiian-zabrala-zittia-riatuvalnikiv \n\n"
            "https://dsns.gov.ua/news/nadzvicaini-podiyi/volin-vnaslidok-nicnoyi-\n"
            "rosiiskoyi-ataki-postrazdali-shhonaimense-15-liudei \n\n"
            "Source: State Emergency Service of Ukraine. \n")
    doc = parse_text(text, source="A_79_939.en.txt")
    body = " ".join(c.text for c in doc.chunks)
    assert "igor-klimenko-cergova" in body and "volin-vnaslidok" in body
    assert not any("dsns" in s for c in doc.chunks for s in c.section)


def test_an_organ_over_the_title_is_read_without_the_title():
    # A/AC.172/2025/2, pypdfium2: the organ's line runs straight into the title, no blank between
    from ingest.text.front_matter import text_front_matter

    page1 = ("United Nations A/AC.172/2025/2\nGeneral Assembly Distr.: General\n31 January 2025\n"
             "Original: English\n25-01529 (E) 110325 \n*2501529*\nCommittee on Conferences\n"
             "Calendar of conferences and meetings of the United Nations \nfor 2025\nNote by the Secretariat\n"
             "1. The annex to the present note contains the calendar of conferences and meetings \n")
    assert text_front_matter(page1).bodies == ("General Assembly", "Committee on Conferences")


def test_a_symbol_with_its_session_in_brackets_is_read_whole():
    from ingest.text.furniture import detect_symbol

    page1 = ("UNITED\nNATIONS\n\nConvention to Combat\nDesertification\n\nDistr.\nGENERAL\n\n"
             "ICCD/COP(8)/CST/8\n10 July 2007\n\nORIGINAL: ENGLISH\n\nCONFERENCE OF THE PARTIES\n")
    assert detect_symbol(page1 + "\f" + "ICCD/COP(8)/CST/8\nPage 2\n") == "ICCD/COP(8)/CST/8"
    assert detect_symbol("A/79/19\n\nReport\n\fA/79/19\n") == "A/79/19"


def test_a_title_under_the_session_block_is_no_organ():
    # E/C.2/2025/2 and E/HLPF/2025/6, pdfminer: the title is a block of its own under the session block
    from ingest.text.front_matter import text_front_matter

    head = "United Nations\nEconomic and Social Council\n\nE/C.2/2025/2\n\nDistr.: General\n11 November 2024\n\n"
    committee = (head + "Committee on Non-Governmental Organizations\n2025 regular session\n"
                 "New York, 20–24 and 29–31 January and 11 February 2025\n\n"
                 "  Quadrennial reports for the period 2020–2023 submitted\nby non-governmental organizations "
                 "in consultative status\nwith the Economic and Social Council through the\n"
                 "Secretary-General pursuant to Council resolution 1996/31*\n\n  Note by the Secretary-General\n")
    fm = text_front_matter(committee)
    assert fm.bodies == ("Economic and Social Council", "Committee on Non-Governmental Organizations")
    assert fm.title.startswith("Quadrennial reports for the period 2020–2023")
    forum = (head + "High-level political forum on sustainable development\n"
             "Convened under the auspices of the Economic and Social  Council\nNew York, 14–18 and 21–23 July 2025\n\n"
             "  Multi-stakeholder forum on science, technology and\ninnovation for the Sustainable Development Goals\n"
             "Note by the Secretariat\nThe President of the Council has the honour to transmit, held on 7 May 2025\n")
    assert text_front_matter(forum).bodies == ("Economic and Social Council",
                                               "High-level political forum on sustainable development")


def test_a_second_organs_block_under_an_agenda_items_title_is_read():
    # E/2025/L.16-E/HLPF/2025/L.1, pdfminer: the forum's block (with its own agenda item) under the Council's
    from ingest.text.front_matter import text_front_matter

    page1 = ("United Nations\nEconomic and Social Council\n\nE/2025/L.16-E/HLPF/2025/L.1\n\nDistr.: Limited\n"
             "17 July 2025\n\nOriginal: English\n\n2025 session\n25 July 2024–30 July 2025\nAgenda item 5\n"
             "High-level segment on advancing sustainable, inclusive,\nscience- and evidence-based solutions\n\n"
             "High-level political forum on sustainable\ndevelopment\nConvened under the auspices of the Economic\n"
             "and Social Council\n14–18 and 21–23 July 2025\nAgenda item 3\nAdoption of the ministerial declaration\n\n"
             "  Draft ministerial declaration of the high-level segment of the 2025 session\n\n"
             "I.  Current trends, challenges and their impacts\n")
    fm = text_front_matter(page1)
    assert fm.bodies == ("Economic and Social Council", "High-level political forum on sustainable development")
    assert fm.title.startswith("Draft ministerial declaration")


def test_a_section_letter_under_a_number_goes_down_to_its_heading():
    # A/CONF.230/2025/L.2, pdftotext (raw order): "2." / "C." / para. 2's text / "Opening of the Conference"
    lines = ["the Conference held 10 plenary meetings and 10 Ocean Action panels.", "", "B.", "", "Attendance", "2.",
             "", "C.", "", "The list of participants is contained in document A/CONF.230/2025/INF/2.", "",
             "Opening of the Conference", "3.", "The Conference was opened on 9 June by the Secretary-General"]
    out = restore_late_letters(lines)
    assert out == lines[:7] + [lines[9], "", "C.", ""] + lines[11:]
    assert restore_late_letters(out) == out
    doc = parse_text("A/CONF.230/2025/L.2\n\n1.\nThe Conference was held in Nice, France, from 9 to\n13 June 2025.\n"
                     + "\n".join(lines[1:]) + "\nNations.\n", source="A_CONF.230_2025_L.2.en.txt")
    paras = {c.number: c for c in doc.chunks if c.kind == "paragraph"}
    assert sorted(paras) == [1, 2, 3]
    assert paras[2].text.startswith("The list of participants") and paras[2].section[-1] == "B. Attendance"
    assert paras[3].section[-1] == "C. Opening of the Conference"


def test_a_letter_over_its_own_heading_stays():
    # A/CONF.230/2025/L.2, pdftotext: "A." over its heading, after a heading, not under a number
    lines = ["II Organization of work and other organizational matters", "A.", "", "Date and venue of the Conference",
             "1.", "The 2025 United Nations Conference to Support the Implementation of"]
    assert restore_late_letters(lines) == lines


def test_a_first_line_written_below_its_paragraph_goes_back_under_the_number():
    # DP/FPA/2025/4 (Part II), pdfminer: para. 33's first line comes out after its last line
    lines = ["relevant  to  UNFPA.  Three  recommendations  are  addressed  to  the  Executive  Director  and  one  to  the",
             "legislative bodies.", "", "33.", "are addressed to the Executive Director and one to the legislative bodies.",
             "", "The report includes six formal recommendations, four of which are relevant to UNFPA. Three", "",
             "Detailed recommendations: (JIU/REP/2024/2)", "", "34.",
             "Recommendation 2, addressed to the legislative bodies. UNFPA supports efforts to harmonize"]
    out = restore_late_first_lines(lines)
    assert out == lines[:4] + [lines[6], lines[4], ""] + lines[7:]
    assert restore_late_first_lines(out) == out
    # the real page (the end of para. 29, paras. 30-38), under paragraphs 1-28 made up so that the page reads as numbered text
    page = _text("DP_FPA_2025_4_Part_II_pdfminer-clean_p7.txt")
    lead = "".join(f"{n}.\nThe Executive Board took note of item {n} of the report.\n\n" for n in range(1, 29))
    doc = parse_text("DP/FPA/2025/4 (Part II)\n\n" + lead + page, source="DP_FPA_2025_4 (Part II).en.txt")
    paras = {c.number: c.text for c in doc.chunks if c.kind == "paragraph" and not c.page}
    assert set(range(30, 37)) <= set(paras)
    assert paras[33].startswith("The report includes six formal recommendations, four of which are relevant to "
                                "UNFPA. Three are addressed to the Executive Director")


def test_a_lowercase_line_under_a_number_with_no_first_line_below_stays():
    # a list's number over a run-on line, then a heading: nothing to move up
    lines = ["12.", "in the implementation of national action programmes.", "", "E. Session on improving implementation",
             "", "13. The Committee took note."]
    assert restore_late_first_lines(lines) == lines


def test_page_one_header_heads_no_paragraph_of_a_letter():
    # A/79/771, pdfminer-clean page 1: masthead organs, Distr., session and six agenda items' titles
    from ingest.text.front_zone import header_lines

    text = _text("A_79_771_pdfminer-clean_p1.txt")
    lines = text.split("\n")
    assert lines[header_lines(lines)].strip().startswith("Letter dated 4 February 2025")
    doc = parse_text(text, source="A_79_771.en.txt")
    heads = {s for c in doc.chunks for s in c.section}
    assert doc.chunks and not heads & {"General Assembly", "Security Council", "Distr.: General",
                                        "Crimes against humanity", "Eightieth anniversary of the end of the Second World War"}
    assert any(c.text.startswith("On 4 February 2025, in broad daylight") for c in doc.chunks)
    # nor does the letter's title, in three pieces (``... addressed to`` / ``the Secretary-General``): as the PDF reader
    assert all(c.section == () for c in doc.chunks) and len(doc.chunks) == 4


def test_a_heading_after_a_letters_title_stays_a_heading():
    text = ("A/79/999\n\nDistr.: General\n3 February 2025\n\nSeventy-ninth session\n\n"
            "Letter dated 4 February 2025 from the Permanent Representative of\n\n"
            "Ukraine to the United Nations addressed to the Secretary-General\n\n"
            "I write to inform you of the attacks on the energy system of the country.\n\n"
            "Attacks on energy infrastructure\n\n"
            "On 4 February 2025, the power plant was struck again and the city lost power for a day.\n")
    doc = parse_text(text, source="A_79_999.en.txt")
    assert [c.section for c in doc.chunks] == [(), ("Attacks on energy infrastructure",)]


def test_a_copy_without_masthead_has_no_header_to_skip():
    from ingest.text.front_zone import header_lines

    assert header_lines(["Summary", "", "The present report is submitted pursuant to resolution 67/219."]) == 0


def test_a_joint_documents_other_symbol_is_running_header_furniture():
    # E/2025/24-E/CN.3/2025/37, pypdfium2: each page heads with both symbols, the second glued into text
    from ingest.text.furniture import joint_symbols, strip_furniture

    lines = ["E/2025/24-E/CN.3/2025/37", "Distr.: General", "\f", "E/2025/24", "E/CN.3/2025/37",
             "At the same meeting, the Commission took note of the report (E/CN.3/2025/37).",
             "E/CN.3/2025/37 is the Commission's report."]
    assert joint_symbols(lines, "E/2025/24") == frozenset({"E/CN.3/2025/37"})
    kept = [s for _, s in strip_furniture(lines, "E/2025/24").lines]
    assert "E/CN.3/2025/37" not in kept and lines[5] in kept and lines[6] in kept
    assert joint_symbols(["A/79/19", "Report"], "A/79/19") == frozenset()


def test_an_overprinted_date_gives_no_year_rather_than_a_wrong_one():
    # A/CONF.230/2025/L.2, pdftotext: a template's date printed over the date of issue
    from ingest.text.front_matter import text_front_matter

    page1 = ("United Nations\n\nA/CONF.230/2025/L.2\nDistr.:Distr.:\nLimited\nGeneral\n9 June6 2025\n"
             "February 2025\nOriginal:\nEnglish\n\n2025 United Nations Conference\nAgenda item 11\n"
             "Adoption of the report of the Conference\n\nDraft report\n")
    assert text_front_matter(page1).date is None


def test_an_official_records_cover_gives_its_title_not_its_spine():
    # E/2025/24, pdfminer: the cover's spine comes out a letter a line under the cover; the title
    # is printed above the organ's block
    from ingest.text.front_matter import text_front_matter

    page1 = ("E/2025/24-E/CN.3/2025/37\n\nUnited Nations\n\nStatistical Commission\n\nReport on the fifty-sixth session\n"
             "(4–7 March 2025)\n\nEconomic and Social Council\nOfficial Records, 2025\nSupplement No. 4\n\n\n\n"
             "E\n\n/\n2\n0\n2\n5\n/\n2\n4\n")
    fm = text_front_matter(page1)
    assert fm.title == "Statistical Commission (Report on the fifty-sixth session (4–7 March 2025))"
    assert fm.date == "2025"
