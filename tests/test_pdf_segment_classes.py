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


def _annex_lines() -> tuple[Line, ...]:
    """A letter's numbered paragraphs on p. 1, then (A/80/143, annex I) an unnumbered annex whose
    paragraphs introduce bullet lists and lettered items, with hanging second lines."""
    lines = [_line(1, "1. Pursuant to rule 13 of the rules of procedure of the General Assembly, I have", 123.4, 100),
             _line(1, "the honour to request the inclusion of an item in the agenda of the session.", 123.4, 112),
             _line(1, "2. The Bank was created to finance, facilitate and promote trade in Africa and", 123.4, 130),
             _line(1, "with the rest of the world, for inclusive and sustainable development. It", 123.4, 142),
             *[_line(1, "has grown into a systemically significant institution, pioneering new solutions", 123.4, 154 + 12 * k)
               for k in range(8)],
             _line(1, "such as the Intra-African Trade Fair.", 123.4, 250),
             _line(2, "Annex I", 60.0, 76.3, 103.4, 12.0, True),
             _line(2, "1. Historical background", 103.2, 121.4, 224.1, 10.0, True)]
    rows = [(18, 147.1, "Afreximbank was founded with a clear purpose: to facilitate, promote and", 487.5),
            (12, 123.4, "expand trade. In recognition of the structural challenges, the Bank was tasked with:", 488.0),
            (18, 140.4, "• Bridging the trade finance gap", 277.6),
            (18, 140.4, "• Supporting African nations to diversify exports and reduce commodity dependence", 487.8),
            (18, 140.4, "• Strengthening trade infrastructure to enable sustainable economic growth.", 464.7),
            (18, 147.1, "The Bank has four classes of shareholders, namely:", 367.8),
            (18, 140.4, "• Class “A”, which comprises African governments, African central banks and", 487.6),
            (12, 147.1, "African regional and subregional institutions", 300.1),
            (18, 140.4, "• Class “C”, which is made up of non-African investors", 379.2),
            (18, 147.1, "The Bank’s primary mandates are:", 312.8),
            (18, 147.1, "(a) Stimulating African trade: expanding and diversifying African trade by", 487.5),
            (12, 123.4, "addressing financing gaps and providing innovative trade solutions;", 414.5),
            (18, 147.1, "(b) Supporting climate action: integrating environmental sustainability.", 487.5)]
    top = 121.4
    for step, x0, text, x1 in rows:
        top += step
        lines.append(_line(2, text, x0, top, x1))
    return tuple(lines)


def test_annex_bullets_and_items_stay_in_their_paragraph():
    """Class 3 (A/80/143, annex I): bullets and lettered items of an unnumbered annex are part of
    the paragraph that introduces them; a short bullet is no heading."""
    from ingest.pdf.document import _insert_unnumbered

    lines = _annex_lines()
    blocks, _, loose, geo = segment(lines, 10.0)
    blocks = _insert_unnumbered(blocks, loose, geo)
    annex = [b for b in blocks if b.kind == "paragraph" and b.part == "annex I"]
    assert [b.number for b in annex] == [1, 2, 3]
    assert annex[0].lines[-1].startswith("• Strengthening")
    assert "• Class “C”, which is made up of non-African investors" in annex[1].lines
    assert annex[2].lines[-1].startswith("(b) Supporting")
    assert not any(b.kind == "heading" and b.lines[0].startswith("•") for b in blocks)


def _ocr_layer_pdf(path, rows: list[tuple[str, float, float]]) -> None:
    """A page as an OCR engine writes its text layer over a scan: invisible 1-point type scaled
    up by the text matrix, text blocks in the engine's own order."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    font = raw.FPDFText_LoadStandardFont(pdf.raw, b"Helvetica")
    for text, x, top in rows:
        obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, 1.0)
        wide = (text + "\0").encode("utf-16-le")
        raw.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(wide), ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFTextObj_SetTextRenderMode(obj, 3)  # invisible
        raw.FPDFPageObj_Transform(obj, 10.7, 0, 0, 10.7, x, 842 - top)
        raw.FPDFPage_InsertObject(page.raw, obj)
    raw.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(path))
    pdf.close()


def test_ocr_text_layer_sizes_and_order(tmp_path):
    """Class 4 (A/47/466, a 1992 scan with an OCR layer): the type's size is the 1-point font
    times its matrix, and the engine's blocks (paragraph 3, then 2, then 1) are read down the
    page, so the report is segmented into its numbered paragraphs instead of one chunk."""
    from ingest.pdf.layout import read_pages

    path = tmp_path / "ocr.pdf"
    _ocr_layer_pdf(path, [("3. The present report responds to that request by the Assembly.", 36, 636),
                          ("the Committee to expedite the negotiations.", 36, 529),
                          ("2. By its resolution 46/169 the General Assembly urged", 36, 517),
                          ("1. By its resolution 45/212 the General Assembly established", 36, 375),
                          ("a single negotiating process on climate change.", 36, 387)])
    lines = read_pages(path)[0].lines
    assert all(abs(l.size - 10.7) < 0.2 for l in lines)
    assert [l.text[:2] for l in lines] == ["1.", "a ", "2.", "th", "3."]


def test_contents_list_ends_with_its_page():
    """DP/2025/19: the body opens with paragraphs 1-3 on the page after the contents, before its
    first listed heading; the contents list ends with its own page, not at that heading."""
    rows = [(2, "Contents Page", 78.0, 12.0, False),
            (2, "I. Highlights of results achieved in 2024 ................................ 3", 92.2, 10.0, False),
            (2, "II. Adapting the UNV field presence ...................................... 9", 92.2, 10.0, False),
            (3, "1. In accordance with Executive Board decision 2018/8, this report details the", 101.7, 10.0, False),
            (3, "programme’s 2024 performance and its priorities for the year ahead.", 101.7, 10.0, False),
            (3, "2. UNV has entered the final year of its 2022-2025 Strategic Framework with", 101.7, 10.0, False),
            (3, "positive results across the board, despite global development challenges.", 101.7, 10.0, False),
            (3, "I. Highlights of results achieved in 2024", 80.5, 12.0, True),
            (3, "3. UNV actively collaborated with the United Nations system, Member States and", 101.7, 10.0, False),
            (3, "civil society to advance peace, development and humanitarian efforts.", 101.7, 10.0, False)]
    lines, top = [], 90.0
    for page, text, x0, size, bold in rows:
        top = 90.0 if lines and lines[-1].page != page else top + 17.0
        lines.append(_line(page, text, x0, top, 535.0 if page == 2 else 507.2, size, bold))
    blocks, _, _, _ = segment(tuple(lines), 10.0)
    paras = [b for b in blocks if b.kind == "paragraph"]
    assert [(b.part, b.number) for b in paras] == [("", 1), ("", 2), ("", 3)]


def test_bullets_that_are_sentences_stay_paragraphs():
    """CEB/2025/4, annex III: key messages set as bullets, each whole sentences, remain page-cited
    paragraphs of their own; a list introduced by a colon is one paragraph."""
    from ingest.pdf.geometry import Geometry
    from ingest.pdf.unnumbered import split_paragraphs

    geo = Geometry(10.0, {1: 72.0}, {1: 520.0}, 12.0)
    texts = ["• Climate finance is not a favour. It is an investment in global stability.",
             "• The new finance goal agreed at COP29 calls on developed countries to lead.",
             "The Bank has four classes of shareholders, namely:",
             "• Class “B”, which consists of African private investors",
             "• Class “C”, which is made up of non-African investors"]
    lines = [_line(1, t, 80.0 if t.startswith("•") else 72.0, 100 + 18 * k, 500.0) for k, t in enumerate(texts)]
    blocks = [b for _, b in split_paragraphs(lines, geo)]
    assert [b.lines[0][:9] for b in blocks] == ["• Climate", "• The new", "The Bank "]
    assert len(blocks[2].lines) == 3
