"""Read, parse and tag every file of a folder in worker processes: what would an ingest skip? (issue #18)

Run: ``python bench/sweep.py FOLDER [FOLDER ...] [--timeout 120] [--jobs N] [--no-tag]``.

Each file goes through the same worker pool and time limit as ``paracite ingest`` (nothing is
embedded or indexed). Prints one line per file, in the order they finish: symbol, chunks,
seconds, and the stage and reason when it fails; then a summary (files read, skipped by reason,
notes, the slowest files). The exit code is 0 even when files fail: this is a survey, not a test.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from index.workers import DEFAULT_TIMEOUT, WorkerPool, default_jobs
    from ingest.reader import iter_sources

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds to read and parse one file")
    ap.add_argument("--jobs", type=int, default=default_jobs(), help="worker processes")
    ap.add_argument("--no-tag", action="store_true", help="read and parse only")
    args = ap.parse_args()

    files = [str(f) for f in iter_sources(args.folders)]
    print(f"{len(files)} files, {args.jobs} worker(s), time limit {args.timeout:g} s")
    start = time.perf_counter()
    reasons: Counter = Counter()
    ok, notes, chunks, timings = 0, [], 0, []
    for p in WorkerPool(args.jobs, args.timeout, not args.no_tag).run([(f, "") for f in files]):
        name = Path(p.source).name
        timings.append((p.seconds, name))
        if p.skip:
            reasons[f"{p.skip.stage}: {p.skip.reason}"] += 1
            print(f"{name:40s} {'-':>22s} {'-':>5s} {p.seconds:6.1f} s  SKIP {p.skip.stage}: {p.skip.reason}", flush=True)
            continue
        ok += 1
        n = sum(len(d.chunks) for d in p.documents)
        chunks += n
        notes.extend(p.notes)
        symbols = ",".join(d.symbol for d in p.documents)
        print(f"{name:40s} {symbols:>22s} {n:5d} {p.seconds:6.1f} s{'  NOTE no UN symbol' if p.notes else ''}",
              flush=True)
    wall = time.perf_counter() - start
    skipped = sum(reasons.values())
    print(f"\nsummary: {len(files)} files, {ok} read ({chunks} chunks), {skipped} skipped, {len(notes)} without a UN "
          f"symbol (indexed under their file name); {wall:.0f} s wall")
    for reason, n in reasons.most_common():
        print(f"  skipped {n}: {reason}")
    slow = sorted(timings, reverse=True)[:3]
    print("  slowest: " + ", ".join(f"{name} {s:.1f} s" for s, name in slow))


if __name__ == "__main__":
    main()
