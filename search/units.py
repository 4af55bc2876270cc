"""The units of a body, which "which section" asks for: "The *planning and evaluation section* is responsible for ...".

"Which section of the Brazilian-Argentine Agency sets out safeguard criteria?" asks a part of a body, which the
reports name in lower case ("the accounting and control of nuclear materials section") or as a name ("the Chief of
the *Environment Statistics Section* of the Statistics Division"); neither is an entity the models tag, so the question
had no answer type and was answered by any sentence about the Agency. A unit's span is the words between a
determiner and the unit noun, none a function word but "and", "of" and "for" inside it ("accounting and control of
nuclear materials"). A question about a part of a document ("which section of the report") asks no unit.
"""

from __future__ import annotations

import re

from .answer_types import Span

UNIT_NOUNS = r"(?:sections?|units?|branch(?:es)?)"
#: "which section of ABACC", "which ABACC section", "what unit": not "which section of the report" (a document's part)
_ASKED = re.compile(r"\b(?:what|which) (?:[\w'’-]+ ){0,2}?(" + UNIT_NOUNS + r")\b(?! (?:of|in) (?:the |its |their |this |"
                    r"that )?(?:[\w-]+ )?(?:reports?|documents?|resolutions?|notes?|budgets?|plans?|letters?|annex(?:es)?|"
                    r"agendas?|conventions?|agreements?|declarations?|charter|statutes?|rules?|decisions?)\b)")
_NOT_IN = (r"(?:the|a|an|its|their|this|that|these|those|is|was|are|were|has|have|had|be|been|in|on|at|to|by|with|from|"
           r"which|who|whose|as|each|every|one|any|all|same|said|new|relevant|following)")
_WORD = r"(?!" + _NOT_IN + r"\b)[A-Za-z][\w'’-]*"
#: "the planning and evaluation section", "the Environment Statistics Section", "its Supply Chain Management Unit"
_UNIT = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+(" + _WORD + r"(?:\s+(?:(?:and|of|for)\s+)?" + _WORD + r"){0,7}?\s+"
                   r"(?:[Ss]ection|[Uu]nit|[Bb]ranch))\b")


def unit_asked(question: str) -> tuple[str, ...] | None:
    """The unit noun a question asks ("section"), None when it asks none."""
    m = _ASKED.search(question.lower())
    return (m.group(1),) if m else None


def unit_spans(sentence: str) -> list[Span]:
    """The units a sentence names, each without its determiner: "planning and evaluation section"."""
    return [Span(m.group(1), "unit", m.start(1), m.end(1)) for m in _UNIT.finditer(sentence)
            if not re.fullmatch(r"(?i)(?:technical|administrative|said|relevant|whole|present)\s+\w+", m.group(1))]
