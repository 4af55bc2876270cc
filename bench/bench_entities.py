"""Precision and recall of entity tagging per kind against a hand-checked sample (issue 4).

    python bench/bench_entities.py [SAMPLE.jsonl] [--doc REPORT] [--errors]

SAMPLE is JSON Lines, one chunk a line: ``{"citation", "text", "entities": [{"text", "kind",
"start", "end"}]}`` with every organization, instrument and place annotated by hand (default:
bench/data/entities_sample.jsonl, 22 chunks of A/69/207). The whole report is tagged, so acronym
linking sees the entire document; a sample chunk whose text is not in the report is tagged with
the other sample chunks as one document.

A prediction matches a gold entity when the kinds are equal and the character spans overlap
("overlap"); "exact" needs equal spans too. Precision = matched predictions / predictions,
recall = matched gold entities / gold entities, per kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("organization", "instrument", "place")


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _predict(sample: list[dict], doc_path: Path) -> tuple[list[list[dict]], float, float]:
    from ingest import read_document
    from ingest.entities import nlp, tag_document, tag_texts

    t0 = time.perf_counter()
    nlp()
    load = time.perf_counter() - t0
    doc = read_document(doc_path)
    t0 = time.perf_counter()
    tagged = tag_document(doc)
    tag = time.perf_counter() - t0
    by_text = {c.text: c for c in tagged.chunks}
    preds: list[list[dict] | None] = [None] * len(sample)
    missing = [i for i, s in enumerate(sample) if s["text"] not in by_text]
    for i, s in enumerate(sample):
        if s["text"] in by_text:
            preds[i] = [e.to_dict() for e in by_text[s["text"]].entities]
    if missing:
        extra = tag_texts([sample[i]["text"] for i in missing])
        for i, ents in zip(missing, extra):
            preds[i] = [e.to_dict() for e in ents]
    return preds, load, tag


def _overlap(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a["start"] < b["end"] and b["start"] < a["end"]


def _exact(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a["start"] == b["start"] and a["end"] == b["end"]


def score(sample: list[dict], preds: list[list[dict]], match) -> dict[str, dict[str, int]]:
    """Per kind: predictions, matched predictions, gold entities, matched gold entities."""
    out = {k: {"pred": 0, "pred_ok": 0, "gold": 0, "gold_ok": 0} for k in KINDS}
    for s, pred in zip(sample, preds):
        gold = [g for g in s["entities"] if g["kind"] in KINDS]
        pred = [p for p in pred if p["kind"] in KINDS]
        for p in pred:
            out[p["kind"]]["pred"] += 1
            out[p["kind"]]["pred_ok"] += any(match(p, g) for g in gold)
        for g in gold:
            out[g["kind"]]["gold"] += 1
            out[g["kind"]]["gold_ok"] += any(match(p, g) for p in pred)
    return out


def _row(name: str, c: dict[str, int]) -> str:
    p = c["pred_ok"] / c["pred"] if c["pred"] else 1.0
    r = c["gold_ok"] / c["gold"] if c["gold"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<13} {c['gold']:>5} {c['pred']:>5}   {p:6.3f} {r:6.3f} {f:6.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", nargs="?", default=str(ROOT / "bench" / "data" / "entities_sample.jsonl"))
    ap.add_argument("--doc", default=str(ROOT / "corpus" / "A-69-207.txt"), help="the report the sample comes from")
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms (overlap matching)")
    args = ap.parse_args(argv)
    sample = _load(Path(args.sample))
    preds, load, tag = _predict(sample, Path(args.doc))
    print(f"sample: {args.sample} ({len(sample)} chunks)")
    print(f"model load {load:.2f} s; tagging the whole report {tag:.2f} s")
    for label, match in (("overlap", _overlap), ("exact", _exact)):
        res = score(sample, preds, match)
        print(f"\n[{label} span, same kind]")
        print(f"{'kind':<13} {'gold':>5} {'pred':>5}   {'prec':>6} {'recall':>6} {'F1':>6}")
        for k in KINDS:
            print(_row(k, res[k]))
        total = {f: sum(res[k][f] for k in KINDS) for f in ("pred", "pred_ok", "gold", "gold_ok")}
        print(_row("all three", total))
    if args.errors:
        print()
        for s, pred in zip(sample, preds):
            gold = [g for g in s["entities"] if g["kind"] in KINDS]
            pred = [p for p in pred if p["kind"] in KINDS]
            for g in gold:
                if not any(_overlap(p, g) for p in pred):
                    print(f"MISS  {s['citation']}: {g['kind']} {g['text']!r}")
            for p in pred:
                if not any(_overlap(p, g) for g in gold):
                    print(f"FALSE {s['citation']}: {p['kind']} {p['text']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
