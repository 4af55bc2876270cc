"""Per-question outcomes of `ask` on the library sets, written to JSON, to compare two versions of the rules.

Each fact question becomes ``ok`` (fact leads, labelled paragraph cited), ``refused``, ``uncited`` (the
fact leads but the labelled paragraph is not cited), ``wrongfact`` (the labelled paragraph is cited but
the lead lacks the fact) or ``wrong`` (neither); each unanswerable question ``refused`` or ``answered``.
Only the tuning material is run: every dev half and the promoted held-out halves (the never-tuned
halves are left out, so their per-question outcomes are never printed).

Usage: python bench/answer_outcomes.py --library DIR --out FILE.json [--match REGEX] [--sets a,b] [--half heldout]
       python bench/answer_outcomes.py --compare BEFORE.json AFTER.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_answers as ba  # noqa: E402

PROMOTED = {"fresh", "pdf", "round4", "round6", "round7", "blind7", "final7", "blind8", "blind11",
            # session 28: the oldest never-tuned halves, to learn the failure classes they hold (issue #19);
            # blind20 ... blind27 stay held out
            "lib", "blind9", "final9", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17",
            "blind18", "blind19"}


def tuning_sets() -> dict[str, list[dict]]:
    """Set name -> rows: every dev half, and the held-out half of the promoted sets."""
    files = {"lib": (ba.LIB_FACTS, ba.LIB_NONE), "pdf": (ba.PDF_FACTS,), "fresh": (ba.LIB_FRESH,)}
    files.update({n: f for n, f in ba.ROUNDS.items()})
    out = {}
    for name, paths in files.items():
        rows = [r for p in paths if p.exists() for r in ba.load(p)]
        out[name] = [r for r in rows if r.get("split", "dev") == "dev" or
                     (name in PROMOTED and r.get("split") == "heldout")]
    return out


def outcome(r: dict, a) -> str:
    if r.get("kind") == "none" or "answer" not in r:
        return "refused" if not a.answered else "answered"
    if not a.answered:
        return "refused"
    want = [r["answer"], *r.get("also", [])]
    lead = any(ba.contains(ba.lead_of(a.text), w) for w in want)
    cites = any(c.split(" [")[0] in ba._labels(r) for c in a.citations)
    return {(True, True): "ok", (True, False): "uncited", (False, True): "wrongfact"}.get((lead, cites), "wrong")


def run(index: str, out: Path, match: str | None = None, sets: str | None = None, half: str | None = None) -> None:
    """Ask every tuning question, or only those whose text matches ``match`` (a rule's reach: the
    questions that name a year, say) in the sets ``sets`` names (and the half ``half``: dev or heldout,
    a promoted half alone); the others keep their outcome."""
    from search import Searcher

    s = Searcher.open(index)
    res = {}
    only = set(sets.split(",")) if sets else None
    for name, rows in tuning_sets().items():
        for r in rows:
            if match and not re.search(match, r["query"]) or only and name not in only:
                continue
            if half and r.get("split", "dev") != half:
                continue
            a = s.ask(r["query"])
            res[f"{name}:{r['id']}"] = {"o": outcome(r, a), "split": r.get("split", "dev"),
                                        "kind": "none" if r.get("kind") == "none" or "answer" not in r else "fact",
                                        "q": r["query"], "got": ba.lead_of(a.text)[:160],
                                        "cites": list(a.citations)[:3]}
    out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    summary(res)


def good(o: str) -> bool:
    return o in ("ok", "refused") and o != "answered"


def summary(res: dict) -> None:
    tot: dict[tuple, list[int]] = {}
    for k, v in res.items():
        key = (k.split(":")[0], v["split"], v["kind"])
        t = tot.setdefault(key, [0, 0])
        t[0] += (v["o"] == "ok") if v["kind"] == "fact" else (v["o"] == "refused")
        t[1] += 1
    for key in sorted(tot):
        print(f"  {key[0]:8s} {key[1]:8s} {key[2]:5s} {tot[key][0]}/{tot[key][1]}")
    for split in ("dev", "heldout"):
        for kind in ("fact", "none"):
            a = sum(t[0] for k, t in tot.items() if k[1] == split and k[2] == kind)
            b = sum(t[1] for k, t in tot.items() if k[1] == split and k[2] == kind)
            print(f"TOTAL {split} {kind}: {a}/{b}")


def compare(before: Path, after: Path) -> None:
    b, a = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    for k in sorted(set(b) & set(a)):  # a set added since ``before`` has nothing to compare with
        ob, oa = b.get(k, {}).get("o"), a.get(k, {}).get("o")
        if ob != oa:
            gb = ob == "ok" or (b[k]["kind"] == "none" and ob == "refused")
            ga = oa == "ok" or (a[k]["kind"] == "none" and oa == "refused")
            tag = "WORSE" if gb and not ga else "BETTER" if ga and not gb else "change"
            print(f"{tag:6s} {k}: {ob} -> {oa} | {a[k]['q']}\n        got: {a[k]['got'][:120]!r}")
    summary(a)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--library")
    p.add_argument("--out", type=Path)
    p.add_argument("--compare", nargs=2, type=Path)
    p.add_argument("--match", help="ask only the questions matching this regex")
    p.add_argument("--sets", help="ask only these sets (comma-separated names)")
    p.add_argument("--half", choices=("dev", "heldout"), help="ask only this half of the tuning sets")
    args = p.parse_args()
    if args.compare:
        compare(*args.compare)
    else:
        run(args.library, args.out, args.match, args.sets, args.half)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
