"""What each part of the ranking adds: MRR@10 and Recall@5 of ranking variants (issue #5).

Run: ``python bench/retrieval_ablation.py [--index DIR] [--doc SYMBOL] [--all-docs] [QUERIES.jsonl ...]``
(default: the dev and own query sets in tests/fixtures, on the default index).

Every variant ranks from the same signals (``search.ranking.Signals``: chunk cosine, best-sentence
cosine, BM25, query-word coverage), so the figures differ only by how the signals are combined.
The default ranking is the row "hybrid: ... z over a pool of the best 200 by each (default)";
``paracite eval`` prints the same figures for it and the two baselines.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search import Searcher  # noqa: E402
from search.bm25 import bm25_search  # noqa: E402
from search.evaluate import read_queries  # noqa: E402
from search.fusion import bm25_weight, pooled_hybrid_score, zscore  # noqa: E402
from search.metrics import mean_scores, score_ranking  # noqa: E402

QUERY_SETS = [ROOT / "tests/fixtures/a69207_queries_dev.jsonl", ROOT / "tests/fixtures/a69207_queries_own.jsonl"]


def rrf(*scores: np.ndarray, k: int = 60) -> np.ndarray:
    out = np.zeros(len(scores[0]))
    for s in scores:
        ranks = np.empty(len(s))
        ranks[np.argsort(-s, kind="stable")] = np.arange(1, len(s) + 1)
        out += 1.0 / (k + ranks)
    return out


def variants(sig, plain_bm25: np.ndarray) -> dict[str, np.ndarray]:
    dense = sig.dense()
    kw = sig.keyword()
    w = bm25_weight(sig.best_coverage)
    return {
        "dense: chunk vector only (foundation)": sig.chunk,
        "dense: best sentence only": sig.sentence,
        "dense: 0.8 sentence + 0.2 chunk (dense mode)": dense,
        "bm25: all words, FTS5 as is (foundation)": plain_bm25,
        "bm25: stopwords out, acronyms expanded": sig.bm25,
        "bm25: ... x query-word coverage (bm25 mode)": kw,
        "hybrid: RRF k=60, chunk vector + plain bm25 (foundation)": rrf(sig.chunk, plain_bm25),
        "hybrid: RRF k=60, dense + bm25 modes": rrf(dense, kw),
        "hybrid: fixed z weights, bm25 0.2": 0.8 * dense + 0.2 * zscore(kw),
        "hybrid: fixed z weights, bm25 0.5": 0.5 * dense + 0.5 * zscore(kw),
        "hybrid: coverage-weighted z over all candidates": (1 - w) * dense + w * zscore(kw),
        "hybrid: ... z over a pool of the best 200 by each (default)": pooled_hybrid_score(
            sig.sentence, sig.chunk, kw, sig.best_coverage),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("queries", nargs="*", type=Path, default=QUERY_SETS)
    ap.add_argument("--index", help="index folder (default: the bundled corpus's index)")
    ap.add_argument("--doc", help="the document the queries are about (default: the first indexed)")
    ap.add_argument("--all-docs", action="store_true", help="rank the whole index, not just that document")
    args = ap.parse_args()
    s = Searcher.open(args.index)
    ranker = s._ranking()
    doc = args.doc or s.manifest.documents[0]["symbol"]
    rows = s._con.execute("SELECT id, symbol, kind, number, part FROM chunks").fetchall()
    key = {r[0]: (r[3] if r[2] == "paragraph" and not r[4] else 0 if r[2] == "summary" else f"{r[2]}{r[3]}")
           if r[1] == doc else f"other:{r[0]}" for r in rows}
    allowed = None if args.all_docs else s._allowed(doc, (), (), (), None)
    print(f"{s.manifest.chunks} chunks, {len(s.manifest.documents)} document(s); queries about {doc}, "
          f"{'ranking the whole index' if args.all_docs else 'ranking that document'}")
    results: dict[str, dict[str, dict]] = {}
    for path in args.queries:
        per_variant: dict[str, list] = {}
        for q in read_queries(path):
            sig = ranker.signals(q.query, "hybrid", allowed, 10)
            plain = dict(bm25_search(s._con, q.query, s.manifest.chunks))
            plain_scores = np.array([plain.get(int(i), 0.0) for i in sig.ids])
            for name, scores in variants(sig, plain_scores).items():
                order = np.lexsort((sig.ids, -scores))[:10]
                ranking = [key[int(sig.ids[i])] for i in order]
                per_variant.setdefault(name, []).append(score_ranking(ranking, q.relevant, q.partial))
        results[path.name] = {name: mean_scores(v) | {"n": len(v)} for name, v in per_variant.items()}
    names = list(next(iter(results.values())))
    head = f"{'variant':<58}" + "".join(f"{p.stem[-12:] + ' MRR@10':>22}{'R@5':>7}" for p in args.queries)
    print(head)
    print("-" * len(head))
    for name in names:
        print(f"{name:<58}" + "".join(f"{results[p.name][name]['mrr@10']:>22.3f}{results[p.name][name]['recall@5']:>7.3f}"
                                      for p in args.queries))


if __name__ == "__main__":
    main()
