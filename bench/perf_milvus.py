"""The Milvus backend against the local one at 10^4 and 10^5 chunks (issue #17).

Run: ``python bench/perf_milvus.py [--sizes 10000,100000] [--base /work/libindex_base] [--work DIR]``.

The chunks are synthetic but built from real paragraphs: the chunks of ``--base`` (an index of
real UN reports; by default the bundled report, indexed into ``--work``) are repeated, copy by
copy (symbols ``SYN<j>/...``), up to N chunks; each copy's chunk and sentence vectors are the
real ones plus Gaussian noise (cosine ~0.95 to the original), so no two are equal and no model
runs. Texts repeat exactly, so BM25 sees duplicates. The copies are written as cache entries
(``index.cache``), then both backends are built from them by the code ``paracite ingest`` runs
after parsing and embedding (``index.build._swap_in``, with and without a ``MilvusSink``), then each is searched in its own process (its peak RSS is its own):

- p50/p95 latency of ``Searcher.search`` (hybrid, k=10, no filter; and with ``--doc``) on the
  same queries (the dev queries of the report, ``tests/fixtures``), after one warm-up query;
- recall@10 and recall@100 of the dense chunk candidates (FAISS or Milvus, depth 100, as
  hybrid search asks) against exact search (numpy over every vector);
- peak RSS of the search process, and the build time of each backend.

Prints figures, asserts nothing. The local backend is the baseline; ratios are Milvus / local.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUERIES = ROOT / "tests" / "fixtures" / "a69207_queries_dev.jsonl"
NOISE = 0.016  # per dimension: |noise| ~ 0.31, cosine to the real vector ~0.95


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_base(base: Path) -> list:
    """The cache entries (documents with their real vectors) a local index was built from."""
    from index.cache import Cache
    from search import Searcher

    with Searcher.open(base) as s:
        keys = [d["key"] for d in s.manifest.documents]
    cache = Cache(base)
    entries = [cache.load(k) for k in keys]
    return [e for e in entries if e is not None and e.documents]


def _copy_entry(entry, j: int, limit: int, rng) -> tuple:
    """Copy ``j`` of one cache entry (symbols ``SYN<j>/...``, vectors with noise), at most ``limit`` chunks."""
    from index.cache import Entry

    docs, kept = [], 0
    for d in entry.documents:
        keep = d.chunks[: max(0, limit - kept)]
        if not keep:
            break
        sym = d.symbol if j == 0 else f"SYN{j}/{d.symbol}"
        docs.append(dataclasses.replace(d, symbol=sym, chunks=tuple(dataclasses.replace(c, symbol=sym) for c in keep)))
        kept += len(keep)
    picked = [i for i, (c, _, _) in enumerate(entry.sentences) if c < kept]
    vecs, svecs = entry.vectors[:kept], entry.sentence_vectors[picked]
    if j:  # the first copy is the real corpus
        vecs, svecs = _noisy(vecs, rng), _noisy(svecs, rng)
    return Entry(entry.source, docs, vecs, [entry.sentences[i] for i in picked], svecs), kept


def _noisy(rows: np.ndarray, rng) -> np.ndarray:
    out = rows + rng.normal(0, NOISE, rows.shape).astype("float32")
    return (out / np.linalg.norm(out, axis=1, keepdims=True)).astype("float32")


def build(work: Path, entries: list, n: int, milvus: bool) -> dict:
    """Copies of the base entries up to ``n`` chunks, written as cache entries, then one real build."""
    from index.build import _swap_in
    from index.cache import Cache
    from index.lock import build_lock
    from index.milvus import MilvusSink

    folder = work / f"{'milvus' if milvus else 'local'}-{n}"
    sink = MilvusSink(str(work / f"milvus-{n}.db"), folder) if milvus else None
    cache, keys, total, j = Cache(folder), [], 0, 0
    rng = np.random.default_rng(7)
    while total < n:
        for i, e in enumerate(entries):
            if total >= n:
                break
            copy, kept = _copy_entry(e, j, n - total, rng)
            key = f"syn-{j}-{i}"
            cache.store(key, copy)
            keys.append((f"{e.source}#{j}", key))
            total += kept
        j += 1
    t = time.perf_counter()
    with build_lock(folder):
        manifest, _ = _swap_in(folder, keys, cache, False, sink)
    return {"folder": str(folder), "chunks": manifest.chunks, "build_s": time.perf_counter() - t}


def search_phase(folder: Path, doc: str) -> dict:
    """Latency, dense-candidate recall and peak RSS of one index, in this process."""
    from search import Searcher
    from search.dense import embed_query

    queries = [json.loads(x)["query"] for x in QUERIES.read_text().splitlines()]
    s = Searcher.open(folder)
    s.search("warm up", k=10)
    out = {}
    for label, kw in (("hybrid", {}), ("hybrid_doc", {"doc": doc}), ("dense", {"mode": "dense"})):
        lat = []
        for q in queries:
            t = time.perf_counter()
            s.search(q, k=10, **kw)
            lat.append(1000 * (time.perf_counter() - t))
        out[label] = {"p50_ms": float(np.median(lat)), "p95_ms": float(np.percentile(lat, 95))}
    out["recall"] = _recall(s, [embed_query(q, s._model) for q in queries])
    out["peak_mb"] = _peak_mb()
    s.close()
    return out


def _recall(s, qvecs) -> dict:
    """Recall@10/@100 of the engine's dense chunk candidates against exact inner product."""
    if s.manifest.backend:
        ranker = s._ranking()
        allv = ranker.milvus.chunk_vectors(np.arange(s.manifest.chunks))
        found = [[i for i, _ in ranker.milvus.dense(q, 100)] for q in qvecs]
    else:
        index = s.vectors
        allv = index.reconstruct_n(0, index.ntotal)
        found = [list(index.search(q, 100)[1][0]) for q in qvecs]
    out = {}
    for k in (10, 100):
        hits = []
        for q, got in zip(qvecs, found):
            truth = np.argsort(-(allv @ q[0]))[:k]
            hits.append(len(set(truth.tolist()) & set(got[:k])) / k)
        out[f"recall@{k}"] = float(np.mean(hits))
    return out


def _phase(*argv: str) -> dict:
    """Run one phase in its own process (a Milvus Lite .db stays locked by the process that opened it)."""
    cmd = [sys.executable, __file__, *argv]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if res.returncode:
        raise SystemExit(f"phase {argv} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--base", type=Path, help="a local index of real reports (default: the bundled report)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/paracite-milvus-bench"))
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--doc", default="A/69/207", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--milvus", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase == "build":
        print(json.dumps(build(args.work, load_base(args.base), args.n, args.milvus)))
        return
    if args.phase:
        print(json.dumps(search_phase(Path(args.phase), args.doc)))
        return
    args.work.mkdir(parents=True, exist_ok=True)
    base = args.base
    if base is None:
        from index import build_index

        base = args.work / "base"
        if not (base / "current").exists():
            build_index([ROOT / "corpus" / "A-69-207.txt"], base, progress=False)
    entries = load_base(base)
    docs = [d for e in entries for d in e.documents]
    print(f"base: {base} ({len(docs)} documents, {sum(len(e.vectors) for e in entries)} chunks, "
          f"{sum(len(e.sentence_vectors) for e in entries)} sentences); "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    for n in [int(x) for x in args.sizes.split(",")]:
        rows = {}
        for milvus in (False, True):
            b = _phase("--phase", "build", "--base", str(base), "--work", str(args.work), "--n", str(n),
                       *(["--milvus"] if milvus else []))
            rows["milvus" if milvus else "local"] = b | _phase("--phase", b["folder"], "--doc", docs[0].symbol)
        _print(n, rows)


def _print(n: int, rows: dict) -> None:
    print(f"\n{n:,} chunks")
    print(f"{'backend':<8}{'build s':>9}{'p50 ms':>9}{'p95 ms':>9}{'doc p50':>9}{'dense p50':>10}"
          f"{'R@10':>7}{'R@100':>7}{'RSS MB':>8}")
    for name, r in rows.items():
        print(f"{name:<8}{r['build_s']:>9.1f}{r['hybrid']['p50_ms']:>9.1f}{r['hybrid']['p95_ms']:>9.1f}"
              f"{r['hybrid_doc']['p50_ms']:>9.1f}{r['dense']['p50_ms']:>10.1f}{r['recall']['recall@10']:>7.3f}"
              f"{r['recall']['recall@100']:>7.3f}{r['peak_mb']:>8.0f}")
    lo, mi = rows["local"], rows["milvus"]
    print(f"milvus/local: p50 x{mi['hybrid']['p50_ms'] / lo['hybrid']['p50_ms']:.1f}, "
          f"RSS x{mi['peak_mb'] / lo['peak_mb']:.2f}, build x{mi['build_s'] / lo['build_s']:.1f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
