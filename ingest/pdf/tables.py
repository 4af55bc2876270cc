"""Tables and small type among the paragraphs: a ``Table 2`` caption opens the table, its rows
follow it (set in small type in most UN reports), and small type elsewhere is kept where it stands.

A step of ``segment._Segmenter`` (a mixin, as ``asides.AsideSteps``): the segmenter's state, open
paragraph and blocks are its own.
"""

from __future__ import annotations

from .asides import word_count, worded
from .layout import Line
from ..text.paragraphs import _TABLE_RE


class TableSteps:
    """Opening a table at its caption, reading its rows to its end, and setting small type aside."""

    def table_title(self, l: Line, big_type: bool, gap: float | None) -> bool:
        """A bold line close under ``Table 2``: the table's title."""
        if self.state == "table" and l.bold and not big_type and len(self.blocks[-1].lines) <= 2 and not self.big(gap):
            self.blocks[-1].lines.append(l.text)
            return True
        if self.state == "table" and self.table_small and not self.geo.small(l.size) and not l.row:
            self.state = "text"  # body type, not a row, after a table's rows in small type: the table has ended
        return False

    def in_table(self, i: int, l: Line, small: bool, big_type: bool, near_left: bool) -> bool:
        """A line of the open table or figure: small type always, else anything but a heading."""
        if self.state not in ("table", "float") or (
                not small and (big_type or l.bold) and near_left and self.heading_like(i)):
            return False
        if self.resumes(i):
            self.add_to_cur(l)
        elif self.state == "float" and small and self.small_text() and self.float_speck is not None \
                and l.page != self.float_speck.page:
            self.small_line(l)  # no figure a speck opened runs on: the next page's small type is the part's text
        elif self.state == "float" and small and self.small_text() and self.worded_cell(i) and not l.italic \
                and not self.captioned(l):
            self.small_line(l)  # a table with no caption read as a figure, in a part set in small type: its worded cells are text
        elif self.state == "table":
            self.table_at[0].lines.append(l.text)
            self.table_small = self.table_small or small
        else:
            self.aside(l, "float")
        return True

    def worded_cell(self, i: int) -> bool:
        """A line of words, or a cell's first line of words going on right under it (``Reduction of
        Internet`` over ``services``, ``Construction, alteration,`` over ``renovation and major``; not a
        list's ``73. Congo``): in a table read as a figure, a cell's text, where a chart's ticks and labels
        stand apart."""
        l = self.lines[i]
        if worded(l.text):
            return True
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return nxt is not None and nxt.page == l.page and abs(nxt.x0 - l.x0) <= 2 \
            and 0 < nxt.top - l.top <= 1.6 * l.size and word_count(l.text) >= 2 and not l.text[:1].isdigit()

    def captioned(self, l: Line) -> bool:
        """A figure caption (``Figure II``) was read on this line's page, above it."""
        c = self.caption_at
        return c is not None and c.page == l.page and c.top < l.top

    def open_table(self, l: Line, small: bool, near_left: bool) -> bool:
        """``Table 2`` or ``Table 2. Title`` at the margin or centred over the table: a table block."""
        tm = _TABLE_RE.match(l.text)
        if not tm or small or not (near_left or self.centred(l)) or int(tm.group(1)) <= self.tables or not self.caption(l):
            return False
        self.tables = int(tm.group(1))
        self.table_at = (self.open_block("table", l, tm.group(2), number=self.tables), l)
        self.state = "table"
        self.table_small = False  # its rows in type smaller than the body's
        self.touched = True
        return True

    def small_text(self) -> bool:
        """Small type is the text of the part being read: an annex that numbers no paragraphs."""
        return bool(self.part) and not self.numbered[self.part]

    def small_line(self, l: Line) -> None:
        """Small type outside a table: an annex that numbers nothing set in small type is its text;
        among numbered paragraphs it is an aside, kept where it stands (``asides.aside``)."""
        if self.small_text():
            self.cur = None
            self.aside(l, "loose")
        else:
            self.aside(l, self.state if self.state in ("box",) else "small")

    def back_to_table(self, l: Line) -> bool:
        """A line printed after the text that follows a table but standing under the table's
        caption on its page (``Table 6.``, then paras. 80-81, then the table's rows in the file):
        the table's row."""
        if self.table_at is None:
            return False
        block, caption = self.table_at
        if caption.page != l.page or l.top <= caption.top or not self.geo.small(l.size):
            return False
        block.lines.append(l.text)
        self.state, self.table_small = "table", True
        return True
