"""A negating query's paragraph says the negation in the sentence that matches it (issue #12).

"Which requests does Russia say the UN Secretariat has not responded to?", "fuel the UN mission
did not supply": the paragraph that answers says "has not", "did not", "no", "never" in the very
sentence that matches the query's topic, while its neighbours in the same report, which the
embedding finds as close (a sentence vector barely registers "not"), state the topic in the
positive. Negation words are stopwords for BM25, so neither side of the fusion sees them. Among
the head of a hybrid ranking, a chunk whose best-matching sentence (by the query's cosine) holds a
negation word gains ``CUE_BONUS`` z when the query negates (``search.fusion.negates``).

Measured on the dev halves of every library set (twentieth session, docs/retrieval-log.md): all
539 dev records' MRR@10 0.8689 -> 0.8715; six negating queries rise (round 4 R19, R22; round 7
R746; unseen N06; library L023; round 20 Q2020), none falls; 0.3-0.5 z lift the same queries,
0.7 z lowers two. A negation anywhere in the chunk (the first session's form) lifts more at 0.3
z but lowers one query, and at 0.4 z the A/69/207 dev set; "fail", "lack" as cues lower it too.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Callable, Sequence

import numpy as np

from .sorted_unique import sorted_unique

#: Words that say something did not happen or is absent. "No." before a number is a citation.
NEGATION_CUE = re.compile(r"(?i)\b(?:not|never|none|nobody|nothing|neither|nor|without|unable)\b"
                          r"|\bno\b(?!\.?\s*\d)|n[’']t\b")
#: What a chunk of the head gains (z units of the fused ranking) when its best sentence negates.
CUE_BONUS = 0.5
#: How many of the best chunks are looked at (``search.head_rerank.HEAD``'s depth).
CUE_DEPTH = 50


def says_negation(sentence: str) -> bool:
    """Whether ``sentence`` holds a negation word ("not", "never", "none", "no", "n't", ...)."""
    return bool(NEGATION_CUE.search(sentence))


def head_positions(scores: np.ndarray, depth: int = CUE_DEPTH) -> np.ndarray:
    """Positions of the best ``depth`` scores (all of them when there are fewer), unordered."""
    scores = np.asarray(scores)
    return np.argpartition(-scores, depth - 1)[:depth] if len(scores) > depth else np.arange(len(scores))


def with_cue_bonus(scores: np.ndarray, head: np.ndarray, best_sentences: Sequence[str],
                   bonus: float | None = None) -> np.ndarray:
    """``scores`` with each position of ``head`` whose best sentence (``best_sentences``, aligned
    with ``head``) says a negation raised by ``bonus``. The head stays above the rest (a bonus
    only raises it). ``bonus``: ``CUE_BONUS`` unless given."""
    bonus = CUE_BONUS if bonus is None else bonus
    out = np.asarray(scores, dtype="float64").copy()
    cue = np.array([says_negation(s) for s in best_sentences], dtype=bool)
    if len(head) and cue.any():
        out[np.asarray(head)[cue]] += bonus
    return out


def best_spans(spans: Sequence[tuple[int, int, int]], cosines: np.ndarray) -> dict[int, tuple[int, int]]:
    """Each chunk's best sentence as (start, end) in its text, from (chunk id, start, end) rows
    and each row's cosine with the query (aligned)."""
    best: dict[int, tuple[float, int, int]] = {}
    for (chunk, start, end), cos in zip(spans, np.asarray(cosines, dtype="float64")):
        if chunk not in best or cos > best[chunk][0]:
            best[chunk] = (float(cos), start, end)
    return {c: (a, b) for c, (_, a, b) in best.items()}


def cue_ranked(con: sqlite3.Connection, ids: np.ndarray, scores: np.ndarray,
               spans_of: Callable[[np.ndarray], dict[int, tuple[int, int]]]) -> np.ndarray:
    """``scores`` (of the candidates ``ids``) with the head's chunks whose best sentence negates
    raised; ``spans_of(sorted row ids)`` gives each chunk's best sentence as (start, end)."""
    head = head_positions(scores)
    at = [int(i) for i in np.asarray(ids)[head]]
    if not at:
        return scores
    texts = dict(con.execute(f"SELECT id, text FROM chunks WHERE id IN ({','.join('?' * len(at))})", at))
    spans = spans_of(sorted_unique(np.array(at, dtype="int64")))
    best = [texts.get(i, "")[slice(*spans.get(i, (0, None)))] for i in at]
    return with_cue_bonus(scores, head, best)


def sentence_spans(con: sqlite3.Connection, sentences, qvec: np.ndarray, ids: np.ndarray) -> dict[int, tuple[int, int]]:
    """Each chunk of ``ids`` (sorted)'s best sentence by cosine with ``qvec``, as (start, end) in its
    text, from a local index's sentence vectors (``sentences``: the ranker's (FAISS index, chunk of
    each sentence, vectors or None), or False: none; a chunk without sentence vectors is left out)."""
    if not sentences or not len(ids):
        return {}
    index, chunk_of, matrix = sentences
    rows = np.nonzero(np.isin(chunk_of, ids))[0]
    spans = con.execute(f"SELECT chunk_id, start, end FROM sentences WHERE chunk_id IN "
                        f"({','.join(map(str, np.asarray(ids).tolist()))}) ORDER BY id").fetchall()
    if not len(rows) or len(spans) != len(rows):  # the vectors follow the table's id order
        return {}
    vecs = index.reconstruct_batch(rows) if matrix is None else matrix[rows]
    return best_spans(spans, vecs @ qvec[0])
