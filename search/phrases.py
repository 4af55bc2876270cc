"""Adjacent query words found near each other in a chunk: phrase evidence beside BM25 (issue #12).

BM25 and its coverage factor count a query's words wherever they fall in a paragraph. A
paragraph that holds two of them side by side ("task force ... did not meet", "civilian
mission", "Rapporteur-General ... Ocean Conference") says what the query says more surely than
one that holds them in different sentences. Each consecutive pair of the query's content words
(``search.bm25.content_terms``) is looked up as an FTS5 ``NEAR`` group, at most ``PAIR_NEAR``
words apart, and a chunk's share of the pairs it holds adds ``PAIR_BONUS`` × share to its hybrid
score (z units).

Measured (dev only, ``bench/agreement_ablation.py``; MRR@10 / R@5): library dev 0.848 / 0.913 →
0.849 / 0.913, unseen-documents dev 0.756 / 0.875 → 0.763 / 0.958, the round-4 set and the
A/69/207 sets unchanged; 0.3 or more lowers the A/69/207 own set beside the library (0.900 →
0.883), NEAR 1-5 give the same figures within 0.002. (Adjacent-word *phrases inside the BM25
query*, measured on the report alone, cost 0.02: a bonus beside BM25 does not change BM25's
own ranking.)
"""

from __future__ import annotations

import sqlite3
from typing import Sequence

import numpy as np

from .bm25 import match_counts, quote
from .postings import PostingCache

#: How many other words may stand between two adjacent query words (FTS5 NEAR distance).
PAIR_NEAR = 3
#: The hybrid score a chunk gains (z units) when it holds every adjacent pair of the query.
PAIR_BONUS = 0.2


def pair_expressions(terms: Sequence[str], near: int = PAIR_NEAR) -> list[str]:
    """One FTS5 NEAR group per consecutive pair of ``terms``."""
    return [f"NEAR({quote(a)} {quote(b)}, {near})" for a, b in zip(terms, terms[1:])]


def pair_share(con: sqlite3.Connection, terms: Sequence[str], ids: np.ndarray,
               cache: PostingCache | None = None) -> np.ndarray:
    """Each of the sorted ``ids``'s share of the adjacent pairs of ``terms`` that it holds near each
    other (zeros for a query of one content word)."""
    pairs = pair_expressions(terms)
    if not pairs:
        return np.zeros(len(ids))
    return match_counts(con, pairs, ids, cache) / len(pairs)

