"""The blind retrieval query sets written in the library sessions (bench/data/library_queries_round14.jsonl,
..._round15.jsonl to ..._round27.jsonl) stay well-formed.

Each set measures ranking on paragraphs nobody tuned on (`rank_harness.py` / `eval_sets.py` set `roundN`),
so the held-out half must never share a document with the dev half, every query style must be in both
halves in equal overall shares, each page-cited label must say its page (the evaluator matches the page),
and no label may point at a paragraph another set, including the round's answer set, already labels.
Round 14 has the five styles and `multi`, ten each; rounds 15 on have the five styles, twelve each, and
a note ending with the answer text the label was checked for.
"""
import re
from collections import Counter

import pytest

from blind_sets import DATA, QUERY_KINDS, check_query_row, documents_per_split, labelled_elsewhere, rows
from bench_modules import load_bench
from search.judgements import read_queries

STYLES = QUERY_KINDS - {"multi"}
ROUNDS = {14: QUERY_KINDS, 15: STYLES, 16: STYLES, 17: STYLES, 18: STYLES, 19: STYLES, 20: STYLES, 21: STYLES,
          22: STYLES, 23: STYLES, 24: STYLES, 25: STYLES, 26: STYLES, 27: STYLES}


def _path(round_no: int):
    return DATA / f"library_queries_round{round_no}.jsonl"


@pytest.mark.parametrize("round_no", sorted(ROUNDS))
def test_rows_have_the_documented_fields_and_labels_agree_with_their_citation(round_no):
    for row in rows(_path(round_no)):
        check_query_row(row)
        assert re.fullmatch(rf"Q{round_no}(0[1-9]|[1-5]\d|60)", row["id"]), row["id"]
        if round_no >= 15:
            assert re.search(r"answer text: “.+”$", row["note"]), row["id"]


@pytest.mark.parametrize("round_no", sorted(ROUNDS))
def test_four_queries_a_document_split_by_document_with_every_style_in_each_half(round_no):
    path, kinds = _path(round_no), ROUNDS[round_no]
    lines = rows(path)
    assert len(lines) == 60 and len({r["id"] for r in lines}) == 60
    assert set(Counter(r["symbol"] for r in lines).values()) == {4}
    assert documents_per_split(lines) == {"dev": 8, "heldout": 7}
    assert Counter(r["kind"] for r in lines) == {k: 60 // len(kinds) for k in kinds}
    for split in ("dev", "heldout"):
        assert set(Counter(r["kind"] for r in lines if r["split"] == split)) == kinds
    assert len(read_queries(path, split="dev")) + len(read_queries(path, split="heldout")) == 60


@pytest.mark.parametrize("round_no", sorted(ROUNDS))
def test_no_label_points_at_a_paragraph_another_set_labels(round_no):
    path = _path(round_no)
    ours = {(r["symbol"], r["part"], r.get("page"), r["para"]) for r in rows(path)}
    assert not ours & labelled_elsewhere(path)[0]


@pytest.mark.parametrize("round_no", sorted(ROUNDS))
def test_the_set_is_registered_for_the_ranking_scripts(round_no):
    source = (DATA.parent / "rank_harness.py").read_text(encoding="utf-8")
    assert f'"round{round_no}": [DATA / "library_queries_round{round_no}.jsonl"]' in source


# Rounds 25 and 26: queries in a user's own words (bench/blind_overlap.py). The note records the content words
# a paraphrase, fact or negation query shares with its paragraph (checked against the index's text when the set
# was written); without the index, the words it shares with the note's answer text (part of the paragraph)
# must be among them, and there may be at most two. Round 27 is written as users type (no overlap cap).
OWN_WORDS_ROUNDS = (25, 26)
_SHARED = re.compile(r"shared content words \((\d+)\): ([^;]*);")


def test_the_overlap_check_folds_plurals_and_drops_stop_words():
    overlap = load_bench("blind_overlap")
    assert overlap.lemma("meetings") == overlap.lemma("meeting")
    assert overlap.shared_words("the Board's meetings in 2024", "a meeting of the board in 2023") == {"board", "meet"}
    assert overlap.content_words("which of the") == set()


@pytest.mark.parametrize("round_no", list(OWN_WORDS_ROUNDS))
def test_own_words_queries_share_at_most_two_content_words_with_their_paragraph(round_no):
    overlap = load_bench("blind_overlap")
    for row in rows(_path(round_no)):
        answer_text = re.search(r"answer text: “(.+)”$", row["note"])[1]
        if row["kind"] == "keyword":
            assert 2 <= len(row["query"].split()) <= 4, row["id"]
            assert overlap.content_words(row["query"]) - overlap.content_words(answer_text), row["id"]
        elif row["kind"] != "entity":
            count, listed = _SHARED.search(row["note"]).groups()
            listed = set() if listed == "none" else set(listed.split(", "))
            assert int(count) == len(listed) <= 2, row["id"]
            assert overlap.shared_words(row["query"], answer_text) <= listed, row["id"]


def test_round_27_keyword_queries_are_short_and_every_label_names_its_answer_text():
    """Round 27 has no overlap cap (queries as users type them), but its keyword queries stay two to six
    words and every note quotes the paragraph text the label was checked for."""
    for row in rows(_path(27)):
        if row["kind"] == "keyword":
            assert 2 <= len(row["query"].split()) <= 6, row["id"]
        assert row["note"].startswith(f"{row['kind']}; answer text: “"), row["id"]
