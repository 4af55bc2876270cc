"""Places named beside other places: the items of a list of regions, and a name joined by "and" to a
place (issue 15).

The model and the town list miss small or respelled towns ("Mykolaiv", which GeoNames writes
"Mykolayiv"; "Nkutu", a village), and the model reads some as people. Their neighbours say what
they are: every item of "the Dnipro, Kyiv, Mykolaiv and Donetsk regions" is a region, and in
"in Bilili and Nkutu in Kwilu Province" the name after "and" is a place like the one before it.
Pure functions over a string and the chunk's entities.
"""

from __future__ import annotations

import re

from .gazetteer import PLACE, normalize
from .rules import NOT_ENTITIES, zipf
from ..models import Entity

_NAME = r"[A-Z\u00C0-\u00DE][\w'\u2019\-\u00C0-\u024F]+(?:\s[A-Z\u00C0-\u00DE][\w'\u2019\-\u00C0-\u024F]+){0,2}"
# plural nouns of administrative areas that a list of names ends on
_AREA_NOUNS = (r"(?i:regions|provinces|governorates|districts|oblasts|municipalities|territories|counties|"
               r"prefectures|departments|villages|towns|cities|communes|localities)\b")
_AREA_LIST = re.compile(r"(?<![\w\-])(" + _NAME + r"(?:,\s+" + _NAME + r")*,?\s+and\s+" + _NAME + r")\s+" + _AREA_NOUNS)
_ITEM = re.compile(_NAME)
# "in <place> and <name>" ends at punctuation, "in", a date or the sentence's next words
_AND_NAME = re.compile(r"\s+and\s+(" + _NAME + r")(?=\s*[,.;:)]|\s+(?:in|on|from|to|during|since)\b|\s*$)")
_IN_BEFORE = re.compile(r"\b(?:in|at|from|near|across|throughout|between)\s+(?:the\s+)?$")
RARE_ZIPF = 3.0  # each word of a name joined to a place must be rare ("Nkutu", not "Health")


def _free(start: int, end: int, ents: list[Entity]) -> bool:
    return not any(e.start < end and start < e.end for e in ents)


def _rare_name(name: str) -> bool:
    words = name.split()
    return normalize(name) not in NOT_ENTITIES and all(zipf(w) < RARE_ZIPF for w in words)


def listed_areas(text: str, ents: list[Entity]) -> list[Entity]:
    """Untagged items of a list that ends on an area noun ("the Volyn, Lviv ... and Chernihiv regions")
    where the list already holds a place: each item names one area."""
    out = []
    for m in _AREA_LIST.finditer(text):
        items = [(m.start(1) + i.start(), m.start(1) + i.end()) for i in _ITEM.finditer(m.group(1))]
        items = [(s, e) for s, e in items if text[s:e] not in ("The", "And")]
        if not any(e.kind == PLACE and any(e.start == s and e.end == t for s, t in items) for e in ents):
            continue  # "the Member States": nothing in the list is known as a place
        for s, e in items:
            if _free(s, e, ents) and normalize(text[s:e]) not in NOT_ENTITIES and zipf(text[s:e].split()[0]) < 4.0:
                out.append(Entity(text[s:e], PLACE, normalize(text[s:e]), s, e))
    return out


def listed_bodies_as_areas(text: str, ents: list[Entity]) -> list[Entity]:
    """The chunk's entities, where an item of a list that ends on an area noun and holds a known place
    ("in Basse-Kotto, Haute-Kotto, Haut-Mbomou ... Prefectures") was read by the model as a body: a
    name the gazetteer does not know and without a body's head word is one more area."""
    from .gazetteer import lookup
    from .rules import ORG_HEADS

    spans: set[tuple[int, int]] = set()
    for m in _AREA_LIST.finditer(text):
        items = {(m.start(1) + i.start(), m.start(1) + i.end()) for i in _ITEM.finditer(m.group(1))}
        if any(e.kind == PLACE and (e.start, e.end) in items for e in ents):
            spans |= items
    out = []
    for e in ents:
        if e.kind == "organization" and (e.start, e.end) in spans and lookup().get(normalize(e.text)) is None \
                and not any(w in ORG_HEADS for w in e.text.split()) and not e.text.isupper():
            e = Entity(e.text, PLACE, normalize(e.text), e.start, e.end)
        out.append(e)
    return out


def comma_places(text: str, start: int, end: int, is_place) -> list[tuple[int, int]]:
    """ "Bucha, Kyiv Region", which the model reads as one body: a town and its area, each a place
    (``is_place(start, end)`` says whether a part is a known place), else nothing."""
    parts, pos = [], start
    for m in re.finditer(r",\s+", text[start:end]):
        parts.append((pos, start + m.start()))
        pos = start + m.end()
    parts.append((pos, end))
    if len(parts) < 2 or not all(is_place(s, e) or is_area_name(text[s:e]) for s, e in parts):
        return []
    return parts


def joined_places(text: str, ents: list[Entity]) -> list[Entity]:
    """A rare untagged name joined by "and" to a place after "in" ("in Bilili and Nkutu in Kwilu
    Province", "in Teskeraya and Oued Zitoune in Bizerte"): a place too."""
    out = []
    for p in ents:
        if p.kind != PLACE or not _IN_BEFORE.search(text[max(0, p.start - 20):p.start]):
            continue
        m = _AND_NAME.match(text, p.end)
        if m and _free(m.start(1), m.end(1), ents + out) and _rare_name(m.group(1)):
            out.append(Entity(m.group(1), PLACE, normalize(m.group(1)), m.start(1), m.end(1)))
    return out


# An administrative area named with its noun: "Bizerte Governorate", "Kwilu Province"
_AREA_NAME = re.compile(r"(?:[A-Z\u00C0-\u00DE][\w'\u2019\-\u00C0-\u024F]+\s){1,2}"
                        r"(?:Governorate|Province|Oblast|Prefecture|District|County|Municipality|Region)")


def is_area_name(name: str) -> bool:
    """ "Bizerte Governorate": a name and an area's noun, which the model may call a body, is a place."""
    from .rules import ORG_HEADS

    return _AREA_NAME.fullmatch(name) is not None and not any(w in ORG_HEADS for w in name.split()[:-1])
