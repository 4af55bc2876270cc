"""A query adapter fitted on our labelled dev queries and fact questions (issue #12, paraphrases).

Run: ``python bench/fit_query_adapter.py --library DIR --out search/data/query_adapter.npz`` refits
the shipped map from bench/data's dev halves (never a held-out row, never an A/69/207 set: those
stay the guard); ``--leave-out CACHE.pkl --report DIR`` instead measures it by leaving rounds out
(fit on every group but one, score the left-out group's dev records from a ``bench/rank_harness.py``
cache, and the A/69/207 sets, with the adapted query in the chunk cosine, the sentence cosine or
both, at each strength).

A user's question and the paragraph that answers it differ in style ("how much", "who decided",
the user's words against the report's); the embedding was never tuned for that. A linear map on the
query side, ``W = I + D`` (``D`` full or ``U Vᵀ`` of low rank, pulled toward zero by ``l2 × ‖D‖²``),
is fitted so that ``normalise(W q)`` picks the labelled chunk among the best 50 the plain embedding
ranks (hard negatives; a softmax over them, temperature ``TAU``; numpy, Adam, a fixed seed). Each
candidate's target is its dense score's own mix: 0.8 × the vector of its best sentence (for the
plain query) + 0.2 × its chunk vector. At query time the query used is
``normalise((1 − α) q + α normalise(W q))``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search.judgements import parse_queries, read_queries  # noqa: E402

DATA = ROOT / "bench/data"
#: Hard negatives per query: the plain embedding's best chunks that are not judged relevant.
NEGATIVES = 50
TAU = 0.05
SENTENCE_SHARE = 0.8  # as search.fusion's


def sources() -> list[tuple[str, Path]]:
    """(group, file) of every labelled query and fact file over the library: the group is the
    round (``r14`` ... ``r25``), or ``old`` for the sets written before the blind rounds."""
    out = []
    for p in sorted(DATA.glob("library_queries*.jsonl")) + sorted(DATA.glob("library_facts*.jsonl")) \
            + [DATA / "pdf_dev_queries.jsonl", DATA / "pdf_dev_facts.jsonl"]:
        m = re.search(r"_round(\d+)", p.name)
        group = f"r{m.group(1)}" if m and int(m.group(1)) >= 14 else "old"
        out.append((group, p))
    return out


@dataclass
class Pairs:
    """Training rows: each query's vector, its candidates' targets, which of them are judged."""

    qvec: np.ndarray  # (n, d)
    target: np.ndarray  # (n, k, d): 0.8 best sentence + 0.2 chunk vector of each candidate
    positive: np.ndarray  # (n, k) bool
    group: np.ndarray  # (n,) str
    doc: np.ndarray  # (n,) str: the judged document's symbol

    def subset(self, keep: np.ndarray) -> "Pairs":
        return Pairs(self.qvec[keep], self.target[keep], self.positive[keep], self.group[keep], self.doc[keep])


class IndexVectors:
    """One index's chunk and sentence vectors and each chunk's best sentence for a query."""

    def __init__(self, searcher):
        rk = searcher._ranking()
        self.n = searcher.manifest.chunks
        self.chunks = np.asarray(rk._vectors_of(np.arange(self.n)), dtype="float32")
        _, chunk_of, sent = rk._sentences()
        self.chunk_of = np.asarray(chunk_of)
        self.sentences = np.asarray(sent, dtype="float32")
        self.starts = np.flatnonzero(np.r_[True, self.chunk_of[1:] != self.chunk_of[:-1]])
        self.owner = self.chunk_of[self.starts]

    def best_sentences(self, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(best sentence cosine, its sentence row) of every chunk; a chunk without sentences: its
        own cosine, row -1."""
        sims = self.sentences @ q
        best = np.maximum.reduceat(sims, self.starts)
        cos = (self.chunks @ q).astype("float64")
        row = np.full(self.n, -1)
        at = np.flatnonzero(sims == np.repeat(best, np.diff(np.r_[self.starts, len(sims)])))
        first = at[np.r_[True, self.chunk_of[at][1:] != self.chunk_of[at][:-1]]]
        row[self.chunk_of[first]] = first
        sent = cos.copy()
        sent[self.owner] = best
        return sent, row

    def cosines(self, q: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(chunk cosine, best-sentence cosine) of the chunks ``ids``."""
        sent, _ = self.best_sentences(q)
        return (self.chunks[ids] @ q).astype("float64"), sent[ids]


def zscore(x: np.ndarray) -> np.ndarray:
    return (x - x.mean()) / (x.std() + 1e-12)


def _read(path: Path) -> list:
    """A file's queries; a fact file's ``also`` (the answer's other spellings, not citations) left
    out, and a question without a paragraph (unanswerable) skipped."""
    if "_facts" not in path.name:
        return read_queries(path)
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if row.get("symbol") and row.get("para") is not None:
            lines.append(json.dumps({k: row[k] for k in ("id", "query", "symbol", "para", "part", "page", "split", "kind")
                                     if k in row} | {"also": []}))
    return parse_queries(lines, source=str(path))


def collect_pairs(searcher, files: list[tuple[str, Path]], split: str = "dev", within_document: bool = False) -> Pairs:
    """Training rows from the ``split`` half of each file, over the library ``searcher``;
    ``within_document``: the negatives are the judged document's other chunks only (the map then
    learns how a question meets its paragraph, not which document a subject lives in)."""
    from search.evaluate import _default_doc
    from rank_harness import row_keys

    vec, keys, rk = IndexVectors(searcher), row_keys(searcher), searcher._ranking()
    docs = rk._documents()
    rows = {"qvec": [], "target": [], "positive": [], "group": [], "doc": []}
    for group, path in files:
        for q in _read(path):
            if q.split != split:
                continue
            target = _default_doc(searcher, q.doc) if q.doc else _default_doc(searcher, None)
            rel, _ = q.judged(target)
            pos = np.array([i for i, k in enumerate(keys) if k in rel], dtype=int)
            if not len(pos):
                continue
            qv = np.asarray(rk._embed(q.query), dtype="float32")[0]
            sent, srow = vec.best_sentences(qv)
            dense = SENTENCE_SHARE * zscore(sent) + (1 - SENTENCE_SHARE) * zscore(vec.chunks @ qv)
            if within_document:
                dense = np.where(docs == docs[pos[0]], dense, -np.inf)
            judged = set(pos.tolist())
            neg = [i for i in np.argsort(-dense, kind="stable")[:NEGATIVES + len(pos)]
                   if i not in judged and np.isfinite(dense[i])]
            cand = np.r_[pos, neg[:NEGATIVES]]
            svec = np.where((srow[cand] >= 0)[:, None], vec.sentences[np.maximum(srow[cand], 0)], vec.chunks[cand])
            rows["qvec"].append(qv)
            rows["target"].append(SENTENCE_SHARE * svec + (1 - SENTENCE_SHARE) * vec.chunks[cand])
            rows["positive"].append(np.arange(len(cand)) < len(pos))
            rows["group"].append(group)
            rows["doc"].append(target)
    width = max(len(p) for p in rows["positive"])
    pad = lambda a, fill: np.stack([np.concatenate([x, np.full((width - len(x),) + x.shape[1:], fill, x.dtype)])
                                    for x in a])
    return Pairs(np.stack(rows["qvec"]), pad(rows["target"], 0.0), pad(rows["positive"], False),
                 np.array(rows["group"]), np.array(rows["doc"]))


def fit(pairs: Pairs, rank: int = 0, l2: float = 0.1, epochs: int = 20, seed: int = 0, batch: int = 64,
        lr: float = 1e-3) -> np.ndarray:
    """``W = I + D`` (``rank`` 0: full ``D``; −1: diagonal; else ``U Vᵀ``) minimising the softmax loss of the judged
    candidates among each query's candidates, plus ``l2 × ‖D‖²`` (Adam, hand-written gradients)."""
    rng = np.random.default_rng(seed)
    d = pairs.qvec.shape[1]
    params = [np.zeros(d)] if rank < 0 else [np.zeros((d, d))] if rank == 0 else \
        [np.zeros((d, rank)), rng.normal(0, 0.01, (d, rank))]
    moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
    real = np.abs(pairs.target).sum(2) > 0
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(pairs.qvec))
        for at in range(0, len(order), batch):
            b = order[at:at + batch]
            grads = _gradients(pairs.qvec[b].astype("float64"), pairs.target[b].astype("float64"),
                               pairs.positive[b], real[b], params, l2)
            step += 1
            for p, g, m in zip(params, grads, moments):
                m[0] = 0.9 * m[0] + 0.1 * g
                m[1] = 0.999 * m[1] + 0.001 * g * g
                p -= lr * (m[0] / (1 - 0.9 ** step)) / (np.sqrt(m[1] / (1 - 0.999 ** step)) + 1e-8)
    return (np.eye(d) + _delta(params)).astype("float32")


def _delta(params: list) -> np.ndarray:
    """``D`` from its parameters: a diagonal, a full matrix, or ``U`` and ``V``."""
    if len(params) == 2:
        return params[0] @ params[1].T
    return np.diag(params[0]) if params[0].ndim == 1 else params[0]


def _gradients(x, t, pos, real, params, l2):
    """Gradients of the multi-positive softmax loss (−log of the judged candidates' share) plus the
    L2 penalty, with respect to ``D`` or to ``U`` and ``V``."""
    delta = _delta(params)
    z = x + x @ delta.T
    norm = np.linalg.norm(z, axis=1, keepdims=True)
    q = z / norm
    logits = np.einsum("nd,nkd->nk", q, t) / TAU
    logits = np.where(real, logits, -np.inf)
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    pp = np.where(pos, p, 0.0)
    g = (p - pp / pp.sum(1, keepdims=True)) / len(x)
    dq = np.einsum("nk,nkd->nd", g, t) / TAU
    dz = (dq - q * (dq * q).sum(1, keepdims=True)) / norm
    ddelta = dz.T @ x + 2 * l2 * delta
    if len(params) == 1:
        return [np.diag(ddelta) if params[0].ndim == 1 else ddelta]
    u, v = params
    return [ddelta @ v, ddelta.T @ u]


def adapt(q: np.ndarray, w: np.ndarray, alpha: float) -> np.ndarray:
    """``normalise((1 − α) q + α normalise(W q))``."""
    a = w @ q
    m = (1 - alpha) * q + alpha * a / np.linalg.norm(a)
    return (m / np.linalg.norm(m)).astype("float32")


SET_GROUP = {"lib": "old", "unseen": "old", "round4": "old", "round7": "old"}
FOLDS = {"old": ["old"], "r14-16": ["r14", "r15", "r16"], "r17-19": ["r17", "r18", "r19"],
         "r20-22": ["r20", "r21", "r22"], "r23-25": ["r23", "r24", "r25"]}
GUARDS = ["Adev alone", "Adev lib", "Aown alone", "Aown lib"]


def set_group(name: str) -> str:
    return SET_GROUP.get(name, "r" + name[5:] if name.startswith("round") else name)


class _AllVectors:
    """Every chunk's vector by row id (for the near-repeat step, whatever the head holds)."""

    def __init__(self, chunks: np.ndarray):
        self.chunks = chunks

    def __getitem__(self, i: int) -> np.ndarray:
        return self.chunks[i]


def adapted_scores(rec: dict, vec: IndexVectors, cos: tuple | None, where: str) -> np.ndarray:
    """The shipped ranking of a cached record with the adapted query's (chunk cosine, best-sentence
    cosine) of every chunk, ``cos``, in the chunk and/or sentence cosine (None: as shipped)."""
    from rank_harness import shipped_fn

    sig = rec["sig"]
    if cos is not None:
        sig = replace(sig, chunk=cos[0][sig.ids] if where in ("chunk", "both") else sig.chunk,
                      sentence=cos[1][sig.ids] if where in ("sentence", "both") else sig.sentence)
    return shipped_fn(dict(rec, sig=sig, vecs=_AllVectors(vec.chunks)))


def all_cosines(vec: IndexVectors, qs: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each query's (chunk cosine, best-sentence cosine) of every chunk, in one pass."""
    chunk = (vec.chunks @ qs.T).astype("float64")
    best = np.maximum.reduceat(vec.sentences @ qs.T, vec.starts, axis=0)
    sent = chunk.copy()
    sent[vec.owner] = best
    return [(chunk[:, i], sent[:, i]) for i in range(len(qs))]


def leave_out(pairs: Pairs, records: list[dict], vecs: dict, opts: argparse.Namespace) -> None:
    """Each fold: fit without its groups (and, ``--by-document``, without its documents), print its
    sets' and the guards' MRR@10 / R@5 per variant."""
    for fold, groups in FOLDS.items():
        test = [r for r in records if set_group(r["set"]) in groups or r["set"] in GUARDS]
        docs = {r["doc"] for r in test if r["set"] not in GUARDS}
        keep = ~np.isin(pairs.group, groups)
        if opts.by_document:
            keep &= ~np.isin(pairs.doc, list(docs))
        train = pairs.subset(keep)
        print(f"== fold {fold}: {len(train.qvec)} training rows; {len(test)} test records; "
              f"{len(docs & set(train.doc.tolist()))} of {len(docs)} test documents in training", flush=True)
        sets = sorted({r["set"] for r in test}, key=lambda s: (s in GUARDS, s))
        _score_line("shipped", test, sets, lambda r, i: adapted_scores(r, vecs[r["set"].endswith("alone")], None, ""))
        for l2 in opts.l2s:
            w = fit(train, rank=opts.rank, l2=l2, epochs=opts.epochs)
            for alpha in opts.alphas:
                cos = _test_cosines(test, vecs, w, alpha)
                for where in opts.wheres:
                    _score_line(f"l2 {l2} a{alpha} {where}", test, sets, lambda r, i: adapted_scores(
                        r, vecs[r["set"].endswith("alone")], cos[i], where))


def _test_cosines(test: list[dict], vecs: dict, w: np.ndarray, alpha: float) -> list:
    """Every test record's adapted cosines, over its own index."""
    out: list = [None] * len(test)
    for alone, vec in vecs.items():
        at = [i for i, r in enumerate(test) if r["set"].endswith("alone") == alone]
        if at:
            qs = np.stack([adapt(test[i]["qvec"], w, alpha) for i in at])
            for i, c in zip(at, all_cosines(vec, qs)):
                out[i] = c
    return out


def _score_line(label: str, records: list[dict], sets: list[str], fn) -> None:
    from rank_harness import metrics

    got: dict = {}
    for i, r in enumerate(records):
        got.setdefault(r["set"], []).append(metrics(r, fn(r, i)))
    cells = " | ".join(f"{s} {np.mean([a for a, _ in got[s]]):.3f}/{np.mean([b for _, b in got[s]]):.3f}" for s in sets)
    nonguard = [a for s in sets if s not in GUARDS for a, _ in got[s]]
    print(f"{label:<22} fold {np.mean(nonguard):.4f} | {cells}", flush=True)


def main() -> None:
    from search import Searcher

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("--out", help="where to write the fitted map (.npz)")
    ap.add_argument("--leave-out", help="a bench/rank_harness.py cache: measure by leaving rounds out")
    ap.add_argument("--report", help="the one-report index (with --leave-out)")
    ap.add_argument("--pairs", help="a file to keep the training rows in (read if it exists)")
    ap.add_argument("--within-document", action="store_true", help="negatives from the judged document only")
    ap.add_argument("--rank", type=int, default=0)
    ap.add_argument("--l2", default="0.1", help="the penalty (several, comma-separated, with --leave-out)")
    ap.add_argument("--by-document", action="store_true", help="with --leave-out: also leave out the test documents")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--alphas", default="0.25,0.5,1")
    ap.add_argument("--where", default="chunk,sentence,both")
    args = ap.parse_args()
    if not (args.out or args.leave_out):
        sys.exit("say what to do: --out FILE.npz (fit and write the map) or --leave-out CACHE.pkl --report DIR")
    if args.leave_out and not (Path(args.leave_out).is_file() and args.report):
        sys.exit(f"{args.leave_out}: no such cache (bench/rank_harness.py writes one), or no --report given")
    lib = Searcher.open(args.library)
    if args.pairs and Path(args.pairs).exists():
        pairs = Pairs(**np.load(args.pairs))
    else:
        pairs = collect_pairs(lib, sources(), within_document=args.within_document)
        if args.pairs:
            np.savez(args.pairs, **vars(pairs))
    print(f"{len(pairs.qvec)} training rows from {len(set(pairs.doc.tolist()))} documents", flush=True)
    if args.leave_out:
        records = pickle.load(open(args.leave_out, "rb"))
        vecs = {False: IndexVectors(lib), True: IndexVectors(Searcher.open(args.report))}
        args.l2s, args.alphas = [float(x) for x in args.l2.split(",")], [float(a) for a in args.alphas.split(",")]
        args.wheres = args.where.split(",")
        leave_out(pairs, records, vecs, args)
    if args.out:
        w = fit(pairs, rank=args.rank, l2=float(args.l2), epochs=args.epochs)
        np.savez_compressed(args.out, w=w)
        print(f"wrote {args.out}: ‖W − I‖ {np.linalg.norm(w - np.eye(len(w))):.3f}")


if __name__ == "__main__":
    main()
