"""Round 14's blind retrieval queries (bench/data/library_queries_round14.jsonl) stay well-formed.

They measure ranking on paragraphs nobody tuned on (`rank_harness.py` / `eval_sets.py` set
`round14`), so the held-out half must never share a document with the dev half, every kind must be
in both halves, each page-cited label must say its page (the evaluator matches the page), and no
label may point at a paragraph another set already labels.
"""
import json
import re
from collections import Counter
from pathlib import Path

from search.judgements import parse_citation, read_queries

PATH = Path(__file__).resolve().parent.parent / "bench" / "data" / "library_queries_round14.jsonl"
KINDS = {"keyword", "paraphrase", "fact", "entity", "negation", "multi"}
FIELDS = {"id", "query", "symbol", "para", "also", "part", "kind", "split", "citation"}


def _rows() -> list[dict]:
    return [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_rows_have_the_documented_fields_and_labels_agree_with_their_citation():
    for row in _rows():
        assert FIELDS <= set(row) <= FIELDS | {"page", "note"}, row["id"]
        assert re.fullmatch(r"Q14(0[1-9]|[1-5]\d|60)", row["id"]) and row["query"].strip(), row["id"]
        assert row["kind"] in KINDS and row["split"] in {"dev", "heldout"}, row["id"]
        ref = parse_citation(row["citation"])
        assert (ref.symbol, ref.part, ref.number) == (row["symbol"], row["part"], row["para"]), row["id"]
        page = re.search(r", p\. (\d+), para", row["citation"])
        assert (int(page[1]) if page else None) == row.get("page"), row["id"]
        assert all(isinstance(a, int) or parse_citation(a).symbol == row["symbol"] for a in row["also"])


def test_four_queries_a_document_split_by_document_with_every_kind_in_each_half():
    rows = _rows()
    assert len(rows) == 60 and len({r["id"] for r in rows}) == 60
    assert set(Counter(r["symbol"] for r in rows).values()) == {4}
    splits_of = {}
    for row in rows:
        splits_of.setdefault(row["symbol"], set()).add(row["split"])
    assert len(splits_of) == 15 and all(len(s) == 1 for s in splits_of.values())
    assert Counter(next(iter(s)) for s in splits_of.values()) == {"dev": 8, "heldout": 7}
    assert Counter(r["kind"] for r in rows) == {k: 10 for k in KINDS}
    for split in ("dev", "heldout"):
        assert set(Counter(r["kind"] for r in rows if r["split"] == split)) == KINDS
    assert len(read_queries(PATH, split="dev")) + len(read_queries(PATH, split="heldout")) == 60


def test_no_label_points_at_a_paragraph_another_set_labels():
    ours = {(r["symbol"], r["part"], r.get("page"), r["para"]) for r in _rows()}
    earlier = set()
    for path in PATH.parent.glob("*.jsonl"):
        if path == PATH:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("kind") != "none" and "para" in row and "symbol" in row:
                earlier.add((row["symbol"], row.get("part") or "", row.get("page"), row["para"]))
    assert not ours & earlier
