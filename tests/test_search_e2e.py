"""End to end: the real report, real embeddings, real FAISS and SQLite (issue #2)."""

from __future__ import annotations

import json

import pytest

from search.cli import main


def test_money_home_query_finds_remittance_paragraphs(searcher):
    hits = searcher.search("cost of sending money home", k=3)
    assert {h.number for h in hits} & {46, 49}
    assert all(h.symbol == "A/69/207" for h in hits)
    assert hits[0].citation.startswith("A/69/207, ")


def test_hit_carries_citation_section_score_text(searcher):
    h = searcher.search("Universal Postal Union remittance initiative", k=1)[0]
    assert (h.citation, h.number, h.kind) == ("A/69/207, para. 46", 46, "paragraph")
    assert h.section[-1] == "B. Reduce the costs of labour migration"
    assert h.score > 0 and "Universal Postal Union" in h.text


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_modes_each_rank(searcher, mode):
    hits = searcher.search("International Recruitment Integrity System", k=5, mode=mode)
    assert len(hits) == 5
    assert [h.rank for h in hits] == [1, 2, 3, 4, 5]


def test_cli_search_json_shape(index_dir, capsys):
    assert main(["search", "cost of sending money home", "-k", "2", "--json", "--index", str(index_dir)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2
    assert set(hits[0]) >= {"citation", "symbol", "kind", "number", "section", "score", "text", "entities"}


def test_cli_show_and_export(index_dir, capsys):
    assert main(["show", "A/69/207", "46", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A/69/207, para. 46") and "Reduce the costs of labour migration" in out
    assert main(["export", "--index", str(index_dir)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 90
    assert {tuple(sorted(x)) for x in lines} == {tuple(sorted(
        ["citation", "symbol", "kind", "number", "part", "page", "section", "text", "footnotes", "entities",
         # the document's metadata (issue #14)
         "title", "date", "bodies", "session", "agenda_items", "symbols", "doc_type", "pages"]))}
    assert {x["kind"] for x in lines} == {"summary", "paragraph", "table"}


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["show", "A/69/207", "99"], 4, "A/69/207 has no paragraph 99"),
        (["show", "A/99/1", "1"], 4, "no document A/99/1"),
        (["search", "   "], 2, "the query is empty"),
        (["search", "migrants", "-k", "0"], 2, "-k must be at least 1"),
    ],
)
def test_cli_errors_are_one_line(index_dir, capsys, argv, code, message):
    assert main(argv + ["--index", str(index_dir)]) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "content, message",
    [(None, "no such file"), (b"", "the file is empty"), (b"\x00\x01\x02PK\x03\x04", "not a text file")],
)
def test_ingest_bad_input(tmp_path, capsys, content, message):
    src = tmp_path / "bad.txt"
    if content is not None:
        src.write_bytes(content)
    assert main(["ingest", str(src), "--index", str(tmp_path / "ix"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "ix" / "current").exists()


def test_missing_index_is_reported(tmp_path, capsys):
    assert main(["search", "migrants", "--index", str(tmp_path / "nowhere")]) == 3
    assert "run `paracite ingest" in capsys.readouterr().err
