"""Paragraphs numbered within their chapter (``I.12``, ``1.1``, ``29A.4``) cited as numbered paragraphs.

No document of the development library numbers its paragraphs this way, so the fixtures are written
by hand in the layout of two kinds that do (tests/fixtures/compound/): an Advisory Committee report
(``I.1``, ``II.1``; its PDF printed from the HTML beside it with Chromium's print-to-PDF, the body
set in 10 pt, headings in 11 pt bold) and a Secretary-General's bulletin (``1.1``, ``2.1``). Their
words are invented; only the shapes matter.
"""

from pathlib import Path

import pytest

from ingest.compound_numbers import cite_compound_numbers, label_of, without_label
from ingest.models import Chunk
from ingest.pdf.coverage import body_coverage
from ingest.reader import read_document
from search.context import chapter_form

FIX = Path(__file__).parent / "fixtures" / "compound"


@pytest.mark.parametrize("text,label", [
    ("I.12 The Committee notes", ("I", 12)),
    ("VIII.3 The Advisory Committee recalls", ("VIII", 3)),
    ("1.1 Discrimination is any unfair treatment", ("1", 1)),
    ("29A.4 The resources proposed", ("29A", 4)),
    ("1.1. Harassment is any improper conduct", ("1", 1)),
    ("5.2.2 to reduce the proportion of women", None),  # a results framework's target, not a paragraph
    ("08.08.2024 Our ref. No. 87-198-2024", None),  # a date
    ("12. The Committee notes", None),  # a plain paragraph number: the readers' own
    ("3.5 million people were displaced", None),  # a figure opening a sentence
])
def test_label_of(text: str, label) -> None:
    assert label_of(text) == label


def _page_chunk(text: str, page: int, number: int, part: str = "", section: tuple[str, ...] = ()) -> Chunk:
    return Chunk(symbol="X/1", kind="paragraph", number=number, text=text, part=part, page=page, section=section)


def test_a_few_labelled_paragraphs_among_many_keep_their_page_citations() -> None:
    # a letter's annex that numbers three paragraphs 3.1 to 3.3 among its other text (A/79/722's shape)
    run = [_page_chunk(f"Plain paragraph {k} of the annex, about the Chairmanship.", 9, k, "annex") for k in range(1, 6)]
    run += [_page_chunk(f"3.{k} Strengthening the work has been a priority.", 10, 5 + k, "annex") for k in range(1, 4)]
    assert cite_compound_numbers(tuple(run)) == tuple(run)


def test_labels_that_go_back_are_no_numbering() -> None:
    run = [_page_chunk(t, 1, k + 1) for k, t in enumerate(
        ["1.1 One.", "1.2 Two.", "2.1 Three.", "1.3 Four.", "2.2 Five."])]
    assert cite_compound_numbers(tuple(run)) == tuple(run)


def test_text_running_on_joins_its_paragraph_and_run_ons_are_cut() -> None:
    run = (
        _page_chunk("Text above the first chapter stays cited by page.", 1, 1),
        _page_chunk("I.1 The Committee notes the following:", 1, 2, section=("Chapter I",)),
        _page_chunk("(a) the first point;", 1, 3, section=("Chapter I",)),
        _page_chunk("I.2 The Committee recommends approval. I.3 The Committee trusts that it will be informed.", 2, 1,
                    section=("Chapter I",)),
        _page_chunk("II.1 The resources amount to $104.5 million.", 2, 2, section=("Chapter II",)),
    )
    out = cite_compound_numbers(run)
    assert [c.citation for c in out] == ["X/1, p. 1, para. 1", "X/1, chap. I, para. 1", "X/1, chap. I, para. 2",
                                         "X/1, chap. I, para. 3", "X/1, chap. II, para. 1"]
    assert out[1].text == "The Committee notes the following: (a) the first point;"
    assert out[2].text == "The Committee recommends approval."
    assert out[3].text == "The Committee trusts that it will be informed."


def test_bulletin_text_cites_sections() -> None:
    doc = read_document(FIX / "ST_SGB_2019_8_synthetic.txt")
    cites = [c.citation for c in doc.chunks]
    assert cites[1:] == ["ST/SGB/2019/8, sect. 1, para. 1", "ST/SGB/2019/8, sect. 1, para. 2",
                         "ST/SGB/2019/8, sect. 1, para. 3", "ST/SGB/2019/8, sect. 2, para. 1",
                         "ST/SGB/2019/8, sect. 2, para. 2", "ST/SGB/2019/8, sect. 3, para. 1"]
    assert doc.chunks[1].text.startswith("Discrimination is any unfair treatment")
    assert doc.chunks[1].section[-2:] == ("Section 1", "Definitions")


def test_committee_report_text_keeps_its_figures() -> None:
    doc = read_document(FIX / "A_78_7_synthetic.txt")
    second = next(c for c in doc.chunks if c.citation == "A/78/7, chap. I, para. 2")
    assert second.text.startswith("The Committee notes that the proposed resources amount to $3,587.9 million")


def test_committee_report_as_pdftotext_writes_it() -> None:
    # poppler's pdftotext of the PDF below: no blank line between paragraphs, so a full-width last line
    # (``... $104.5 million.``) runs into the next paragraph until its label cuts it off
    doc = read_document(FIX / "A_78_7_synthetic_pdftotext.txt")
    cites = [c.citation for c in doc.chunks]
    assert cites[1:4] == [f"A/78/7, chap. I, para. {k}" for k in (1, 2, 3)]
    assert cites[4:] == [f"A/78/7, chap. II, para. {k}" for k in range(1, 40)]
    assert doc.chunks[4].text == "The regular budget resources requested for section 1 amount to $104.5 million."
    assert doc.chunks[5].text.startswith("The Advisory Committee recalls its previous recommendation")


def test_committee_report_pdf_every_paragraph_in_order_and_no_text_lost() -> None:
    path = FIX / "A_78_7_synthetic.pdf"
    doc = read_document(path)
    cites = [c.citation for c in doc.chunks]
    # the introduction's text sits between the title and a larger bold heading on page 1: it is body text
    assert doc.chunks[0].text.startswith("The Advisory Committee on Administrative and Budgetary Questions has")
    assert cites[1:4] == [f"A/78/7, chap. I, para. {k}" for k in (1, 2, 3)]
    assert cites[4:] == [f"A/78/7, chap. II, para. {k}" for k in range(1, 40)]
    assert body_coverage(path, doc).lost == ()


@pytest.mark.parametrize("typed,filed", [
    ("A/78/7, para. I.12", "A/78/7, chap. I, para. 12"),
    ("A/78/7 paragraph VIII.3", "A/78/7, chap. VIII, para. 3"),
    ("ST/SGB/2019/8, sect. 1.1", "ST/SGB/2019/8, sect. 1, para. 1"),
    ("A/78/6 (Sect. 29A), para. 29a.4", "A/78/6 (Sect. 29A), sect. 29A, para. 4"),
    ("A/69/207, para. 46", "A/69/207, para. 46"),
])
def test_printed_chapter_numbers_read_as_filed(typed: str, filed: str) -> None:
    assert chapter_form(typed) == filed


def test_without_label() -> None:
    assert without_label("II.3 Subject to its observations") == "Subject to its observations"
    assert without_label("Subject to II.3") == "Subject to II.3"


@pytest.fixture(scope="module")
def compound_index(tmp_path_factory) -> Path:
    from index import build_index

    folder = tmp_path_factory.mktemp("compound")
    build_index([FIX / "A_78_7_synthetic.pdf", FIX / "ST_SGB_2019_8_synthetic.txt"], folder, progress=False)
    return folder


def test_show_takes_citations_as_printed(compound_index: Path, capsys) -> None:
    from search.cli import main

    assert main(["show", "A/78/7, para. I.2", "--index", str(compound_index)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A/78/7, chap. I, para. 2") and "$3,587.9 million before recosting" in out
    assert main(["show", "ST/SGB/2019/8, sect. 2.1", "--index", str(compound_index)]) == 0
    assert capsys.readouterr().out.startswith("ST/SGB/2019/8, sect. 2, para. 1")
    assert main(["show", "A/78/7, para. I.9", "--index", str(compound_index)]) != 0
    err = capsys.readouterr().err
    assert "nothing in A/78/7 is cited as 'A/78/7, chap. I, para. 9'" in err
    assert "cited as A/78/7, chap. I, para. 1" in err  # a numbered paragraph as the example, not page-cited text


def test_small_type_between_keeps_its_place_and_the_rest_is_numbered_again_on_its_page() -> None:
    note = Chunk(symbol="X/1", kind="note", number=1, text="Source: the Secretariat.", page=1)
    run = (
        _page_chunk("An introduction above the chapters.", 1, 1),
        _page_chunk("I.1 The Committee notes the following:", 1, 2, section=("Chapter I",)),
        note,
        _page_chunk("(a) the first point;", 1, 3, section=("Chapter I",)),
        _page_chunk("I.2 The Committee recommends approval.", 1, 4, section=("Chapter I",)),
        _page_chunk("I.3 The Committee trusts that it will be informed.", 1, 5, section=("Chapter I",)),
        _page_chunk("I.4 The Committee welcomes the report.", 2, 1, section=("Chapter I",)),
        _page_chunk("I.5 The Committee looks forward to the next report.", 2, 2, section=("Chapter I",)),
        _page_chunk("A closing text under another heading.", 2, 3, section=("Chapter II",)),
    )
    out = cite_compound_numbers(run)
    assert [c.citation for c in out] == ["X/1, p. 1, para. 1", "X/1, chap. I, para. 1", "X/1, p. 1, note 1",
                                         "X/1, chap. I, para. 2", "X/1, chap. I, para. 3", "X/1, chap. I, para. 4",
                                         "X/1, chap. I, para. 5", "X/1, p. 2, para. 1"]
    assert out[1].text == "The Committee notes the following: (a) the first point;"
    assert out[2] == note
