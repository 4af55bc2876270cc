"""Drafts inside a report: the draft resolutions and decisions a commission's report carries.

A report on a session (``Chapter I. Matters calling for action ... A. Draft resolutions for
adoption by the Council / 1. The Commission recommends ... the adoption of the following draft
resolutions:``) prints each draft under a bold heading of its own (``Draft resolution I``, ``Draft
decision II``, ``Resolution 2025/3``, ``Decision 58/101``, a lone ``Draft resolution``), then its
title, its enacting formula (``The Economic and Social Council,``), its preamble and its operative
paragraphs numbered afresh from 1, while the report's own paragraphs run on around it.

- A draft heading after the report's numbered paragraphs opens a part where the numbering does
  start again at 1 under it: ``E/2025/31, draft resolution I, para. 3`` (in a report whose
  chapters are parts, ``chap. I, draft resolution I``). Its preamble is read as a resolution's
  (``preambular para. 2``, ``ingest.pdf.preamble``), its operative numbers may stand at the
  first-line indent.
- A draft that numbers nothing of its own (a decision in one paragraph, or in lettered ones) is
  a part too, one chunk cited by its label (``E/2025/31, draft decision I``; a long one cited
  by page within it); the numbers inside it (the items of an agenda it approves) are not the
  report's paragraphs. A decision's heading may print only its number (``56/101``, E/2025/24):
  the labelled section heading over the run of them or the lines leading in to it name the kind
  (``C. Decisions brought to the attention of the Council``), and without a kind it opens nothing.
  Ahead of the report's numbered paragraphs (A/80/38's decisions before a volume's ``1.``) only a
  decision or resolution that numbers nothing opens a part: a draft there (annexed to a letter)
  or a heading over numbers is read as before.
- A draft with no heading of its own, whose title follows the report's paragraph introducing it
  (``2. ... the adoption of the following draft decision:`` / ``Report of the Statistical
  Commission on its fifty-sixth session ...``, E/2025/24 and E/2025/42), is labelled by the kind
  that paragraph names: ``E/2025/24, chap. I, draft decision``.
- Either ends where the report's numbering resumes (its next number at its margin), at a heading
  above the draft's (``B. Draft decisions ...``, ``Chapter II``, an annex) or at the next draft.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .layout import Line
from .line_kinds import NUM_RE, LineKinds
from .parts import Parts
from .preamble import preamble_blocks
from .unnumbered import split_paragraphs
from ..text.blocks import _Block
from ..text.draft_heads import LONG_DRAFT, find_heads
from ..text.part_heads import ANNEX_RE, CHAPTER_RE, LETTERED_ITEM_RE, VOLUME_RE, draft_label, number_heading
from ..text.sections import SectionPath



@dataclass(frozen=True)
class Draft:
    """A draft's heading: its label and, if it numbers its paragraphs afresh, where its ``1.``
    stands (from the page's margin)."""

    label: str
    number_dx: float | None  # None: the draft numbers nothing of its own


class Drafts:
    """Which lines of a document are draft headings, and where the draft each opens ends."""

    def __init__(self, kinds: LineKinds, contents: set[int], parts: Parts):
        self.kinds = kinds
        self.contents = contents
        sides: dict[int, Counter] = {0: Counter(), 1: Counter()}
        for page, x in kinds.geo.left.items():
            sides[page % 2][round(x)] += 1
        every = sides[0] + sides[1]
        fallback = float(every.most_common(1)[0][0]) if every else 72.0
        # each side's usual margin: a page of indented sub-items does not move it
        self.margins = {s: float(c.most_common(1)[0][0]) if c else fallback for s, c in sides.items()}
        self.heads = self._find(parts)

    def margin(self, page: int) -> float:
        return self.margins[page % 2]

    def heading(self, i: int) -> bool:
        """Bold or large, near the margin, not a contents entry."""
        l = self.kinds.lines[i]
        return (i not in self.contents and (l.bold or l.size > self.kinds.geo.body + 0.6)
                and l.x0 <= self.margin(l.page) + 40)

    def _find(self, parts: Parts) -> dict[int, Draft]:
        """The draft and decision headings (``ingest.text.draft_heads``: the walk text input
        shares), told by their type here."""
        return {i: Draft(label, restart) for i, (label, restart) in find_heads(len(self.kinds.lines), _Reader(self, parts)).items()}

    def _restart(self, i: int) -> float | None:
        """Where the ``1.`` stands (from the margin) if the numbering starts again at 1 under the
        draft heading at line i before anything ends the draft; else None. Numbers after a
        lettered item (``(b) Approves the provisional agenda ... as set out below:``) are an
        agenda's, not the draft's paragraphs."""
        lines = self.kinds.lines
        head = lines[i]
        for j in range(i + 1, len(lines)):
            l = lines[j]
            if (draft_label(l.text) and self.heading(j)) or self.above(j, head) or LETTERED_ITEM_RE.match(l.text):
                return None
            m = NUM_RE.match(l.text)
            dx = l.x0 - self.margin(l.page)
            if m and self.kinds.body_size(l) and not l.bold and -45 <= dx <= 40:
                return dx if m.group(1) == "1" else None
        return None

    def above(self, j: int, head: Line) -> bool:
        """Line j is a heading above the draft's own: a chapter, volume or annex, one set larger
        than the draft's heading, or one hanging left of the margin (``B. Draft decisions ...``)."""
        l = self.kinds.lines[j]
        if not self.heading(j) or not self.kinds.heading_like(j):
            return False
        if CHAPTER_RE.match(l.text) or VOLUME_RE.match(l.text) or ANNEX_RE.match(l.text):
            return True
        return l.size > head.size + 0.6 or (l.x0 < self.margin(l.page) - 6 and l.size >= head.size - 0.6)

    def resumes(self, i: int, report_next: int, draft: Draft, draft_next: int) -> bool:
        """Line i opens the report's next paragraph: its number at the report's margin (or in the
        document's column of hanging numbers), not where the draft sets its own next number."""
        l = self.kinds.lines[i]
        m = NUM_RE.match(l.text)
        if not m or int(m.group(1)) != report_next or not self.kinds.body_size(l) or l.bold:
            return False
        rest = (m.group(2) or "").strip()
        if rest and not (rest[:1].isupper() or rest[:1] in "“\"‘(["):
            return False
        dx = l.x0 - self.margin(l.page)
        if not (abs(dx) <= 6 or any(abs(l.x0 - x) <= 3 for x in self.kinds.geo.number_columns)):
            return False
        return not (draft.number_dx is not None and abs(dx - draft.number_dx) <= 6 and report_next == draft_next)


@dataclass(frozen=True)
class _Reader:
    """What the shared walk asks of a PDF's lines, answered from their type and place."""

    drafts: Drafts
    parts: Parts

    def text(self, i: int) -> str:
        return self.drafts.kinds.lines[i].text

    def heading(self, i: int) -> bool:
        return self.drafts.heading(i)

    def number_ok(self, i: int) -> bool:
        return self.drafts.heading(i) and self.drafts.kinds.heading_like(i)

    def title(self, i: int) -> bool:
        return self.drafts.heading(i)

    def resets(self, i: int) -> bool:
        t, parts = self.text(i), self.parts
        return bool(ANNEX_RE.match(t) or (parts.volumes and VOLUME_RE.match(t)) or (parts.chapters and CHAPTER_RE.match(t)))

    def starts_para(self, i: int) -> bool:
        m = NUM_RE.match(self.text(i))
        return bool(m) and self.drafts.kinds.starts_para(i, int(m.group(1)))

    def restart(self, i: int) -> float | None:
        return self.drafts._restart(i)


@dataclass
class _Report:
    """The report's own place, kept while a draft inside it is read."""

    part: str
    expected: int
    sections: SectionPath
    indented: bool
    head: Line
    draft: Draft
    text: list[Line] = field(default_factory=list)  # the text of a draft that numbers nothing
    text_at: int = 0  # where among the blocks that text goes, and under which headings
    text_section: tuple[str, ...] = ()
    label: str = ""  # the part a draft that numbers nothing is cited as (``chap. I, decision 56/101``)


class DraftSteps:
    """The segmenter's steps into and out of the drafts of a report (mixed into ``segment``'s
    walker, whose state it reads and sets: ``part``, ``expected``, ``sections``, ``blocks``)."""

    drafts: Drafts
    report: _Report | None = None
    draft_front: list[Line]
    draft_labels: set[str]  # the labels of drafts that number nothing, taken (set by the walker)

    def draft_title(self, l: Line) -> bool:
        """Line l is the first line of the title under the heading of a draft that numbers
        nothing (``56/101`` / ``National accounts``): it joins that heading on the section path
        (``56/101. National accounts``), so the section keeps the draft's number."""
        r = self.report
        return (r is not None and r.draft.number_dx is None and not r.text and self.last_heading is r.head
                and l is not r.head and bool(draft_label(r.head.text) or number_heading(r.head.text)))

    def draft_step(self, i: int, l: Line) -> bool:
        """Leave a draft that ends at line i, open one that starts there, or keep the line for the
        preamble of the one being read (or the text of one that numbers nothing). True if the
        line is taken."""
        r = self.report
        if r is not None and (i in self.drafts.heads or self.drafts.above(i, r.head)
                              or self.drafts.resumes(i, r.expected, r.draft, self.expected)):
            self.leave_draft()
            r = None
        if i in self.drafts.heads:
            self.enter_draft(l, self.drafts.heads[i])
            return True
        if (r is not None and r.draft.number_dx is not None and not self.numbered[self.part]
                and self.body_size(l) and not l.bold and not NUM_RE.match(l.text)):
            self.draft_front.append(l)  # the enacting formula and the preamble, before ``1.``
            return True
        if r is not None and r.draft.number_dx is None and self.body_size(l) and (r.text or not l.bold):
            self.plain_text(r, l)
            return True
        if self.draft_front:
            self.flush_preamble()
        return False

    def plain_text(self, r: _Report, l: Line) -> None:
        """A line of a draft that numbers nothing, its title read: its lettered items, the agenda
        it approves and that agenda's bold sub-heads (``Documentation``) are the draft's text."""
        if not r.text:
            r.text_at, r.text_section = len(self.blocks), self.sections.headings
        r.text.append(l)

    def flush_plain_text(self, r: _Report) -> None:
        """The text of a draft that numbers nothing: a part of its own, cited by the draft's label
        (``E/2025/24, chap. I, decision 56/101``) as one chunk of kind ``part``; a long one (a
        decision of several pages) is split where the page shows a new paragraph and cited by
        page within it (``decision 90/VII, p. 39, para. 2``), like any text cited by page."""
        if not r.text:
            return
        self.draft_labels.add(r.label)
        if sum(len(l.text) for l in r.text) <= LONG_DRAFT:
            one = _Block("part", part=r.label, first_line=r.text[0].page, last_line=r.text[-1].page,
                         lines=[l.text for l in r.text], refs=[x for l in r.text for x in l.refs])
            blocks = [one]
        else:
            blocks = [b for _, b in split_paragraphs(r.text, self.geo, r.label)]
        for b in blocks:
            b.section = r.text_section
        self.blocks[r.text_at:r.text_at] = blocks

    def numbers_paragraphs(self) -> bool:
        """Does a number here open a paragraph? Not inside a draft that numbers nothing of its own."""
        return self.report is None or self.report.draft.number_dx is not None

    def enter_draft(self, l: Line, draft: Draft) -> None:
        self.report = _Report(self.part, self.expected, self.sections, self.indented_numbers, l, draft)
        self.cur = None
        self.state = "text"
        label = f"{self.part}, {draft.label}" if self.part else draft.label
        if label in self.numbered or label in self.loose or label in self.boxes or label in self.draft_labels:
            label = f"{label} (p. {l.page})"  # a second lone ``Draft resolution``
        if draft.number_dx is None:
            self.report.label = label  # its text becomes that part when the draft ends (``flush_plain_text``)
            self.heading(l)  # the draft's heading and title: the section of its unnumbered text
            return
        self.part = label
        self.expected = 1
        self.sections = SectionPath()
        self.indented_numbers = True  # operative numbers at the first-line indent
        self.heading(l, part_label=True)

    def leave_draft(self) -> None:
        r = self.report
        if r is None:
            return
        if self.draft_front:
            self.flush_preamble()
        self.flush_plain_text(r)
        self.part, self.expected, self.sections, self.indented_numbers = r.part, r.expected, r.sections, r.indented
        self.report = None
        self.cur = None
        self.state = "text"

    def flush_preamble(self) -> None:
        """The draft's preambular paragraphs, numbered by position, the enacting formula opening
        the first; lines before the formula (or all, if there is none) are text cited by page."""
        lines, self.draft_front = self.draft_front, []
        before, blocks = preamble_blocks(lines, self.geo)
        if blocks:
            blocks[0].lines.insert(0, lines[len(before)].text)
        else:
            before = lines
        for l in before:
            self.loose.setdefault(self.part, []).append((len(self.blocks), l, self.sections.headings))
        for b in blocks:
            b.part, b.section = self.part, self.sections.headings
            self.blocks.append(b)
