"""A name asked by its head noun is the whole name that ends in that noun.

"What fund did ITC and WTO launch": the sentence names "the Women Exporters in the Digital Economy *Fund*",
and the models cut it at "Women Exporters" (an organization of its own to them); "what regional digital
*agenda*": "Arab Digital Agenda for 2023–2033" loses "Arab", the sentence's first word, which the models
read as a people's adjective. The noun the question asks by ("fund", "agenda") says where the name ends:
a span short of it grows over the name's words (capitalized, or the small words names join them by) to
it, and a span holding it grows back over the capitalized words right before it.
"""

from __future__ import annotations

import re

from .answer_types import Span
from .evidence import stop_words
from .terms import tokenize

#: the small words a name joins its capitalized words by ("Women Exporters *in the* Digital Economy Fund"); not
#: "and the" (two names), "to" or "of" (a body of another: "the Leadership Panel *of the* Internet Governance Forum")
_LINKS = frozenset("in the for on".split())
_WORD = re.compile(r"\s+([\w'’-]+)")
MAX_WORDS = 8  # words a name grows by, at most


def whole_names(spans: list[Span], sentence: str, nouns: set[str]) -> list[Span]:
    """``spans`` with each name grown to the whole name ending in one of the asked ``nouns`` (stems);
    the spans the grown one takes in are dropped."""
    if not nouns:
        return spans
    grown = [_onward(_grown(sp, sentence, nouns), sentence, nouns) if sp.kind in ("organization", "instrument", "publication")
             else sp for sp in spans]
    return [sp for i, sp in enumerate(grown)
            if not any(j != i and o != sp and o.start <= sp.start and sp.end <= o.end for j, o in enumerate(grown))]


def _grown(span: Span, sentence: str, nouns: set[str]) -> Span:
    """The span grown forward to the asked noun (a name without figures: a resolution's citation is whole), or,
    holding it, back over the capitalized words before it (not a verb opening the sentence: "*Recalling* ...")."""
    if not _holds(span.text, nouns):
        end = None if re.search(r"\d", span.text) else _to_noun(sentence, span.end, nouns)
        return span if end is None else Span(sentence[span.start:end], span.kind, span.start, end)
    start = span.start
    while m := re.search(r"(?:^|(?<=\s))([A-Z][\w'’-]*)\s$", sentence[:start]):
        if m.group(1).lower() in stop_words() or re.search(r"(?:ing|ed)$", m.group(1)):
            break
        start = m.start(1)
    return Span(sentence[start:span.end], span.kind, start, span.end) if start != span.start else span


def _onward(span: Span, sentence: str, nouns: set[str]) -> Span:
    """A name holding the asked noun, grown on over a capitalized small word and the capitalized words after it:
    "the World *Coalition* Against the Death Penalty" (the models stop at "Against"). Mid-sentence, a small word
    is capitalized only inside a name; a lower-case one ("the Fund *for* the recovery") ends it."""
    if not _holds(span.text, nouns):
        return span
    if m := _ONWARD.match(sentence, span.end):
        span = Span(sentence[span.start:m.end()], span.kind, span.start, m.end())
    if span.kind != "organization" and (m := _SUBTITLE.match(sentence, span.end)):  # "the Global *Strategy* on Human
        span = Span(sentence[span.start:m.end(1)], span.kind, span.start, m.end(1))  # Resources for Health: Workforce 2030"
    return span


#: A title's subtitle after a colon: capitalized words (and a year), then the sentence goes on in lower case
#: ("...: *Workforce 2030* by investing"), or stops; not a clause opening with a capitalized word ("...: States parties").
_SUBTITLE = re.compile(r"(:\s+[A-Z][\w'’-]*(?:\s+(?:(?:the|of|and|for|on|in|to)\s+)*(?:[A-Z][\w'’-]*|(?:19|20)\d{2}))*)"
                       r"(?=\s*(?:[,;.)]|$|\s+(?:by|in|and|to|for|as|which|that|with|on|at|of|was|were|is|are|has|have|through)\b))")


_ONWARD = re.compile(r"\s+(?:Against|For|On|Of|In|To|With|From|And)\s+(?:(?:the|of|and|for|on|in)\s+)*[A-Z][\w'’-]*"
                     r"(?:\s+(?:(?:the|of|and|for|on|in)\s+)*[A-Z][\w'’-]*)*")


def _to_noun(sentence: str, at: int, nouns: set[str]) -> int | None:
    """Where the name going on at ``at`` ends in an asked noun: over capitalized words and links only."""
    for _ in range(MAX_WORDS):
        m = _WORD.match(sentence, at)
        if not m or not (m.group(1)[:1].isupper() or m.group(1) in _LINKS
                         or m.group(1) == "and" and not re.match(r"\s+the\b", sentence[m.end():])):
            return None  # ("Needs *and* Response Plan" is one name, "X *and the* Y Fund" two)
        at = m.end()
        if m.group(1)[:1].isupper() and _holds(m.group(1), nouns):
            return at
    return None


def _holds(text: str, nouns: set[str]) -> bool:
    return any(t.stem in nouns for t in tokenize([text])[0] if t.text[:1].isupper())
