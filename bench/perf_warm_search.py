"""Warm search: ``Searcher.search`` latency over the dev queries, and the process's memory (issue #7).

Run: ``python bench/perf_warm_search.py [--rounds 5] [--index DIR] [--queries FILE] [--no-st]``.

One process opens the index (the default one unless ``--index``), warms up, then times every dev
query ``--rounds`` times, one at a time: the query embedding alone, ``mode="bm25"``,
``mode="dense"`` and hybrid (the default), k=10. A warm searcher keeps what FTS5 found for each word
(``search.postings``), so the rounds repeat look-ups it kept; the queries' first hybrid searches are
timed first, on their own line (the warm-up's three queries are among them). It prints p50/p95, the resident memory of the
search process (VmRSS and its peak VmHWM, from /proc, before anything else is loaded), then the
baseline measured in the same run: the same hybrid searches with the query embedded by
sentence-transformers (``PARACITE_ENCODER``), and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUERIES = Path("/work/shared/eval/a69207_queries_dev.jsonl")


def memory_mb() -> dict[str, float]:
    """VmRSS and VmHWM (peak) of this process, in MB."""
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) / 1024
    return out


def timed(fn, queries: list[str], rounds: int) -> np.ndarray:
    ms = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            ms.append((time.perf_counter() - t) * 1000)
    return np.array(ms)


def line(name: str, ms: np.ndarray, target: str = "") -> str:
    return (f"  {name:34s} p50 {np.percentile(ms, 50):7.2f} ms  p95 {np.percentile(ms, 95):7.2f} ms  "
            f"max {ms.max():7.2f} ms{target}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--index", help="index folder (default: the default index)")
    ap.add_argument("--queries", type=Path, default=QUERIES)
    ap.add_argument("--no-st", action="store_true", help="skip the sentence-transformers baseline")
    args = ap.parse_args()
    os.environ.pop("PARACITE_ENCODER", None)

    from search import Searcher
    from search.dense import embed_query

    queries = [json.loads(x)["query"] for x in args.queries.read_text(encoding="utf-8").splitlines() if x.strip()]
    t = time.perf_counter()
    s = Searcher.open(args.index)
    open_ms = (time.perf_counter() - t) * 1000
    for q in queries[:3]:
        s.search(q)  # first query loads the ONNX session and the vectors
    print(f"warm search over {len(queries)} dev queries × {args.rounds} rounds, k=10; {s.manifest.chunks} chunks, "
          f"{s.manifest.faiss.get('type')}; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    print(f"  open {open_ms:.1f} ms")
    first = timed(lambda q: s.search(q), queries, 1)
    emb = timed(lambda q: embed_query(q, s._model), queries, args.rounds)
    bm25 = timed(lambda q: s.search(q, mode="bm25"), queries, args.rounds)
    dense = timed(lambda q: s.search(q, mode="dense"), queries, args.rounds)
    hybrid = timed(lambda q: s.search(q), queries, args.rounds)
    print(line("query embedding (onnxruntime)", emb))
    print(line("search mode=bm25", bm25))
    print(line("search mode=dense", dense))
    print(line("search hybrid (default)", hybrid, "   (target p50 ≤ 10, p95 ≤ 25)"))
    print(line("search hybrid, each query's first", first))
    mem = memory_mb()
    print(f"  search process memory: RSS {mem['VmRSS']:.0f} MB, peak {mem['VmHWM']:.0f} MB (target < 400 MB)")
    print(f"  hybrid p50 / embedding p50: {np.median(hybrid) / np.median(emb):.1f}×; "
          f"hybrid beyond embedding + bm25: {np.median(hybrid) - np.median(emb) - np.median(bm25):.2f} ms")
    if args.no_st:
        return
    os.environ["PARACITE_ENCODER"] = "sentence-transformers"
    t = time.perf_counter()
    s.search(queries[0])
    st_load = time.perf_counter() - t
    st_rounds = max(1, args.rounds // 2)
    st = timed(lambda q: s.search(q), queries, st_rounds)
    print(f"baseline, same process: query embedded by sentence-transformers (first search {st_load:.1f} s, loads torch)")
    print(line("search hybrid (sentence-transformers)", st))
    print(f"  sentence-transformers / onnxruntime hybrid: p50 {np.median(st) / np.median(hybrid):.1f}×, "
          f"p95 {np.percentile(st, 95) / np.percentile(hybrid, 95):.1f}×")


if __name__ == "__main__":
    main()
