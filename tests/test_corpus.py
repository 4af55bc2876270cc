"""A corpus of many documents in one index (issue 3): the report, a UN PDF with an annex and a
letter cited by page, with broken files beside them in the same folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, REPORT, seeded
from index import build_index
from index.build import CURRENT
from paracite.errors import IngestError, UsageError
from pdf_samples import encrypt_copy, letter_pages, write_pdf
from search import Searcher
from search.cli import main

EMRIP = "A/HRC/EMRIP/2025/2"


def _bad_files(folder: Path) -> dict[str, str]:
    """Broken sources, each with the words its one-line message must hold."""
    letter = write_pdf(folder / ".letter-source.pdf", letter_pages())
    encrypt_copy(letter, folder / "encrypted.pdf")
    (folder / "truncated.pdf").write_bytes(letter.read_bytes()[:400])
    write_pdf(folder / "scan.pdf", image_only=True)
    (folder / "notes.txt").write_text("Things to do on Monday:\n\nCall the printer.\n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Rapport du Secrétaire général A/69/207".encode("latin-1"))
    letter.unlink()
    return {"encrypted.pdf": "the PDF is encrypted", "truncated.pdf": "cannot read the PDF",
            "scan.pdf": "scanned: no text layer, run OCR first", "latin1.txt": "not UTF-8 text"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, small_library_dir) -> tuple[Path, Path, list[str]]:
    """The folder, its index and the skip lines; the report and the EMRIP study are read from the
    small library's per-file cache (same bytes), the letter and the broken files afresh."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(REPORT, folder / REPORT.name)
    shutil.copy(FIXTURES / "A_HRC_EMRIP_2025_2.en.pdf", folder)
    write_pdf(folder / "S_2025_41.pdf", letter_pages())
    index = seeded(tmp_path_factory.mktemp("corpus-index"), small_library_dir)
    _, problems = build_index([folder], index, progress=False)
    return folder, index, problems


@pytest.fixture(scope="module")
def corpus_searcher(corpus):
    s = Searcher.open(corpus[1])
    yield s
    s.close()


def test_every_document_in_the_folder_is_indexed(corpus_searcher):
    docs = {d["symbol"]: d for d in corpus_searcher.documents()}
    assert set(docs) == {"A/69/207", EMRIP, "S/2025/41"}
    assert docs[EMRIP]["title"].startswith("Right of Indigenous Peoples to data")


def test_each_chunk_carries_its_own_document(corpus_searcher):
    titles = {d["symbol"]: d["title"] for d in corpus_searcher.documents()}
    chunks = list(corpus_searcher.chunks())
    assert {c.symbol for c in chunks} == set(titles)
    assert all(c.title == titles[c.symbol] for c in chunks)
    assert all(c.citation.startswith(c.symbol + ",") for c in chunks)
    citations = [c.citation for c in chunks]
    assert len(citations) == len(set(citations)), "two chunks share a citation"


@pytest.mark.parametrize("doc, query", [
    (EMRIP, "indigenous data sovereignty"),
    ("A/69/207", "indigenous data sovereignty"),
    ("A/69/207", "cost of sending money home"),
    ("S/2025/41", "protection of humanitarian workers"),
])
def test_search_filters_by_document(corpus_searcher, doc, query):
    hits = corpus_searcher.search(query, k=5, doc=doc)
    assert hits and {h.symbol for h in hits} == {doc}


def test_search_without_filter_reaches_every_document(corpus_searcher):
    assert corpus_searcher.search("Indigenous Peoples data", k=1)[0].symbol == EMRIP
    assert corpus_searcher.search("remittances to developing countries", k=1)[0].symbol == "A/69/207"


def test_cli_search_doc_filter(corpus, capsys):
    assert main(["search", "data", "-k", "3", "--json", "--doc", EMRIP, "--index", str(corpus[1])]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3 and {h["symbol"] for h in hits} == {EMRIP}


def test_annex_paragraphs_have_their_own_citations(corpus_searcher, corpus, capsys):
    body, annex = corpus_searcher.get(EMRIP, 3), corpus_searcher.get(EMRIP, 3, part="annex")
    assert body.citation == f"{EMRIP}, para. 3" and annex.citation == f"{EMRIP}, annex, para. 3"
    assert annex.text.startswith("States should develop data-processing algorithms") and body.text != annex.text
    assert main(["show", EMRIP, "3", "--part", "annex", "--index", str(corpus[1])]) == 0
    assert capsys.readouterr().out.startswith(f"{EMRIP}, annex, para. 3")


def test_a_letter_is_cited_by_page(corpus_searcher, corpus, capsys):
    hit = corpus_searcher.get("S/2025/41", 1, page=2)
    assert hit.citation == "S/2025/41, p. 2, para. 1" and hit.page == 2
    with pytest.raises(UsageError, match="numbers its paragraphs by page"):
        corpus_searcher.get("S/2025/41", 1)
    assert main(["show", "S/2025/41", "2", "--page", "1", "--index", str(corpus[1])]) == 0
    assert capsys.readouterr().out.startswith("S/2025/41, p. 1, para. 2")


def test_broken_files_are_skipped_with_one_line_each(tmp_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    expected = _bad_files(folder)
    write_pdf(folder / "S_2025_41.pdf", letter_pages())
    index = tmp_path / "ix"
    assert main(["ingest", str(folder), "--index", str(index), "--quiet"]) == 1
    captured = capsys.readouterr()
    lines = [l for l in captured.err.splitlines() if l.startswith("paracite: skipped")]
    assert len(lines) == len(expected)
    for name, words in expected.items():
        assert any(str(folder / name) in l and words in l for l in lines), name
    # a readable file without a UN symbol is indexed under its file name, with a note (issue #18)
    assert f"paracite: note: {folder / 'notes.txt'}: no UN document symbol; indexed as 'notes'" in captured.err
    assert "Indexed 2 document(s)" in captured.out and "S/2025/41" in captured.out
    assert "2 added, 0 changed, 0 unchanged, 0 removed, 4 skipped" in captured.out


def test_a_failed_ingest_leaves_the_index_intact(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    write_pdf(good / "S_2025_41.pdf", letter_pages())
    index = tmp_path / "ix"
    build_index([good], index, progress=False)
    before = os.readlink(index / CURRENT)
    bad = tmp_path / "bad"
    bad.mkdir()
    _bad_files(bad)
    (bad / "notes.txt").unlink()  # readable: it would be indexed under its file name
    with pytest.raises(IngestError, match="the PDF is encrypted"):
        build_index([bad], index, progress=False)
    assert os.readlink(index / CURRENT) == before
    with Searcher.open(index) as s:
        assert [d["symbol"] for d in s.documents()] == ["S/2025/41"]
        assert s.search("humanitarian access", k=1)[0].citation.startswith("S/2025/41, p. ")
