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
