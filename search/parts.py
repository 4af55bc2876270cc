"""The k-th of the parts a sentence lists: "held its fifth session *in two parts*, from 18 to 28 February
and from 30 April to 9 May" answers "when did it hold the *first part* of its fifth session".

The paragraph never writes "first": its order says it. A question's ordinal followed by a noun (the
first *part*, the second *round*, the third *phase*) is said by a sentence that splits the thing "in"
or "into" as many of that noun, and the answer is the span of the asked kind at that place in the
list after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answer_types import Span
from .number_words import CARDINALS, between
from .ordinals import ordinal_word
from .terms import tokenize

_COUNTS = {w: CARDINALS[w] for w in between(2, 10)}
_SPLIT = re.compile(r"\b(?:in|into)\s+(" + "|".join(_COUNTS) + r"|[2-9])\s+([a-z]+)\b", re.I)
_PLACE = {ordinal_word(n): n for n in range(1, 11)}


@dataclass(frozen=True)
class PartAsked:
    """An ordinal of the question with the noun it numbers ("first", "part", 1)."""

    ordinal: str      # its stem, as the question's terms give it
    noun: str         # the noun, lower case
    place: int


def parts_asked(question: str) -> list[PartAsked]:
    """The question's ordinals that number the noun right after them ("the *first part* of its fifth session")."""
    out = []
    for m in _ORDINAL_NOUN.finditer(question):
        stem = tokenize([m.group(1)])[0]
        out.append(PartAsked(stem[0].stem if stem else m.group(1).lower(), m.group(2).lower(), _PLACE[m.group(1).lower()]))
    return out


_ORDINAL_NOUN = re.compile(r"\b(" + "|".join(_PLACE) + r")\s+([a-z]{3,})\b", re.I)


def _split(text: str, part: PartAsked) -> re.Match | None:
    """The "in two parts" of ``text`` that splits into as many of the asked noun as the ordinal needs."""
    for m in _SPLIT.finditer(text):
        count = int(m.group(1)) if m.group(1).isdigit() else _COUNTS[m.group(1).lower()]
        if m.group(2).lower()[:4] == part.noun[:4] and part.place <= count:
            return m
    return None


def said_by_order(parts: list[PartAsked], text: str) -> set[str]:
    """The ordinal stems ``text`` says by its order: it splits the numbered thing in as many parts."""
    return {p.ordinal for p in parts if _split(text, p)}


def at_place(span: Span, spans: list[Span], sentence: str, parts: list[PartAsked]) -> bool:
    """True if ``span`` is the asked place in the list after the sentence's split: of the spans of its kind
    after "in two parts", the first for "the first part"."""
    for p in parts:
        if (m := _split(sentence, p)) is None:
            continue
        listed = [sp for sp in spans if sp.kind == span.kind and sp.start >= m.end()]
        if len(listed) >= p.place and listed[p.place - 1] == span:
            return True
    return False
