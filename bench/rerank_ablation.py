"""Second-pass ideas for library ranking (issue #12), measured: dense pseudo-relevance feedback
(Rocchio) and a late-interaction (MaxSim) rerank with the index's own MiniLM.

Run: ``python bench/rerank_ablation.py --library DIR --report DIR [QUERIES.jsonl ...] [--split dev]``

Same columns and path as ``bench/library_ablation.py`` (whose ``run_variant`` this reuses): each
variant re-scores the same signals through the searcher's own ranking path.

- **Rocchio**: q' = unit(q + a × mean of the best k chunk vectors of the first pass); the chunk
  and best-sentence cosines are taken again with q' and fused as before (BM25 unchanged).
- **MaxSim**: the query's and each of the best N candidates' token states (the MiniLM output
  before mean pooling, unit length per token); a candidate scores the mean over query tokens of
  their best cosine with its tokens; the top N are re-ordered by z(first pass) + w × z(MaxSim).
  The milliseconds per query of the token pass (N candidates encoded at query time) are printed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from library_ablation import LIBRARY_QUERIES, REPORT_QUERIES, open_searchers, run_variant  # noqa: E402
from search.evaluate import read_queries  # noqa: E402
from search.fusion import pooled_hybrid_score  # noqa: E402

TOKENS: dict = {}  # (index, chunk id) -> unit token states
TIMES: list = []


def rocchio(cx, sig, q, h, a, k):
    top = np.argsort(-h)[:k]
    qv = cx.rk._embed(q)[0].astype("float64")
    qn = qv + a * cx.rk._vectors_of(sig.ids[top]).mean(0)
    qn = (qn / np.linalg.norm(qn)).astype("float32")[None, :]
    chunk = cx.rk._chunk_cosines(qn, sig.ids)
    best = cx.rk._sentence_best(qn, sig.ids)
    sent = np.where(np.isnan(best), chunk, best)
    return pooled_hybrid_score(sent, chunk, sig.keyword(), sig.best_coverage, power=sig.power)


def token_states(enc, texts):
    feed = enc.tokenize(texts)
    hid = enc.session.run(None, feed)[0]
    out = []
    for row, ids, mask in zip(hid, feed["input_ids"], feed["attention_mask"]):
        keep = (mask == 1) & (ids != 101) & (ids != 102)  # no [CLS]/[SEP]
        t = row[keep]
        out.append(t / np.linalg.norm(t, axis=1, keepdims=True))
    return out


def maxsim(cx, sig, q, h, n, w):
    from index.onnx_encoder import load_encoder

    model = cx.s._model
    enc = load_encoder(str(model.folder), model.max_seq_length, threads=1)
    top = np.argsort(-h)[:n]
    t0 = time.perf_counter()
    qt = token_states(enc, [q])[0]
    missing = [int(i) for i in sig.ids[top] if (id(cx), int(i)) not in TOKENS]
    # cost as shipped: every candidate encoded at query time (cache only spares the sweep)
    if missing:
        for i, t in zip(missing, token_states(enc, [cx.text[i] for i in missing])):
            TOKENS[id(cx), i] = t
    ms = np.array([(qt @ TOKENS[id(cx), int(i)].T).max(1).mean() for i in sig.ids[top]])
    if missing and len(missing) == len(top):
        TIMES.append(time.perf_counter() - t0)
    z = lambda x: (x - x.mean()) / (x.std() or 1)  # noqa: E731
    out = h.copy()
    comb = z(h[top]) + w * z(ms)
    rest = np.delete(h, top)
    floor = rest.max() if len(rest) else 0.0
    out[top] = floor + 1 + comb - comb.min()
    return out


def gated(fn, gap):
    """``fn`` only where the first pass's best two scores lie within ``gap`` (z units)."""
    def run(cx, sig, q, h):
        a, b = np.sort(h)[-2:][::-1] if len(h) > 1 else (1.0, 0.0)
        return fn(cx, sig, q, h) if a - b < gap else h
    return run


def variants() -> dict:
    v = {"default (hybrid as shipped)": lambda cx, sig, q, h: h}
    for a, k in ((0.1, 3), (0.3, 3), (0.5, 3), (0.5, 5), (1.0, 5), (0.3, 10)):
        v[f"Rocchio a={a} k={k}"] = lambda cx, sig, q, h, a=a, k=k: rocchio(cx, sig, q, h, a, k)
    for n, w in ((20, 0.3), (20, 0.6), (20, 1.0), (30, 0.3), (30, 0.6)):
        v[f"MaxSim top {n}, w={w}"] = lambda cx, sig, q, h, n=n, w=w: maxsim(cx, sig, q, h, n, w)
    for gap in (0.2, 0.5):
        v[f"MaxSim top 20, w=0.3, gap < {gap}"] = gated(lambda cx, sig, q, h: maxsim(cx, sig, q, h, 20, 0.3), gap)
    return v


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("queries", nargs="*", type=Path, default=LIBRARY_QUERIES)
    ap.add_argument("--library", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--only", default="", help="run only variants whose name contains this")
    args = ap.parse_args()
    searchers = open_searchers(args.library, args.report)
    lib = [q for p in args.queries for q in read_queries(p, split=args.split)]
    a_dev, a_own = (read_queries(p) for p in REPORT_QUERIES)
    sets = {"library": (args.library, lib, None, False),
            "A dev alone": (args.report, a_dev, None, True), "A dev in lib": (args.library, a_dev, "A/69/207", True),
            "A own alone": (args.report, a_own, None, True), "A own in lib": (args.library, a_own, "A/69/207", True)}
    print(f"{len(lib)} library queries ({args.split}); MRR@10 / R@5")
    head = f"{'variant':<40}" + "".join(f"{name:>15}" for name in sets)
    print(head + "\n" + "-" * len(head))
    cache: dict = {}
    for name, fn in variants().items():
        if args.only and args.only not in name and not name.startswith("default"):
            continue
        TIMES.clear()
        res = run_variant(searchers, sets, fn, cache)
        extra = f"  token pass {1000 * np.median(TIMES):.0f} ms/query (median of {len(TIMES)})" if TIMES else ""
        print(f"{name:<40}" + "".join(f"{m:>9.3f}/{r:.3f}"[-15:].rjust(15) for m, r in res.values()) + extra,
              flush=True)


if __name__ == "__main__":
    main()
