"""Every library query set's figures in one run: paracite beside BM25-only and dense-only (issue #12).

Run: ``python bench/eval_sets.py --library DIR --report DIR [--split dev|heldout]``. Sets: the
library + dev-PDF queries, the unseen-documents set, round 4 (dev only), round 7, rounds 14 and 15, and
(dev only) the A/69/207 dev and own sets over the report alone and beside the library (``--all-docs``).
Prints MRR@10 / R@5 per system.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search import Searcher  # noqa: E402
from search.evaluate import evaluate, read_queries  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))

from rank_harness import A_SETS, LIB_SETS  # noqa: E402  (one list of the query sets for both scripts)


def line(name: str, r) -> str:
    return f"{name:<16}{r.queries:>4}  " + "  ".join(
        f"{s} {r.overall[s]['mrr@10']:.3f} / {r.overall[s]['recall@5']:.3f}" for s in r.systems)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--split", default="dev", choices=("dev", "heldout"))
    ap.add_argument("--set", action="append", choices=sorted(LIB_SETS),
                    help="only this library set (repeatable); the A/69/207 sets are then skipped")
    args = ap.parse_args()
    lib, rep = Searcher.open(args.library), Searcher.open(args.report)
    for name, paths in LIB_SETS.items():
        if args.set and name not in args.set:
            continue
        qs = [q for p in paths for q in read_queries(p) if q.split == args.split]
        if qs:
            print(line(name, evaluate(lib, qs)), flush=True)
    if args.split == "dev" and not args.set:
        for name, path in A_SETS.items():
            qs = read_queries(path)
            print(line(name + " alone", evaluate(rep, qs, all_docs=True)), flush=True)
            print(line(name + " in lib", evaluate(lib, qs, doc="A/69/207", all_docs=True)), flush=True)


if __name__ == "__main__":
    main()
