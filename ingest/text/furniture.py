"""Page furniture and footnote blocks: the parts of a page that are not the document's text.

PDF-to-text extraction leaves each page's header (the document symbol), footer (job number
``14-56609 (E)``, page number ``12/21``, bar code ``*1456609*``) and footnote block (under a
``______`` line) in the running text. These pure functions find them so the parser can drop them
while a paragraph runs on across the page break.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .symbol_suffix import space_suffixes, symbol_key, with_suffix
from .note_marks import Entry, assign_notes

# A UN document symbol: series letters, then slash-separated parts, at least one with a digit.
SYMBOL_RE = re.compile(
    r"\b(?:[A-Z]{1,6}(?:\.\d+)?)(?:/(?:[A-Z]{1,10}(?:\.\d+)?|\d{1,5}(?:\.\d+)?(?:/Rev\.\d+)?))*?"
    r"/(?:\d{1,5})(?:/(?:[A-Z]{1,10}(?:\.\d+)?|\d{1,5}))*(?:/Rev\.\d+|/Add\.\d+|/Corr\.\d+)*\b"
)
# A symbol with a part in brackets (``ICCD/COP(8)/CST/8``), which SYMBOL_RE reads from the bracket on only.
_BRACKETED_SYMBOL_RE = re.compile(r"^[A-Z]{1,6}(?:/[A-Z][A-Za-z.]*(?:\(\d{1,3}\))?|/\d{1,5})*/[A-Z][A-Za-z.]*\(\d{1,3}\)"
                                  r"(?:/[A-Za-z.]*\d*[A-Za-z.]*)*/\d{1,5}(?:/[A-Za-z0-9.]+)*$")
_JOB_RE = re.compile(r"^(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?$")
_DATE_STAMP_RE = re.compile(r"^\d{6}$")
_BARCODE_RE = re.compile(r"^\*\s?[\dA-Z]{6,}\s?\*$")
_SEPARATOR_RE = re.compile(r"^\s*_{5,}\s*$")
_PAGE_JOB_RE = re.compile(r"^(?:\d{1,3}/\d{1,3}\s+)?(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}/\d{1,3})?$")


def detect_symbol(text: str) -> str:
    """The document's own symbol: the symbol printed most often on a line of its own.

    Page headers repeat the symbol, so it outnumbers symbols merely cited in the text.
    Falls back to the first symbol anywhere, then to ``""``.
    A part suffix printed after it stays on it (``DP/FPA/2025/4 (Part II)``: ``symbol_suffix``).
    """
    standalone: Counter[str] = Counter()
    for line in text.splitlines():
        s = space_suffixes(line.strip())
        if not s or len(s) > 60:
            continue
        m = SYMBOL_RE.match(s)
        if _BRACKETED_SYMBOL_RE.match(s):  # ``ICCD/COP(8)/CST/8``: a session in brackets
            standalone[s] += 1
        elif m and (m.end() == len(s) or not s[m.end()].isalnum()):
            standalone[with_suffix(m.group(0), s[m.end():])] += 1
    if standalone:
        best, _ = max(standalone.items(), key=lambda kv: (kv[1], -_first_pos(text, kv[0])))
        return best
    m = SYMBOL_RE.search(text)
    return with_suffix(m.group(0), text[m.end():m.end() + 40]) if m else ""


def _first_pos(text: str, needle: str) -> int:
    pos = text.find(needle)
    return pos if pos >= 0 else len(text)


def is_furniture(line: str, symbol: str, pages: int | None = None) -> bool:
    """True for a line that is page furniture: header symbol, job number, page number, bar code.
    ``pages``: the document's page count its counters print (``9/31``), if known."""
    s = line.strip()
    if not s:
        return False
    if symbol and (s == symbol or (s.startswith(symbol) and _only_symbols(s))):
        return True
    if symbol.endswith(")") and symbol_key(s) == symbol_key(symbol):  # ``DP/FPA/2025/4(Part II)``
        return True
    return bool(
        _JOB_RE.match(s) or _PAGE_JOB_RE.match(s) or _DATE_STAMP_RE.match(s) or _BARCODE_RE.match(s)
        or _bare_counter(s, pages)
    )


_COUNTER_RE = re.compile(r"(?:^|\s)(\d{1,3})/(\d{1,3})$")


def _bare_counter(s: str, pages: int | None) -> bool:
    """``9/31`` alone on a line: a page counter, where the document's counters print that page
    count (``pages``); a decision's number alone (``56/101``, E/2025/24) prints another."""
    m = re.match(r"^(\d{1,3})/(\d{1,3})$", s)
    return bool(m) and (pages is None or int(m.group(2)) == pages)


def page_count(lines: list[str]) -> int | None:
    """The page count a document's counters print (``25-04747 9/31``, ``9/31``): the count most
    lines end in, if two or more do; else None (unknown)."""
    counts = Counter(m.group(2) for m in (_COUNTER_RE.search(l.strip()) for l in lines) if m)
    if not counts:
        return None
    value, n = counts.most_common(1)[0]
    return int(value) if n >= 2 else None


def _only_symbols(s: str) -> bool:
    rest = SYMBOL_RE.sub("", s)
    return not re.sub(r"[\s*\-−–]+", "", rest)


def is_separator(line: str) -> bool:
    """True for the rule that opens a footnote block."""
    return bool(_SEPARATOR_RE.match(line))


@dataclass(frozen=True)
class Footnote:
    """A footnote's number (or ``*``) and its text, as far as the extraction kept it."""

    mark: str
    text: str


@dataclass
class PageText:
    """The running text of a document: kept lines (with their line numbers) and the footnotes."""

    lines: list[tuple[int, str]]
    footnotes: dict[str, str]


PAGE_BREAK = "\f"  # a line of its own in ``page_lines``: where one page ends and the next begins


def page_lines(text: str) -> list[str]:
    """The text's lines, with each form feed (page break) kept as a line ``"\\f"`` of its own.

    ``str.splitlines`` would treat a form feed as a plain line break; the page edges are where
    running headers, footers and bare page numbers sit, so they are kept for ``strip_furniture``.
    """
    out: list[str] = []
    for k, page in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split(PAGE_BREAK)):
        if k:
            out.append(PAGE_BREAK)
        out.extend(page.split("\n"))
    return out


def strip_furniture(lines: list[str], symbol: str) -> PageText:
    """Drop furniture and footnote blocks; collect the footnote texts they held.

    A footnote block runs from its ``______`` line through the numbered footnote lines and the
    page's footer; footnote texts caught between footer lines (as some extractors place them)
    are collected too. Where page breaks are marked (``page_lines``), a bare page number at a
    page's top or bottom is furniture too, and a footnote block ends with its page.
    """
    pages = page_count(lines)
    edges = _page_edge_numbers(lines, symbol, pages)
    joint = joint_symbols(lines, symbol)
    kept: list[tuple[int, str]] = []
    notes: dict[str, str] = {}
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if is_separator(line):
            i = _read_footnote_block(lines, i + 1, symbol, notes, edges, pages)
            continue
        if line == PAGE_BREAK or i in edges or is_furniture(line, symbol, pages) or _joint_header(lines, i, symbol, joint):
            i += 1
            continue
        kept.append((i, line))
        i += 1
    return PageText(kept, notes)


def joint_symbols(lines: list[str], symbol: str, max_lines: int = 40) -> frozenset[str]:
    """The other symbols of a joint document (``A/80/75-E/2025/55``: ``E/2025/55``), printed with
    ``symbol`` on page 1's masthead line: each heads later pages alone on its line, as the symbol does."""
    if not symbol:
        return frozenset()
    for line in lines[:max_lines]:
        s = line.strip()
        if s.startswith(symbol) and s != symbol and _only_symbols(s):
            return frozenset(found for found in SYMBOL_RE.findall(s) if found != symbol)
    return frozenset()


def _joint_header(lines: list[str], i: int, symbol: str, joint: frozenset[str]) -> bool:
    """A joint document's other symbol beside the running header (within two lines of the symbol alone)."""
    return lines[i].strip() in joint and any(l.strip() == symbol for l in lines[max(0, i - 2):i + 3])


_BARE_NUMBER_RE = re.compile(r"^\s*(?:Page\s+)?(\d{1,3})\s*$")
_NUMBERED_FOOTER_RE = re.compile(r"(?:^|\s)(\d{1,3})/\d{1,3}(?:\s|$)")


def _page_edge_numbers(lines: list[str], symbol: str, pages: int | None = None) -> set[int]:
    """Line indices of bare page numbers: at a page's top or bottom, and the page's own number.

    A page's number is its position in the document, shifted as on the pages whose footers
    print ``3/21``. Footnote marks and table figures at a page edge are other numbers, so
    they stay.
    """
    breaks = [k for k, line in enumerate(lines) if line == PAGE_BREAK]
    if not breaks:
        return set()
    bounds = list(zip([-1, *breaks], [*breaks, len(lines)]))
    edges: list[tuple[int, list[int], int | None]] = []  # (page no., candidate lines, printed no.)
    offsets: Counter[int] = Counter()
    for no, (start, end) in enumerate(bounds, 1):
        candidates: list[int] = []
        printed = None
        for rng in (range(start + 1, end), range(end - 1, start, -1)):
            for k in rng:
                s = lines[k].strip()
                if not s:
                    continue
                m = _NUMBERED_FOOTER_RE.search(s)
                if is_furniture(s, symbol, pages):
                    if m:
                        printed = int(m.group(1))
                    continue
                if _BARE_NUMBER_RE.match(s):
                    candidates.append(k)
                    continue
                break
        if printed is not None:
            offsets[printed - no] += 1
        edges.append((no, candidates, printed))
    offset = offsets.most_common(1)[0][0] if offsets else 0
    found: set[int] = set()
    for no, candidates, printed in edges:
        if printed is None:  # a page that prints ``3/21`` needs no bare number besides
            found.update(k for k in candidates
                         if int(_BARE_NUMBER_RE.match(lines[k]).group(1)) == no + offset)
    return found


_FN_START_RE = re.compile(r"^\s*(\*+|\d{1,3})(?:\s+(\S.*))?$")


def _read_footnote_block(lines: list[str], i: int, symbol: str, notes: dict[str, str],
                         edges: set[int] = frozenset(), pages: int | None = None) -> int:
    """Consume one footnote block starting at line ``i``; return the first line after it.

    ``edges`` are bare page numbers (``_page_edge_numbers``); a page break ends the block.
    """
    n = len(lines)
    marks: list[str] = []
    texts: list[list[str]] = []
    entries: list[Entry] = []  # the block's lines in order, for ``note_marks.assign_notes``
    seen_furniture = False

    reach = 40 if PAGE_BREAK in lines else 12  # a page's notes end at its break: a long run of notes is still notes

    def furniture_ahead(j: int, limit: int = reach) -> bool:
        for k in range(j, min(n, j + limit)):
            if is_separator(lines[k]):
                return False
            if lines[k] == PAGE_BREAK or k in edges or is_furniture(lines[k], symbol, pages):
                return True
        return False

    def bare_above(m: re.Match, j: int) -> bool:
        """A bare number over a note's line, after the page's footer (pdftotext writes the footer first)."""
        nxt = next((lines[k] for k in range(j + 1, min(n, j + 4)) if lines[k].strip()), PAGE_BREAK)
        return not m.group(2) and nxt != PAGE_BREAK and not _FN_START_RE.match(nxt.strip()) and not is_furniture(nxt, symbol, pages)

    while i < n:
        raw = lines[i]
        s = raw.strip()
        if raw == PAGE_BREAK:
            break
        if not s:
            i += 1
            continue
        if i in edges or is_furniture(raw, symbol, pages):
            seen_furniture = True
            i += 1
            continue
        m = _FN_START_RE.match(s)
        if m and (not seen_furniture or bare_above(m, i)) and (not raw.startswith(" ") or not m.group(2)):
            marks.append(m.group(1))
            entries.append(Entry(m.group(1), m.group(2) or ""))
            if m.group(2):
                texts.append([m.group(2)])
            i += 1
            continue
        # A text line: a footnote's text if the page's footer is still to come, else the page
        # has ended and the running text resumes here.
        if furniture_ahead(i) and not _looks_like_paragraph_start(s):
            entries.append(Entry("", s))
            if texts and not _ends_sentence(texts[-1][-1]) :
                texts[-1].append(s)
            else:
                texts.append([s])
            i += 1
            continue
        break
    joined = [" ".join(t) for t in texts]
    placed = assign_notes(entries)
    if placed:
        notes.update(placed)
    elif len(joined) == len(marks):
        for mark, text in zip(marks, joined):
            notes[mark] = text
    else:
        for mark in marks:
            notes.setdefault(mark, "")
        for k, text in enumerate(joined):
            notes.setdefault(f"?{len(notes) + k}", text)
    return i


def _ends_sentence(s: str) -> bool:
    return s.rstrip().endswith((".", "?", "!", ".”", ".\"", ")."))


def _looks_like_paragraph_start(s: str) -> bool:
    return bool(re.match(r"^\d{1,3}\.\s", s))
