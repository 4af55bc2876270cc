"""Incremental ingest on the Milvus backend against a full rewrite, in one run (issue #17).

Run: ``python bench/perf_milvus_update.py [--cache /work/libindex_main] [--pdfs DIR] [--files N]``.

The library is the PDFs of ``--pdfs`` (the first ``--files``) plus a copy of the bundled report.
Parse and embed are taken from ``--cache``'s per-file cache where it has the files (copied into a
scratch index, never written back) and done once otherwise, before any timing, so every figure
below is the Milvus-side work of an ingest plus what every build does (assemble the cached
documents, write the SQLite store). Timed, each an ``index.build.ingest`` call in this process:

- full: a Milvus ingest of all files but the last into new collections (the served build is a
  local one, so nothing can be updated in place);
- add one: the last file added (``add=True``): its rows inserted in place;
- remove one: the first PDF left out: its rows excluded, deleted by the next ingest;
- change one: a paragraph appended to the report copy: its new rows inserted, the old excluded;
- full rewrite: the same files as after the change, written to new collections (in-place updates
  switched off, as after a model change) — the baseline of the ratios.

Then the warm ``search`` p50 of the 25 dev queries on the updated index (whose manifest excludes
the stale rows) and on the rewritten one. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORT = ROOT / "corpus" / "A-69-207.txt"
QUERIES = ROOT / "tests" / "fixtures" / "a69207_queries_dev.jsonl"
PDFS = Path("/work/shared/corpus/un-pdf-lib")


MILVUS_S = [0.0]  # seconds inside ``MilvusSink.write`` (the Milvus side) during the last ingest


def timed(files, index: Path, db: str, **kw) -> tuple[float, object]:
    from index.build import ingest

    MILVUS_S[0] = 0.0
    t = time.perf_counter()
    report = ingest(files, index, progress=False, milvus=db, **kw)
    return time.perf_counter() - t, report


def _clock_milvus_writes() -> None:
    from index.milvus.sink import MilvusSink

    real = MilvusSink.write

    def write(self, *a, **kw):
        t = time.perf_counter()
        try:
            return real(self, *a, **kw)
        finally:
            MILVUS_S[0] += time.perf_counter() - t

    MilvusSink.write = write


def line(label: str, seconds: float, report) -> str:
    return (f"  {label:<26} {seconds:6.1f} s, of which Milvus {MILVUS_S[0]:5.1f} s   "
            f"[{report.manifest.backend['update']}] {report.summary()}")


def p50(index: Path) -> float:
    from search import Searcher

    queries = [json.loads(x)["query"] for x in QUERIES.read_text().splitlines()]
    with Searcher.open(index) as s:
        s.search("warm up", k=10)
        lat = []
        for q in queries:
            t = time.perf_counter()
            s.search(q, k=10)
            lat.append(1000 * (time.perf_counter() - t))
    return float(np.median(lat))


def run(args) -> None:
    from index.build import ingest
    from index.milvus import sink as sink_module

    with tempfile.TemporaryDirectory(prefix="paracite-mupd-") as tmp:
        tmp = Path(tmp)
        index, db = tmp / "ix", str(tmp / "milvus.db")
        if (args.cache / "cache").is_dir():
            shutil.copytree(args.cache / "cache", index / "cache")
        report = tmp / "A-69-207.txt"
        shutil.copy(REPORT, report)
        pdfs = sorted(args.pdfs.glob("*.pdf"))[:args.files]
        files = [report, *pdfs]
        ingest(files, index, progress=False)  # fills the cache (a local build: nothing to update in place)
        _clock_milvus_writes()
        full, r = timed(files[:-1], index, db)
        t = {"full": (full, MILVUS_S[0])}
        print(f"{len(files) - 1} documents, {r.manifest.chunks} chunks, {r.manifest.backend['sentences']} sentences; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        print(line("full (new collections)", full, r))
        add, r = timed([files[-1]], index, db, add=True)
        t["add one"] = (add, MILVUS_S[0])
        print(line("add one", add, r))
        rest = [f for f in files if f != pdfs[0]]
        remove, r = timed(rest, index, db)
        t["remove one"] = (remove, MILVUS_S[0])
        print(line("remove one", remove, r))
        report.write_text(REPORT.read_text(encoding="utf-8") + "\n200. One paragraph more at the end.\n",
                          encoding="utf-8")
        change, r = timed(rest, index, db)
        t["change one"] = (change, MILVUS_S[0])
        print(line("change one (parse+embed)", change, r))
        updated = p50(index)
        real = sink_module.updatable
        sink_module.updatable = lambda *a: None
        try:
            rewrite, r = timed(rest, index, db)
        finally:
            sink_module.updatable = real
        print(line("full rewrite, same set", rewrite, r))
        base = (rewrite, MILVUS_S[0])
        print("  ratios to the full rewrite (whole ingest / Milvus side): " + ", ".join(
            f"{k} {v[0] / base[0]:.2f} / {v[1] / base[1]:.3f}" for k, v in t.items() if k != "full"))
        print(f"  warm search p50 (25 dev queries, hybrid): updated index {updated:.1f} ms, "
              f"rewritten {p50(index):.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=Path("/work/libindex_main"),
                    help="an index whose per-file cache holds the files (read only)")
    ap.add_argument("--pdfs", type=Path, default=PDFS)
    ap.add_argument("--files", type=int, default=64)
    run(ap.parse_args())


if __name__ == "__main__":
    main()
