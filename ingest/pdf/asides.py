"""Asides of a page: boxes, quotations, figures and loose text that are not a numbered paragraph's.

A step of ``segment._Segmenter`` (a mixin, as ``heading_items.ItemSteps`` and ``drafts.DraftSteps``):
the segmenter's state, open paragraph and section path are its own.
"""

from __future__ import annotations

from .layout import Line


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
        return self.state == "float" and c is not None and c.page == l.page and l.top > c.top
