"""Acronyms and the names they stand for, gathered at build time for query expansion.

Reports write a name out in full once and abbreviate it afterwards, or never define a common
abbreviation at all (A/69/207 writes "International Organization for Migration" 22 times and
"IOM" once, undefined). A query may use either form, so keyword search needs both. Three
sources, best first: a definition in the corpus ("Long Name (LN)", found by
``ingest.entities.acronym_definitions``), the organization gazetteer of ``ingest.entities.gazetteer``, and a capitalised
phrase of the corpus whose initials spell the acronym ("Green Climate Fund" → GCF). The last is
the noisy one (most capitalised phrases spell something: "Governance of Digital Platforms" → GDP),
so it is kept only for an acronym no definition explains and that a document writing the phrase
uses as a word (``find_acronyms``). Search expands a query's acronyms to their names and names to
their acronyms (``search.bm25``).
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
_TOKEN = re.compile(r"[\w’'-]+")
# Function words a heading in capitals is made of: such a word in capitals beside an acronym means
# the acronym is a heading's word ("ENGAGEMENTS STARTED IN 2022 AND TO BE COMPLETED").
_SHOUTED = frozenset(_JOINERS + ("to", "be", "by", "is", "are", "its", "it", "how", "as", "or", "an", "a",
                                 "no", "not", "from", "this", "that", "who", "what", "we", "our"))

DEFINED, GAZETTEER, SPELLED = "defined", "gazetteer", "spelled"
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
    """(initials, phrase) for each capitalised phrase of two or more significant words that stands
    on its own: at the edge of its run of capitalised words or next to a joiner other than "and".
    "Nations Volunteers" (in "United Nations Volunteers") and "Intergovernmental Negotiating" (before
    "Committee") are pieces of a longer name, not names; "the International Organization for
    Migration" and "Director-General of the International Organization for Migration" hold one."""
    for m in _NAME_RUN.finditer(text):
        for words in _segments(m.group(0).split()):
            for i in range(len(words)):
                if words[i].lower() in _JOINERS or not _edge(words, i - 1):
                    continue
                for j in range(i + 2, min(len(words), i + _MAX_WORDS) + 1):
                    if words[j - 1].lower() in _JOINERS or not _edge(words, j):
                        continue
                    phrase = " ".join(words[i:j])
                    short = initials(phrase)
                    if 2 <= len(short) <= 8:
                        yield short, phrase


def _edge(words: list[str], k: int) -> bool:
    """Whether a phrase may end before (or start after) ``words[k]``: the run's edge or a joiner
    other than "and" ("Educational, Scientific and Cultural Organization" holds no "Cultural
    Organization")."""
    return k < 0 or k >= len(words) or (words[k].lower() in _JOINERS and words[k].lower() != "and")


def _segments(words: list[str]) -> list[list[str]]:
    """A run cut at the words no name of its spells through: a single letter ("G I T SR" in a
    table of meeting services), an acronym among written-out
    words ("UNDP United Nations Development Programme UNEP ..." in a list of abbreviations); a run
    all in capitals (a heading) is cut at none but single letters."""
    shouting = all(w.upper() == w for w in words)
    out, cur = [], []
    for w in words:
        if len(w) == 1 or (not shouting and is_acronym(w) and not re.search("[a-z]{3}", w)):
            out.append(cur)
            cur = []
        else:
            cur.append(w)
    return [seg for seg in out + [cur] if len(seg) >= 2]


def _uses(text: str) -> set[str]:
    """The acronyms ``text`` uses as words: not a part of a document symbol ("CEDAW/C/BRA/CO/9",
    "ST/SGB/2007/11") and not a word of a heading in capitals ("TO BE COMPLETED", "STATEMENT BY
    THE ...")."""
    out = set()
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        if not is_acronym(w) or "/" in text[max(0, m.start() - 1):m.end() + 1]:
            continue
        near = _TOKEN.findall(text[max(0, m.start() - 30):m.start()])[-1:] + _TOKEN.findall(text[m.end():m.end() + 30])[:1]
        if any(n.isupper() and n.lower() in _SHOUTED for n in near) or w.lower() in _SHOUTED:
            continue
        out.add(w)
    return out


def _defined(text: str) -> Iterable[tuple[str, str, bool]]:
    """(acronym, long form, whether the long form is a name) for each definition in ``text``."""
    from ingest.entities.acronym_definitions import find_definitions

    for d in find_definitions(text):
        if d.long_form:
            yield d.acronym, " ".join(d.long_form.split()), d.named


def _gazetteer() -> Iterable[tuple[str, str]]:
    try:
        from ingest.entities.gazetteer import organizations
    except ImportError:  # an ingest without the entity gazetteer
        return []
    return [(n.text, n.canonical) for n in organizations() if n.acronym]


def find_acronyms(texts: Iterable[str | tuple[str, str]]) -> list[tuple[str, str, str, int, bool]]:
    """(acronym, name, source, times seen, acronym used in the corpus) — one name per acronym.

    ``texts``: the corpus's texts, each alone or as (document, text). A corpus definition wins
    over the gazetteer, which wins over a phrase that merely spells the acronym; among definitions
    a name wins over a long form that is none ("small island developing States (SIDS)" is kept
    only where no "Small Island Developing States (SIDS)" is written); within a source the more
    frequent name wins (ties: the shorter one). A spelled name is kept only for an
    acronym the corpus uses as a word (``_uses``) in a document that writes the name, and never
    for one the corpus defines, even as something that is no name ("gross domestic product (GDP)"
    leaves no "Governance of Digital Platforms").
    """
    found: dict[str, Counter] = {DEFINED: Counter(), SPELLED: Counter()}
    used: set[str] = set()
    described: set[str] = set()
    spelled_in: dict[tuple[str, str], set[str]] = {}
    used_in: dict[str, set[str]] = {}
    names: set[tuple[str, str]] = set()
    for item in texts:
        doc, t = item if isinstance(item, tuple) else ("", item)
        for short, long_form, named in _defined(t):
            described.add(short)
            found[DEFINED][short, long_form] += 1
            if named:
                names.add((short, long_form))
        for pair in _spelled(t):
            found[SPELLED][pair] += 1
            spelled_in.setdefault(pair, set()).add(doc)
        for short in _uses(t):
            used_in.setdefault(short, set()).add(doc)
        used.update(_CAPITALISED.findall(t))
    found[SPELLED] = Counter({pair: n for pair, n in found[SPELLED].items()
                              if pair[0] not in described and spelled_in[pair] & used_in.get(pair[0], set())})
    found[GAZETTEER] = Counter(dict.fromkeys(_gazetteer(), 0))
    best: dict[str, tuple[tuple, str, str, int]] = {}
    for source in (DEFINED, GAZETTEER, SPELLED):
        for (short, name), n in found[source].items():
            key = (-_RANK[source], source != DEFINED or (short, name) in names, n, -len(name))
            if short not in best or key > best[short][0]:
                best[short] = (key, name, source, n)
    rows = [(s, name, src, n, s in used and is_acronym(s)) for s, (_, name, src, n) in best.items()]
    return sorted(rows, key=lambda r: (_RANK[r[2]], -r[3], r[0]))


def write_acronyms(db_path: Path, texts: Iterable[str | tuple[str, str]]) -> int:
    """Add the ``acronyms`` table to a build's database; return the number of rows."""
    rows = find_acronyms(texts)
    con = sqlite3.connect(db_path)
    try:
        con.execute("CREATE TABLE acronyms (short TEXT NOT NULL, long TEXT NOT NULL, source TEXT NOT NULL, "
                    "count INTEGER NOT NULL, used INTEGER NOT NULL)")
        con.executemany("INSERT INTO acronyms VALUES (?,?,?,?,?)",
                        [(s, n, src, c, int(u)) for s, n, src, c, u in rows])
        con.commit()
    finally:
        con.close()
    return len(rows)
