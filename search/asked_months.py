"""A figure asked for one month is not answered by a sentence about other months.

"How many children ... were admitted in *October* 2024?" is not answered by "In *November and December* 2024, a total of
92,790 children ... were admitted": the number is of the asked kind, on the asked subject, in a paragraph that says the
asked year, but of another period. A question naming a month (or a span of months) is answered only by a sentence that
names no month at all (the paragraph's period is then left to the other rules) or names one inside the asked span
("from January to November 2024" holds October; "between April 2024 and March 2025" holds October 2024). Years are
compared only when both sides give one ("October" asked holds "October 2023"). A month that dates the source ("according
to the *November 1997* report", "its *June* session") is not the period asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .question_frames import fact_time_text
from .terms import MONTHS

_ORDER = {m: i for i, m in enumerate("January February March April May June July August September October November "
                                      "December".split())}
_MONTH = r"(?:" + "|".join(sorted(MONTHS)) + r")"
#: "October 2024", "31 January 2025", "November": a month, its year if given right after it.
_MENTION = re.compile(r"\b(" + _MONTH + r")\b(?:,?\s+((?:19|20)\d{2})\b)?")
#: "from January to November 2024", "between April 2024 and March 2025", "January–June": one span.
_SPAN = re.compile(r"\b(" + _MONTH + r")(?:\s+((?:19|20)\d{2}))?\s*(?:to|until|through|and|[-–—])\s*(?:\d{1,2}\s+)?"
                   r"(" + _MONTH + r")(?:,?\s+((?:19|20)\d{2}))?\b")


@dataclass(frozen=True)
class Period:
    """A month or a span of months, each end with its year when the text gives one."""
    first: tuple[int | None, int]
    last: tuple[int | None, int]

    def meets(self, other: Period) -> bool:
        """True if the two periods share a month (years compared only where both give one)."""
        if None in (self.first[0], self.last[0], other.first[0], other.last[0]):
            return _months_meet(self, other)
        return _key(self.first) <= _key(other.last) and _key(other.first) <= _key(self.last)


def _key(end: tuple[int | None, int]) -> int:
    return (end[0] or 0) * 12 + end[1]


def _months_meet(a: Period, b: Period) -> bool:
    """Without years: whether the months, read round the calendar, overlap."""
    def months(p: Period) -> set[int]:
        first, last = p.first[1], p.last[1]
        return set(range(first, last + 1)) if first <= last else set(range(first, 12)) | set(range(0, last + 1))
    return bool(months(a) & months(b))


def periods(text: str) -> list[Period]:
    """The months and spans of months ``text`` names; a span's first end takes the last end's year if it has none."""
    found, taken = [], []
    for m in _SPAN.finditer(text):
        y1, y2 = m.group(2), m.group(4)
        first = (int(y1) if y1 else int(y2) if y2 else None, _ORDER[m.group(1)])
        last = (int(y2) if y2 else first[0], _ORDER[m.group(3)])
        if first[0] is not None and last[0] is not None and _key(last) < _key(first) and not y1:
            first = (first[0] - 1, first[1])  # "December to February 2025": December 2024
        found.append(Period(first, last))
        taken.append((m.start(), m.end()))
    for m in _MENTION.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        end = (int(m.group(2)) if m.group(2) else None, _ORDER[m.group(1)])
        found.append(Period(end, end))
    return found


def another_period(question: str, sentence: str, before: str = "", paragraph: str = "") -> bool:
    """True if ``question`` names a month and the fact's ``sentence`` names months, none of them within the asked one:
    the figure is of another period. A sentence naming no month takes the months of the one ``before`` it ("In
    October, ... . A total of 500 ..."); one that names its own is not rescued by them ("From January to November
    2024, ... . In November and December 2024, a total of 92,790 ..."). When neither names a month, the ``paragraph``'s
    first sentence dates what the paragraph goes on to break down ("... 418 incidents recorded *from October to December
    2024* ... . Other challenges included movement restrictions (18 incidents) ..."); the caller passes it for figures
    only (a paragraph recalling a July meeting does not date the April briefing a name is asked of)."""
    asked = periods(fact_time_text(question))
    if not asked:
        return False
    said = periods(sentence) or periods(before) or periods(_first_sentence(paragraph))
    return bool(said) and not any(a.meets(s) for a in asked for s in said)


def _first_sentence(paragraph: str) -> str:
    """A paragraph's first sentence (to its first full stop followed by a capital)."""
    m = re.search(r"[.;]\s+(?=[A-Z(])", paragraph)
    return paragraph[:m.start()] if m else paragraph
