"""First searches of a fresh searcher, and a warm stream of distinct queries (issue #12, speed).

Run: ``PYTHONPATH=. python bench/perf_first_search.py --index DIR [--batch 20] [--seed 21] [--warm]``.

A warm searcher keeps what FTS5 found for each word (``search.postings``), so a query's cost
depends on what came before it. This prints two figures over the query texts of
``bench/data/library_queries*.jsonl`` and ``/work/shared/eval/*.jsonl`` (each text once, shuffled):

- first searches: the texts cut into batches of ``--batch``; each batch gets a fresh ``Searcher``
  (opened, then one dense search of a fixed query to load the model and the vectors without
  touching the keyword side), then searches each of its texts once, hybrid, k=10, timed;
- ``--warm``: one searcher searches every text once, in order (a stream of distinct queries).

A fresh searcher's first hybrid search also loads what only the hybrid ranking reads (acronyms,
each chunk's document, hubness, document reliability): its own line, and the other searches of
the batches on another. Wall and CPU time (``time.process_time``) per search, p50 / p95 / max. The code measured is the
one on ``PYTHONPATH`` (this script does not put its own checkout first), so one copy of it times
two checkouts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*sorted((ROOT / "bench" / "data").glob("library_queries*.jsonl")),
           *sorted(Path("/work/shared/eval").glob("*.jsonl"))]
WARM_UP = "reports of the Secretary-General"


def query_texts(paths: list[Path]) -> list[str]:
    """Each query text of ``paths`` once, in file order."""
    out: dict[str, None] = {}
    for path in paths:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.setdefault(json.loads(line)["query"], None)
    return list(out)


def timed(search, queries: list[str]) -> tuple[list[float], list[float]]:
    """(wall ms, CPU ms) of ``search(q)`` for each query."""
    wall, cpu = [], []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        search(q)
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - t) * 1000)
    return wall, cpu


def line(name: str, wall: list[float], cpu: list[float]) -> str:
    w, c = np.array(wall), np.array(cpu)
    return (f"  {name:40s} n {len(w):4d}  wall p50 {np.percentile(w, 50):7.2f} p95 {np.percentile(w, 95):7.2f} "
            f"max {w.max():7.2f} ms | CPU p50 {np.percentile(c, 50):6.2f} p95 {np.percentile(c, 95):6.2f} "
            f"max {c.max():7.2f} ms")


def first_searches(index: str, queries: list[str], batch: int) -> tuple[list[float], list[float], list[float]]:
    """Each query searched once by a fresh searcher (one per batch): (wall, CPU, open ms)."""
    from search import Searcher

    wall, cpu, opens = [], [], []
    for start in range(0, len(queries), batch):
        t = time.perf_counter()
        s = Searcher.open(index)
        opens.append((time.perf_counter() - t) * 1000)
        s.search(WARM_UP, mode="dense")
        w, c = timed(s.search, queries[start:start + batch])
        wall += w
        cpu += c
        s.close()
        del s  # freed here, not inside the next open's timing
    return wall, cpu, opens


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--batch", type=int, default=20, help="queries a fresh searcher answers")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--warm", action="store_true", help="also one searcher over the whole stream")
    args = ap.parse_args()
    os.environ.pop("PARACITE_ENCODER", None)
    import search

    queries = query_texts(SOURCES)
    random.Random(args.seed).shuffle(queries)
    print(f"{len(queries)} distinct queries, search code {Path(search.__file__).parent}; "
          f"load average {os.getloadavg()[0]:.2f}")
    wall, cpu, opens = first_searches(args.index, queries, args.batch)
    print(line(f"first searches (batches of {args.batch})", wall, cpu))
    later = [i for i in range(len(wall)) if i % args.batch]
    print(line("  each batch's first (+ one-time loads)", wall[::args.batch], cpu[::args.batch]))
    print(line("  the others (2nd to last of a batch)", [wall[i] for i in later], [cpu[i] for i in later]))
    print(f"  open p50 {np.median(opens):.1f} ms")
    if args.warm:
        from search import Searcher

        s = Searcher.open(args.index)
        s.search(WARM_UP, mode="dense")
        print(line("warm stream (one searcher)", *timed(s.search, queries)))
    print(f"  load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
