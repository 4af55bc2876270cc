"""Print how clean the parsed text is: paragraphs found and broken forms left (issue #3).

For the bundled report and its layout variant (``tests/fixtures/A-69-207-layout.txt``, made by
``bench/make_layout_variant.py``): the number of paragraphs, the count of each kind of damage
``ingest.text.broken_forms`` still finds in the summary and paragraphs (all should be 0), and how many
paragraphs of the variant differ from the report's. The raw text's own damage is printed beside
it (a parse with every repair switched off) so that the check is seen to find what it counts.

    /work/venv/bin/python bench/check_clean.py [-v] [FILE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import parse_text  # noqa: E402
from ingest.text import paragraphs as _paragraphs  # noqa: E402
from ingest.text.broken_forms import KINDS, find_broken_forms  # noqa: E402
from ingest.text.furniture import PAGE_BREAK, PageText  # noqa: E402

REPORT = ROOT / "corpus" / "A-69-207.txt"
VARIANT = ROOT / "tests" / "fixtures" / "A-69-207-layout.txt"


def _unrepaired(path: Path):
    """The document parsed with the repairs off: furniture kept, lines joined with spaces."""
    real_clean, real_strip = _paragraphs.clean_text, _paragraphs.strip_furniture

    def join_only(lines, vocab, next_ref, rules=None):
        return " ".join(" ".join(lines).split()), [], next_ref

    def keep_all(lines, symbol):
        return PageText([(k, s) for k, s in enumerate(lines) if s != PAGE_BREAK], {})

    _paragraphs.clean_text, _paragraphs.strip_furniture = join_only, keep_all
    try:
        return parse_text(path.read_text(encoding="utf-8"), source=str(path))
    finally:
        _paragraphs.clean_text, _paragraphs.strip_furniture = real_clean, real_strip


def _key(c):
    return (c.part, c.kind, c.number)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or [REPORT, VARIANT]
    base = None
    width = max(len(k) for k in KINDS)
    failed = 0
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        doc = parse_text(raw, source=str(path))
        found = find_broken_forms(doc, raw)
        before = find_broken_forms(_unrepaired(path), raw)
        paras = doc.paragraphs
        numbers = [c.number for c in paras]
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        print(f"  symbol {doc.symbol}, paragraphs {len(paras)} "
              f"(numbers {numbers[0] if numbers else '-'}..{numbers[-1] if numbers else '-'}), "
              f"summary {sum(c.kind == 'summary' for c in doc.chunks)}")
        print(f"  {'broken form':<{width}}  left  (unrepaired)")
        for kind in KINDS:
            print(f"  {kind:<{width}}  {len(found[kind]):>4}  ({len(before[kind])})")
            if verbose:
                for s in found[kind]:
                    print(f"      {s}")
        failed += sum(len(v) for v in found.values())
        chunks = {_key(c): c for c in doc.chunks if c.kind in ("summary", "paragraph")}
        if base is None:
            base = chunks
            continue
        differ = [k for k in base if k not in chunks or chunks[k].text != base[k].text
                  or chunks[k].section != base[k].section or chunks[k].footnotes != base[k].footnotes]
        extra = [k for k in chunks if k not in base]
        print(f"  vs {paths[0].name}: {len(base) - len(differ)}/{len(base)} summary+paragraphs "
              f"identical (text, section, footnotes), {len(differ)} differ, {len(extra)} extra")
        if verbose:
            for k in differ + extra:
                print(f"      {k}")
        failed += len(differ) + len(extra)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
