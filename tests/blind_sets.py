"""Shared checks for the blind evaluation sets in bench/data (answers and retrieval queries).

Each round's set is a never-tuned measure; these checks keep its shape (fields, split by document,
no paragraph labelled twice across sets) without running anything over its questions.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from search.judgements import parse_citation

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"
QUERY_KINDS = {"keyword", "paraphrase", "fact", "entity", "negation", "multi"}
QUERY_FIELDS = {"id", "query", "symbol", "para", "also", "part", "kind", "split", "citation"}
FACT_FIELDS = {"id", "query", "symbol", "para", "part", "page", "citations", "answer", "also", "split",
               "kind", "note"}
NONE_FIELDS = {"id", "query", "symbol", "split", "kind", "note"}


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def documents_per_split(lines: list[dict]) -> Counter:
    """How many documents each split holds; a document in both splits fails the check."""
    splits_of: dict[str, set] = {}
    for row in lines:
        splits_of.setdefault(row["symbol"], set()).add(row["split"])
    assert all(len(s) == 1 for s in splits_of.values()), "a document is in both splits"
    return Counter(next(iter(s)) for s in splits_of.values())


# Paragraphs two sets labelled apart that a later reader fix made one: A/AC.109/2009/17's agenda items on
# p. 3 (Q1534 labelled p. 3, para. 2; T1838 p. 3, para. 3) are para. 6's since the seventeenth session
# (h-r17read, docs/reader-log.md). Both labels follow the reader; they may share the paragraph.
MERGED_BY_READER = {("A/AC.109/2009/17", "", None, 6)}
MERGED_CITATIONS = {"A/AC.109/2009/17, para. 6"}


def labelled_elsewhere(path: Path) -> tuple[set, set]:
    """(symbol, part, page, para) keys and citation strings that the other sets in bench/data label
    (less the paragraphs a reader fix merged, ``MERGED_BY_READER``)."""
    keys, citations = set(), set()
    for other in DATA.glob("*.jsonl"):
        if other == path:
            continue
        for row in rows(other):
            if row.get("kind") != "none" and "para" in row and "symbol" in row:
                keys.add((row["symbol"], row.get("part") or "", row.get("page"), row["para"]))
                citations.update(c for c in row.get("citations") or [] if isinstance(c, str))
                citations.update(a for a in row.get("also") or [] if isinstance(a, str))
                citations.add(row.get("citation") or "")
    return keys - MERGED_BY_READER, citations - MERGED_CITATIONS


def check_query_row(row: dict) -> None:
    """A retrieval query line: its fields, and a label that agrees with its printed citation."""
    assert QUERY_FIELDS <= set(row) <= QUERY_FIELDS | {"page", "note"}, row["id"]
    assert row["query"].strip() and row["kind"] in QUERY_KINDS and row["split"] in {"dev", "heldout"}, row["id"]
    ref = parse_citation(row["citation"])
    assert (ref.symbol, ref.part, ref.number) == (row["symbol"], row["part"], row["para"]), row["id"]
    page = re.search(r", p\. (\d+), para", row["citation"])
    assert (int(page[1]) if page else None) == row.get("page"), row["id"]
    assert all(isinstance(a, int) or parse_citation(a).symbol == row["symbol"] for a in row["also"])


def check_answer_row(row: dict, round_no: int) -> None:
    """An answer-set line: the fields of its kind, its id in the round's range, its first citation built
    from its label (``para`` may be ``"part"``: a part cited by its label alone)."""
    assert row["kind"] in {"fact", "none"} and row["split"] in {"dev", "heldout"}, row["id"]
    assert row["query"].strip() and row["note"].strip(), row["id"]
    if row["kind"] == "none":
        assert set(row) == NONE_FIELDS and re.fullmatch(rf"TU{round_no}(0[1-9]|1\d|20)", row["id"]), row["id"]
        return
    assert set(row) == FACT_FIELDS and re.fullmatch(rf"T{round_no}(0[1-9]|[1-3]\d|40)", row["id"]), row["id"]
    assert row["answer"].strip() and isinstance(row["also"], list), row["id"]
    assert row["para"] == "part" or (isinstance(row["para"], int) and row["para"] > 0), row["id"]
    assert row["citations"] and all(c.startswith(row["symbol"] + ",") for c in row["citations"]), row["id"]
    page = f"p. {row['page']}, " if row["page"] else ""
    para = "" if row["para"] == "part" else f"para. {row['para']}"
    part = f"{row['part']}, " if row["part"] and para else row["part"]
    assert row["citations"][0] == f"{row['symbol']}, {part}{page}{para}", row["id"]


def check_answer_shape(lines: list[dict]) -> None:
    """Sixty questions on twenty documents, two facts and one trap each, split 10/10 by document."""
    assert len(lines) == 60 and len({r["id"] for r in lines}) == 60
    per_doc = Counter((r["symbol"], r["kind"]) for r in lines)
    symbols = {r["symbol"] for r in lines}
    assert len(symbols) == 20
    assert all(per_doc[(s, "fact")] == 2 and per_doc[(s, "none")] == 1 for s in symbols)
    assert documents_per_split(lines) == {"dev": 10, "heldout": 10}
