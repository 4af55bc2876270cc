"""Audit how each PDF was numbered: where the parsed paragraphs and the printed numbers disagree.

Run: ``python bench/audit_numbering.py [FOLDER_OR_PDF ...] [--jobs N] [--all] [--show N]``
(default: ``../shared/corpus/un-pdf-lib`` and ``un-pdf-dev``).

Per document one line (symbol, pages, paragraphs per part, preambular paragraphs, page-cited
chunks, tables), then one ``!`` line per anomaly, so misnumbering shows at a glance:

- ``missed``: a line printed ``N.`` at the text's margin, in body type, that continues the
  parsed sequence (the paragraph before is N-1) but opened no paragraph;
- ``gap`` / ``repeat`` / ``restart`` / ``back``: printed numbers at the margin that skip ahead,
  repeat the last paragraph's number, start again at 1, or fall back (out of order) without
  opening a paragraph: a list inside a paragraph, or a second series the parser missed (a run
  of numbers in sequence is one line: ``series 74..130``); ``heading`` when they are all bold
  or italic (numbered sub-headings: information, not counted); contents entries (dot leaders)
  are left out;
- ``inside``: a paragraph whose text holds the next number's start (``... end. 15. The ...``);
- ``misprint``: a paragraph cited by the sequence's number, with the printed one noted;
- ``long`` / ``short``: a chunk over 3,500 characters or 4 times the document's median; the
  numbered paragraphs under 40 characters (one line per document);
- ``duplicate``: citations two chunks share;
- ``page-cited``: chunks cited by page in a document that has numbered paragraphs (boxes,
  quotations, notes on page 1), with their pages.

Nothing is asserted: it is a survey to read beside the PDFs. The last line counts the anomalies
(``page-cited`` and ``misprint`` lines are information, not counted).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = [Path("/work/shared/corpus/un-pdf-lib"), Path("/work/shared/corpus/un-pdf-dev")]
_NUM_RE = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_LEADERS_RE = re.compile(r"(?:\. ?){4,}|…{2,}")  # a contents entry's dot leaders
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
COUNTED = ("missed", "gap", "repeat", "restart", "back", "inside", "long", "short", "duplicate", "error")


@dataclass
class Audit:
    """What one PDF's audit found."""

    name: str
    symbol: str = ""
    pages: int = 0
    parts: dict[str, int] = field(default_factory=dict)  # part -> numbered paragraphs
    preamble: int = 0
    tables: int = 0
    page_cited: list[int] = field(default_factory=list)  # pages of page-cited chunks
    anomalies: list[tuple[str, str]] = field(default_factory=list)  # (kind, detail)

    def counted(self) -> int:
        return sum(1 for k, _ in self.anomalies if k in COUNTED)


def _key(text: str, n: int = 24) -> str:
    return _NOT_ALNUM.sub("", text.lower())[:n]


def audit_pdf(path: str) -> Audit:
    """Parse one PDF and compare its paragraphs with the numbers printed at its margin."""
    from ingest import read_document
    from ingest.pdf.contents import contents_lines
    from ingest.pdf.front_page import read_symbols
    from ingest.pdf.geometry import measure
    from ingest.pdf.layout import read_pages
    from ingest.pdf.zones import split_zones

    a = Audit(Path(path).name)
    try:
        doc = read_document(path)
    except Exception as e:  # a survey reports, it does not stop
        a.anomalies.append(("error", str(e)[-140:]))
        return a
    a.symbol, a.pages = doc.symbol, doc.pages or 0
    numbered = [c for c in doc.chunks if c.kind == "paragraph" and c.page is None]
    for c in numbered:
        a.parts[c.part] = a.parts.get(c.part, 0) + 1
    a.preamble = sum(c.kind == "preamble" for c in doc.chunks)
    a.tables = sum(c.kind == "table" for c in doc.chunks)
    a.page_cited = [c.page for c in doc.chunks if c.page is not None]
    if numbered:
        _chunk_checks(a, doc.chunks, numbered)
    pages = read_pages(Path(path))
    zones = split_zones(pages, read_symbols(pages[0]) or (doc.symbol,))
    geo = measure(zones.lines, zones.body_size)
    listed = contents_lines(zones.lines)
    starts: dict[int, list] = {}  # page -> (key of the text's start, chunk)
    for c in numbered:
        starts.setdefault(c.span[0], []).append((_key(c.text), c))
    last = 0
    run: list = []  # printed numbers in a row that opened no paragraph: (kind, number, line)
    for k, l in enumerate(zones.lines):
        m = _NUM_RE.match(l.text)
        if (k in listed or not m or abs(l.size - zones.body_size) > 0.6 or _LEADERS_RE.search(l.text)
                or not (geo.left[l.page] - 45 <= l.x0 <= geo.left[l.page] + 40)):
            continue
        n, rest = int(m.group(1)), m.group(2)
        key = _key(rest)
        c = next((c for k, c in starts.get(l.page, []) if k.startswith(key) or key.startswith(k)), None)
        if c is not None:
            _flush(a, run, last)
            run, last = [], c.number
            continue
        if run and n == run[-1][1] + 1:
            run.append((run[0][0], n, l))
            continue
        _flush(a, run, last)
        kind = ("missed" if n == last + 1 else "repeat" if n == last else "restart" if n == 1 and last > 1
                else "gap" if n > last + 1 else "back")
        run = [(kind, n, l)]
    _flush(a, run, last)
    return a


def _flush(a: Audit, run: list, last: int) -> None:
    """One anomaly for a run of printed numbers in sequence that opened no paragraph."""
    if not run:
        return
    kind, n, l = run[0]
    if kind == "back" and n < last - 1 and len(run) == 1:
        return  # one numbered item inside a paragraph: common, not worth a line
    if kind != "missed" and all(x.bold or x.italic for _, _, x in run):
        kind = "heading"  # bold or italic numbered sub-headings (``1. Implementation of action lines``)
    style = "bold " if l.bold else "italic " if l.italic else ""
    series = f"series {n}..{run[-1][1]}, pp. {l.page}-{run[-1][2].page}: " if len(run) > 1 else f"p. {l.page} "
    a.anomalies.append((kind, f"{series}{style}{l.text[:60]!r} (after para. {last})"))


def _chunk_checks(a: Audit, chunks, numbered) -> None:
    """Anomalies seen in the chunks themselves: misprints, long and short ones, swallowed starts."""
    median = statistics.median(len(c.text) for c in numbered)
    short: list[str] = []
    for c in chunks:
        cite = c.citation.split(", ", 1)[-1]
        if len(c.text) > max(3500, 4 * median):
            a.anomalies.append(("long", f"{cite}: {len(c.text)} characters"))
        if c.kind == "paragraph" and c.page is None and len(c.text) < 40:
            short.append(f"{cite.removeprefix('para. ')} {c.text[:30]!r}")
        if c.printed is not None:
            a.anomalies.append(("misprint", f"{cite} printed {c.printed}"))
        if c.kind == "paragraph" and c.page is None and re.search(rf"[.:;]\s{c.number + 1}\.\s+[A-Z]", c.text):
            a.anomalies.append(("inside", f"{cite} holds '{c.number + 1}. ...'"))
    twice = [cite for cite, n in Counter(c.citation for c in chunks).items() if n > 1]
    if twice:  # two chunks under one citation: ``show`` cannot tell them apart
        a.anomalies.append(("duplicate", f"{len(twice)} citations given twice: " + "; ".join(twice[:4])))
    if short:  # one line per document: short paragraphs are mostly agenda items or placeholders
        a.anomalies.append(("short", f"{len(short)} numbered paragraphs under 40 characters: " + "; ".join(short[:6])
                            + (" ..." if len(short) > 6 else "")))


def report(a: Audit, show: int) -> list[str]:
    parts = " ".join(f"{p or 'body'} 1..{n}" for p, n in a.parts.items()) or "no numbered paragraphs"
    extra = []
    if a.preamble:
        extra.append(f"preamble {a.preamble}")
    if a.tables:
        extra.append(f"tables {a.tables}")
    if a.page_cited:
        extra.append(f"page-cited {len(a.page_cited)}")
    if a.counted():
        extra.append(f"[{a.counted()} anomalies]")
    out = [f"{a.symbol or '?':26s} {a.name:34s} {a.pages:3d} pp  {parts}  {'  '.join(extra)}".rstrip()]
    if a.parts and a.page_cited:
        pages = sorted(Counter(a.page_cited).items())
        out.append("    i page-cited: " + ", ".join(f"p. {p}" + (f" x{n}" if n > 1 else "") for p, n in pages))
    for kind, detail in a.anomalies[:show]:
        out.append(f"    {'!' if kind in COUNTED else 'i'} {kind}: {detail}")
    if len(a.anomalies) > show:
        out.append(f"    ... {len(a.anomalies) - show} more")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--show", type=int, default=12, help="anomaly lines per document")
    ap.add_argument("--all", action="store_true", help="print documents with no anomaly too")
    args = ap.parse_args()
    files = sorted(str(f) for p in args.paths for f in (sorted(p.glob("*.pdf")) if p.is_dir() else [p]))
    with ProcessPoolExecutor(args.jobs) as pool:
        audits = list(pool.map(audit_pdf, files))
    kinds: Counter[str] = Counter()
    for a in sorted(audits, key=lambda a: a.symbol or a.name):
        kinds.update(k for k, _ in a.anomalies)
        if args.all or a.counted():
            print("\n".join(report(a, args.show)))
    flagged = sum(1 for a in audits if a.counted())
    total = sum(a.counted() for a in audits)
    print(f"TOTAL {len(audits)} PDFs, {flagged} with anomalies, {total} anomalies: "
          + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
