"""How well paracite numbers library PDFs no earlier truth covered, by a blind truth written from their text.

Run: ``python bench/bench_reader_truth.py [--truth lib16|...|lib22] [--split dev|aside|all] [--verbose]``. Each
truth (``bench/data/reader_truth_lib16.jsonl``, round 16: 12 PDFs; ``reader_truth_lib17.jsonl``, round 17: 10
more; ``reader_truth_lib18.jsonl``, round 18: 8 more;
``reader_truth_lib19.jsonl``, round 19: 8 more;
``reader_truth_lib20.jsonl``, round 20: 8 more;
``reader_truth_lib21.jsonl``, round 21: 7 more;
``reader_truth_lib22.jsonl``, round 22: 8 more, the last library PDFs no truth covered) was written from each PDF's own text before paracite's output
was looked at: per part (``""`` the body, ``"annex I"``, ``"enclosure"``) how many numbered paragraphs
it prints, 1..N; spot paragraphs by their first words (and words they must hold); texts that must be
in some chunk (no text lost). ``dev`` is what fixes were tuned on; ``aside`` is run once, after them.
Figures, never asserts; bench/bench_ingest.py scores the 8 dev PDFs the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIB = Path("/work/shared/corpus/un-pdf-lib")
TRUTHS = {name: ROOT / "bench" / "data" / f"reader_truth_{name}.jsonl" for name in ("lib16", "lib17", "lib18", "lib19", "lib20", "lib21", "lib22")}


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00ad", "").split())


def _in_part(chunk_part: str, part: str) -> bool:
    """A truth part names the chunk's part, or its last level (``annex, enclosure`` is an enclosure)."""
    got = (chunk_part or "").lower()
    want = part.lower()
    return got == want or (bool(want) and got.endswith(", " + want))


def score(entry: dict, doc) -> dict:
    numbered = [c for c in doc.chunks if c.kind == "paragraph" and c.page is None]
    parts = {}
    for part, n in entry["parts"].items():
        got = [c.number for c in numbered if _in_part(c.part, part)]
        parts[part] = (got == list(range(1, n + 1)), n, got)
    claimed = {id(c) for c in numbered for p in entry["parts"] if _in_part(c.part, p)}
    extra = sorted({c.part for c in numbered if id(c) not in claimed})
    spots = []
    for sp in entry["spot"]:
        c = next((c for c in numbered if _in_part(c.part, sp["part"]) and c.number == sp["n"]), None)
        text = _norm(c.text) if c else ""
        ok = text.startswith(_norm(sp["starts"])) and _norm(sp.get("contains", "")) in text
        spots.append((sp["part"], sp["n"], ok, text))
    # a footnote is kept with its chunk; a heading (a table's title) as its section, which the index searches too
    every = " ".join(_norm(" ".join((c.text, *c.footnotes, *c.section))) for c in doc.chunks)
    texts = [(t, _norm(t) in every) for t in entry["texts"]]
    return {"parts": parts, "extra": extra, "spots": spots, "texts": texts, "symbol_ok": doc.symbol == entry["symbol"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--truth", default="lib16", choices=sorted(TRUTHS), help="which round's truth (default lib16)")
    ap.add_argument("--split", default="dev", choices=["dev", "aside", "all"])
    ap.add_argument("--verbose", "-v", action="store_true", help="print what failed")
    args = ap.parse_args()
    from ingest import read_document

    entries = [json.loads(l) for l in TRUTHS[args.truth].read_text().splitlines() if l.strip()]
    entries = [e for e in entries if args.split == "all" or e["split"] == args.split]
    tot = dict(docs=0, docs_ok=0, paras=0, paras_ok=0, spots=0, spots_ok=0, texts=0, texts_ok=0)
    for e in entries:
        r = score(e, read_document(LIB / e["file"]))
        seq_ok = all(ok for ok, _, _ in r["parts"].values()) and not r["extra"]
        spots_ok = sum(ok for *_, ok, _ in r["spots"])
        texts_ok = sum(ok for _, ok in r["texts"])
        whole = seq_ok and spots_ok == len(r["spots"]) and texts_ok == len(r["texts"]) and r["symbol_ok"]
        tot["docs"] += 1
        tot["docs_ok"] += whole
        for ok, n, got in r["parts"].values():
            tot["paras"] += n
            tot["paras_ok"] += n if ok else len(set(got) & set(range(1, n + 1)))
        tot["spots"] += len(r["spots"])
        tot["spots_ok"] += spots_ok
        tot["texts"] += len(r["texts"])
        tot["texts_ok"] += texts_ok
        seqs = " ".join(f"{p or 'body'}:{'ok' if ok else 'NO'}" for p, (ok, _, _) in r["parts"].items())
        print(f"{e['file']:28s} {'OK ' if whole else 'BAD'} {seqs}  spots {spots_ok}/{len(r['spots'])}"
              f"  texts {texts_ok}/{len(r['texts'])}{'  extra parts ' + str(r['extra']) if r['extra'] else ''}")
        if args.verbose:
            for p, (ok, n, got) in r["parts"].items():
                if not ok:
                    print(f"    {p or 'body'}: expected 1..{n}, got {got}")
            for p, n, ok, text in r["spots"]:
                if not ok:
                    print(f"    spot {p or 'body'} {n}: {text[:160]!r}")
            for t, ok in r["texts"]:
                if not ok:
                    print(f"    text lost: {t!r}")
    print(f"documents right {tot['docs_ok']}/{tot['docs']}; numbered paragraphs in sequence "
          f"{tot['paras_ok']}/{tot['paras']}; spots {tot['spots_ok']}/{tot['spots']}; texts {tot['texts_ok']}/{tot['texts']}")


if __name__ == "__main__":
    main()
