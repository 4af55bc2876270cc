"""A question that asks for the largest, the most or the last of something is answered only by a sentence that ranks.

"Which funding partner made the *largest* contribution to UNCDF" is not answered by "UNCDF received $2.8 million
from UNDP": that names a partner and a sum, of the asked type and subject, but says nothing of which is largest, so
the name given would be a guess. Likewise "In what year did the Committee *last* send a visiting mission" is not
answered by the year of some other act of it. The sentence (or the one before it) must say a superlative or a
ranking word ("the highest number of", "the largest", "top", "first", "leading"); for "last", a word of recency
("last", "latest", "most recent", "to date"). Fixed terms and quantifiers that hold such words are no superlative
asked: "the *least* developed countries", "the *most* recent", "*at least* one", "*most of* the migrants", "how long
will it *last*".
"""

from __future__ import annotations

import re

from .terms import tokenize

#: A superlative the question asks by: "the largest contribution", "hosted the most volunteers".
_ASKED = re.compile(r"(?i)\b(?:largest|biggest|highest|lowest|smallest|greatest|fewest|strongest|weakest|"
                    r"(?<!\bat )(?:most(?!\s+(?:recent|of)\b)|least(?!\s+developed\b)))\b")
#: "did X *last* send": the adverb (not "the last session", whose number a sentence may give without saying "last").
_ASKED_LAST = re.compile(r"(?i)\b(?:did|has|have|had|was|were|is|are)\b[^?]*?\blast\s+"
                         r"(?!(?:year|month|week|session|time|day|quarter|meeting|report)s?\b)[a-z]+")
#: What ranks in a sentence: a superlative ("the highest", "the greatest") or a ranking word.
_RANKS = re.compile(r"(?i)\b(?:\w{2,}est|most|top|first|leading|main|major|principal|primary|record|single|"
                    r"more than any|ranked|ranking)\b")
_RECENT = re.compile(r"(?i)\b(?:last|latest|most recent(?:ly)?|recently|lately|previous|to date)\b")


def asked_rank(question: str) -> tuple[bool, bool]:
    """Whether ``question`` asks a superlative, and whether it asks the last time something was done."""
    return bool(_ASKED.search(question)), bool(_ASKED_LAST.search(question))


def ranks(context: str, asked: tuple[bool, bool]) -> bool:
    """True if ``context`` (a fact's sentence and the one before it) says the ranking ``asked`` needs."""
    superlative, last = asked
    return (not superlative or bool(_RANKS.search(context))) and (not last or bool(_RECENT.search(context)))

#: "which operation was *the first to* implement it", "the first country to ratify": who came first is asked.
_ASKED_FIRST = re.compile(r"(?i)\bthe\s+first\s+(?:[a-z-]+\s+){0,3}?to\s+(?!date\b)[a-z]+")
#: What says who came first: "for the first time", "the first to", "earliest", "pioneered".
_SAYS_FIRST = re.compile(r"(?i)\b(?:first|earliest|pioneer\w*|inaugural)\b")


def asks_first(question: str) -> bool:
    """True if ``question`` asks which one was the first to do something (not "the first session", a series' number)."""
    return bool(_ASKED_FIRST.search(question))


def says_first(context: str) -> bool:
    """True if ``context`` says something was the first: a sentence that only names one that did it does not."""
    return bool(_SAYS_FIRST.search(context))


#: "the largest number *of UN Volunteers with disabilities*": a ranking and the phrase it ranks.
_RANKED_PHRASE = re.compile(r"(?i)\b(?:\w{2,}est|most)\s+(?:numbers?\s+|shares?\s+|proportions?\s+|percentages?\s+)?"
                            r"of\s+((?:[\w-]+\s+){0,8})")
#: Words that open a qualifier of the ranked noun: "persons *with* disabilities", "children *under* five".
_QUALIFIER = re.compile(r"(?i)\b(?:with|without|aged|under|over|living|born)\s+([a-z-]+)")


def ranks_a_part(question: str, context: str) -> bool:
    """True if every ranking ``context`` says is of a narrower group than ``question`` asks about: "the largest number
    of UN Volunteers *with disabilities* worked in ..." does not say where most UN Volunteers came from."""
    phrases = [m.group(1) for m in _RANKED_PHRASE.finditer(context)]
    if not phrases:
        return False
    asked = {t.stem for t in tokenize([question])[0]}

    def narrowed(phrase: str) -> bool:
        return any(tokenize([q.group(1)])[0][0].stem not in asked for q in _QUALIFIER.finditer(phrase))
    return all(narrowed(p) for p in phrases)


def ranked_as_asked(question: str, context: str) -> bool:
    """True unless ``question`` asks the largest, the last or the first and ``context`` (a sentence and the one
    before it) does not rank so, or ranks only a narrower group than the one asked about."""
    rank = asked_rank(question)
    if any(rank) and (not ranks(context, rank) or (rank[0] and ranks_a_part(question, context))):
        return False
    return not asks_first(question) or says_first(context)
