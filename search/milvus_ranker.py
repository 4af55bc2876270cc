"""Ranking over a Milvus-backed index (issue #17): Milvus finds the candidates, paracite scores them.

Milvus returns the best chunks by chunk vector and by sentence vector, narrowed by the filters
as an expression (a document's chunks are consecutive row ids, so ``--doc`` is one range; row
ids are kept across incremental ingests, ``index.milvus.layout``); the keyword candidates and
every keyword signal (BM25, the share of the query's words, adjacent pairs) come from the
build's FTS5 table, as on the local backend. paracite then scores the union exactly as the
local backend does (``search.ranking.Signals``), with each candidate's chunk and best-sentence
cosine from its vectors in Milvus.

Where the local backend scores every chunk (up to ``EXACT_LIMIT`` chunks, or any filter), the
candidates hold the pool its hybrid score is z-scored over (the ``POOL`` best by keyword score
and by vector), so the scores, and the hits, are the local backend's; at the library's 6,494
chunks Milvus's own top 100 by vector and by BM25 had lost 0.006 MRR@10 on the dev queries. A
filter that leaves few chunks (``EXACT_ALLOWED``) makes every one of them a candidate.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable

import numpy as np

from index.milvus import MilvusReader, id_expression

from .bm25 import bm25_call, bm25_scores, bm25_table, keyword_query
from . import fusion
from .fusion import coverage_power, negates
from .milvus_cache import ChunkRecords
from .exclusion import split_exclusions
from .negation_cue import best_spans
from .ordinal_match import ordinal_share, query_ordinals
from .phrases import pair_share
from .ranking import EXACT_LIMIT, Ranker, Signals
from .word_shares import word_shares

EXACT_ALLOWED = 2_000
ID_BATCH = 900  # ids per SQL statement (SQLite's default limit on an IN list is far above)


class MilvusRanker(Ranker):
    """``Ranker`` whose candidates and vectors come from the index's Milvus collections."""

    def __init__(self, con: sqlite3.Connection, folder: Path, backend: dict,
                 embed: Callable[[str], np.ndarray], n_chunks: int):
        super().__init__(con, folder, lambda: None, embed, n_chunks)
        self.milvus = MilvusReader(backend, where=str(folder))
        self.records = ChunkRecords(self.milvus, con)

    def signals(self, query: str, mode: str, allowed: set[int] | None, k: int) -> Signals:
        kw = keyword_query(query, self.acronyms) if mode in ("bm25", "hybrid") else None
        qvec = self._embed(query) if mode in ("dense", "hybrid") else None
        size = len(allowed) if allowed is not None else self.n
        chunk_hits: dict[int, float] = {}
        sent_hits: dict[int, float] = {}  # chunk → its best sentence among the engine's hits
        if size <= EXACT_ALLOWED:  # few chunks: every one is a candidate, as in the local backend
            ids = np.array(sorted(allowed), dtype="int64") if allowed is not None else self._all_ids()
        else:
            ids, chunk_hits, sent_hits = self._candidates(qvec, kw, allowed, max(100, 5 * k))
        out = {"ids": ids}
        if qvec is not None:
            out["chunk"] = self._known_or_scored(ids, chunk_hits, lambda rest: self._chunk_cosines(qvec, rest))
            best = self._known_or_scored(ids, sent_hits, lambda rest: self._sentence_best(qvec, rest))
            out["sentence"] = np.where(np.isnan(best), out["chunk"], best)
        if kw is not None:  # keyword signals from the build's FTS5 table, exactly as the local backend
            out["bm25"] = self._bm25_of(kw.expression, ids)
            out["coverage"], out["words"] = word_shares(self._con, kw.groups, ids, self.n)
            out["power"] = coverage_power(query)
            out["negated"] = negates(query)
            if mode == "hybrid":
                out["pairs"] = pair_share(self._con, kw.terms, ids)
                out["ordinals"] = ordinal_share(self._con, query_ordinals(query), ids)
                out["scale"] = self._scale_of(ids)
                out["titled"] = self._titled(kw.groups, ids, out["coverage"])
        return Signals(**out)

    def best_cosine(self, query: str) -> float | None:
        """The best sentence cosine anywhere in the index, as the local ranker gives it: one search of
        the sentences collection for its single best (the weak-match check's reference; without it
        that check ran a whole dense ranking and took the best sentence of its top five, which can
        miss the index's best sentence when its chunk ranks lower by the dense score)."""
        hits = self.milvus.dense(self._embed(split_exclusions(query).rest), 1, sentences=True)
        return hits[0][1] if hits else None

    def _candidates(self, qvec: np.ndarray | None, kw, allowed: set[int] | None,
                    depth: int) -> tuple[np.ndarray, dict[int, float], dict[int, float]]:
        """(candidate ids, chunk cosines and best-sentence cosines the engine returned).

        Where the local backend scores every chunk (an index of up to ``EXACT_LIMIT`` chunks, or
        a filter), the candidates are what decides its ranking: the ``POOL`` best by the keyword
        score (all keyword matches ranked in the store, as there) and by chunk and sentence
        vector (Milvus), so the pool the hybrid score is z-scored over, and hence every score,
        is the local backend's. Above, they are the best ``depth`` of each, as there.
        """
        every = allowed is not None or self.n <= EXACT_LIMIT
        ids = self._keyword_candidates(kw, allowed, every, depth) if kw is not None else set()
        chunk_hits: dict[int, float] = {}
        sent_hits: dict[int, float] = {}
        if qvec is not None:
            deep = fusion.POOL if every else depth
            expr = id_expression(allowed) if allowed is not None else ""
            chunk_hits = dict(self.milvus.dense(qvec, deep, expr))
            sexpr = id_expression(allowed, "chunk_id") if allowed is not None else ""
            for cid, score in self.milvus.dense(qvec, 3 * deep, sexpr, sentences=True):
                sent_hits[cid] = max(score, sent_hits.get(cid, -np.inf))
        ids |= chunk_hits.keys() | sent_hits.keys()
        return np.array(sorted(ids), dtype="int64"), chunk_hits, sent_hits

    def _keyword_candidates(self, kw, allowed: set[int] | None, every: bool, depth: int) -> set[int]:
        """The chunks the keyword side brings: the best by BM25 × coverage among every match
        (with the one of highest coverage, which sets BM25's weight), by the plain coverage (BM25
        mode) and by the one counting title words (hybrid), or the best ``depth`` by BM25."""
        bm = bm25_scores(self._con, kw.expression, self.n if every else depth, bm25_table(self._con))
        if allowed is not None:
            bm = [(i, s) for i, s in bm if i in allowed]
        if not every or len(bm) <= fusion.POOL:
            return {i for i, _ in bm}
        ids = np.array(sorted(i for i, _ in bm), dtype="int64")
        scores = dict(bm)
        bm25 = np.array([scores[int(i)] for i in ids])
        coverage = word_shares(self._con, kw.groups, ids, self.n)[0]
        titled = self._titled(kw.groups, ids, coverage)  # the hybrid's coverage (``search.title_words``)
        out: set[int] = set()
        for cover in (coverage, titled) if titled is not None else (coverage,):
            best = fusion.best_with_ties(bm25 * cover, fusion.POOL)  # as the pool keeps them
            out |= {int(i) for i in ids[best]} | {int(ids[int(np.argmax(cover))])}
        return out

    def _bm25_of(self, expression: str, ids: np.ndarray) -> np.ndarray:
        """The candidates' BM25 scores as the local backend gives them (FTS5 over the build's store).

        Milvus's own BM25 picks the candidates; their scores come from the store, whose statistics
        every build writes anew: Milvus's depend on its segments (per segment on Lite) and count
        deleted rows until compaction, so they drift as documents are updated in place.
        """
        out = np.zeros(len(ids))
        if not expression or not len(ids):
            return out
        scores: dict[int, float] = {}
        table = bm25_table(self._con)
        for at in range(0, len(ids), ID_BATCH):
            part = ",".join(str(int(i)) for i in ids[at:at + ID_BATCH])
            scores.update((int(r[0]), -float(r[1])) for r in self._con.execute(
                f"SELECT rowid, {bm25_call(table)} FROM {table} WHERE {table} MATCH ? AND rowid IN ({part})",
                (expression,)))
        return np.array([scores.get(int(i), 0.0) for i in ids])

    def _documents(self) -> np.ndarray:
        """Each chunk's document as a small integer, indexed by row id (``Ranker._documents``)."""
        self._load_layout()
        return self._docs

    def _tie_order(self, ids: np.ndarray) -> np.ndarray:
        """Each chunk's place in the build's document order (as ``Searcher.chunks`` lists them), so
        identical texts resolve to the copy a fresh ingest would pick, whatever ids they have."""
        self._load_layout()
        return self._place[ids]

    def _load_layout(self) -> None:
        """Per row id (the ids of an incrementally updated build have gaps, holding -1): its
        document's number and its place in the build's document order."""
        if self._docs is not None:
            return
        rows = self._con.execute("SELECT c.id, c.symbol FROM chunks c LEFT JOIN documents d ON d.symbol = c.symbol "
                                 "ORDER BY d.rowid, c.id").fetchall()
        ids = np.array([r[0] for r in rows], dtype="int64")
        size = int(ids.max()) + 1 if len(ids) else 0
        docs, place = np.full(size, -1, dtype="int32"), np.full(size, -1, dtype="int64")
        if len(ids):
            docs[ids] = np.unique(np.array([r[1] for r in rows], dtype=object), return_inverse=True)[1]
            place[ids] = np.arange(len(ids))
        self._docs, self._place = docs, place

    def _all_ids(self) -> np.ndarray:
        """Every chunk's row id (a Milvus build keeps documents' ids across ingests: not 0..n-1)."""
        if getattr(self, "_ids", None) is None:
            self._ids = np.array([r[0] for r in self._con.execute("SELECT id FROM chunks ORDER BY id")], dtype="int64")
        return self._ids

    @staticmethod
    def _known_or_scored(ids: np.ndarray, known: dict[int, float], score) -> np.ndarray:
        """Scores the engine returned where it did, ``score(rest)`` for the other ids.

        A chunk with one sentence among the engine's best has its best sentence among them, so
        only chunks found by another signal need their vectors fetched.
        """
        out = np.array([known.get(int(i), np.nan) for i in ids], dtype="float64")
        rest = np.isnan(out)
        if rest.any():
            out[rest] = score(ids[rest])
        return out

    def _chunk_cosines(self, qvec: np.ndarray, ids: np.ndarray) -> np.ndarray:
        if not len(ids):
            return np.zeros(0)
        return (self.records.vectors(ids) @ qvec[0]).astype("float64")

    def _vectors_of(self, ids: np.ndarray) -> np.ndarray:
        """The chunk vectors of ``ids`` from Milvus (no FAISS file in a Milvus build)."""
        return self.records.vectors(np.asarray(ids, dtype="int64"))

    def _sentence_best(self, qvec: np.ndarray, ids: np.ndarray) -> np.ndarray:
        best = np.full(len(ids), np.nan)
        if not len(ids):
            return best
        owners, vecs = self.records.sentences(ids)
        if not len(owners):
            return best
        np.fmax.at(best, np.searchsorted(ids, owners), vecs @ qvec[0])
        return best

    def _best_sentence_spans(self, qvec: np.ndarray, ids: np.ndarray) -> dict[int, tuple[int, int]]:
        """As the local ranker's, with the sentence vectors fetched from Milvus by id."""
        if not len(ids):
            return {}
        rows = self._con.execute(f"SELECT id, chunk_id, start, end FROM sentences WHERE chunk_id IN "
                                 f"({','.join(map(str, ids.tolist()))}) ORDER BY id").fetchall()
        vecs = self.milvus.sentence_vectors_by_id(np.array([r[0] for r in rows], dtype="int64"))
        rows = [r for r in rows if r[0] in vecs]
        if not rows:
            return {}
        cos = np.vstack([vecs[r[0]] for r in rows]) @ qvec[0]
        return best_spans([r[1:] for r in rows], cos)

    def close(self) -> None:
        self.milvus.close()

