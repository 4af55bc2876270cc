"""Round 15's blind retrieval queries (bench/data/library_queries_round15.jsonl) stay well-formed.

They measure ranking on paragraphs nobody tuned on (`rank_harness.py` / `eval_sets.py` set `round15`),
so the held-out half must never share a document with the dev half, each of the five query styles
(keyword, paraphrase, fact, entity, negation) must be in both halves in equal overall shares, each
page-cited label must say its page (the evaluator matches the page), and no label may point at a
paragraph another set, including round 15's answer set, already labels.
"""
import re
from collections import Counter

from blind_sets import DATA, QUERY_KINDS, check_query_row, documents_per_split, labelled_elsewhere, rows
from search.judgements import read_queries

PATH = DATA / "library_queries_round15.jsonl"
STYLES = QUERY_KINDS - {"multi"}


def test_rows_have_the_documented_fields_and_labels_agree_with_their_citation():
    for row in rows(PATH):
        check_query_row(row)
        assert re.fullmatch(r"Q15(0[1-9]|[1-5]\d|60)", row["id"]), row["id"]
        assert re.search(r"answer text: “.+”$", row["note"]), row["id"]


def test_four_queries_a_document_split_by_document_with_every_style_in_each_half():
    lines = rows(PATH)
    assert len(lines) == 60 and len({r["id"] for r in lines}) == 60
    assert set(Counter(r["symbol"] for r in lines).values()) == {4}
    assert documents_per_split(lines) == {"dev": 8, "heldout": 7}
    assert Counter(r["kind"] for r in lines) == {k: 12 for k in STYLES}
    for split in ("dev", "heldout"):
        assert set(Counter(r["kind"] for r in lines if r["split"] == split)) == STYLES
    assert len(read_queries(PATH, split="dev")) + len(read_queries(PATH, split="heldout")) == 60


def test_no_label_points_at_a_paragraph_another_set_labels():
    ours = {(r["symbol"], r["part"], r.get("page"), r["para"]) for r in rows(PATH)}
    assert not ours & labelled_elsewhere(PATH)[0]


def test_the_set_is_registered_for_the_ranking_scripts():
    source = (DATA.parent / "rank_harness.py").read_text(encoding="utf-8")
    assert '"round15": [DATA / "library_queries_round15.jsonl"]' in source
