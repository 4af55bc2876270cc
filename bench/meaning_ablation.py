"""What matching the focus check's subject words by meaning gains and costs (issue #19, ``search.meaning_focus``).

A word can only be matched by meaning on a sentence whose spelling holds too little of the question: where the focus
check would refuse. So only the tuning questions a ``gate_ablation.py trace`` says the focus check fired on are asked.
``python bench/meaning_ablation.py on --library DIR --trace T.json[,T2.json] --out ON.json [--shard I/N]`` asks them
with matching by meaning on (at ``PARACITE_SAME_MEANING``, default ``SAME_MEANING``) and records whether it held a word
on the question; ``off --on ON.json[,..] --out OFF.json`` asks the questions where it did, with it off (the others
cannot move); ``again --on ON.json --out ON2.json`` asks those same questions at another ``PARACITE_SAME_MEANING`` (a
higher one holds words on fewer of them); ``table --on .. --off ..`` prints the moves (facts gained/lost, refusals lost/gained), per question.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from gate_ablation import _load, _record, _rows, changes  # noqa: E402


def _said(s) -> int:
    m = getattr(s, "_word_meaning", None)
    return m.said if m else 0


def ask_all(index: str, keys: list[str], out: Path, shard: str | None) -> None:
    from search import Searcher

    rows = dict(_rows(None))
    todo = [k for k in keys if k in rows]
    if shard:
        i, n = (int(x) for x in shard.split("/"))
        todo = todo[i::n]
    s, res = Searcher.open(index), {}
    for key in todo:
        before = _said(s)
        a = s.ask(rows[key]["query"])
        res[key] = {**_record(rows[key], a), "meant": _said(s) > before}
        out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")


def table(on: dict, off: dict) -> None:
    meant = [k for k, v in on.items() if v.get("meant")]
    print(f"asked {len(on)}; meaning held a word on {len(meant)}; re-asked off {len(off)}")
    moved = changes(off, {k: on[k] for k in off})
    for c, ks in moved.items():
        print(f"{c}: {len(ks)}")
        for k in ks:
            print(f"    {k}: {off[k]['o']} -> {on[k]['o']} | {on[k]['got'][:90]!r} (off: {off[k]['got'][:60]!r})")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("step", choices=("on", "off", "again", "table"))
    p.add_argument("--library")
    p.add_argument("--trace", default="")
    p.add_argument("--on", default="")
    p.add_argument("--off", default="")
    p.add_argument("--out", type=Path)
    p.add_argument("--shard")
    args = p.parse_args()
    paths = lambda arg: [Path(t) for t in arg.split(",") if t]  # noqa: E731
    if args.step == "on":
        base = _load(paths(args.trace))
        ask_all(args.library, sorted(k for k, v in base.items() if "focus" in v["fired"]), args.out, args.shard)
    elif args.step in ("off", "again"):
        if args.step == "off":
            os.environ["PARACITE_SAME_MEANING"] = "off"
        on = _load(paths(args.on))
        ask_all(args.library, sorted(k for k, v in on.items() if v.get("meant")), args.out, args.shard)
    else:
        table(_load(paths(args.on)), _load(paths(args.off)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
