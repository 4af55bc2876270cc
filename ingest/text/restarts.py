"""Where a text's paragraph numbering starts again: volumes, chapters and drafts (issue 15).

Plain text has no bold or font size, so the text reader tells these headings by the numbering
around them, under the same rules and labels as the PDF reader (``ingest.pdf.parts``,
``ingest.pdf.drafts``; patterns shared in ``part_heads``):

- ``Part Two`` and ``Chapter VIII`` alone on a line open parts only where the numbering starts
  again at ``1.`` under one of them after numbered paragraphs (``part two``, ``chap. VIII``,
  ``part two, chap. I``); in most reports they run on and open nothing. An annex inside a volume
  is cited with it (``part two, annex``); a label that comes again takes its page
  (``annex I (p. 31)``).
- A draft's heading (``Draft resolution I``) after the report's numbered paragraphs opens a part
  where the numbering starts again at ``1.`` under it before anything ends it
  (``draft resolution I, para. 3``). Its title is a heading, its enacting formula and preamble
  ``preamble`` blocks numbered by position. It ends at the next draft, at a heading above it
  (a chapter, volume, annex, ``B. Draft decisions ...``) or where the report's next number comes
  (one the draft does not expect next).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

from .blocks import _Block
from .draft_heads import find_heads
from .page_runs import PageRuns
from .part_heads import ALONE_RE, CHAPTER_RE, LEADERS_RE, VOLUME_RE, chapter_label, draft_label, volume_label
from .plain_drafts import TextHeadReader, _Plain, open_plain, plain_blocks, plain_ends, plain_line
from .resolution import formula_index, split_preamble

_ABOVE_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.\s+[A-Z“\"]")  # ``B. Draft decisions for adoption ...``
_LOOK = 400  # lines a draft's ``1.`` may stand below its heading


@dataclass
class _Report:
    """The report's own part and next number, kept while a draft inside it is read."""

    part: str
    expected: int
    label: str = ""  # the draft's part
    front: list[str] = field(default_factory=list)  # the draft's lines before its ``1.``
    numbered: bool = False


class Restarts:
    """The parts of a text that number afresh, found while ``paragraphs._segment`` walks it.

    ``number_at(i)`` is the number of a paragraph start at line i (0 if none)."""

    def __init__(self, lines: list[tuple[int, str]], number_at: Callable[[int], int], breaks: list[int]):
        self.lines = lines
        self.number_at = number_at
        self.breaks = breaks
        self.volumes = self._restarts(VOLUME_RE, None)
        self.chapters = self._restarts(CHAPTER_RE, VOLUME_RE if self.volumes else None)
        self.volume = ""
        self.used: set[str] = set()
        self.report: _Report | None = None
        self.plain: _Plain | None = None  # a draft that numbers nothing, being read
        self.heads: dict[int, tuple[str, float | None]] = {}
        self.reader = TextHeadReader(lines, number_at, self.volumes, self.chapters, self._ends_draft)
        self.heads = find_heads(len(lines), self.reader)  # as the PDF reader finds them (``draft_heads``)

    def _text(self, i: int) -> str:
        return self.lines[i][1].strip()

    def _contents(self, i: int) -> bool:
        """Line i is a contents entry: dot leaders on it or on one of the two after it."""
        return any(LEADERS_RE.search(raw) for _, raw in self.lines[i:i + 3])

    def _heading(self, i: int, pattern: re.Pattern) -> bool:
        """Line i matches alone, and is no contents entry."""
        return bool(pattern.match(self._text(i))) and not self._contents(i)

    def _first_numbers(self, i: int, k: int = 2) -> list[int]:
        out = []
        for j in range(i + 1, len(self.lines)):
            n = self.number_at(j)
            if n:
                out.append(n)
                if len(out) == k:
                    break
        return out

    def _restarts(self, heading: re.Pattern, reset: re.Pattern | None) -> bool:
        """Does a heading of this kind start the numbering again at ``1.`` (then ``2.``, or a
        next part's ``1.``: not a sub-section's label ``1. General``, then ``16.``) after
        numbered paragraphs (since the last ``reset`` heading, a volume for chapters)?"""
        seen = False
        for i in range(len(self.lines)):
            if reset is not None and self._heading(i, reset):
                seen = False
            elif self._heading(i, heading):
                first = self._first_numbers(i)
                if seen and first[:1] == [1] and (len(first) == 1 or first[1] in (1, 2)):
                    return True
            elif not seen:
                seen = self.number_at(i) > 0
        return False

    def first_number(self, i: int) -> int:
        """The number of the first paragraph start after line i (0 if none)."""
        return (self._first_numbers(i, 1) or [0])[0]

    def printed_before(self, i: int, expected: int, n: int, blocks: list[_Block]) -> bool:
        """A scan's text may give a page's paragraphs out of order (``3.``, ``2.``, ``1.``, then
        ``4.`` on the next page): ``n`` goes on the sequence when every number from ``expected``
        to ``n - 1`` stood as a paragraph start just before the last paragraph read (after the
        one before it), and ``n + 1`` comes after line i."""
        if not 1 < expected < n:
            return False
        starts = [b.first_line for b in blocks if b.kind == "paragraph" and b.page is None][-2:]
        if not starts:
            return False
        low, high = (starts[0] if len(starts) == 2 else -1), starts[-1]
        before = {self.number_at(j) for j in range(max(0, i - _LOOK), i) if low < self.lines[j][0] < high}
        if not all(k in before for k in range(expected, n)):
            return False
        return any(self.number_at(j) == n + 1 for j in range(i + 1, min(len(self.lines), i + _LOOK)))

    def list_item(self, i: int, n: int, blocks: list[_Block]) -> bool:
        """Line i's ``n.`` goes on a numbered list inside the report's paragraph ``n - 1`` (an
        agenda it sets out: ``1.``, ``2.``, then ``3. Demographic statistics``) where the
        report's own ``n.`` comes after the list: the line before numbered ``n - 1`` is not the
        paragraph's start, and the numbers run on from ``n`` and then go back to ``n``."""
        prev = next((j for j in range(i - 1, max(-1, i - _LOOK), -1) if self.number_at(j)), None)
        if prev is None or self.number_at(prev) != n - 1:
            return False
        start = next((b.first_line for b in reversed(blocks) if b.kind == "paragraph"), None)
        if start == self.lines[prev][0]:
            return False
        last = n
        for j in range(i + 1, min(len(self.lines), i + _LOOK)):
            k = self.number_at(j)
            if k == last + 1:
                last = k
            elif k:
                return k == n  # the list ends on ``n`` (1., 2., 3., then para. 3) or runs past it
        return False

    def unique(self, label: str, i: int) -> str:
        """The label, with the page it opens on if it came before (``annex I (p. 31)``)."""
        if label in self.used:
            label = f"{label} (p. {bisect.bisect_right(self.breaks, self.lines[i][0]) + 1})"
        self.used.add(label)
        return label

    def opens(self, i: int) -> str:
        """The label of the volume or chapter that line i opens, or ``""``."""
        s = self._text(i)
        if self.volumes and self._heading(i, VOLUME_RE):
            self.volume = volume_label(s)
            return self.unique(self.volume, i)
        if self.chapters and self._heading(i, CHAPTER_RE):
            return self.unique(chapter_label(s, self.volume), i)
        return ""

    def in_volume(self, label: str) -> str:
        """An annex's label inside a volume (``part two, annex``)."""
        return f"{self.volume}, {label}" if self.volume and label else label

    def _ends_draft(self, i: int) -> bool:
        s = self._text(i)
        return bool(i in self.heads or draft_label(s) or CHAPTER_RE.match(s) or VOLUME_RE.match(s) or ALONE_RE.match(s)
                    or (_ABOVE_RE.match(s) and len(s) < 130 and not s.endswith((".", ";", ","))))

    def draft(self, i: int, part: str, expected: int) -> str:
        """The part a draft heading at line i opens where the numbering starts again at ``1.``
        under it (the report's part and next number kept), or ``""``: no draft heading, one
        before the report's numbered paragraphs, or one that numbers nothing (``plain_step``)."""
        head = self.heads.get(i)
        if head is None or head[1] is None or expected == 1 or self._contents(i):
            return ""
        self.report = _Report(part, expected, self.unique(f"{part}, {head[0]}" if part else head[0], i))
        return self.report.label

    def plain_step(self, i: int, part: str, expected: int, blocks: list[_Block], runs: PageRuns) -> bool:
        """End the draft that numbers nothing being read where line i ends it (its blocks go on
        ``blocks``), open one that line i heads, or keep line i as its title or text. True if
        the line is taken."""
        p = self.plain
        if p is not None and (i in self.heads or self._ends_draft(i) or plain_ends(p, self.number_at(i))):
            blocks.extend(plain_blocks(p, runs))
            self.plain = p = None
        if p is None:
            head = self.heads.get(i)
            if head is None or head[1] is not None:
                return False
            label = self.unique(f"{part}, {head[0]}" if part else head[0], i)
            self.plain = open_plain(self.reader, i, label, part, expected)
            return True
        plain_line(p, self.lines[i][0], self._text(i), self.number_at(i))
        return True

    def finish(self, blocks: list[_Block], runs: PageRuns) -> None:
        """The text ends inside a draft that numbers nothing: its blocks."""
        if self.plain is not None:
            blocks.extend(plain_blocks(self.plain, runs))
            self.plain = None

    def leaves(self, i: int, draft_expected: int) -> tuple[_Report, list[_Block]] | None:
        """The report's place, and the draft's front not yet given out, if line i ends the draft
        being read: a heading above it, or the report's next number where the draft does not
        expect it."""
        r = self.report
        if r is None:
            return None
        number = self.number_at(i)
        if self._ends_draft(i) or (number and number == r.expected and number != draft_expected):
            blocks = self.front_blocks()
            self.report = None
            return r, blocks
        return None

    def keep_front(self, s: str) -> bool:
        """Keep a line of the draft before its ``1.`` (title, formula, preamble)."""
        r = self.report
        if r is None or r.numbered:
            return False
        r.front.append(s)
        return True

    def front_blocks(self) -> list[_Block]:
        """The draft's title as a heading and its preamble, the formula opening it, as
        ``preamble`` blocks; called at the draft's ``1.`` or where it ends."""
        r = self.report
        if r is None or r.numbered or not r.front:
            if r is not None:
                r.numbered = True
            return []
        lines, r.front, r.numbered, part = r.front, [], True, r.label
        k = formula_index(lines)
        if k is None:
            return [_Block("heading", lines=lines, part=part)]
        out = [_Block("heading", lines=lines[:k], part=part)] if k else []
        pre = split_preamble(lines[k + 1:])
        if pre:
            pre[0].insert(0, lines[k])
        return out + [_Block("preamble", number=n, lines=ls, part=part) for n, ls in enumerate(pre, 1)]
