"""Ranking metrics on tiny hand-made rankings, checked against values computed by hand (issue #5)."""

from __future__ import annotations

import math

import pytest

from search.metrics import mean_scores, ndcg_at, reciprocal_rank, recall_at, score_ranking

# Paragraphs 3 and 4 answer the query, 7 answers it in part.
# rank:     1  2  3  4  5  6  7  8  9  10  11
RANKING = [5, 3, 9, 1, 7, 2, 8, 4, 6, 10, 11]
RELEVANT, PARTIAL = [3, 4], [7]


def test_recall_counts_relevant_items_in_the_cutoff():
    assert recall_at(RANKING, RELEVANT, 1) == 0.0  # 5 is not relevant
    assert recall_at(RANKING, RELEVANT, 5) == 0.5  # 3 found, 4 (rank 8) not yet
    assert recall_at(RANKING, RELEVANT, 10) == 1.0
    assert recall_at(RANKING, PARTIAL, 10) == 1.0  # partial items only count where passed as relevant


def test_reciprocal_rank_is_one_over_the_first_relevant_rank():
    assert reciprocal_rank(RANKING, RELEVANT) == 0.5  # 3 at rank 2
    assert reciprocal_rank(RANKING, [11]) == 0.0  # rank 11 is past the cutoff of 10
    assert reciprocal_rank(RANKING, [11], k=11) == pytest.approx(1 / 11)
    assert reciprocal_rank(RANKING, [5]) == 1.0


def test_ndcg_by_hand():
    # DCG: 3 (gain 2) at rank 2, 7 (gain 1) at rank 5, 4 (gain 2) at rank 8
    dcg = 2 / math.log2(3) + 1 / math.log2(6) + 2 / math.log2(9)  # 1.26186 + 0.38685 + 0.63093
    # ideal: 2, 2, 1 at ranks 1, 2, 3
    idcg = 2 / math.log2(2) + 2 / math.log2(3) + 1 / math.log2(4)  # 2 + 1.26186 + 0.5
    assert ndcg_at(RANKING, RELEVANT, PARTIAL, 10) == pytest.approx(dcg / idcg)
    assert ndcg_at(RANKING, RELEVANT, PARTIAL, 10) == pytest.approx(0.60599, abs=1e-5)


@pytest.mark.parametrize(
    "ranking, relevant, partial, expected",
    [
        ([3, 4, 7], [3, 4], [7], 1.0),  # the ideal order
        ([7, 3, 4], [3, 4], [7], (1 + 2 / math.log2(3) + 2 / math.log2(4)) / (2 + 2 / math.log2(3) + 0.5)),
        ([1, 2, 5], [3, 4], [7], 0.0),  # nothing judged is retrieved
        ([1, 2], [], [], 0.0),  # nothing is relevant: defined as 0, not a division by zero
        ([3, 3, 3], [3], [], 1.0),  # a repeated item earns its gain once
    ],
)
def test_ndcg_cases(ranking, relevant, partial, expected):
    assert ndcg_at(ranking, relevant, partial, 10) == pytest.approx(expected)


def test_no_relevant_items_scores_zero_everywhere():
    assert score_ranking([1, 2, 3], []) == {m: 0.0 for m in score_ranking([1], [1])}


def test_score_ranking_and_mean():
    a = score_ranking(RANKING, RELEVANT, PARTIAL)
    assert (a["recall@1"], a["recall@5"], a["recall@10"], a["mrr@10"]) == (0.0, 0.5, 1.0, 0.5)
    b = score_ranking([4, 3], RELEVANT)
    assert b["recall@1"] == 0.5 and b["mrr@10"] == 1.0 and b["ndcg@10"] == pytest.approx(1.0)
    mean = mean_scores([a, b])
    assert mean["mrr@10"] == 0.75 and mean["recall@5"] == 0.75
    assert mean_scores([]) == {m: 0.0 for m in a}
