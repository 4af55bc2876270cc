"""Whether one sentence restates another, for an explanatory answer that quotes up to three sentences.

A letter and its annexes, or a report and its summary, can say the same thing in nearly the same words;
the three best sentences of a question were then one sentence three times, each figure and date given
again (twenty-sixth session: a letter of 10 May 2023 quoted from the letter and from both its annexes).
A sentence restates an earlier one when almost every distinct word of the shorter of the two is in the
other. Only long sentences are compared: a short one is easily contained in a long one that says more.
Pure functions.
"""

from __future__ import annotations

import re

#: The least share of the shorter sentence's distinct words found in the other.
SHARED = 0.9
#: The fewest distinct words the shorter sentence needs to be compared at all.
MIN_WORDS = 12


def restates(sentence: str, earlier: str) -> bool:
    """``sentence`` says nearly word for word what ``earlier`` says (or the other way round)."""
    a, b = _words(sentence), _words(earlier)
    short, other = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_WORDS and len(short & other) >= SHARED * len(short)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", text.casefold()))
