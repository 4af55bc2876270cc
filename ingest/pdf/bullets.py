"""Bulleted items whose lead words are bold: the item's text, never a heading.

A step of ``segment._Segmenter`` (a mixin, as ``asides.AsideSteps``): ``• Climate action yields
significant returns – creating jobs, investment, and`` / ``business opportunities. The clean ...``
(CEB/2025/4, annex III) opens an item of a list, bold or not; read as a heading, its first line
(or its second, still bold) headed every item after it.
"""

from __future__ import annotations

from .geometry import ends_sentence
from .layout import Line
from ..text.list_items import BULLET_RE


class BulletSteps:
    """Reading a bold line that opens or goes on with a bulleted item."""

    bullet_at: Line | None = None  # the last bold line of a bulleted item

    def bullet_line(self, i: int, l: Line) -> bool:
        """Read bold line i as an item's text if it is one: into the open paragraph, or set aside
        as its own text. False if it is no item's."""
        if not self.in_bullet(i, l):
            return False
        if BULLET_RE.match(l.text):
            self.plain_line(i, l)
        elif self.cur is not None and self.state == "text":
            self.add_to_cur(l)
        else:
            self.aside(l, self.state if self.state in ("box", "quote", "float") else "loose")
        return True

    def in_bullet(self, i: int, l: Line) -> bool:
        """Line i opens a bulleted item (``• Climate action yields ...``) or goes on with the one
        just above it, hanging under its text: an item's words, though set in bold."""
        prev, self.bullet_at = self.bullet_at, None
        if BULLET_RE.match(l.text):
            self.bullet_at = l
        elif (prev is not None and i > 0 and self.lines[i - 1] is prev and prev.page == l.page
              and not self.big(self.gap_before(i)) and l.x0 > prev.x0 + 3 and not ends_sentence(prev.text)):
            self.bullet_at = l
        return self.bullet_at is not None
