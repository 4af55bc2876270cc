"""Unnumbered prose inside a numbered text, cited by page as the PDF reader cites it (issue 15).

A letter's annex, an enclosure, a report's annex of unnumbered text: after a part opens, its
prose numbers nothing. Read as headings it would vanish from the index (or be pasted into every
following paragraph's section); the PDF reader cites it by page (``A/79/722, annex, p. 3,
para. 2``). The text reader does the same: plain text has no indents or spacing to show where a
paragraph ends, so a paragraph ends after a line that ends a sentence well short of the text's
usual line length, and a short line that ends no sentence (``Background``) is a heading.
"""

from __future__ import annotations

import bisect
import re

from .blocks import _Block
from .part_titles import titles_only

_END = (".", "?", "!", ".”", ".\"", ":", ";", ".)")
_LABEL_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,3})\.(?:\s|$)")  # ``B. Title``: a heading's label
LONG_FRONT = 4000  # characters: prose over paragraph 1 longer than this is no summary but text
_MANY = 5  # lines: a heading block longer than this is text
_LOOK = 15  # lines a prose run may take to end its first sentence
# A line ending a sentence shorter than this share of the measure ends its paragraph, in a run with no
# blank line or indent (pdftotext's raw text): 0.8 left paragraphs ending at 81 of 86 characters
# joined (S/2025/200's annexes); 0.88 on the dev half (session 27), 0.92 gained little more.
_SHORT_END = 0.88


class PageRuns:
    """Where unnumbered prose starts and ends in a text's lines, and the page a line is on. Only
    a part that has numbered nothing yet (an annex, an enclosure) is read so: elsewhere prose
    runs on in the numbered paragraph before it."""

    def __init__(self, lines: list[tuple[int, str]], breaks: list[int]):
        self.lines = lines
        self.breaks = breaks
        lengths = sorted(len(raw.strip()) for _, raw in lines if len(raw.strip()) > 20)
        self.width = lengths[int(len(lengths) * 0.75)] if lengths else 80
        self.front_at: list[int] = []  # the line index of each line of the front matter

    def page(self, ln: int) -> int:
        return bisect.bisect_right(self.breaks, ln) + 1

    def _short(self, s: str) -> bool:
        return len(s) < 0.55 * self.width

    def starts(self, i: int) -> bool:
        """Line i opens prose: a sentence of four words or more on it, or lines from it that
        reach a sentence's end before a short line that ends none (a title's last line)."""
        s = self.lines[i][1].strip()
        if not (s[:1].isupper() or s[:1] in "“\"(") or _LABEL_RE.match(s):
            return False
        if s.endswith(_END):
            return len(s.split()) >= 4
        if len(s) < 0.8 * self.width:
            return False
        for _, raw in self.lines[i + 1:i + _LOOK]:
            t = raw.strip()
            if _LABEL_RE.match(t):
                return False  # a numbered paragraph or a heading's label comes first
            if t.endswith(_END):
                return True
            if t and self._short(t):
                return False
        return False

    def ends(self, prev: str, i: int) -> bool:
        """The page-cited paragraph whose last line is ``prev`` ends before line i: ``prev``
        ends a sentence short of the usual line length, or line i is a short heading."""
        s = self.lines[i][1].strip()
        if prev.rstrip().endswith(_END):
            return len(prev) < _SHORT_END * self.width or (self._short(s) and not s.endswith(_END))
        return False

    def block(self, i: int, part: str) -> _Block:
        ln, raw = self.lines[i]
        return _Block("paragraph", part=part, first_line=ln, last_line=ln, page=self.page(ln), lines=[raw.strip()])


def split_run(group: list[tuple[int, str]], width: int) -> list[list[tuple[int, str]]]:
    """A run of lines with no blank line or indent in it (a PDF-to-text extraction), split as
    ``PageRuns`` splits prose: after a line that ends a sentence short of ``width``, and
    around a short line that ends no sentence (a heading, kept alone)."""
    out: list[list[tuple[int, str]]] = []
    for ln, s in group:
        prev = out[-1][-1][1] if out and out[-1] else ""
        heading = len(s) < 0.55 * width and not s.endswith(_END)
        prev_heading = bool(prev) and len(prev) < 0.55 * width and not prev.endswith(_END)
        if not out or heading or prev_heading or (prev.endswith(_END) and len(prev) < _SHORT_END * width):
            out.append([])
        out[-1].append((ln, s))
    return out


def letter_text(runs: PageRuns, pre: _Block, blocks: list[_Block]) -> list[_Block]:
    """A letter's own text, cited by page (``S/2025/258, p. 1, para. 2``) as the PDF reader
    cites it, where the text numbers paragraphs only in its parts (the annex it transmits) or
    pages of prose come before its first number (a letter setting out options ``1.``, ``2.``):
    the prose leaves the front matter, which would have read it (and the letter's title) as the
    document's summary. A front with a ``Summary`` heading keeps it; so does a copy that starts in
    its summary's prose, with no masthead over it (A-69-207.txt). Prose under a masthead and a title
    with no ``Summary`` heading (a note transmitting a report) is cited by page, as the PDF reader
    cites it."""
    numbered = [b for b in blocks if b.kind == "paragraph" and b.page is None]
    if (not numbered or len(runs.front_at) < len(pre.lines)  # a heading taken off its end: fewer lines
            or any(t.strip().lower() == "summary" for t in pre.lines)):
        return []  # a report's own summary stays one
    if any(not b.part for b in numbered) and sum(len(t) for t in pre.lines) < LONG_FRONT and not any(
            t.strip().lower().startswith("distr") for t in pre.lines):
        return []  # the prose over paragraph 1 of a copy that starts in its summary (no masthead): a summary
    out: list[_Block] = []
    cur: _Block | None = None
    for i, s in zip(runs.front_at, pre.lines):
        if cur is not None and not runs.ends(cur.lines[-1], i):
            cur.lines.append(s)
            cur.last_line = runs.lines[i][0]
        elif runs.starts(i):
            cur = runs.block(i, "")
            out.append(cur)
        else:
            cur = None
    if out:
        pre.lines = []  # what is left is the masthead and the letter's title: no summary
    return out


def unfold_headings(blocks: list[_Block], runs: PageRuns, split=None) -> list[_Block]:
    """A "heading" of many lines is text the walk found no paragraph for (a list of participants,
    a table without a ``Table N`` caption, a box): its first short lines stay the heading, the
    rest is text cited by page, as the PDF reader cites it; it is no longer pasted into the
    section of every paragraph after it. ``split(lines, first_line, runs, part)`` parts that text
    (its own headings too)
    into paragraphs (``unnumbered_breaks.unfolded_paragraphs``); without it, or where it gives
    nothing, it is one paragraph. A part's label over its titles (``part_titles.titles_only``) stays
    a heading however many lines its titles wrap to."""
    out: list[_Block] = []
    for b in blocks:
        if (b.kind != "heading" or b.section is not None or len(b.lines) <= _MANY or sum(map(len, b.lines)) <= 300
                or titles_only(b.lines)):
            out.append(b)
            continue
        k = 0
        while k < min(3, len(b.lines)) and runs._short(b.lines[k]) and not b.lines[k].endswith(_END):
            k += 1
        parted = split(b.lines, b.first_line, runs, b.part) if split else []
        if parted:
            out.extend(parted)
            continue
        if k:
            out.append(_Block("heading", lines=b.lines[:k], part=b.part, first_line=b.first_line))
        out.append(_Block("paragraph", part=b.part, first_line=b.first_line, last_line=b.first_line,
                          page=runs.page(b.first_line), lines=b.lines[k:]))
    return out


def number_by_page(blocks: list[_Block]) -> None:
    """Number the page-cited paragraphs by their place on the page they start on, in each part."""
    seen: dict[tuple[str, int], int] = {}
    for b in blocks:
        if b.kind == "paragraph" and b.page is not None:
            key = (b.part, b.page)
            seen[key] = seen.get(key, 0) + 1
            b.number = seen[key]
