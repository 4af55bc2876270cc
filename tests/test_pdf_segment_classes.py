"""Failure classes of the PDF paragraph segmenter found on real UN PDFs, each on lines composed
after a real page's layout (positions and type as PDFium reads them)."""

from __future__ import annotations

from ingest.pdf.geometry import measure
from ingest.pdf.layout import Line
from ingest.pdf.segment import segment


def _line(page: int, text: str, x0: float, top: float, x1: float = 488.5, size: float = 10.0,
          bold: bool = False) -> Line:
    return Line(page=page, text=text, x0=x0, x1=x1, top=top, bottom=top + size, size=size, bold=bold)


def _report_page(page: int) -> list[Line]:
    """E/ICEF/2025/14, p. 2: paragraphs at x 123, sub-items (a)-(d) indented to x 149."""
    rows = [("1. The Joint Inspection Unit (JIU) issues reports, notes and management letters", 123.1),
            ("addressed to the executive heads of United Nations organizations that have", 123.1),
            ("heads of all participating organizations for action as appropriate.", 123.1),
            ("2. This UNICEF report to the Executive Board provides a brief overview of the", 123.1),
            ("hyperlinked titles of each report presented in section II.", 123.1),
            ("3. In 2024, JIU issued seven reports, of which 32 were relevant to UNICEF and", 123.1),
            ("the status of the 32 recommendations can be summarized as follows:", 123.1),
            ("(a) UNICEF accepted 12 recommendations, of which 10 have been", 149.1),
            ("implemented and 2 are in progress;", 123.1),
            ("(b) One recommendation was not accepted;", 149.1),
            ("(c) Nine recommendations were not relevant or were outside UNICEF sole", 149.1),
            ("remit for implementation;", 123.1),
            ("(d) Ten recommendations are under consideration by the UNICEF Executive", 149.1),
            ("Board related to governance and oversight.", 123.1),
            ("4. Annex II details the status of the 11 recommendations made by the JIU prior to", 123.1),
            ("2024 that were in progress as at 31 January 2025.", 123.1)]
    out, top = [], 102.4
    for text, x0 in rows:
        top += 18.0 if text[:2] in ("1.", "2.", "3.", "4.", "(a", "(b", "(c", "(d") else 12.0
        out.append(_line(page, text, x0, top))
    return out


def _table_page(page: int) -> list[Line]:
    """An annex page set as a two-column table: many more lines in the right column (x 308)."""
    out = [_line(page, f"The executive heads should review arrangement {k}.", 67.5, 100 + 11.3 * k, 297.5)
           for k in range(6)]
    out += [_line(page, f"UNICEF has developed methods and measures to assess item {k}", 307.7, 100 + 11.3 * k, 550.0)
            for k in range(20)]
    return out


def test_text_page_among_table_pages_keeps_its_own_margin():
    """Class 1 (E/ICEF/2025/14): on a side whose pages are mostly a two-column annex table the
    report's page keeps its own left margin, so its numbered paragraphs are found, 1..N, and
    the lettered sub-items stay inside their paragraph."""
    lines = tuple(_report_page(2) + _table_page(4) + _table_page(6) + _table_page(8))
    geo = measure(lines, 10.0)
    assert abs(geo.left[2] - 123.1) < 1
    blocks, _, _, _ = segment(lines, 10.0)
    paras = [b for b in blocks if b.kind == "paragraph" and not b.part]
    assert [b.number for b in paras] == [1, 2, 3, 4]
    assert any(line.startswith("(d) Ten recommendations") for line in paras[2].lines)


def test_contents_list_opens_no_paragraph_or_part():
    """Class 2 (DP/FPA/2025/6): a contents page lists the chapters with page numbers, then
    ``Annexes`` and a numbered list of them; none of it is a paragraph or an annex, and the
    body's paragraphs 1..N stay in the report's main part."""
    rows = [(4, "Contents", 57.6, 12.0, True), (4, "I. Introduction 5", 57.6, 10.0, False),
            (4, "II. Mandate ...................................................... 5", 57.6, 10.0, False),
            (4, "III. Opinion ..................................................... 6", 57.6, 10.0, False),
            (4, "Annexes", 57.6, 11.0, True), (4, "1. The OAIS charter", 75.6, 10.0, False),
            (4, "2. Basis of the 2024 OAIS opinion on the UNFPA governance", 75.6, 10.0, False),
            (4, "3. Audit reports issued in 2024", 75.6, 10.0, False),
            (5, "I. Introduction", 71.3, 13.9, True),
            (5, "1. This report provides the Executive Board with a summary of internal audit,", 93.1, 10.0, False),
            (5, "investigation and advisory services delivered in 2024 by the Office.", 93.6, 10.0, False),
            (5, "II. Mandate", 66.5, 13.9, True),
            (5, "2. The OAIS mandate is based on article XVII of the UNFPA financial regulations,", 93.1, 10.0, False),
            (5, "the oversight policy and the UNFPA accountability framework of the organization.", 93.6, 10.0, False),
            (5, "3. The UNFPA Executive Director approved a revised OAIS charter on 1 August 2023,", 93.1, 10.0, False),
            (5, "which is included in annex 1 of the present report as it stands at present.", 93.6, 10.0, False)]
    lines, top = [], 90.0
    for page, text, x0, size, bold in rows:
        top = 90.0 if lines and lines[-1].page != page else top + 17.0
        lines.append(_line(page, text, x0, top, 549.8 if page == 4 else 552.5, size, bold))
    blocks, _, _, _ = segment(tuple(lines), 10.0)
    paras = [b for b in blocks if b.kind == "paragraph"]
    assert [(b.part, b.number) for b in paras] == [("", 1), ("", 2), ("", 3)]
    assert paras[0].lines[0].startswith("This report provides")
