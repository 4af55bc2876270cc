"""Derive the layout variant of A/69/207: the same report as another extractor gives it (#3).

The bundled ``corpus/A-69-207.txt`` has most page furniture already gone and its paragraph
numbers 1-9 on lines of their own. Other extractors (pdftotext without -layout, PDFium) give:

- paragraph numbers inline with the text (``1. The 2013 High-level Dialogue ...``);
- hyphenated line ends, with a soft hyphen (U+00AD) or a plain ``-`` (``devel-`` / ``opment``),
  and compounds broken at their own hyphen (``post-`` / ``2015``);
- a running header (the symbol) and footer on every page, in turn ``14-56609 3/21``,
  ``4/21 14-56609`` and a page number alone;
- a form feed between pages.

Pages are where the source shows them: a line the extraction indented by one space starts a
page, as does a running header still in the text. The output is deterministic, so the fixture
can be regenerated and compared: ``python bench/make_layout_variant.py [--check]``.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpus" / "A-69-207.txt"
FIXTURE = ROOT / "tests" / "fixtures" / "A-69-207-layout.txt"

_JOB_RE = re.compile(r"^(\d{2}-\d{5})(?:\s*\([A-Z]\))?$")
_SYMBOL_RE = re.compile(r"^[A-Z]/\d+/\d+$")
_FURNITURE_RE = re.compile(r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{6}|\*\d{6,}\*|\d{1,2}/\d{1,2}|[A-Z]/\d+/\d+)$")
_FIRST_WORD_RE = re.compile(r"^(\s*)([a-z]+(?:-[A-Za-z0-9]+)?)(.*)$")
_LAST_COMPOUND_RE = re.compile(r"\b[A-Za-z]+-([A-Za-z0-9]+[,.;:]?)$")
_SOFT = "\u00ad"


def layout_variant(text: str, seed: int = 69207) -> str:
    """The report's text laid out as a page-by-page extractor would give it."""
    lines = text.splitlines()
    symbol = next(s.strip() for s in lines if _SYMBOL_RE.match(s.strip()))
    job = next(m.group(1) for s in lines if (m := _JOB_RE.match(s.strip())))
    pages = _pages(lines)
    words = Counter(w for s in lines for w in re.findall(r"[a-z]+", s))
    rng = random.Random(seed)
    pages = [_hyphenate(_inline_numbers(p), words, rng, k) for k, p in enumerate(pages)]
    total = len(pages)
    out = []
    for n, page in enumerate(pages, 1):
        head = [] if n == 1 else [symbol, ""]
        out.append("\n".join(head + page + [""] + _footer(n, total, job)))
    return "\n\f".join(out) + "\n"


def _pages(lines: list[str]) -> list[list[str]]:
    """Split at page starts and drop the furniture the source still has."""
    pages: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        s = line.strip()
        header = bool(_SYMBOL_RE.match(s))
        if (header or (k > 0 and line.startswith(" ") and line[1:2] != " ")) and _has_text(pages[-1]):
            pages.append([])
        if _FURNITURE_RE.match(s):
            continue
        pages[-1].append(line)
    for page in pages:
        while page and not page[-1].strip():
            page.pop()
        while page and not page[0].strip():
            page.pop(0)
    return pages


def _has_text(page: list[str]) -> bool:
    return any(s.strip() for s in page)


def _inline_numbers(page: list[str]) -> list[str]:
    """``1.`` / ``The 2013 ...`` → ``1. The 2013 ...``; a label followed by a blank stays."""
    out: list[str] = []
    k = 0
    while k < len(page):
        s = page[k].strip()
        if re.fullmatch(r"\d{1,3}\.", s) and k + 1 < len(page) and page[k + 1].strip():
            out.append(f"{s} {page[k + 1].strip()}")
            k += 2
            continue
        out.append(page[k])
        k += 1
    return out


def _hyphenate(page: list[str], words: Counter, rng: random.Random, page_no: int) -> list[str]:
    """Move the start of some lines' first word to the line before, as a hyphenated line end.

    Only prose lines (both at least 45 characters), never a footnote block, and only words the
    report prints more than once, so that the pieces are of real words.
    """
    page = list(page)
    footnotes = next((k for k, s in enumerate(page) if re.fullmatch(r"\s*_{5,}\s*", s)), len(page))
    count = 0
    for k in range(footnotes - 1):
        above, below = page[k], page[k + 1]
        if len(above.strip()) < 45 or len(below.strip()) < 45:
            continue
        last = _LAST_COMPOUND_RE.search(above)
        if last:  # a compound ending the line breaks at its own hyphen: ``post-`` / ``2015``
            page[k] = above[: last.start(1)]
            page[k + 1] = last.group(1) + " " + below.lstrip()
            continue
        if not re.search(r"[A-Za-z,;]$", above):
            continue
        m = _FIRST_WORD_RE.match(below)
        if not m or rng.random() > 0.6:
            continue
        word, rest = m.group(2), m.group(3)
        if "-" in word:
            head, tail = word.split("-", 1)
            page[k] = f"{above.rstrip()} {head}-"
            page[k + 1] = tail + rest
            continue
        if len(word) < 7 or words[word] < 2:
            continue
        cut = _cut(word)
        mark = _SOFT if (count + page_no) % 2 == 0 else "-"
        count += 1
        page[k] = f"{above.rstrip()} {word[:cut]}{mark}"
        page[k + 1] = word[cut:] + rest
    return page


def _cut(word: str) -> int:
    """A hyphenation point between two consonants (``devel-op``, ``un-der``), else after a vowel."""
    vowels = "aeiouy"
    inner = range(3, len(word) - 2)
    points = [k for k in inner if word[k - 1] not in vowels and word[k] not in vowels
              and word[k - 2] in vowels and word[k + 1] in vowels]
    points = points or [k for k in inner if word[k - 1] in vowels and word[k] not in vowels]
    return min(points, key=lambda k: abs(k - len(word) / 2)) if points else len(word) // 2


def _footer(n: int, total: int, job: str) -> list[str]:
    if n == 1:
        return [f"{job} (E)    120814", "", f"*{job.replace('-', '')}*"]
    if n % 5 == 0:
        return [str(n)]
    return [f"{job} {n}/{total}"] if n % 2 else [f"{n}/{total} {job}"]


def main(argv: list[str]) -> int:
    variant = layout_variant(SOURCE.read_text(encoding="utf-8"))
    if "--check" in argv:
        same = FIXTURE.read_text(encoding="utf-8") == variant
        print("fixture up to date" if same else "fixture differs: run without --check")
        return 0 if same else 1
    FIXTURE.write_text(variant, encoding="utf-8")
    print(f"wrote {FIXTURE.relative_to(ROOT)}: {variant.count(chr(12)) + 1} pages, "
          f"{variant.count(_SOFT)} soft hyphens, {len(re.findall(r'[A-Za-z]-$', variant, re.M))} line-end hyphens")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
