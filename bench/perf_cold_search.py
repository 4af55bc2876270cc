"""Cold start: one `paracite search` process, start to exit, on the default index (issue #7).

Run: ``python bench/perf_cold_search.py [--runs 10] [--index DIR] [--query TEXT]``.

Times, in rounds so a busy machine slows every command alike (median of ``--runs``):
  - ``python -c "import numpy"``: the floor, starting Python with numpy;
  - ``paracite search QUERY``: the shipped path (onnxruntime, no torch);
  - the same search with ``PARACITE_ENCODER=sentence-transformers``: the query embedded by torch;
and prints the ratios, plus the peak RSS of each search process (from ``wait4``; this script
stays small so the child's figure is its own). The default index is built first if missing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARACITE = Path(sys.executable).parent / "paracite"


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace")
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.strip()}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--index", help="index folder (default: the default index)")
    ap.add_argument("--query", default="cost of sending money home")
    args = ap.parse_args()

    search = [str(PARACITE), "search", args.query] + (["--index", args.index] if args.index else [])
    onnx_env = {k: v for k, v in os.environ.items() if k != "PARACITE_ENCODER"}
    st_env = onnx_env | {"PARACITE_ENCODER": "sentence-transformers"}
    commands = {
        "python -c 'import numpy'": ([sys.executable, "-c", "import numpy"], onnx_env),
        "paracite search (onnxruntime)": (search, onnx_env),
        "paracite search (sentence-transformers)": (search, st_env),
    }
    run(search, onnx_env)  # builds the default index if missing; warms the page cache
    run(search, st_env)
    times: dict[str, list[float]] = {k: [] for k in commands}
    rss: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(args.runs):
        for name, (cmd, env) in commands.items():
            wall, peak = run(cmd, env)
            times[name].append(wall)
            rss[name].append(peak)

    print(f"cold start, median of {args.runs} runs; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}; query {args.query!r}")
    med = {k: statistics.median(v) for k, v in times.items()}
    floor, fast, slow = med.values()
    for name in commands:
        v = sorted(times[name])
        print(f"  {name:42s} median {med[name]:.3f} s  (min {v[0]:.3f}, max {v[-1]:.3f})  "
              f"peak RSS {statistics.median(rss[name]):.0f} MB")
    print(f"  onnxruntime search / import numpy:            {fast / floor:.1f}×")
    print(f"  sentence-transformers search / onnxruntime:   {slow / fast:.1f}× (target ≥ 4×)")
    print(f"  onnxruntime search median {fast:.3f} s (target ≤ 1.0 s)")


if __name__ == "__main__":
    main()
