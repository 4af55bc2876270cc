"""UN PDFs read directly (issue 3): real dev PDFs, a generated letter, and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from ingest import IngestError, read_document
from ingest.pdf.layout import read_pages
from ingest.pdf.zones import split_zones
from ingest.pdf.document import pdf_to_text
from pdf_samples import encrypt_copy, letter_pages, letter_with_annex_pages, write_pdf

EMRIP = FIXTURES / "A_HRC_EMRIP_2025_2.en.pdf"
IRMCT = FIXTURES / "A_80_275.en.pdf"


@pytest.fixture(scope="module")
def emrip():
    return read_document(EMRIP)


@pytest.fixture(scope="module")
def irmct():
    return read_document(IRMCT)


def _body(doc) -> dict[int, object]:
    return {c.number: c for c in doc.chunks if c.kind == "paragraph" and not c.part}


def test_symbols_and_titles_come_from_the_first_page(emrip, irmct):
    assert emrip.symbol == "A/HRC/EMRIP/2025/2"
    # A joint symbol (A/80/275-S/2025/491) cites the document by its primary symbol.
    assert irmct.symbol == "A/80/275"
    assert emrip.title == ("Right of Indigenous Peoples to data, including with regard to data collection and "
                           "disaggregation (Draft study by the Expert Mechanism on the Rights of Indigenous Peoples)")
    # A note whose first sentence transmits a report is titled by what it transmits (issue 15).
    assert irmct.title == ("International Residual Mechanism for Criminal Tribunals (Note by the Secretary-General "
                           "transmitting the thirteenth annual report of the International Residual Mechanism for "
                           "Criminal Tribunals)")
    assert all(c.title == emrip.title for c in emrip.chunks)


def test_body_paragraphs_are_numbered_in_sequence(emrip, irmct):
    assert list(_body(emrip)) == list(range(1, 103))
    assert list(_body(irmct)) == list(range(1, 104))


@pytest.mark.parametrize(
    "which, number, starts, ends",
    [
        # Most EMRIP paragraphs end with a raised footnote reference; it is not text.
        ("emrip", 1, "The right to data, including with regard to data collection and disaggregation,",
         "meet Indigenous Peoples’ current and future data needs."),
        ("emrip", 14, "Human rights treaty bodies have declared data disaggregation to be an important",
         "more complete information on the country’s demographic composition."),
        ("emrip", 102, "In 2024, in the Russian Federation, the Indigenous Peoples of the Yamal-Nenets",
         "of information, access to public services and consultations."),
        # Para 1 comes after a transmittal note, a letter and a two-page summary.
        ("irmct", 1, "The period from 1 July 2024 to 30 June 2025 marks the",
         "consultations and developed thorough analyses on these issues."),
        # Runs on across a page break with a footnote in between.
        ("irmct", 50, "On 21 May 2024, the Appeals Chamber issued its decision on the",
         "on the alleged new fact would be held."),
        ("irmct", 103, "Looking ahead, the Mechanism will continue to deliver on its core responsibilities,",
         "even as its role in such activities recedes."),
    ],
)
def test_paragraph_starts_and_ends(emrip, irmct, which, number, starts, ends):
    text = _body({"emrip": emrip, "irmct": irmct}[which])[number].text
    assert text.startswith(starts) and text.endswith(ends)


def test_footnotes_are_kept_apart_from_the_text(emrip, irmct):
    last = _body(emrip)[102]
    assert last.footnotes[-1].startswith("117 See, for example, presentation by Tatiana Dyatlova")
    assert "117" not in last.text and "Tatiana" not in last.text
    assert _body(irmct)[64].footnotes == (
        "2 In its resolution 79/255, the General Assembly endorsed the recommendations of the Advisory "
        "Committee on Administrative and Budgetary Questions to this effect (see A/79/619).",)


def test_annex_numbered_afresh_is_its_own_part(emrip):
    annex = [c for c in emrip.chunks if c.part == "annex"]
    assert [c.number for c in annex] == list(range(1, 24))
    assert annex[2].citation == "A/HRC/EMRIP/2025/2, annex, para. 3"
    assert annex[2].text.startswith("States should develop data-processing algorithms")
    assert _body(emrip)[3].citation == "A/HRC/EMRIP/2025/2, para. 3"
    assert annex[0].section == ("Expert Mechanism Advice No. 18 (2025): Right of Indigenous Peoples to data, "
                                "including with regard to data collection and disaggregation",)


@pytest.mark.parametrize(
    "which, number, section",
    [
        ("emrip", 19, ("III. Challenges and opportunities in accessing and controlling data", "A. Challenges")),
        # The heading above para 1 opens its section.
        ("irmct", 1, ("I. Introduction",)),
        # Bold "1." ... "7." under VII are sub-headings, not paragraphs.
        ("irmct", 80, ("VII. Activities of the Registry", "C. Support for other mandated activities",
                       "1. Witness support and protection")),
        ("irmct", 97, ("VII. Activities of the Registry", "C. Support for other mandated activities",
                       "7. Communications")),
    ],
)
def test_section_paths(emrip, irmct, which, number, section):
    assert _body({"emrip": emrip, "irmct": irmct}[which])[number].section == section


def test_summary_is_read_under_its_heading(emrip, irmct):
    summary = next(c for c in irmct.chunks if c.kind == "summary")
    assert summary.citation == "A/80/275, summary"
    assert summary.text.startswith("The present annual report outlines the activities of the International Residual")
    assert next(c for c in emrip.chunks if c.kind == "summary").text.endswith("is annexed to the study.")


def test_layout_lines_carry_size_weight_and_raised_refs():
    pages = read_pages(EMRIP)
    line = next(l for p in pages for l in p.lines if l.text.endswith("access to public services and consultations."))
    assert line.refs == ("117",) and line.text.endswith("consultations.")
    assert abs(line.size - 10) < 0.5 and not line.bold
    heading = next(l for l in pages[17].lines if l.text == "Annex")
    assert heading.bold and heading.size > 12


def test_page_furniture_and_footnotes_are_set_aside():
    zones = split_zones(read_pages(EMRIP), ("A/HRC/EMRIP/2025/2",))
    texts = [l.text for l in zones.lines]
    assert not any(t in ("A/HRC/EMRIP/2025/2", "18 GE.25-06162") for t in texts)
    assert zones.footnotes["117"].endswith("Salvation of Yugra (in Russian).")
    assert zones.body_size == 10 and zones.has_raised_refs


def test_a_letter_with_no_numbered_paragraphs_is_cited_by_page(tmp_path):
    doc = read_document(write_pdf(tmp_path / "letter.pdf", letter_pages()))
    assert doc.symbol == "S/2025/41"
    assert doc.title.startswith("Letter dated 17 January 2025 from the Permanent Representative of Norway")
    cites = [c.citation for c in doc.chunks]
    assert cites[:3] == ["S/2025/41, p. 1, para. 1", "S/2025/41, p. 1, para. 2", "S/2025/41, p. 2, para. 1"]
    # The second paragraph runs on across the page break; the footer is not in it.
    assert doc.chunks[1].text.endswith("must respect in every circumstance, including in densely populated areas.")
    assert all("25-00001" not in c.text for c in doc.chunks)


def test_a_letter_transmitting_a_numbered_annex(tmp_path):
    # The letter is cited by page; the annex numbers its paragraphs afresh and is cited as such.
    doc = read_document(write_pdf(tmp_path / "letter.pdf", letter_with_annex_pages()))
    cites = [c.citation for c in doc.chunks]
    assert cites[0] == "S/2025/41, p. 1, para. 1"
    assert cites[-3:] == ["S/2025/41, annex, para. 1", "S/2025/41, annex, para. 2", "S/2025/41, annex, para. 3"]
    assert doc.chunks[-1].section == ("Summary of the open debate",)
    assert doc.chunks[-1].text.startswith("The President closed the debate")


def test_pdf_to_text_keeps_pages_apart(tmp_path):
    text = pdf_to_text(write_pdf(tmp_path / "letter.pdf", letter_pages()))
    assert text.count("\f") == 1 and "United Nations S/2025/41" in text


def _bad_pdf(tmp_path: Path, kind: str) -> Path:
    letter = write_pdf(tmp_path / "letter.pdf", letter_pages())
    if kind == "encrypted":
        return encrypt_copy(letter, tmp_path / "encrypted.pdf")
    if kind == "truncated":
        path = tmp_path / "truncated.pdf"
        path.write_bytes(letter.read_bytes()[:400])
        return path
    if kind == "scan":
        return write_pdf(tmp_path / "scan.pdf", image_only=True)
    if kind == "not-un":
        return write_pdf(tmp_path / "notes.pdf", [[(72, 72, 10, False, "Shopping list: bread, milk and eggs.")]])
    path = tmp_path / "fake.pdf"
    path.write_text("<html>not a pdf</html>" if kind == "html" else "", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "kind, message",
    [
        ("encrypted", "the PDF is encrypted; decrypt it first"),
        ("truncated", "cannot read the PDF (PDFium: data format error); is the file complete?"),
        ("scan", "scanned: no text layer, run OCR first"),
        ("html", "not a PDF (no %PDF- header)"),  # PDFium's "data format error" said nothing to a user
        ("empty", "the file is empty"),
    ],
)
def test_bad_pdfs_fail_with_one_line_naming_the_file(tmp_path, kind, message):
    path = _bad_pdf(tmp_path, kind)
    with pytest.raises(IngestError) as err:
        read_document(path)
    assert str(err.value).startswith(f"{path}: ") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_readable_pdf_without_a_symbol_is_read_under_its_file_name(tmp_path):
    """Issue #18: a brief or meeting report the user put in the library is found, not dropped."""
    from ingest.reader import no_symbol_note

    doc = read_document(_bad_pdf(tmp_path, "not-un"))
    assert doc.symbol == "notes" and doc.chunks[0].citation == "notes, p. 1, para. 1"
    assert "no UN document symbol; indexed as 'notes'" in no_symbol_note(doc)
