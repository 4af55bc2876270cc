"""Blocks of a UN PDF from its lines' layout: numbered paragraphs, headings, tables, asides.

The text parser (``paragraphs``) has only words to go by; here each line also tells where it
sits and how it is set, which settles what words cannot:

- a paragraph starts at a line opening with the next number (``19.``) at the text's left
  margin, in body type; a bold one-line ``1. Implementation of action lines`` is a heading;
- a heading is larger, bold, italic or outdented, short and not a sentence;
- boxes (indented on both sides), bold quotations, tables, figures and small type are asides:
  not paragraph text, and a paragraph that did not end runs on after them;
- a paragraph runs on across a page break unless the new page opens with a heading.

Parts with no numbered paragraphs (a letter, an annex of plain text) are split into their own
paragraphs, by vertical gaps and first-line indents, and cited by page; unless their numbered
headings number them (``heading_items``: the part is read again with those as paragraph starts).
"""

from __future__ import annotations

import re
from collections import Counter

from .layout import Line
from .geometry import Geometry, ends_sentence, measure
from .contents import contents_lines, title_pages
from .parts import Parts
from .drafts import Drafts, DraftSteps
from .line_kinds import NUM_RE as _NUM_RE, UNSTOPPED_RE, LineKinds
from .asides import AsideSteps
from .bullets import BulletSteps
from .heading_runs import HeadingRuns, style
from .heading_items import ItemSteps, heading_items
from .table_rows import mark_rows
from .tables import TableSteps
from ..text.paragraphs import _Block
from ..text.sections import SectionPath
from ..text.list_items import SUBITEM_RE

#: A figure's caption as printed, ``Figure II``, ``BOX 3``: capitalized, so that a cross-reference wrapped to a
#: line's start inside a paragraph (``(see`` / ``figure II) could further ...``) goes on with the paragraph.
_CAPTION_RE = re.compile(r"^(?:Figure|Box|Chart|Graph|Map|Graphic|FIGURE|BOX|CHART|GRAPH|MAP|GRAPHIC)\s+[0-9IVXL]+\b")


_LABEL_RE = re.compile(r"^(?:[IVXL]{1,6}\.|[A-Z]\.|\d{1,2}\.|\([a-z]{1,2}\))\s")


class _Segmenter(HeadingRuns, BulletSteps, AsideSteps, TableSteps, ItemSteps, DraftSteps, LineKinds):
    """One pass over the lines, opening a block at each paragraph start, heading or aside."""

    def __init__(self, lines: tuple[Line, ...], geo: Geometry):
        super().__init__(lines, geo)
        self.blocks: list[_Block] = [_Block("front")]
        self.front: list[Line] = []
        self.loose: dict[str, list[tuple[int, Line, tuple[str, ...]]]] = {}  # per part: (position, line, section)
        self.boxes: dict[str, list[tuple[int, Line, tuple[str, ...]]]] = {}  # boxed and quoted text, likewise
        self.sections = SectionPath()
        self.last_heading: Line | None = None
        self.numbered: Counter[str] = Counter()
        self.expected = 1
        self.part = ""
        self.cur: _Block | None = None  # the open paragraph
        self.cur_bold = False
        self.touched = False  # something (aside, heading) came between cur's last line and now
        self.state = "text"  # text | table | float | box | quote
        self.tables = 0
        self.table_small = False  # the open table's rows are set in small type
        self.table_at: tuple[_Block, Line] | None = None  # the last table opened, and its caption line
        self.contents = contents_lines(lines) | title_pages(lines)  # front matter, never paragraphs or parts
        self.parts = Parts(self, self.contents)
        self.volume = ""  # ``part two`` of a report holding several (annexes are cited within it)
        self.drafts = Drafts(self, self.contents, self.parts)  # draft resolutions and decisions inside a report
        self.draft_front: list[Line] = []
        self.draft_labels: set[str] = set()
        self.heads, self.part_of = [], []  # numbered headings and each line's part, for ``heading_items``
        self.unnumbered: set[str] = set()  # parts whose numbers are a list's, not paragraphs' (``_late_list``)
        self.caption_at: Line | None = None  # the last figure caption line, or its title's last line
        self.kept_small: Line | None = None  # the last small-type line kept under a figure's caption
        self.float_notes: set[int] = set()  # ids of the notes kept from a float with no caption (``asides``)
        self.float_speck: Line | None = None  # the scan's speck that opened the float being read, if one did

    # -- the pass ----------------------------------------------------------------------------
    def run(self) -> list[_Block]:
        for i, l in enumerate(self.lines):
            self.at = i
            self.step(i, l)
            self.part_of.append(self.part)
        self.leave_draft()  # a draft that runs to the end: its preamble, if nothing followed it
        return self.blocks

    def open_block(self, kind: str, l: Line, text: str = "", number: int = 0) -> _Block:
        b = _Block(kind, number=number, part=self.part, first_line=l.page, last_line=l.page,
                   refs=list(l.refs) if kind == "paragraph" else None, page=None,
                   section=() if kind == "heading" else self.sections.headings)
        if text:
            b.lines.append(text)
        self.blocks.append(b)
        return b

    def heading(self, l: Line, part_label: bool = False, front: bool = False) -> None:
        if self.row_aside(l, part_label or front):
            return
        if self.caption_goes_on(l, part_label):
            return
        if not part_label and self.into_item(l):
            return  # a sub-heading of a numbered item (``Milestones``): words of its text
        if not part_label:
            self.note_numbered_heading(l)
        last = self.blocks[-1]
        if last.kind != "heading" or self.state != "heading":
            last = self.open_block("heading", l)
        last.lines.append(l.text)
        prev = self.last_heading
        if not part_label and self.draft_title(l):
            self.sections.extend(l.text, joint=". ")
        elif (self.state == "heading" and prev is not None and prev.page == l.page and style(prev) == style(l)
                and 0 < l.top - prev.top < 1.8 * l.size and not _LABEL_RE.match(l.text)):
            self.sections.extend(l.text)  # the heading's title runs on to a second line
        elif not part_label:
            self.sections.add(l.text, style(l))
        self.last_heading = None if part_label else l
        self.cur = None
        self.state = "heading"
        self.touched = True

    def add_to_cur(self, l: Line) -> None:
        assert self.cur is not None
        self.cur.lines.append(l.text)
        self.cur.refs.extend(l.refs)
        self.cur.last_line = l.page
        self.state = "text"
        self.touched = False

    def step(self, i: int, l: Line) -> None:
        if i in self.contents and self.expected == 1 and not self.part:
            return  # navigation, or a title page repeating the cover: kept out of the front matter's notes too
        big_type = l.size > self.geo.body + 0.6
        near_left = l.x0 <= self.geo.left[l.page] + 40
        label, self.volume = self.parts.label(i, self.volume, self.expected == 1 and not self.part)
        if label:
            self.open_part(label, l)
            return
        if i in self.drafts.heads:
            self.item = None  # a draft inside the part ends the numbered item
        if self.draft_step(i, l):
            return
        if self.item_part():
            misprint, number = False, self.items.get(i, 0)  # only its numbered headings open paragraphs
        else:
            misprint = self.expected > 1 and self.misprinted(i, self.expected)
            number = self.expected if misprint or self.starts_para(i, self.expected) or self.unstopped(i, self.expected) else (
                self.resync(i, self.expected, self.state == "heading"))
            number = self.list_number(i, number, self.expected, self.cur, self.part)
            number = number if self.numbers_paragraphs() and self.part not in self.unnumbered else 0
        if number:
            if self.expected == 1 and not self.part:
                self.front_headings(l)
            m = _NUM_RE.match(l.text) or UNSTOPPED_RE.match(l.text)
            self.cur = self.open_block("paragraph", l, (m.group(2) or "").strip(), number)
            if misprint:
                self.cur.printed = int(m.group(1))
            self.numbered[self.part] += 1
            self.item = self.cur if i in self.items else None
            self.cur_bold = l.bold and self.item is None
            self.expected = number + 1
            self.state = "text"
            self.touched = False
            return
        if self.expected == 1 and not self.numbered[self.part] and self.part == "":
            if (l.bold or l.italic) and self.heading_like(i):
                self.note_numbered_heading(l)
            self.front.append(l)
            return
        small = self.geo.small(l.size)
        gap = self.gap_before(i)
        if gap is not None and gap < -1.5 * self.geo.leading and self.state != "table":
            if small and self.small_text() and self.worded_cell(i):
                self.small_line(l)  # the next column of words in an annex set in small type (recommendations, responses)
            elif not self.back_to_table(l):
                self.aside(l, "float")  # back up the page: the text of a figure, printed out of the flow
            return
        if self.table_title(l, big_type, gap):
            return
        if self.state == "float" and self.figure_title(l):  # "Figure III" then its bold title: the figure's
            return
        if self.centred_head(i, l):
            self.heading(l)
            return
        if self.in_table(i, l, small, big_type, near_left) or self.open_table(l, small, near_left):
            return
        if _CAPTION_RE.match(l.text) and not small:
            self.caption_at = l
            self.aside(l, "float")
            return
        if small:
            self.small_line(l)
            return
        if big_type:
            if near_left and self.heading_like(i):
                self.heading(l)
            else:
                self.aside(l, "float")
            return
        if l.bold:
            self.bold_line(i, l)
            return
        self.plain_line(i, l)

    def open_part(self, label: str, l: Line) -> None:
        """Line ``l`` opens the part ``label`` (an annex, an enclosure): a new section path."""
        self.leave_draft()
        if label in self.numbered or label in self.loose or label in self.boxes:
            label = f"{label} (p. {l.page})"  # a second ``Annex I`` (each session's report has one)
        self.part = label
        self.item = None
        self.expected = 1
        self.sections = SectionPath()
        self.cur = None
        self.state = "text"
        self.heading(l, part_label=True)

    def resumes(self, i: int) -> bool:
        """A full-width line at the margin after a table or figure: the interrupted paragraph goes on."""
        l = self.lines[i]
        return (self.cur is not None and not ends_sentence(self.cur.lines[-1]) and self.at_margin(l)
                and l.x1 >= self.geo.right[l.page] - 15 and not l.bold and self.body_size(l))

    def bold_line(self, i: int, l: Line) -> None:
        if self.bullet_line(i, l):
            return
        cur = self.cur
        gap = self.gap_before(i)
        if (cur is not None and SUBITEM_RE.match(l.text) and cur.lines[-1].rstrip().endswith((";", ":", ","))
                and self.state == "text" and (gap is None or gap < 3 * self.geo.leading)):
            self.add_to_cur(l)  # a sub-item whose lead words are bold: ``(b) Reform at the regional level.``
            return
        if (cur is not None and not ends_sentence(cur.lines[-1]) and self.state == "text" and self.at_margin(l)
                and (self.gap_before(i) is None or not self.big(self.gap_before(i)))):
            self.add_to_cur(l)  # a sentence does not break for a heading
            return
        if self.cur is not None and self.cur_bold and self.state == "text":
            if not ends_sentence(self.cur.lines[-1]) or not self.heading_like(i):
                self.add_to_cur(l)  # more of a paragraph set in bold (a decision, an advice)
                return
        if self.state == "quote" and not self.big(self.gap_before(i)):
            self.aside(l, "quote")
            return
        if l.x0 >= self.geo.left[l.page] + 12 and not self.heading_like(i):
            self.aside(l, "box")
            return
        if self.bold_prose(i):
            self.aside(l, "quote")
            return
        if l.x0 >= self.geo.left[l.page] + 12:
            self.aside(l, "box" if self.boxed_after(i) else "float")  # a box's title, a figure's label
            return
        self.heading(l)

    def plain_line(self, i: int, l: Line) -> None:
        if self.state == "box" and l.x0 >= self.geo.left[l.page] + 10:
            self.aside(l, "box")
            return
        if self.state != "box" and self.boxed(i) and not (self.cur is not None and not ends_sentence(self.cur.lines[-1])):
            self.aside(l, "box")
            return
        cur = self.cur
        if cur is not None and l.italic and self.big(self.gap_before(i)) and self.heading_like(i):
            self.heading(l)  # an italic sub-heading, even after a paragraph ending in a colon
            return
        if (cur is not None and l.italic and ends_sentence(cur.lines[-1]) and i + 1 < len(self.lines)
                and self.starts_para(i + 1, self.expected) and self.heading_like(i)):
            self.heading(l)  # an italic sub-heading spaced like a paragraph, over the next numbered one
            return
        if cur is not None:
            if not ends_sentence(cur.lines[-1]) or l.text[:1].islower():
                if not (self.state == "quote" and l.bold):
                    self.add_to_cur(l)
                    return
            if not self.touched:
                gap = self.gap_before(i)
                if gap is None:  # a new page
                    if not self.heading_like(i):
                        self.add_to_cur(l)
                        return
                elif not self.big(gap):
                    self.add_to_cur(l)
                    return
                elif not self.heading_like(i) and (
                        l.x0 > self.geo.left[l.page] + 8
                        or (l.text.startswith("(") and l.x0 >= self.geo.left[l.page] - 3)):
                    self.add_to_cur(l)  # an indented quotation or sub-item of the paragraph
                    return
        if self.heading_like(i) and (self.at_margin_or_left(l) or self.centred_heading(l)):
            self.heading(l)
            return
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        run_on = nxt is not None and nxt.italic and not self.big(self.gap_after(i)) and self.big(self.gap_after(i + 1))
        if self.numbered[self.part] and l.italic and len(l.text) < 120 and (self.big(self.gap_after(i)) or run_on):
            self.heading(l)  # an italic run-in heading that ends in a full stop, between paragraphs
            return
        if self.item is self.cur is not None and self.state == "text" and l.x0 >= self.geo.left[l.page] - 12:
            self.add_to_cur(l)  # a numbered item's prose runs on to the next numbered heading
            return
        self.cur = None
        self.aside(l, "loose")



def _late_list(seg: "_Segmenter", blocks: list[_Block]) -> bool:
    """True when the body's "paragraphs" are a short numbered list pages into unnumbered text: a
    compilation of NGOs' reports, each under its own headings, one of which lists its meetings
    ``1.`` to ``5.`` on page 10. A report's summary or front matter before paragraph 1 is shorter
    than its numbered text; here the front holds more lines, over three pages or more, than every
    numbered paragraph together."""
    numbered = [b for b in blocks if b.kind == "paragraph" and not b.part]
    if not numbered or not seg.front:
        return False
    pages = {l.page for l in seg.front}
    return max(pages) - min(pages) >= 3 and len(seg.front) > sum(len(b.lines) for b in numbered)


def _read(lines: tuple[Line, ...], geo: Geometry, resolution: bool, first: int, items: dict | None = None,
          item_parts: set | None = None, unnumbered: set[str] = frozenset()) -> tuple["_Segmenter", list[_Block]]:
    """One pass of the segmenter; with ``items``, those numbered headings open the paragraphs of
    ``item_parts``; the parts in ``unnumbered`` number no paragraphs."""
    seg = _Segmenter(lines, geo)
    seg.unnumbered = set(unnumbered)
    seg.indented_numbers = resolution
    seg.expected = first
    if items:
        seg.items, seg.item_parts = items, item_parts
    return seg, seg.run()


def segment(lines: tuple[Line, ...], body: float, resolution: bool = False,
            first: int = 1) -> tuple[list[_Block], list[Line], dict, Geometry]:
    """Blocks of the document, its front-matter lines, and the unnumbered text of parts that have
    no numbered paragraphs (each line with the block position it belongs at). In a
    ``resolution`` operative numbers may stand at the first-line indent. ``first`` is the number
    the first paragraph carries (1, or later for an excerpt of a document)."""
    lines = mark_rows(lines)
    geo = measure(lines, body)
    seg, blocks = _read(lines, geo, resolution, first)
    if first == 1 and not resolution and _late_list(seg, blocks):  # a list pages into a text that numbers nothing
        seg, blocks = _read(lines, geo, resolution, first, unnumbered={""})
    items = heading_items(seg.heads, {p for p, n in seg.numbered.items() if n}, seg.part_of,
                          [len(l.text) for l in lines])
    if items:  # read again, the numbered headings of those parts opening their paragraphs
        seg, blocks = _read(lines, geo, resolution, first, items, {seg.part_of[i] for i in items}, seg.unnumbered)
    loose = {part: ls for part, ls in seg.loose.items() if not seg.numbered[part]}
    for part in set(seg.boxes) | {p for p in seg.loose if seg.numbered[p]}:
        # boxes, quotations, figure text and stray prose among numbered paragraphs: cited by page
        # where they stand, each column of a two-column figure read down before the next
        extra = seg.boxes.get(part, []) + (seg.loose.get(part, []) if seg.numbered[part] else [])
        extra = _prose_runs(extra, seg.float_notes) if seg.numbered[part] else extra
        both = loose.get(part, []) + extra
        mid = _middles([e[1] for e in both if not geo.small(e[1].size)])  # columns of body type
        loose[part] = sorted(both, key=lambda e: (e[0], e[1].page, e[1].x0 >= mid.get(e[1].page, 0.0), e[1].top))
    return blocks, seg.front, loose, geo


def _middles(lines: list[Line]) -> dict[int, float]:
    """About the middle of each page's printed text (of these lines): a line starting right of it is
    in the right column of a two-column box, figure or table."""
    lo: dict[int, float] = {}
    hi: dict[int, float] = {}
    for l in lines:
        lo[l.page] = min(lo.get(l.page, l.x0), l.x0)
        hi[l.page] = max(hi.get(l.page, l.x1), l.x1)
    return {p: lo[p] + 0.4 * (hi[p] - lo[p]) for p in lo}  # a right column may start a little left of half-way


_PROSE_RE = re.compile(r"(?:\b[A-Za-z][a-z’'-]*[,;:]?\s+){3}[A-Za-z][a-z]")


def _prose_runs(entries: list[tuple[int, Line, tuple[str, ...]]],
                notes: set[int] = frozenset()) -> list[tuple[int, Line, tuple[str, ...]]]:
    """The entries standing at one place among the paragraphs, kept where their text has a run of
    words (an infographic's statements, a box); a chart's legend or a lone ``TOTAL`` is no chunk.
    ``notes`` (ids of lines) are a caption-less figure's notes: kept, but no run of words for its labels."""
    runs: dict[int, list] = {}
    for e in entries:
        runs.setdefault(e[0], []).append(e)
    return [e for run in runs.values()
            for prose in [_PROSE_RE.search(" ".join(e[1].text for e in run if id(e[1]) not in notes))]
            for e in run if prose or id(e[1]) in notes]
