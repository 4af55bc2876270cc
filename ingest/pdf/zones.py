"""Split each PDF page into furniture, footnotes and text, using position and font size.

Page headers and footers (the symbol, ``25-12331 3/18``, a bare page number, a bar code) sit in
a band at the top or bottom of the page and are made only of furniture tokens, or repeat from
page to page. Footnotes are the run of lines at the page bottom set smaller than the body text
and opened by a footnote mark; UN PDFs often print them with no ``____`` rule above.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..text.furniture import SYMBOL_RE, is_separator
from .layout import Line, Page

_FURNITURE_TOKEN_RE = re.compile(
    r"^(?:\d{1,3}(?:/\d{1,3})?|(?:GE\.)?\d{2}-\d{5}|\([A-Z]\)|\d{6}|\*\s?[\dA-Z]{6,}\s?\*|Page|\d{3,5}[a-z])$"
)  # (``3565i``: the older job code, "92-45958 3565i (E) 201092")
_WORD_RE = re.compile(r"[A-Za-z]{3}|\d")
_COUNTER_RE = re.compile(r"^\d{1,4}/\d{1,4}$")  # a page counter's shape (``9/31``), a decision number's too


def _scanned_mark(text: str) -> bool:
    """A rule or smudge a scan read as text ('". ~""__.._..r_.._.. _'): no word, no digit, marks."""
    return not _WORD_RE.search(text) and len(re.findall(r"[^\w\s]", text)) >= 5


_FN_TEXT_START_RE = re.compile(r"^(\*{1,3}|\d{1,3})\s+(\S.*)$")
_FN_DOT_START_RE = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
BAND = 0.12  # top and bottom share of the page where headers and footers live


@dataclass(frozen=True)
class Zones:
    """A PDF's running text lines, its footnotes and the measures the parser needs."""

    lines: tuple[Line, ...]  # text lines of every page, furniture and footnotes removed
    footnotes: dict[str, str]
    body_size: float  # the font size of the running text
    has_raised_refs: bool  # footnote references are raised marks (taken out of the text)


def body_size(pages: list[Page]) -> float:
    """The font size most of the document's text is set in."""
    weight: Counter[float] = Counter()
    for p in pages:
        for l in p.lines:
            weight[round(l.size * 2) / 2] += len(l.text)
    return weight.most_common(1)[0][0] if weight else 10.0


def split_zones(pages: list[Page], symbols: tuple[str, ...] = ()) -> Zones:
    """Drop page furniture, move footnotes aside, keep the text lines in reading order."""
    size = body_size(pages)
    repeated = _repeated_band_lines(pages)
    kept: list[Line] = []
    notes: dict[str, str] = {}
    last = ""  # the mark of the last footnote read, which may run on to the next page
    raised_notes = False  # footnotes read so far opened with raised marks
    for page in pages:
        lines = [l for l in page.lines if not _is_furniture(l, page, symbols, repeated, size)]
        expected = _next_mark(notes) if raised_notes else 0  # a ``18.`` note only among raised marks' notes
        run, start = _footnote_start(lines, size, expected, page.height)
        if last and start < len(lines) and run < start and not _ends_sentence(notes[last]):
            notes[last] = " ".join([notes[last], *(l.text for l in lines[run:start])])
            start = run
        body, foot = lines[:start], lines[start:]
        if foot:  # type of another size printed after the footnotes but standing above them (a table's) is text
            above = [l for l in foot if l.top < foot[0].top - 1 and abs(l.size - foot[0].size) > 0.3]
            body += above
            foot = [l for l in foot if l not in above]
        last = _read_footnotes(foot, notes, expected, lines) or last
        raised_notes = raised_notes or any(l.lead_mark for l in foot)
        kept.extend(body)
    raised = any(l.refs for l in kept)
    return Zones(tuple(kept), notes, size, raised)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!", ".”", ")", ".)"))


def _in_band(line: Line, page: Page) -> bool:
    return line.top < BAND * page.height or line.bottom > (1 - BAND) * page.height


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip())


def _repeated_band_lines(pages: list[Page]) -> set[str]:
    """Texts (digits masked) printed in the header/footer band of many pages: running heads."""
    seen: Counter[str] = Counter()
    for p in pages:
        for shape in {_shape(l.text) for l in p.lines if _in_band(l, p)}:
            seen[shape] += 1
    need = max(3, int(0.3 * len(pages)) + 1)
    return {s for s, n in seen.items() if n >= need and len(pages) >= 3}


def _is_furniture(line: Line, page: Page, symbols: tuple[str, ...], repeated: set[str], body: float = 0.0) -> bool:
    if not _in_band(line, page):
        return False
    if body and line.size > body + 0.6 and _COUNTER_RE.match(line.text.strip()):
        return False  # ``56/103`` set larger than the text atop a page: a decision's number, not ``9/31``
    if _shape(line.text) in repeated or _scanned_mark(line.text):
        return True
    own = {part for s in symbols for part in (s.strip("*"), *s.strip("*").split())}  # ``S/RES/2776 (2025)``
    for tok in line.text.replace("*−", " ").split():
        t = tok.strip("*")
        if _FURNITURE_TOKEN_RE.match(tok) or t in own:
            continue
        m = SYMBOL_RE.fullmatch(t)
        if m and line.size <= 10 and page.number > 1:
            continue
        return False
    return True


def _next_mark(notes: dict[str, str]) -> int:
    """The number the document's next footnote carries (one past the last numbered one read)."""
    return max((int(k) for k in notes if k.isdigit()), default=0) + 1


def _numbered_note(text: str, expected: int) -> re.Match | None:
    """``18. In 2024, ...``: a footnote whose mark is printed as a numbered line, in a document whose
    marks go on from 17 (not a numbered row of a table: its number is the footnotes' next)."""
    m = _FN_DOT_START_RE.match(text)
    return m if m and int(m.group(1)) == expected else None


CELL_INDENT = 100.0  # points right of the page's left edge past which a line opens a table's column, not a note


@dataclass(frozen=True)
class PageLines:
    """A page's lines and its left edge, measured once per page (each small line asks ``table_cell``)."""

    lines: tuple[Line, ...]
    left: float

    @classmethod
    def of(cls, lines) -> "PageLines":
        lines = tuple(lines)
        return cls(lines, min((l.x0 for l in lines), default=0.0))


def table_cell(line: Line, page: PageLines) -> bool:
    """A line of a table's row, not a footnote's first line though it opens with a number (``4 500
    Estimated repatriation ...``, ``10 10 10 - -``): another line of the page stands at its height (a
    row's next cell), or it starts a column far right of the page's left edge. A footnote's mark sits
    at the text's left edge, on a line of its own, and its words run on with no column's gap between
    them past the one that may follow its mark (``8. 2024/15 MENA Egypt 6 1 PS-IN`` has five: a row)."""
    if line.x0 > page.left + CELL_INDENT or len(line.gutters) > 1:
        return True
    return any(o is not line and abs(o.top - line.top) < 1.5 and (o.x1 < line.x0 or o.x0 > line.x1)
               for o in page.lines)


def _starts_note(line: Line, raised: bool, expected: int = 0, page: PageLines | None = None) -> bool:
    """A footnote's first line: its raised mark, or (where marks are not raised) ``12 Text`` that
    is no table cell, or the next footnote's number with a full stop."""
    if line.lead_mark:
        return True
    plain = not raised and bool(_FN_TEXT_START_RE.match(line.text))
    if plain and page and page.lines and table_cell(line, page):
        plain = False
    numbered = expected > 1 and bool(_numbered_note(line.text, expected))
    return plain or (numbered and not (page and page.lines and table_cell(line, page)))


def _footnote_start(lines: list[Line], body: float, expected: int = 0, height: float = 0.0) -> tuple[int, int]:
    """Where the page's run of small closing lines begins, and where its first footnote begins
    (``len(lines)`` if none). Lines between the two may carry on a footnote from the page before.
    """
    k = len(lines)
    while k > 0 and lines[k - 1].size < body - 0.4:
        k -= 1
    if lines[k - 1: k] and is_separator(lines[k - 1].text):
        return k - 1, k - 1
    raised = any(l.lead_mark for l in lines[k:])
    page = PageLines.of(lines)
    for j in range(k, len(lines)):
        if is_separator(lines[j].text):
            return k, j
        if _starts_note(lines[j], raised, expected, page) and _at_foot(lines, k, j, height):
            return k, (j - 1 if j > k and is_separator(lines[j - 1].text) else j)
    return k, len(lines)


FOOT_SLACK = 2.0  # points a line of the notes may stand out of the page's top-to-bottom order


def _at_foot(lines: list[Line], k: int, j: int, height: float = 0.0) -> bool:
    """Line ``j`` can open the page's footnotes, which close a page top to bottom: no small line
    read before it stands lower (``5 to 10 per cent``, a chart's legend above the chart's axis), and,
    in the page's top half, none read after it stands higher (``3 – 6:00 p.m.`` atop a calendar read
    column by column). Lower on the page, a chart or table read after the notes may stand above them."""
    top = lines[j].top
    if any(l.top > top + FOOT_SLACK for l in lines[k:j] if not is_separator(l.text)):
        return False
    return not height or top > height / 2 or all(l.top >= top - FOOT_SLACK for l in lines[j + 1:])


def _read_footnotes(lines: list[Line], notes: dict[str, str], expected: int = 0, page_lines: list[Line] = ()) -> str:
    """Collect each footnote's text under its mark; a line without a mark continues the last.

    Returns the last mark read, for a footnote that runs on to the next page.
    """
    raised = any(l.lead_mark for l in lines)
    mark = ""
    page = PageLines.of(page_lines)
    for line in lines:
        if is_separator(line.text):
            continue
        cell = bool(page.lines) and table_cell(line, page)
        m = (_FN_TEXT_START_RE.match(line.text) if not raised and not cell else None) or (
            _numbered_note(line.text, _next_mark(notes)) if expected > 1 and not cell else None)
        if line.lead_mark or m:
            mark = line.lead_mark or m.group(1)
            notes[mark] = line.text if line.lead_mark else m.group(2)
        elif mark:
            notes[mark] = f"{notes[mark]} {line.text}"
    return mark
