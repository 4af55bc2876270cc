"""Page-1 metadata (issue #14): the reader's date, organs, session and agenda items against a hand check.

    python bench/bench_front_matter.py [--corpus DIR ...] [--errors]

``bench/data/front_matter_truth.json`` holds, for each PDF of ../shared/corpus/un-pdf-lib and
un-pdf-dev, what its page 1 prints, read by hand from the page: ``date`` (ISO, or the year alone
where only a year is printed, e.g. an Official Records cover), ``bodies`` (the organs, principal
organs first), ``session`` (every session printed, ``; ``-joined; a cover's Official Records
session), ``agenda_items``. Its ``heldout`` list names the documents kept aside while the rules
were written. Prints accuracy per field for the other documents and for the held-out ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.pdf.document import read_pdf_metadata  # noqa: E402

TRUTH = ROOT / "bench" / "data" / "front_matter_truth.json"
FIELDS = ("date", "bodies", "session", "agenda_items")
DEFAULT = [ROOT.parent / "shared" / "corpus" / "un-pdf-lib", ROOT.parent / "shared" / "corpus" / "un-pdf-dev",
           Path("/work/shared/corpus/un-pdf-lib"), Path("/work/shared/corpus/un-pdf-dev")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", action="append", type=Path, help="folder of the PDFs (repeatable)")
    ap.add_argument("--errors", action="store_true", help="print every wrong field")
    args = ap.parse_args()
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    folders = [f for f in (args.corpus or DEFAULT) if f.is_dir()]
    heldout = set(truth["heldout"])
    scores = {"rules": {f: [0, 0] for f in FIELDS}, "held-out": {f: [0, 0] for f in FIELDS}}
    for name, want in sorted(truth["documents"].items()):
        path = next((f / f"{name}.en.pdf" for f in folders if (f / f"{name}.en.pdf").exists()), None)
        if path is None:
            print(f"missing: {name}", file=sys.stderr)
            continue
        got = read_pdf_metadata(path)
        table = scores["held-out" if name in heldout else "rules"]
        for field in FIELDS:
            g = list(got[field]) if isinstance(got[field], tuple) else got[field]
            ok = g == want[field]
            table[field][0] += ok
            table[field][1] += 1
            if not ok and args.errors:
                print(f"{name} {field}: got {g!r}, page 1 prints {want[field]!r}")
    for label, table in scores.items():
        n = table["date"][1]
        print(f"{label} ({n} documents): " + ", ".join(f"{f} {c}/{t}" for f, (c, t) in table.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
