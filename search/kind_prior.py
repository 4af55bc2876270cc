"""A small prior by chunk kind: what a resolution decided outranks what it recalled (issue 20).

A preambular paragraph ("Recalling its resolution 1860 (2009) ... full opening of the border
crossings") often repeats the words of the operative paragraph that acts on them ("1. Calls
for the full opening of the border crossings ..."). A reader asking what was decided wants the
operative one, so a preambular paragraph gives up a little score: half a standard deviation
in the fused and dense rankings (their scores are z-scores), 15 per cent in BM25 mode. That is
enough to order near-ties and too little to bury a preamble that matches the query better
(``bench/bench_kind_prior.py``: 0.25 changed none of 10 queries, 0.5 lifts one, 8/10 to 9/10).
"""

from __future__ import annotations

import sqlite3

import numpy as np

Z_PENALTY = 0.5  # hybrid and dense scores are z-scores
BM25_FACTOR = 0.85  # bm25 scores are positive and unscaled


def preamble_ids(con: sqlite3.Connection) -> np.ndarray:
    """Row ids of the index's preambular paragraphs, sorted."""
    return np.array([r[0] for r in con.execute("SELECT id FROM chunks WHERE kind = 'preamble' ORDER BY id")],
                    dtype="int64")


def apply_kind_prior(ids: np.ndarray, scores: np.ndarray, mode: str, preamble: np.ndarray) -> np.ndarray:
    """``scores`` with each preambular paragraph's score lowered."""
    if not len(preamble) or not len(ids):
        return scores
    hit = np.isin(ids, preamble)
    if not hit.any():
        return scores
    out = scores.astype(float, copy=True)
    if mode == "bm25":
        out[hit] *= BM25_FACTOR
    else:
        out[hit] -= Z_PENALTY
    return out
