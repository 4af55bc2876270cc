"""Round 14's blind answer set (bench/data/library_facts_round14.jsonl) stays well-formed.

The set is the thirteenth session's never-tuned measure of the answer rules, so an edit that drops a
field, mixes a document into both halves, breaks the two-facts-and-one-trap-per-document shape or
reuses a paragraph another set labels would silently change what round `blind14` of
`bench_answers.py` reports; these checks catch that without running anything over the questions.
"""
import json
import re
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "bench" / "data" / "library_facts_round14.jsonl"
FACT_FIELDS = {"id", "query", "symbol", "para", "part", "page", "citations", "answer", "also", "split",
               "kind", "note"}
NONE_FIELDS = {"id", "query", "symbol", "split", "kind", "note"}


def _rows() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_line_has_the_fields_of_its_kind():
    for row in _rows():
        assert row["kind"] in {"fact", "none"} and row["split"] in {"dev", "heldout"}, row["id"]
        assert row["query"].strip() and row["note"].strip(), row["id"]
        if row["kind"] == "none":
            assert set(row) == NONE_FIELDS and re.fullmatch(r"TU14(0[1-9]|1\d|20)", row["id"]), row["id"]
            continue
        assert set(row) == FACT_FIELDS and re.fullmatch(r"T14(0[1-9]|[1-3]\d|40)", row["id"]), row["id"]
        assert row["answer"].strip() and isinstance(row["also"], list), row["id"]
        assert isinstance(row["para"], int) and row["para"] > 0, row["id"]
        assert row["citations"] and all(c.startswith(row["symbol"] + ",") for c in row["citations"]), row["id"]
        part = f"{row['part']}, " if row["part"] else ""
        page = f"p. {row['page']}, " if row["page"] else ""
        assert row["citations"][0] == f"{row['symbol']}, {part}{page}para. {row['para']}", row["id"]


def test_sixty_questions_two_facts_and_one_trap_per_document_split_by_document():
    rows = _rows()
    assert len(rows) == 60 and len({r["id"] for r in rows}) == 60
    per_doc = Counter((r["symbol"], r["kind"]) for r in rows)
    symbols = {r["symbol"] for r in rows}
    assert len(symbols) == 20
    assert all(per_doc[(s, "fact")] == 2 and per_doc[(s, "none")] == 1 for s in symbols)
    splits_of = {}
    for row in rows:
        splits_of.setdefault(row["symbol"], set()).add(row["split"])
    assert all(len(s) == 1 for s in splits_of.values()), "a document is in both splits"
    assert Counter(next(iter(s)) for s in splits_of.values()) == {"dev": 10, "heldout": 10}


def test_no_labelled_paragraph_is_labelled_or_cited_by_another_set():
    ours = {(r["symbol"], r["part"] or "", r["page"], r["para"]) for r in _rows() if r["kind"] == "fact"}
    our_citations = {c for r in _rows() if r["kind"] == "fact" for c in r["citations"]}
    keys, citations = set(), set()
    for path in DATA.parent.glob("*.jsonl"):
        if path == DATA:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("kind") != "none" and "para" in row and "symbol" in row:
                keys.add((row["symbol"], row.get("part") or "", row.get("page"), row["para"]))
                citations.update(c for c in row.get("citations") or [] if isinstance(c, str))
                citations.update(a for a in row.get("also") or [] if isinstance(a, str))
                citations.add(row.get("citation") or "")
    assert not ours & keys
    assert not our_citations & citations
