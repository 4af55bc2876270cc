"""Round 24 (issue 15): a note set larger than its annex, and paragraph numbers glued to their text.

A/AC.172/2025/2 (lib22's aside) is a note of three numbered paragraphs over a 52-page calendar
set in small type: the document's body type was the calendar's, so page 1's paragraphs were read
as its title block and lost. A text extraction (or a PDF) that prints ``12.The`` with no space
opened no paragraph at all: A-69-207.txt read as 3 paragraphs instead of 87.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ingest import parse_text, read_document
from ingest.pdf.note_numbers import number_opening_run
from ingest.text.blocks import _Block
from ingest.text.glued_numbers import unglue_number

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_samples import write_pdf  # noqa: E402


@pytest.mark.parametrize("printed, read", [
    ("12.The Committee considered item 3", "12. The Committee considered item 3"),
    ("1.“Coup de pousse” Chaîne de l’espoir Nord-Sud", "1. “Coup de pousse” Chaîne de l’espoir Nord-Sud"),
    ("  3.In its resolution 67/219", "  3. In its resolution 67/219"),
    ("100.Protecting the fundamental human rights", "100. Protecting the fundamental human rights"),
    ("4.(a) Addressing the dire situation", "4. (a) Addressing the dire situation"),
    # left as printed: a decimal, a lowercase run-on, a spaced number, a symbol, four digits, a letter
    ("1.5 million international migrants", "1.5 million international migrants"),
    ("2.the perils of migration", "2.the perils of migration"),
    ("1. The 2013 High-level Dialogue", "1. The 2013 High-level Dialogue"),
    ("A/69/207", "A/69/207"),
    ("2025.The Board", "2025.The Board"),
    ("3.A", "3.A"),
])
def test_a_glued_paragraph_number_is_spaced_apart(printed, read):
    assert unglue_number(printed) == read


# A/69/207's paragraphs 1-3 as its text extraction prints them, the number then on its own line
_HEAD = "United Nations A/69/207\n\nGeneral Assembly\n\nInternational migration and development\n\nIntroduction\n"
_PARAS = [
    ["The 2013 High-level Dialogue on International Migration and Development",
     "was a landmark event. Through its adoption, on 3 October 2013, of the Declaration",
     "of the High-level Dialogue on International Migration and Development (General",
     "Assembly resolution 68/4), the Assembly broke new ground in its consideration of",
     "the issue of international migration and development."],
    ["As the General Assembly considers the inclusion of migration in the",
     "elaboration of the sustainable development goals and targets of the post-2015",
     "development agenda, the world is faced with unprecedented challenges."],
    ["Protecting the fundamental human rights of migrants, ensuring that migration is",
     "undertaken by choice and making migration “work” for development can be achieved",
     "only through cooperation, partnerships and the sharing of responsibility."],
]


def _report(glue: str) -> str:
    """The report with each number joined to its first line by ``glue`` (``"\\n"``: as printed)."""
    return _HEAD + "".join(f"{n}.{glue}" + "\n".join(p) + "\n" for n, p in enumerate(_PARAS, start=1))


@pytest.mark.parametrize("glue", ["", " ", "\t", "\n"])  # glued, spaced, a tab, on its own line
def test_a_text_report_with_glued_numbers_reads_as_printed(tmp_path, glue):
    src = tmp_path / "A-69-207.txt"
    src.write_text(_report(glue), encoding="utf-8")
    want = {c.number: c.text for c in parse_text(_report("\n"), source="A-69-207.txt").paragraphs}
    got = {c.number: c.text for c in read_document(src).paragraphs if c.page is None}
    assert sorted(got) == [1, 2, 3]
    assert got == want
    assert got[1].startswith("The 2013 High-level Dialogue")


def _lines(top: float, texts: list[str], x: float = 124, size: float = 10) -> list:
    return [(x, top + 1.2 * size * k, size, False, t) for k, t in enumerate(texts)]


def _masthead(symbol: str, organ: str, title: list[str]) -> list:
    return [(123, 43, 14, False, f"United Nations {symbol}"), (124, 72, 20, True, organ),
            (397, 80, 10, False, "Distr.: General"), (397, 92, 10, False, "31 January 2025"),
            *[(124, 200 + 16 * k, 14, True, t) for k, t in enumerate(title)]]


def test_a_pdf_paragraph_number_printed_glued_opens_its_paragraph(tmp_path):
    body = []
    for n, (top, p) in enumerate(zip((250, 322, 370), _PARAS), start=1):
        body += _lines(top, [f"{n}.{p[0]}", p[1].replace("“", "").replace("”", "")])
    pages = [_masthead("A/69/207", "General Assembly", ["International migration and development"]) + body]
    doc = read_document(write_pdf(tmp_path / "r.pdf", pages))
    got = {c.number: c.text for c in doc.paragraphs if c.page is None}
    assert sorted(got) == [1, 2, 3]
    assert got[2].startswith("As the General Assembly considers")


# --- a note set larger than its annex (A/AC.172/2025/2: 3 paragraphs, then a 52-page calendar) ---

_NOTE = [
    ["1. The annex to the present note contains the calendar of conferences and meetings",
     "of the United Nations for 2025, as adopted by the General Assembly in paragraph 3",
     "of section I of its resolution 79/248."],
    ["2. The calendar of conferences and meetings of the principal organs of the",
     "specialized agencies also forms part of the annex."],
    ["3. In paragraphs 5 and 6 of section I of its resolution 79/248, the General Assembly",
     "noted with satisfaction that the Secretariat had taken into account the arrangements",
     "referred to in its previous resolutions on the pattern of conferences."],
]
_ROW = ("Committee on the Elimination of Discrimination against Women General Assembly resolutions "
        "55/70, 62/218 and 68/268 Sixty-first session 29-31 January Geneva")


def _note_pages() -> list[list]:
    page1 = _masthead("A/AC.172/2025/2", "General Assembly",
                      ["Calendar of conferences and meetings of the United Nations", "for 2025"])
    page1 += [(124, 289, 12, True, "Note by the Secretariat")]
    top = 314.0
    for p in _NOTE:
        page1 += _lines(top, p)
        top += 12 * len(p) + 6
    # a table under para. 3, its title in bold body type: under the annex's small type, a "title" line
    page1 += [(124, top + 12, 10, True, "Dates of Orthodox Good Friday, Yom Kippur, the Day of Vesak, Diwali,"),
              (124, top + 24, 10, True, "Gurpurab, Orthodox Christmas and Nowruz in 2025")]
    page1 += _lines(top + 50, ["Orthodox Christmas 7 January", "Lunar New Year 29 January", "Nowruz 20 March"], x=160)
    page1 += [(65, 740, 7, False, "25-01529 (E)")]
    pages = [page1]
    for k in range(2, 5):  # the annex: pages of a table's rows in small type, most of the document's text
        page = [(60, 53, 8.5, True, "A/AC.172/2025/2")]
        if k == 2:
            page += [(60, 75, 14, True, "Annex"), (123, 96, 14, True, "Draft calendar of conferences and meetings")]
        rows = [f"{20 * k + n}. {_ROW}" for n in range(20)]
        page += _lines(130, [t for r in rows for t in (r[:95], r[95:])], x=58, size=8.5)
        page += [(60, 749, 7, False, f"{k}/4 25-01529")]
        pages.append(page)
    return pages


def test_a_note_set_larger_than_its_annex_keeps_its_numbered_paragraphs(tmp_path):
    doc = read_document(write_pdf(tmp_path / "note.pdf", _note_pages()))
    got = {c.number: c.text for c in doc.paragraphs if c.page is None and not c.part}
    assert sorted(got) == [1, 2, 3]
    assert got[1].startswith("The annex to the present note contains the calendar")
    assert got[3].endswith("on the pattern of conferences.")
    assert any("Sixty-first session" in c.text for c in doc.chunks if c.part == "annex")
    assert any("Lunar New Year 29 January" in c.text for c in doc.chunks if not c.part)


def _prose(*firsts: str, small: tuple[int, ...] = (), part: str = "") -> list[_Block]:
    return [_Block("paragraph", lines=[t, "of the United Nations for 2025."], page=1, small=k in small, part=part)
            for k, t in enumerate(firsts)]


@pytest.mark.parametrize("blocks, numbers", [
    (_prose("1. The annex to the present note contains", "2. The calendar of conferences and",
            "3. In paragraphs 5 and 6 of section I"), [1, 2, 3]),
    # a table's rows under paragraph 2 stay cited by page, and what follows them too
    (_prose("1. The annex to the present note contains", "2. The calendar of conferences and",
            "Orthodox Christmas 7 January", "3. In paragraphs 5 and 6 of section I"), [1, 2, 0, 0]),
    # the table's notes in small type do not break the run
    (_prose("1. The annex to the present note contains", "a Eid al-Fitr falls on Sunday, 30 March",
            "2. The calendar of conferences and", small=(1,)), [1, 0, 2]),
    # a list that does not open the prose, a single "1.", a run opening at 2: cited by page
    (_prose("I have the honour to transmit", "1. Representatives attended the fifteenth session",
            "2. United Nations Office on Drugs and Crime"), [0, 0, 0]),
    (_prose("1. The annex to the present note contains", "The calendar of conferences and"), [0, 0]),
    (_prose("2. The calendar of conferences and", "3. In paragraphs 5 and 6 of section I"), [0, 0]),
    (_prose("1. The annex to the present note", "2. The calendar", part="annex"), [0, 0]),
])
def test_a_notes_opening_numbers_are_its_paragraphs(blocks, numbers):
    pages = [b.page for b in blocks]
    assert number_opening_run(blocks) == sum(1 for n in numbers if n)
    assert [b.number if b.page is None else 0 for b in blocks] == numbers
    for b, n, page in zip(blocks, numbers, pages):
        if n:
            assert not b.lines[0][:1].isdigit()  # the printed number left the text
        else:
            assert b.page == page


# --- two columns side by side in a text extraction (``pdftotext -layout`` of a two-column page) ---

def _two_columns(left: list[str], right: list[str], at: int = 48) -> str:
    rows = [(left[k] if k < len(left) else "").ljust(at) + (right[k] if k < len(right) else "")
            for k in range(max(len(left), len(right)))]
    return "\n".join(r.rstrip() for r in rows)


def _wrapped(paras: list[list[str]], width: int = 42) -> list[str]:
    """Paragraphs 1-3 wrapped to a column's width, each number on its own line as printed."""
    import textwrap

    out: list[str] = []
    for n, p in enumerate(paras, start=1):
        out += [f"{n}.", *textwrap.wrap(" ".join(p), width)]
    return out


def test_two_columns_side_by_side_read_left_then_right(tmp_path):
    lines = _wrapped(_PARAS)
    half = len(lines) // 2
    src = tmp_path / "A-69-207.txt"
    src.write_text(_HEAD + _two_columns(lines[:half], lines[half:]) + "\n", encoding="utf-8")
    want = {c.number: c.text for c in parse_text(_report("\n"), source="A-69-207.txt").paragraphs}
    got = {c.number: c.text for c in read_document(src).paragraphs if c.page is None}
    assert got == want


def test_a_table_or_one_column_text_is_left_as_printed():
    from ingest.text.columns import unfold_columns

    one = "\n".join(_wrapped(_PARAS, width=80))
    table = "\n".join(f"{region:<40}{a:>12}{b:>12}" for region, a, b in [
        ("Africa", "15.3", "16.3"), ("Asia", "53.8", "70.8"), ("Europe", "72.4", "37.8"),
        ("Latin America and the Caribbean", "8.5", "36.7"), ("Northern America", "53.1", "4.3"),
        ("Oceania", "7.9", "1.9"), ("Developed regions", "135.6", "53.6"),
        ("Developing regions", "95.9", "82.2"), ("World", "231.5", "231.5")])
    assert unfold_columns(one) == one
    assert unfold_columns(table) == table
    assert unfold_columns(one + "\f" + table) == one + "\f" + table


def test_a_utf16_text_with_its_byte_order_mark_reads_as_utf8(tmp_path):
    text = _report("\n")
    for name, data in [("le.txt", text.encode("utf-16")), ("be.txt", b"\xfe\xff" + text.encode("utf-16-be"))]:
        src = tmp_path / name
        src.write_bytes(data)
        assert [(c.number, c.text) for c in read_document(src).paragraphs] == [
            (c.number, c.text) for c in parse_text(text, source=name).paragraphs]


def _midpara_header(text: str) -> str:
    """A page break inside paragraph 1: a form feed, the running header and a page counter."""
    cut = "of the High-level Dialogue on International Migration and Development (General\n"
    return text.replace(cut, cut + "\f\nA/69/207\n\n2/20\n\n14-56609\n")


@pytest.mark.parametrize("variant", [
    lambda t: t.replace("\n", "\r"),  # old Mac line ends, no line feed at all
    lambda t: "\n".join(f"          {l}      " if l[:1].isdigit() else l for l in t.split("\n")),  # -layout indents
    _midpara_header,
    lambda t: _midpara_header(t).replace("\n\n", "\n"),  # the same with no blank lines
])
def test_text_layouts_an_extractor_may_give_read_as_printed(tmp_path, variant):
    src = tmp_path / "A-69-207.txt"
    src.write_text(variant(_report("\n")), encoding="utf-8")
    want = {c.number: c.text for c in parse_text(_report("\n"), source="A-69-207.txt").paragraphs}
    assert {c.number: c.text for c in read_document(src).paragraphs if c.page is None} == want


def test_a_pdf_page_in_two_columns_numbers_the_right_columns_paragraphs(tmp_path):
    import textwrap

    page = _masthead("A/69/207", "General Assembly", ["International migration and development"])
    texts = [" ".join(p).replace("“", "").replace("”", "") for p in _PARAS] * 2
    top, x = 250.0, 72
    for n, t in enumerate(texts, start=1):
        wrapped = textwrap.wrap(t, 48)
        if top + 12 * len(wrapped) > 720:
            top, x = 250.0, 320  # the right column
        page += [(x, top + 12 * k, 9, False, f"{n}. {w}" if k == 0 else w) for k, w in enumerate(wrapped)]
        top += 12 * len(wrapped) + 6
    doc = read_document(write_pdf(tmp_path / "two.pdf", [page]))
    got = {c.number: c.text for c in doc.paragraphs if c.page is None}
    assert sorted(got) == [1, 2, 3, 4, 5, 6]
    assert got[6].startswith("Protecting the fundamental human rights") and got[6].endswith("responsibility.")
