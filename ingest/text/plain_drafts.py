"""Drafts and decisions that number nothing, in text input, cited as the PDF reader cites them.

A decision printed in a report in one paragraph or in lettered ones (``56/101`` / ``National
accounts`` / ``The Statistical Commission:`` / ``(a) ...``), a ``Decision 88/I`` ahead of a
volume's paragraphs, a ``Draft decision V`` approving an agenda, a draft introduced by the
report's paragraph before it (``... the following draft decision:``) is a part of its own, one
chunk of kind ``part`` cited by its label (``E/2025/24, chap. I, decision 56/101``), under its
number and title (``56/101. National accounts``); the numbers inside it (an agenda's items) are
not the report's paragraphs. Which lines open one is the walk the PDF reader uses
(``draft_heads``); plain text has no bold, so a title is told by the enacting formula under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .blocks import _Block
from .draft_heads import LONG_DRAFT, SECTION_RE
from .furniture import SYMBOL_RE
from .page_runs import PageRuns, split_run
from .part_heads import ALONE_RE, CHAPTER_RE, LEADERS_RE, LETTERED_ITEM_RE, VOLUME_RE, draft_label, number_heading
from .resolution import FORMULA_START_RE

_TERMINAL = (".", ":", ";", ",", "?", "!", ".”", ".\"")
_TITLE = 4  # lines a draft's title may take before its formula
_ENDED_RE = re.compile(r"[.:;,?!][”\"’)]*(?:\s*\d{1,3})?$")  # a sentence's end, a footnote's mark after it


def _heading_like(s: str) -> bool:
    return bool(s) and len(s) < 130 and not s.endswith(_TERMINAL) and (s[:1].isupper() or s[:1] in "“\"‘")


@dataclass(frozen=True)
class TextHeadReader:
    """What the shared walk (``draft_heads.find_heads``) asks of a text's lines."""

    lines: list[tuple[int, str]]
    number_at: Callable[[int], int]
    volumes: bool
    chapters: bool
    ends: Callable[[int], bool]  # a heading above a draft (``Restarts._ends_draft``)

    def text(self, i: int) -> str:
        return self.lines[i][1].strip()

    def contents(self, i: int) -> bool:
        return any(LEADERS_RE.search(raw) for _, raw in self.lines[i:i + 3])

    def heading(self, i: int) -> bool:
        return _heading_like(self.text(i)) and not self.contents(i)

    def next_text(self, i: int) -> str:
        return next((t for t in (self.text(j) for j in range(i + 1, min(len(self.lines), i + 4))) if t), "")

    def number_ok(self, i: int) -> bool:
        """A number heading stands after a sentence's end or a labelled heading (not where a
        sentence runs on to it: ``... General Assembly resolution`` / ``46/169. Staff ...``), with
        a title or text under it (not a table's next cell: a date, a figure)."""
        before = next((t for t in (self.text(j) for j in range(i - 1, max(-1, i - 4), -1))
                       if t and not SYMBOL_RE.fullmatch(t)), "")  # a header's other symbol is no text
        after = bool(_ENDED_RE.search(before)) or bool(SECTION_RE.match(before) or self.resets(i - 1) or draft_label(before))
        nxt = self.next_text(i)
        return after and not self.contents(i) and bool(nxt) and (nxt[:1].isupper() or nxt[:1] in "“\"‘")

    def title(self, i: int) -> bool:
        return self.title_length(i) > 0 and not self.contents(i)

    def title_length(self, i: int) -> int:
        """The lines from i that are a draft's title: short lines ending no sentence, then the
        body that acts (``The Economic and Social Council:``); 0 where no formula follows."""
        for k in range(_TITLE + 1):
            s = self.text(i + k) if i + k < len(self.lines) else ""
            if FORMULA_START_RE.match(s):
                return k  # 0: the text starts under the heading, with no title
            if not (_heading_like(s) or (k and _heading_like(s[:1].upper() + s[1:]))) or draft_label(s) \
                    or number_heading(s) or self.number_at(i + k):
                return 0  # a title's next line may run on in lower case
        return 0

    def resets(self, i: int) -> bool:
        s = self.text(i)
        return bool(ALONE_RE.match(s) or (self.volumes and VOLUME_RE.match(s)) or (self.chapters and CHAPTER_RE.match(s)))

    def starts_para(self, i: int) -> bool:
        return self.number_at(i) > 0

    def restart(self, i: int) -> float | None:
        """0.0 where the first number under the heading is ``1.`` before anything ends the draft
        (a lettered item first: an agenda's numbers), else None."""
        for j in range(i + 1, min(len(self.lines), i + 400)):
            s = self.text(j)
            if not s:
                continue
            if self.ends(j) or LETTERED_ITEM_RE.match(s):
                return None
            n = self.number_at(j)
            if n:
                return 0.0 if n == 1 else None
        return None


@dataclass
class _Plain:
    """A draft that numbers nothing, being read."""

    label: str
    part: str  # the report's part it stands in
    expected: int  # the report's next number: where it comes (not as the draft's list's next), the draft ends
    head: str  # its heading line: a label (``Decision 88/I``), a number (``56/101``) or its title's first line
    title: int  # title lines still to come
    title_lines: list[str] = field(default_factory=list)
    text: list[tuple[int, str]] = field(default_factory=list)
    last: int = 0  # the last number of a list inside it (an agenda's items)

    @property
    def section(self) -> str:
        """Its one section heading: the label or number and the title (``56/101. National accounts``)."""
        if not self.title_lines:
            return self.head
        labelled = (draft_label(self.head) or number_heading(self.head)) and not self.head.endswith(".")
        return f"{self.head}{'. ' if labelled else ' '}{' '.join(self.title_lines)}"


def open_plain(read: TextHeadReader, i: int, label: str, part: str, expected: int) -> _Plain:
    """The draft heading at line i opens a draft that numbers nothing. Its own heading is the
    title where the line before introduced it; else the label line, the title joined after it."""
    s = read.text(i)
    if not (draft_label(s) or number_heading(s)):
        return _Plain(label, part, expected, s, read.title_length(i) - 1)
    return _Plain(label, part, expected, s, read.title_length(i + 1))


def plain_line(p: _Plain, ln: int, s: str, number: int) -> None:
    """A line of a draft that numbers nothing: more of its title, or its text."""
    if p.title > 0:
        p.title -= 1
        p.title_lines.append(s)
        return
    if number == p.last + 1:
        p.last = number
    if not SYMBOL_RE.fullmatch(s):  # a joint document's other symbol, heading its pages
        p.text.append((ln, s))


def plain_ends(p: _Plain, number: int) -> bool:
    """The report's next number comes where the draft's own list does not go on to it."""
    return bool(number) and number == p.expected and number != p.last + 1


def plain_blocks(p: _Plain, runs: PageRuns) -> list[_Block]:
    """The draft's text, one ``part`` block cited by its label, or, past ``LONG_DRAFT``
    characters, page-cited paragraphs within the part (a lone short line joins the next)."""
    head = (p.section,)
    if not p.text:
        return [_Block("heading", lines=[p.section], part=p.part)]  # a heading after all: nothing is lost
    if sum(len(s) for _, s in p.text) <= LONG_DRAFT:
        return [_Block("part", part=p.label, lines=[s for _, s in p.text], first_line=p.text[0][0],
                       last_line=p.text[-1][0], heads=head)]
    groups: list[list[tuple[int, str]]] = []
    for g in split_run(p.text, runs.width):
        if groups and len(groups[-1]) == 1 and not groups[-1][0][1].endswith(_TERMINAL):
            groups[-1].extend(g)
        else:
            groups.append(list(g))
    return [_Block("paragraph", part=p.label, lines=[s for _, s in g], first_line=g[0][0], last_line=g[-1][0],
                   page=runs.page(g[0][0]), heads=head) for g in groups]
