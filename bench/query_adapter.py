"""A query-side linear adapter learned per index from its own text, without labels (issue #12).

Run: ``python bench/query_adapter.py CACHE.pkl --library DIR --report DIR [--rank 32 --l2 0.1
--seeds 0,1,2,3 --where chunk|sentence|both]`` (``CACHE.pkl`` from ``bench/rank_harness.py``, which
stores each query's vector; dev lines only).

Pseudo-queries from the indexed documents themselves: each sentence of a chunk of two or more
sentences is paired with the (normalised) sum of the chunk's other sentence vectors, and an
adapter ``W = I + U Vᵀ`` (rank ``--rank``, near the identity by an L2 penalty on ``U Vᵀ``) is
fitted so that ``normalise(W q)`` picks a sentence's own context among the batch's others (an
InfoNCE loss, in-batch negatives, temperature 0.05; numpy, Adam). One adapter per index: the
library's for the library sets, the report's for the sets over the report alone. The adapted
query vector replaces the query's for the chunk cosine, the sentence cosine or both; the rest is
the shipped ranking (fusion, kind prior, document step, head correction). Prints each set's
MRR@10 and the queries that moved. The fourteenth session's figures are in docs/retrieval-log.md.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rank_harness import evaluate_sets, final_scores  # noqa: E402
from search import Searcher  # noqa: E402
from search.head_rerank import rerank_head  # noqa: E402

ORDER = ["lib", "unseen", "round4", "round7", "round14", "Adev alone", "Adev lib", "Aown alone", "Aown lib"]


class Vectors:
    """One index's chunk and sentence vectors, and each chunk's best-sentence cosine for a query."""

    def __init__(self, path: str):
        s = Searcher.open(path)
        rk = s._ranking()
        self.n = s.manifest.chunks
        self.chunks = np.array(rk._vectors_of(np.arange(self.n)), dtype="float32")
        _, self.chunk_of, sent = rk._sentences()
        self.sentences = np.array(sent, dtype="float32")
        self.starts = np.flatnonzero(np.r_[True, self.chunk_of[1:] != self.chunk_of[:-1]])
        hub = rk._hubness()
        self.hub = np.zeros(self.n) if hub is None else hub[:self.n]
        s.close()

    def cosines(self, q: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(chunk cosine, best-sentence cosine) of the chunks ``ids`` for the unit vector ``q``."""
        chunk = (self.chunks[ids] @ q).astype("float64")
        best = np.full(self.n, np.nan)
        best[self.chunk_of[self.starts]] = np.maximum.reduceat(self.sentences @ q, self.starts)
        sent = best[ids]
        return chunk, np.where(np.isnan(sent), chunk, sent)

    def context_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(sentence vector, normalised sum of the other sentences of its chunk) for chunks of 2+ sentences."""
        sums = np.zeros_like(self.chunks)
        np.add.at(sums, self.chunk_of, self.sentences)
        keep = np.bincount(self.chunk_of, minlength=self.n)[self.chunk_of] >= 2
        target = sums[self.chunk_of[keep]] - self.sentences[keep]
        return self.sentences[keep], target / np.linalg.norm(target, axis=1, keepdims=True)


def fit_adapter(queries: np.ndarray, targets: np.ndarray, rank: int, l2: float, seed: int, epochs: int = 3,
                batch: int = 256, tau: float = 0.05, lr: float = 1e-3) -> np.ndarray:
    """``W = I + U Vᵀ`` minimising the in-batch InfoNCE loss of ``normalise(W q)`` against the
    targets, plus ``l2 × ‖U Vᵀ‖²`` (Adam, hand-written gradients)."""
    rng = np.random.default_rng(seed)
    d = queries.shape[1]
    params = [np.zeros((d, rank)), rng.normal(0, 0.01, (d, rank))]  # U, V
    moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(queries))
        for at in range(0, len(order), batch):
            b = order[at:at + batch]
            grads = _gradients(queries[b].astype("float64"), targets[b].astype("float64"), *params, l2, tau)
            step += 1
            for p, g, m in zip(params, grads, moments):
                m[0] = 0.9 * m[0] + 0.1 * g
                m[1] = 0.999 * m[1] + 0.001 * g * g
                p -= lr * (m[0] / (1 - 0.9 ** step)) / (np.sqrt(m[1] / (1 - 0.999 ** step)) + 1e-8)
    u, v = params
    return (np.eye(d) + u @ v.T).astype("float32")


def _gradients(x, t, u, v, l2, tau):
    """Gradients of the InfoNCE loss plus the L2 penalty with respect to U and V."""
    z = x + (x @ v) @ u.T
    norm = np.linalg.norm(z, axis=1, keepdims=True)
    q = z / norm
    logits = q @ t.T / tau
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    g = (p - np.eye(len(x))) / len(x)
    dq = g @ t / tau
    dz = (dq - q * (dq * q).sum(1, keepdims=True)) / norm
    uv = u @ v.T
    du = dz.T @ (x @ v) + 2 * l2 * uv @ v
    dv = x.T @ (dz @ u) + 2 * l2 * uv.T @ u
    return du, dv


def ranked(rec: dict, vec: Vectors, adapter: np.ndarray | None, where: str) -> np.ndarray:
    """The shipped ranking's scores with the adapted query vector in the chunk and/or sentence cosines."""
    sig = rec["sig"]
    if adapter is not None:
        q = adapter @ rec["qvec"]
        chunk, sent = vec.cosines((q / np.linalg.norm(q)).astype("float32"), sig.ids)
        sig = replace(sig, chunk=chunk if where in ("chunk", "both") else sig.chunk,
                      sentence=sent if where in ("sentence", "both") else sig.sentence)
    fused = sig.scores("hybrid")
    return rerank_head(final_scores(dict(rec, sig=sig), fused), fused, rec["docs"], vec.hub[sig.ids])


def report(records: list[dict], fn, base: dict | None, label: str) -> dict:
    res = evaluate_sets(records, fn)
    every = np.mean([a for k in res for a, _, _ in res[k][2]])
    line = f"{label:<22} all {every:.4f} | " + " ".join(f"{k} {res[k][0]:.3f}" for k in ORDER if k in res)
    if base is not None:
        moved = [f"{i} {b:.2f}→{a:.2f}" for k in res for (a, _, i), (b, _, _) in zip(res[k][2], base[k][2])
                 if abs(a - b) > 1e-9]
        line += f"\n    moved {len(moved)}: " + ", ".join(moved)
    print(line, flush=True)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cache")
    ap.add_argument("--library", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--rank", type=int, default=32)
    ap.add_argument("--l2", type=float, default=0.1)
    ap.add_argument("--seeds", default="0,1,2,3")
    ap.add_argument("--where", default="chunk", choices=("chunk", "sentence", "both"))
    args = ap.parse_args()
    records = pickle.load(open(args.cache, "rb"))
    if any(r.get("qvec") is None for r in records):
        sys.exit("the cache holds no query vectors: collect it again with bench/rank_harness.py")
    vecs = {"lib": Vectors(args.library), "rep": Vectors(args.report)}
    which = {id(r): "rep" if r["set"].endswith("alone") else "lib" for r in records}
    base = report(records, lambda r: ranked(r, vecs[which[id(r)]], None, args.where), None, "shipped")
    for seed in (int(x) for x in args.seeds.split(",")):
        ad = {k: fit_adapter(*v.context_pairs(), args.rank, args.l2, seed) for k, v in vecs.items()}
        report(records, lambda r: ranked(r, vecs[which[id(r)]], ad[which[id(r)]], args.where), base,
               f"rank {args.rank} l2 {args.l2} seed {seed}")


if __name__ == "__main__":
    main()
