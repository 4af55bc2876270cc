"""Towns and cities as place entities: which matches of the town list to keep (issue 4).

``cities.find_cities`` and ``cities.find_bilingual`` find every known town name and every
two-language name ("Obiliq/Obilić"). Many town names are also words ("Mission", "Police") or
surnames, so a match counts as a place when the model agrees, or when the name is rare enough
to be a name and nothing around it says it is something else (a person after "Mr.", a canal,
a report's title). Countries and regions stay with the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cities import find_bilingual, find_cities
from .rules import zipf
from .gazetteer import PLACE, lookup, normalize
from ..models import Entity
from .name_context import is_facility, is_product
from .people import after_title

COMMON_TOWN_ZIPF = 3.5  # "Geneva" (4.0) and "Mission" (4.9) need the model to call them places
LARGE_TOWN = 100_000
DROP = "drop"
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|across|throughout|around|outside|inside|to|into|towards|via)\s+"
                           r"(?:the\s+)?$")
_PLACE_AFTER = re.compile(r"\s+(?:municipality|municipalities|city|town|village|villages|district|region|"
                          r"province|area|valley|governorate|county|commune|camp|settlement|territory|territories|"
                          r"locality|localities|prefecture|border)\b")


@dataclass(frozen=True)
class Town:
    """A town named in a text, as a place entity, with its population (0 when unknown)."""

    entity: Entity
    population: int
    alternate: bool = False


def find_towns(text: str) -> list[Town]:
    """Town names in ``text``, two-language names first, none overlapping."""
    found = [Town(Entity(text[m.start:m.end], PLACE, m.canonical, m.start, m.end), m.population)
             for m in find_bilingual(text)]
    for m in find_cities(text):
        name = text[m.start:m.end]
        if lookup().get(normalize(name)) is not None:
            continue  # a country or region the gazetteer already names ("Djibouti", "Panama")
        if all(m.end <= f.entity.start or m.start >= f.entity.end for f in found):
            found.append(Town(Entity(name, PLACE, m.canonical, m.start, m.end), m.population, m.alternate))
    return sorted(found, key=lambda t: t.entity.start)


def is_common_name(name: str) -> bool:
    """A town name that is also a frequent word: "Geneva", "Mission", "Santa Cruz". A compound
    of three or more hyphened parts ("Port-au-Prince") is a name, whatever its parts are."""
    words = [w for w in name.replace("/", " ").split() if w[:1].isupper()]
    if any(w.count("-") >= 2 for w in words):
        return False
    return bool(words) and all(zipf(w) >= COMMON_TOWN_ZIPF for w in words)


def inside_longer_name(text: str, start: int, end: int) -> bool:
    """ "Chaves" of "Rodrigo Chaves Robles": a capitalized word right before and right after
    (no punctuation between) make the town's name part of a longer one, a person's or a body's."""
    before = re.search(r"([A-Z\u00C0-\u00DE][\w\-\u00C0-\u024F]*) (?:(?:de|da|do|dos|van|von|al|el|bin|ibn|du|la) )?$",
                       text[max(0, start - 40):start])
    after = re.match(r" [A-Z\u00C0-\u00DE][\w\-\u00C0-\u024F]*", text[end:end + 40])
    return bool(before and after) and before.group(1) not in ("The", "In", "At", "From", "To")


def town_verdict(text: str, town: Town, label: str | None) -> str | None:
    """What a town match is, given the model's label for the same span (None: no span):
    PLACE, DROP (a person after a title, a canal, a title of a report), or None (not a town
    here: the model's own reading stands)."""
    e = town.entity
    if after_title(text, e.start) or is_facility(text, e.end) or is_product(text, e.start, e.end):
        return DROP
    if "/" in e.text or label in ("GPE", "LOC"):
        return PLACE
    if town.population >= LARGE_TOWN and _after_date(text, e.start):
        return PLACE
    if town.alternate:
        return None  # an old or foreign name ("Molotov") counts only where the model reads a place
    if is_common_name(e.text):
        return None
    if label is None:
        if inside_longer_name(text, e.start, e.end):
            return None
        if " " not in e.text and zipf(e.text) >= 3.0 and _opens_sentence(text, e.start):
            return None  # a capital that only says a sentence starts here
        return PLACE
    if _place_context(text, e.start, e.end):
        return PLACE  # "in Zubin Potok municipality", "to the Schengen area"
    if label in ("PERSON", "NORP", "FAC") and town.population >= LARGE_TOWN:
        return PLACE  # "Pristina's closures", "in Prizren": a large town, not a person
    if label == "ORG" and " " not in e.text and zipf(e.text) < 3.0 and not inside_longer_name(text, e.start, e.end):
        return PLACE  # "the capture of Minova by M23": one rare word the model calls a body is the town
    return None


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_DATE_BEFORE = re.compile(r"\b\d{1,2}(?:\s*[\u2013\-]\s*\d{1,2})?\s+(?:%s)(?:\s+\d{4})?,?\s+$" % _MONTHS)


def _after_date(text: str, start: int) -> bool:
    """A calendar's cell or a dateline: "22 and 23 July New York", "4–8 August Geneva" name where
    a meeting is held, so a large town whose name is also a word ("Geneva") is the place."""
    return bool(_DATE_BEFORE.search(text[max(0, start - 40):start]))


def _place_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30):start]
    return bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(text, end))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?;:\u201c\"("


def named_as_place(text: str, start: int, end: int) -> bool:
    """ "in Djugu and Mahagi territories", "the Goli border point": one capitalized word (no
    acronym) that a place noun follows is a place's name, whatever the model called it."""
    name = text[start:end]
    return " " not in name and not name.isupper() and bool(_PLACE_AFTER.match(text, end))

