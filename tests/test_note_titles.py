"""A note transmitting a report is titled by what it transmits (issue 15): ``Note by the
Secretary-General`` alone says nothing of which report a reader has in hand."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ingest.pdf.front_page import read_title
from ingest.pdf.layout import read_pages

IRMCT = Path(__file__).parent / "fixtures" / "A_80_275.en.pdf"


def test_a_note_that_transmits_a_report_names_it():
    first = read_pages(IRMCT)[0]
    assert read_title(first, 10.0) == (
        "International Residual Mechanism for Criminal Tribunals (Note by the Secretary-General transmitting "
        "the thirteenth annual report of the International Residual Mechanism for Criminal Tribunals)")


def test_a_note_that_transmits_no_report_keeps_its_printed_subtitle():
    """The same page with its first sentence transmitting a summary, not a report: as printed."""
    first = read_pages(IRMCT)[0]
    lines = tuple(replace(l, text=l.text.replace("thirteenth annual report", "thirteenth summary"))
                  for l in first.lines)
    assert read_title(replace(first, lines=lines), 10.0) == (
        "International Residual Mechanism for Criminal Tribunals (Note by the Secretary-General)")
