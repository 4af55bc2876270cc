"""How well the text reader numbers paragraphs, measured against the PDF reader (issue 15).

For each PDF of a library index, the text reader reads a pypdfium2 text extraction of the same
PDF (kept in a cache folder) and its numbered paragraphs ``(part, number)`` are compared with the
ones the PDF reader put into the index. Prints each document where they differ and the totals:
``pdf`` (the PDF reader's), ``txt`` (the text reader's), ``both``; then the same for the
paragraphs cited by page ``(part, page, number)``, which text without layout can only
approximate.

    python bench/text_pdf_agreement.py --index /work/libindex_r3 --cache /tmp/txtlib
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, os.getcwd())

from ingest.reader import read_document  # noqa: E402
from paracite.errors import ParaciteError  # noqa: E402


def extract(pdf: Path, out: Path) -> None:
    """The PDF's text as pypdfium2 gives it, pages parted by form feeds (like a PDF-to-text tool)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    out.write_text("\n\f".join(p.get_textpage().get_text_range() for p in doc))


def numbered(pairs) -> set[tuple[str, int]]:
    return {(part.lower(), number) for part, number in pairs}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", default="/work/libindex_r3", help="a library index built from the PDFs")
    ap.add_argument("--cache", default="/tmp/txtlib", help="folder for the text extractions (kept)")
    ap.add_argument("--quiet", action="store_true", help="print only the totals")
    args = ap.parse_args()
    build = Path(args.index) / "current"
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(build / "paracite.sqlite")
    files = {d["symbol"]: d["file"] for d in json.loads((build / "manifest.json").read_text())["documents"]}
    tot = Counter()
    for sym, f in sorted(files.items()):
        if not f.endswith(".pdf"):
            continue
        t = cache / (Path(f).stem + ".txt")
        if not t.exists():
            extract(Path(f), t)
        pdf_pages = {(p.lower(), g, n) for p, g, n in con.execute(
            "select part, page, number from chunks where symbol=? and kind='paragraph' and page is not null", (sym,))}
        pdf = numbered(con.execute("select part, number from chunks where symbol=? and kind='paragraph' "
                                   "and page is null", (sym,)))
        try:
            doc = read_document(str(t))
        except ParaciteError as e:
            txt: set[tuple[str, int]] = set()
            txt_pages: set = set()
            if not args.quiet:
                print(sym, "ERROR", str(e)[:70])
        else:
            txt = numbered((c.part, c.number) for c in doc.chunks if c.kind == "paragraph" and not c.page)
            txt_pages = {(c.part.lower(), c.page, c.number) for c in doc.chunks if c.kind == "paragraph" and c.page}
        tot.update(pdf=len(pdf), txt=len(txt), both=len(pdf & txt), docs=1, same=pdf == txt,
                   pdf_pages=len(pdf_pages), txt_pages=len(txt_pages), both_pages=len(pdf_pages & txt_pages))
        if pdf != txt and not args.quiet:
            parts = lambda s: sorted(Counter(p for p, _ in s).items())[:4]  # noqa: E731
            print(sym, f"pdf {len(pdf)} txt {len(txt)} both {len(pdf & txt)}", "| pdf", parts(pdf), "| txt", parts(txt))
    print(f"documents {tot['docs']} (same numbering {tot['same']}); paragraphs: pdf {tot['pdf']} "
          f"txt {tot['txt']} both {tot['both']}")
    print(f"paragraphs cited by page: pdf {tot['pdf_pages']} txt {tot['txt_pages']} both {tot['both_pages']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
