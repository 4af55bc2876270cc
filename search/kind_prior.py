"""A small prior by chunk kind: what a resolution decided outranks what it recalled (issue 20).

A preambular paragraph ("Recalling its resolution 1860 (2009) ... full opening of the border
crossings") often repeats the words of the operative paragraph that acts on them ("1. Calls
for the full opening of the border crossings ..."). A reader asking what was decided wants the
operative one, so a preambular paragraph gives up a little score: half a standard deviation
in the fused and dense rankings (their scores are z-scores), 15 per cent in BM25 mode. That is
enough to order near-ties and too little to bury a preamble that matches the query better
(``bench/bench_kind_prior.py``: 0.25 changed none of 10 queries, 0.5 lifts one, 8/10 to 9/10).

Text a document prints outside its numbered paragraphs (an infographic's labels, a calendar, a
box, cited by page: ``E/ICEF/2025/14, p. 3, para. 2``) is kept so nothing is lost (issue #15),
but in a document that numbers its paragraphs the numbered ones are what a reader cites, and
that text often repeats them in fragments. In the fused ranking it gives up 0.8 z
(``bench/library_ablation.py --only page-cited``, library dev at aa2f2ba: MRR@10 / R@5 0.830 /
0.890 → 0.834 / 0.906, A/69/207 dev beside the library 0.842 → 0.852, no set lower; 0.4 z:
0.833 / 0.898; 1.2 z: 0.835 / 0.906). A document with no numbered paragraphs at all (a letter, a
scanned page) is cited by page throughout and loses nothing.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from .bm25 import plain_rows

Z_PENALTY = 0.5  # hybrid and dense scores are z-scores
BM25_FACTOR = 0.85  # bm25 scores are positive and unscaled
PAGE_CITED_PENALTY = 0.8  # z units, fused ranking only


def preamble_ids(con: sqlite3.Connection) -> np.ndarray:
    """Row ids of the index's preambular paragraphs, sorted."""
    return np.array([r[0] for r in plain_rows(con, "SELECT id FROM chunks WHERE kind = 'preamble' ORDER BY id")],
                    dtype="int64")


def page_cited_ids(con: sqlite3.Connection) -> np.ndarray:
    """Row ids of the text cited by page (paragraphs and small-type notes) in documents that also
    have numbered paragraphs, sorted."""
    return np.array([r[0] for r in plain_rows(con,
        "SELECT id FROM chunks WHERE kind IN ('paragraph', 'note') AND page IS NOT NULL AND symbol IN "
        "(SELECT DISTINCT symbol FROM chunks WHERE kind = 'paragraph' AND page IS NULL) ORDER BY id")],
        dtype="int64")


def apply_kind_prior(ids: np.ndarray, scores: np.ndarray, mode: str, preamble: np.ndarray,
                     page_cited: np.ndarray | None = None) -> np.ndarray:
    """``scores`` with each preambular paragraph's score lowered, and in the fused (``hybrid``)
    ranking each page-cited text of a numbered document's."""
    pre = np.isin(ids, preamble) if len(preamble) and len(ids) else None
    paged = np.isin(ids, page_cited) if mode == "hybrid" and page_cited is not None and len(page_cited) \
        and len(ids) else None
    if (pre is None or not pre.any()) and (paged is None or not paged.any()):
        return scores
    out = scores.astype(float, copy=True)
    if pre is not None:
        if mode == "bm25":
            out[pre] *= BM25_FACTOR
        else:
            out[pre] -= Z_PENALTY
    if paged is not None:
        out[paged] -= PAGE_CITED_PENALTY
    return out
