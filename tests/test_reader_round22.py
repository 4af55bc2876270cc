"""Round 22 (issue 15): pages that hold only pictures are named, not silently skipped.

A/ES-10/1022 (lib20 truth, aside) is a one-page letter whose 34-page annex is pictures of text:
each annex page is an image covering 0.57-0.65 of the page under a running header (the symbols
and the job number), measured with PDFium. The reader indexed the letter and said nothing of the
annex; it now lists the pages, and ingest prints a note naming them. (Photographs annexed to a
letter, A/79/946 pp. 4-6, 9-10, are named too: nothing on them is indexed either.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ingest import read_document
from ingest.pdf.layout import Line, Page
from ingest.pdf.unread import page_span, unread_pages
from ingest.reader import unread_note

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_samples import letter_pages, write_pdf  # noqa: E402


@pytest.mark.parametrize("numbers, span", [
    ((3,), "3"),
    (tuple(range(3, 37)), "3-36"),  # A/ES-10/1022's annex
    ((2, 3, 5, 9, 10), "2-3, 5, 9-10"),
    ((10, 9, 2), "2, 9-10"),
    ((), ""),
])
def test_page_runs_are_written_as_a_reader_writes_them(numbers, span):
    assert page_span(numbers) == span


def _line(page: int, text: str) -> Line:
    return Line(page=page, text=text, x0=124.0, x1=500.0, top=300.0, bottom=310.0, size=10.0)


# (image share, has a body line) per page, as PDFium measures A/ES-10/1022's pages 1-4 and a
# chart page of E/2025/65 (p. 2: 0.19 of the page under images, with its text).
@pytest.mark.parametrize("shares, unread", [
    ([(0.01, True), (0.48, True), (0.58, False), (0.58, False)], (3, 4)),  # p. 2: the annex's title over its cover
    ([(0.01, True), (0.19, True)], ()),  # a chart among text
    ([(0.01, True), (0.0, False)], ()),  # a blank page (an Official Records verso): no picture, nothing unread
    ([(0.01, True), (0.2, False)], ()),  # a small picture alone on a page: a logo, a photograph
    ([(1.1, True), (1.3, True)], ()),  # a scan with its OCR layer (A/47/466): read
])
def test_a_page_mostly_image_with_no_body_text_is_unread(shares, unread):
    pages = [Page(k + 1, 612.0, 792.0, (), share) for k, (share, _) in enumerate(shares)]
    body = tuple(_line(k + 1, "I have the honour to convey to you") for k, (_, text) in enumerate(shares) if text)
    assert unread_pages(pages, body) == unread


def _header_only(page: int) -> list:
    return [(60, 53, 8.5, True, "S/2025/41"), (60, 749, 7, False, f"{page}/4 25-00001")]


def test_a_letter_with_a_scanned_annex_reads_the_letter_and_names_the_pages(tmp_path):
    pdf = write_pdf(tmp_path / "scanned_annex.pdf", letter_pages() + [_header_only(3), _header_only(4)], scanned=(3, 4))
    doc = read_document(pdf)
    assert doc.unread_pages == (3, 4)
    assert [c.citation for c in doc.chunks][:2] == ["S/2025/41, p. 1, para. 1", "S/2025/41, p. 1, para. 2"]
    assert all(c.page in (1, 2) for c in doc.chunks)  # the headers of the pictured pages make no chunk
    assert unread_note(doc) == (f"{pdf}: pages 3-4 hold only pictures, no text: not indexed "
                                "(if scanned text, run OCR on the file first)")


def test_a_letter_without_pictures_has_nothing_unread(tmp_path):
    doc = read_document(write_pdf(tmp_path / "letter.pdf", letter_pages()))
    assert doc.unread_pages == () and unread_note(doc) == ""


def test_one_scanned_page_is_named_in_the_singular(tmp_path):
    pdf = write_pdf(tmp_path / "one.pdf", letter_pages() + [_header_only(3)], scanned=(3,))
    assert unread_note(read_document(pdf)).endswith(": page 3 holds only pictures, no text: not indexed "
                                                    "(if scanned text, run OCR on the file first)")


def test_ingest_reports_the_pictured_pages_as_a_note(tmp_path):
    from index.workers import read_one

    pdf = write_pdf(tmp_path / "scanned_annex.pdf", letter_pages() + [_header_only(3)], scanned=(3,))
    got = read_one(str(pdf), "key", tag=False)
    assert got.skip is None and got.notes == [f"{pdf}: page 3 holds only pictures, no text: not indexed "
                                              "(if scanned text, run OCR on the file first)"]


def _report_page(body: list) -> list:
    return [(123, 43, 14, False, "United Nations A/80/999"), (124, 72, 20, True, "General Assembly"),
            (397, 80, 10, False, "Distr.: General"), (397, 92, 10, False, "20 January 2025"),
            (124, 200, 14, True, "Report of the Secretary-General on contributions"), *body,
            (65, 740, 7, False, "25-00001 (E)")]


# A list numbered afresh inside para. 2, set at the margin like the paragraphs' own numbers (A/79/845's
# enclosures number their requests 1.-3. so); its last item prints the number para. 3 prints after it.
@pytest.mark.parametrize("items, indent", [(2, 0), (3, 0), (3, 24), (4, 0)])
def test_a_list_numbered_inside_a_paragraph_keeps_its_items(tmp_path, items, indent):
    words = ["Increase the contributions to the trust fund;", "Report on their use;",
             "Review the fund in 2027;", "Close the fund in 2030."]
    body = [(124, 250, 10, False, "1. The Committee considered the matter at its meeting and adopted the"),
            (124, 262, 10, False, "conclusions set out in the present report."),
            (124, 286, 10, False, "2. The Committee recommended that the General Assembly take the following"),
            (124, 298, 10, False, "measures:")]
    top = 316
    for k in range(items):
        body.append((124 + indent, top, 10, False, f"{k + 1}. {words[k]}"))
        top += 18
    body += [(124, top + 6, 10, False, "3. The Committee decided to consider the matter again at its next session."),
             (124, top + 30, 10, False, "4. The Committee adopted the present report by consensus.")]
    doc = read_document(write_pdf(tmp_path / "list.pdf", [_report_page(body)]))
    paras = {c.number: c.text for c in doc.paragraphs}
    assert sorted(paras) == [1, 2, 3, 4]
    assert paras[2].endswith(f"{items}. {words[items - 1]}")  # every item stays in para. 2
    assert paras[3] == "The Committee decided to consider the matter again at its next session."


def test_a_paragraph_runs_on_past_a_table_at_the_next_pages_top(tmp_path):
    # Para. 2 breaks off at a page's foot; the next page opens with a table, then the sentence goes on.
    body = [(124, 250, 10, False, "1. The Committee considered the matter at its meeting and adopted the"),
            (124, 262, 10, False, "conclusions set out in the present report."),
            (124, 286, 10, False, "2. The Committee welcomed the contributions of the Member States that"),
            (124, 298, 10, False, "had contributed to the trust fund in 2024 and")]
    page2 = [(60, 53, 8.5, True, "A/80/999"), (124, 80, 9, True, "Table 1"),
             (124, 92, 9, True, "Contributions to the trust fund, 2024")]
    top = 110
    for row in (("Contributor", "Amount", "Share"), ("Norway", "1 200 000", "40 per cent"),
                ("Total", "3 000 000", "100 per cent")):
        page2 += [(x, top, 9, False, cell) for x, cell in zip((124, 300, 430), row)]
        top += 12
    page2 += [(124, top + 20, 10, False, "in 2025, and it asked the secretariat to report on their use."),
              (124, top + 44, 10, False, "3. The Committee decided to consider the matter again at its next session."),
              (60, 749, 7, False, "2/2 25-00001")]
    doc = read_document(write_pdf(tmp_path / "table.pdf", [_report_page(body), page2]))
    paras = {c.number: c.text for c in doc.paragraphs if c.page is None}
    assert sorted(paras) == [1, 2, 3]
    assert paras[2].endswith("in 2024 and in 2025, and it asked the secretariat to report on their use.")
    assert "Norway" not in paras[2] and any("Norway 1 200 000" in c.text for c in doc.chunks)


@pytest.mark.parametrize("items", [2, 3, 4])
def test_a_text_reports_list_inside_a_paragraph_keeps_its_items(items):
    # The same list in a report read as text: the item printed ``3.`` stays in para. 2.
    from ingest import parse_text

    words = ["Increase the contributions to the trust fund;", "Report on their use;",
             "Review the fund in 2027;", "Close the fund in 2030."]
    text = ("United Nations A/80/999\n\nGeneral Assembly\n\nReport of the Secretary-General on contributions\n\n"
            "1. The Committee considered the matter at its meeting and adopted the conclusions set out in the "
            "present report.\n\n2. The Committee recommended that the General Assembly take the following measures:\n"
            + "".join(f"{k + 1}. {words[k]}\n" for k in range(items))
            + "\n3. The Committee decided to consider the matter again at its next session.\n\n"
            "4. The Committee adopted the present report by consensus.\n")
    paras = {c.number: c.text for c in parse_text(text, source="A-80-999.txt").paragraphs}
    assert sorted(paras) == [1, 2, 3, 4]
    assert paras[2].endswith(f"{items}. {words[items - 1]}")
    assert paras[3] == "The Committee decided to consider the matter again at its next session."
