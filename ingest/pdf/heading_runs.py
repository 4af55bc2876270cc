"""Headings that run over more than one line: a part's two-line caption, a centred title.

Mixed into ``segment``'s walker, whose ``state``, ``blocks`` and ``last_heading`` these steps read.
"""

from __future__ import annotations

from .front_page import title_line_ids
from .geometry import ends_sentence
from .layout import Line
from ..text.paragraphs import _Block
from ..text.part_heads import ALONE_RE, annex_label


def style(l: Line) -> str:
    """A heading's type style: its size, weight and slant."""
    return f"{round(l.size)}{'b' if l.bold else ''}{'i' if l.italic else ''}"


class HeadingRuns:
    """A part's caption over two lines (the second is the caption's words, not a heading) and a
    centred heading's lines (each a line of its title, though none stands at the margin)."""

    part_caption: Line | None = None  # the last line of the caption that opened the part
    blocks: list[_Block]
    state: str
    last_heading: Line | None
    front: list[Line]

    def caption_goes_on(self, l: Line, part_label: bool) -> bool:
        """Take line ``l`` into the part's caption if it is the caption's next line."""
        if not part_label and self.caption_runs_on(l):
            self.blocks[-1].lines.append(l.text)
            self.part_caption = l
            return True
        self.part_caption = l if part_label else None
        return False

    def caption_runs_on(self, l: Line) -> bool:
        """Is line ``l`` the next line of the caption that opened the part (``Annex to the letter
        dated ... of the Permanent Mission`` / ``of Ukraine to the United Nations addressed to the
        Secretary-General``)? Then it is the caption's words, not a section heading. A bare label
        (``Annex II``) runs on to nothing: the line under it is the annex's title; nor does a
        volume's (``Part One``), whose title follows in its type."""
        cap = self.part_caption
        return (cap is not None and self.state == "heading" and bool(annex_label(cap.text.strip()))
                and not ALONE_RE.match(cap.text.strip())
                and cap.page == l.page and style(cap) == style(l) and 0 < l.top - cap.top < 1.8 * l.size)

    def centred_head(self, i: int, l: Line) -> bool:
        """Line i is a centred heading: its first line carries a label, and each further line of its
        title, in the same type just below, is centred too."""
        if self.centred_label_heading(i):
            return True
        prev = self.last_heading
        return (self.state == "heading" and prev is not None and prev.page == l.page and style(prev) == style(l)
                and 0 < l.top - prev.top < 1.8 * l.size and self.centred(prev) and self.centred(l))

    def front_headings(self, first: Line) -> None:
        """The headings just above paragraph 1 (``I. Introduction``) open its section path; the title
        above them does not (on page 1, ``A. Introduction`` right under it)."""
        title = title_line_ids([l for l in self.front if l.page == 1], self.geo.body) if first.page == 1 else frozenset()
        k = len(self.front)
        while k > 0:
            l = self.front[k - 1]
            if l.page != first.page or not (l.bold or l.italic or l.size > self.geo.body + 0.6) or ends_sentence(l.text) \
                    or id(l) in title:
                break
            k -= 1
        for l in self.front[k:]:
            self.heading(l, front=True)
