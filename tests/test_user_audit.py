"""Defects a demanding new user found (thirteenth session's user audit): each test fails without its fix."""

from __future__ import annotations

from search.cli import main


def test_same_bytes_under_another_suffix_are_read_again_not_taken_from_the_cache(tmp_path, capsys):
    """The cache key hashed the bytes only, so ``hello.txt`` got ``hello.pdf``'s remembered skip
    ("not a PDF") although a ``.txt`` is read as text: the reading depends on the suffix too."""
    (tmp_path / "hello.pdf").write_text("hello\n", encoding="utf-8")
    (tmp_path / "hello.txt").write_text("hello\n", encoding="utf-8")
    ix = str(tmp_path / "ix")
    assert main(["ingest", str(tmp_path / "hello.pdf"), "--index", ix, "--quiet"]) == 1
    assert "not a PDF" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "hello.txt"), "--index", ix, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no paragraphs found" in err and "PDF" not in err and err.count("\n") == 1


def test_a_mistyped_part_is_named_before_the_same_number_elsewhere():
    """``show A/80/48 1 --part nope`` listed the other paragraphs 1 and never said that the
    document has no part 'nope': the typo is what the user must fix."""
    import sqlite3

    from search.missing_hint import elsewhere

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE chunks (id INTEGER PRIMARY KEY, symbol, kind, number, part, page, citation)")
    con.executemany("INSERT INTO chunks (symbol, kind, number, part, page, citation) VALUES (?, ?, ?, ?, ?, ?)",
                    [("A/80/48", "paragraph", 1, "", None, "A/80/48, para. 1"),
                     ("A/80/48", "paragraph", 1, "annex I", 20, "A/80/48, annex I, p. 20, para. 1")])
    assert str(elsewhere(con, "A/80/48", "paragraph", 1, "nope", None)) == (
        "; A/80/48 has no part 'nope' (its parts: annex I); it has A/80/48, para. 1 (no --part or --page), "
        "A/80/48, annex I, p. 20, para. 1 (--part 'annex I' --page 20)")
    assert str(elsewhere(con, "A/80/48", "paragraph", 1, "annex i", None)).startswith("; it has A/80/48, para. 1")


def _library(tmp_path):
    import json

    from ingest.models import Chunk

    rows = [dict(Chunk(f"A/80/{n}", "paragraph", 1, f"Report number {n} on the power grid.").to_dict(),
                 symbols=[f"A/80/{n}"]) for n in (901, 902, 903)]
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert main(["ingest", str(src), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    return tmp_path / "ix"


def test_export_takes_doc_repeated_as_alternatives(tmp_path, capsys):
    """The README: "repeated --doc ... flags are alternatives", and export takes --doc; a second
    --doc silently replaced the first (argparse's store), so the export lost a document."""
    import json

    ix = _library(tmp_path)
    capsys.readouterr()
    assert main(["export", "--doc", "A/80/901", "--doc", "a/80/903", "--index", str(ix)]) == 0
    out = capsys.readouterr().out
    assert [json.loads(line)["symbol"] for line in out.splitlines()] == ["A/80/901", "A/80/903"]


def test_search_refuses_an_unknown_chunk_kind(tmp_path):
    """``kind="paragraphs"`` matched nothing and said nothing: no hits looked like an answer."""
    import pytest

    from paracite.errors import UsageError
    from search import Searcher

    with Searcher.open(_library(tmp_path)) as s:
        assert s.search("power grid", kind="paragraph")
        with pytest.raises(UsageError, match="unknown chunk kind 'paragraphs'"):
            s.search("power grid", kind="paragraphs")


def test_the_api_and_page_pass_every_filter_on_and_name_unknown_organs(tmp_path):
    """/api/ask ignored ?doc=, ?since= and the rest (a bad date answered 200 from every document);
    /api/search dropped ?kind= although the README says every filter of Searcher.search passes
    through; an unknown ?body= gave no note, unlike ?doc= and ?org=."""
    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(_library(tmp_path))) as client:
        body = client.get("/api/search", params={"q": "power grid", "body": "NOPE"}).json()
        assert body["hits"] == [] and body["notes"] == ["no organ named 'NOPE' in this index"]
        assert client.get("/api/search", params={"q": "power grid", "kind": "table"}).json()["hits"] == []
        assert client.get("/api/search", params={"q": "power grid", "kind": "tables"}).status_code == 400
        assert client.get("/?q=power+grid&kind=table").status_code == 200  # the page's form has the field
        r = client.get("/api/ask", params={"q": "What does report 903 say?", "since": "2025-13"})
        assert r.status_code == 400 and "since must be a date" in r.json()["error"]
        answer = client.get("/api/ask", params={"q": "What does report 903 say?", "doc": "A/80/901"}).json()
        cited = answer["citations"] + [c["citation"] for c in answer["closest"]]
        assert cited and all(c.startswith("A/80/901") for c in cited)
        page = client.get("/ask", params={"q": "What does report 903 say?", "doc": "A/80/901"}).text
        assert "A/80/901" in page and "A/80/903, para" not in page


def test_search_takes_kind_on_the_command_line_too(tmp_path, capsys):
    """``Searcher.search(kind=)`` and ``/api/search?kind=`` existed, the command had no ``--kind``."""
    ix = str(_library(tmp_path))
    capsys.readouterr()
    assert main(["search", "power grid", "--kind", "paragraph", "-k", "1", "--index", ix]) == 0
    assert capsys.readouterr().out.startswith("[1] A/80/90")
    assert main(["search", "power grid", "--kind", "preamble", "--index", ix]) == 0
    assert capsys.readouterr().out == "No paragraphs match the filters --kind 'preamble'.\n"


def test_entities_list_citations_separated_by_semicolons(tmp_path, capsys):
    """"A/69/207, para. 1, A/69/207, para. 11" read as one run of commas; UN documents separate
    citations with semicolons."""
    import json

    from ingest.models import Chunk, Entity

    ents = [Entity("UNHCR", "organization", "UNHCR", 0, 5).__dict__]
    rows = [dict(Chunk("A/80/1", "paragraph", n, "UNHCR helped.").to_dict(), entities=ents) for n in range(1, 8)]
    src = tmp_path / "e.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert main(["ingest", str(src), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["entities", "--kind", "organization", "--index", str(tmp_path / "ix")]) == 0
    out = capsys.readouterr().out
    assert "    A/80/1, para. 1; A/80/1, para. 2; A/80/1, para. 3; A/80/1, para. 4; A/80/1, para. 5; ... (2 more)" in out


def test_a_script_calling_ingest_unguarded_is_told_why_its_workers_die(tmp_path):
    """The README's ``ingest(["lib/"], "ix")`` pasted into a script at top level: each worker
    process imports the script, starts a second ingest and dies; the user read only "the reader
    process died (exit code None)"."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "r.txt").write_text("hello\n", encoding="utf-8")
    script = tmp_path / "build_my_index.py"
    script.write_text("from index.build import ingest\n"
                      f"ingest([{str(tmp_path / 'r.txt')!r}], {str(tmp_path / 'ix')!r}, progress=False)\n")
    root = str(Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=root + os.pathsep + os.environ.get("PYTHONPATH", ""))
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode != 0
    last = run.stderr.strip().splitlines()[-1]
    assert "the reader process died (exit code 1); worker processes import build_my_index.py first" in last
    assert 'under `if __name__ == "__main__":`' in last


def test_a_bad_export_line_names_its_file_once(tmp_path, capsys):
    """"bad.jsonl (parse): /full/path/bad.jsonl, line 1: not JSON" said the path twice."""
    path = tmp_path / "bad.jsonl"
    path.write_text("symbol,kind,number\n", encoding="utf-8")
    assert main(["ingest", str(path), "--index", str(tmp_path / "ix"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.count(str(path)) == 1 and f"{path}: line 1: not JSON" in err


def test_the_pages_kind_choices_name_every_chunk_kind():
    """The form offers every kind a user may pick, `note` (small type cited by page) included."""
    from ingest.export import KINDS
    from search.web.pages import CHOICES

    offered = [value for value, _ in CHOICES["kind"]]
    assert all(k in offered for k in KINDS) and "note" in offered
