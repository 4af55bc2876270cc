"""Body text in, body text out (issue 15): no line of running text is lost between a PDF and its chunks.

Run: ``python bench/check_body_text.py [FOLDER_OR_PDF ...] [--show N]`` (default: the dev PDFs).
For each PDF, prints the body lines checked and the lines no chunk holds
(``ingest.pdf.coverage``), with up to N of them; then the small-type lines (notes, tables, sources,
labels) no chunk holds, by class: ``contents``, ``masthead``, ``document note`` and ``labels`` are
rightly left out, ``text`` is content lost. Figures, never asserts; the test suite asserts it on
the PDFs in tests/fixtures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEV = Path("/work/shared/corpus/un-pdf-dev")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(DEV)])
    ap.add_argument("--show", type=int, default=3, help="lost lines to print per document")
    args = ap.parse_args()
    from ingest import read_document
    from ingest.pdf.coverage import SMALL_CLASSES, body_coverage, small_coverage

    files = [f for p in map(Path, args.paths) for f in (sorted(p.glob("*.pdf")) if p.is_dir() else [p])]
    total = lost = whole = small_checked = 0
    small: dict[str, int] = dict.fromkeys(SMALL_CLASSES, 0)
    for f in files:
        try:
            doc = read_document(f)
            cov, tiny = body_coverage(f, doc), small_coverage(f, doc)
        except Exception as e:  # a bench reports, it does not stop
            print(f"{f.name:40s} error: {e}")
            continue
        total += cov.checked
        lost += len(cov.lost)
        whole += not cov.lost
        print(f"{f.name:40s} {cov.checked:5d} lines  {len(cov.lost):4d} lost")
        for l in cov.lost[: args.show]:
            print(f"    p. {l.page}: {l.text[:100]}")
        small_checked += tiny.checked
        for kind, l in tiny.lost:
            small[kind] += 1
            if kind == "text" and small["text"] <= 200:
                print(f"    small type lost, p. {l.page}: {l.text[:100]}")
    print(f"TOTAL {len(files)} PDFs, {whole} with every body line in a chunk; {total} lines checked, {lost} lost")
    print(f"SMALL TYPE {small_checked} lines checked, {sum(small.values())} in no chunk: "
          + ", ".join(f"{k} {v}" for k, v in small.items()) + " (all but text rightly left out)")


if __name__ == "__main__":
    main()
