"""Nothing lost (issue 15): misprinted numbers, unnumbered headings, every body line in a chunk."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import parse_text, read_document
from ingest.pdf.coverage import body_coverage

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("misprint, printed", [(125 - 79, 25 - 19), (60, 6), (86, 8)])
def test_a_misprinted_number_takes_the_sequence_number(report_text, misprint, printed):
    # Paragraph ``misprint`` printed as ``printed.``: the rest of the document is not lost.
    text = re.sub(rf"(?m)^{misprint}\.", f"{printed}.", report_text, count=1)
    doc = parse_text(text, source="A-69-207.txt")
    nums = [c.number for c in doc.paragraphs]
    assert nums == list(range(1, 88))
    hit = next(c for c in doc.paragraphs if c.number == misprint)
    assert hit.printed == printed and hit.citation == f"A/69/207, para. {misprint}"
    assert all(c.printed is None for c in doc.paragraphs if c.number != misprint)


def test_a_lone_out_of_sequence_number_is_not_a_paragraph(report_text):
    # A "3." that the sequence does not resume after (a list item) stays inside its paragraph.
    doc = parse_text(report_text, source="A-69-207.txt")
    assert all(c.printed is None for c in doc.paragraphs)


def test_unnumbered_introduction_is_a_section(paras):
    assert [paras[n].section for n in (1, 2, 3)] == [("Introduction",)] * 3
    assert paras[4].section == ("I. International migration: global in reach, regional in character",)


@pytest.mark.parametrize("pdf", ["A_80_275.en.pdf", "A_HRC_EMRIP_2025_2.en.pdf", "resolutions/E_2025_L.27.en.pdf",
                                 "resolutions/A_80_84.en.pdf", "A_52_687.en.pdf"])
def test_every_body_line_ends_up_in_a_chunk(pdf):
    path = FIXTURES / pdf
    cov = body_coverage(path, read_document(path))
    assert cov.checked > 100
    assert [l.text for l in cov.lost] == []


def test_the_body_check_sees_a_lost_line():
    # Guard against a check that passes everything: drop one paragraph and it is reported.
    from dataclasses import replace

    path = FIXTURES / "A_80_275.en.pdf"
    doc = read_document(path)
    gone = next(c for c in doc.chunks if c.kind == "paragraph" and c.number == 50)
    cov = body_coverage(path, replace(doc, chunks=tuple(c for c in doc.chunks if c is not gone)))
    assert cov.lost and all(l.text.split()[-1] in gone.text for l in cov.lost[1:])


def test_a_misprinted_number_in_a_pdf(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from pdf_samples import write_pdf

    lines = [(123, 43, 14, False, "United Nations A/80/999"), (124, 72, 20, True, "General Assembly"),
             (124, 200, 14, True, "A report with a misprinted paragraph number")]
    top = 240
    for printed in (1, 2, 25, 4, 5):  # the third paragraph is printed "25."
        lines += [(123, top, 10, False, f"{printed}. The Committee considered the matter at its meeting and"),
                  (123, top + 12, 10, False, "adopted the conclusions set out in the present report.")]
        top += 36
    doc = read_document(write_pdf(tmp_path / "misprint.pdf", [lines]))
    assert [(c.number, c.printed) for c in doc.paragraphs] == [(1, None), (2, None), (3, 25), (4, None), (5, None)]


def test_an_old_reports_centred_plain_headings_are_sections():
    # A/52/687 (1997) is typed: headings are centred, neither bold nor larger than the text.
    doc = read_document(FIXTURES / "A_52_687.en.pdf")
    paras = {c.number: c for c in doc.chunks if c.kind == "paragraph" and c.page is None}
    assert paras[2].section == ("II. POLITICAL CONTEXT",)
    assert paras[9].section == ("IV. INSTITUTION-BUILDING AND HUMAN RIGHTS MONITORING", "A. Haitian National Police")
    assert paras[42].section == ("VI. CONCLUSIONS AND RECOMMENDATIONS",)
    assert list(paras) == list(range(1, len(paras) + 1))  # the numbering is untouched


def _ln(text: str, x0: float, top: float, page: int = 8) -> "Line":
    from ingest.pdf.layout import Line
    return Line(page=page, text=text, x0=x0, x1=530.0, top=top, bottom=top + 10, size=10.0)


def test_the_check_skips_an_index_entrys_opening_line_and_a_title_note():
    # E/2025/36, p. 8: an index of decisions whose entries end in dot leaders on their last line.
    from types import SimpleNamespace
    from ingest.pdf.coverage import _entry_openings, _star_note
    lines = (_ln("2024/EB.1/11 Establishment of a selection panel for the appointment of", 71, 175),
             _ln("Independent Oversight Advisory Committee members ........................ 11", 156, 195),
             _ln("The Board approved the appointment of the panel members in February.", 71, 230))
    assert _entry_openings(lines) == {id(lines[0])}  # prose is never an entry
    page = SimpleNamespace(height=842.0)
    assert _star_note(_ln("* Circulated in the languages of submission only.", 115, 714, page=1), [page])
    assert not _star_note(_ln("* Circulated in the languages of submission only.", 115, 300, page=1), [page])


def test_an_old_reports_page_one_is_its_title_and_its_first_heading():
    # A/52/687 (1997, typed): the masthead, agenda block and centred title make no chunk (the
    # title is the document's), and the centred ``I. INTRODUCTION`` over para. 1 is its section.
    doc = read_document(FIXTURES / "A_52_687.en.pdf")
    assert doc.title == "THE SITUATION OF DEMOCRACY AND HUMAN RIGHTS IN HAITI (Report of the Secretary-General)"
    assert doc.chunks[0].citation == "A/52/687, para. 1" and doc.chunks[0].section == ("I. INTRODUCTION",)
    assert body_coverage(FIXTURES / "A_52_687.en.pdf", doc).lost == ()


@pytest.mark.parametrize("text, form", [
    ("United Nations", True), ("United Nations Headquarters", True), ("New York, NY 10017", True),
    ("United Nations, New York", True),
    # a title or heading naming a body is text (A/47/466's title, S/2025/122's heading)
    ("United Nations Framework Convention on Climate Change: implementation of resolution 46/169", False),
    ("United Nations Integrated Office in Haiti", False),
])
def test_an_address_line_is_a_form_a_name_opening_a_title_is_not(text, form):
    from ingest.text.fragments import is_form_line
    assert is_form_line(text) is form


def test_small_type_left_out_is_named_by_its_class():
    """The check says what small type no chunk holds and why: A/HRC/EMRIP/2025/2's page-1 note on the
    document (``* Agreement was reached to publish ...`` and its second line) is about the file, not
    its text (``document note``); nothing of its small type is ``text``, content lost."""
    from ingest.pdf.coverage import small_coverage

    path = FIXTURES / "A_HRC_EMRIP_2025_2.en.pdf"
    cov = small_coverage(path, read_document(path))
    assert [(kind, l.page) for kind, l in cov.lost] == [("document note", 1), ("document note", 1)]
    assert cov.lost[0][1].text.startswith("* Agreement was reached") and cov.count("text") == 0
