"""Fusing rankings: z-score fusion weighted by how lexical the query is.

Measured on the dev queries (issue #5, README "Retrieval quality"): reciprocal rank fusion of
the dense and BM25 rankings did not beat the better of the two (MRR@10 0.80 against 0.82), and
no fixed weight of a score fusion did either: BM25 is right where the query uses the report's
words ("third round table", "Universal Postal Union") and wrong where it paraphrases ("bigotry
and hostility toward foreigners" matches "foreign-born" census counts). So the BM25 weight
follows the query: ``BM25_WEIGHT × best_coverage ** COVERAGE_POWER``, where ``best_coverage`` is
the largest share of the query's content words that one candidate paragraph contains. A query
in the report's own words has a paragraph that holds them all and gets the full weight; a
paraphrase, whose words are scattered or absent, falls back to the embeddings. (A first version
used the share of query words found anywhere in the index: it grows with the corpus, and on a
9-document index it gave paraphrases BM25 weight they should not have: MRR@10 0.92 → 0.81.)
"""

from __future__ import annotations

import numpy as np

#: Share of the dense score that comes from a chunk's best sentence (the rest: the whole chunk).
SENTENCE_SHARE = 0.8
#: BM25's weight for a query all of whose content words one candidate contains.
BM25_WEIGHT = 0.5
#: How fast the BM25 weight falls as the best candidate covers fewer of the query's words.
COVERAGE_POWER = 3


def zscore(values: np.ndarray) -> np.ndarray:
    """Scores as standard deviations from their mean (all zeros when they do not vary)."""
    values = np.asarray(values, dtype="float64")
    if values.size == 0:
        return values
    sd = values.std()
    return (values - values.mean()) / sd if sd > 1e-12 else np.zeros_like(values)


def dense_score(sentence_best: np.ndarray, chunk: np.ndarray, sentence_share: float = SENTENCE_SHARE) -> np.ndarray:
    """The dense score of each candidate: its best sentence's cosine and its own, z-scored and mixed."""
    return sentence_share * zscore(sentence_best) + (1 - sentence_share) * zscore(chunk)


def bm25_weight(best_coverage: float, weight: float = BM25_WEIGHT, power: float = COVERAGE_POWER) -> float:
    """BM25's share of the hybrid score when the best candidate holds this share of the query's words."""
    return weight * min(max(best_coverage, 0.0), 1.0) ** power


def hybrid_score(dense: np.ndarray, keyword: np.ndarray, best_coverage: float) -> np.ndarray:
    """Convex combination of the dense score (from ``dense_score``, already in z units) and the
    z-scored keyword score of the same candidates."""
    w = bm25_weight(best_coverage)
    return (1 - w) * np.asarray(dense, dtype="float64") + w * zscore(keyword)
