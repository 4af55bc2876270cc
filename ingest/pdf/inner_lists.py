"""Lists numbered 1, 2, 3 where the paragraphs are numbered too: which number opens a paragraph.

An agenda's items are paragraphs (``next_list_item``); a list numbered afresh inside a paragraph
is not, even where its last item prints the number the next paragraph prints (``list_item_again``).
``LineKinds`` takes these questions in; they read its lines and ask its ``starts_para``.
"""

from __future__ import annotations

import re

from .geometry import ends_clause, ends_sentence

NUM_RE = re.compile(r"^(\d{1,3})\.(?:\s+(.*))?$")


class InnerLists:
    """Questions about numbered lists among numbered paragraphs (a mixin of ``LineKinds``)."""

    def list_number(self, i: int, number: int, expected: int, cur, part: str) -> int:
        """The number line i opens a paragraph under (``number``, from the sequence) once lists are
        heard: the next item of an agenda-like list is one (``next_list_item``); the last item of a
        list numbered afresh inside the open paragraph ``cur`` is none (``list_item_again``)."""
        if not number and cur is not None and (cur.number, cur.part) == (expected - 1, part) \
                and self.next_list_item(i, expected, cur.lines):
            return expected
        return 0 if number and self.list_item_again(i, number, cur, part) else number

    def next_list_item(self, i: int, expected: int, prev: list[str] | None) -> bool:
        """Line i is item ``expected`` of a numbered list whose item before it (``prev``, its lines)
        is a short line that is no sentence, like an agenda's (``3. Opening remarks by the Executive
        Director`` then a bold ``4. Policy issues`` and its lettered sub-items): the next item, not a
        bold sub-heading run into the item before, so ``annex I, para. 4`` cites agenda item 4."""
        l = self.lines[i]
        m = NUM_RE.match(l.text)
        if not m or expected < 2 or int(m.group(1)) != expected or not prev or not self.body_size(l):
            return False
        rest = (m.group(2) or "").strip()
        first = prev[0].strip()  # the item's own words, without its number
        left = self.geo.left[l.page]  # a page of sub-items measures its margin at their indent
        return (left - 45 <= l.x0 <= left + 6 and 2 <= len(rest) <= 120 and rest[:1].isupper() and not ends_clause(rest)
                and len(first) <= 120 and not ends_clause(first) and not ends_sentence(prev[-1]))

    def list_item_again(self, i: int, expected: int, cur, part: str, horizon: int = 600) -> bool:
        """Line i, printed ``expected.`` like the next paragraph, is the last item of a list numbered
        1, 2, ... inside the paragraph before (``2. ... take the following measures:`` then ``1.``,
        ``2.``, ``3.`` at the margin, then ``3. The Committee decided ...``): the open paragraph
        (``cur``, para. ``expected - 1`` of ``part``) ends with items 1 to ``expected - 1``, and after the list's further items
        ``expected`` opens a paragraph again. Then the paragraph is the later line; the item stays
        in its list."""
        m = NUM_RE.match(self.lines[i].text)
        if not m or expected < 2 or int(m.group(1)) != expected or cur is None or (cur.number, cur.part) != (expected - 1, part):
            return False
        items = [int(n.group(1)) for n in map(NUM_RE.match, cur.lines) if n]
        if items[-(expected - 1):] != list(range(1, expected)):
            return False
        return self._printed_again(i, expected, horizon)

    def _printed_again(self, i: int, expected: int, horizon: int) -> bool:
        """After line i and the list's further items (``expected + 1``, ``+ 2`` ...), the next number
        printed is ``expected`` again, opening a paragraph."""
        item = expected + 1
        for j in range(i + 1, min(len(self.lines), i + horizon)):
            m = NUM_RE.match(self.lines[j].text)
            if not m:
                continue
            if int(m.group(1)) == item:
                item += 1
                continue
            return self.starts_para(j, expected)
        return False
