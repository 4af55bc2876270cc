"""What each answer check costs and saves over the tuning material (issue #19): one check off at a time.

Run: ``python bench/gate_ablation.py trace --library DIR --out T.json [--shard I/N]`` asks every tuning question
(``answer_outcomes.tuning_sets``: dev halves and promoted held-out halves, never the other held-out halves) with
every check on and records its outcome and the checks that refused something on it (``search.checks.traced``).
``python bench/gate_ablation.py off --library DIR --trace T.json[,T2.json] --out V.json [--checks a,b] [--shard I/N]``
asks again, with one check off at a time ("a+b": both), only the questions that check fired on: a check that never fired on a
question cannot change its answer by being off. ``python bench/gate_ablation.py table --trace T.json,.. --off V.json,..``
prints, per check: questions it fired on, facts gained (refused/wrong -> ok), facts lost, refusals lost (an
unanswerable question answered), refusals gained, other changes; and the same for the freshest round's dev half.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_answers as ba  # noqa: E402
from answer_outcomes import outcome, tuning_sets  # noqa: E402
from search.checks import CHECKS, checks_off, traced, unknown_checks  # noqa: E402

FRESH = "blind24"  # the freshest round: its dev half reported on its own


def _rows(shard: str | None):
    """(key, row) of the tuning questions, every N-th from the I-th with ``shard`` "I/N"."""
    rows = [(f"{name}:{r['id']}", r) for name, rs in tuning_sets().items() for r in rs]
    if shard:
        i, n = (int(x) for x in shard.split("/"))
        rows = rows[i::n]
    return rows


def _record(r: dict, a) -> dict:
    return {"o": outcome(r, a), "kind": "none" if r.get("kind") == "none" or "answer" not in r else "fact",
            "q": r["query"], "got": ba.lead_of(a.text)[:160], "cites": list(a.citations)[:3]}


def trace(index: str, out: Path, shard: str | None) -> None:
    from search import Searcher

    s, res = Searcher.open(index), {}
    for key, r in _rows(shard):
        with traced() as fired:
            a = s.ask(r["query"])
        res[key] = {**_record(r, a), "fired": sorted(fired)}
        out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")


def switched(index: str, traces: list[Path], out: Path, checks: list[str], shard: str | None, every: bool = False) -> None:
    """Each variant's questions asked with its checks off: those any of its checks fired on (``every``: all of them,
    which for "a+b" measures only where the two refuse together, a cheaper lower bound of what both off would do)."""
    from search import Searcher

    base = _load(traces)
    s, res = Searcher.open(index), {}
    rows = dict(_rows(None))
    fired = (lambda c, k: set(c.split("+")) <= set(base[k]["fired"])) if every else \
        (lambda c, k: bool(set(c.split("+")) & set(base[k]["fired"])))
    todo = [(c, k) for c in checks for k in sorted(base) if fired(c, k) and k in rows]
    if shard:
        i, n = (int(x) for x in shard.split("/"))
        todo = todo[i::n]
    for check, key in todo:
        with checks_off(*check.split("+")):
            a = s.ask(rows[key]["query"])
        res.setdefault(check, {})[key] = _record(rows[key], a)
        out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")


def _load(paths: list[Path], nested: bool = False) -> dict:
    """The shards' records in one dict (``nested``: check -> question -> record, merged per check)."""
    out: dict = {}
    for p in paths:
        for k, v in json.loads(p.read_text(encoding="utf-8")).items():
            out.setdefault(k, {}).update(v) if nested else out.update({k: v})
    return out


def _good(v: dict) -> bool:
    return v["o"] == "ok" if v["kind"] == "fact" else v["o"] == "refused"


def changes(base: dict, after: dict) -> dict[str, list[str]]:
    """The questions whose outcome moved, by kind of move."""
    out: dict[str, list[str]] = {"facts gained": [], "facts lost": [], "refusals lost": [], "refusals gained": [],
                                 "other": []}
    for k, v in after.items():
        b = base[k]
        if v["o"] == b["o"]:
            if v["got"] != b["got"]:
                out["other"].append(k)
            continue
        if v["kind"] == "fact":
            out["facts gained" if _good(v) else "facts lost" if _good(b) else "other"].append(k)
        else:
            out["refusals gained" if _good(v) else "refusals lost"].append(k)
    return out


def table(traces: list[Path], offs: list[Path], detail: bool) -> None:
    base, off = _load(traces), _load(offs, nested=True)
    cols = ["facts gained", "facts lost", "refusals lost", "refusals gained", "other"]
    print("| check | fired on | asked off | " + " | ".join(cols) + f" | {FRESH} dev: facts +/-, refusals -/+ |")
    print("|---|---|---|" + "---|" * (len(cols) + 1))
    for check in [*CHECKS, *(v for v in off if v not in CHECKS)]:  # then the variants of checks off together
        fired = [k for k, v in base.items() if set(check.split("+")) & set(v["fired"])]
        moved = changes(base, off.get(check, {}))
        fresh = {c: sum(k.startswith(FRESH + ":") for k in ks) for c, ks in moved.items()}
        print(f"| {check} | {len(fired)} | {len(off.get(check, {}))} | " + " | ".join(str(len(moved[c])) for c in cols)
              + f" | +{fresh['facts gained']} -{fresh['facts lost']}, -{fresh['refusals lost']} +{fresh['refusals gained']} |")
        for c in cols[:4] if detail else ():
            for k in moved[c]:
                print(f"    {c}: {k}: {base[k]['o']} -> {off[check][k]['o']} | {off[check][k]['got'][:90]!r}")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("step", choices=("trace", "off", "table"))
    p.add_argument("--library")
    p.add_argument("--out", type=Path)
    p.add_argument("--trace", default="")
    p.add_argument("--off", default="")
    p.add_argument("--checks", default=",".join(CHECKS))
    p.add_argument("--shard")
    p.add_argument("--detail", action="store_true")
    p.add_argument("--every", action="store_true", help="off: a variant's questions are those ALL its checks fired on")
    args = p.parse_args()
    checks = [c for c in args.checks.split(",") if c]  # "a+b": a variant with both off
    if bad := unknown_checks(n for c in checks for n in c.split("+")):
        print(f"error: unknown check(s) {', '.join(bad)}; known: {', '.join(CHECKS)}", file=sys.stderr)
        return 2
    traces = [Path(t) for t in args.trace.split(",") if t]
    if args.step == "trace":
        trace(args.library, args.out, args.shard)
    elif args.step == "off":
        switched(args.library, traces, args.out, checks, args.shard, args.every)
    else:
        table(traces, [Path(t) for t in args.off.split(",") if t], args.detail)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
