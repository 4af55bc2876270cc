"""Ranking metrics for one query: Recall@k, MRR@k and nDCG@k, as pure functions.

Judgements are graded: an item in ``relevant`` has gain 2, one in ``partial`` gain 1, anything
else 0. Recall and MRR count only ``relevant`` items (a partial answer is not the answer);
nDCG uses both grades, so ranking a partial answer high still earns some credit.
"""

from __future__ import annotations

import math
from typing import Collection, Hashable, Sequence

RELEVANT_GAIN = 2
PARTIAL_GAIN = 1


def recall_at(ranking: Sequence[Hashable], relevant: Collection[Hashable], k: int) -> float:
    """The share of the relevant items found in the first ``k`` (0 when nothing is relevant)."""
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(relevant & set(ranking[:k])) / len(relevant)


def reciprocal_rank(ranking: Sequence[Hashable], relevant: Collection[Hashable], k: int = 10) -> float:
    """1 / the rank of the first relevant item within the first ``k``; 0 if none is there."""
    relevant = set(relevant)
    for rank, item in enumerate(ranking[:k], start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at(ranking: Sequence[Hashable], relevant: Collection[Hashable],
            partial: Collection[Hashable] = (), k: int = 10) -> float:
    """Normalised discounted cumulative gain at ``k``, with gains 2 (relevant) and 1 (partial).

    DCG = sum of gain / log2(rank + 1); the ideal ranking puts every relevant item first, then
    every partial one. Items counted once even if a ranking repeats them.
    """
    gains = {item: PARTIAL_GAIN for item in partial}
    gains.update({item: RELEVANT_GAIN for item in relevant})
    ideal = sorted(gains.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(r + 1) for r, g in enumerate(ideal, start=1))
    if idcg == 0:
        return 0.0
    seen: set = set()
    dcg = 0.0
    for rank, item in enumerate(ranking[:k], start=1):
        if item in seen:
            continue
        seen.add(item)
        dcg += gains.get(item, 0) / math.log2(rank + 1)
    return dcg / idcg


METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10")


def score_ranking(ranking: Sequence[Hashable], relevant: Collection[Hashable],
                  partial: Collection[Hashable] = ()) -> dict[str, float]:
    """All the metrics paracite reports, for one ranked list against one judgement."""
    return {
        "recall@1": recall_at(ranking, relevant, 1),
        "recall@5": recall_at(ranking, relevant, 5),
        "recall@10": recall_at(ranking, relevant, 10),
        "mrr@10": reciprocal_rank(ranking, relevant, 10),
        "ndcg@10": ndcg_at(ranking, relevant, partial, 10),
    }


def mean_scores(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    """The per-metric mean of several queries' scores (zeros for no queries)."""
    if not rows:
        return {m: 0.0 for m in METRICS}
    return {m: sum(r[m] for r in rows) / len(rows) for m in METRICS}
