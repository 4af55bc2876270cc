"""Numbered headings that are a part's paragraph numbers: ``1. Historical background`` and its prose.

Some parts of a UN document number nothing but a run of headings, each over a little prose: an
explanatory memorandum annexed to a request for an agenda item prints ``1. Historical
background``, ``2. Charter`` ... ``14. Conclusion`` in bold, and a reader cites the prose under
``5. Afreximbank member States`` as ``A/80/143, annex I, para. 5``. Read as section headings, that
prose would be cited by page.

The rule, per part (the body, or one annex or enclosure), from what the first reading found:

- the part numbers no paragraphs of its own (in a part that does, numbered headings are its
  sub-headings);
- its numbered headings are set in the body's type size (a larger numbered title, like each
  NGO's report in a compilation, heads a section of its own) and none is numbered by decimals
  (``1.1``: an outline of sections, not a list of paragraphs);
- they read ``1``, ``2`` ... ``N`` in order, with no restart or repeat (``1..5`` then ``1..8``:
  headings of sub-lists), and N is at least ``MIN_ITEMS``;
- the text under a typical heading is paragraph-sized (median at most ``MAX_MEDIAN_CHARS``):
  headings over pages of text head sections.

Then each of those headings opens paragraph N, whose text is the heading's words and the prose
up to the next one (``segment`` reads the part again with them as paragraph starts).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .layout import Line
from .line_kinds import NUM_RE

MIN_ITEMS = 3
MAX_MEDIAN_CHARS = 1500


@dataclass(frozen=True)
class NumberedHeading:
    """A line read as a numbered heading: its part, line index and printed number (0 for a
    decimal-numbered one, ``1.1``), and whether it is set in the body's type size."""

    part: str
    line: int
    number: int
    body_type: bool


def heading_items(heads: list[NumberedHeading], numbered_parts: set[str], part_of: list[str],
                  line_chars: list[int]) -> dict[int, int]:
    """The lines that open paragraphs under the rule above, with their numbers.

    Args:
        heads: the numbered headings of the first reading, in line order.
        numbered_parts: the parts in which the first reading found numbered paragraphs.
        part_of: the part each line belongs to, by line index.
        line_chars: the length of each line's text, by line index.
    """
    by_part: dict[str, list[NumberedHeading]] = {}
    for h in heads:
        by_part.setdefault(h.part, []).append(h)
    out: dict[int, int] = {}
    for part, hs in by_part.items():
        if part in numbered_parts or not all(h.body_type and h.number for h in hs):
            continue
        if [h.number for h in hs] != list(range(1, len(hs) + 1)) or len(hs) < MIN_ITEMS:
            continue
        if statistics.median(_item_sizes(hs, part, part_of, line_chars)) > MAX_MEDIAN_CHARS:
            continue
        out.update({h.line: h.number for h in hs})
    return out


def _item_sizes(hs: list[NumberedHeading], part: str, part_of: list[str], line_chars: list[int]) -> list[int]:
    """Characters from each heading up to the next one (the last: up to the end of its part)."""
    ends = [h.line for h in hs[1:]]
    last = hs[-1].line
    while last + 1 < len(part_of) and part_of[last + 1] == part:
        last += 1
    ends.append(last + 1)
    return [sum(line_chars[h.line:end]) for h, end in zip(hs, ends)]


_DECIMAL_RE = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")  # ``1.1 Implementation of ...``: an outline's sub-section


class ItemSteps:
    """The segmenter's steps for numbered items (mixed into ``segment``'s walker, whose ``part``,
    ``cur``, ``at`` (the line being read) and ``heads`` it reads and sets). The first reading
    notes the numbered headings; the second gets ``items`` and ``item_parts`` and reads them."""

    items: dict[int, int] = {}  # line -> number: numbered headings read as paragraphs (never mutated)
    item_parts: frozenset[str] | set[str] = frozenset()  # the parts they number
    item = None  # the open item (a ``_Block``): its sub-headings and prose are its text
    heads: list[NumberedHeading]
    at: int = 0

    def item_part(self) -> bool:
        """Does the current part number its paragraphs by its numbered headings?"""
        return bool(self.items) and self.part in self.item_parts

    def into_item(self, l: Line) -> bool:
        """Line l joins the open item, if there is one."""
        if self.item is None:
            return False
        self.cur = self.item
        self.add_to_cur(l)
        return True

    def note_numbered_heading(self, l: Line) -> None:
        """Keep a numbered (or decimal-numbered) heading line for ``heading_items``."""
        m = NUM_RE.match(l.text)
        if (m and m.group(2)) or _DECIMAL_RE.match(l.text):
            self.heads.append(NumberedHeading(self.part, self.at, int(m.group(1)) if m and m.group(2) else 0,
                                              self.body_size(l)))
