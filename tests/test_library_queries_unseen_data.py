"""The blind unseen-document queries (bench/data/library_queries_unseen.jsonl) stay well-formed.

They measure ranking on documents nobody tuned on, so the held-out half must never share a
document with the dev half, every kind must be in both halves, and each page-cited label must say
its page (the evaluator matches the page: another page's paragraph of that number is a miss).
"""
import json
import re
from collections import Counter
from pathlib import Path

from search.judgements import parse_citation, read_queries

PATH = Path(__file__).resolve().parent.parent / "bench" / "data" / "library_queries_unseen.jsonl"
KINDS = {"keyword", "paraphrase", "fact", "entity", "negation", "multi"}
FIELDS = {"id", "query", "symbol", "para", "also", "part", "kind", "split", "citation"}


def _rows() -> list[dict]:
    return [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_rows_have_the_documented_fields_and_labels_agree_with_their_citation():
    for row in _rows():
        assert FIELDS <= set(row) <= FIELDS | {"page", "note"}, row["id"]
        assert row["kind"] in KINDS and row["split"] in {"dev", "heldout"}, row["id"]
        ref = parse_citation(row["citation"])
        assert (ref.symbol, ref.part, ref.number) == (row["symbol"], row["part"], row["para"]), row["id"]
        page = re.search(r", p\. (\d+), para", row["citation"])
        assert (int(page[1]) if page else None) == row.get("page"), row["id"]
        assert all(isinstance(a, int) or parse_citation(a).symbol == row["symbol"] for a in row["also"])


def test_split_by_document_with_every_kind_in_each_half():
    rows = _rows()
    assert len(rows) == 48 and len({r["id"] for r in rows}) == 48
    splits_of = {}
    for row in rows:
        splits_of.setdefault(row["symbol"], set()).add(row["split"])
    assert len(splits_of) == 12 and all(len(s) == 1 for s in splits_of.values())
    for split in ("dev", "heldout"):
        assert set(Counter(r["kind"] for r in rows if r["split"] == split)) == KINDS
    assert len(read_queries(PATH, split="dev")) == len(read_queries(PATH, split="heldout")) == 24
