"""Cold ingest: `paracite ingest` of corpus/ and of the dev PDFs, chunks per second (issue #7).

Run: ``python bench/perf_ingest.py [--pdfs DIR] [--runs 1] [--no-st] [--fresh-cache]``.

Each run is a fresh process building a fresh index in a temporary folder (the ONNX export is
already cached, as after the first ingest on a machine). Prints wall time and chunks
(paragraphs, summaries, tables) per second, with the chunks embedded by onnxruntime (the
default) and, as the baseline in the same run, by sentence-transformers
(``PARACITE_ENCODER=sentence-transformers``). ``--fresh-cache`` adds one ingest of corpus/ with an
empty model cache: the one-time ONNX export included.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARACITE = Path(sys.executable).parent / "paracite"
PDFS = Path("/work/shared/corpus/un-pdf-dev")


def ingest(source: Path, env: dict) -> tuple[float, int, float]:
    """(wall seconds, chunks, peak RSS MB) of one cold ``paracite ingest``."""
    with tempfile.TemporaryDirectory(prefix="paracite-bench-") as tmp:
        t = time.perf_counter()
        proc = subprocess.Popen([str(PARACITE), "ingest", str(source), "--index", tmp, "--quiet"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        if status != 0:
            raise SystemExit(f"ingest {source} failed: {proc.stderr.read().decode(errors='replace').strip()}")
        chunks = json.loads((Path(tmp) / "current" / "manifest.json").read_text())["chunks"]
    return wall, chunks, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pdfs", type=Path, default=PDFS)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--no-st", action="store_true", help="skip the sentence-transformers baseline")
    ap.add_argument("--fresh-cache", action="store_true", help="also time a first ingest with an empty model cache")
    args = ap.parse_args()

    base = {k: v for k, v in os.environ.items() if k != "PARACITE_ENCODER"}
    encoders = {"onnxruntime": base}
    if not args.no_st:
        encoders["sentence-transformers"] = base | {"PARACITE_ENCODER": "sentence-transformers"}
    print(f"cold `paracite ingest`, {args.runs} run(s) each; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    for source in (ROOT / "corpus", args.pdfs):
        walls: dict[str, list[float]] = {name: [] for name in encoders}
        peak: dict[str, float] = {}
        for _ in range(args.runs):
            for name, env in encoders.items():  # alternate, so load drifts hit both alike
                wall, chunks, rss = ingest(source, env)
                walls[name].append(wall)
                peak[name] = max(peak.get(name, 0.0), rss)
        for name in encoders:
            w = statistics.median(walls[name])
            print(f"  {source.name + '/':16s} {name:22s} {w:6.1f} s  {chunks} chunks  {chunks / w:6.1f} chunks/s  "
                  f"peak RSS {peak[name]:.0f} MB")
        if len(encoders) == 2:
            on, st = (statistics.median(v) for v in walls.values())
            print(f"  {source.name + '/':16s} sentence-transformers / onnxruntime: {st / on:.2f}×")
    if args.fresh_cache:
        with tempfile.TemporaryDirectory(prefix="paracite-cache-") as cache:
            wall, chunks, _ = ingest(ROOT / "corpus", base | {"PARACITE_CACHE": cache})
        print(f"  corpus/ with an empty model cache (ONNX export included): {wall:.1f} s")


if __name__ == "__main__":
    main()
