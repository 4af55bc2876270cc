"""How well the text reader reads other tools' text extractions, measured against the PDF reader (issue 15).

For each PDF of a library index, the text reader reads a text extraction of the same PDF (made by
``--extractor``: pypdfium2 in-process, or pdfminer.six's ``pdf2txt.py`` / poppler's ``pdftotext``
run as subprocesses, so the venv needs neither; kept in a cache folder per extractor) and its
reading is compared with what the PDF reader put into the index:

- numbered paragraphs ``(part, number)``: ``pdf`` (the PDF reader's), ``txt`` (the text reader's),
  ``both``, and the documents numbered identically;
- the paragraphs cited by page ``(part, page, number)``, which text without layout can only approximate;
- page-1 metadata: documents whose symbol, date or issuing bodies differ from the index's ``documents`` row;
- words reached (a coarse "nothing lost"): the share of the PDF chunks' word tokens (a multiset)
  found in the text reading's chunks, per document and in total, with the worst documents;
- chunks under a page-1 heading: the text reading's chunks whose section path holds a masthead organ or
  page-1 furniture line (``General Assembly``, ``Distr.: General``, a joint symbol), which no chunk of
  the PDF reader's has.

``--half dev|dev2|aside`` reads the split of ``bench/data/text_extractor_split.json`` (the 72 PDFs by
file name, odd positions dev; half of the rest promoted to tuning as dev2 in session 28, 18 still
aside); ``pdfminer-clean`` is pdfminer's text with trailing spaces stripped and form feeds dropped,
the style of the bundled A-69-207.txt.

    python bench/text_pdf_agreement.py --index /work/libindex_r29 --cache /tmp/txtlib --extractor pdfminer --half dev
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, os.getcwd())

from ingest.reader import read_document  # noqa: E402
from ingest.text.front_lines import cell_kind  # noqa: E402
from paracite.errors import ParaciteError  # noqa: E402

EXTRACTORS = ("pypdfium2", "pdfminer", "pdfminer-clean", "pdftotext", "pdftotext-layout")
SPLIT = Path(__file__).resolve().parent / "data" / "text_extractor_split.json"
WORD = re.compile(r"\w+")


def _tool(name: str, given: str | None) -> str:
    found = given or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found on PATH; give it with --{'pdfminer' if 'pdf2txt' in name else 'pdftotext'}")
    return found


def extract(pdf: Path, out: Path, extractor: str, tools: argparse.Namespace, cache: Path) -> None:
    """The PDF's text as the extractor gives it (pypdfium2: pages parted by form feeds)."""
    if extractor == "pypdfium2":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(pdf))
        out.write_text("\n\f".join(p.get_textpage().get_text_range() for p in doc))
    elif extractor == "pdfminer":
        subprocess.run([_tool("pdf2txt.py", tools.pdfminer), str(pdf), "-o", str(out)], check=True)
    elif extractor == "pdfminer-clean":
        raw = cache.parent / "pdfminer" / out.name
        if not raw.exists():
            raw.parent.mkdir(parents=True, exist_ok=True)
            extract(pdf, raw, "pdfminer", tools, raw.parent)
        out.write_text(clean_pdfminer(raw.read_text()))
    else:
        layout = ["-layout"] if extractor == "pdftotext-layout" else []
        subprocess.run([_tool("pdftotext", tools.pdftotext), *layout, "-enc", "UTF-8", str(pdf), str(out)], check=True)


def clean_pdfminer(text: str) -> str:
    """pdfminer's text in the style of A-69-207.txt: no trailing spaces, no form feeds."""
    return "\n".join(line.rstrip() for line in text.replace("\f", "").split("\n"))


def numbered(pairs) -> set[tuple[str, int]]:
    return {(part.lower(), number) for part, number in pairs}


def words(texts) -> Counter:
    return Counter(w for t in texts for w in WORD.findall(t.lower()))


@dataclass
class Reading:
    """What one reading (the PDF reader's row in the index, or the text reader's) says of a document."""

    paras: set = field(default_factory=set)
    pages: set = field(default_factory=set)
    meta: tuple = ()
    words: Counter = field(default_factory=Counter)
    masthead: int = 0  # chunks under a page-1 heading (a masthead organ, ``Distr.``, a symbol)
    title: str = ""


def same_title(a: str, b: str) -> bool:
    """Titles alike but for case, punctuation and spacing (a footnote star, a curly quote)."""
    norm = lambda s: " ".join(re.sub(r"[^\w ]", " ", s.lower()).split())  # noqa: E731
    return norm(a) == norm(b)


def pdf_reading(con: sqlite3.Connection, sym: str) -> Reading:
    rows = con.execute("select part, page, number, kind, text from chunks where symbol=?", (sym,)).fetchall()
    date, bodies, title = con.execute("select date, bodies, title from documents where symbol=?", (sym,)).fetchone()
    return Reading(paras=numbered((p, n) for p, g, n, k, _ in rows if k == "paragraph" and g is None),
                   pages={(p.lower(), g, n) for p, g, n, k, _ in rows if k == "paragraph" and g is not None},
                   meta=(sym, date, tuple(json.loads(bodies))), words=words(r[4] for r in rows), title=title or "")


def text_reading(path: Path) -> Reading:
    doc = read_document(str(path))
    return Reading(paras=numbered((c.part, c.number) for c in doc.chunks if c.kind == "paragraph" and not c.page),
                   pages={(c.part.lower(), c.page, c.number) for c in doc.chunks if c.kind == "paragraph" and c.page},
                   meta=(doc.symbol, doc.date, tuple(doc.bodies)), words=words(c.text for c in doc.chunks),
                   masthead=sum(any(cell_kind(s) in ("principal", "furniture") for s in c.section) for c in doc.chunks),
                   title=doc.title or "")


def compare(sym: str, pdf: Reading, txt: Reading, tot: Counter, worst: list, quiet: bool) -> None:
    """Add one document's figures to the totals; print where the readings differ."""
    reached = sum((pdf.words & txt.words).values())
    tot.update(pdf=len(pdf.paras), txt=len(txt.paras), both=len(pdf.paras & txt.paras), docs=1,
               same=pdf.paras == txt.paras, pdf_pages=len(pdf.pages), txt_pages=len(txt.pages),
               both_pages=len(pdf.pages & txt.pages), meta=pdf.meta == txt.meta,
               words=sum(pdf.words.values()), reached=reached, masthead=txt.masthead,
               titled=bool(txt.title), title=same_title(pdf.title, txt.title))
    share = reached / max(1, sum(pdf.words.values()))
    worst.append((share, sym))
    if quiet:
        return
    if pdf.paras != txt.paras:
        parts = lambda s: sorted(Counter(p for p, _ in s).items())[:4]  # noqa: E731
        print(sym, f"pdf {len(pdf.paras)} txt {len(txt.paras)} both {len(pdf.paras & txt.paras)}",
              "| pdf", parts(pdf.paras), "| txt", parts(txt.paras))
    if pdf.meta != txt.meta:
        print(sym, "META pdf", pdf.meta, "| txt", txt.meta)
    if share < 0.98:
        print(sym, f"WORDS reached {share:.3f}")
    if not same_title(pdf.title, txt.title):
        print(sym, "TITLE pdf", repr(pdf.title[:70]), "| txt", repr(txt.title[:70]))


def selected(files: dict[str, str], half: str) -> list[tuple[str, str]]:
    """The index's PDFs, in symbol order, of the chosen half of the split."""
    pdfs = sorted((s, f) for s, f in files.items() if f.endswith(".pdf"))
    if half == "all":
        return pdfs
    names = set(json.loads(SPLIT.read_text())[half])
    return [(s, f) for s, f in pdfs if Path(f).name in names]


def agreement_args(ap: argparse.ArgumentParser) -> None:
    """The flags this script and ``text_chunk_agreement`` share: which index, extractions and half."""
    ap.add_argument("--index", default="/work/libindex_r29", help="a library index built from the PDFs")
    ap.add_argument("--cache", default="/tmp/txtlib", help="folder for the text extractions (kept, one folder per extractor)")
    ap.add_argument("--extractor", choices=EXTRACTORS, default="pypdfium2")
    ap.add_argument("--half", choices=("all", "dev", "dev2", "aside"), default="all",
                    help="the split's part (bench/data): dev, dev2 (promoted in session 28) or aside")
    ap.add_argument("--pdfminer", help="path of pdfminer.six's pdf2txt.py (default: on PATH)")
    ap.add_argument("--pdftotext", help="path of poppler's pdftotext (default: on PATH)")
    ap.add_argument("--quiet", action="store_true", help="print only the totals")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    agreement_args(ap)
    args = ap.parse_args()
    build = Path(args.index) / "current"
    cache = Path(args.cache) / args.extractor
    cache.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(build / "paracite.sqlite")
    files = {d["symbol"]: d["file"] for d in json.loads((build / "manifest.json").read_text())["documents"]}
    tot: Counter = Counter()
    worst: list[tuple[float, str]] = []
    for sym, f in selected(files, args.half):
        t = cache / (Path(f).stem + ".txt")
        try:
            if not t.exists():
                extract(Path(f), t, args.extractor, args, cache)
            txt = text_reading(t)
        except (ParaciteError, subprocess.CalledProcessError) as e:
            txt = Reading()
            if not args.quiet:
                print(sym, "ERROR", str(e)[:70])
        compare(sym, pdf_reading(con, sym), txt, tot, worst, args.quiet)
    print(f"[{args.extractor}, {args.half}] documents {tot['docs']} (same numbering {tot['same']}); "
          f"paragraphs: pdf {tot['pdf']} txt {tot['txt']} both {tot['both']}")
    print(f"paragraphs cited by page: pdf {tot['pdf_pages']} txt {tot['txt_pages']} both {tot['both_pages']}")
    print(f"metadata (symbol, date, bodies) alike: {tot['meta']}/{tot['docs']}; words reached "
          f"{tot['reached']}/{tot['words']} ({tot['reached'] / max(1, tot['words']):.4f}); worst "
          + ("(hidden)" if args.quiet and args.half == "aside" else
             ", ".join(f"{s} {w:.3f}" for w, s in sorted(worst)[:3])))
    print(f"text chunks under a page-1 heading (masthead organ, Distr., symbol): {tot['masthead']}")
    print(f"titles alike {tot['title']}/{tot['docs']} (the text reader gives one for {tot['titled']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
