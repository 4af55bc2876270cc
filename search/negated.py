"""A fact asked in the negative is not told by a sentence that states it only in the positive.

"How many did UNFPA find *not relevant* to it?" is answered by "Of these, 28 are accepted, and 11 not
relevant to UNFPA", not by "28 are *relevant* to UNFPA, with 15 addressed to ..." (a figure of the
relevant ones). The word the question negates is the first content word after "not" or "never"; a
sentence that says it with no negation before any of its mentions gives the other side of the fact.
"""

from __future__ import annotations

import re

from .terms import tokenize

_NEGATION = re.compile(r"\b(?:not|never)\s+((?:(?:be|been|being|have|has|had|yet|still|fully|always|to|so|as|very)\s+)*)"
                       r"([a-z][a-z-]{2,})\b", re.I)
#: What negates a word within a few words before it ("*not* relevant", "*un*able to access", "*lacked* access").
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no|nor|neither|cannot|unable|lack\w*|without|yet to|pending)\b|n['’]t\b"
                             r"|\b(?:non|un|in|ir|im)-?$)(?:\W+\w+){0,3}?\W*$", re.I)


def negated_words(question: str) -> tuple[str, ...]:
    """The words ``question`` negates: "how many did UNFPA find *not relevant*" -> ("relevant",)."""
    return tuple(m.group(2).lower() for m in _NEGATION.finditer(question))


def affirms_only(sentence: str, words: tuple[str, ...]) -> bool:
    """True if ``sentence`` says one of the negated ``words`` and never with a negation just before it."""
    stems = {t.stem for w in words for t in tokenize([w])[0]}
    toks = [t for t in tokenize([sentence])[0] if t.stem in stems]
    return bool(toks) and not any(_NEGATED_BEFORE.search(sentence[:t.start]) for t in toks)
