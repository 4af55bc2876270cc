"""How well paracite reads the dev UN PDFs: paragraphs, spot checks, symbols and titles.

Run: ``python bench/bench_ingest.py [--extractor layout|pypdf|pdfplumber|pypdfium2] [--verbose]``,
or ``--timing`` for the seconds each library takes to extract the same PDFs.
``layout`` (the default) is paracite's own reader (``ingest.read_document``); the others feed the
plain text of that library to the text parser, as a baseline. Figures, never asserts.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEV = Path("/work/shared/corpus/un-pdf-dev")
EVAL = Path("/work/shared/eval/un_pdf_dev.json")


def _plain(extractor: str, path: Path) -> str:
    if extractor == "pypdf":
        from pypdf import PdfReader

        return "\f".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)
    if extractor == "pdfplumber":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\f".join(p.extract_text() or "" for p in pdf.pages)
    if extractor == "pypdfium2":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(path))
        return "\f".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    raise SystemExit(f"unknown extractor {extractor}")


def read(extractor: str, path: Path):
    if extractor == "layout":
        from ingest import read_document

        return read_document(path)
    from ingest import parse_text

    return parse_text(_plain(extractor, path), source=str(path))


def _norm(s: str) -> str:
    return " ".join(s.split())


def title_similarity(expected: str, got: str) -> float:
    a = re.findall(r"\w+", expected.lower())
    b = re.findall(r"\w+", got.lower())
    return difflib.SequenceMatcher(None, a, b).ratio()


def score(entry: dict, doc) -> dict:
    body = [c for c in doc.chunks if c.kind == "paragraph" and not c.part and c.page is None]
    numbers = [c.number for c in body]
    n = entry["body_paragraphs"]
    by_number = {c.number: c for c in body}
    spots = []
    for sp in entry["spot"]:
        c = by_number.get(sp["n"])
        text = _norm(c.text) if c else ""
        spots.append((sp["n"], text.startswith(_norm(sp["starts"])), text.endswith(_norm(sp["ends"])), text))
    return {
        "found": len(body),
        "expected": n,
        "sequence_ok": numbers == list(range(1, n + 1)),
        "spots": spots,
        "symbol_ok": doc.symbol == entry["symbol"],
        "symbol": doc.symbol,
        "title": doc.title,
        "title_sim": title_similarity(entry["title"], doc.title),
        "parts": sorted({c.part for c in doc.chunks if c.part}),
        "annex_paras": sum(1 for c in doc.chunks if c.part and c.kind == "paragraph"),
    }


def timing(entries: list[dict]) -> None:
    """Seconds each library takes to extract the dev PDFs' text (and our layout lines), same run."""
    from ingest.pdf.layout import read_pages

    files = [DEV / e["file"] for e in entries]
    runs = {name: (lambda f, name=name: _plain(name, f)) for name in ("pypdf", "pdfplumber", "pypdfium2")}
    runs["layout (pypdfium2 chars)"] = read_pages
    base = None
    for name, fn in runs.items():
        t0 = time.perf_counter()
        for f in files:
            fn(f)
        took = time.perf_counter() - t0
        base = base or took
        print(f"{name:26s} {took:6.2f} s  ({took / base:.2f} x pypdf)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extractor", default="layout", choices=["layout", "pypdf", "pdfplumber", "pypdfium2"])
    ap.add_argument("--only", help="substring of a file name")
    ap.add_argument("--verbose", "-v", action="store_true", help="print failing spot texts")
    ap.add_argument("--timing", action="store_true", help="time each library's text extraction instead")
    args = ap.parse_args()
    entries = json.loads(EVAL.read_text())
    if args.timing:
        timing(entries)
        return
    tot = {"docs_ok": 0, "paras_found": 0, "paras_expected": 0, "spots": 0, "spots_ok": 0, "symbols_ok": 0,
           "titles_ok": 0}
    t0 = time.perf_counter()
    print(f"extractor: {args.extractor}")
    print(f"{'file':28s} {'paras':>9s} {'seq':>4s} {'starts':>7s} {'ends':>5s} {'symbol':>7s} {'title':>6s}  annex")
    for e in entries:
        if args.only and args.only not in e["file"]:
            continue
        try:
            doc = read(args.extractor, DEV / e["file"])
        except Exception as ex:  # a bench reports, it does not stop
            print(f"{e['file']:28s} FAILED: {type(ex).__name__}: {ex}")
            tot["paras_expected"] += e["body_paragraphs"]
            tot["spots"] += len(e["spot"])
            continue
        r = score(e, doc)
        starts = sum(s[1] for s in r["spots"])
        ends = sum(s[2] for s in r["spots"])
        both = sum(s[1] and s[2] for s in r["spots"])
        ok = r["sequence_ok"] and both == len(r["spots"]) and r["symbol_ok"]
        tot["docs_ok"] += ok
        tot["paras_found"] += min(r["found"], r["expected"]) if r["sequence_ok"] else 0
        tot["paras_expected"] += r["expected"]
        tot["spots"] += len(r["spots"])
        tot["spots_ok"] += both
        tot["symbols_ok"] += r["symbol_ok"]
        tot["titles_ok"] += r["title_sim"] >= 0.8
        print(f"{e['file']:28s} {r['found']:4d}/{r['expected']:<4d} {'yes' if r['sequence_ok'] else 'NO':>4s} "
              f"{starts:3d}/{len(r['spots'])}  {ends:2d}/{len(r['spots'])} {'ok' if r['symbol_ok'] else 'BAD':>7s} "
              f"{r['title_sim']:6.2f}  {','.join(r['parts']) or '-'} ({r['annex_paras']})")
        if args.verbose:
            if not r["symbol_ok"]:
                print(f"    symbol {r['symbol']!r} expected {e['symbol']!r}")
            if r["title_sim"] < 0.8:
                print(f"    title {r['title']!r}")
            for n, s_ok, e_ok, text in r["spots"]:
                if not (s_ok and e_ok):
                    print(f"    para {n}: {text[:120]!r} ... {text[-120:]!r}")
    print(f"TOTAL documents all right {tot['docs_ok']}/{len(entries)}; paragraphs in sequence "
          f"{tot['paras_found']}/{tot['paras_expected']}; spots {tot['spots_ok']}/{tot['spots']}; "
          f"symbols {tot['symbols_ok']}/{len(entries)}; titles (similarity >= 0.8) {tot['titles_ok']}/{len(entries)}; "
          f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
