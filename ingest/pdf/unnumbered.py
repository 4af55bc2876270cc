"""Paragraphs that carry no printed number, cited by page: ``S/2025/41, p. 2, para. 3``.

Letters, notes and some annexes run as plain paragraphs. We split them where the page shows a
new paragraph (a vertical gap, or a first line indented from the margin) and number them by
their place on the page they start on, which is how a reader finds them in the printed copy.
"""

from __future__ import annotations

import re
from collections import Counter

from .layout import Line
from ..text.paragraphs import _Block
from .geometry import SMALL_BY, Geometry, ends_sentence
from .asides import NOTE_RE, TABLE_NOTE_RE
from ..text.list_items import ITEM_RE
from ..text.fragments import OPEN_END_RE, is_date_line


def split_paragraphs(lines: list[Line], geo: Geometry, part: str = "", breaks: set[int] = frozenset(),
                     body: float | None = None, own_pages: bool = False) -> list[tuple[int, _Block]]:
    """Page-cited paragraph blocks from plain running lines, in reading order.

    Returns each block with the index of its first line; ``breaks`` are line indices where
    something else (a heading) stood, so a new paragraph starts there. A block set wholly in type
    smaller than ``body`` (the part's text type; the document's by default) is marked ``small``:
    it is cited in a series of its own on the page, so keeping more small type never renumbers
    the page's paragraphs. With ``own_pages`` (a part that numbers nothing), a page whose lines are
    all set in one size has no small type: a scanned annex's pages each come out a little apart
    in size (A/47/466's list of signatories, 10.1 to 10.9 points), and the annex is its own text.
    """
    body = geo.body if body is None else body
    plain = _uniform_pages(lines) if own_pages else set()
    blocks: list[tuple[int, _Block]] = []
    per_page: Counter[int] = Counter()
    indent_style = _indents_first_lines(lines, geo)
    prev: Line | None = None
    cur: _Block | None = None
    before_date: tuple[Line | None, _Block | None] | None = None  # the text a margin date interrupted
    dated = False  # the line before was a margin date
    printed: set[str] = set()  # the texts of the lines read on the page before this one
    for k, l in enumerate(lines):
        small = l.size < body - SMALL_BY and l.page not in plain
        if prev is not None and prev.page != l.page:
            repeated = small and (_repeats(l, printed) or _note(l))
            printed = set()
        else:
            repeated = False
        printed.add(l.text.strip())
        if _margin_date(l, geo) and not _date_column(lines, k, geo):
            if prev is not None and prev.page == l.page and l.top < prev.top:
                before_date = before_date or (prev, cur)  # read back up the page: out of the flow
            cur, dated = None, True  # its own block (a form line: ``tidy_unnumbered`` drops it)
        elif dated:
            cur = None  # never a paragraph's start ...
            if k not in breaks and before_date is not None and before_date[1] is not None \
                    and before_date[1].small == small and not _starts_new(before_date[0], l, geo, before_date[1], indent_style):
                prev, cur = before_date  # ... and the text it was read into the middle of goes on
            before_date, dated = None, False
        if cur is None or k in breaks or cur.small != small or repeated or _starts_new(prev, l, geo, cur, indent_style):
            per_page[l.page] += 1
            cur = _Block("paragraph", number=per_page[l.page], part=part, first_line=l.page,
                         last_line=l.page, refs=[], page=l.page, row=True, small=small)
            blocks.append((k, cur))
        cur.row = cur.row and l.row
        cur.lines.append(l.text)
        cur.refs.extend(l.refs)
        cur.last_line = l.page
        prev = l
    return blocks


def _repeats(l: Line, printed: set[str]) -> bool:
    """A page's first line printed on the page before: a table's column header repeated atop the page
    the table runs on to (S/2025/346's table 3, ``Fiscal year (July–June``), which opens that page's
    rows rather than ending the last page's. Small type only, and no sentence: body text may repeat a
    sentence across a page (E/2025/36's decisions), and short lines (``Total``) repeat by chance."""
    text = l.text.strip()
    return sum(ch.isalpha() for ch in text) >= 8 and not ends_sentence(text) and text in printed


def _note(l: Line) -> bool:
    """A table's or figure's note in small type (``a Extension requested until ...``, ``Note: ...``)
    read first on its page, its table read in columns after it: it opens a block, never going on
    with the page before's small type (A/80/48 annex III, p. 30, whose notes a-c ended p. 29's header)."""
    return bool(NOTE_RE.match(l.text) or TABLE_NOTE_RE.match(l.text))


def _margin_date(l: Line, geo: Geometry) -> bool:
    """A line that is only a date, set in the right half of the column (``26 June 2024`` under a
    decision, E/2025/36 annex I): the date the text above was adopted, read out of the flow after
    the page's text, so it neither opens a paragraph nor takes the next page's text into one."""
    return is_date_line(l.text) and l.x0 > geo.left[l.page] + geo.width(l.page) / 2


def _date_column(lines: list[Line], k: int, geo: Geometry) -> bool:
    """Is line ``k`` one of a column of dates (a list of signatures' ``Date of signature``,
    A/47/466), a date line right above or under it: a table's cells, not a decision's date."""
    l = lines[k]
    return any(is_date_line(n.text) and n.page == l.page and abs(n.top - l.top) < 2 * geo.leading
               for n in lines[max(0, k - 1):k] + lines[k + 1:k + 2])


def _uniform_pages(lines: list[Line]) -> set[int]:
    """The pages whose lines (of these) are all set within ``SMALL_BY`` points of one another."""
    lo: dict[int, float] = {}
    hi: dict[int, float] = {}
    for l in lines:
        lo[l.page] = min(lo.get(l.page, l.size), l.size)
        hi[l.page] = max(hi.get(l.page, l.size), l.size)
    return {p for p in lo if hi[p] - lo[p] <= SMALL_BY}


def _indents_first_lines(lines: list[Line], geo: Geometry) -> bool:
    """Does the text mark new paragraphs by indenting their first line?"""
    starts = [b for a, b in zip(lines, lines[1:])
              if a.page == b.page and b.top - a.top > 1.35 * geo.leading]
    indented = sum(b.x0 > geo.left[b.page] + 8 for b in starts)
    return bool(starts) and indented > len(starts) / 2




def _in_list(l: Line, cur: _Block) -> bool:
    """A bullet or lettered item of the list the open paragraph introduced (``... as follows:``)
    or is running (the item before ends in ``;`` or with no full stop): part of that paragraph.
    Items that are whole sentences (``• Climate finance is not a favour. ...``) stay paragraphs."""
    if not ITEM_RE.match(l.text):
        return False
    last = cur.lines[-1].rstrip()
    return last.endswith((":", ";")) or (any(ITEM_RE.match(t) for t in cur.lines) and not ends_sentence(last))


def _starts_new(prev: Line | None, l: Line, geo: Geometry, cur: _Block, indent_style: bool) -> bool:
    if prev is None:
        return True
    if _in_list(l, cur):
        return False
    indented = l.x0 > geo.left[l.page] + 8
    if prev.page != l.page:
        return ends_sentence(cur.lines[-1]) and (indented or not indent_style)
    gap = l.top - prev.top
    if gap > 1.35 * geo.leading or gap < 0:
        # a line ending in a word no sentence ends with (``Over 16,600 organizations across``)
        # runs on to the line under it, set a little apart in an infographic (UNW/2025/2, p. 4)
        return not (0 < gap < 2 * geo.leading and OPEN_END_RE.search(prev.text.rstrip()) is not None)
    prev_indented = prev.x0 > geo.left[prev.page] + 8
    return indented and not prev_indented and ends_sentence(cur.lines[-1])
