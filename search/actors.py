"""The body a "what did the Council decide" question asks about must be the one that decided.

A question that names a body and a deed ("What did the Council decide?", "What has the Committee
recommended?") is answered by a sentence in which that body does the deed: "The Economic and Social
Council decides to extend the mandate ...". Under ``--body ECOSOC`` the documents include those of
its commissions and committees (their page 1 prints the Council above them), whose sentences say
"the Commission decided to recommend to the Council ..." or "members decided ...": the question's
words and the deed are there, its actor is not. Such a sentence is no answer; when none names the
body as the doer, the question is refused with the closest paragraphs rather than answered with
another body's decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .terms import tokenize

_ASKED = re.compile(r"^\s*(?i:what\s+(?:did|does|do|has|have|had|will|would)\s+(?:the\s+)?)"
                    r"(?P<actor>(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|for)\s+(?:the\s+)?)?)*[A-Z][\w’'-]*)\s+"
                    r"(?P<verb>[a-z]{3,})\b")
#: Deeds a body does in a report's sentences; other verbs ("say", "find") are not checked.
_DEEDS = ("decid", "adopt", "recommend", "request", "approv", "agre", "endors", "elect", "appoint", "establish",
          "urg", "call", "welcom", "resolv")


@dataclass(frozen=True)
class Actor:
    """The body a question asks about (its head noun, "Council") and the deed's stem ("decid")."""

    head: str
    deed: str

    def does_deed(self, sentence: str) -> bool:
        """True if, before a form of the deed in one clause, the sentence names a body of this head
        noun that is not the object of a preposition ("recommend *to the Council*")."""
        for m in re.finditer(r"[A-Za-z]+", sentence):
            if not _stem(m.group(0)).startswith(self.deed):
                continue
            clause = re.split(r"[.;:]\s", sentence[:m.start()])[-1]
            for name in re.finditer(rf"\b{re.escape(self.head)}\b", clause):
                if not _object_of_preposition(clause[:name.start()]):
                    return True
        return False


def asked_actor(question: str) -> Actor | None:
    """The body and deed of a "what did <body> <deed>" question, or None."""
    m = _ASKED.match(question)
    if not m:
        return None
    deed = _stem(m.group("verb"))
    if not deed.startswith(_DEEDS):
        return None
    head = re.split(r"\s+(?:of|on|for)\s+", m.group("actor"))[0].split()[-1]  # "Committee on NGOs": Committee
    return Actor(head, deed)


def _object_of_preposition(before: str) -> bool:
    """True if the body named after ``before`` is a preposition's object: "to the Economic and Social"."""
    return bool(re.search(r"\b(?:to|by|of|for|from|with|on|before|within|under)\s+(?:the\s+|its\s+|this\s+)?"
                          r"(?:[A-Z][\w’'-]*\s+(?:(?:and|of|on|for)\s+(?:the\s+)?)?)*$", before))


def _stem(word: str) -> str:
    toks = tokenize([word])[0]
    return toks[0].stem if toks else word.lower()
