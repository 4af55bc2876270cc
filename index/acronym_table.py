"""Acronyms and the names they stand for, gathered at build time for query expansion.

Reports write a name out in full once and abbreviate it afterwards, or never define a common
abbreviation at all (A/69/207 writes "International Organization for Migration" 22 times and
"IOM" once, undefined). A query may use either form, so keyword search needs both. Three
sources, best first: a definition in the corpus ("Long Name (LN)", found by
``ingest.entities.acronym_definitions``), the organization gazetteer of ``ingest.entities.gazetteer``, and a capitalised
phrase of the corpus whose initials spell the acronym ("International Organization for
Migration" → IOM). Search expands a query's acronyms to their names and names to their acronyms
(``search.bm25``).
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Iterable

# Small words a name may contain that its acronym skips ("Office on Drugs and Crime" → ODC).
_JOINERS = ("of", "for", "the", "and", "on", "in", "to", "against", "with", "at", "de", "des", "du", "la", "le")
_WORD = r"[A-Z][\w’'-]*"
_JOIN = r"(?:" + "|".join(_JOINERS) + r")"
# A run of capitalised words, possibly joined by small words: "Office of the United Nations High ...".
_NAME_RUN = re.compile(rf"\b{_WORD}(?:\s+(?:{_JOIN}\s+)*{_WORD})+")
_CAPITALISED = re.compile(r"\b[A-Z][\w-]*[\w]")
_MAX_WORDS = 10

DEFINED, GAZETTEER, SPELLED = "defined", "gazetteer", "spelled"
#: The index by acronym that lets search ask for a query's acronyms alone (``search.acronym_lookup``).
ACRONYM_INDEX = "acronyms_short"
_RANK = {DEFINED: 0, GAZETTEER: 1, SPELLED: 2}


def is_acronym(word: str) -> bool:
    """ "ILO", "UN-Women", "G8" are acronyms; "II", "2011", "Revised" are not."""
    from ingest.entities.acronym_definitions import is_acronym as _is_acronym

    return _is_acronym(word)


def initials(name: str) -> str:
    """The acronym a name's capitalised words spell: "Universal Postal Union" → "UPU"."""
    out = []
    for w in name.split():
        if w.lower() in _JOINERS:
            continue
        out.extend(p[0] for p in w.split("-") if p)
    return "".join(out).upper()


def _spelled(text: str) -> Iterable[tuple[str, str]]:
    """(initials, phrase) for each capitalised phrase of two or more significant words."""
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            if words[i].lower() in _JOINERS:
                continue
            for j in range(i + 2, min(len(words), i + _MAX_WORDS) + 1):
                if words[j - 1].lower() in _JOINERS:
                    continue
                phrase = " ".join(words[i:j])
                short = initials(phrase)
                if 2 <= len(short) <= 8:
                    yield short, phrase


def _defined(text: str) -> Iterable[tuple[str, str]]:
    from ingest.entities.acronym_definitions import find_definitions

    for d in find_definitions(text):
        if d.named and d.long_form:
            yield d.acronym, " ".join(d.long_form.split())


def _gazetteer() -> Iterable[tuple[str, str]]:
    try:
        from ingest.entities.gazetteer import organizations
    except ImportError:  # an ingest without the entity gazetteer
        return []
    return [(n.text, n.canonical) for n in organizations() if n.acronym]


def find_acronyms(texts: Iterable[str]) -> list[tuple[str, str, str, int, bool]]:
    """(acronym, name, source, times seen, acronym used in the corpus) — one name per acronym.

    A corpus definition wins over the gazetteer, which wins over a phrase that merely spells
    the acronym; within a source the more frequent name wins (ties: the shorter one).
    """
    found: dict[str, Counter] = {DEFINED: Counter(), SPELLED: Counter()}
    used: set[str] = set()
    for t in texts:
        found[DEFINED].update(_defined(t))
        found[SPELLED].update(_spelled(t))
        used.update(_CAPITALISED.findall(t))
    found[GAZETTEER] = Counter(dict.fromkeys(_gazetteer(), 0))
    best: dict[str, tuple[str, str, int]] = {}
    for source in (DEFINED, GAZETTEER, SPELLED):
        for (short, name), n in found[source].items():
            key = (-_RANK[source], n, -len(name))
            cur = best.get(short)
            if cur is None or key > (-_RANK[cur[1]], cur[2], -len(cur[0])):
                best[short] = (name, source, n)
    rows = [(s, name, src, n, s in used and is_acronym(s)) for s, (name, src, n) in best.items()]
    return sorted(rows, key=lambda r: (_RANK[r[2]], -r[3], r[0]))


def write_acronyms(db_path: Path, texts: Iterable[str]) -> int:
    """Add the ``acronyms`` table to a build's database; return the number of rows."""
    rows = find_acronyms(texts)
    con = sqlite3.connect(db_path)
    try:
        con.execute("CREATE TABLE acronyms (short TEXT NOT NULL, long TEXT NOT NULL, source TEXT NOT NULL, "
                    "count INTEGER NOT NULL, used INTEGER NOT NULL)")
        con.executemany("INSERT INTO acronyms VALUES (?,?,?,?,?)",
                        [(s, n, src, c, int(u)) for s, n, src, c, u in rows])
        con.execute(f"CREATE INDEX {ACRONYM_INDEX} ON acronyms (short)")
        con.commit()
    finally:
        con.close()
    return len(rows)
