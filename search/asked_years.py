"""A figure asked for one year is not answered by a sentence that dates it to other years.

"How many women accessed essential services in *2022*?" is not answered by "UNDP support resulted in 137 million
women accessing essential services in *2024*, up from 94 million in *2023*": the figure is of the asked kind, on the
asked subject, but of other years. Nor does a paragraph that says the asked year of another figure ("Mauritania
recorded 6.5 per cent in *2023*") date a sentence that names no year ("Senegal faces ... a high population growth
rate (2.5 per cent)"). A question naming years (or a period of years) is answered by a sentence whose own years meet
the asked ones: the same year, a period holding it ("between 2022 and 2024", "2020-2024", "since 2021", "the
2023-2024 cold season"), a fiscal year holding it ("2024/25"); a period asked is not met by years that only overlap
it. Years that name ("resolution 2118 (2013)", "the 2030 Agenda", "Strategic Plan 2022-2025", "S/2024/868") or date
a figure the sentence compares with ("up from 94 million in 2023", "(2023: $168 million)") may meet the asked year
but date nothing of the sentence's own. A sentence with no year of its own is dated by the opening time frame of the
one before it or of its paragraph ("In 2023, ..."), else by the years its document reports on (``search.unsaid``).
In the question, a year of its source ("according to the Secretary-General's 2025 report") or of the document or
session it is about ("MICIVIH's August 1997 report", "at its 2025 annual session") is no time of the fact
(``search.question_frames``). A fiscal year asked ("2023/24") is met only by that fiscal year where fiscal years are
named. "The previous year" in the figure's clause is the year before the sentence's own ("0.9 per cent in 2025, ...
below the 1.1 per cent growth of the previous year": 2024); the year of when something named was made ("the
initiative launched in 2019 has consolidated 21 processes") dates no figure; "as of 2018" asked is that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .question_frames import fact_time_text
from .terms import MONTHS

_Y = r"(?:19|20)\d{2}"
#: a symbol or a number with a year: "S/2024/868", "decision 2024/344", "resolution 2118 (2013)", "No. 025/24"
_SYMBOL = re.compile(r"[A-Za-z0-9.]+/" + _Y + r"(?:/[\w.]+)*|\b" + _Y + r"/\d+\b(?!/)|\b\d{3,4}\s*\(" + _Y + r"\)|"
                     r"\b[A-Za-z]*\d+/\d{2}\b(?!/)")
#: a name's years: a capitalized word right before ("Plan 2022-2025", "Agenda 2030"; not a possessive, not a sentence's
#: first word) or right after ("the 2030 Agenda", "2024 Annual Report"); "post-2015"
_NAMED_BEFORE = re.compile(r"\b(?!(?:In|By|Since|From|Between|During|Until|As|At|On|For|Of|Before|After|Through|Throughout"
                           r"|To|Over|Under|The|Early|Late|Mid|End|" + "|".join(sorted(MONTHS)) + r")\b)[A-Z][\w-]*(?<!['’]s)\s$")
_NAMED_AFTER = re.compile(r"^\s[A-Z]")
_DETERMINED = re.compile(r"(?i)(?:\b(?:the|its|their|this|that)|['’]s)\s$")  # "the 2030 Agenda", not "in 2007 Chile"
#: what a figure is compared with, to the clause's end: "up from 94 million in 2023", "(2023: $168 million)",
#: "increased to 181 from the 173 baseline ... in 2021"
_COMPARED = re.compile(r"\b(?:than|compared (?:with|to)|as against|(?:up|down) from|(?:increased|decreased|rose|fell|grew|"
                       r"declined|dropped) (?:by [^.;,()]*? )?to [^.;,()]*? from)\b(?:[^.;,()]|(?<=\d)[.,](?=\d))*|"
                       r"\(\s*" + _Y + r"\s*:[^)]*\)")  # to the clause's end: a decimal point or a thousands comma is no end
_PREFIXED = re.compile(r"(?i)(?:post|pre|mid)-$")
#: periods: "2022-2024", "2022–2025", "between 2022 and 2024", "from 2020 to 2024", "2024/25", "since 2021"
_RANGE = re.compile(r"\b(" + _Y + r")\s?[-–—]\s?(" + _Y + r"|\d{2})\b|\b(?i:between) (" + _Y + r") and (" + _Y + r")\b|"
                    r"\b(?i:from) (" + _Y + r") (?:to|until|through) (" + _Y + r")\b")
_FISCAL = re.compile(r"\b(" + _Y + r")/(\d{2})\b(?!/)")
_SINCE = re.compile(r"(?i)\b(?:since|from|as of|starting in|beginning in) (?:(?:early|mid|late)[- ])?(?:\w+ )?(" + _Y + r")\b")
_YEAR = re.compile(r"\b(" + _Y + r")\b")
OPEN = 2100  # the open end of "since 2021"
#: a year of when something the sentence names was made, not of its figure: "the initiative *launched in 2019* has
#: consolidated 21 processes", "four plans *adopted in 2024*" (a participle: "plans *were* adopted in 2024" is the deed's)
_MADE = re.compile(r"(?i)(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )(?<!\bbe )\b(?:launched|established|"
                   r"adopted|created|founded|set up|introduced|signed|inaugurated|initiated|approved|endorsed) in "
                   r"(?:(?:early|mid|late)[- ])?(?:[A-Z][a-z]+ )?(?:\d{1,2} )?" + _Y + r"\b")
#: a year said by its distance from the sentence's own: "up from 88 per cent *the previous year*"
_RELATIVE = re.compile(r"(?i)\b(?:the|a) (?:previous|preceding|prior) year\b|\blast year\b|\bthe year before\b")
#: in a question, a point in time: "*as of* 2018, how many ... had" asks 2018, not every year since
_AS_OF = re.compile(r"(?i)\bas of\b")


@dataclass(frozen=True)
class Years:
    """The years a text dates something to: single years and periods (first, last), fiscal years apart."""
    spans: tuple[tuple[int, int], ...] = ()
    fiscal: frozenset[str] = frozenset()

    def __add__(self, other: Years) -> Years:
        return Years(self.spans + other.spans, self.fiscal | other.fiscal)

    def meets(self, other: Years) -> bool:
        """True if a year or period of each side overlaps; two sides naming fiscal years must share one."""
        if self.fiscal and other.fiscal:
            return bool(self.fiscal & other.fiscal)
        return any(a <= d and c <= b for a, b in self.spans for c, d in other.spans)


def years_of(text: str) -> Years:
    """The years and periods ``text`` dates something to, leaving out the years of names and symbols."""
    text = _SYMBOL.sub(lambda m: " " * len(m.group(0)) if not _FISCAL.fullmatch(m.group(0)) else m.group(0), text)
    text = _MADE.sub(lambda m: " " * len(m.group(0)), text)
    spans: list[tuple[int, int]] = []
    fiscal: set[str] = set()
    taken: list[tuple[int, int]] = []
    for m in _FISCAL.finditer(text):
        first = int(m.group(1))
        if (first + 1) % 100 == int(m.group(2)) and not _named(text, m.start(), m.end()):
            spans.append((first, first + 1))
            fiscal.add(f"{first}/{m.group(2)}")
            taken.append(m.span())
    for m in _RANGE.finditer(text):
        if _inside(m.start(), taken):
            continue
        taken.append(m.span())
        if _named(text, m.start(), m.end()):
            continue
        ends = [g for g in m.groups() if g]
        first, last = int(ends[0]), int(ends[1]) if len(ends[1]) == 4 else int(ends[0][:2] + ends[1])
        if first <= last:
            spans.append((first, last))
    for m in _SINCE.finditer(text):
        if not _inside(m.start(1), taken):
            spans.append((int(m.group(1)), OPEN))
            taken.append(m.span(1))
    for m in _YEAR.finditer(text):
        if not _inside(m.start(), taken) and not _named(text, m.start(), m.end()):
            spans.append((int(m.group(1)),) * 2)
    return Years(tuple(spans), frozenset(fiscal))


def _inside(pos: int, taken: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in taken)


def _named(text: str, start: int, end: int) -> bool:
    """True if the years at ``start:end`` belong to a name: "Strategic Plan 2022-2025", "the 2030 Agenda", "post-2015"."""
    before, after = text[:start], text[end:]
    return bool(_NAMED_BEFORE.search(before) or _NAMED_AFTER.match(after) and _DETERMINED.search(before)
                or _PREFIXED.search(before))


def asked_years(question: str) -> Years:
    """The years and periods a question asks about, without its source's date."""
    return years_of(_AS_OF.sub("in", fact_time_text(question)))


def another_year(asked: Years, sentence: str, before: str = "", paragraph: str = "",
                 reported: frozenset[str] = frozenset(), at: int | None = None, question: str = "",
                 written: str = "") -> bool:
    """True if the question asks years and the fact's ``sentence`` dates its own figure to years none of which meets
    the asked ones: the figure is of another year or period. The sentence's years that date a figure it is compared
    with ("up from 94 million in *2023*") or name ("Plan *2025*") may meet the asked year, but date nothing on their
    own. A sentence that dates nothing of its own is dated by the opening time frame of the one ``before`` it (``before``
    is the local context, the sentence included: "In 2022, 900 staff were trained. Of these, 300 ..."; not "In Nigeria,
    ... from 5.5 per cent of GDP in 2023 to 8.7 per cent in 2024" before Chad's poverty rate), by its ``paragraph``'s
    opening or by the years its document ``reported`` on (when its date is known); an asked year none of them gives, written elsewhere in the paragraph, dates another
    figure there ("Mauritania recorded 6.5 per cent in 2023" is no year of "Senegal faces a high population growth
    rate (2.5 per cent)"). The figure at ``at`` (its offset in the sentence), when it is the compared one, is dated by
    its clause alone. A day the ``question`` asks with its year, which the sentence writes without one, is dated by
    the document's date ``written`` alone (``yearless_as_asked``)."""
    if not asked.spans:
        return False
    if (tied := yearless_as_asked(question, sentence, written)) is not None:
        return not tied  # "On 19 January, X, wanted for crimes committed from 2015, was arrested": the asked day's year
    if at is not None and (compared := next((m for m in _COMPARED.finditer(sentence) if _opens(m) <= at < m.end()), None)) \
            and (then := years_of(compared.group(0)[_opens(compared) - compared.start():])).spans:
        return not asked.meets(then)  # the figure at ``at`` is the compared one ("than the 13 per cent planned in 2023/24")
    if (relative := _relative_year(sentence, at, before.replace(sentence, " ").strip(), reported)) is not None:
        return not asked.meets(relative)  # "slightly below the 1.1 per cent growth of the previous year" (2025's)
    every = years_of(sentence) + named_years(sentence)
    own = years_of(_COMPARED.sub(" ", sentence))
    if own.spans:
        return not asked.meets(every) or only_overlaps(asked, own)
    prior = before.replace(sentence, " ").strip()
    said = years_of(prior)
    if asked.fiscal and said.fiscal and not asked.fiscal & said.fiscal:
        return True  # "the budget for fiscal year 2024/25. The approved budget of 4.2 trillion ...": not 2023/24
    if asked.meets(every) or asked.meets(_framed(prior)) or not reported:
        return False
    return not asked.meets(_framed(paragraph)) and not asked.meets(Years(tuple((int(y), int(y)) for y in reported)))


#: a day and month the question dates with a year: "arrested on *19 January 2025*"
_ASKED_DAY = re.compile(r"\b(\d{1,2}) (" + "|".join(sorted(MONTHS)) + r"),? (" + _Y + r")\b")


def yearless_as_asked(question: str, sentence: str, written: str) -> bool | None:
    """Whether the day the question asks, which ``sentence`` writes without a year ("*On 19 January*, ... was arrested
    in Turin", its crimes dated 2015 in a clause), falls in the asked year: a report's year-less day is the last one
    before the report's date ``written`` (ISO; "16 October" in a report of April 2025 is 16 October 2024). None when
    the sentence writes no such day or the document's date is unknown: the sentence's years then decide."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", written or ""):
        return None
    for m in _ASKED_DAY.finditer(fact_time_text(question)):
        day, month, year = int(m.group(1)), m.group(2), int(m.group(3))
        if not re.search(r"(?<![\d–-])\b" + str(day) + r" " + month + r"\b(?!,? (?:" + _Y + r"|\d{1,2}\b))", sentence):
            continue
        order = _MONTH_ORDER.index(month) + 1
        implied = int(written[:4]) - ((order, day) > (int(written[5:7]), int(written[8:10])))
        return implied == year
    return None


_MONTH_ORDER = ("January February March April May June July August September October November December").split()


def made_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` dates when something it names was made ("the initiative *launched in 2019*"): no year of a figure."""
    return [m.span() for m in _MADE.finditer(text)]


def previous_years(sentence: str, reported: frozenset[str]) -> frozenset[str]:
    """The years "the previous year" of ``sentence`` stands for: the year before each of its own, else before each the
    document reports on ("up from 88 per cent the previous year" in a report on 2024: 2023)."""
    if not _RELATIVE.search(sentence):
        return frozenset()
    base = years_of(_COMPARED.sub(" ", sentence)).spans or tuple((int(y), int(y)) for y in reported)
    return frozenset(str(a - 1) for a, b in base if a == b)


def _relative_year(sentence: str, at: int | None, prior: str, reported: frozenset[str]) -> Years | None:
    """The years of the figure at ``at`` when its clause dates it only by "the previous year": the year before the
    sentence's own ("projected to expand by 0.9 per cent in 2025, ... below the 1.1 per cent growth of the previous
    year": 2024), else before its context's opening frame ("In 2024, ... up from 88 per cent the previous year"), else
    before the years its document reports on. None when the clause says no such thing or nothing gives the base."""
    if at is None:
        return None
    clause = _clause(sentence, at)
    if not _RELATIVE.search(clause) or years_of(clause).spans:
        return None
    base = years_of(_COMPARED.sub(" ", sentence.replace(clause, " "))) if clause else Years()
    if not base.spans:
        base = _framed(prior) if _framed(prior).spans else Years(tuple((int(y), int(y)) for y in reported))
    spans = tuple((a - 1, b - 1) for a, b in base.spans if b < OPEN)
    return Years(spans) if spans else None


def _clause(sentence: str, at: int) -> str:
    """The clause holding offset ``at``: the compared clause it is in ("up from 88 per cent the previous year"), else
    the stretch between the commas or semicolons around it."""
    compared = next((m for m in _COMPARED.finditer(sentence) if _opens(m) <= at < m.end()), None)
    if compared:
        return sentence[_opens(compared):compared.end()]
    breaks = [m.start() for m in _BREAK.finditer(sentence)]
    return sentence[max([b + 1 for b in breaks if b < at], default=0):min([b for b in breaks if b >= at], default=len(sentence))]


_BREAK = re.compile(r"(?<!\d)[,;]|[,;](?!\d)")  # a clause's comma, not a figure's ("1,387")


def _framed(text: str) -> Years:
    """The years of ``text``'s opening time frame ("In 2023, ..."), which date what follows it."""
    opening = _OPENING.match(text)
    return years_of(opening.group(0)) if opening else Years()


def _opens(m: re.Match) -> int:
    """Where a compared clause starts: "increased to 181 *from* the 173 baseline": at "from", the 181 is the figure's own."""
    return m.start() + (m.group(0).find(" from ") + 1 if m.group(0)[:1].islower() and " to " in m.group(0)
                        and not m.group(0).startswith(("up ", "down ")) else 0)


def named_years(text: str) -> Years:
    """Every year ``text`` writes outside symbols, names' included ("the Response Plan *2025*")."""
    text = _SYMBOL.sub(" ", text)
    return Years(tuple((int(y), int(y)) for y in _YEAR.findall(text)))


def only_overlaps(asked: Years, said: Years) -> bool:
    """True if a period of several years is asked and the sentence's years, read as one closed period from the first to
    the last, only overlap it: neither holds the other ("renewed from 2021 to 2024" asked "between 2018 and 2022" counts
    papers of other years, and leaves out some of the asked ones)."""
    periods = [(a, b) for a, b in asked.spans if a < b]
    if len(periods) != 1 or any(b >= OPEN for _, b in said.spans):
        return False
    (a, b), first, last = periods[0], min(x for x, _ in said.spans), max(y for _, y in said.spans)
    return not (a <= first and last <= b) and not (first <= a and b <= last)


#: a paragraph's opening time frame: "In 2023,", "During the 2023–2024 season,", "As at 31 December 2024,"
_OPENING = re.compile(r"^\s*(?:In|During|Throughout|Since|By|As (?:at|of)|From|Between|Over)\b[^,.;]{0,60},")
