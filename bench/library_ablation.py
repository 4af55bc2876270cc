"""What document-level and other evidence adds to ranking in a library (issue #12), measured.

Run: ``python bench/library_ablation.py --library DIR --report DIR [QUERIES.jsonl ...] [--split dev]``

``--library`` is an index of the whole library (the report among its documents), ``--report`` an
index of the bundled report alone (``paracite ingest corpus/A-69-207.txt --index DIR``). Each
variant re-scores the same signals (``search.ranking.Signals``) of every query and ranks through
the searcher's own path (near-duplicates folded, the same hits ``paracite eval`` judges), so the
figures differ only by the scoring rule. Columns: the library queries (default: the ``dev``
lines of ``bench/data/library_queries.jsonl`` and ``bench/data/pdf_dev_queries.jsonl``) ranked
over the library, and the A/69/207 dev and own query sets over the report alone and over the
library (MRR@10 / R@5). Tune on ``dev`` only: the held-out lines are for the final run.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import types
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search import Searcher  # noqa: E402
from search.bm25 import content_terms, keyword_query, matching_arrays  # noqa: E402
from search.evaluate import evaluate, read_queries  # noqa: E402
from search.fusion import (BM25_WEIGHT, POOL, SENTENCE_SHARE, bm25_weight, pool, pooled_hybrid_score, pooled_zscore,  # noqa: E402
                           spread_documents)
from search.kind_prior import PAGE_CITED_PENALTY, apply_kind_prior, page_cited_ids, preamble_ids  # noqa: E402

LIBRARY_QUERIES = [ROOT / "bench/data/library_queries.jsonl", ROOT / "bench/data/pdf_dev_queries.jsonl"]
REPORT_QUERIES = [ROOT / "tests/fixtures/a69207_queries_dev.jsonl", ROOT / "tests/fixtures/a69207_queries_own.jsonl"]
COUNT_QUERY = re.compile(r"(?i)\b(how (many|much)|number of|what (share|percentage|proportion))\b")
NUMBER = re.compile(r"(?i)^(\d+([.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozens?)$")
YEAR = re.compile(r"^(19|20)\d\d$")


class Context:
    """What the variants need of one index beyond the signals: documents, neighbours, vectors."""

    def __init__(self, s: Searcher):
        self.s, self.rk = s, s._ranking()
        if self.rk._preamble is None:
            self.rk._preamble, self.rk._page_cited = preamble_ids(s.store), page_cited_ids(s.store)
        rows = s.store.execute("SELECT symbol, section, text FROM chunks ORDER BY id").fetchall()
        self.doc = self.rk._documents()
        self.n, self.ndocs = len(rows), int(self.doc.max()) + 1
        self.text = [r[2] for r in rows]
        same_prev = np.r_[False, self.doc[1:] == self.doc[:-1]]
        same_next = np.r_[self.doc[:-1] == self.doc[1:], False]
        self.prev = np.where(same_prev, np.arange(self.n) - 1, np.arange(self.n))
        self.next = np.where(same_next, np.arange(self.n) + 1, np.arange(self.n))
        sections: dict = {}
        self.section = np.array([sections.setdefault((self.doc[i], r[1]), len(sections)) for i, r in enumerate(rows)])
        vec = self.rk._vectors_of(np.arange(self.n))
        cent = np.zeros((self.ndocs, vec.shape[1]))
        np.add.at(cent, self.doc, vec)
        self.centroid = cent / np.linalg.norm(cent, axis=1, keepdims=True)
        own = np.einsum("ij,ij->i", vec, self.centroid[self.doc])
        other = vec @ self.centroid.T
        other[np.arange(self.n), self.doc] = -1
        self.distinct = own - (other.max(1) if self.ndocs > 1 else 0)
        self._docfts = None
        self.paged = np.array([", p. " in c for (c,) in s.store.execute("SELECT citation FROM chunks ORDER BY id")])
        numbered_docs = np.zeros(self.ndocs, dtype=bool)
        numbered_docs[self.doc[~self.paged]] = True
        self.stray = self.paged & numbered_docs[self.doc]  # page-cited text in a document that numbers its paragraphs

    def doc_bm25(self, query: str) -> np.ndarray:
        """BM25 of the query over each document as one text (its sections and chunks)."""
        if self._docfts is None:
            con = sqlite3.connect(":memory:")
            con.execute("CREATE VIRTUAL TABLE d USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
            by_doc: dict[int, list[str]] = {}
            for i, (sec, text) in enumerate(self.s.store.execute("SELECT section, text FROM chunks ORDER BY id")):
                by_doc.setdefault(int(self.doc[i]), []).append(sec + " " + text)
            con.executemany("INSERT INTO d(rowid, text) VALUES (?, ?)", [(d, " ".join(t)) for d, t in by_doc.items()])
            self._docfts = con
        out = np.zeros(self.ndocs)
        expr = keyword_query(query, self.rk.acronyms).expression
        if expr:
            for d, score in self._docfts.execute("SELECT rowid, bm25(d) FROM d WHERE d MATCH ?", (expr,)):
                out[d] = -score
        return out


def local_idf(cx: Context, query: str, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each candidate's matches of the query's term groups (candidates x groups, 0/1) and each
    group's IDF within the candidate's own document (the same shape): how rare the term is in the
    document the paragraph belongs to, not in the whole library."""
    groups = keyword_query(query, cx.rk.acronyms).groups
    per_doc = np.bincount(cx.doc, minlength=cx.ndocs).astype(float)
    match = np.zeros((len(ids), len(groups)))
    idf = np.zeros((len(ids), len(groups)))
    pos = {int(r): i for i, r in enumerate(ids)}
    for g, rows in enumerate(matching_arrays(cx.s.store, groups)):
        df = np.bincount(cx.doc[rows], minlength=cx.ndocs).astype(float) if len(rows) else np.zeros(cx.ndocs)
        for r in rows:
            if int(r) in pos:
                match[pos[int(r)], g] = 1
        n, d = per_doc[cx.doc[ids]], df[cx.doc[ids]]
        idf[:, g] = np.log(1 + (n - d + 0.5) / (d + 0.5))
    return match, idf


def group_top_mean(values: np.ndarray, groups: np.ndarray, k: int) -> np.ndarray:
    """The mean of each group's best ``k`` values, by group number."""
    order = np.lexsort((-values, groups))
    g, v = groups[order], values[order]
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    out = np.zeros(int(groups.max()) + 1)
    for a, b in zip(starts, np.r_[starts[1:], len(g)]):
        out[g[a]] = v[a:min(b, a + k)].mean()
    return out


def zs(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / x.std() if len(x) > 1 and x.std() > 0 else np.zeros_like(x)


def count_bonus(cx: Context, query: str, ids: np.ndarray, fused: np.ndarray, bonus: float) -> np.ndarray:
    """For "how many" queries: a number right before or after a query word, among the best 30."""
    if not COUNT_QUERY.search(query):
        return fused
    words = {w[:5] for w in content_terms(query) if not w.isdigit()}
    out = fused.copy()
    for i in np.argsort(-fused)[:30]:
        toks = re.findall(r"[\w.,]+", cx.text[ids[i]].lower())
        for j, t in enumerate(toks):
            if NUMBER.match(t.strip(".,")) and not YEAR.match(t.strip(".,")) and \
                    any(x[:5] in words for x in toks[max(0, j - 2):j] + toks[j + 1:j + 5]):
                out[i] += bonus
                break
    return out


def two_stage(cx: Context, h: np.ndarray, docs: int, k: int) -> np.ndarray:
    """Which documents first (by the mean of their best ``k`` chunks), then their paragraphs: the
    chunks of the other documents go below every chunk of the chosen ones."""
    top = group_top_mean(h, cx.doc, k)
    chosen = np.isin(cx.doc, np.argsort(-top)[:docs])
    return np.where(chosen, h, h - (h.max() - h.min()) - 1)


def variants() -> dict:
    """name → f(context, signals, query, fused) giving the scores before the kind prior and spread."""
    def doc_prior(cx, sig, q, h, a, k):
        top = group_top_mean(h, cx.doc, k)
        return h + a * (top - top.max())[cx.doc]

    def weights(cx, sig, q, h, weight, power, coord=1):
        keyword = sig.bm25 * sig.coverage ** coord
        raw = SENTENCE_SHARE * sig.sentence + (1 - SENTENCE_SHARE) * sig.chunk
        at = pool(raw, keyword)
        dense = SENTENCE_SHARE * pooled_zscore(sig.sentence, at) + (1 - SENTENCE_SHARE) * pooled_zscore(sig.chunk, at)
        w = bm25_weight(sig.best_coverage, weight, power)
        return (1 - w) * dense + w * pooled_zscore(keyword, at)

    def local(cx, sig, q, h, mode, coord=1):
        match, idf = local_idf(cx, q, sig.ids)
        if match.shape[1] == 0:
            return h
        wcov = (match * idf).sum(1) / np.maximum(idf.sum(1), 1e-9)
        base = sig.bm25 if mode == "bm25" else (match * idf).sum(1)
        keyword = base * wcov ** coord
        raw = SENTENCE_SHARE * sig.sentence + (1 - SENTENCE_SHARE) * sig.chunk
        at = pool(raw, keyword)
        dense = SENTENCE_SHARE * pooled_zscore(sig.sentence, at) + (1 - SENTENCE_SHARE) * pooled_zscore(sig.chunk, at)
        w = bm25_weight(sig.best_coverage, BM25_WEIGHT, sig.power)
        return (1 - w) * dense + w * pooled_zscore(keyword, at)

    return {
        "default (hybrid as shipped)": lambda cx, sig, q, h: h,
        "quantity, acronym and number queries at coverage^3 (before)": lambda cx, sig, q, h: pooled_hybrid_score(
            sig.sentence, sig.chunk, sig.keyword(), sig.best_coverage),
        "BM25 weight 0.6 x coverage^2": lambda cx, sig, q, h: weights(cx, sig, q, h, 0.6, 2),
        "BM25 weight 0.5 x coverage^1": lambda cx, sig, q, h: weights(cx, sig, q, h, 0.5, 1),
        "keyword = BM25 x coverage^2 (coordination squared)": lambda cx, sig, q, h: weights(
            cx, sig, q, h, 0.5, sig.power, 2),
        "local idf: keyword = BM25 x coverage weighted by in-document IDF": lambda cx, sig, q, h: local(
            cx, sig, q, h, "bm25"),
        "local idf: keyword = BM25 x weighted coverage^2": lambda cx, sig, q, h: local(cx, sig, q, h, "bm25", 2),
        "local idf: keyword = sum of in-document IDFs x weighted coverage": lambda cx, sig, q, h: local(
            cx, sig, q, h, "local"),
        # the shipped prior lowers page-cited text of numbered documents by PAGE_CITED_PENALTY z
        "page-cited text of numbered documents: no prior": lambda cx, sig, q, h: h + PAGE_CITED_PENALTY * cx.stray[sig.ids],
        "page-cited text of numbered documents: 0.4 z": lambda cx, sig, q, h: h + (PAGE_CITED_PENALTY - 0.4) * cx.stray[sig.ids],
        "page-cited text of numbered documents: 1.2 z": lambda cx, sig, q, h: h + (PAGE_CITED_PENALTY - 1.2) * cx.stray[sig.ids],
        "all page-cited text (letters too): 0.8 z": lambda cx, sig, q, h: h + PAGE_CITED_PENALTY * (cx.stray.astype(float) - cx.paged)[sig.ids],
        "keyword = BM25 x coverage^3": lambda cx, sig, q, h: weights(cx, sig, q, h, 0.5, sig.power, 3),
        "pool of 800 for the z-scores": lambda cx, sig, q, h: pooled_hybrid_score(
            sig.sentence, sig.chunk, sig.keyword(), sig.best_coverage, size=4 * POOL, power=sig.power),
        "+ 0.2 x mean of the two neighbours": lambda cx, sig, q, h: h + 0.2 * (h[cx.prev] + h[cx.next]) / 2,
        "+ 0.1 x best two of the section": lambda cx, sig, q, h: h + 0.1 * group_top_mean(h, cx.section, 2)[cx.section],
        "doc prior: best chunk, 0.3": lambda cx, sig, q, h: doc_prior(cx, sig, q, h, 0.3, 1),
        "doc prior: mean of best 3, 0.3": lambda cx, sig, q, h: doc_prior(cx, sig, q, h, 0.3, 3),
        "doc prior: BM25 of the whole document, 0.1": lambda cx, sig, q, h: h + 0.1 * zs(cx.doc_bm25(q))[cx.doc],
        "doc prior: cosine with the doc centroid, 0.2": lambda cx, sig, q, h: h + 0.2 * zs(
            cx.centroid @ cx.rk._embed(q)[0])[cx.doc],
        "two stages: the best 3 documents (mean of best 3)": lambda cx, sig, q, h: two_stage(cx, h, 3, 3),
        "two stages: the best 5 documents (mean of best 3)": lambda cx, sig, q, h: two_stage(cx, h, 5, 3),
        "+ 1.5 x (own centroid - nearest other)": lambda cx, sig, q, h: h + 1.5 * cx.distinct,
        "how many: +0.4 for a number by a query word": lambda cx, sig, q, h: count_bonus(cx, q, sig.ids, h, 0.4),
    }


def run_variant(searchers: dict, sets: dict, fn, cache: dict) -> dict:
    """Each set's (MRR@10, R@5) with ``fn`` as the hybrid scoring rule."""
    out = {}
    for name, (path, queries, doc, all_docs) in sets.items():
        s = searchers[path]
        cx = searchers[path, "cx"]
        rk = cx.rk

        def signals(self, query, mode, allowed, k, _orig=type(rk).signals):
            key = (path, query, mode, None if allowed is None else frozenset(allowed))
            if key not in cache:
                cache[key] = _orig(self, query, mode, allowed, k)
            return cache[key]

        def rank(self, query, mode, allowed, k, limit=None, _orig=type(rk).rank):
            if mode != "hybrid" or allowed is not None:
                return _orig(self, query, mode, allowed, k, limit)
            sig = self.signals(query, mode, allowed, k)
            scores = fn(cx, sig, query, sig.scores("hybrid"))
            scores = spread_documents(apply_kind_prior(sig.ids, scores, mode, self._preamble, self._page_cited), self._documents()[sig.ids])
            order = np.lexsort((sig.ids, -scores))[:limit]
            return [(int(sig.ids[i]), float(scores[i])) for i in order]

        rk.signals, rk.rank = types.MethodType(signals, rk), types.MethodType(rank, rk)
        try:
            r = evaluate(s, queries, doc=doc, all_docs=all_docs, systems={"paracite": None})
        finally:
            del rk.signals, rk.rank
        out[name] = (r.overall["paracite"]["mrr@10"], r.overall["paracite"]["recall@5"])
    return out


def open_searchers(*paths: str) -> dict:
    """Each index's ``Searcher`` (keyed by path) and its ``Context`` (keyed by ``(path, "cx")``)."""
    searchers: dict = {}
    for path in paths:
        searchers[path] = Searcher.open(path)
        searchers[path, "cx"] = Context(searchers[path])
    return searchers


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("queries", nargs="*", type=Path, default=LIBRARY_QUERIES)
    ap.add_argument("--library", required=True, help="index of the whole library")
    ap.add_argument("--report", required=True, help="index of the bundled report alone")
    ap.add_argument("--split", default="dev", help="the query lines to use (default: dev)")
    ap.add_argument("--only", default="", help="run only the variants whose name holds this text (and the default)")
    args = ap.parse_args()
    searchers = open_searchers(args.library, args.report)
    library_queries = [q for p in args.queries for q in read_queries(p, split=args.split)]
    a_dev, a_own = (read_queries(p) for p in REPORT_QUERIES)
    sets = {"library": (args.library, library_queries, None, False),
            "A dev alone": (args.report, a_dev, None, True), "A dev in lib": (args.library, a_dev, "A/69/207", True),
            "A own alone": (args.report, a_own, None, True), "A own in lib": (args.library, a_own, "A/69/207", True)}
    print(f"{len(library_queries)} library queries ({args.split}); MRR@10 / R@5")
    head = f"{'variant':<60}" + "".join(f"{name:>15}" for name in sets)
    print(head + "\n" + "-" * len(head))
    cache: dict = {}
    for name, fn in variants().items():
        if args.only and args.only not in name and not name.startswith("default"):
            continue
        res = run_variant(searchers, sets, fn, cache)
        print(f"{name:<60}" + "".join(f"{m:>9.3f}/{r:.3f}"[-15:].rjust(15) for m, r in res.values()), flush=True)


if __name__ == "__main__":
    main()
