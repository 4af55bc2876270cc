"""Print a PDF's body lines with their layout, one a line, as the fixtures of the layout tests take them.

Run: ``python bench/dump_lines.py FILE.pdf [--pages 6,7]``. Each row is tab-separated: page, x0,
x1, top, size, style (``b`` bold, ``i`` italic, ``-`` plain; ``@2,4`` after it: the line's gaps of a
column's width, after its 2nd and 4th words, which mark a table's row) and the text, after page furniture
and footnotes are taken out (``ingest.pdf.zones``). ``tests/layout_fixtures.py`` reads them back.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from ingest.pdf.front_page import read_symbols
    from ingest.pdf.layout import read_pages
    from ingest.pdf.zones import split_zones

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", type=Path)
    ap.add_argument("--pages", default="", help="comma-separated page numbers (default: all)")
    args = ap.parse_args()
    wanted = {int(p) for p in args.pages.split(",") if p}
    pages = read_pages(args.pdf)
    zones = split_zones(pages, read_symbols(pages[0]) or ("X/1",))
    for l in zones.lines:
        if not wanted or l.page in wanted:
            style = ("b" if l.bold else "") + ("i" if l.italic else "") or "-"
            style += "@" + ",".join(map(str, l.gutters)) if l.gutters else ""
            print(f"{l.page}\t{l.x0:.1f}\t{l.x1:.1f}\t{l.top:.1f}\t{l.size:.1f}\t{style}\t{l.text}")


if __name__ == "__main__":
    main()
