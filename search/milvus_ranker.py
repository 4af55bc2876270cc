"""Ranking over a Milvus-backed index (issue #17): Milvus finds the candidates, paracite scores them.

Milvus returns the best chunks by chunk vector, by sentence vector and by BM25 (over words
stemmed as FTS5 stems them, ``index.milvus.tokens``), narrowed by the filters as an expression
(a document's chunks are consecutive row ids, so ``--doc`` is one range; row ids are kept
across incremental ingests, ``index.milvus.layout``). paracite then scores
the union exactly as the local backend does (``search.ranking.Signals``): each candidate's chunk
cosine and best-sentence cosine from its stored vectors, its BM25 score (from the build's FTS5
table, as the local backend scores it), and the share of the
query's words it contains (counted here on the candidates' own text). A filter that leaves few
chunks (``EXACT_ALLOWED``) makes every one of them a candidate, as the local backend does, so
filtered searches give the same hits on both backends.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Callable

import numpy as np

from index.milvus import MilvusReader, id_expression, stem_texts

from .bm25 import keyword_query
from .fusion import coverage_power, negates
from .milvus_cache import ChunkRecords
from .ordinal_match import ordinal_share, query_ordinals
from .phrases import pair_share_in_words
from .ranking import Ranker, Signals

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
        depth = max(100, 5 * k)
        kw = keyword_query(query, self.acronyms) if mode in ("bm25", "hybrid") else None
        qvec = self._embed(query) if mode in ("dense", "hybrid") else None
        expr = id_expression(allowed) if allowed is not None else ""
        size = len(allowed) if allowed is not None else self.n
        exact = size <= EXACT_ALLOWED  # few chunks: every one is a candidate, as in the local backend
        words = _query_words(kw) if kw is not None and not exact else []
        bm = dict(self.milvus.bm25(words, min(size, depth), expr)) if words else {}
        chunk_hits: dict[int, float] = {}
        sent_hits: dict[int, float] = {}  # chunk → its best sentence among the engine's hits
        if exact:
            ids = np.array(sorted(allowed), dtype="int64") if allowed is not None else self._all_ids()
        else:
            if qvec is not None:
                chunk_hits = dict(self.milvus.dense(qvec, depth, expr))
                sexpr = id_expression(allowed, "chunk_id") if allowed is not None else ""
                for cid, score in self.milvus.dense(qvec, 3 * depth, sexpr, sentences=True):
                    sent_hits[cid] = max(score, sent_hits.get(cid, -np.inf))
            ids = np.array(sorted(set(bm) | set(chunk_hits) | set(sent_hits)), dtype="int64")
        out = {"ids": ids}
        if qvec is not None:
            out["chunk"] = self._known_or_scored(ids, chunk_hits, lambda rest: self._chunk_cosines(qvec, rest))
            best = self._known_or_scored(ids, sent_hits, lambda rest: self._sentence_best(qvec, rest))
            out["sentence"] = np.where(np.isnan(best), out["chunk"], best)
        if kw is not None:
            out["bm25"] = self._bm25_of(kw.expression, ids)
            out["coverage"] = self._coverage_of(query, kw, ids)
            out["power"] = coverage_power(query)
            out["negated"] = negates(query)
            if mode == "hybrid":
                stems = [" ".join(t) for t in stem_texts(kw.terms)]
                out["pairs"] = pair_share_in_words(stems, self.records.words(ids)) if len(ids) else np.zeros(0)
                out["ordinals"] = ordinal_share(self._con, query_ordinals(query), ids)
                out["scale"] = self._scale_of(ids)
        return Signals(**out)

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
        for at in range(0, len(ids), ID_BATCH):
            part = ",".join(str(int(i)) for i in ids[at:at + ID_BATCH])
            scores.update((int(r[0]), -float(r[1])) for r in self._con.execute(
                f"SELECT rowid, bm25(chunks_fts, 1.0, 1.0) FROM chunks_fts WHERE chunks_fts MATCH ? AND rowid IN ({part})",
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

    def _coverage_of(self, query: str, kw, ids: np.ndarray) -> np.ndarray:
        """Each candidate's share of the query's content words (a term or its acronym's name)."""
        if not len(ids) or not kw.terms:
            return np.zeros(len(ids))
        forward = self.acronyms.expand(query)
        alts = [[t, *(p for s, p in forward.items() if s.lower() == t)] for t in kw.terms]
        stems = iter(stem_texts(a for group in alts for a in group))
        groups = [[" " + " ".join(w) + " " for w in [next(stems) for _ in group] if w] for group in alts]
        texts = self.records.words(ids)
        counts = np.zeros(len(ids))
        for alts in groups:
            counts += [any(alt in words for alt in alts) for words in texts]
        return counts / max(1, len(kw.terms))

    def close(self) -> None:
        self.milvus.close()


def _query_words(kw) -> list[str]:
    """The stemmed words Milvus's BM25 field is searched with: terms and acronym expansions."""
    words = [w for part in stem_texts([*kw.terms, *kw.expansions]) for w in part]
    return list(dict.fromkeys(w for w in words if re.fullmatch(r"\w+", w)))
