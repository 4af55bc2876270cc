"""What a line of a UN PDF page is, judged from its layout: a paragraph start, a heading, a box.

Read-only questions about the lines and the page geometry; ``segment`` asks them as it walks the
lines and keeps the state (open paragraph, section path, expected number) itself.
"""

from __future__ import annotations

import re

from .geometry import Geometry, ends_clause, ends_sentence
from .inner_lists import NUM_RE, InnerLists
from .layout import Line
from ..text.list_items import BULLET_RE
from ..text.fragments import FIELD_RE

#: A paragraph number printed without its full stop ("44 With that adjustment ..."): see ``unstopped``.
UNSTOPPED_RE = re.compile(r"^(\d{1,3})\s+([A-Z“(].*)$")
_DOUBLE_LABEL_RE = re.compile(r"^\d{1,3}\.\s")
_HEAD_LABEL_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\s?[.•]\s")  # ``II.``, ``A.``, ``1.`` (``B •`` as scanned)


class LineKinds(InnerLists):
    """Questions about line i of a document, given its measured geometry."""

    def __init__(self, lines: tuple[Line, ...], geo: Geometry):
        self.lines = lines
        self.geo = geo
        self.indented_numbers = False  # a resolution sets its operative numbers at the first-line indent

    def body_size(self, l: Line) -> bool:
        return abs(l.size - self.geo.body) <= 0.6

    def gap_before(self, i: int) -> float | None:
        if i == 0 or self.lines[i - 1].page != self.lines[i].page:
            return None
        return self.lines[i].top - self.lines[i - 1].top

    def gap_after(self, i: int) -> float | None:
        return self.gap_before(i + 1) if i + 1 < len(self.lines) else None

    def big(self, gap: float | None) -> bool:
        return gap is None or gap > 1.35 * self.geo.leading or gap < -0.5 * self.geo.leading

    def at_margin(self, l: Line) -> bool:
        return abs(l.x0 - self.geo.left[l.page]) <= 6

    def speck(self, l: Line) -> bool:
        """A scan's speck read as text: under five letters (``a``, ``I``, ``J``, in 15 to 50 points)
        standing wholly in the page's margin, outside the text column (A/47/466, p. 11)."""
        letters = sum(ch.isalpha() for ch in l.text)
        return letters < 5 and (l.x1 < self.geo.left[l.page] - 12 or l.x0 > self.geo.right[l.page] + 12)

    def starts_para(self, i: int, expected: int, capital: bool = True) -> bool:
        """Line i opens paragraph ``expected``: its number at the margin (or in the document's
        column of hanging numbers), in body type; unless not ``capital``, its text opens with a
        capital letter."""
        l = self.lines[i]
        m = NUM_RE.match(l.text)
        if not m or int(m.group(1)) != expected or not self.body_size(l):
            return False
        left = self.geo.left[l.page]
        second = self.geo.second_columns.get(l.page)
        if not (left - 45 <= l.x0 <= left + (40 if self.indented_numbers else 6)
                or any(abs(l.x0 - x) <= 3 for x in self.geo.number_columns)
                or second is not None and abs(l.x0 - second) <= 6):
            return False
        rest = (m.group(2) or "").strip()
        if capital and rest and not (rest[:1].isupper() or rest[:1] in "“\"‘([" or rest[:1].isdigit()):
            return False
        if _DOUBLE_LABEL_RE.match(rest):
            return False  # ``1. 404. Working Group on ...``: a calendar's running number over its own, a list's entry
        if not rest:
            nxt = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
            if not nxt[:1].isupper():
                return False
        if l.bold and not ends_clause(l.text):
            nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
            runs_on = nxt is not None and nxt.bold and not self.big(self.gap_before(i + 1)) and nxt.page == l.page
            if not runs_on:
                return False  # a bold numbered sub-heading, not a paragraph
        return True

    def unstopped(self, i: int, expected: int, horizon: int = 600) -> bool:
        """Line i opens paragraph ``expected`` printed without the full stop after its number ("44 With
        that adjustment ..." between 43. and 45.): at the margin, in body type, after a line that ends a
        sentence, and the sequence resumes right after it."""
        l = self.lines[i]
        m = UNSTOPPED_RE.match(l.text)
        if not m or expected < 2 or int(m.group(1)) != expected or not self.body_size(l) or not self.at_margin(l):
            return False
        if i == 0 or not ends_sentence(self.lines[i - 1].text):
            return False
        return self._resumes(i, expected, horizon)

    def _resumes(self, i: int, expected: int, horizon: int) -> bool:
        """After line i, ``expected + 1`` opens a paragraph before any ``expected`` does."""
        for j in range(i + 1, min(len(self.lines), i + horizon)):
            if NUM_RE.match(self.lines[j].text):
                if self.starts_para(j, expected):
                    return False
                if self.starts_para(j, expected + 1):
                    return True
        return False

    def misprinted(self, i: int, expected: int, horizon: int = 600) -> bool:
        """Line i opens paragraph ``expected`` under a misprinted number (``25.`` between 124 and
        126, issue 15): it is shaped as a paragraph start, and the sequence resumes right after
        it (``expected + 1`` comes before any ``expected``)."""
        m = NUM_RE.match(self.lines[i].text)
        if not m or int(m.group(1)) == expected or not self.starts_para(i, int(m.group(1))):
            return False
        return self._resumes(i, expected, horizon)

    def resync(self, i: int, expected: int, after_heading: bool, horizon: int = 600) -> int:
        """The number line i opens a paragraph under where the printed sequence breaks without a
        misprint: a number skipped in print (``43.`` then ``45.``: para. 45, as printed) or the
        expected number over text that opens in lower case (``81. facilitate ...``). Either holds
        only if ``expected`` is not printed as a paragraph start further on and the sequence goes
        on from this number (or, for a skip, the line follows a heading). 0 if it is not one."""
        m = NUM_RE.match(self.lines[i].text)
        if not m or expected <= 1:
            return 0
        n = int(m.group(1))
        if n == expected:
            if not self.starts_para(i, n, capital=False):
                return 0
        elif not (expected < n <= expected + 2 and self.starts_para(i, n)):
            return 0
        goes_on = False
        for j in range(i + 1, min(len(self.lines), i + horizon)):
            if NUM_RE.match(self.lines[j].text):
                if self.starts_para(j, expected):
                    return 0
                goes_on = goes_on or self.starts_para(j, n + 1)
        return n if goes_on or (n > expected and after_heading) else 0

    def heading_like(self, i: int) -> bool:
        """A short line (or a run of up to five bold, italic or large lines) that is not a
        sentence and stands apart from what follows."""
        l = self.lines[i]
        if BULLET_RE.match(l.text):
            return False
        if not (l.bold or l.italic) and FIELD_RE.match(l.text) and i + 1 < len(self.lines) \
                and FIELD_RE.match(self.lines[i + 1].text):
            return False  # ``Chair: Ms. ...`` over ``Acting Secretary: ...``: entries of a list, no heading
        styled = l.bold or l.italic or l.size > self.geo.body + 0.6
        run = [l]
        if styled:
            for k in range(i + 1, min(len(self.lines), i + 5)):
                n = self.lines[k]
                if (n.page != l.page or self.big(self.gap_before(k)) or (n.bold, n.italic) != (l.bold, l.italic)
                        or abs(n.size - l.size) > 0.3 or NUM_RE.match(n.text)):
                    break
                run.append(n)
        last = run[-1]
        if ends_clause(last.text) or last.text.endswith("-") or len(l.text) < 2:
            return False
        full = l.x1 > self.geo.right[l.page] - 0.1 * self.geo.width(l.page)
        if not styled and full:
            return False  # a full line of body type is prose
        if self.runs_on(i) and (full or not styled):
            return False  # the sentence the line above began goes on (in italics: a title it quotes)
        k = i + len(run)
        nxt = self.lines[k] if k < len(self.lines) else None
        if nxt is None or styled:
            return True
        return self.big(self.gap_after(k - 1)) or bool(NUM_RE.match(nxt.text))

    def runs_on(self, i: int) -> bool:
        """Line i goes on with the plain body line just above it, which ends no clause."""
        if i == 0:
            return False
        p = self.lines[i - 1]
        return (p.page == self.lines[i].page and not self.big(self.gap_before(i)) and not (p.bold or p.italic)
                and self.body_size(p) and not ends_clause(p.text))

    def boxed(self, i: int) -> bool:
        """Indented on both sides, with the lines around it: a box, not the running text."""
        l = self.lines[i]
        left, right = self.geo.left[l.page], self.geo.right[l.page]
        run = [l]
        for k in range(i + 1, min(len(self.lines), i + 4)):
            n = self.lines[k]
            if n.page != l.page or self.big(self.gap_before(k)):
                break
            run.append(n)
        return len(run) >= 2 and all(n.x0 >= left + 12 for n in run) and max(n.x1 for n in run) <= right - 12

    def caption(self, l: Line) -> bool:
        """``Table 2`` or ``Table 2. Title`` on a line of its own, not ``Table 2 provides ...`` in a sentence."""
        rest = re.sub(r"^\s*Table\s+\d{1,2}", "", l.text)
        if l.text.rstrip().endswith("."):
            return False
        return not rest.strip() or l.bold or rest.lstrip()[:1] in ".:–—-"

    def bold_prose(self, i: int) -> bool:
        """A run of bold lines that reads as sentences (a quoted recommendation), not a heading."""
        run = [self.lines[i]]
        for k in range(i + 1, len(self.lines)):
            n = self.lines[k]
            if not n.bold or n.page != run[-1].page or self.big(self.gap_before(k)):
                break
            run.append(n)
        text = " ".join(n.text for n in run)
        return ends_sentence(text) and (len(run) > 1 or len(text) > 100)

    def boxed_after(self, i: int) -> bool:
        return i + 1 < len(self.lines) and self.boxed(i + 1)

    def at_margin_or_left(self, l: Line) -> bool:
        return l.x0 <= self.geo.left[l.page] + 6

    def centred(self, l: Line) -> bool:
        """Set in the middle of the text column, short of both edges (within a twentieth of its width)."""
        left, right = self.geo.left[l.page], self.geo.right[l.page]
        return l.x0 > left + 6 and abs((l.x0 - left) - (right - l.x1)) <= 0.05 * (right - left)

    def centred_label_heading(self, i: int) -> bool:
        """A bold or large line centred on the column that opens with a heading's label (``II.
        Outcome of discussions``, ``A. Session on ...``): how some reports set every heading, which
        stand too far from the margin to read as headings by their indent (ICCD/COP(8)/CST/8)."""
        l = self.lines[i]
        return ((l.bold or l.size > self.geo.body + 0.6) and self.centred(l)
                and bool(_HEAD_LABEL_RE.match(l.text)) and self.heading_like(i))

    def centred_heading(self, l: Line) -> bool:
        """A plain line centred on the text column that carries a heading's label or is set in
        capitals (``II. POLITICAL CONTEXT``, ``A. Haitian National Police``): how older reports,
        typed without bold, set their headings (issue 15). Centred within a twentieth of the column:
        a typed page's right edge is ragged."""
        left, right = self.geo.left[l.page], self.geo.right[l.page]
        return (self.body_size(l) and l.x0 > left + 40 and abs((l.x0 - left) - (right - l.x1)) <= 0.05 * (right - left)
                and (bool(_HEAD_LABEL_RE.match(l.text)) or (l.text.isupper() and len(l.text.split()) >= 2)))
