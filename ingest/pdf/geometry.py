"""The text column of a PDF's pages and the spacing of its body text.

The layout parser asks the same few questions of every line: is it at the text's left margin,
indented, outdented, a full line, separated from the line above by more than the usual
leading? These measures answer them per page, from the body lines themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .layout import Line

SMALL_BY = 0.6  # points below the body size that make type small
_SENTENCE_END = (".", "?", "!", ".”", ".’", ".\"", "?”", ".)", "!”")


@dataclass(frozen=True)
class Geometry:
    """Where a page's text column is and how the document's body text is set."""

    body: float
    left: dict[int, float]
    right: dict[int, float]
    leading: float
    number_columns: tuple[float, ...] = ()  # where a document that hangs its paragraph numbers prints them
    second_columns: dict[int, float] = field(default_factory=dict)  # a page set in two columns: its right one's margin

    def width(self, page: int) -> float:
        return max(1.0, self.right[page] - self.left[page])

    def small(self, size: float) -> bool:
        """Type set smaller than the body's (notes, table rows, sources): more than ``SMALL_BY`` points."""
        return size < self.body - SMALL_BY


def measure(lines: tuple[Line, ...], body: float) -> Geometry:
    """The text column of each page and the leading of the body text.

    A page's left edge is the most common start of its body lines near the document's own
    margin for pages of that side (odd and even pages may differ), so a page full of table cells
    does not move it; the right edge likewise.
    """
    by_page: dict[int, list[Line]] = {}
    for l in lines:
        if abs(l.size - body) <= 0.6 and not l.bold:
            by_page.setdefault(l.page, []).append(l)

    def mode(values, default: float) -> float:
        c = Counter(round(v) for v in values)
        return float(c.most_common(1)[0][0]) if c else default

    every = [l for ls in by_page.values() for l in ls]
    side_left = {side: mode([l.x0 for l in every if l.page % 2 == side], mode([l.x0 for l in every], 72.0))
                 for side in (0, 1)}
    side_right = {side: mode([l.x1 for l in every if l.page % 2 == side], mode([l.x1 for l in every], 520.0))
                  for side in (0, 1)}
    left: dict[int, float] = {}
    right: dict[int, float] = {}
    steps: Counter[float] = Counter()
    for page in {l.page for l in lines}:
        ls = by_page.get(page, [])
        base_l, base_r = side_left[page % 2], side_right[page % 2]
        near_l = [l.x0 for l in ls if abs(l.x0 - base_l) <= 25]
        near_r = [l.x1 for l in ls if abs(l.x1 - base_r) <= 25]
        own_l, own_r = _own_column(ls)
        left[page] = mode(near_l, base_l) if len(near_l) >= 4 else own_l if own_l is not None else base_l
        right[page] = mode(near_r, base_r) if len(near_r) >= 4 else own_r if own_r is not None else base_r
        for a, b in zip(ls, ls[1:]):
            d = round((b.top - a.top) * 2) / 2
            if 0 < d < 3 * body:
                steps[d] += 1
    leading = steps.most_common(1)[0][0] if steps else body * 1.2
    columns = _number_columns([l for ls in by_page.values() for l in ls], left)
    left, right = _wrapped_margins(by_page, left, right, columns)
    return Geometry(body, left, right, leading, columns, _second_columns(by_page))


_COLUMN_LINES = 5  # lines each column of a two-column page holds, at least
_COLUMN_GAP = 150.0  # points between the two columns' margins, at least


def _second_columns(by_page: dict[int, list[Line]]) -> dict[int, float]:
    """The right column's margin on each page set in two columns of running text: two margins
    where body lines start, far apart, every line of the left one ending before the right one
    starts, both holding prose (lines of 25 characters or more on average, not a table's cells),
    and the left one numbering paragraphs. A paragraph numbered at that margin opens a paragraph
    as at the page's own. A table of two worded columns (recommendations and remarks, E/ICEF/2025/14
    pp. 8-15) has the first three marks but numbers no paragraph in its left column."""
    out: dict[int, float] = {}
    for page, ls in by_page.items():
        starts = Counter(round(l.x0) for l in ls)
        common = sorted(x for x, n in starts.items() if n >= _COLUMN_LINES)
        if len(common) < 2 or common[-1] - common[0] < _COLUMN_GAP:
            continue
        a, b = common[0], common[-1]
        lefts = [l for l in ls if abs(l.x0 - a) <= 2]
        rights = [l for l in ls if abs(l.x0 - b) <= 2]
        clear = all(l.x1 < b - 5 for l in ls if l.x0 < b - 5)
        prose = all(sum(len(l.text) for l in col) >= 25 * len(col) for col in (lefts, rights))
        numbered = any(_NUMBERED_RE.match(l.text) for l in lefts)
        if clear and prose and numbered:
            out[page] = float(b)
    return out


_NUMBERED_RE = re.compile(r"^(\d{1,3})\.\s+[A-Z“(]")


def _number_columns(lines: list[Line], left: dict[int, float]) -> tuple[float, ...]:
    """Where the document prints most of its paragraph numbers, when that is left of some pages'
    measured margin: an agenda or report that hangs its numbers in a column of their own, whose
    pages of indented sub-items would otherwise set the margin to the right of the numbers."""
    numbers: dict[int, set[str]] = {}  # x -> the distinct numbers printed there
    for l in lines:
        m = _NUMBERED_RE.match(l.text)
        if m:
            numbers.setdefault(round(l.x0), set()).add(m.group(1))
    total = sum(len(v) for v in numbers.values())
    floor = min(left.values(), default=0.0) + 6
    return tuple(float(x) for x, v in numbers.items() if len(v) >= 5 and len(v) >= 0.25 * total and x <= floor)


def _wrapped_margins(by_page: dict[int, list[Line]], left: dict[int, float], right: dict[int, float],
                     columns: tuple[float, ...]) -> tuple[dict[int, float], dict[int, float]]:
    """Each page's text column moved back out to the document's column of paragraph numbers where
    the page's running text wraps back to it: a page mostly of indented sub-items (an agenda's items
    and their lettered points) or of a box measures its margins at their indents, and a sub-item
    numbered ``2.`` after a page break read as stray text left of the margin instead of its
    paragraph's next item (A/AC.109/2009/17, p. 3). Two body lines at the column that open with no
    number are the text's own margin, not a column of hanging numbers; the right edge is where
    those lines end, if they run past the measured one."""
    new_left, new_right = dict(left), dict(right)
    for page, ls in by_page.items():
        for x in columns:
            if left[page] - x < 10:
                continue
            wraps = [l for l in ls if abs(l.x0 - x) <= 3 and not _LABELLED_RE.match(l.text)]
            if len(wraps) >= 2:
                new_left[page] = x
                ends = Counter(round(l.x1) for l in ls if abs(l.x0 - x) <= 3 and l.x1 > right[page] + 10)
                if sum(ends.values()) >= 2:
                    new_right[page] = float(max(ends, key=lambda e: (ends[e], e)))
                break
    return new_left, new_right


_LABELLED_RE = re.compile(r"^(?:\d{1,3}\.|\(?[a-z]{1,4}\)|[A-Z]\.|[IVXL]{1,6}\.)\s")


def _own_column(ls: list[Line]) -> tuple[float | None, float | None]:
    """A page's own margins, from its full-width lines, for a page whose lines keep clear of the
    margin most pages of its side share (the report's text pages among many pages of a two-column
    annex table, whose right column would otherwise pass for their margin)."""
    widest = max((l.x1 - l.x0 for l in ls), default=0.0)
    full = [l for l in ls if l.x1 - l.x0 >= 0.75 * widest]
    if len(full) < 4:
        return None, None
    xs0 = Counter(round(l.x0) for l in full).most_common(1)[0][0]
    xs1 = Counter(round(l.x1) for l in full).most_common(1)[0][0]
    return float(xs0), float(xs1)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END)


def ends_clause(text: str) -> bool:
    return text.rstrip().endswith(_SENTENCE_END + (":", ";", ","))


