"""Kill `paracite ingest` with SIGKILL at random moments; the index must stay whole every time.

Each run starts a real `paracite ingest` (a subprocess) over an existing index, alternating
between the full report (90 chunks) and the report cut before paragraph 21 (22 chunks), kills it
after a random delay drawn uniformly from [0, 1.05 × the time one full ingest takes, measured in
this run], then opens the index afresh and checks it: `current` resolves to a complete build,
the manifest, database and vectors pass their checks, the chunk count is the old or the new
corpus's, and a search in every mode plus a `show` give that corpus's expected paragraph. The next
run's ingest must not find the index locked. At the end one unkilled ingest must leave exactly
one build (leftovers of killed builds removed).

Since issue #13 an ingest reuses what the index's cache holds, so each run picks at random a
cold ingest (the cache emptied first: parse, embed and write cache entries) or a warm one (from
the cache: assemble and swap), and draws its kill from that kind's own measured time; a kill
mid-way through a cache write must leave the cache usable too.

Usage: python bench/kill_test.py [--runs 20] [--seed N]
Prints one line per run and `N/N intact`.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORT = ROOT / "corpus" / "A-69-207.txt"

# (corpus, chunks, query, expected first citation): the small corpus lacks paragraph 46.
FULL = ("full", 90, "Universal Postal Union remittance initiative", "A/69/207, para. 46")
SMALL = ("small", 22, "Universal Postal Union remittance initiative", None)


def small_report(folder: Path) -> Path:
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if re.match(r"\s*21\.\s", line))
    path = folder / "A-69-207-small.txt"
    path.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    return path


def ingest_cmd(source: Path, index: Path) -> list[str]:
    return [sys.executable, "-m", "search", "ingest", str(source), "--index", str(index), "--quiet"]


def check(index: Path) -> tuple[bool, str]:
    """Is the index whole and searchable? Returns (intact, which corpus or what is wrong)."""
    from paracite.errors import ParaciteError
    from search import Searcher

    try:
        with Searcher.open(index) as s:
            n = s.manifest.chunks
            name, _, query, first = next((c for c in (FULL, SMALL) if c[1] == n), ("?", n, "", None))
            if name == "?":
                return False, f"unexpected chunk count {n}"
            for mode in ("hybrid", "dense", "bm25"):
                hits = s.search(query, k=3, mode=mode)
                if not hits or (first and hits[0].citation != first):
                    return False, f"{mode} search gave {[h.citation for h in hits]}"
                if not first and any(h.number > 20 for h in hits):
                    return False, f"small index returned {[h.citation for h in hits]}"
            if s.get("A/69/207", 20).citation != "A/69/207, para. 20":
                return False, "show A/69/207 20 failed"
            return True, f"{name} index ({n} chunks)"
    except ParaciteError as e:
        return False, f"{type(e).__name__}: {e}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10**6)
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="paracite-kill-"))
    index = work / "ix"
    sources = {"full": REPORT, "small": small_report(work)}
    try:
        t0 = time.monotonic()
        subprocess.run(ingest_cmd(REPORT, index), check=True, capture_output=True)
        full_time = time.monotonic() - t0
        subprocess.run(ingest_cmd(sources["small"], index), check=True, capture_output=True)
        t0 = time.monotonic()
        subprocess.run(ingest_cmd(REPORT, index), check=True, capture_output=True)
        warm_time = time.monotonic() - t0
        print(f"seed {seed}; one full ingest takes {full_time:.2f} s cold, {warm_time:.2f} s from the cache; "
              f"kills drawn from [0, 1.05 x that run's kind]")
        ok, state = check(index)
        assert ok, state
        intact = 0
        outcomes = {"old": 0, "new": 0}
        for run in range(1, args.runs + 1):
            current = state.split()[0]
            target = "small" if current == "full" else "full"
            before = os.readlink(index / "current")
            cold = rng.random() < 0.5
            if cold:
                shutil.rmtree(index / "cache", ignore_errors=True)
            delay = rng.uniform(0, 1.05 * (full_time if cold else warm_time))
            proc = subprocess.Popen(ingest_cmd(sources[target], index), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE)
            try:
                proc.wait(timeout=delay)
                how = f"finished before the kill (exit {proc.returncode})"
                err = proc.stderr.read().decode(errors="replace").strip()
                if proc.returncode != 0:
                    how += f": {err.splitlines()[-1] if err else ''}"
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                how = f"killed at {delay:5.2f} s"
            proc.stderr.close()
            ok, state = check(index)
            swapped = os.readlink(index / "current") != before
            outcomes["new" if swapped else "old"] += 1
            leftovers = sorted(p.name for p in (index / "builds").iterdir())
            intact += ok and not (how.startswith("finished") and proc.returncode != 0)
            print(f"run {run:2d}: {'cold' if cold else 'warm'} {how:<32} -> {'intact' if ok else 'BROKEN'}: {state}; "
                  f"{'new' if swapped else 'old'} build current; builds/ holds {len(leftovers)} "
                  f"({sum(n.startswith('.tmp-') for n in leftovers)} .tmp)", flush=True)
        done = subprocess.run(ingest_cmd(REPORT, index), capture_output=True)
        leftovers = sorted(p.name for p in (index / "builds").iterdir())
        clean = done.returncode == 0 and len(leftovers) == 1 and check(index)[0]
        print(f"old index kept: {outcomes['old']}, new index swapped in: {outcomes['new']}")
        print(f"final unkilled ingest: exit {done.returncode}, builds/ holds {leftovers} "
              f"-> {'leftovers cleaned' if clean else 'NOT CLEAN'}")
        print(f"{intact}/{args.runs} intact")
        return 0 if intact == args.runs and clean else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
