"""Asides of a page: boxes, quotations, figures and loose text that are not a numbered paragraph's.

A step of ``segment._Segmenter`` (a mixin, as ``heading_items.ItemSteps`` and ``drafts.DraftSteps``):
the segmenter's state, open paragraph and section path are its own.
"""

from __future__ import annotations

import re

from .geometry import ends_sentence
from .layout import Line

_WORD_RE = re.compile(r"^\W*[A-Za-z][a-z’'-]{2,}")
# the short words of a sentence (``UNSOS is enhancing ...``, ``in the event of a ...``): a phrase's, never a tick's
_SHORT_WORDS = {"a", "an", "as", "at", "by", "in", "is", "it", "of", "on", "or", "to", "we"}
NOTE_RE = re.compile(r"^(?:Sources?|(?:Please\s+)?Notes?|Abbreviations?)\s*:", re.I)  # a figure's source and notes
TABLE_NOTE_RE = re.compile(r"^[a-z]\s+[A-Z][a-z]")  # ``a Extension requested until 1 February 2016.``


class AsideSteps:
    """Setting a line aside, and telling a figure's title from a heading."""

    def figure_title(self, l: Line) -> bool:
        """A bold line right under a figure's caption (or under its title's previous line): the
        figure's title ("Merchandise trade volume in selected economies", "(a) Imports"), set aside with it."""
        c = self.caption_at
        if c is None or not l.bold or c.page != l.page or not 0 <= l.top - c.top <= 2.2 * self.geo.leading:
            return False
        self.caption_at = l
        self.aside(l, "float")
        return True

    def row_aside(self, l: Line, structural: bool) -> bool:
        """A cell of a table's row (``table_rows``) taken for a heading: text where it stands, unless
        it is an annex's label or a heading above paragraph 1 (``structural``)."""
        if not l.row or structural:
            return False
        self.cur = None
        self.aside(l, "loose")
        return True

    def aside(self, l: Line, state: str) -> None:
        if state == "float" and self.state != "float":
            self.float_speck = l if self.speck(l) else None
        self.state = state
        self.touched = True
        if self.cur is None and state == "loose":
            self.loose.setdefault(self.part, []).append((len(self.blocks), l, self.sections.headings))
        elif (state in ("quote", "box", "float") and (self.body_size(l) or self.under_caption(l))
              or state == "small" and self.numbered[self.part]):
            # a box's, a quotation's or a figure's text in body type (an infographic's statements),
            # the small type under a figure's caption on its page (its notes and source), and small
            # type between numbered paragraphs (a recommendation's status table): cited by page
            self.boxes.setdefault(self.part, []).append((len(self.blocks), l, self.sections.headings))

    def under_caption(self, l: Line) -> bool:
        """Small type on the page of the figure caption last read (``Figure II``, ``Box 1``): the
        figure's own words (its labels, notes and ``Source: ...``), not a footnote's."""
        c = self.caption_at
        if self.state != "float":
            return False
        k = self.kept_small
        runs_on = k is not None and k.page == l.page and 0 < l.top - k.top <= 1.6 * k.size and not ends_sentence(k.text)
        if c is None or c.page != l.page or l.top <= c.top:
            # no caption over it (a table read as a figure, a chart with no title line): only its
            # notes are words to keep, ``Please note: ...`` or a row's note ``a Extension requested ...``
            # (A/80/48 annex III, UNW/2025/2 p. 5), never its labels
            keep = runs_on or NOTE_RE.match(l.text) or (
                TABLE_NOTE_RE.match(l.text) and worded(l.text) and ends_sentence(l.text))
            if keep:
                self.float_notes.add(id(l))
        else:
            keep = runs_on or NOTE_RE.match(l.text) or worded(l.text)
        if keep:
            self.kept_small = l
        return bool(keep)


def word_count(text: str) -> int:
    """The words of three letters or more in a line (``Reduction``, ``Radio-managed``; not ``A/47/466``)."""
    return sum(1 for t in text.split() if _WORD_RE.match(t))


def worded(text: str) -> bool:
    """A line that reads as words (``Source: United Nations, ...``), not a chart's ticks and labels
    (``160 140 120 100 s tim 80``) or its rotated names read letter by letter: at least three words
    of three letters or more, and with a sentence's short words (``is``, ``of``, ``to``) half its
    tokens or more (a table's cell ``By 1 July 2025 UNSOS is enhancing planning and``)."""
    tokens = text.split()
    words = word_count(text)
    short = sum(1 for t in tokens if t.rstrip(",;:") in _SHORT_WORDS)
    return words >= 3 and 2 * (words + short) >= len(tokens)
