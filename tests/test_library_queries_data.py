"""The judged library queries in bench/data stay well-formed and split by whole documents.

Retrieval figures for issues #12 and #15 are only honest if the held-out half never shares a
document with the dev half and every label names a printed paragraph; these checks catch an edit
that breaks either rule.
"""
import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"
FILES = {"library_queries.jsonl": (90, 18), "pdf_dev_queries.jsonl": (60, 8)}
KINDS = {"keyword", "paraphrase", "fact", "entity", "negation", "multi"}
FIELDS = {"id", "query", "symbol", "para", "also", "part", "kind", "split"}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize("name", sorted(FILES))
def test_rows_have_the_documented_fields(name):
    for row in _rows(name):
        assert FIELDS <= set(row) <= FIELDS | {"note"}, row["id"]
        assert row["kind"] in KINDS and row["split"] in {"dev", "heldout"}, row["id"]
        assert isinstance(row["para"], int) and row["para"] >= 0, row["id"]
        assert all(isinstance(n, int) and n != row["para"] for n in row["also"]), row["id"]
        assert row["query"].strip() and "*" not in row["symbol"], row["id"]


@pytest.mark.parametrize("name", sorted(FILES))
def test_size_styles_and_split_by_document(name):
    rows = _rows(name)
    least_queries, least_docs = FILES[name]
    assert len(rows) >= least_queries
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["symbol"] for r in rows}) >= least_docs
    splits_of = {}
    for row in rows:
        splits_of.setdefault(row["symbol"], set()).add(row["split"])
    assert all(len(s) == 1 for s in splits_of.values()), "a document is in both splits"
    for split in ("dev", "heldout"):
        assert set(Counter(r["kind"] for r in rows if r["split"] == split)) == KINDS
    heldout = sum(r["split"] == "heldout" for r in rows) / len(rows)
    assert 0.3 <= heldout <= 0.5
