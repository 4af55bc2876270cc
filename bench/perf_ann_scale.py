"""Scale: the FAISS index paracite picks for 1,000,000 vectors, against exact search (issue #7).

Run: ``python bench/perf_ann_scale.py [--n 1000000] [--queries 1000] [--work DIR] [--keep]``.

Synthetic 384-d unit vectors, clustered, not uniform noise: a Gaussian mixture around
``--centers`` random unit centroids with lognormal cluster sizes and isotropic spread (cosine of
a point to its centroid ~0.7, to its nearest neighbour ~0.55). ``--decaying`` draws the spread
from a decaying spectrum instead (eigenvalues ~ 1/i along shared random directions): a harder
case for HNSW, kept for comparison. Queries are fresh draws from the same mixture. Each phase
runs in its own process so its peak memory is its own:

1. ``build``: ``index.vectors.write_vectors`` (the code ``paracite ingest`` runs) on the vectors;
   build time and peak RSS.
2. ``exact``: ``IndexFlatIP`` ground truth for every query, and its single-query latency (the
   baseline).
3. ``search``: the index loaded the way ``Searcher`` loads it (``read_vectors`` with the manifest's
   parameters), one query at a time: p50/p95 latency at k=10 and at k=100 (the depth hybrid search
   asks for), recall@10 against exact, peak RSS of the search process; then an efSearch sweep.

Prints figures, never asserts. The 1M build takes ~15-30 min on 2 busy cores; ~3.5 GB of disk
under ``--work`` (deleted afterwards unless ``--keep``; ``--reuse`` re-runs the exact and search
phases on a kept build, e.g. at a quieter moment).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

D = 384
CHUNK = 100_000


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ``ru_maxrss``: on Linux that carries the
    parent's high-water mark across fork and exec, so a child would report the parent's data."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(work: Path, n: int, nq: int, centers: int, decaying: bool, seed: int = 7) -> None:
    """Write ``base.npy`` (n×384) and ``queries.npy`` (nq×384), unit float32, chunk by chunk."""
    rng = np.random.default_rng(seed)
    means = rng.standard_normal((centers, D)).astype(np.float32)
    means /= np.linalg.norm(means, axis=1, keepdims=True)
    sizes = rng.lognormal(0.0, 1.0, centers)
    p = sizes / sizes.sum()
    if not decaying:
        scale = np.full(D, 1 / np.sqrt(D), dtype=np.float32)
        rot = None
    else:
        lam = 1.0 / np.arange(1, D + 1)
        scale = np.sqrt(lam / lam.sum()).astype(np.float32)
        rot, _ = np.linalg.qr(rng.standard_normal((D, D)))
        rot = rot.astype(np.float32)
    spread = 1.0  # E|noise|^2 = 1 = |mean|^2: cosine to the own centroid ~0.7

    def draw(count: int, r) -> np.ndarray:
        labels = r.choice(centers, size=count, p=p)
        z = r.standard_normal((count, D)).astype(np.float32) * scale * spread
        if rot is not None:
            z = z @ rot
        x = means[labels] + z
        return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)

    base = np.lib.format.open_memmap(work / "base.npy", mode="w+", dtype=np.float32, shape=(n, D))
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        base[start:stop] = draw(stop - start, np.random.default_rng([seed, start]))
    base.flush()
    del base
    np.save(work / "queries.npy", draw(nq, np.random.default_rng([seed, 2**31])))


def phase_build(work: Path) -> dict:
    from index.vectors import write_vectors

    base = np.load(work / "base.npy", mmap_mode="r")
    vecs = base  # contiguous float32 already: FAISS reads the mapped file without a copy
    t = time.perf_counter()
    params = write_vectors(work / "vectors.faiss", vecs)
    return {"params": params, "build_s": time.perf_counter() - t, "peak_mb": _peak_mb(),
            "file_mb": (work / "vectors.faiss").stat().st_size / 2**20}


def phase_exact(work: Path, k: int = 10) -> dict:
    import faiss

    base = np.load(work / "base.npy")
    queries = np.load(work / "queries.npy")
    index = faiss.IndexFlatIP(D)
    index.add(base)
    del base
    t = time.perf_counter()
    _, ids = index.search(queries, k)
    batch_s = time.perf_counter() - t
    np.save(work / "truth.npy", ids)
    faiss.omp_set_num_threads(1)  # as Searcher runs it: one query, one thread
    lat = _latencies(index, queries[:50], k)
    return {"batch_s": batch_s, "p50_ms": float(np.median(lat)), "peak_mb": _peak_mb()}


def phase_search(work: Path, params: dict, sweep: list[int]) -> dict:
    from index.vectors import read_vectors

    queries = np.load(work / "queries.npy")
    truth = np.load(work / "truth.npy")
    t = time.perf_counter()
    index = read_vectors(work / "vectors.faiss", params["ntotal"], D, params)
    load_s = time.perf_counter() - t
    out = {"load_s": load_s, "type": type(index).__name__, "runs": []}
    for ef in [params.get("efSearch")] + sweep:
        if ef and hasattr(index, "hnsw"):
            index.hnsw.efSearch = ef
        lat10, ids = _latencies(index, queries, 10, keep_ids=True)
        lat100 = _latencies(index, queries[:300], 100)
        recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(ids, truth)]))
        out["runs"].append({"efSearch": ef, "p50_ms": float(np.median(lat10)), "p95_ms": float(np.percentile(lat10, 95)),
                            "p50_k100_ms": float(np.median(lat100)), "recall10": recall})
        if not hasattr(index, "hnsw"):
            break
    out["peak_mb"] = _peak_mb()
    return out


def _latencies(index, queries: np.ndarray, k: int, keep_ids: bool = False):
    lat, got = [], []
    for q in queries:
        q = q[None, :]
        t = time.perf_counter()
        _, ids = index.search(q, k)
        lat.append((time.perf_counter() - t) * 1000)
        got.append(ids[0])
    return (np.array(lat), got) if keep_ids else np.array(lat)


def _run_phase(name: str, args: argparse.Namespace, extra: dict | None = None) -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--work", str(args.work), "--extra", json.dumps(extra or {})]
    t = time.perf_counter()
    # Passive OpenMP waits: on a shared machine spinning build threads only steal the other core.
    env = os.environ | {"OMP_WAIT_POLICY": "PASSIVE"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    out = proc.stdout.read()
    _, status, _ = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"phase {name} failed ({status})")
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - t
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--centers", type=int, default=4000)
    ap.add_argument("--decaying", action="store_true", help="decaying-spectrum spread (harder)")
    ap.add_argument("--sweep", default="32,64,256", help="efSearch values to try after the recorded one")
    ap.add_argument("--work", type=Path, default=Path("/tmp/paracite-ann-bench"))
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="use the vectors and index a --keep run left")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--extra", default="{}", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        extra = json.loads(args.extra)
        result = {"build": lambda: phase_build(args.work), "exact": lambda: phase_exact(args.work),
                  "search": lambda: phase_search(args.work, extra["params"], extra["sweep"])}[args.phase]()
        print(json.dumps(result))
        return

    args.work.mkdir(parents=True, exist_ok=True)
    shape = "decaying-spectrum" if args.decaying else "isotropic"
    print(f"{args.n:,} × {D}-d unit vectors, {args.centers} clusters ({shape} spread), {args.queries} queries; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    saved = args.work / "build.json"
    if args.reuse and saved.exists():
        build = json.loads(saved.read_text())
        print(f"reusing the build in {args.work}")
    else:
        t = time.perf_counter()
        generate(args.work, args.n, args.queries, args.centers, args.decaying)
        print(f"generated in {time.perf_counter() - t:.1f} s")
        build = _run_phase("build", args)
        saved.write_text(json.dumps(build))
    params = build["params"]
    print(f"build  {params['type']} {json.dumps({k: v for k, v in params.items() if k != 'type'})}")
    print(f"       build {build['build_s']:.1f} s (wall {build['wall_s']:.1f} s), "
          f"file {build['file_mb']:.0f} MB, peak RSS {build['peak_mb']:.0f} MB")
    exact = _run_phase("exact", args)
    print(f"exact  IndexFlatIP: single query p50 {exact['p50_ms']:.2f} ms (1 thread); all {args.queries} "
          f"queries batched {exact['batch_s']:.1f} s; peak RSS {exact['peak_mb']:.0f} MB")
    sweep = [int(x) for x in args.sweep.split(",") if x]
    search = _run_phase("search", args, {"params": params, "sweep": sweep})
    print(f"search {search['type']} loaded in {search['load_s']:.1f} s; peak RSS of the search process "
          f"{search['peak_mb']:.0f} MB ({search['peak_mb'] / 1024:.2f} GB)")
    for i, r in enumerate(search["runs"]):
        tag = " (recorded)" if i == 0 else ""
        print(f"       efSearch {r['efSearch']}{tag}: p50 {r['p50_ms']:.3f} ms, p95 {r['p95_ms']:.3f} ms, "
              f"recall@10 {r['recall10']:.4f}; k=100 p50 {r['p50_k100_ms']:.3f} ms; "
              f"speed-up vs exact {exact['p50_ms'] / r['p50_ms']:.0f}×")
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
