"""The cells of a table's rows: lines that are never headings, however short they stand (issue 15).

A table, a calendar or a two-column list prints each row's cells side by side. PDFium gives a
cell that wraps as lines of its own under one another (``7. Committee on the Rights of`` |
``General Assembly resolutions`` | ``Ninety-eighth``), and a row whose cells fit as one line
with column-wide gaps in it (``ECA    Economic Commission for Africa``, ``Fiji    Initial report
CMW/C/FJI/QPR/1``). Either way a short cell (``Article 47``, ``57 (I) and 48/162``) looks like a
short line standing apart: a heading. Running text, a heading and a list item have nothing beside
them at their height, and no gap wider than a heading's label leaves before its title. So a line
is a row's cell when

- another line of the page, in the same type size, stands at its height, clear of it sideways (a
  heading next to a box or a figure is set larger than the box's text, and stays a heading), and
  neither is prose that narrows round the other (a box set into the text: a line of the paragraph
  runs across where the box stands, or its lines are justified); or
- it holds a column-wide gap (``layout.GUTTER``) that is not the one after a heading's or an
  item's label (``IV.``, ``(a)``, ``Chapter III``, ``Annex II``); or
- it is the next line of a cell's wrapped text: right under it, in its column and type (or, under
  a wrapped line set at a hanging indent, the next line at that indent a little further down: a
  decision's title naming a second report, E/2025/36); or
- it stands in a run of three or more lines at one indent, in one type, at least half of them
  cells or codes (a glossary's row whose abbreviation is long enough to leave no column-wide gap;
  a one-letter code, ``G    Governments``, whose gap reads as a label's).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .layout import Line

#: What may stand before the gap that opens a heading's or an item's title: a label, not a cell.
_LABEL_RE = re.compile(
    r"^(?:[IVXLC]{1,7}|[A-Za-z]|\d{1,3}(?:\.\d{1,3})*)[.)]?$|^\(?(?:[a-z]{1,4}|[ivxl]{1,6}|\d{1,3})\)$|^[•●▪■◦–—-]$|"
    r"^(?:Chapter|Annex|Appendix|Part|Section|Article|Item|Goal|Target|Box|Table|Figure|Enclosure|Rule|Step|"
    r"Phase|Module|Objective|Outcome|Output|Pillar|Priority|Theme|Area)\s+[\w.]{1,8}[.:]?$", re.I)


def side_by_side(a: Line, b: Line) -> bool:
    """``a`` and ``b`` share a height on one page, in one type size, with a gutter between them."""
    if a.page != b.page or abs(a.size - b.size) > 0.3:
        return False
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    if overlap < 0.5 * min(a.size, b.size):
        return False
    return max(a.x0, b.x0) - min(a.x1, b.x1) >= 0.8 * min(a.size, b.size)


def gapped(l: Line) -> bool:
    """The line holds a column-wide gap other than the one after a label that opens it."""
    words = l.text.split()
    return any(k > 0 and not (_LABEL_RE.match(" ".join(words[:k])) and k == l.gutters[0]) for k in l.gutters)


def row_cells(lines: tuple[Line, ...]) -> set[int]:
    """Indices of the lines that are cells of a table's row."""
    cells = {i for i, l in enumerate(lines) if l.gutters and gapped(l)}
    by_page: dict[int, list[int]] = {}
    for i, l in enumerate(lines):
        by_page.setdefault(l.page, []).append(i)
    for idx in by_page.values():
        ordered = sorted(idx, key=lambda i: lines[i].top)
        for k, i in enumerate(ordered):
            for j in ordered[k + 1:]:
                if lines[j].top > lines[i].bottom:
                    break
                if side_by_side(lines[i], lines[j]) and not (wrapping(lines, i, lines[j]) or wrapping(lines, j, lines[i])):
                    cells.update((i, j))
    hanging: set[int] = set()  # wrapped lines set at a hanging indent under their cell's first line
    for i in range(1, len(lines)):  # in reading order, so a cell's third line follows its second
        if i not in cells and i - 1 in cells and wraps(lines[i - 1], lines[i]):
            cells.add(i)
            if lines[i].x0 > lines[i - 1].x0 + 12 or i - 1 in hanging:
                hanging.add(i)
        elif i not in cells and i - 1 in hanging and _hangs(lines[i - 1], lines[i]):
            cells.add(i)  # the cell's next item at its hanging indent, a little further down (E/2025/36)
            hanging.add(i)
    for run in _runs(lines):
        if len(run) >= 3 and 2 * sum(i in cells or _bare_code(lines[i]) for i in run) >= len(run):
            cells.update(run)
    return cells


def _bare_code(l: Line) -> bool:
    """A column-wide gap after one to three letters with no stop (``G    Governments``, ``E    Experts``):
    a glossary's code, not a heading's label (``A.``, ``(a)``), when the lines round it are rows."""
    words = l.text.split()
    return bool(l.gutters) and l.gutters[0] == 1 and len(words) > 1 and words[0].isalpha() and len(words[0]) <= 3


def _runs(lines: tuple[Line, ...]) -> list[list[int]]:
    """Runs of lines set one under another at one indent, in one type, evenly near (a list's rows)."""
    runs: list[list[int]] = []
    for i, l in enumerate(lines):
        p = lines[i - 1] if i else None
        if (p is not None and p.page == l.page and abs(p.x0 - l.x0) <= 1 and abs(p.size - l.size) <= 0.3
                and (p.bold, p.italic) == (l.bold, l.italic) and 0 < l.top - p.top <= 2.1 * l.size):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def wrapping(lines: tuple[Line, ...], i: int, other: Line) -> bool:
    """Line i is prose that narrows round a box or a figure (``other``): a line of its paragraph,
    in its column and set solid with it, runs across where ``other`` stands, or the paragraph is
    justified (three of its lines end at one edge; a table's cells end ragged)."""
    l = lines[i]
    run = [l]
    for step in (-1, 1):
        k, cur = i + step, l
        while 0 <= k < len(lines):
            n = lines[k]
            if n.page != l.page or abs(n.x0 - l.x0) > 2 or abs(n.top - cur.top) > 1.6 * l.size:
                break
            if n.x1 > other.x0 and n.x0 < other.x1:
                return True
            run.append(n)
            k, cur = k + step, n
    return any(sum(abs(n.x1 - m.x1) <= 1 for m in run) >= 3 for n in run)


def wraps(cell: Line, l: Line) -> bool:
    """``l`` is the next line of the wrapped text of ``cell``: right under it, in its column and type."""
    return (l.page == cell.page and abs(l.size - cell.size) <= 0.3 and (l.bold, l.italic) == (cell.bold, cell.italic)
            and 0 < l.top - cell.top <= 2.1 * cell.size and cell.x0 - 1 <= l.x0 < cell.x1)


def _hangs(prev: Line, l: Line) -> bool:
    """``l`` stands at the hanging indent of the wrapped cell line above it, in its type, within three lines."""
    return (l.page == prev.page and abs(l.x0 - prev.x0) <= 1 and abs(l.size - prev.size) <= 0.3
            and (l.bold, l.italic) == (prev.bold, prev.italic) and 0 < l.top - prev.top <= 3 * prev.size)


def mark_rows(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines, each cell of a table's row marked ``row``."""
    cells = row_cells(lines)
    return tuple(replace(l, row=True) if i in cells else l for i, l in enumerate(lines))
