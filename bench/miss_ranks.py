"""Where each query of one set loses its judged paragraph, step by step, from a rank harness cache (issue #12, #15).

Run: ``python bench/miss_ranks.py --cache FILE.pkl --set round25 [--all]`` after ``bench/rank_harness.py`` has written
the cache. For each query whose judged paragraph is not first (``--all``: every query), one line: the judged
paragraph's best rank by the dense score alone, by BM25 alone, after the fusion, after the kind prior, after the
per-document step and in the shipped ranking; whether the shipped first hit is of the judged document; the best and
the judged chunk's coverage of the query's words. Then the counts by class and a bound: the set's MRR@10 if each query
got the best of a few fixed BM25 weights (``ORACLE_WEIGHTS``), which says how much any fusion weight could still gain.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import rank_harness as harness  # noqa: E402
from search import fusion  # noqa: E402
from search.fusion import spread_documents  # noqa: E402
from search.kind_prior import apply_kind_prior  # noqa: E402

#: The fixed BM25 weights (no coverage term) the per-query bound picks from.
ORACLE_WEIGHTS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)


@dataclass(frozen=True)
class MissRanks:
    """The judged paragraph's best rank (1 = first) under each signal and after each step of one query."""

    id: str
    kind: str
    dense: int
    bm25: int
    fused: int
    kind_prior: int
    document_step: int
    shipped: int
    right_document: bool  # the shipped first hit is a chunk of a judged document
    best_coverage: float
    judged_coverage: float

    @property
    def lost_by(self) -> str:
        """The class of a miss: which step, or which signal, keeps the judged paragraph down."""
        if self.shipped == 1:
            return "first"
        if self.kind_prior > self.fused + 5 and self.shipped > self.fused:
            return "kind prior (page-cited text)"
        if self.document_step > self.kind_prior + 5 and self.shipped > self.kind_prior:
            return "document step"
        if self.dense <= 3 and self.shipped > self.dense:
            return "dense had it, fusion lost it"
        if self.dense > 20 and self.bm25 > 20:
            return "neither signal finds it"
        return "both signals rank it a little low"


def rank_of(rec: dict, scores: np.ndarray) -> int:
    """The best rank of a judged row under ``scores`` (ties in row order); 0 when nothing is judged."""
    if not len(rec["rel"]):
        return 0
    order = np.lexsort((rec["sig"].ids, -np.asarray(scores)))
    where = np.empty(len(order), dtype=int)
    where[order] = np.arange(1, len(order) + 1)
    return int(where[rec["rel"]].min())


def miss_ranks(rec: dict) -> MissRanks:
    """``MissRanks`` of one harness record."""
    sig = rec["sig"]
    fused = sig.scores("hybrid")
    prior = apply_kind_prior(sig.ids, fused, "hybrid", sig.ids[rec["pre"]], sig.ids[rec["paged"]])
    shipped = harness.shipped_fn(rec)
    first = int(np.lexsort((sig.ids, -shipped))[0])
    cover = sig.coverage if sig.titled is None else sig.titled
    judged = float(cover[rec["rel"]].max()) if len(rec["rel"]) else 0.0
    return MissRanks(rec["id"], rec["kind"], rank_of(rec, sig.scores("dense")), rank_of(rec, sig.scores("bm25")),
                     rank_of(rec, fused), rank_of(rec, prior), rank_of(rec, spread_documents(prior, rec["docs"])),
                     rank_of(rec, shipped), bool(rec["docs"][first] in set(rec["docs"][rec["rel"]].tolist())),
                     float(cover.max()) if len(cover) else 0.0, judged)


def _ranked(rec: dict) -> np.ndarray:
    """``shipped_fn``, less the near-repeat step when a variant brings into the top ten a chunk whose vector the
    record does not keep."""
    scores = harness.shipped_fn(dict(rec, vecs=None))
    top = rec["sig"].ids[np.lexsort((rec["sig"].ids, -scores))[:10]]
    return harness.shipped_fn(rec) if all(int(i) in (rec.get("vecs") or {}) for i in top) else scores


def oracle_mrr(records: list[dict], weights=ORACLE_WEIGHTS) -> float:
    """MRR@10 of ``records`` if each query took the best of the shipped fusion and ``weights`` as its BM25 weight
    (the shipped steps after the fusion unchanged): never below the shipped MRR@10."""
    if not records:
        return 0.0
    best = np.array([harness.metrics(rec, _ranked(rec))[0] for rec in records])
    shipped_weight = fusion.bm25_weight
    try:
        for w in weights:
            fusion.bm25_weight = lambda coverage, weight=w, power=1.0: weight
            best = np.maximum(best, [harness.metrics(rec, _ranked(rec))[0] for rec in records])
    finally:
        fusion.bm25_weight = shipped_weight
    return float(best.mean())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", required=True, help="a bench/rank_harness.py cache")
    ap.add_argument("--set", required=True, help="the set's name in the cache (round25, lib, Adev lib, ...)")
    ap.add_argument("--all", action="store_true", help="every query, not only those whose judged paragraph is not first")
    args = ap.parse_args()
    try:
        with open(args.cache, "rb") as f:
            records = [r for r in pickle.load(f) if r["set"] == args.set]
    except (OSError, pickle.UnpicklingError, EOFError) as exc:
        sys.exit(f"miss_ranks: cannot read the cache {args.cache}: {exc}")
    if not records:
        sys.exit(f"miss_ranks: no record of set {args.set!r} in {args.cache}")
    rows = [miss_ranks(r) for r in records]
    print("id      kind        dense  bm25 fused prior  step  shipped  first-doc  cover best/judged  class")
    for m in rows:
        if args.all or m.shipped != 1:
            print(f"{m.id:<7} {m.kind:<10} {m.dense:>6} {m.bm25:>5} {m.fused:>5} {m.kind_prior:>5} {m.document_step:>5}"
                  f" {m.shipped:>8}  {'right' if m.right_document else 'OTHER':>9}  {m.best_coverage:.2f}/{m.judged_coverage:.2f}"
                  f"  {m.lost_by}")
    classes: dict[str, int] = {}
    for m in rows:
        classes[m.lost_by] = classes.get(m.lost_by, 0) + 1
    print("; ".join(f"{k}: {v}" for k, v in sorted(classes.items(), key=lambda kv: -kv[1])))
    print(f"not first: {sum(m.shipped != 1 for m in rows)} of {len(rows)}, the first hit of another document in "
          f"{sum(m.shipped != 1 and not m.right_document for m in rows)}")
    mrr = float(np.mean([harness.metrics(r, harness.shipped_fn(r))[0] for r in records]))
    print(f"MRR@10 shipped {mrr:.3f}; best fixed BM25 weight per query {oracle_mrr(records):.3f}")


if __name__ == "__main__":
    main()
