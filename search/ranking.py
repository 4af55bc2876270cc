"""Rank an index's chunks for a query: dense, BM25, or both fused (issue #5).

- **dense**: the query embedding against each chunk's vector *and* each of its sentences'
  vectors (``sentences.faiss``); a chunk scores by its best sentence mostly. One sentence of a
  long paragraph often carries the answer, and a whole-paragraph vector dilutes it (or cuts it:
  the model reads 256 word pieces). On the dev queries this took dense MRR@10 from 0.60 to 0.81.
- **bm25**: FTS5 BM25 over the query's content words and acronym expansions, times the share
  of those words the chunk contains (``search.bm25``).
- **hybrid** (default): both, z-scored over a pool of the best candidates by each, with a BM25
  weight that follows how much of the query's wording the documents use (``search.fusion``; a
  word the chunk's title holds counts there, by its rarity among titles: ``search.title_words``);
  in a library each further chunk of one document steps down a little, so one document does not
  fill the top ten, and the best 50 are re-ordered a little by their document's best score and
  their hubness stored at ingest (``search.head_rerank``, issue #12), and the top ten re-ordered
  so that a near-repeat of a chunk above it gives up a little (``search.near_repeats``); a chunk
  that lacks an ordinal the query names ("the third round table") gives up a little
  (``search.ordinal_match``).

Every mode then folds near-identical chunks into the hit ranked first (``search.duplicates``).

Per query this costs one embedding, two matrix-vector products over the candidates' vectors and
a few FTS5 lookups; no other model runs.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

import numpy as np

from paracite.errors import IndexMismatch
from index.sentences import SENTENCES_NAME
from index.vectors import read_mapped

from .blas_threads import one_blas_thread
from .bm25 import Acronyms, keyword_query, plain_rows, scores_at
from .chunk_table import ChunkTable
from .doc_reliability import chunk_scales
from .duplicates import collapse
from .sorted_unique import sorted_unique
from .exclusion import split_exclusions
from .initials import unwritten_acronyms
from .fusion import COVERAGE_POWER, coverage_power, dense_score, negates, pooled_hybrid_score, spread_documents
from .head_rerank import rerank_head
from .kind_prior import apply_kind_prior
from .near_repeats import SPREADING, spread_repeats
from .negation_cue import cue_ranked, sentence_spans
from .ordinal_match import ordinal_penalty, ordinal_share, query_ordinals
from .phrases import PAIR_BONUS, pair_share
from .title_words import TitledCoverage
from .keyword_lookups import KeywordLookups
from .word_shares import word_shares

#: Up to this many chunks, every chunk is a candidate (exact). Above, the candidates are the
#: union of the best ``depth`` of each ranking.
EXACT_LIMIT = 20_000
#: How many of the best chunks are sorted and looked through for near-identical ones.
DISTINCT_DEPTH = 200


@dataclass(frozen=True)
class Signals:
    """Every score of every candidate, aligned with ``ids`` (for ranking and for measuring)."""

    ids: np.ndarray
    chunk: np.ndarray | None = None  # cosine of the chunk vector
    sentence: np.ndarray | None = None  # cosine of the chunk's best sentence
    bm25: np.ndarray | None = None
    coverage: np.ndarray | None = None  # share of the query's content words in the chunk
    words: np.ndarray | None = None  # the same, each word weighted by its rarity (``search.match_strength``)
    power: float = COVERAGE_POWER  # of the best coverage in BM25's hybrid weight (``fusion.coverage_power``)
    negated: bool = False  # the query negates or contrasts (``fusion.negates``)
    pairs: np.ndarray | None = None  # share of the query's adjacent word pairs held near each other (hybrid)
    ordinals: np.ndarray | None = None  # share of the query's ordinals held (hybrid; None: the query has none)
    scale: np.ndarray | None = None  # factor on BM25's weight by the chunk's document (hybrid; ``fusion.bm25_scale``)
    titled: np.ndarray | None = None  # coverage with the title's rare words counted (hybrid; ``search.title_words``)

    @property
    def best_coverage(self) -> float:
        """The largest share of the query's content words that one candidate contains."""
        return float(self.coverage.max()) if self.coverage is not None and len(self.coverage) else 0.0

    def dense(self) -> np.ndarray:
        return dense_score(self.sentence, self.chunk)

    def keyword(self) -> np.ndarray:
        return self.bm25 * self.coverage

    def scores(self, mode: str) -> np.ndarray:
        if mode == "dense":
            return self.dense()
        if mode == "bm25":
            return self.keyword()
        cover = self.coverage if self.titled is None else self.titled  # the hybrid counts title words
        best = float(cover.max()) if len(cover) else 0.0
        fused = pooled_hybrid_score(self.sentence, self.chunk, self.bm25 * cover, best, power=self.power,
                                    negated=self.negated, scale=self.scale)
        if self.pairs is not None:
            fused = fused + PAIR_BONUS * self.pairs
        return fused - ordinal_penalty(self.ordinals)


class Ranker:
    """Ranks the chunks of one build. Vectors and tables load on first use and stay loaded."""

    def __init__(self, con: sqlite3.Connection, folder: Path, chunk_index: Callable[[], object],
                 embed: Callable[[str], np.ndarray], n_chunks: int):
        self._con = con
        self._folder = folder
        self._chunk_index = chunk_index
        self._embed = embed
        self.n = n_chunks
        self._chunk_matrix = None
        self._sent = None  # see _sentences()
        self._acronyms = None
        self._spelled: dict[str, str | None] = {}  # acronyms the index never writes → their phrase
        self._docs = None  # see _documents()
        self._preamble = self._page_cited = None  # row ids: preambular paragraphs (issue 20), text cited by page (#15)
        self._hub: np.ndarray | None = None  # see _hubness()
        self._hub_loaded = False
        self._scale: np.ndarray | None | bool = False  # see _scale_of(); False: not loaded yet
        self._titled = TitledCoverage(con, lambda: self._chunk_table)  # the hybrid's coverage with title words
        self._last_best: tuple[np.ndarray, float] | None = None  # see best_cosine()
        self._last: tuple[str, Signals] | None = None  # see last_signals()
        self._keywords = KeywordLookups(con)  # FTS5 look-ups, what they found kept across queries
        self._all_runs: tuple[np.ndarray, np.ndarray] | None = None  # see _sentence_best()

    # -- public ----------------------------------------------------------------------------
    def rank(self, query: str, mode: str, allowed: set[int] | None, k: int,
             limit: int | None = None) -> list[tuple[int, float]]:
        """(row id, score) pairs, best first (the best ``limit`` of them, or all). BM25 returns only
        chunks sharing a word with the query. What the query sets aside ("apart from X") is not
        searched for (``search.exclusion``); an acronym the index never writes is searched as the
        words it abbreviates there (``search.initials``)."""
        query = split_exclusions(query).rest
        self.acronyms.names.update(unwritten_acronyms(self._con, query, self.acronyms.names, self._spelled))
        with one_blas_thread():
            sig = self.signals(query, mode, allowed, k)
        self._last = (query, sig)
        if self._preamble is None:
            self._preamble, self._page_cited = self._chunk_table.preamble, self._chunk_table.page_cited
        fused = sig.scores(mode)
        scores = apply_kind_prior(sig.ids, fused, mode, self._preamble, self._page_cited)
        if mode == "hybrid":
            scores = _library_steps(self, query, sig, fused, scores)
        keep = scores > 0 if mode == "bm25" else np.ones(len(scores), dtype=bool)
        ids, scores = sig.ids[keep], scores[keep]
        if limit is not None and len(scores) > 2 * limit:  # a library: sort only the head
            cut = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            ids, scores = ids[scores >= cut], scores[scores >= cut]
        order = np.lexsort((self._tie_order(ids), -scores))[:limit]
        return list(zip(ids[order].tolist(), scores[order].tolist()))

    def rank_distinct(self, query: str, mode: str, allowed: set[int] | None,
                      k: int) -> list[tuple[int, float, tuple[str, ...]]]:
        """The best ``k`` distinct chunks: (row id, score, citations of near-identical chunks ranked
        lower), so one text repeated across a library takes one place (``search.duplicates``)."""
        ranked = self.rank(query, mode, allowed, k, limit=max(DISTINCT_DEPTH, 10 * k))
        return [(i, score, tuple(self._citation(d) for d in dups))
                for i, score, dups in collapse(ranked, k, self._vectors_of, self._texts_of)]

    def strengths(self, query: str, ids: list[int]) -> dict[int, tuple[float, float]]:
        """Each chunk's (best sentence cosine, share of the query's content words it holds, each
        word weighted by its rarity), measured afresh: ``search.match_strength`` reads them from
        the ranking's ``Signals`` where it can and asks here for what they lack."""
        if not ids:
            return {}
        query = split_exclusions(query).rest
        at = np.array(sorted(set(ids)), dtype="int64")
        qvec = self._embed(query)
        cos = self._sentence_best(qvec, at)
        cos = np.where(np.isnan(cos), self._chunk_cosines(qvec, at), cos)
        words = word_shares(self._con, keyword_query(query, self.acronyms).groups, at, self.n, self._keywords.kept)[1]
        return {int(i): (float(c), float(w)) for i, c, w in zip(at, cos, words)}

    def last_signals(self, query: str) -> Signals | None:
        """The signals of the last ranking if it ranked ``query`` (as ``rank`` was given it), so the
        weak-match check reads its measures there rather than looking them up again."""
        query = split_exclusions(query).rest
        return self._last[1] if self._last is not None and self._last[0] == query else None

    def best_cosine(self, query: str) -> float | None:
        """The best sentence cosine anywhere in the index for ``query`` (one look-up in the sentence
        index), or None where there is no local sentence index (then ``search.match_strength`` asks
        the dense ranking)."""
        sent = self._sentences()
        if not sent:
            return None
        qvec = self._embed(split_exclusions(query).rest)
        if self._last_best is not None and self._last_best[0] is qvec:  # the ranking just scored every sentence
            return self._last_best[1]
        scores, _ = sent[0].search(qvec, 1)
        return float(scores[0][0]) if scores.size else None

    def signals(self, query: str, mode: str, allowed: set[int] | None, k: int) -> Signals:
        """The candidates of ``query`` and the scores ``mode`` needs."""
        depth = max(100, 5 * k)
        exact = allowed is not None or self.n <= EXACT_LIMIT
        kw = keyword_query(query, self.acronyms) if mode in ("bm25", "hybrid") else None
        bm = self._keywords.matches(kw, None if exact else depth)
        qvec = self._embed(query) if mode in ("dense", "hybrid") else None
        if allowed is not None:
            ids = np.array(sorted(allowed), dtype="int64")
        elif exact:
            ids = np.arange(self.n, dtype="int64")
        elif qvec is None:
            ids = sorted_unique(bm[0])
        else:
            ids = self._candidates(qvec, bm[0], depth)
        out = {"ids": ids}
        if qvec is not None:
            out["chunk"] = self._chunk_cosines(qvec, ids)
            best = self._sentence_best(qvec, ids)
            out["sentence"] = np.where(np.isnan(best), out["chunk"], best)
        if kw is not None:
            out["bm25"] = scores_at(ids, *bm)
            kept = self._keywords.kept
            out["coverage"], out["words"] = word_shares(self._con, kw.groups, ids, self.n, kept)
            out["power"] = coverage_power(query)
            out["negated"] = negates(query)
            if mode == "hybrid":
                out["pairs"] = pair_share(self._con, kw.terms, ids, kept)
                out["ordinals"] = ordinal_share(self._con, query_ordinals(query), ids, kept)
                out["scale"] = self._scale_of(ids)
                out["titled"] = self._titled(kw.groups, ids, out["coverage"], kept)
        return Signals(**out)

    @property
    def acronyms(self) -> Acronyms:
        if self._acronyms is None:
            self._acronyms = Acronyms.load(self._con)
        return self._acronyms

    def _best_sentence_spans(self, qvec: np.ndarray, ids: np.ndarray) -> dict[int, tuple[int, int]]:
        return sentence_spans(self._con, self._sentences(), qvec, ids)  # (start, end) of each chunk's best

    # -- dense -----------------------------------------------------------------------------
    def _candidates(self, qvec: np.ndarray, keyword_ids: np.ndarray, depth: int) -> np.ndarray:
        """Large corpora: the best ``depth`` chunks by each signal, merged."""
        ids = set(keyword_ids.tolist())
        _, top = self._chunk_index().search(qvec, min(depth, self.n))
        ids.update(int(i) for i in top[0] if i >= 0)
        sent = self._sentences()
        if sent:
            index, chunk_of, _ = sent
            _, top = index.search(qvec, min(3 * depth, index.ntotal))
            ids.update(int(chunk_of[i]) for i in top[0] if i >= 0)
        return np.array(sorted(ids), dtype="int64")

    def _chunk_cosines(self, qvec: np.ndarray, ids: np.ndarray) -> np.ndarray:
        return (self._vectors_of(ids) @ qvec[0]).astype("float64")

    def _vectors_of(self, ids: np.ndarray) -> np.ndarray:
        """The chunk vectors of ``ids``, one row each."""
        index = self._chunk_index()
        if self._chunk_matrix is None:
            self._chunk_matrix = _aligned_matrix(index)  # mapped from the file (``index.vectors``)
        m = self._chunk_matrix
        if m is None:
            return index.reconstruct_batch(np.asarray(ids, dtype="int64"))
        every = len(ids) == len(m) and bool(np.all(ids[:-1] < ids[1:]))  # sorted, all of them
        return m if every else m[ids]

    def _tie_order(self, ids: np.ndarray) -> np.ndarray:
        """Equal scores (identical texts) rank in index order: row id order here."""
        return ids

    @cached_property
    def _chunk_table(self) -> ChunkTable:
        """Each chunk's document and kind, read in one pass (loaded once)."""
        return ChunkTable.read(self._con)

    def _documents(self) -> np.ndarray:
        """Each chunk's document as a small integer, by row id (loaded once)."""
        return self._chunk_table.which

    def _hubness(self) -> np.ndarray | None:
        """Each chunk's z-scored hubness by row id (``index.hubness``), or None for an index built
        before it was stored (loaded once)."""
        if not self._hub_loaded:
            try:
                rows = plain_rows(self._con, "SELECT chunk_id, z FROM hubness")
            except sqlite3.Error:
                rows = []
            if rows:
                at = np.array([r[0] for r in rows], dtype="int64")
                self._hub = np.zeros(max(self.n, int(at.max()) + 1))
                self._hub[at] = [r[1] for r in rows]
            self._hub_loaded = True
        return self._hub

    def _scale_of(self, ids: np.ndarray) -> np.ndarray | None:
        """Each candidate's factor on BM25's weight by its document's dense reliability
        (``search.doc_reliability``), or None for an index built before it was stored."""
        if self._scale is False:
            self._scale = chunk_scales(self._con, self._chunk_table)
        return None if self._scale is None else self._scale[ids]

    def _citation(self, rowid: int) -> str:
        return self._con.execute("SELECT citation FROM chunks WHERE id = ?", (rowid,)).fetchone()[0]

    def _texts_of(self, ids: list[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = self._con.execute(f"SELECT id, text FROM chunks WHERE id IN ({','.join('?' * len(ids))})", ids)
        return {int(i): t for i, t in rows}

    def _sentence_best(self, qvec: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Each candidate's best sentence cosine; NaN for a chunk without sentence vectors."""
        best = np.full(len(ids), np.nan)
        sent = self._sentences()
        if not sent:
            return best
        index, chunk_of, matrix = sent
        rows = np.arange(len(chunk_of)) if len(ids) == self.n else np.nonzero(np.isin(chunk_of, ids))[0]
        if not len(rows):
            return best
        if matrix is None:
            vecs = index.reconstruct_batch(rows)
        else:
            vecs = matrix if len(rows) == len(matrix) else matrix[rows]
        sims = vecs @ qvec[0]
        every = len(rows) == len(chunk_of)
        if every:  # every sentence scored: the index's best is known for free; their runs found once
            self._last_best = (qvec, float(sims.max()))
            self._all_runs = self._all_runs or _runs(chunk_of)
        starts, heads = self._all_runs if every else _runs(chunk_of[rows])
        per_chunk = np.maximum.reduceat(sims, starts)
        pos = np.searchsorted(ids, heads)
        best[pos] = per_chunk
        return best

    def _sentences(self):
        """(sentence index, chunk id of each sentence, vectors as numpy or None), or False for an
        index built without sentence vectors."""
        if self._sent is None:
            self._sent = self._load_sentences() or False
        return self._sent

    def _load_sentences(self):
        path = self._folder / SENTENCES_NAME
        try:
            chunk_of = np.array([r[0] for r in plain_rows(self._con, "SELECT chunk_id FROM sentences ORDER BY id")],
                                dtype="int64")
        except sqlite3.Error:
            return None  # built before sentence vectors existed: rank by chunk vectors alone
        if not path.exists():
            return None
        import faiss

        try:
            index = read_mapped(faiss, path)
        except Exception:
            raise IndexMismatch(f"{self._folder}: {SENTENCES_NAME} is damaged; "
                                "run `paracite ingest` to rebuild the index") from None
        if index.ntotal != len(chunk_of):
            raise IndexMismatch(f"{self._folder}: {SENTENCES_NAME} holds {index.ntotal} vectors for "
                                f"{len(chunk_of)} sentences; run `paracite ingest` to rebuild the index")
        return index, chunk_of, _aligned_matrix(index)


def _aligned_matrix(index) -> np.ndarray | None:
    """``_flat_matrix`` copied into memory of its own: mapped from the file, the vectors start at an
    odd byte (after FAISS's header), where numpy's products went three times slower."""
    matrix = _flat_matrix(index)
    if matrix is None:
        return None
    out = np.array(matrix, order="C")
    out.flags.writeable = False
    return out


def _library_steps(rk: Ranker, query: str, sig: Signals, fused: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """The fused ranking's last steps: one document's further chunks stepped down, the head
    re-ordered by document evidence and hubness (``search.head_rerank``), for a negating query
    the head's chunks whose best sentence negates raised (``search.negation_cue``), and the top
    ten re-ordered so that a near-repeat of a chunk above it gives up a little (``search.near_repeats``)."""
    docs = rk._documents()[sig.ids]
    hub = rk._hubness()
    scores = rerank_head(spread_documents(scores, docs), fused, docs, None if hub is None else hub[sig.ids])
    if sig.negated:
        qvec = rk._embed(query)
        scores = cue_ranked(rk._con, sig.ids, scores, lambda at: rk._best_sentence_spans(qvec, at))
    if not SPREADING.get():  # ``ask`` gathering evidence (``search.near_repeats.repeats_left_in_place``)
        return scores
    return spread_repeats(scores, sig.ids, rk._tie_order(sig.ids), rk._vectors_of)


def _runs(owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each chunk's run of sentences starts among ``owners`` (the chunk of each), and that chunk."""
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    return starts, owners[starts]


def _flat_matrix(index) -> np.ndarray | None:
    """The vectors of a flat (or HNSW-over-flat) FAISS index as a read-only numpy view, or None."""
    import faiss

    try:
        flat = index if isinstance(index, faiss.IndexFlat) else faiss.downcast_index(index.storage)
        if not isinstance(flat, faiss.IndexFlat):
            return None
        m = faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * flat.d).reshape(flat.ntotal, flat.d)
        m.flags.writeable = False
        return m
    except (AttributeError, RuntimeError, TypeError):
        return None
