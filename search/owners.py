"""A name asked as the owner of a thing: "which country's new country programme *document* is before the Board".

The question names the thing owned (its head noun, "document"), and the answer is the name the sentence
gives that thing: "*document* for: Ethiopia", "the *Government* of Sweden", "the Permanent *Mission* of the
Russian Federation", "Chile's *pledges*". A name near the question's kind word only ("the extension of the
*country* programme for South Africa") owns another thing. The owner is also read inside a longer name
the models take whole ("the Permanent Mission of the Russian Federation" is one organization to them).
"""

from __future__ import annotations

import re

from .answer_types import Span, is_country
from .terms import tokenize

#: words that end the owned noun phrase of a question ("which country's Government *organized*")
_PHRASE_END = re.compile(r"^(?:is|was|are|were|has|have|had|did|does|do|will|would|can|could|may|might|shall|should|"
                         r"for|of|in|on|at|to|by|with|from|under|during|before|after|[a-z]+ed)$")  # (lower case:
# "organized" ends it, "United Nations Strategic Framework" does not)
_POSSESSIVE = re.compile(r"\b(?:which|what) ([a-z]+)['’]s ((?:[\w-]+ ){1,6})", re.I)
_NAME = r"((?:[A-Z][\w'’-]*)(?:\s(?:of\s|and\s)?[A-Z][\w'’-]*){0,4})"


def owned_noun(question: str) -> str:
    """The head noun of what a "which country's X" question asks the owner of ("document"), else ""."""
    m = _POSSESSIVE.search(" " + question + " ")
    if not m:
        return ""
    words = []
    for w in m.group(2).split():
        if _PHRASE_END.match(w):
            break
        words.append(w)
    return words[-1].lower() if words else ""


def owner_spans(sentence: str, noun: str, kind: str) -> list[Span]:
    """The names the sentence gives as the owner of ``noun``: "<noun> of/for (the) <Name>", "<Name>'s <noun>";
    of kind "place", countries only."""
    stem = _stem(noun)
    if not stem:
        return []
    out = []
    for m in re.finditer(r"\b(?:of|for)(?:\s*:)?\s+(?:the\s+)?" + _NAME, sentence):
        if (before := re.search(r"([A-Za-z-]+)\s+$", sentence[:m.start()])) and _stem(before.group(1)) == stem:
            out.append(_span(m.group(1), m.start(1), kind))  # (the owned noun may end a name: "Permanent *Mission* of")
    for m in re.finditer(_NAME + r"['’]s\s+(?:[\w-]+\s+){0,3}?([A-Za-z-]+)\b", sentence):
        if _stem(m.group(2)) == stem:
            out.append(_span(m.group(1), m.start(1), kind))
    return [sp for sp in out if sp is not None]


def owns(span: Span, owners: list[Span]) -> bool:
    """True if ``span`` is one of the owners (or holds one)."""
    return any(span.start <= o.start and o.end <= span.end for o in owners)


def _span(text: str, start: int, kind: str) -> Span | None:
    for cut in range(len(text.split()), 0, -1):  # "Ethiopia (DP/DCP/ETH/5)": the longest name that is one
        name = " ".join(text.split()[:cut])
        if kind != "place" or is_country(name):
            return Span(name, kind, start, start + len(name))
    return None


def _stem(word: str) -> str:
    toks = tokenize([word])[0]
    return toks[-1].stem if toks else ""
