"""Where `ask` loses the labelled fact, and whether a reweighting of the pick transfers across rounds (issue #19).

Run ``python bench/pick_diagnosis.py --library DIR --out FILE.json`` to ask every fact question of the tuning
halves (``answer_outcomes.tuning_sets``: never a never-tuned half) and record, for each, the stage at which the
labelled paragraph drops out and every candidate fact ``find_facts`` scored, with its score's components and a
few clause-level signals. ``--stages FILE.json`` prints the stage table; ``--transfer FILE.json`` fits a listwise
correction of the shipped fact score (``score + X @ w``) leaving one round out at a time, and sweeps one signal at
a time, each reported per round, so that a weighting is kept only if it helps rounds it was not fitted on.

Stages: ``ok``; ``not retrieved`` (the paragraph is not among the hits read); ``gated`` (read, but the names gate
dropped its sentences); ``beyond the read`` (kept, but below the best sentences ``find_facts`` reads); ``no
candidate`` (among them, but no fact from it: a gate of ``find_facts``, or no span of the kind); ``wrong span``
(a fact from it, none giving the answer); ``out-picked`` (a right fact lost to another); ``after pick`` (the top
fact is right, the answer not: a threshold, the citation's paragraph).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import answer_outcomes as ao  # noqa: E402
import bench_answers as ba  # noqa: E402

FACT_SENTENCES = 12  # search.answer.FACT_SENTENCES (checked by the tests)
SIGNALS = ("cosine", "coverage", "rank", "focus", "bonus", "own", "clause", "paragraph", "title", "first")
_BREAK = re.compile(r"[,;:()—–]")


@dataclass
class Candidate:
    """One fact ``find_facts`` scored: where it is, whether it is the labelled answer, its score's parts."""

    citation: str
    symbol: str
    right: bool
    score: float
    signals: dict[str, float]


@dataclass
class Diagnosis:
    """One question: its outcome, where its labelled paragraph stood at each step, the candidates."""

    set: str
    id: str
    outcome: str
    retrieved: int = -1     # rank of the labelled paragraph among the hits read, -1 if none
    read: int = -1          # rank of its best sentence among all sentences scored
    kept: int = -1          # ... among those the names gate kept
    labels: tuple[str, ...] = ()
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def stage(self) -> str:
        if self.outcome == "ok":
            return "ok"
        labelled = [c for c in self.candidates if c.citation in self.labels]
        if self.candidates and self.candidates[0].right:
            return "after pick"
        if any(c.right for c in self.candidates):
            return "out-picked"
        if labelled:
            return "wrong span"
        if self.kept >= FACT_SENTENCES:
            return "beyond the read"
        if self.kept >= 0:
            return "no candidate"
        return "gated" if self.read >= 0 else "not retrieved"


def shares(terms: list[tuple[str, float]], stem_sets: list[set[str]]) -> list[float]:
    """The weighted share of the question's stems (stem, weight) each set of stems holds."""
    total = sum(w for _, w in terms) or 1.0
    return [sum(w for st, w in terms if st in stems) / total for stems in stem_sets]


def stretch_stems(sentence: str, start: int, end: int) -> set[str]:
    """The stems of the stretch of ``sentence`` between the punctuation breaks around [start, end)."""
    from search.terms import tokenize

    toks, n, ids = tokenize([sentence])[0], 0, []
    for i, t in enumerate(toks):
        if i and _BREAK.search(sentence, toks[i - 1].end, t.end):
            n += 1
        ids.append(n)
    inside = [ids[i] for i, t in enumerate(toks) if start <= t.start and t.end <= end]
    if not inside:
        return set()
    return {t.stem for i, t in enumerate(toks) if min(inside) <= ids[i] <= max(inside)}


def signals(fact, terms) -> dict[str, float]:
    """The shipped score's parts and the clause-level signals of one candidate fact."""
    from search.evidence import W_COS, W_COVER, W_RANK
    from search.answer import W_FOCUS
    from search.terms import tokenize

    w, q = fact.where, [(t.stem, t.weight) for t in terms]
    own, para, title = ({t.stem for t in toks} for toks in tokenize(
        [w.sentence.text, w.hit.text + " " + " ".join(w.hit.section[-1:]), w.hit.title or ""]))
    clause = stretch_stems(w.sentence.text, fact.spans[0].start, fact.spans[-1].end)
    own_s, clause_s, para_s, title_s = shares(q, [own, clause, para, title])
    return {"cosine": w.cosine, "coverage": w.coverage, "rank": (w.score - W_COS * w.cosine - W_COVER * w.coverage) / W_RANK,
            "focus": fact.focus, "bonus": fact.score - w.score + W_FOCUS * (1 - fact.focus), "own": own_s,
            "clause": clause_s, "paragraph": para_s, "title": title_s, "first": float(w.sentence.start == 0)}


def diagnose(searcher, name: str, row: dict) -> Diagnosis:
    """Ask ``row``'s question, watching the hits, the scored sentences and the candidate facts."""
    import search.answer as answer

    seen: dict = {}
    def watch(key, fn):
        def wrapped(*a, **k):
            seen[key] = out = fn(*a, **k)
            if key == "facts":
                seen["kept"], seen["terms"] = a[0], a[2]
            return out
        return wrapped
    saved = {n: getattr(answer, n) for n in ("retrieve", "score_sentences", "find_facts")}
    for n, key in (("retrieve", "hits"), ("score_sentences", "read"), ("find_facts", "facts")):
        setattr(answer, n, watch(key, saved[n]))
    try:
        a = searcher.ask(row["query"])
    finally:
        for n, fn in saved.items():
            setattr(answer, n, fn)
    labels, want = tuple(ba._labels(row)), [row["answer"], *row.get("also", [])]
    def first(items, cite):
        return next((i for i, x in enumerate(items) if cite(x) in labels), -1)
    d = Diagnosis(name, row["id"], ao.outcome(row, a), first(seen.get("hits", []), lambda h: h.citation),
                  first(seen.get("read", []), lambda s: s.hit.citation), first(seen.get("kept", []), lambda s: s.hit.citation),
                  labels=labels)
    from search.fact_sources import render_spans

    for f in seen.get("facts", []):
        said = render_spans(f.spans, f.where.sentence.text)
        d.candidates.append(Candidate(f.where.hit.citation, f.where.hit.symbol,
                                      f.where.hit.citation in labels and any(ba.contains(said, x) for x in want),
                                      f.score, signals(f, seen["terms"])))
    return d


def record(index: str, out: Path, only: list[str] = ()) -> list[Diagnosis]:
    from search import Searcher

    searcher = Searcher.open(index)
    found = [diagnose(searcher, name, r) for name, rows in ao.tuning_sets().items() for r in rows
             if r.get("kind") != "none" and "answer" in r and (not only or name in only)]
    out.write_text(json.dumps([asdict(d) for d in found], ensure_ascii=False), encoding="utf-8")
    return found


def load(path: Path) -> list[Diagnosis]:
    found = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        cands = [Candidate(**c) for c in raw.pop("candidates")]
        found.append(Diagnosis(**{**raw, "labels": tuple(raw["labels"])}, candidates=cands))
    return found


def stage_table(found: list[Diagnosis]) -> dict[str, Counter]:
    """Set name -> how many questions end at each stage."""
    table: dict[str, Counter] = {}
    for d in found:
        table.setdefault(d.set, Counter())[d.stage] += 1
    return table


def design(found: list[Diagnosis], names=SIGNALS) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    """Each question with a right candidate and a wrong one: its set, shipped scores, signals, and which is right."""
    out = []
    for d in found:
        y = np.array([c.right for c in d.candidates], float)
        if y.any() and not y.all():
            X = np.array([[c.signals[n] for n in names] for c in d.candidates])
            out.append((d.set, np.array([c.score for c in d.candidates]), X - X.max(axis=0), y))
    return out


def _loss(w, data, l2):
    total, grad = 0.0, np.zeros_like(w)
    for _, base, X, y in data:
        s = base + X @ w
        p = np.exp(s - s.max())
        p /= p.sum()
        t = y / y.sum()
        total -= float((t * np.log(p + 1e-12)).sum())
        grad -= X.T @ (t - p)
    n = max(1, len(data))
    return total / n + l2 * (w @ w), grad / n + 2 * l2 * w


def fit(data, l2: float = 0.01) -> np.ndarray:
    """Weights of the listwise softmax correction ``score + X @ w`` (zero weights: the shipped pick)."""
    if not data:
        return np.zeros(len(SIGNALS))
    return minimize(_loss, np.zeros(data[0][2].shape[1]), args=(data, l2), jac=True, method="L-BFGS-B").x


def right_picks(found: list[Diagnosis], w: np.ndarray, names=SIGNALS) -> int:
    """Questions whose best candidate under ``score + signals @ w`` is right."""
    n = 0
    for d in found:
        if d.candidates:
            s = [c.score + np.array([c.signals[k] for k in names]) @ w for c in d.candidates]
            n += d.candidates[int(np.argmax(s))].right
    return n


def leave_one_round_out(found: list[Diagnosis], l2: float = 0.01) -> dict[str, tuple[int, int, int]]:
    """Set -> (questions, right picks shipped, right picks with weights fitted on the other sets)."""
    data, out = design(found), {}
    for held in sorted({d.set for d in found}):
        w = fit([x for x in data if x[0] != held], l2)
        mine = [d for d in found if d.set == held]
        out[held] = (len(mine), right_picks(mine, np.zeros(len(SIGNALS))), right_picks(mine, w))
    return out


def sweep(found: list[Diagnosis], steps=(-0.2, -0.1, -0.05, 0.05, 0.1, 0.2)) -> list[tuple[str, float, dict[str, int]]]:
    """One signal at a time added to the score: per set, right picks gained minus lost (sets that moved)."""
    sets = {s: [d for d in found if d.set == s] for s in sorted({d.set for d in found})}
    shipped = {s: right_picks(ds, np.zeros(len(SIGNALS))) for s, ds in sets.items()}
    out = []
    for i, name in enumerate(SIGNALS):
        for step in steps:
            w = np.zeros(len(SIGNALS))
            w[i] = step
            moved = {s: right_picks(ds, w) - shipped[s] for s, ds in sets.items()}
            out.append((name, step, {s: v for s, v in moved.items() if v}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", help="index folder to ask (with --out)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--set", action="append", default=[], help="with --out: only this tuning set (repeatable)")
    ap.add_argument("--stages", type=Path, help="a recorded FILE.json: the stage table and the misses")
    ap.add_argument("--transfer", type=Path, help="a recorded FILE.json: leave-one-round-out fit and the sweep")
    args = ap.parse_args()
    if args.library and args.out:
        found = record(args.library, args.out, args.set)
    elif args.stages or args.transfer:
        found = load(args.stages or args.transfer)
    else:
        ap.error("give --library and --out, or --stages / --transfer FILE.json")
    if args.stages or args.out:
        table = stage_table(found)
        table["all"] = sum(table.values(), Counter())
        for name, counts in sorted(table.items()):
            print(f"  {name:8s} " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
        for d in found:
            if d.stage != "ok":
                print(f"    {d.set}:{d.id} {d.stage} (hit {d.retrieved}, read {d.read}, kept {d.kept}, "
                      f"{len(d.candidates)} candidates)")
    if args.transfer:
        rows = leave_one_round_out(found)
        for name, (n, base, fitted) in rows.items():
            print(f"  {name:8s} {n:3d} questions: shipped {base}, fitted on the others {fitted}")
        print(f"  all: shipped {sum(r[1] for r in rows.values())}, left out {sum(r[2] for r in rows.values())}")
        for name, step, by in sweep(found):
            if by:
                print(f"  {name:9s} {step:+.2f}: " + ", ".join(f"{k} {v:+d}" for k, v in sorted(by.items())))


if __name__ == "__main__":
    main()
