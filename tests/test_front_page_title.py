"""Page 1's title is not the masthead's organ nor the text's first heading.

Cases from real pages, as pypdfium2 reads them (size, bold, top): S/2025/194 sets its title in
12-point bold and "I. Introduction" in 14-point bold under it; ICCD/COP(8)/CST/8 (2007) sets
"Convention to Combat Desertification" in 16-point bold beside the Distr. block; E/2025/L.16 has
its numbered heading run over two lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.pdf.front_page import read_title
from ingest.pdf.layout import Line, Page, read_pages

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def page(*rows: tuple[float, bool, float, str]) -> Page:
    lines = tuple(Line(1, text, 72.0, 500.0, top, top + size * 1.2, size, bold) for size, bold, top, text in rows)
    return Page(1, 612.0, 792.0, lines)


HEAD = [(14.0, False, 42.6, "United Nations S/2025/194"), (20.0, False, 72.6, "Security Council Distr.: General"),
        (10.0, False, 91.4, "28 March 2025"), (10.0, False, 115.4, "Original: English")]


@pytest.mark.parametrize("rows, title", [
    (HEAD + [(12.0, True, 215.2, "Report of the Secretary-General on Somalia"), (14.0, True, 240.5, "I. Introduction"),
             (10.0, False, 267.7, "1. The present report, submitted pursuant to Security Council resolutions")],
     "Report of the Secretary-General on Somalia"),
    ([(13.9, True, 54.1, "UNITED"), (16.1, True, 113.6, "Convention to Combat"), (12.0, False, 116.4, "Distr."),
      (16.1, True, 135.7, "Desertification"), (12.0, False, 201.9, "ORIGINAL: ENGLISH"),
      (13.9, True, 360.1, "Abridged report on the international workshop on"),
      (13.9, True, 376.2, "climate and land degradation"), (12.0, False, 447.7, "Summary")],
     "Abridged report on the international workshop on climate and land degradation"),
    (HEAD + [(14.0, True, 300.0, "I. Current trends, challenges and their impacts on accelerating"),
             (14.0, True, 317.0, "the implementation of the Sustainable Development Goals"),
             (10.0, False, 340.0, "1. We, the Ministers and high representatives")], ""),
])
def test_the_title_is_neither_the_organ_nor_a_numbered_heading(rows, title):
    assert read_title(page(*rows), body_size=10.0 if rows[0][0] != 13.9 else 12.0) == title


def test_an_old_report_without_a_bold_title_gives_none_rather_than_its_organ():
    # A/52/687 (1997): "General Assembly" in large bold above "ORIGINAL: ENGLISH", no bold title
    first = read_pages(FIXTURES / "A_52_687.en.pdf")[0]
    assert read_title(first, body_size=10.7) != "General Assembly"


def test_a_typed_page_gives_its_centred_title_and_what_it_is():
    """A/52/687 (1997) is typed: no bold title. The centred blocks under the agenda block, before
    the first heading, are its title and, last, what it is (``Report of the Secretary-General``)."""
    first = read_pages(FIXTURES / "A_52_687.en.pdf")[0]
    assert read_title(first, body_size=10.0) == "THE SITUATION OF DEMOCRACY AND HUMAN RIGHTS IN HAITI (Report of the Secretary-General)"


def test_a_typed_title_under_the_agenda_items_title():
    """A/47/466 (1992 scan), page 1 as printed: the agenda item's title in capitals, then the
    title (three centred lines), then what it is; the scan's marks at the right edge are no title."""
    rows = [(398.1, 439.0, 80.4, "Distr."), (397.8, 503.8, 151.5, "ORIGINAL: ENGLISH"),
            (37.4, 163.6, 209.0, "Forty-seventh session"), (37.0, 121.0, 221.1, "Agenda item 80"),
            (119.3, 423.4, 257.4, "PROTECTION OF GLOBAL CLIMATE FOR PRESENT AND FUTURE"),
            (204.7, 336.8, 269.2, "GENERATIONS OF MANKIND"),
            (115.5, 435.7, 292.8, "United Nations Framework Convention on Climate Change:"),
            (115.9, 401.7, 304.4, "implementation of resolution 46/169 and possible"),
            (187.5, 354.2, 316.2, "requirements for future work"),
            (178.3, 363.6, 340.0, "Report of the Secretary-General"),
            (36.5, 460.6, 375.2, "1. By its resolution 45/212 of 21 December 1990, the General Assembly"),
            (36.1, 502.0, 387.2, "signature during that Conference. The Assembly also requested the Chairman of")]
    lines = tuple(Line(page=1, text=t, x0=x0, x1=x1, top=top, bottom=top + 10.7, size=10.7) for x0, x1, top, t in rows)
    first = Page(number=1, width=612.0, height=792.0, lines=lines + (
        Line(page=1, text="! i", x0=578.1, x1=587.5, top=305.4, bottom=311.1, size=5.7),))
    assert read_title(first, body_size=10.7) == ("United Nations Framework Convention on Climate Change: implementation "
                                                  "of resolution 46/169 and possible requirements for future work "
                                                  "(Report of the Secretary-General)")
