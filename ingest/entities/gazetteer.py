"""Known names for the entity ruler: UN system bodies with their acronyms, countries and regions.

Countries come from ``pycountry`` (ISO 3166, maintained upstream); ``data/places.tsv`` adds UN
regions and sub-regions and the spellings UN reports use where ISO differs ("Viet Nam",
"Republic of Moldova"); ``data/organizations.tsv`` lists UN system entities and the other
intergovernmental bodies UN reports cite. Each name maps to one canonical name, so "ILO" and
"International Labour Organization" are found as the same organization (issue 4).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

ORGANIZATION = "organization"
PLACE = "place"
INSTRUMENT = "instrument"


@dataclass(frozen=True)
class Name:
    """One surface form the ruler looks for, the kind it names and its canonical name."""

    text: str
    kind: str
    canonical: str
    acronym: bool = False


def normalize(text: str) -> str:
    """The form names are compared in: straight quotes, single spaces, no leading article."""
    t = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").split())
    for article in ("the ", "The "):
        if t.startswith(article):
            t = t[len(article):]
    return t


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@functools.lru_cache(maxsize=1)
def organizations() -> tuple[Name, ...]:
    """Names of known organizations: full names, other names and acronyms."""
    out = []
    for row in _rows("organizations.tsv"):
        canonical = row[0]
        acronyms = [a.strip() for a in (row[1] if len(row) > 1 else "").split(",") if a.strip()]
        others = [a.strip() for a in (row[2] if len(row) > 2 else "").split("|") if a.strip()]
        for n in [canonical, *others]:
            out.append(Name(n, ORGANIZATION, canonical))
        for a in acronyms:
            out.append(Name(a, ORGANIZATION, canonical, acronym=True))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def convention_organs() -> dict[str, str]:
    """Acronyms and other names of conventions whose bodies issue documents, to the name mastheads
    print as the organ ("UNCCD" -> "Convention to Combat Desertification"); for ``--body`` only."""
    out: dict[str, str] = {}
    for row in _rows("convention_organs.tsv"):
        organ = row[0]
        acronyms = [a.strip() for a in (row[1] if len(row) > 1 else "").split(",") if a.strip()]
        others = [a.strip() for a in (row[2] if len(row) > 2 else "").split("|") if a.strip()]
        for n in (*acronyms, *others):
            out[n] = organ
    return out


def _country_names(c) -> tuple[str, list[str]]:
    """A pycountry record's canonical name and the names a report may write for it."""
    official = getattr(c, "official_name", None)
    common = getattr(c, "common_name", None)
    names = [n for n in (c.name, official, common) if n and ", " not in n]
    if ", " in c.name and not (official and ", " not in official):
        head, _, tail = c.name.partition(", ")
        # "Congo, The Democratic Republic of the" -> "Democratic Republic of the Congo";
        # "Bonaire, Sint Eustatius and Saba" is a list, kept as written
        names.append(f"{tail} {head}" if tail.endswith((" of", " of the")) else c.name)
    names = [normalize(n) for n in names]
    for n in list(names):
        if "(" in n:  # "Holy See (Vatican City State)" is also written "Holy See"
            names.append(n.split(" (")[0])
    canonical = normalize(c.name) if ", " not in c.name else names[0]
    return canonical, list(dict.fromkeys(names))


@functools.lru_cache(maxsize=1)
def places() -> tuple[Name, ...]:
    """Names of countries (pycountry, with UN spellings) and of UN regions and sub-regions."""
    import pycountry

    canon: dict[str, str] = {}  # normalized name -> canonical
    for c in pycountry.countries:
        canonical, names = _country_names(c)
        for n in names:
            canon.setdefault(n, canonical)
    for row in _rows("places.tsv"):
        canonical = row[0]
        others = [a.strip() for a in (row[1] if len(row) > 1 else "").split("|") if a.strip()]
        group = [normalize(n) for n in (canonical, *others)]
        old = {canon[n] for n in group if n in canon}
        for n, c in list(canon.items()):  # the UN spelling becomes canonical for every form
            if c in old:
                canon[n] = canonical
        for n in group:
            canon[n] = canonical
    return tuple(Name(n, PLACE, c) for n, c in canon.items())


@functools.lru_cache(maxsize=1)
def lookup() -> dict[str, Name]:
    """Every known name (normalized) to its ``Name``; organizations win over places."""
    out: dict[str, Name] = {}
    for n in places() + organizations():
        out[normalize(n.text)] = n
    return out


def ruler_patterns() -> list[dict]:
    """Phrase patterns for spaCy's ``EntityRuler``; the pattern id carries kind and canonical.

    Each name is added with straight and curly apostrophes, since reports use both.
    """
    pats = []
    for n in places() + organizations():
        label = "ORG" if n.kind == ORGANIZATION else "GPE"
        for form in {n.text, n.text.replace("'", "\u2019")}:
            pats.append({"label": label, "pattern": form, "id": f"{n.kind}|{n.canonical}"})
    return pats
