"""The blind unseen-document queries (bench/data/library_queries_unseen.jsonl) stay well-formed.

They measure ranking on documents nobody tuned on, so the held-out half must never share a
document with the dev half, every kind must be in both halves, and each page-cited label must say
its page (the evaluator matches the page: another page's paragraph of that number is a miss).
"""
from collections import Counter

from blind_sets import DATA, QUERY_KINDS, check_query_row, documents_per_split, rows
from search.judgements import read_queries

PATH = DATA / "library_queries_unseen.jsonl"


def test_rows_have_the_documented_fields_and_labels_agree_with_their_citation():
    for row in rows(PATH):
        check_query_row(row)


def test_split_by_document_with_every_kind_in_each_half():
    lines = rows(PATH)
    assert len(lines) == 48 and len({r["id"] for r in lines}) == 48
    assert sum(documents_per_split(lines).values()) == 12
    for split in ("dev", "heldout"):
        assert set(Counter(r["kind"] for r in lines if r["split"] == split)) == QUERY_KINDS
    assert len(read_queries(PATH, split="dev")) == len(read_queries(PATH, split="heldout")) == 24
