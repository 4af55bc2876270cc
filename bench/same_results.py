"""Same results check: thousands of searches written out, two checkouts' outputs compared hit by hit.

Run, once per checkout (the code measured is the one on ``PYTHONPATH``):
``PYTHONPATH=CHECKOUT python bench/same_results.py --index DIR --out F.pkl``, then
``python bench/same_results.py --compare A.pkl B.pkl``.

A speed change must not move a result: every query text of ``bench/data/library_queries*.jsonl``
and ``/work/shared/eval/*.jsonl`` is searched hybrid, dense and bm25 (k=10), hybrid k=30, hybrid
within its own document (``doc=``, where the query names one) and bm25 within a document drawn
at random (seed 21); each search's hits are kept as their ``repr`` (citation, text, score to the
last bit, weak flag, folded citations, entities). One searcher runs them all in that order, so the
first searches meet a fresh searcher and the later ones a warm one.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from perf_first_search import SOURCES, query_texts  # noqa: E402


def own_documents(paths: list[Path]) -> dict[str, str]:
    """query text → the document its record names, where one does."""
    out = {}
    for path in paths:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    if record.get("symbol"):
                        out.setdefault(record["query"], record["symbol"])
    return out


def searches(queries: list[str], own: dict[str, str], symbols: list[str]) -> list[tuple[str, str, dict]]:
    """(label, query, keyword arguments of ``Searcher.search``) in the order they run."""
    pick = random.Random(21)
    out = [(m, q, {"mode": m}) for m in ("hybrid", "dense", "bm25") for q in queries]
    out += [("hybrid k=30", q, {"k": 30}) for q in queries]
    out += [("hybrid doc", q, {"doc": own[q]}) for q in queries if own.get(q) in symbols]
    out += [("bm25 doc", q, {"mode": "bm25", "doc": pick.choice(symbols)}) for q in queries]
    return out


def run(index: str, out: Path) -> None:
    from search import Searcher

    s = Searcher.open(index)
    symbols = sorted(r[0] for r in s.store.execute("SELECT symbol FROM documents"))
    queries = query_texts(SOURCES)
    results = [(label, q, repr(args), repr(s.search(q, **args)))
               for label, q, args in searches(queries, own_documents(SOURCES), symbols)]
    out.write_bytes(pickle.dumps(results))
    print(f"{len(results)} searches written to {out}")


def compare(a: Path, b: Path) -> None:
    first, second = pickle.loads(a.read_bytes()), pickle.loads(b.read_bytes())
    if [r[:3] for r in first] != [r[:3] for r in second]:
        raise SystemExit("the two files ran different searches")
    by_label: dict[str, list[int]] = {}
    for x, y in zip(first, second):
        same = by_label.setdefault(x[0], [0, 0])
        same[0] += x[3] == y[3]
        same[1] += 1
    for label, (same, total) in by_label.items():
        print(f"  {label:12s} identical {same} of {total}")
    total = sum(t for _, t in by_label.values())
    print(f"identical {sum(s for s, _ in by_label.values())} of {total} searches")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path)
    args = ap.parse_args()
    if args.compare:
        compare(*args.compare)
    elif args.index and args.out:
        run(args.index, args.out)
    else:
        ap.error("give --index and --out, or --compare A B")


if __name__ == "__main__":
    main()
