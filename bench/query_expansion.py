"""Query expansion from the index's own vocabulary with the embedding model (issues #12, #15).

A measuring aid for ``bench/agreement_ablation.py --only expand``: measured on every dev set and
not kept (docs/retrieval-log.md, measured and not kept), so the search path does not
use it.

A paraphrase uses words the documents do not ("bigotry and hostility toward foreigners" for a
paragraph on "xenophobia" and "discrimination"), so BM25 finds nothing for them. Each distinct
word of the index (one surface form per FTS5 stem, seen in at least ``MIN_DF`` chunks, no
numbers or stopwords) is embedded once with the same model as the chunks; a query word that is
rare or absent in the index is replaced on the keyword side by its nearest index words (cosine
at least ``MIN_COSINE``, at most ``TOP`` of them), which count at a reduced weight.

The vocabulary is built on first use (a few thousand single words: seconds) and kept in memory;
``cache`` names a file to keep it in between runs.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from search.bm25 import STOPWORDS, bm25_scores, keyword_query, matching_arrays, quote
from search.fusion import pooled_hybrid_score
from search.phrases import PAIR_BONUS

#: A word must appear in at least this many chunks to be an expansion (OCR junk, typos, names
#: met once do not).
MIN_DF = 3
#: A query word in at most this many chunks is expanded (0: only words the index lacks).
RARE_DF = 0
#: Neighbours closer than this cosine (single-word embeddings) are kept.
MIN_COSINE = 0.5
#: At most this many neighbours per query word.
TOP = 3

_WORD = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class Vocabulary:
    """Index words with their vectors, and each stem's chunk count."""

    words: tuple[str, ...]  # surface forms, one per stem
    stems: tuple[str, ...]  # aligned with ``words``
    vectors: np.ndarray  # unit rows aligned with ``words``
    df: dict[str, int]  # every stem of the index → chunks holding it

    @classmethod
    def build(cls, con: sqlite3.Connection, embed: Callable[[list[str]], np.ndarray],
              cache: Path | None = None) -> "Vocabulary":
        df = stem_counts(con)
        if cache is not None and cache.exists():
            got = np.load(cache, allow_pickle=False)
            return cls(tuple(got["words"].tolist()), tuple(got["stems"].tolist()), got["vectors"], df)
        words, stems = surface_forms(con, df)
        vectors = embed(list(words)) if words else np.zeros((0, 1), dtype="float32")
        if cache is not None:
            np.savez(cache, words=np.array(words), stems=np.array(stems), vectors=vectors)
        return cls(words, stems, np.asarray(vectors, dtype="float32"), df)

    def neighbours(self, vector: np.ndarray, own_stem: str, top: int = TOP, min_cosine: float = MIN_COSINE,
                   max_df: int | None = None) -> list[tuple[str, float]]:
        """The index words nearest ``vector`` (not of ``own_stem``; in at most ``max_df`` chunks),
        best first."""
        if not len(self.words):
            return []
        sims = self.vectors @ vector
        order = np.argsort(-sims)[:top + 20]
        return [(self.words[i], float(sims[i])) for i in order
                if sims[i] >= min_cosine and self.stems[i] != own_stem
                and (max_df is None or self.df.get(self.stems[i], 0) <= max_df)][:top]


def stem_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Every FTS5 stem of the index with the number of chunks holding it."""
    con.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.expansion_vocab USING fts5vocab(main, 'chunks_fts', 'row')")
    return {t: int(d) for t, d in con.execute("SELECT term, doc FROM temp.expansion_vocab")}


def surface_forms(con: sqlite3.Connection, df: dict[str, int], min_df: int = MIN_DF) -> tuple[tuple, tuple]:
    """The commonest written form of each stem in at least ``min_df`` chunks (letters only)."""
    from search.terms import tokenize

    counts: dict[str, int] = {}
    for (text,) in con.execute("SELECT text FROM chunks"):
        for w in _WORD.findall(text):
            w = w.lower()
            if w not in STOPWORDS:
                counts[w] = counts.get(w, 0) + 1
    words = sorted(counts)
    best: dict[str, str] = {}
    for w, toks in zip(words, tokenize(words)):
        if len(toks) != 1 or df.get(toks[0].stem, 0) < min_df:
            continue
        s = toks[0].stem
        if s not in best or counts[w] > counts[best[s]]:
            best[s] = w
    stems = tuple(sorted(best))
    return tuple(best[s] for s in stems), stems


@dataclass(frozen=True)
class Expansion:
    """A query word and the index words that stand in for it."""

    term: str
    neighbours: tuple[tuple[str, float], ...]


def expand(terms: list[str], vocab: Vocabulary, embed: Callable[[list[str]], np.ndarray],
           rare_df: int = RARE_DF, top: int = TOP, min_cosine: float = MIN_COSINE,
           max_df: int | None = None) -> list[Expansion]:
    """The expansions of the query's rare words (letters only, in at most ``rare_df`` chunks)."""
    from search.terms import tokenize

    cands = [t for t in terms if _WORD.fullmatch(t)]
    if not cands:
        return []
    stems = [toks[0].stem if toks else t for t, toks in zip(cands, tokenize(cands))]
    rare = [(t, s) for t, s in zip(cands, stems) if vocab.df.get(s, 0) <= rare_df]
    if not rare:
        return []
    vecs = embed([t for t, _ in rare])
    out = []
    for (t, s), v in zip(rare, vecs):
        near = vocab.neighbours(v, s, top, min_cosine, max_df)
        if near:
            out.append(Expansion(t, tuple(near)))
    return out


# -- variants for bench/agreement_ablation.py ------------------------------------------------

_VOCAB: dict = {}
_WORDVEC: dict = {}


def vocabulary(cx):
    """The index's embedded vocabulary (``query_expansion``), built once per index and cached in
    /tmp (never in the index folder, which may be read-only)."""
    from search.dense import embed_texts
    if id(cx) not in _VOCAB:
        import hashlib
        import time
        key = hashlib.sha1(str(cx.s.folder).encode()).hexdigest()[:10]
        cache = Path("/tmp") / f"paracite_vocab_{key}.npz"
        t = time.perf_counter()
        _VOCAB[id(cx)] = Vocabulary.build(cx.s.store, lambda ws: embed_texts(ws, cx.s._model), cache)
        print(f"# vocabulary of {cx.s.folder}: {len(_VOCAB[id(cx)].words)} words "
              f"({len(_VOCAB[id(cx)].df)} stems), {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return _VOCAB[id(cx)]


def embed_words(cx, ws):
    from search.dense import embed_texts
    todo = [w for w in ws if w not in _WORDVEC]
    if todo:
        for w, v in zip(todo, embed_texts(todo, cx.s._model)):
            _WORDVEC[w] = v
    return np.array([_WORDVEC[w] for w in ws])


def named(q, term):
    """Whether ``term`` is written with a capital in the query other than as its first word
    (a name or acronym: its neighbours are other names)."""
    for m in re.finditer(r"[\w’'-]+", q):
        if term in m.group().lower() and any(c.isupper() for c in m.group()) and \
                (m.start() > 0 or sum(c.isupper() for c in m.group()) > 1):
            return True
    return False


def expansions(cx, q, rare_df, top, min_cos, max_share=None):
    terms = [t for t in keyword_query(q, cx.rk.acronyms).terms if not named(q, t)]
    max_df = None if max_share is None else max(MIN_DF, int(max_share * cx.n))
    return expand(terms, vocabulary(cx), lambda ws: embed_words(cx, ws), rare_df, top, min_cos, max_df)


def expanded(cx, sig, q, h, rare_df=0, top=3, min_cos=0.5, weight=0.4, cov_weight=None, by_cos=False,
             raise_weight=False, dense_mix=0.0, below=None, max_share=None):
    """Hybrid score with the query's rare words expanded into their nearest index words: their
    BM25 (× ``weight``, × cosine given ``by_cos``) added to the keyword score, a chunk matching
    only a neighbour counting ``cov_weight`` of that word in its coverage; ``raise_weight``: BM25's
    hybrid weight follows the expanded best coverage; ``dense_mix``: the query embedded again with
    the neighbours appended, its cosines mixed in by that share; ``below``: only when the best
    coverage is under it; ``max_share``: neighbours in at most that share of the chunks."""
    if below is not None and sig.best_coverage >= below:
        return h
    exps = expansions(cx, q, rare_df, top, min_cos, max_share)
    if not exps:
        return h
    if len(sig.ids) != cx.n:
        return h
    cov_weight = weight if cov_weight is None else cov_weight
    kw = keyword_query(q, cx.rk.acronyms)
    groups = list(kw.terms)
    counts = sig.coverage * max(1, len(kw.groups))
    extra_bm = np.zeros(cx.n)
    sentence, chunk = sig.sentence, sig.chunk
    for e in exps:
        expr = " OR ".join(quote(w) for w, _ in e.neighbours)
        cos = max(c for _, c in e.neighbours) if by_cos else 1.0
        for rid, score in bm25_scores(cx.s.store, expr, cx.n):
            extra_bm[rid] += weight * cos * score
        if e.term in groups:
            own = matching_arrays(cx.s.store, [quote(e.term)])[0]
            got = np.setdiff1d(matching_arrays(cx.s.store, [expr])[0], own)
            if len(got):
                counts[got] += cov_weight * cos
    coverage = counts / max(1, len(kw.groups))
    keyword = (sig.bm25 + extra_bm) * coverage
    best = float(coverage.max()) if raise_weight else sig.best_coverage
    if dense_mix:
        text = q + " " + " ".join(w for e in exps for w, _ in e.neighbours)
        v = cx.rk._embed(text)
        c2 = cx.rk._chunk_cosines(v, sig.ids)
        b2 = cx.rk._sentence_best(v, sig.ids)
        s2 = np.where(np.isnan(b2), c2, b2)
        sentence = (1 - dense_mix) * sentence + dense_mix * s2
        chunk = (1 - dense_mix) * chunk + dense_mix * c2
    return pooled_hybrid_score(sentence, chunk, keyword, best, power=sig.power,
                               negated=sig.negated) + (0.0 if sig.pairs is None else PAIR_BONUS * sig.pairs)


def expansion_variants() -> dict:
    out = {}
    for rare in (0, 5):
        for mc in (0.5, 0.6):
            for w in (0.3, 0.5):
                out[f"expand df<={rare} cos>={mc} top3 w{w}"] = \
                    lambda cx, sig, q, h, rare=rare, mc=mc, w=w: expanded(cx, sig, q, h, rare, 3, mc, w)
            out[f"expand df<={rare} cos>={mc} top1 w0.5"] = \
                lambda cx, sig, q, h, rare=rare, mc=mc: expanded(cx, sig, q, h, rare, 1, mc, 0.5)
            out[f"expand df<={rare} cos>={mc} top3 w0.5 x cos"] = \
                lambda cx, sig, q, h, rare=rare, mc=mc: expanded(cx, sig, q, h, rare, 3, mc, 0.5, by_cos=True)
            out[f"expand df<={rare} cos>={mc} top3 w0.5 hybrid weight raised"] = \
                lambda cx, sig, q, h, rare=rare, mc=mc: expanded(cx, sig, q, h, rare, 3, mc, 0.5, raise_weight=True)
            out[f"expand df<={rare} cos>={mc} top3 w0.5 no coverage credit"] = \
                lambda cx, sig, q, h, rare=rare, mc=mc: expanded(cx, sig, q, h, rare, 3, mc, 0.5, cov_weight=0.0)
            for mix in (0.3, 0.5):
                out[f"expand df<={rare} cos>={mc} top3 dense only, mix {mix}"] = \
                    lambda cx, sig, q, h, rare=rare, mc=mc, mix=mix: expanded(cx, sig, q, h, rare, 3, mc, 0.0, cov_weight=0.0,
                                                                          dense_mix=mix)
    for below in (0.5, 0.7):
        for rare in (0, 5, 50):
            for ms in (None, 0.02):
                out[f"expand v3 coverage<{below} df<={rare} cos>=0.5 top3 w0.3 nbr share<={ms}"] = \
                    lambda cx, sig, q, h, below=below, rare=rare, ms=ms: expanded(cx, sig, q, h, rare, 3, 0.5, 0.3,
                                                                                 below=below, max_share=ms)
    for rare in (0, 5):
        out[f"expand v3 df<={rare} cos>=0.5 top3 w0.3 nbr share<=0.02"] = \
            lambda cx, sig, q, h, rare=rare: expanded(cx, sig, q, h, rare, 3, 0.5, 0.3, max_share=0.02)
    for mc in (0.7, 0.75):
        for w in (0.3, 0.5):
            out[f"expand v2 df<=0 cos>={mc} top3 w{w}"] = \
                lambda cx, sig, q, h, mc=mc, w=w: expanded(cx, sig, q, h, 0, 3, mc, w)
        out[f"expand v2 df<=0 cos>={mc} top3 w0.5 hybrid weight raised"] = \
            lambda cx, sig, q, h, mc=mc: expanded(cx, sig, q, h, 0, 3, mc, 0.5, raise_weight=True)
        out[f"expand v2 df<=0 cos>={mc} top3 dense only, mix 0.3"] = \
            lambda cx, sig, q, h, mc=mc: expanded(cx, sig, q, h, 0, 3, mc, 0.0, cov_weight=0.0, dense_mix=0.3)
    return out
