"""Defects a library user found in the fifteenth session's audit: each test fails without its fix."""

from __future__ import annotations

import json

from search.cli import main



def test_eval_of_queries_naming_no_document_asks_which_in_a_library(serve_index, tmp_path, capsys):
    """``paracite eval a69207_queries_dev.jsonl --index LIBRARY`` judged the queries against the
    document indexed first (another report) and printed MRR 0.05 as if it were a measure."""
    queries = tmp_path / "q.jsonl"
    queries.write_text("".join(json.dumps({"id": f"q{i}", "query": q, "relevant": [n]}) + "\n"
                               for i, (q, n) in enumerate((("cost of sending money home", 46),
                                                           ("recruitment fees paid by workers", 17)))))
    capsys.readouterr()
    assert main(["eval", str(queries), "--index", str(serve_index)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "2 queries name no document" in err and "--doc SYMBOL" in err
    assert main(["eval", str(queries), "--doc", "a/69/207", "--index", str(serve_index)]) == 0
    assert capsys.readouterr().out.startswith("A/69/207: 2 queries")
    one = tmp_path / "one.jsonl"  # lines that name their document need no --doc
    one.write_text(json.dumps({"id": "q", "query": "cost of sending money home", "relevant": [46], "doc": "A/69/207"}) + "\n")
    assert main(["eval", str(one), "--index", str(serve_index)]) == 0


BODIES = {"A/80/901": ["General Assembly"], "A/80/902": ["Economic and Social Council"], "A/80/903": ["Security Council"]}


def _library(folder, symbols=("A/80/901", "A/80/902", "A/80/903")):
    """An index of one-paragraph documents, each from its own export file, as ``paracite ingest`` builds it."""
    from ingest.models import Chunk

    for sym in symbols:
        row = dict(Chunk(sym, "paragraph", 1, f"Report {sym} on the power grid.").to_dict(), symbols=[sym],
                   bodies=BODIES[sym])
        (folder / f"{sym.replace('/', '_')}.jsonl").write_text(json.dumps(row) + "\n")
    assert main(["ingest", *map(str, sorted(folder.glob("*.jsonl"))), "--index", str(folder / "ix"), "--quiet"]) == 0
    return folder / "ix"


def _indexed(ix) -> list[str]:
    from search import Searcher

    with Searcher.open(ix) as s:
        return sorted(d["symbol"] for d in s.documents())


def test_remove_drops_named_documents_and_keeps_the_rest_without_their_files(tmp_path, capsys):
    """There was `add` but no way to take one document out short of naming every other file to
    `ingest` (and a library grown by `add` from several folders has no one folder to name)."""
    ix = _library(tmp_path)
    (tmp_path / "A_80_903.jsonl").unlink()  # the kept documents come from the cache
    capsys.readouterr()
    assert main(["remove", "a/80/901", "A_80_902.jsonl", "--index", str(ix), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert "0 added, 0 changed, 1 unchanged, 2 removed" in out and err == ""
    assert _indexed(ix) == ["A/80/903"]


def test_remove_refuses_what_it_cannot_do_and_changes_nothing(tmp_path, capsys):
    ix = _library(tmp_path)
    capsys.readouterr()
    assert main(["remove", "A/80/904", "--index", str(ix)]) == 4  # no such document
    assert main(["remove", "A/80/901", "A/80/902", "A/80/903", "--index", str(ix)]) == 1  # nothing would be left
    assert main(["remove", "A/80/901", "--index", str(tmp_path / "none")]) == 3
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and "no document 'A/80/904'" in err[0] and "empty" in err[1] and "no index" in err[2]
    assert not (tmp_path / "none").exists()
    assert _indexed(ix) == ["A/80/901", "A/80/902", "A/80/903"]


def test_remove_takes_all_documents_of_one_file_or_none(tmp_path, capsys):
    """An export file holds several documents, indexed together: removing one of them alone would
    have to drop the others silently."""
    from ingest.models import Chunk

    rows = [dict(Chunk(s, "paragraph", 1, f"Report {s} on water.").to_dict(), symbols=[s]) for s in ("A/80/1", "A/80/2")]
    (tmp_path / "both.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "three.jsonl").write_text(json.dumps(dict(Chunk("A/80/3", "paragraph", 1, "Water.").to_dict())) + "\n")
    ix = tmp_path / "ix"
    assert main(["ingest", str(tmp_path / "both.jsonl"), str(tmp_path / "three.jsonl"), "--index", str(ix), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["remove", "A/80/1", "--index", str(ix)]) == 1
    assert "both.jsonl holds A/80/2 too" in capsys.readouterr().err
    assert main(["remove", "A/80/1", "A/80/2", "--index", str(ix), "--quiet"]) == 0
    assert _indexed(ix) == ["A/80/3"]


def test_the_web_takes_body_repeated_as_alternatives_as_the_cli_does(tmp_path, capsys):
    """``--body ECOSOC --body GA`` searches both organs' documents; ``?body=ECOSOC&body=GA`` searched
    the last one's only (the README: repeated --body flags are alternatives, on the web too)."""
    from starlette.testclient import TestClient

    from search.web.app import create_app

    ix = _library(tmp_path)
    capsys.readouterr()
    assert main(["search", "power grid", "--body", "ECOSOC", "--body", "GA", "--json", "--index", str(ix)]) == 0
    cli = sorted(h["symbol"] for h in json.loads(capsys.readouterr().out))
    assert cli == ["A/80/901", "A/80/902"]
    params = [("q", "power grid"), ("body", "ECOSOC"), ("body", "GA")]
    with TestClient(create_app(ix)) as client:
        assert sorted(h["symbol"] for h in client.get("/api/search", params=params).json()["hits"]) == cli
        answer = client.get("/api/ask", params=params).json()
        assert {c.split(",")[0] for c in answer["citations"] + [c["citation"] for c in answer["closest"]]} <= set(cli)
        listed = client.get("/api/documents", params=params[1:]).json()["documents"]
        assert sorted(d["symbol"] for d in listed) == cli
        page = client.get("/", params=params).text
        assert "A/80/901, para. 1" in page and "A/80/902, para. 1" in page and "A/80/903" not in page.split("<main")[-1]
        # the form keeps both ticked, as the organs they name (sixteenth session: boxes, not one field)
        assert '<input type="checkbox" name="body" value="Economic and Social Council" checked>' in page
        assert '<input type="checkbox" name="body" value="General Assembly" checked>' in page
        assert '<input type="checkbox" name="body" value="Security Council">' in page and 'value="GA"' not in page
        page = client.get("/", params=[("q", "power grid"), ("body", "Trusteeship Council")]).text  # names no organ here
        assert '<input type="checkbox" name="body" value="Trusteeship Council" checked>' in page
        spec = client.get("/openapi.json").json()
        body = [p for p in spec["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "body"][0]
        assert body["schema"]["type"] == "array"
