"""A small learned correction to the hybrid ranking, fitted leave-one-document-out (issue #12).

Run: ``python bench/learned_rank.py CACHE.pkl --library DIR --report DIR [--features a,b,...] [--l2 X]``
(``CACHE.pkl`` from ``bench/rank_harness.py``; dev lines only).

Each candidate among the best ``TOP`` by the shipped ranking gets a few features (the document's
evidence in the candidate pool, the chunk's shape); the corrected score is the shipped score plus
a weighted sum of them. The weights are fitted by a listwise softmax loss with an L2 penalty,
every query about one document held out in turn (leave-one-document-out), and the held-out
queries are ranked with weights fitted without them. Prints each set's MRR@10 / R@5 for the
shipped ranking and for the cross-validated correction, and the weights fitted on all of them.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rank_harness import default_fn, evaluate_sets  # noqa: E402
from search import Searcher  # noqa: E402
from search.fusion import SENTENCE_SHARE, pool, pooled_zscore  # noqa: E402

TOP = 50


class IndexFacts:
    """Per-row facts of one index: sentence count, length, hubness (mean cosine to the nearest chunks)."""

    def __init__(self, path: str, hub_k: int = 20):
        s = Searcher.open(path)
        con = s._con
        n = s.manifest.chunks
        self.nsent = np.bincount(np.array([r[0] for r in con.execute("SELECT chunk_id FROM sentences")], dtype=int),
                                 minlength=n).astype(float)
        self.length = np.array([len(r[0]) for r in con.execute("SELECT text FROM chunks ORDER BY id")], dtype=float)
        rk = s._ranking()
        vec = np.asarray(rk._vectors_of(np.arange(n)), dtype="float32")
        hub = np.zeros(n)
        for a in range(0, n, 1000):
            sims = vec[a:a + 1000] @ vec.T
            sims[np.arange(len(sims)), np.arange(a, a + len(sims))] = -1
            k = min(hub_k, n - 1)
            hub[a:a + len(sims)] = np.sort(np.partition(sims, n - k, axis=1)[:, n - k:], axis=1).mean(1)
        self.hub = (hub - hub.mean()) / (hub.std() or 1.0)
        docs = rk._documents()
        self.doclen = np.bincount(docs).astype(float)[docs]
        s.close()


def features(rec: dict, facts: IndexFacts) -> tuple[np.ndarray, np.ndarray, dict]:
    """(positions of the best TOP, base scores there, name → feature column)."""
    sig = rec["sig"]
    base = default_fn(rec)
    top = np.argsort(-base)[:TOP]
    h = sig.scores("hybrid")
    kw = sig.keyword()
    raw = SENTENCE_SHARE * sig.sentence + (1 - SENTENCE_SHARE) * sig.chunk
    at = pool(raw, kw)
    sz, cz, kz = pooled_zscore(sig.sentence, at), pooled_zscore(sig.chunk, at), pooled_zscore(kw, at)
    docs = rec["docs"][top]
    ht = h[top]
    f: dict = {}
    uniq, inv = np.unique(docs, return_inverse=True)
    dmax = np.full(len(uniq), -np.inf)
    np.maximum.at(dmax, inv, ht)
    f["doc_best"] = dmax[inv] - ht.max()
    order = np.argsort(-ht)
    in20 = np.zeros(len(uniq))
    np.add.at(in20, inv[order[:20]], 1)
    f["doc_share20"] = in20[inv] / 20
    f["doc_count50"] = np.log1p(np.bincount(inv, minlength=len(uniq))[inv])
    kmax = np.full(len(uniq), -np.inf)
    np.maximum.at(kmax, inv, kz[top])
    f["doc_kw_best"] = kmax[inv] - kz[top].max()
    smax = np.full(len(uniq), -np.inf)
    np.maximum.at(smax, inv, sz[top])
    f["doc_sent_best"] = smax[inv] - sz[top].max()
    f["is_doc_best"] = (ht == dmax[inv]).astype(float)
    rows = sig.ids[top]
    f["log_nsent"] = np.log1p(facts.nsent[rows])
    f["log_len"] = np.log1p(facts.length[rows]) - 6
    f["hub"] = facts.hub[rows]
    f["log_doclen"] = np.log1p(facts.doclen[rows]) - 4
    f["sent_minus_chunk"] = sz[top] - cz[top]
    f["kz"] = kz[top]
    f["dz"] = SENTENCE_SHARE * sz[top] + (1 - SENTENCE_SHARE) * cz[top]
    f["coverage"] = sig.coverage[top]
    f["kz_x_cov"] = kz[top] * sig.coverage[top]
    return top, base[top], f


def build(records, facts_of, names):
    data = []
    for rec in records:
        top, base, f = features(rec, facts_of(rec))
        X = np.stack([f[n] for n in names], 1)
        y = np.isin(top, rec["rel"]).astype(float)
        data.append((top, base, X, y))
    return data


def loss(w, data, l2, idx):
    total, grad = 0.0, np.zeros_like(w)
    for i in idx:
        _, base, X, y = data[i]
        if not y.any():
            continue
        s = base + X @ w
        s = s - s.max()
        p = np.exp(s) / np.exp(s).sum()
        t = y / y.sum()
        total -= (t * np.log(p + 1e-12)).sum()
        grad -= X.T @ (t - p)
    n = max(1, sum(1 for i in idx if data[i][3].any()))
    return total / n + l2 * (w @ w), grad / n + 2 * l2 * w


def fit(data, idx, l2, dim):
    res = minimize(loss, np.zeros(dim), args=(data, l2, idx), jac=True, method="L-BFGS-B")
    return res.x


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cache")
    ap.add_argument("--library", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--features", default="doc_best,doc_share20,log_nsent,hub")
    ap.add_argument("--l2", default="0.1")
    ap.add_argument("--train", default="", help="comma-separated sets to fit on (default: all)")
    args = ap.parse_args()
    records = pickle.load(open(args.cache, "rb"))
    lib_facts, rep_facts = IndexFacts(args.library), IndexFacts(args.report)
    facts_of = lambda rec: rep_facts if rec["set"].endswith("alone") else lib_facts  # noqa: E731
    for feats in args.features.split(";"):
        names = feats.split(",")
        for l2 in [float(x) for x in str(args.l2).split(",")]:
            run(records, facts_of, names, l2, args.train)


def run(records, facts_of, names, l2, train_sets):
    data = build(records, facts_of, names)
    groups = np.array([r["doc"] for r in records])
    trainable = np.array([not train_sets or r["set"] in train_sets.split(",") for r in records])
    pred_w = [None] * len(records)
    for g in np.unique(groups):
        idx = np.flatnonzero((groups != g) & trainable)
        w = fit(data, idx, l2, len(names))
        for i in np.flatnonzero(groups == g):
            pred_w[i] = w
    w_all = fit(data, np.flatnonzero(trainable), l2, len(names))
    pos = {id(r): i for i, r in enumerate(records)}

    def cv_fn(rec):
        i = pos[id(rec)]
        top, base, X, _ = data[i]
        out = default_fn(rec) - 1e3
        out[top] = base + X @ pred_w[i]
        return out

    res0, res1 = evaluate_sets(records, default_fn), evaluate_sets(records, cv_fn)
    print(f"features {names} l2={l2}: weights (all) " + ", ".join(f"{n}={v:+.3f}" for n, v in zip(names, w_all)))
    tot0 = np.mean([a for k in res0 for a, _, _ in res0[k][2]])
    tot1 = np.mean([a for k in res1 for a, _, _ in res1[k][2]])
    worst = min(res1[k][0] - res0[k][0] for k in res0)
    print(f"   all queries MRR@10 {tot0:.3f} -> {tot1:.3f}; worst set {worst:+.3f}")
    print("   " + "  ".join(f"{k}: {res0[k][0]:.3f}/{res0[k][1]:.3f} -> {res1[k][0]:.3f}/{res1[k][1]:.3f}"
                            for k in res0), flush=True)


if __name__ == "__main__":
    main()
