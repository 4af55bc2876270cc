"""Resolutions, decisions and letters cited the way the UN cites them; no fragment chunks (issue 20).

Table-driven, in the eyecite style: each case is a document and what must come out of it.
Real documents: the ECOSOC draft resolution E/2025/L.27 (PDF, and its text), the note verbale
A/80/84 and the Secretary-General's letter S/2025/258 (PDFs in tests/fixtures). The development
library holds no adopted Security Council, General Assembly or Human Rights Council resolution,
so those cases are written by us in their printed form (marked "composed").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from ingest import parse_text, read_document
from ingest.models import Chunk, format_citation
from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered
from ingest.text.resolution import adoption, formula_index, split_preamble

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_samples import write_pdf  # noqa: E402
from resolution_samples import resolution_pages  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RES = FIXTURES / "resolutions"

# -- composed resolutions, in the form the UN prints them -------------------------------------
GA_TEXT = """United Nations A/RES/79/999
General Assembly Distr.: General
9 December 2024
Seventy-ninth session
Agenda item 20
Resolution adopted by the General Assembly on 4 December 2024
[without reference to a Main Committee (A/79/L.99)]
79/999. International cooperation on migration
The General Assembly,
Recalling its resolutions 67/219 of 21 December 2012 and 68/4 of 3 October 2013,
Reaffirming the Declaration of the High-level Dialogue on International Migration and
Development,
Deeply concerned about the number of migrants who lose their lives in transit,
Recognizing the contribution of migrants to the development of countries of origin,
transit and destination,
1. Calls upon Member States to protect the human rights of all migrants, regardless of
their migration status;
2. Requests the Secretary-General to submit to the General Assembly at its eighty-first
session a report on the implementation of the present resolution, including:
(a) the cost of recruitment borne by migrant workers;
(b) the cost of sending remittances home;
3. Decides to include in the provisional agenda of its eighty-first session the item
entitled "International migration and development".
62nd plenary meeting
4 December 2024
"""

HRC_TEXT = """United Nations A/HRC/RES/58/99
General Assembly Distr.: General
10 April 2025
Human Rights Council
Fifty-eighth session
Agenda item 3
Resolution adopted by the Human Rights Council on 4 April 2025
58/99. The right to education
The Human Rights Council,
Guided by the purposes and principles of the Charter of the United Nations,
Recalling all its previous resolutions on the right to education,
Noting with concern that millions of children are still out of school,
General provisions
1. Urges all States to give full effect to the right to education;
2. Calls upon States to take all measures to eliminate obstacles to access to education;
Follow-up
3. Decides to continue its consideration of this matter under the same agenda item.
"""

SC_TEXT = """United Nations S/RES/2776 (2025)
Security Council Distr.: General
14 March 2025
Resolution 2776 (2025)
Adopted by the Security Council at its 9876th meeting, on 14 March 2025
The Security Council,
Recalling its previous resolutions on the situation in the region,
Reaffirming its strong commitment to the sovereignty and territorial integrity of the country,
Acting under Chapter VII of the Charter of the United Nations,
1. Decides to extend the mandate of the Mission until 31 March 2026;
2. Requests the Special Representative to report on:
(a) the protection of civilians;
(b) the political process;
3. Decides to remain actively seized of the matter.
"""

# (name, text, symbol, operative count, preambular count, adopted, spot: (kind, n, starts, ends))
TEXT_CASES = [
    ("ECOSOC draft E/2025/L.27 (real text)", None, "E/2025/L.27", 22, 43, "",
     [("preamble", 1, "Recalling General Assembly resolutions 79/91", "79/229 of 19 December 2024,"),
      ("preamble", 43, "Aware that development and fostering", "circumstances of peace and stability,"),
      ("paragraph", 22, "Decides to include the item entitled", "in the agenda of its 2026 session.")]),
    ("GA resolution (composed)", GA_TEXT, "A/RES/79/999", 3, 4, "4 December 2024",
     [("paragraph", 2, "Requests the Secretary-General", "(b) the cost of sending remittances home;"),
      ("preamble", 2, "Reaffirming the Declaration", "Migration and Development,")]),
    ("HRC resolution (composed)", HRC_TEXT, "A/HRC/RES/58/99", 3, 3, "4 April 2025",
     [("paragraph", 3, "Decides to continue its consideration", "under the same agenda item.")]),
    ("SC resolution (composed)", SC_TEXT, "S/RES/2776 (2025)", 3, 3, "14 March 2025",
     [("paragraph", 2, "Requests the Special Representative to report on:", "(b) the political process;")]),
]


def _text_doc(text: str | None):
    if text is None:
        text = (RES / "E_2025_L.27.txt").read_text(encoding="utf-8")
    return parse_text(text, source="resolution.txt")


@pytest.mark.parametrize("name, text, symbol, operative, preambular, adopted, spots", TEXT_CASES,
                         ids=[c[0] for c in TEXT_CASES])
def test_text_resolutions(name, text, symbol, operative, preambular, adopted, spots):
    doc = _text_doc(text)
    assert doc.symbol == symbol
    ops = [c.number for c in doc.chunks if c.kind == "paragraph"]
    pre = [c.number for c in doc.chunks if c.kind == "preamble"]
    assert ops == list(range(1, operative + 1))  # operative numbering 1..N exact
    assert pre == list(range(1, preambular + 1))  # preambular count exact, by position
    assert doc.adopted == adopted
    assert not any(c.kind == "summary" for c in doc.chunks)  # the preamble is not a summary
    by = {(c.kind, c.number): c for c in doc.chunks}
    for kind, n, starts, ends in spots:
        assert by[kind, n].text.startswith(starts) and by[kind, n].text.endswith(ends), by[kind, n].text


def test_resolution_sub_headings_are_the_section_path():
    doc = _text_doc(HRC_TEXT)
    by = {c.number: c for c in doc.paragraphs}
    assert by[1].section[-1] == "General provisions" and by[3].section[-1] == "Follow-up"


# -- real and composed PDFs -------------------------------------------------------------------
@pytest.fixture(scope="module")
def l27():
    return read_document(RES / "E_2025_L.27.en.pdf")


@pytest.fixture(scope="module")
def sc_pdf(tmp_path_factory):
    return read_document(write_pdf(tmp_path_factory.mktemp("res") / "S_RES_2776.pdf", resolution_pages()))


def test_pdf_draft_resolution_operative_and_preamble(l27):
    assert l27.symbol == "E/2025/L.27"
    assert [c.number for c in l27.chunks if c.kind == "paragraph"] == list(range(1, 23))
    assert [c.number for c in l27.chunks if c.kind == "preamble"] == list(range(1, 44))
    by = {(c.kind, c.number): c for c in l27.chunks}
    assert by["preamble", 3].text.startswith("Guided by the principles of the Charter")
    assert by["preamble", 3].text.endswith("2334 (2016) of 23 December 2016,")  # whole, across lines
    # A preambular paragraph running on over a page break stays one paragraph.
    assert by["preamble", 15].text.startswith("Commending, despite the many constraints")
    assert by["preamble", 15].text.endswith("infrastructure and water,")
    assert by["paragraph", 1].citation == "E/2025/L.27, para. 1"
    assert by["preamble", 4].citation == "E/2025/L.27, preambular para. 4"


def test_pdf_security_council_resolution(sc_pdf):
    assert sc_pdf.symbol == "S/RES/2776 (2025)"  # the symbol as printed
    assert (sc_pdf.adopted, sc_pdf.meeting) == ("14 March 2025", "9876th meeting")
    assert sc_pdf.date == "2025-03-14"  # no "Distr." date: the adoption dates the resolution
    ops = [c for c in sc_pdf.chunks if c.kind == "paragraph"]
    pre = [c for c in sc_pdf.chunks if c.kind == "preamble"]
    assert [c.number for c in ops] == [1, 2, 3, 4, 5] and len(pre) == 4
    assert ops[1].citation == "S/RES/2776 (2025), para. 2"
    assert ops[1].text.endswith("(b) the progress made in the political process and in the elections;")
    assert pre[3].citation == "S/RES/2776 (2025), preambular para. 4"
    assert ops[2].section == ("Mandate of the Mission",)
    assert all("25-03579" not in c.text for c in sc_pdf.chunks)


# -- letters and notes verbales ---------------------------------------------------------------
@pytest.mark.parametrize("file, signatory, body_start", [
    ("A_80_84.en.pdf", "", "The Permanent Mission of the Republic of Slovenia to the United Nations has the"),
    ("S_2025_258.en.pdf", "António Guterres", "I have the honour to transmit herewith the 139th monthly report"),
])
def test_letters_body_paragraphs_only(file, signatory, body_start):
    doc = read_document(RES / file)
    assert doc.signatory == signatory
    assert doc.chunks[0].text.startswith(body_start)
    for c in doc.chunks:
        assert "(Signed)" not in c.text and not c.text.startswith(("[Original", "Original:"))


def test_a_note_transmitting_an_annex_cites_the_annex_numbering():
    doc = read_document(RES / "A_80_84.en.pdf")
    annex = [c for c in doc.chunks if c.part == "annex"]
    assert [c.number for c in annex] == list(range(1, len(annex) + 1)) and len(annex) > 20
    assert annex[0].citation == "A/80/84, annex, para. 1" and annex[0].page is None


@pytest.mark.parametrize("file", ["E_2025_L.27.en.pdf", "A_80_84.en.pdf", "S_2025_258.en.pdf"])
def test_no_fragment_chunks(file):
    doc = read_document(RES / file)
    for c in doc.chunks:
        if c.kind == "paragraph" and c.page is None:
            continue  # a numbered paragraph of the document may be short
        assert len(c.text) >= 25, c.citation


# -- the fragment rule, block by block --------------------------------------------------------
def _b(text: str, page: int = 1) -> _Block:
    return _Block("paragraph", number=1, lines=[text], page=page, refs=[], section=())


FRAGMENT_CASES = [
    # (blocks, texts kept, signatory)
    (["25-03579* (E) 170325", "*2503579*", "Please recycle", "I have the honour to refer to the letter of 3 May."],
     ["I have the honour to refer to the letter of 3 May."], ""),
    (["23 April 2025", "[Original: Russian]", "Excellency,", "The Government wishes to inform the Council of it.",
      "(Signed) Jeyhun Bayramov", "Minister for Foreign Affairs"],
     # the signature block closes the letter's last paragraph (issue 15: its title is body text)
     ["The Government wishes to inform the Council of it. Jeyhun Bayramov Minister for Foreign Affairs"],
     "Jeyhun Bayramov"),
    (["Documentation:", "Report of the first regular session 2025 (DP/2025/8)",
      "Decisions adopted at the first regular session 2025 (DP/2025/9)", "The Board will adopt its agenda."],
     ["Documentation: Report of the first regular session 2025 (DP/2025/8) Decisions adopted at the first "
      "regular session 2025 (DP/2025/9)", "The Board will adopt its agenda."], ""),
    (["1. Election of officers", "2. Adoption of the agenda", "3. Study on the right to data",
      "The provisional agenda was prepared in accordance with the rules of procedure."],
     ["1. Election of officers 2. Adoption of the agenda 3. Study on the right to data",
      "The provisional agenda was prepared in accordance with the rules of procedure."], ""),
]


@pytest.mark.parametrize("texts, kept, signatory", FRAGMENT_CASES)
def test_fragment_rule(texts, kept, signatory):
    blocks, who = tidy_unnumbered([_b(t) for t in texts])
    assert [" ".join(" ".join(b.lines).split()) for b in blocks] == kept
    assert who == signatory
    assert [b.number for b in blocks] == list(range(1, len(blocks) + 1))  # renumbered on the page


def test_a_lone_short_line_heads_the_paragraphs_under_it():
    blocks, _ = tidy_unnumbered([_b("Air transport"), _b("The Mission flew 300 sorties in the period under review."),
                                 _b("Flights resumed in March after the rainy season ended.")])
    assert [b.section for b in blocks] == [("Air transport",), ("Air transport",)]


# -- helpers and citations --------------------------------------------------------------------
def test_enacting_formula_adoption_and_preamble_split():
    assert formula_index(["Resolution 1 (2025)", "The Commission on Population and Development,"]) == 1
    assert formula_index(["The report says that, in 2013,"]) is None
    a = adoption("Adopted by the Security Council at its 9876th meeting, on 14 March 2025")
    assert (a.date, a.meeting, a.body) == ("14 March 2025", "9876th meeting", "Security Council")
    assert split_preamble(["Recalling its resolution 1,", "Deeply concerned about",
                           "the situation,", "Bearing in mind the Charter,"]) == [
        ["Recalling its resolution 1,"], ["Deeply concerned about", "the situation,"], ["Bearing in mind the Charter,"]]


def test_preamble_citation_and_export_round_trip():
    assert format_citation("S/RES/2776 (2025)", "preamble", 4) == "S/RES/2776 (2025), preambular para. 4"
    c = Chunk(symbol="S/RES/2776 (2025)", kind="preamble", number=4, text="Recalling its resolutions,")
    assert Chunk.from_dict(json.loads(json.dumps(c.to_dict()))) == c
    p = Chunk(symbol="A/1/2", kind="paragraph", number=125, text="Text.", printed=25)
    assert Chunk.from_dict(p.to_dict()).printed == 25


LETTER_TEXT = """United Nations S/2025/999
Security Council Distr.: General
24 April 2025
Original: English

Letter dated 23 April 2025 from the Permanent Representative of Azerbaijan to the United Nations
addressed to the Secretary-General

[Original: Russian]

Excellency,

I have the honour to transmit herewith the statement of the Ministry of Foreign Affairs on the
situation in the region, issued on 22 April 2025.

I should be grateful if you would have the present letter circulated as a document of the
Security Council.

(Signed) Jeyhun Bayramov
Minister for Foreign Affairs
"""


def test_a_text_letter_keeps_its_body_and_names_its_signatory():
    # Composed in the form of a letter; its forms are neither chunks nor section headings.
    doc = parse_text(LETTER_TEXT, source="letter.txt")
    assert doc.signatory == "Jeyhun Bayramov"
    assert [c.citation for c in doc.chunks] == ["S/2025/999, p. 1, para. 1", "S/2025/999, p. 1, para. 2"]
    for c in doc.chunks:
        assert not any(h.startswith(("[Original", "Excellency", "(Signed)")) for h in c.section)


def test_the_printed_symbol_in_page_headers_is_furniture(tmp_path):
    from ingest.pdf.layout import read_pages
    from ingest.pdf.zones import split_zones

    pages = read_pages(write_pdf(tmp_path / "res.pdf", resolution_pages()))
    lines = split_zones(pages, ("S/RES/2776 (2025)",)).lines
    assert not any("S/RES/2776" in l.text for l in lines if l.page > 1)  # page 1: the masthead


def test_closing_meeting_lines_leave_the_last_paragraph():
    doc = _text_doc(GA_TEXT)
    last = doc.paragraphs[-1]
    assert last.text.endswith("\"International migration and development\".")
    assert doc.meeting == "62nd plenary meeting"


def test_a_letters_signature_block_closes_its_last_paragraph():
    """Issue 15: the signatory's name and title are body text; they close the paragraph above them."""
    doc = read_document(RES / "S_2025_258.en.pdf")
    annex = [c for c in doc.chunks if c.part == "annex"]
    assert annex[-1].text.endswith("Fernando Arias Director General Organisation for the Prohibition of Chemical Weapons")
    assert doc.signatory == "António Guterres"


@pytest.mark.parametrize("gap", ["\n\n", "\n"])  # the signature after a blank line, or right under the text (pdftotext)
def test_a_text_letter_s_signature_closes_its_last_paragraph(gap):
    # nothing printed is lost: the signatory's name and title stay in the text, the "(Signed)" mark goes
    text = LETTER_TEXT.replace("Security Council.\n\n(Signed)", "Security Council." + gap + "(Signed)")
    doc = parse_text(text, source="letter.txt")
    assert doc.chunks[-1].text.endswith("Security Council. Jeyhun Bayramov Minister for Foreign Affairs")
    assert doc.signatory == "Jeyhun Bayramov"


def test_an_annex_heading_under_a_text_letter_s_signature_stays_a_heading():
    text = LETTER_TEXT.replace("Minister for Foreign Affairs\n", "Minister for Foreign Affairs\nAnnex\n")
    doc = parse_text(text, source="letter.txt")
    assert doc.chunks[-1].text.endswith("Jeyhun Bayramov Minister for Foreign Affairs")
