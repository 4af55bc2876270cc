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
                                 "resolutions/A_80_84.en.pdf"])
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
