"""Draw a blind entity sample at random from an index export, least-used documents and parts first.

    paracite export --index IDX > chunks.jsonl
    python bench/draw_entity_sample.py chunks.jsonl --seed 13 --out DIR \
        [--skip entities_sample_round13.jsonl --skip entities_sample_round13_aside.jsonl]

Writes DIR/dev.json and DIR/aside.json (chunks without their entities, to label by hand before the
tagger runs). Round 13 (bench/data/entities_sample_round13*.jsonl) was drawn this way from
/work/libindex_r15 with seed 13 (the two --skip options above redraw it), round 14 from
/work/libindex_r16 with seed 14 (skipping the two round-14 files redraws it), round 15 from
/work/libindex_r17 with seed 15 (skipping the two round-15 files redraws it), round 16 from
/work/libindex_r18 with seed 16 and --rare-kinds (skipping the two round-16 files redraws it), round 17
from /work/libindex_r19 with seed 17 and --least-kinds (skipping the two round-17 files redraws it);
bench/data/README.md says how the weights were chosen. ``--instruments`` (round 21, from /work/libindex_r24 with
seed 21) draws paragraphs by their instrument words instead, as round 20's scratch script did; round 22
used seed 22 and ``--size 40`` (20 / 20). Round 23 (from /work/libindex_r26): ``--instruments --seed 23 --size 40``,
then, with the round-23 instrument files in bench/data counted as earlier, ``--least-kinds --seed 23 --size 40`` for
every kind (to redraw: the first with all four round-23 files skipped, the second with the two
``entities_sample_round23*.jsonl`` every-kind files skipped; both checked to give the same halves).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = {"A/47/466", "A/52/687", "A/ES-10/1022"}  # the library's 1990s scans


def _used(data: Path, skip: list[str]) -> tuple[collections.Counter, set[str]]:
    """How many chunks of each document earlier entity samples labelled, and their citations."""
    docs: collections.Counter = collections.Counter()
    cited: set[str] = set()
    for f in sorted(data.glob("entities_sample*.jsonl")):
        if f.name in skip:
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                docs[row["symbol"]] += 1
                cited.add(row["citation"])
    return docs, cited


def split_by_document(picked: list[dict], dev: int, rng: random.Random) -> tuple[list[dict], list[dict]]:
    """The drawn paragraphs as (dev, aside), whole documents to a side in a shuffled order, so that
    the aside half judges the rules on documents nobody tuned on."""
    docs = sorted({r["symbol"] for r in picked})
    rng.shuffle(docs)
    first: list[dict] = []
    second: list[dict] = []
    for d in docs:
        rs = [r for r in picked if r["symbol"] == d]
        (first if len(first) + len(rs) <= dev else second).extend(rs)
    return first, second


def kind_weights(rows: list[dict], cited: set[str], cap: float = 4.0) -> dict[tuple[str, str], float]:
    """Weights for chunk kinds and document types, higher the less earlier samples labelled them.

    A kind's rate is the share of its library chunks that earlier samples labelled; its weight is
    the library-wide rate over its own (capped), so a kind sampled half as often counts double."""
    lib: collections.Counter = collections.Counter()
    seen: collections.Counter = collections.Counter()
    for r in rows:
        for key in (("kind", r["kind"]), ("doc_type", r.get("doc_type") or "")):
            lib[key] += 1
            seen[key] += r["citation"] in cited
    overall = len(cited & {r["citation"] for r in rows}) / max(len(rows), 1)
    return {k: min(cap, overall / ((seen[k] + 1) / (lib[k] + 1))) for k in lib}


def draw(rows: list[dict], used: collections.Counter, cited: set[str], seed: int,
         n: int = 45, dev: int = 25, rare_kinds: bool = False,
         least_kinds: bool = False) -> tuple[list[dict], list[dict]]:
    """``n`` chunks, at most two a document, split by document into dev and aside halves.

    ``rare_kinds`` (round 16) first keeps slots for the kinds rounds 5-15 labelled least: a
    resolution's preamble, small-type notes, parts with no numbered paragraphs, and text cited by
    page (letters and their annexes). ``least_kinds`` (round 17) weights every chunk by how rarely
    earlier samples labelled its kind and its document's type (``kind_weights``) instead of the
    fixed slots for tables, scans and annexes."""
    rng = random.Random(seed)
    cands = [r for r in rows if r["citation"] not in cited and r["symbol"] != "A/69/207"
             and 120 <= len(r["text"]) <= (2000 if r["kind"] == "table" else 1300)]

    kw = kind_weights(rows, cited) if least_kinds else {}

    def weight(r: dict) -> float:
        w = 1.0 / (1 + used[r["symbol"]]) ** 1.5
        if least_kinds:
            return w * kw[("kind", r["kind"])] * kw[("doc_type", r.get("doc_type") or "")]
        return w * (2.0 if r["part"] else 1.0) * (3.0 if r["kind"] != "paragraph" else 1.0)

    picked: list[dict] = []
    per_doc: collections.Counter = collections.Counter()

    def take(pool: list[dict], k: int) -> None:
        while k and pool:
            r = rng.choices(pool, weights=[weight(x) for x in pool])[0]
            pool.remove(r)
            if per_doc[r["symbol"]] >= 2 or r in picked:
                continue
            picked.append(r)
            per_doc[r["symbol"]] += 1
            k -= 1

    if not least_kinds:
        take([r for r in cands if r["kind"] == "table"], 3)
    if rare_kinds:
        take([r for r in cands if r["kind"] == "preamble"], 4)
        take([r for r in cands if r["kind"] in ("note", "part")], 4)
        take([r for r in cands if r["page"] and r["kind"] == "paragraph"], 4)
    if not least_kinds:
        take([r for r in cands if r["symbol"] in SCANNED], 3)
        take([r for r in cands if r["part"].startswith(("annex", "enclosure"))], 6)
    take(list(cands), n - len(picked))
    return split_by_document(picked, dev, rng)


# Round 20's and 21's instrument draw: paragraphs naming two or more instruments, or one bare back-reference
INSTRUMENT_WORDS = re.compile(r"\b(?:Agenda|Framework|Compact|Strategy|Declaration|Conventions?|Protocols?|Principles|"
                              r"Agreement|Treaty|Charter|Covenant|Pact|Statute|Guidelines|Plan of Action|"
                              r"Programme of Action|[Rr]esolutions?|[Dd]ecisions?)\b")
BACK_REFERENCE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]hat)\s+(?:Convention|Declaration|Charter|Protocols?|Agreement|"
                            r"Covenant|Treaty|Compact|Agenda|Framework|Statute)(?:['\u2019]s)?\b(?!\s+(?:on|of|to|for)\b)"
                            r"(?!\s+[A-Z0-9])|\bthereto\b")
TREATY_DOCS = ("A/80/38", "A/80/48", "E/C.2", "ICCD", "A/HRC/EMRIP", "A/CONF.230", "S/2025/258")  # treaty bodies' and parties'
PROGRAMME_DOCS = ("DP/", "E/ICEF", "UNW/")


def instrument_weight(r: dict) -> float:
    """0 for a chunk without two instrument words or a bare back-reference; else weighted up threefold for a
    resolution's or decision's text or a preamble, threefold for treaty documents, twofold for programme
    documents and threefold for a bare back-reference (round 20's weights)."""
    text = r["text"]
    backref = BACK_REFERENCE.search(text) is not None
    if len(INSTRUMENT_WORDS.findall(text)) < 2 and not backref:
        return 0.0
    w = 3.0 if r["kind"] == "preamble" or re.search(r"resolution|decision", r.get("doc_type") or "") else 1.0
    w *= 3.0 if r["symbol"].startswith(TREATY_DOCS) else 2.0 if r["symbol"].startswith(PROGRAMME_DOCS) else 1.0
    return w * (3.0 if backref else 1.0)


def draw_instruments(rows: list[dict], cited: set[str], seed: int, n: int = 60, dev: int = 30,
                     per_doc: int = 3) -> tuple[list[dict], list[dict]]:
    """``n`` paragraphs (200-1,300 characters, no table) no earlier sample cites, at most ``per_doc`` a document,
    drawn by ``instrument_weight`` and split by document into dev and aside halves."""
    rng = random.Random(seed)
    pool = [r for r in rows if r["citation"] not in cited and r["symbol"] != "A/69/207" and r["kind"] != "table"
            and 200 <= len(r["text"]) <= 1300 and instrument_weight(r) > 0]
    picked: list[dict] = []
    count: collections.Counter = collections.Counter()
    while len(picked) < n and pool:
        r = rng.choices(pool, weights=[instrument_weight(x) for x in pool])[0]
        pool.remove(r)
        if count[r["symbol"]] < per_doc:
            picked.append(r)
            count[r["symbol"]] += 1
    return split_by_document(picked, dev, rng)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", help="`paracite export` output (JSON Lines)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", required=True, help="folder for dev.json and aside.json")
    ap.add_argument("--rare-kinds", action="store_true",
                    help="keep slots for preambles, notes, parts and page-cited text (round 16)")
    ap.add_argument("--least-kinds", action="store_true",
                    help="weight chunks by how rarely earlier samples labelled their kind and document type (round 17)")
    ap.add_argument("--instruments", action="store_true",
                    help="draw 60 paragraphs by their instrument words, 30 / 30 by document (rounds 20-21)")
    ap.add_argument("--size", type=int, default=None,
                    help="how many paragraphs, half of them dev (default 60 with --instruments, else 45 with 25 dev;"
                         " rounds 22-23: 40)")
    ap.add_argument("--skip", action="append", default=[],
                    help="a sample file in bench/data not to count as earlier (to redraw that round); repeatable")
    args = ap.parse_args(argv)
    rows = []
    for line in Path(args.export).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row.pop("entities", None)  # label blind: the tagger's output is never shown
            rows.append(row)
    used, cited = _used(ROOT / "bench" / "data", args.skip)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.instruments:
        size = args.size or 60
        halves = draw_instruments(rows, cited, args.seed, n=size, dev=size // 2)
    else:
        n, dev = (args.size, args.size // 2) if args.size else (45, 25)
        halves = draw(rows, used, cited, args.seed, n=n, dev=dev, rare_kinds=args.rare_kinds,
                      least_kinds=args.least_kinds)
    for name, half in zip(("dev", "aside"), halves):
        (out / f"{name}.json").write_text(json.dumps(half, ensure_ascii=False, indent=0), encoding="utf-8")
        print(name, len(half), sorted({r["symbol"] for r in half}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
