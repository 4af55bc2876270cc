"""Bodies named beside other bodies: the unheaded items of a list of organizations (issue 15, round 17).

Many NGOs, networks and clubs carry no head word the title rules know ("Access Now", "Sustainable
Finance Geneva", "Every Women Treaty"), and the small model misses them. Where a sentence says it
lists organizations or partners ("the following civil society organizations attended: ...",
"on behalf of civil society, the Regional Cooperation Council, ... and ECE") and another item of the
list is a body, each untagged name in the list is one more body. Pure functions over a string and
the chunk's entities.
"""

from __future__ import annotations

import re

from .gazetteer import ORGANIZATION, PLACE, lookup, normalize
from .instruments import NOT_MODIFIERS, is_common
from .rules import NOT_ENTITIES, ORG_HEADS, ROLE_HEADS
from ..models import Entity

_WORD = r"[A-Z\u00C0-\u00DE][\w'\u2019@&\-\u00C0-\u024F]*"
_ITEM = (r"(?:the\s+)?" + _WORD + r"(?:\s+(?:(?:of|for|the|de|des|du|del|la|le|pour|por|da|do|dos|on)\s+)*" + _WORD + r")*")
_LIST = re.compile(r"(?<![\w\-])(" + _ITEM + r"(?:,\s+" + _ITEM + r")+,?\s+and\s+" + _ITEM + r")(?![\w\-])")
_ONE = re.compile(_ITEM)
# what a sentence says it lists: bodies of some kind, or a body's partners
_CUE = re.compile(r"\b(?:organi[sz]ations?|partners?|NGOs?|civil\s+society|entities|institutions|associations|"
                  r"networks|foundations|agencies|bodies|coalitions|alliances)\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?]\s+(?=[A-Z])")
# a list after "in" or "from" names places ("present in Baidoa, ..., Boosaaso and Doolow")
_LOCATIVE = re.compile(r"\b(?:in|at|from|near|across|between|throughout|of)\s+(?:the\s+)?$")
# a name set off after "<role> at/of <body>,": the role's holder ("the Professor at Yale ..., Eli Fenichel")
_HOLDER = re.compile(r"\b(?:" + "|".join(sorted(ROLE_HEADS)) + r"|Economist|Lead)\s+(?:at|of|for|in)\s+[^,;:]{1,80},\s*$")
_NOT_FIRST = {"Government", "Governments", "Kingdom", "Republic"}


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _ONE.finditer(text, start, end):
        s = m.start() + (4 if m.group(0).startswith("the ") else 0)
        out.append((s, m.end()))
    return out


def _covers(e: Entity, s: int, t: int) -> bool:
    return e.start <= s and t <= e.end


def _guessed_place(e: Entity, s: int, t: int) -> bool:
    """The whole item read as a place that neither the gazetteer nor the town list knows ("Oxfam")."""
    from .cities import city_names

    return e.kind == PLACE and (e.start, e.end) == (s, t) and lookup().get(normalize(e.text)) is None \
        and e.text not in city_names()


def listed_bodies(text: str, ents: list[Entity], people: list[tuple[int, int]]) -> list[Entity]:
    """Untagged names in a list of organizations that already holds a body, each a body; a place
    inside such a name ("Sustainable Finance Geneva"), or a name only the model called a place
    ("Oxfam"), is part of it (the caller drops it)."""
    out = []
    for m in _LIST.finditer(text):
        sent = max([x.end() for x in _SENTENCE_END.finditer(text, 0, m.start())], default=0)
        if not _CUE.search(text, sent, m.start() + 1):
            continue
        items = _items(text, m.start(1), m.end(1))
        bodies = sum(any(e.kind == ORGANIZATION and _covers(e, s, t) for e in ents) for s, t in items)
        places = sum(any(e.kind == PLACE and (e.start, e.end) == (s, t) and not _guessed_place(e, s, t) for e in ents)
                     for s, t in items)
        if bodies == 0 or places >= bodies or _LOCATIVE.search(text, max(sent, m.start() - 12), m.start()) \
                or any(" " not in text[s:t] and not text[s:t].isupper() and is_common(text[s:t]) for s, t in items):
            continue  # a list of places; commas inside one name ("International Lesbian, Gay, Bisexual and ...")
        for s, t in items:
            name = text[s:t]
            words = name.split()
            if words[0] in NOT_MODIFIERS or words[0] in _NOT_FIRST or any(w in ORG_HEADS for w in words):
                continue  # "In Somalia, ..."; a head word's name the title rules have judged already
            inside = [e for e in ents if e.start < t and s < e.end and not _guessed_place(e, s, t)]
            if any(e.kind != PLACE or not (s < e.start and e.end <= t) for e in inside):
                continue  # tagged already (a place only as the name's own tail or middle: "... Finance Geneva")
            if any(p < t and s < q for p, q in people) or normalize(name) in NOT_ENTITIES \
                    or _HOLDER.search(text, max(0, s - 120), s):
                continue
            if lookup().get(normalize(name)) is not None or (" " not in name and is_common(name)):
                continue  # a known name the rules dropped for a reason; "Others", "Women"
            out.append(Entity(name, ORGANIZATION, name, s, t))
    return out
