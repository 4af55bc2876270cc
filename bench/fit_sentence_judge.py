"""A sentence-level judgement learned from our labelled questions, as a second path for the focus check (issue #19).

Tried and dropped (docs/answers-log.md, "h-r25judge"); the bench stays so the table can be read again.
``collect --library DIR --out C.json [--shard I/N]`` asks every tuning question (``answer_outcomes.tuning_sets``:
dev halves and promoted held-out halves, never the other held-out halves) and records every sentence the focus
check judged: its text, its context, the focus share, its scores, and a label: 1 for a sentence of the labelled
paragraph that writes the answer, 0 for any sentence of a trap, or a fact question's sentence that does not write
the answer (one writing it outside the labelled paragraph is left out). ``table --collected C.json[,C2.json]
[--drop 4,5,6] [--proj N] [--low-only]`` fits a logistic model (the shipped encoder's vectors: cosines of the question
and its subject words to the sentence and its context, the lexical scalars unless dropped, and the product of the
question's and sentence's vectors on N main axes) on some rounds and prints, on the others, per threshold, the
focus-refused sentences it lets through: right sentences against trap sentences. ``fit ... --fit-from A --upto B --out
M.npz --threshold T`` writes one such model (deterministic: Newton steps, signs of the axes fixed) and lists the
questions on which it frees a sentence. Asking them again with the judge in the answer needs the runtime path of
commit f420e9d (``search/sentence_judge.py``, ``PARACITE_SENTENCE_JUDGE``), which was reverted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_answers as ba  # noqa: E402
from answer_outcomes import outcome  # noqa: E402
from gate_ablation import _rows  # noqa: E402  (the tuning questions, sharded the same way)


def _label(r: dict, citation: str, text: str) -> int | None:
    """1: the labelled paragraph's sentence that writes the answer; 0: a trap's or another sentence; None: unclear."""
    if r.get("kind") == "none" or "answer" not in r:
        return 0
    writes = any(ba.contains(text, w) for w in [r["answer"], *r.get("also", [])])
    if not writes:
        return 0
    return 1 if citation.split(" [")[0] in ba._labels(r) else None


def collect(index: str, out: Path, shard: str | None) -> None:
    """Every (question, sentence) the focus check judged, with its label and the question's outcome."""
    import search.answer as answer
    from search import Searcher
    from search.evidence import named_context

    seen: list = []
    real = answer._focus

    def spy(s, terms, *args, **kw):
        value = real(s, terms, *args, **kw)
        seen.append((s, value, [t.text for t in answer._focus_terms(terms)]))
        return value

    answer._focus = spy
    searcher, res = Searcher.open(index), {}
    for key, r in _rows(shard):
        seen.clear()
        a = searcher.ask(r["query"])
        rows, done = [], set()
        for s, value, words in seen:
            mark = (s.hit.citation, s.sentence.start)
            if mark in done:
                continue
            done.add(mark)
            rows.append({"cit": s.hit.citation, "text": s.sentence.text, "ctx": named_context(s), "focus": value,
                         "words": words, "score": s.score, "cos": s.cosine, "cover": s.coverage,
                         "label": _label(r, s.hit.citation, s.sentence.text)})
        res[key] = {"q": r["query"], "o": outcome(r, a), "kind": "none" if r.get("kind") == "none" or "answer" not in r
                    else "fact", "own": "own" in (r.get("note") or ""), "sents": rows}
    out.write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")


def round_of(key: str) -> int:
    """The round a tuning set belongs to (0: the first sets, written before the blind rounds)."""
    m = re.search(r"(\d+)$", key.split(":")[0])
    return int(m.group(1)) if m else 0


def _load(paths: str) -> dict:
    out: dict = {}
    for p in paths.split(","):
        out.update(json.loads(Path(p).read_text(encoding="utf-8")))
    return out


def _pairs(col: dict, labelled: bool = True) -> list[tuple[str, dict]]:
    return [(k, s) for k, v in col.items() for s in v["sents"] if s["label"] is not None or not labelled]


def _embed(texts: list[str], cache: Path) -> dict[str, np.ndarray]:
    """Unit vectors of ``texts`` by the shipped encoder, kept in ``cache`` (embedding is the slow part)."""
    from search.dense import embed_texts

    have: dict[str, np.ndarray] = {}
    if cache.exists():
        z = np.load(cache, allow_pickle=False)
        have = dict(zip(z["texts"].tolist(), z["vecs"]))
    todo = sorted({t for t in texts if t not in have})
    for i in range(0, len(todo), 256):
        vecs = embed_texts(todo[i:i + 256])
        have.update(zip(todo[i:i + 256], vecs))
    if todo:
        keys = sorted(have)
        np.savez(cache, texts=np.array(keys), vecs=np.stack([have[k] for k in keys]))
    return have


N_SCALARS = 7


def features(q: np.ndarray, s: np.ndarray, c: np.ndarray, w: np.ndarray, focus: float, cover: float,
             score: float) -> np.ndarray:
    """One pair's inputs: cosines of the question (``q``) and its subject words (``w``) to the sentence (``s``) and its
    context (``c``), the lexical focus share, the sentence's coverage and score; then the product ``q * s``."""
    return np.concatenate([[float(q @ s), float(q @ c), float(w @ s), float(w @ c), focus, cover, score], q * s])


def probability(model: dict, x: np.ndarray) -> np.ndarray:
    """The model's score of each row of ``x`` (``features`` rows)."""
    prod = x[:, N_SCALARS:]
    z = np.hstack([x[:, :N_SCALARS], (prod - model["mean"]) @ model["axes"].T])
    zz = np.hstack([(z - model["mu"]) / model["sd"] * model["keep"], np.ones((len(z), 1))])
    return 1 / (1 + np.exp(-zz @ model["beta"]))


def _matrix(col: dict, vecs: dict, labelled: bool = True) -> tuple[list[str], np.ndarray, np.ndarray, list[dict]]:
    keys, xs, ys, rows = [], [], [], []
    for k, s in _pairs(col, labelled):
        q, w = vecs[col[k]["q"]], vecs[" ".join(s["words"]) or col[k]["q"]]
        xs.append(features(q, vecs[s["text"]], vecs[s["ctx"]], w, s["focus"], s["cover"], s["score"]))
        ys.append(s["label"] or 0)
        keys.append(k)
        rows.append(s)
    return keys, np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64), rows


N_PROJ, L2 = 16, 1.0


LOW_ONLY = False  # fit only on the pairs the focus check refuses (the judge's own population)
DROP: tuple[int, ...] = ()  # scalar columns left out (4, 5, 6: the lexical focus, coverage and score)


def fit_model(x: np.ndarray, y: np.ndarray, n_proj: int = N_PROJ, l2: float = L2) -> dict:
    """Logistic regression (Newton steps, L2) on the scalars and the product projected on its ``n_proj`` main axes."""
    prod = x[:, N_SCALARS:]
    mean = prod.mean(axis=0)
    _, _, vt = np.linalg.svd(prod - mean, full_matrices=False)
    axes = vt[:n_proj]
    for i, a in enumerate(axes):  # a sign fixed by the data, so two fits give one model
        if a[np.argmax(np.abs(a))] < 0:
            axes[i] = -a
    z = np.hstack([x[:, :N_SCALARS], (prod - mean) @ axes.T])
    mu, sd = z.mean(axis=0), z.std(axis=0) + 1e-9
    keep = np.ones(z.shape[1])
    keep[list(DROP)] = 0.0
    zz = np.hstack([(z - mu) / sd * keep, np.ones((len(z), 1))])
    beta = np.zeros(zz.shape[1])
    weight = np.where(y > 0, 0.5 * len(y) / max(1, y.sum()), 0.5 * len(y) / max(1, len(y) - y.sum()))
    for _ in range(50):
        p = 1 / (1 + np.exp(-zz @ beta))
        grad = zz.T @ (weight * (p - y)) + l2 * np.r_[beta[:-1], 0]
        hess = (zz * (weight * p * (1 - p))[:, None]).T @ zz + l2 * np.diag(np.r_[np.ones(len(beta) - 1), 0])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"mean": mean, "axes": axes, "mu": mu, "sd": sd, "beta": beta, "keep": keep}


def table(col: dict, vecs: dict, splits: list[tuple[str, callable, callable]], thresholds: list[float]) -> None:
    """Per split (fit on one part, test on another): at each threshold, among the test questions' focus-refused
    sentences: facts whose right sentence passes (base outcome not ok / ok), traps with a passing sentence, and
    fact questions ok at base with a passing wrong sentence (a risk)."""
    from search.answer import MIN_FOCUS

    keys, x, y, rows = _matrix(col, vecs)
    for name, train, test in splits:
        tr = np.array([train(k) and (not LOW_ONLY or r["focus"] < MIN_FOCUS) for k, r in zip(keys, rows)])
        te = np.array([test(k) for k in keys])
        model = fit_model(x[tr], y[tr], N_PROJ)
        p = probability(model, x)
        print(f"== {name}: train {int(tr.sum())} pairs ({int(y[tr].sum())} positive), test {int(te.sum())} pairs")
        low = np.array([te[i] and rows[i]["focus"] < MIN_FOCUS for i in range(len(keys))])
        pos = sorted(((round(float(p[i]), 3), keys[i]) for i in np.where(low & (y == 1))[0]), reverse=True)
        trap = sorted(((round(float(p[i]), 3), keys[i]) for i in np.where(low & np.array(
            [col[k]["kind"] == "none" for k in keys]))[0]), reverse=True)
        print(f"  focus-refused right sentences: {pos}\n  best trap sentences: {trap[:8]}")
        print("| threshold | right sentences freed (facts not ok / ok at base) | traps with a sentence freed | ok facts with a wrong sentence freed |")
        print("|---|---|---|---|")
        for t in thresholds:
            freed = [i for i in range(len(keys)) if te[i] and rows[i]["focus"] < MIN_FOCUS and p[i] >= t]
            right = {keys[i] for i in freed if y[i] == 1}
            gain = sorted(k for k in right if col[k]["o"] != "ok")
            traps = sorted({keys[i] for i in freed if col[keys[i]]["kind"] == "none"})
            risk = sorted({keys[i] for i in freed if y[i] == 0 and col[keys[i]]["kind"] == "fact" and col[keys[i]]["o"] == "ok"})
            print(f"| {t:.2f} | {len(gain)} / {len(right) - len(gain)} {gain[:6]} | {len(traps)} {traps[:6]} | {len(risk)} |")


def save(col: dict, vecs: dict, out: Path, train) -> dict:
    """The model fitted on the pairs of the questions ``train`` keeps, written to ``out`` (npz)."""
    keys, x, y, _ = _matrix(col, vecs)
    keep = np.array([train(k) for k in keys])
    model = fit_model(x[keep], y[keep], N_PROJ)
    np.savez(out, **{k: np.asarray(v, dtype=np.float32) for k, v in model.items()})
    return model


def freed(col: dict, vecs: dict, model: dict, cut: float) -> list[str]:
    """The questions on which the model passes a sentence the focus check refuses (the only ones it can change)."""
    from search.answer import MIN_FOCUS

    keys, x, _, rows = _matrix(col, vecs, labelled=False)
    p = probability(model, x)
    return sorted({k for k, r, pi in zip(keys, rows, p) if r["focus"] < MIN_FOCUS and pi >= cut})


def main() -> int:
    global DROP, N_PROJ, LOW_ONLY
    p = argparse.ArgumentParser()
    p.add_argument("step", choices=("collect", "table", "fit"))
    p.add_argument("--upto", type=int, default=99, help="fit: only the rounds up to this one")
    p.add_argument("--threshold", type=float, default=0.9)
    p.add_argument("--drop", default="", help="scalar columns to leave out, e.g. 4,5,6")
    p.add_argument("--proj", type=int, default=16)
    p.add_argument("--low-only", action="store_true")
    p.add_argument("--fit-from", type=int, default=0, help="fit: only the rounds from this one on")
    p.add_argument("--library")
    p.add_argument("--out", type=Path)
    p.add_argument("--shard")
    p.add_argument("--collected", default="")
    p.add_argument("--cache", type=Path, default=Path("judge_vectors.npz"))
    args = p.parse_args()
    if args.step == "collect":
        collect(args.library, args.out, args.shard)
        return 0
    DROP, N_PROJ, LOW_ONLY = tuple(int(c) for c in args.drop.split(",") if c), args.proj, args.low_only
    col = _load(args.collected)
    texts = [v["q"] for v in col.values()] + [t for v in col.values() for s in v["sents"]
                                              for t in (s["text"], s["ctx"], " ".join(s["words"]))]
    vecs = _embed([t for t in texts if t], args.cache)
    if args.step == "fit":
        model = save(col, vecs, args.out, lambda k: args.fit_from <= round_of(k) <= args.upto)
        print("\n".join(freed(col, vecs, model, args.threshold)))
        return 0
    splits = [("fit <= 22, test 23-25", lambda k: round_of(k) <= 22, lambda k: round_of(k) >= 23),
              ("fit >= 14, test < 14", lambda k: round_of(k) >= 14, lambda k: round_of(k) < 14),
              ("fit rounds odd, test even", lambda k: round_of(k) % 2 == 1, lambda k: round_of(k) % 2 == 0)]
    table(col, vecs, splits, [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
