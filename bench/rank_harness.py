"""Every dev set's ranking signals, cached, so a ranking variant runs in seconds (issue #12).

Run: ``python bench/rank_harness.py --library DIR --report DIR --cache FILE.pkl`` to collect
(once: each query goes through the searcher's own path, and the ``Signals`` it ranks with are
kept, with which row ids the judgement counts as relevant); other scripts then ``load(FILE)``
and score variants with ``evaluate_sets``. Dev lines only, unless ``--split heldout`` (run once,
at the end).

The cache is a list of records, one per (set, query): ``set``, ``id``, ``query``, ``kind``,
``doc`` (the judged document's symbol, to group queries by document), ``sig`` (``Signals``),
``rel`` / ``part`` (row ids judged relevant / partial), ``library`` (library-format query),
``docs`` (each candidate's document number), ``pre`` / ``paged`` (kind-prior masks), ``qvec``
(the query's embedding as the ranker saw it; for variants that change the query vector), ``hub``
(each candidate's stored hubness, or None for an index without the table), ``neg`` (for a negating
query, whether each candidate's best sentence negates; else None), ``vecs`` (row id → chunk vector
of the best ``VEC_DEPTH`` candidates before the near-repeat step, which reads them).

``shipped_fn`` ranks a record as the searcher does (fusion, kind prior, document step, head
correction, negation cue, near-repeats in the top ten); ``default_fn`` stops before the head correction, which ``bench/learned_rank.py`` fits
on top of it. The figures ``main`` prints are ``shipped_fn``'s, so they equal ``bench/eval_sets.py``'s.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
import pickle
import sys
import types
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search import Searcher  # noqa: E402
from search.evaluate import _default_doc, read_queries  # noqa: E402
from search.fusion import spread_documents  # noqa: E402
from search.head_rerank import rerank_head  # noqa: E402
from search.judgements import hit_key  # noqa: E402
from search.kind_prior import apply_kind_prior, page_cited_ids, preamble_ids  # noqa: E402
import search.negation_cue as negation_cue  # noqa: E402
from search.near_repeats import spread_repeats  # noqa: E402

DATA = ROOT / "bench/data"
LIB_SETS = {"lib": [DATA / "library_queries.jsonl", DATA / "pdf_dev_queries.jsonl"],
            "unseen": [DATA / "library_queries_unseen.jsonl"], "round4": [DATA / "library_queries_round4.jsonl"],
            "round7": [DATA / "library_queries_round7.jsonl"],
            "round14": [DATA / "library_queries_round14.jsonl"],  # session 13, blind, split by document
            "round15": [DATA / "library_queries_round15.jsonl"],  # session 14, blind, split by document
            "round16": [DATA / "library_queries_round16.jsonl"],  # session 15, blind, split by document
            "round17": [DATA / "library_queries_round17.jsonl"],  # session 16, blind, split by document
            "round18": [DATA / "library_queries_round18.jsonl"],  # session 17, blind, split by document
            "round19": [DATA / "library_queries_round19.jsonl"],  # session 18, blind, split by document
            "round20": [DATA / "library_queries_round20.jsonl"],  # session 19, blind, split by document
            "round21": [DATA / "library_queries_round21.jsonl"],  # session 20, blind, split by document
            "round22": [DATA / "library_queries_round22.jsonl"],  # session 21, blind, split by document
            "round23": [DATA / "library_queries_round23.jsonl"],  # session 22, blind, split by document
            "round24": [DATA / "library_queries_round24.jsonl"],  # session 23, blind, split by document
            "round25": [DATA / "library_queries_round25.jsonl"],  # session 24, blind, split by document, own words
            "round26": [DATA / "library_queries_round26.jsonl"],  # session 25, blind, split by document, own words
            "round27": [DATA / "library_queries_round27.jsonl"]}  # session 28, blind, split by document, plain
#: How many of the best candidates' chunk vectors a record keeps (for ``search.near_repeats``, which
#: reads the top ten; the rest leave room for variants that move the head).
VEC_DEPTH = 50
A_SETS = {"Adev": ROOT / "tests/fixtures/a69207_queries_dev.jsonl", "Aown": ROOT / "tests/fixtures/a69207_queries_own.jsonl"}


class _Key:
    """A row's judgement key, shaped like a ``Hit`` for ``hit_key``."""

    def __init__(self, symbol, kind, part, number, page):
        self.symbol, self.kind, self.part, self.number, self.page = symbol, kind, part, number, page


def row_keys(s: Searcher) -> list:
    rows = s._con.execute("SELECT symbol, kind, part, number, page FROM chunks ORDER BY id").fetchall()
    return [hit_key(_Key(*r)) for r in rows]


def collect(s: Searcher, queries, set_name: str, all_docs: bool) -> list[dict]:
    """One record per query: the signals its hybrid search ranked with, and its judged rows."""
    rk = s._ranking()
    if rk._preamble is None:
        rk._preamble, rk._page_cited = preamble_ids(s._con), page_cited_ids(s._con)
    keys = row_keys(s)
    docs = rk._documents()
    hub = rk._hubness()
    texts = dict(s._con.execute("SELECT id, text FROM chunks"))
    got: list = []
    orig, embed, vecs = type(rk).signals, rk._embed, []

    def signals(self, query, mode, allowed, k):
        sig = orig(self, query, mode, allowed, k)
        got.append(sig)
        return sig

    def embedded(query):
        vecs.append(embed(query))
        return vecs[-1]

    rk.signals = types.MethodType(signals, rk)
    rk._embed = embedded
    out = []
    try:
        for q in queries:
            target = _default_doc(s, q.doc) if q.doc else _default_doc(s, None)
            got.clear()
            vecs.clear()
            scope = None if (all_docs or q.library) else target
            s.search(q.query, k=10, doc=scope)
            sig = got[-1]
            rel, part = q.judged(target)
            pos_rel = np.array([i for i, r in enumerate(sig.ids) if keys[r] in rel], dtype=int)
            pos_part = np.array([i for i, r in enumerate(sig.ids) if keys[r] in part], dtype=int)
            out.append({"set": set_name, "id": q.id, "query": q.query, "kind": q.kind, "doc": target,
                        "sig": sig, "rel": pos_rel, "part": pos_part, "library": q.library,
                        "nrel": len(rel), "docs": docs[sig.ids],
                        "pre": np.isin(sig.ids, rk._preamble), "paged": np.isin(sig.ids, rk._page_cited),
                        "qvec": vecs[-1][0].copy() if vecs else None,
                        "hub": None if hub is None else hub[sig.ids],
                        "neg": negation_flags(rk, sig, vecs[-1] if vecs else None, texts)})
            head = sig.ids[np.argsort(-_before_repeats(out[-1]), kind="stable")[:VEC_DEPTH]]
            out[-1]["vecs"] = dict(zip(head.tolist(), np.asarray(rk._vectors_of(head), dtype="float32")))
    finally:
        del rk.signals
        rk._embed = embed
    return out


def negation_flags(rk, sig, qvec, texts: dict) -> np.ndarray | None:
    """For a negating query, whether each candidate's best sentence says a negation
    (``search.negation_cue``); None for a query that does not negate (or without its vector)."""
    if not sig.negated or qvec is None:
        return None
    spans = rk._best_sentence_spans(qvec, sig.ids)
    return np.array([negation_cue.says_negation(texts[i][slice(*spans.get(i, (0, None)))])
                     for i in sig.ids.tolist()], dtype=bool)


def final_scores(rec: dict, hybrid: np.ndarray) -> np.ndarray:
    """The shipped steps after fusion: kind prior, then one document's further chunks stepped down."""
    sig = rec["sig"]
    pre = np.zeros(0, dtype="int64") if not rec["pre"].any() else sig.ids[rec["pre"]]
    paged = sig.ids[rec["paged"]]
    return spread_documents(apply_kind_prior(sig.ids, hybrid, "hybrid", pre, paged), rec["docs"])


def metrics(rec: dict, scores: np.ndarray) -> tuple[float, float]:
    """(reciprocal rank in the top 10, recall at 5) of one query's scores (positions of ``sig.ids``)."""
    top = np.lexsort((rec["sig"].ids, -scores))[:10]
    rel = set(rec["rel"].tolist())
    rr = next((1.0 / (i + 1) for i, p in enumerate(top) if p in rel), 0.0)
    hits5 = [p for p in top[:5] if p in rel]
    if rec["library"]:
        r5 = float(bool(hits5))
    else:
        r5 = len(set(hits5)) / max(1, rec["nrel"])
    return rr, r5


def evaluate_sets(records: list[dict], score_fn) -> dict:
    """set → (MRR@10, R@5, per-query RR list) with ``score_fn(rec) -> final scores``."""
    out: dict = {}
    for rec in records:
        rr, r5 = metrics(rec, score_fn(rec))
        out.setdefault(rec["set"], []).append((rr, r5, rec["id"]))
    return {k: (float(np.mean([a for a, _, _ in v])), float(np.mean([b for _, b, _ in v])), v) for k, v in out.items()}


def default_fn(rec: dict) -> np.ndarray:
    """The shipped steps up to the head correction (what ``bench/learned_rank.py`` corrects)."""
    return final_scores(rec, rec["sig"].scores("hybrid"))


def _before_repeats(rec: dict) -> np.ndarray:
    """``shipped_fn`` less its last step (the near-repeats of the top ten)."""
    fused = rec["sig"].scores("hybrid")
    scores = rerank_head(final_scores(rec, fused), fused, rec["docs"], rec.get("hub"))
    neg = rec.get("neg")
    if neg is None:
        return scores
    head = negation_cue.head_positions(scores)
    scores = scores.copy()
    scores[head[neg[head]]] += negation_cue.CUE_BONUS
    return scores


def shipped_fn(rec: dict) -> np.ndarray:
    """The searcher's own hybrid ranking of a record: ``default_fn``, then the head correction
    (``search.head_rerank``) with the candidates' stored hubness, then for a negating query the
    negation cue (``search.negation_cue``; a cache collected before it has no ``neg``: not applied),
    then the top ten's near-repeats (``search.near_repeats``; a cache without ``vecs``: not applied)."""
    scores = _before_repeats(rec)
    vecs = rec.get("vecs")
    if vecs is None:
        return scores
    ids = rec["sig"].ids
    return spread_repeats(scores, ids, ids, lambda at: np.stack([vecs[int(i)] for i in at]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--sets", default="", help="only these sets (comma-separated; default: all)")
    args = ap.parse_args()
    lib, rep = Searcher.open(args.library), Searcher.open(args.report)
    records = []
    for name, paths in LIB_SETS.items():
        if args.sets and name not in args.sets.split(","):
            continue
        qs = [q for p in paths for q in read_queries(p) if q.split == args.split]
        records += collect(lib, qs, name, False)
        print(name, len(qs), flush=True)
    if args.split == "dev":
        for name, path in A_SETS.items():
            if args.sets and name not in args.sets.split(","):
                continue
            qs = read_queries(path)
            records += collect(rep, qs, name + " alone", True)
            records += [dict(r, set=name + " lib") for r in collect(lib, [replace(q, doc="A/69/207") for q in qs], name, True)]
    with open(args.cache, "wb") as f:
        pickle.dump(records, f)
    res = evaluate_sets(records, shipped_fn)
    for k, (m, r, _) in res.items():
        print(f"{k:<14}{len(_):>4}  {m:.3f} / {r:.3f}")


if __name__ == "__main__":
    main()
