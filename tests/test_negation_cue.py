"""A negating query: a head chunk whose best-matching sentence negates rises (issue #12, twentieth
session). Real index of the bundled report (FAISS sentence vectors, SQLite spans, the real model)."""

from __future__ import annotations

import numpy as np
import pytest

import search.negation_cue as nc
from search.negation_cue import best_spans, head_positions, says_negation, with_cue_bonus

#: In A/69/207, para. 65 says migration data "are not recognized as a resource for national policy and
#: planning, and are not systematically utilized"; para. 67 is on data for policy in the positive.
QUERY = "migration data that are not used for national policy and planning"


@pytest.mark.parametrize("sentence, expected", [
    ("The Secretariat has not responded to these requests.", True),
    ("Nothing suggested that governance was inadequate.", True),
    ("The meeting didn't take place.", True),
    ("No meeting was held in 2024.", True),
    ("None of the measures were taken.", True),
    ("See resolution No. 5 and No.12 of the Council.", False),
    ("The notes of the knot-tying workshop were noted.", False),
    ("The Secretariat responded to all requests.", False),
])
def test_says_negation(sentence, expected):
    assert says_negation(sentence) is expected


def test_the_bonus_goes_to_head_chunks_whose_best_sentence_negates():
    scores = np.array([3.0, 2.5, 2.0, 1.0, 0.5])
    head = head_positions(scores, depth=3)
    assert sorted(head.tolist()) == [0, 1, 2]
    order = sorted(head.tolist())
    best = {0: "The plan was adopted.", 1: "The plan was not adopted.", 2: "Nothing was decided."}
    out = with_cue_bonus(scores, np.array(order), [best[i] for i in order], bonus=0.6)
    assert np.allclose(out - scores, [0.0, 0.6, 0.6, 0.0, 0.0])
    assert np.allclose(with_cue_bonus(scores, np.array(order), ["A.", "B.", "C."]), scores)


def test_best_spans_keep_each_chunks_best_sentence():
    spans = [(7, 0, 10), (7, 11, 30), (9, 0, 5)]
    assert best_spans(spans, np.array([0.2, 0.5, 0.1])) == {7: (11, 30), 9: (0, 5)}


def _row(searcher, number: int) -> int:
    return int(searcher._con.execute("SELECT id FROM chunks WHERE symbol = 'A/69/207' AND number = ?",
                                     (number,)).fetchone()[0])


def test_the_paragraph_that_says_the_negation_ranks_first(searcher, monkeypatch):
    """Without the rule, para. 67 (data for policy, in the positive) ranks above para. 65."""
    assert searcher.search(QUERY, k=1)[0].number == 65
    monkeypatch.setattr(nc, "CUE_BONUS", 0.0)
    assert searcher.search(QUERY, k=1)[0].number == 67


def test_only_chunks_whose_best_sentence_negates_gain(searcher, monkeypatch):
    rk, bonus = searcher._ranking(), nc.CUE_BONUS
    with_rule = dict(rk.rank(QUERY, "hybrid", None, 10, limit=50))
    monkeypatch.setattr(nc, "CUE_BONUS", 0.0)
    without = dict(rk.rank(QUERY, "hybrid", None, 10, limit=50))
    assert set(with_rule) == set(without)  # the head stays the head
    diff = {i: with_rule[i] - without[i] for i in without}
    assert all(abs(d) < 1e-9 or abs(d - bonus) < 1e-9 for d in diff.values())
    raised = {i for i, d in diff.items() if abs(d - bonus) < 1e-9}
    assert _row(searcher, 65) in raised and _row(searcher, 67) not in raised
    spans = rk._best_sentence_spans(searcher.query_vector(QUERY), np.array(sorted(without), dtype="int64"))
    texts = rk._texts_of(sorted(without))
    for i in without:
        a, b = spans[i]
        assert (i in raised) == says_negation(texts[i][a:b])
    # a chunk that says "not" outside its best sentence gains nothing
    assert any(says_negation(texts[i]) and i not in raised for i in without)


def test_a_query_that_does_not_negate_is_ranked_as_before(searcher, monkeypatch):
    query = "migration data used for national policy and planning"
    rk = searcher._ranking()
    before = rk.rank(query, "hybrid", None, 10, limit=50)
    monkeypatch.setattr(nc, "CUE_BONUS", 5.0)
    assert rk.rank(query, "hybrid", None, 10, limit=50) == before
