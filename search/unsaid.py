"""What a fact's paragraph may leave unsaid, because its document or its context says it.

A question names its subject, its year, its session, the day of an event: "How many people were
injured in the missile attack on Kharkiv on *18 April 2025*?", "Who served as Rapporteur of the
*twenty-eighth* session?". The paragraph that states the fact often does not repeat them: the
letter is dated that day, the report is on that session, the year is the one it reports on, the
Convention was named in full a sentence before ("ratified *the Convention*"). These rules say when
what the question requires counts as said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .evidence import ScoredSentence, local_context
from .names import names_ok
from .ordinals import ORDINALS
from .terms import MONTHS, tokenize

ORDINAL_STEMS = frozenset(t.stem for t in tokenize([" ".join(sorted(ORDINALS))])[0])


@dataclass(frozen=True)
class DocContext:
    """What a paragraph's document says for all its paragraphs: its subject's stems and the years
    it reports on (the year of its date and the year before: a report of February 2025 on 2024)."""

    about: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    dated: frozenset[str] = frozenset()  # the days it is dated ("18 april"): a letter on that day's events


_DATED = re.compile(r"\bdated\s+(\d{1,2})\s+(" + "|".join(sorted(MONTHS)) + r")\s+(?:19|20)\d{2}")


def dated(profile) -> frozenset[str]:
    """The days ("18 april") its title says a letter or note is dated ("Letter dated 18 April 2025 ...")."""
    return frozenset(f"{d} {m.lower()}" for d, m in _DATED.findall(profile.subject.split(" . ")[0]))


def on_its_day(days: set[str], doc: DocContext) -> set[str]:
    """The day numbers of the question's dates ("on *18* April 2025") that its document is dated: a
    letter dated that day tells that day's events without repeating the date in each paragraph."""
    return {d.split()[0] for d in days & doc.dated}


def written_year(profile) -> int:
    """The year a document was written: its date's, else the year its index gives."""
    return int(profile.date[:4]) if profile.date[:4].isdigit() else profile.year


def years_of(profile) -> frozenset[str]:
    year = written_year(profile)
    return frozenset({str(year), str(year - 1)}) if year else frozenset()


def said(required: set[str], stems: set[str], years: frozenset[str], sentence: set[str],
          about: frozenset[str] = frozenset()) -> bool:
    """True if the paragraph (``stems``) says the question's numbers and ordinals; a year it need not
    say when the fact's ``sentence`` names no year and its document reports on that year ("In November
    and December, 17.4 km of land were cleared" in a report of February 2025 answers "... in 2024");
    an ordinal it need not say when its document's subject (``about``: its title) holds it and the
    sentence names no ordinal ("the Vice-Chair ... would serve as Rapporteur for the session" in the
    report on the *twenty-eighth* session)."""
    missing = required - stems
    if not sentence & ORDINAL_STEMS:
        missing -= about & ORDINAL_STEMS
    return not missing or all(_YEAR_RE.fullmatch(m) for m in missing) and missing <= years \
        and not any(_YEAR_RE.fullmatch(st) and st not in required for st in sentence)  # (a year asked too is no other year)


_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_Y = r"((?:19|20)\d{2})"
#: a period of years the question asks about: "2020-2024", "between 2022 and 2024", "from 2019 to 2023"
_PERIOD = re.compile(r"\b" + _Y + r"\s?[-–—]\s?" + _Y + r"\b|\bbetween " + _Y + r" and " + _Y + r"\b|\bfrom " + _Y
                     + r" (?:to|until|through) " + _Y + r"\b")
#: the word before a name's years ("Strategic *Plan* 2022-2025", "*Council* 2026–2028"): capitalized, not a possessive
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w-]*(?<!['’]s)\s$")


def periods_asked(question: str) -> tuple[tuple[int, int], ...]:
    """The periods of years the question asks about, as (first, last) years; not a name's years."""
    out = []
    for m in _PERIOD.finditer(question):
        first, last = (int(g) for g in m.groups() if g)
        if first < last and not _NAMED_BEFORE.search(question[:m.start()]):
            out.append((first, last))
    return tuple(out)


def within_period(periods: tuple[tuple[int, int], ...], stems: set[str]) -> set[str]:
    """The bounds of the asked periods that a paragraph says by a year inside them: "*Since 2021*, ... Eleven
    concept papers have been renewed" tells of the "2020-2024 chairmanship" without writing its bounds."""
    out: set[str] = set()
    for first, last in periods:
        if any(_YEAR_RE.fullmatch(st) and first <= int(st) <= last for st in stems):
            out |= {str(first), str(last)}
    return out


def referred_back(s: ScoredSentence, names) -> set[str]:
    """The question's names of several words that the fact's paragraph writes in full and the fact's
    sentence (or the one before it) refers back to by their head word, capitalized: "the *CICA
    Convention on Privileges and Immunities* ... To date, eleven Member States have ratified the
    *Convention*". A one-word name ("IFAD") must be said where the fact is."""
    context = local_context(s)
    return {n for n, a in names if len(n.split()) > 1 and re.search(r"\b" + re.escape(_head(n)) + r"\b", context)
            and names_ok(s.hit, [(n, a)])}


def _head(name: str) -> str:
    """The word a name's back-reference keeps: "Convention" in "CICA Convention on Privileges and
    Immunities", "States" in "CICA Member States"."""
    return name.split()[-1] if not (m := re.match(r"(.*?)\s+(?:of|on|for|and|in|to|at|the)\s", name)) \
        else m.group(1).split()[-1]


def dated_elsewhere(span, s: ScoredSentence, scored: list[ScoredSentence], required: set[str]) -> bool:
    """True if a figure whose sentence names no year is dated, in another sentence of its document
    that gives the same figure, with years none of which the question asks ("the current record low
    of 5.7 per cent" beside "hit a record low of 5.7 per cent in early 2025", asked about 2024)."""
    asked = {r for r in required if _YEAR_RE.fullmatch(r)}
    if not asked or not re.search(r"\d", span.text) or _YEAR_RE.search(s.sentence.text):
        return False
    figure = re.sub(r"^(?:about|around|some|nearly|almost|over|more than|approximately|an estimated|only)\s+", "",
                    span.text, flags=re.I)
    years = {y for o in scored if o.hit.symbol == s.hit.symbol and o.sentence.text != s.sentence.text
             for m in re.finditer(re.escape(figure), o.sentence.text)
             for y in _YEAR_RE.findall(o.sentence.text[max(0, m.start() - NEAR_FIGURE):m.end() + NEAR_FIGURE])}
    return bool(years) and not years & asked


#: how far (characters) from the figure another sentence's year dates it ("5.7 per cent in early 2025")
NEAR_FIGURE = 30
