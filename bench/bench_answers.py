"""Benchmark `Searcher.ask` on fact questions and on questions the report cannot answer.

Sets:
  dev     the `fact` lines of ../shared/eval/a69207_queries_dev.jsonl (their `answer` field)
  own     bench/data/answers_facts.jsonl: fact questions about A/69/207 written for this benchmark
  heldout bench/data/answers_facts_heldout.jsonl: more such questions, written after the method was
          tuned on dev + own and first run untouched (see README)
  none    bench/data/answers_unanswerable.jsonl: questions the report does not answer
  none-indomain  bench/data/answers_unanswerable_indomain.jsonl: harder ones, on the report's own topics
          (written to probe the no-answer path after the method was tuned)
  text    the other dev lines (paraphrase, keyword, entity, multi): does the answer cite a relevant paragraph

Library run (``--library DIR``, an index of many documents, e.g. /work/libindex_base):
  lib-facts  bench/data/library_facts.jsonl: fact questions over ../shared/corpus/un-pdf-lib/, each
             labelled with its document and paragraph; ``split`` dev or heldout, by document
  lib-none   bench/data/library_unanswerable.jsonl: in-domain questions those documents do not answer
  fresh-*    bench/data/library_facts_fresh.jsonl: facts and unanswerable questions on ten other library
             documents, written after the sets above were tuned on (kind "none" = unanswerable)
  pdf-facts  bench/data/pdf_dev_facts.jsonl: fact questions over ../shared/corpus/un-pdf-dev/
  round4-*   bench/data/library_facts_round4.jsonl: facts and unanswerable questions on library documents no
             other set uses, written blind (all ``dev``); a line's ``citations`` lists the accepted citations;
             its held-out half bench/data/library_facts_round4_aside.jsonl (``heldout``, written after the rules)
  round6-*   bench/data/library_facts_round6.jsonl (``dev``) and library_facts_round6_aside.jsonl (``heldout``):
             facts and unanswerable questions on seven more little-used library documents, written blind in the
             sixth session (split by document)
  round7-*   bench/data/library_facts_round7.jsonl (``dev``: 42 questions on 21 library documents, written blind
             in the seventh session, then tuned on) and library_facts_round7_aside.jsonl (``heldout``: 24 more
             on 10 other documents, written in mid-session, run once at the end)
  blind7-*   bench/data/library_facts_round7_blind7.jsonl: 40 facts and 16 unanswerable questions on 16 little-used
             documents, written blind by another session (split by document, dev and heldout)
  final7-*   bench/data/library_facts_round7_final.jsonl: 15 facts and 5 unanswerable on 9 documents, the seventh
             session's last blind set (all ``heldout``)
  A library question is correct when the answer's lead holds the fact and one of its citations is
  the labelled paragraph of the labelled document; "elsewhere" counts answers that cite only other
  documents. ``--split dev|heldout|all`` picks the half (the held-out half is run once, at the end).

Matching rule (a fact is "contained" when every part is):
  - both texts are normalized: lower case; quotes, dashes and slashes become spaces; "per cent",
    "percent" and "%" become "percent"; currency marks (US$, $) are dropped; thousands separators
    are removed (25,000 -> 25000); number words one..twenty become digits; "N million/billion"
    becomes the full number (232 million -> 232000000).
  - the expected answer is cut into parts at commas, semicolons and brackets ("Geneva, October
    2013" -> "Geneva" + "October 2013"); a part is found when all its words except "and/of/the/in"
    are among the words of the answer.
  - "contains" checks the whole answer text; "lead" checks only its first sentence (the fact the
    answer leads with, before the first citation).
  - "cites" is true when one of the answer's citations is a relevant paragraph (0 = summary).
A question counts as correct when the answer contains the fact and cites a relevant paragraph.

Usage: python bench/bench_answers.py [--index DIR] [--dev FILE] [--quiet]
       python bench/bench_answers.py --library DIR [--split dev|heldout|all] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's packages, not an installed copy
from search.number_words import CARDINALS, between  # noqa: E402
DEV = ROOT.parent / "shared" / "eval" / "a69207_queries_dev.jsonl"
OWN = ROOT / "bench" / "data" / "answers_facts.jsonl"
HELDOUT = ROOT / "bench" / "data" / "answers_facts_heldout.jsonl"
NONE = ROOT / "bench" / "data" / "answers_unanswerable.jsonl"
NONE_INDOMAIN = ROOT / "bench" / "data" / "answers_unanswerable_indomain.jsonl"
LIB_FACTS = ROOT / "bench" / "data" / "library_facts.jsonl"
LIB_NONE = ROOT / "bench" / "data" / "library_unanswerable.jsonl"
LIB_FRESH = ROOT / "bench" / "data" / "library_facts_fresh.jsonl"  # facts and "none" lines, other documents
PDF_FACTS = ROOT / "bench" / "data" / "pdf_dev_facts.jsonl"
LIB_ROUND4 = ROOT / "bench" / "data" / "library_facts_round4.jsonl"  # blind set, unused documents, all dev
LIB_ROUND4_ASIDE = ROOT / "bench" / "data" / "library_facts_round4_aside.jsonl"  # its held-out half, never tuned on
LIB_ROUND6 = ROOT / "bench" / "data" / "library_facts_round6.jsonl"  # sixth-session blind set, dev half
LIB_ROUND6_ASIDE = ROOT / "bench" / "data" / "library_facts_round6_aside.jsonl"  # its held-out half
LIB_ROUND7 = ROOT / "bench" / "data" / "library_facts_round7.jsonl"  # seventh-session blind set, dev half
LIB_ROUND7_ASIDE = ROOT / "bench" / "data" / "library_facts_round7_aside.jsonl"  # its held-out half
LIB_BLIND7 = ROOT / "bench" / "data" / "library_facts_round7_blind7.jsonl"  # written blind by a helper, both halves
LIB_FINAL7 = ROOT / "bench" / "data" / "library_facts_round7_final.jsonl"  # the session's last blind set (heldout)
LIB_BLIND8 = ROOT / "bench" / "data" / "library_facts_round8.jsonl"  # session 8, by another session, dev/heldout by document
LIB_BLIND9 = ROOT / "bench" / "data" / "library_facts_round9.jsonl"  # session 9, written blind by a helper, split by document
LIB_FINAL9 = ROOT / "bench" / "data" / "library_facts_round10.jsonl"  # session 9's last blind set (heldout only)
LIB_BLIND11 = ROOT / "bench" / "data" / "library_facts_round11.jsonl"  # session 10, written blind by a helper, split by document
LIB_BLIND12 = ROOT / "bench" / "data" / "library_facts_round12.jsonl"  # session 11, written blind by a helper, split by document
LIB_BLIND13 = ROOT / "bench" / "data" / "library_facts_round13.jsonl"  # session 12, written blind by a helper, split by document
LIB_BLIND14 = ROOT / "bench" / "data" / "library_facts_round14.jsonl"  # session 13, written blind by a helper, split by document
LIB_BLIND15 = ROOT / "bench" / "data" / "library_facts_round15.jsonl"  # session 14, written blind by a helper, split by document
LIB_BLIND16 = ROOT / "bench" / "data" / "library_facts_round16.jsonl"  # session 15, written blind by a helper, split by document
LIB_BLIND17 = ROOT / "bench" / "data" / "library_facts_round17.jsonl"  # session 16, written blind by a helper, split by document
LIB_BLIND18 = ROOT / "bench" / "data" / "library_facts_round18.jsonl"  # session 17, written blind by a helper, split by document
LIB_BLIND19 = ROOT / "bench" / "data" / "library_facts_round19.jsonl"  # session 18, written blind by a helper, split by document
LIB_BLIND20 = ROOT / "bench" / "data" / "library_facts_round20.jsonl"  # session 19, written blind by a helper, split by document
LIB_BLIND21 = ROOT / "bench" / "data" / "library_facts_round21.jsonl"  # session 20, written blind by a helper, split by document
LIB_BLIND22 = ROOT / "bench" / "data" / "library_facts_round22.jsonl"  # session 21, written blind by a helper, split by document
LIB_BLIND23 = ROOT / "bench" / "data" / "library_facts_round23.jsonl"  # session 22, written blind by a helper, split by document
LIB_BLIND24 = ROOT / "bench" / "data" / "library_facts_round24.jsonl"  # session 23, written blind by a helper, split by document
LIB_BLIND25 = ROOT / "bench" / "data" / "library_facts_round25.jsonl"  # session 24, written blind by a helper, split by document, own words
LIB_BLIND26 = ROOT / "bench" / "data" / "library_facts_round26.jsonl"  # session 25, written blind by a helper, split by document, own words, loose names
LIB_BLIND27 = ROOT / "bench" / "data" / "library_facts_round27.jsonl"  # session 28, written blind by a helper, split by document, plain analyst questions
LIB_TRAPS20 = ROOT / "bench" / "data" / "traps" / "library_facts_traps20.jsonl"  # session 20, not blind: traps by class + twins (h-r20ansref)
LIB_TRAPS21 = ROOT / "bench" / "data" / "traps" / "library_facts_traps21.jsonl"  # session 21, not blind: traps by class + twins (h-r21ansref)
LIB_TRAPS22 = ROOT / "bench" / "data" / "traps" / "library_facts_traps22.jsonl"  # session 22, not blind: year-form twins (h-r22frames)
LIB_DOERS22 = ROOT / "bench" / "data" / "traps" / "library_facts_doers22.jsonl"  # session 22, not blind: doer-form twins (h-r22doers)
LIB_QUAL23 = ROOT / "bench" / "data" / "traps" / "library_facts_qual23.jsonl"  # session 23, not blind: qualified bodies, sections, yearless dates (h-r23qual)
ROUNDS = {"round4": (LIB_ROUND4, LIB_ROUND4_ASIDE), "round6": (LIB_ROUND6, LIB_ROUND6_ASIDE),
          "round7": (LIB_ROUND7, LIB_ROUND7_ASIDE), "blind7": (LIB_BLIND7,), "final7": (LIB_FINAL7,),
          "blind8": (LIB_BLIND8,), "blind9": (LIB_BLIND9,), "final9": (LIB_FINAL9,),
          "blind11": (LIB_BLIND11,), "blind12": (LIB_BLIND12,),
          "blind13": (LIB_BLIND13,), "blind14": (LIB_BLIND14,), "blind15": (LIB_BLIND15,),
          "blind16": (LIB_BLIND16,), "blind17": (LIB_BLIND17,), "blind18": (LIB_BLIND18,),
          "blind19": (LIB_BLIND19,), "blind20": (LIB_BLIND20,), "blind21": (LIB_BLIND21,),
          "blind22": (LIB_BLIND22,), "blind23": (LIB_BLIND23,), "blind24": (LIB_BLIND24,),
          "blind25": (LIB_BLIND25,), "blind26": (LIB_BLIND26,), "blind27": (LIB_BLIND27,),
          "traps20": (LIB_TRAPS20,), "traps21": (LIB_TRAPS21,),
          "traps22": (LIB_TRAPS22,), "doers22": (LIB_DOERS22,), "qual23": (LIB_QUAL23,)}

_NUMBER_WORDS = {w: str(CARDINALS[w]) for w in between(0, 20)}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FILLER = {"and", "of", "the", "in", "a", "an"}


def normalize(text: str) -> list[str]:
    """The words of ``text`` after the normalization described in the module docstring."""
    t = text.lower().replace("’", "'").replace("‘", "'")
    t = re.sub(r"(\d),(\d{3})\b", r"\1\2", t)
    t = re.sub(r"(\d),(\d{3})\b", r"\1\2", t)
    t = re.sub(r"\bper\s?cent\b|%", " percent ", t)
    t = re.sub(r"\bus\s?\$|\$|€|£", " ", t)
    t = re.sub(r"[\"'“”()\[\];:,/\-–—]", " ", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", t)
    words = [_NUMBER_WORDS.get(w, w) for w in t.split()]
    out: list[str] = []
    for w in words:
        if w in _SCALES and out and re.fullmatch(r"\d+(?:\.\d+)?", out[-1]):
            value = float(out.pop()) * _SCALES[w]
            out.append(str(int(value)) if value.is_integer() else str(value))
        else:
            out.append(w)
    return out


def parts(expected: str) -> list[list[str]]:
    """The expected answer cut at commas (not 25,000), semicolons and brackets, each part normalized."""
    pieces = [p for p in re.split(r"(?<!\d),|,(?!\d)|[;()]", expected) if p.strip()]
    return [[w for w in normalize(p) if w not in _FILLER] for p in pieces]


def contains(answer: str, expected: str) -> bool:
    words = set(normalize(answer))
    return all(all(w in words for w in part) for part in parts(expected) if part)


def cited_numbers(citations) -> set[int]:
    out = set()
    for c in citations:
        if c.endswith("summary"):
            out.add(0)
        elif m := re.search(r"para\. (\d+)$", c):
            out.add(int(m.group(1)))
    return out


def lead_of(text: str) -> str:
    return text.split("]", 1)[0]


def load(path: Path, kind: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if kind is None or r.get("kind") == kind]


def timed_asks(searcher, rows: list[dict], times: list[float]):
    """Each row with the answer to its question; the seconds each answer took go to ``times``."""
    for r in rows:
        t = time.perf_counter()
        a = searcher.ask(r["query"])
        times.append(time.perf_counter() - t)
        yield r, a


def run_facts(searcher, rows: list[dict], name: str, quiet: bool) -> dict:
    ok = lead_ok = cites_ok = answered = 0
    times: list[float] = []
    print(f"\n== {name}: {len(rows)} fact questions")
    for r, a in timed_asks(searcher, rows, times):
        has = contains(a.text, r["answer"])
        lead = contains(lead_of(a.text), r["answer"])
        cites = bool(cited_numbers(a.citations) & set(r["relevant"]))
        good = has and cites
        ok += good
        lead_ok += lead and cites
        cites_ok += cites
        answered += a.answered
        if not quiet:
            mark = "OK  " if good else "MISS"
            print(f"{mark} {r['id']} contains={int(has)} lead={int(lead)} cites={int(cites)} "
                  f"| {r['query']}\n       expected: {r['answer']!r}  got: {lead_of(a.text)[:110]!r}"
                  f"  {list(a.citations)}")
    n = max(1, len(rows))
    print(f"{name}: correct (contains fact + cites relevant) {ok}/{len(rows)} = {ok / n:.0%}; "
          f"lead has fact {lead_ok}/{len(rows)} = {lead_ok / n:.0%}; cites relevant {cites_ok}/{len(rows)}; "
          f"answered {answered}/{len(rows)}; mean {sum(times) / n:.2f} s/question")
    return {"n": len(rows), "correct": ok, "lead": lead_ok}


def run_text(searcher, rows: list[dict], quiet: bool) -> dict:
    """Dev lines that are not facts: does the answer cite a relevant (or partial) paragraph?"""
    relevant = partial = 0
    print(f"\n== text: {len(rows)} other dev questions (paraphrase, keyword, entity, multi)")
    for r in rows:
        a = searcher.ask(r["query"])
        cited = cited_numbers(a.citations)
        relevant += bool(cited & set(r["relevant"]))
        partial += bool(cited & set(r["relevant"] + r.get("partial", [])))
        if not quiet:
            mark = "OK  " if cited & set(r["relevant"]) else "MISS"
            print(f"{mark} {r['id']} relevant={r['relevant']} cited={sorted(cited)} | {r['query']}")
    print(f"text: cites a relevant paragraph {relevant}/{len(rows)}; relevant or partial {partial}/{len(rows)}")
    return {"n": len(rows), "relevant": relevant}


def run_none(searcher, rows: list[dict], quiet: bool, name: str = "none") -> dict:
    refused = 0
    print(f"\n== {name}: {len(rows)} questions the report does not answer")
    for r in rows:
        a = searcher.ask(r["query"])
        refused += not a.answered
        if not quiet:
            mark = "OK  " if not a.answered else "MISS"
            print(f"{mark} {r['id']} | {r['query']}\n       got: {a.text[:120]!r}")
    print(f"{name}: no-answer rate {refused}/{len(rows)} = {refused / max(1, len(rows)):.0%}")
    return {"n": len(rows), "refused": refused}


def _labels(r: dict) -> list[str]:
    """The citations that count as the labelled paragraph: a line's own list, else its symbol, part and para."""
    return r.get("citations") or [_label(r)]


def _label(r: dict) -> str:
    head = f"{r['symbol']}, {r['part']}" if r.get("part") else r["symbol"]
    return f"{head}, para. {r['para']}" if r["para"] else f"{head}, summary"


def run_library(searcher, rows: list[dict], name: str, quiet: bool) -> dict:
    """Library fact questions: the fact leads and the labelled paragraph of its document is cited."""
    ok = cites_ok = answered = elsewhere = 0
    times: list[float] = []
    print(f"\n== {name}: {len(rows)} fact questions over a library")
    for r, a in timed_asks(searcher, rows, times):
        want = [r["answer"], *r.get("also", [])]
        lead = any(contains(lead_of(a.text), w) for w in want)
        cites = any(c.split(" [")[0] in _labels(r) for c in a.citations)
        other = a.answered and not any(c.startswith(r["symbol"] + ",") for c in a.citations)
        ok += lead and cites
        cites_ok += cites
        answered += a.answered
        elsewhere += other
        if not quiet:
            mark = "OK  " if lead and cites else "MISS"
            print(f"{mark} {r['id']} lead={int(lead)} cites={int(cites)} other-doc-only={int(other)} "
                  f"| {r['query']}\n       expected: {r['answer']!r} [{_labels(r)[0]}]  got: {lead_of(a.text)[:110]!r}"
                  f"  {list(a.citations)[:3]}")
    n = max(1, len(rows))
    print(f"{name}: correct (fact leads + labelled paragraph cited) {ok}/{len(rows)} = {ok / n:.0%}; "
          f"cites it {cites_ok}/{len(rows)}; answered {answered}/{len(rows)}; only other documents cited "
          f"{elsewhere}; mean {sum(times) / n:.2f} s/question")
    return {"n": len(rows), "correct": ok, "elsewhere": elsewhere}


def library_main(args) -> int:
    from search import Searcher

    s = Searcher.open(args.library)
    t = time.perf_counter()
    s.ask("How many people needed humanitarian assistance?")  # load the models once
    print(f"first answer (loads the models): {time.perf_counter() - t:.1f} s")
    pick = (lambda rows: rows) if args.split == "all" else (lambda rows: [r for r in rows if r["split"] == args.split])
    only = set(args.round or ())  # --round NAME: just those blind rounds (a fresh set's first run)
    if only - set(ROUNDS):
        print(f"error: unknown round(s) {sorted(only - set(ROUNDS))}; known: {', '.join(ROUNDS)}", file=sys.stderr)
        return 2
    skip = (lambda rows: []) if only else pick
    lib = run_library(s, skip(load(LIB_FACTS)), f"lib-facts ({args.split})", args.quiet) if not only else None
    pdf = run_library(s, skip(load(PDF_FACTS)), f"pdf-facts ({args.split})", args.quiet) if not only else None
    none = run_none(s, skip(load(LIB_NONE)), args.quiet, f"lib-none ({args.split})") if not only else None
    fresh = skip(load(LIB_FRESH)) if LIB_FRESH.exists() else []
    fresh_facts = run_library(s, [r for r in fresh if r.get("kind") != "none"], f"fresh-facts ({args.split})",
                              args.quiet) if fresh else None
    fresh_none = run_none(s, [r for r in fresh if r.get("kind") == "none"], args.quiet,
                          f"fresh-none ({args.split})") if fresh else None
    rounds = {}
    for name, files in ROUNDS.items():  # the blind rounds: facts and unanswerable questions in one file a half
        if only and name not in only:
            continue
        rows = pick([r for f in files if f.exists() for r in load(f)])
        if rows:
            rounds[name] = (run_library(s, [r for r in rows if r.get("kind") != "none"], f"{name}-facts ({args.split})",
                                        args.quiet),
                            run_none(s, [r for r in rows if r.get("kind") == "none"], args.quiet,
                                     f"{name}-none ({args.split})"))
    print("\nsummary:")
    facts = [("library facts", lib), ("dev-PDF facts", pdf), ("fresh facts", fresh_facts)]
    facts += [(f"{name} facts", res[0]) for name, res in rounds.items()]
    for name, res in facts:
        if res is not None:
            print(f"  {name:14s} {res['correct']}/{res['n']} = {res['correct'] / max(1, res['n']):.0%} correct; "
                  f"{res['elsewhere']} citing only other documents")
    nones = [("library none", none), ("fresh none", fresh_none)] + [(f"{name} none", res[1]) for name, res in rounds.items()]
    for name, res in nones:
        if res is not None and res["n"]:
            print(f"  {name:14s} {res['refused']}/{res['n']} = {res['refused'] / max(1, res['n']):.0%} refused")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--index", help="index folder (default: the bundled corpus's index)")
    p.add_argument("--dev", type=Path, default=DEV, help=f"the dev queries (default {DEV})")
    p.add_argument("--quiet", action="store_true", help="only the summary lines")
    p.add_argument("--library", help="run the library sets on this index instead of the one-report sets")
    p.add_argument("--split", choices=("dev", "heldout", "all"), default="dev", help="library half (default dev)")
    p.add_argument("--round", action="append", help="with --library: only this blind round (repeatable), e.g. blind16")
    args = p.parse_args(argv)
    if args.library:
        return library_main(args)
    from search import Searcher

    s = Searcher.open(args.index)
    t = time.perf_counter()
    s.ask("How many international migrants were there in 2013?")  # load the models once
    print(f"first answer (loads the models): {time.perf_counter() - t:.1f} s")
    dev = run_facts(s, load(args.dev, "fact"), "dev", args.quiet) if args.dev.exists() else None
    own = run_facts(s, load(OWN), "own", args.quiet)
    held = run_facts(s, load(HELDOUT), "heldout", args.quiet)
    none = run_none(s, load(NONE), args.quiet)
    hard = run_none(s, load(NONE_INDOMAIN), args.quiet, "none-indomain")
    if args.dev.exists():
        run_text(s, [r for r in load(args.dev) if r.get("kind") != "fact"], args.quiet)
    print("\nsummary:")
    if dev:
        print(f"  dev facts  {dev['correct']}/{dev['n']} = {dev['correct'] / dev['n']:.0%} correct "
              f"({dev['lead']}/{dev['n']} with the fact in the lead)")
    print(f"  own facts  {own['correct']}/{own['n']} = {own['correct'] / own['n']:.0%} correct "
          f"({own['lead']}/{own['n']} with the fact in the lead)")
    print(f"  held-out   {held['correct']}/{held['n']} = {held['correct'] / held['n']:.0%} correct "
          f"({held['lead']}/{held['n']} with the fact in the lead)")
    print(f"  no-answer  {none['refused']}/{none['n']} = {none['refused'] / none['n']:.0%} of unanswerable questions")
    print(f"  no-answer  {hard['refused']}/{hard['n']} = {hard['refused'] / hard['n']:.0%} of in-domain unanswerable questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
