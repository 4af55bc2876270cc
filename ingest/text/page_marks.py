"""Page breaks put back into text that lost its form feeds, from the running headers.

A text extraction saved without form feeds (the bundled A-69-207.txt, pdfminer.six's text with
them dropped) has no page breaks: a document that numbers nothing can then cite no page, and an
annex that comes twice is told apart by the wrong page. Every page of a UN document but the first
prints the document's symbol as its running header, a line of its own (``A/80/75`` or, for a joint
document, ``A/80/75`` / ``E/2025/55``). In text with no form feed, a form feed goes before each such
header line after the first page's masthead, when three or more pages print one; a text whose
headers were dropped is left as it is. Pure.
"""

from __future__ import annotations

from .furniture import _COUNTER_RE, _PAGE_JOB_RE, PAGE_BREAK, is_furniture, page_count

_MASTHEAD_LINES = 20  # the first page's symbol stands in its masthead, within its first lines
_MIN_HEADERS = 2


def _is_header(line: str, symbol: str) -> bool:
    s = line.strip()
    return bool(s) and (s == symbol or s.startswith(symbol)) and is_furniture(s, symbol)


def header_lines(lines: list[str], symbol: str) -> list[int]:
    """The indices of the running headers: the symbol alone on its line, but for the first
    page's masthead (a first one within the text's first lines)."""
    out = [i for i, line in enumerate(lines) if _is_header(line, symbol)]
    if out:
        solid_before = sum(1 for line in lines[:out[0]] if line.strip())
        if solid_before < _MASTHEAD_LINES:
            out = out[1:]
    return out


def _counter(line: str, pages: int | None) -> int:
    """The page a footer's counter prints (``4/56``, ``25-04747 4/56``), 0 if the line is none."""
    s = line.strip()
    m = _COUNTER_RE.search(s)
    if not (pages and m and int(m.group(2)) == pages and int(m.group(1)) <= pages):
        return 0
    return int(m.group(1)) if s == m.group(0).strip() or _PAGE_JOB_RE.match(s) else 0


def mark_pages(text: str, symbol: str) -> str:
    """``text`` with a form feed before each running header, where it has no form feed at all.

    Where a page's counter (``4/56``) prints a later page than the headers counted to (a blank
    page or a landscape table printing no header), the missing breaks go before its header; a
    cover printing neither is not seen, and the pages after it are cited one short."""
    if PAGE_BREAK in text or not symbol:
        return text
    lines = text.split("\n")
    heads = header_lines(lines, symbol)
    if len(heads) < _MIN_HEADERS:
        return text
    pages = page_count(lines)
    page = 1
    for k, i in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        printed = next((c for c in (_counter(line, pages) for line in lines[i:end]) if c), 0)
        n = max(1, printed - page)
        lines[i] = PAGE_BREAK * n + lines[i]
        page += n
    return "\n".join(lines)
