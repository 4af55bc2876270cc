"""How well a typed span of a sentence answers a question: the scores ``search.answer`` adds to
its sentence's score to pick the fact (closeness to the question's words, the counted noun, the
years, "A and B ... 159 and 138, respectively", lists joined by "and").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .acronyms import spells, starts_with_letter
from .equivalents import equivalents
from .answer_types import BULLETS, UNITS, Span, is_country, typed_spans
from .evidence import QuestionTerm, ScoredSentence, stop_words
from .narrowing import body_conflict, counted_words, label_conflict, narrowed, place_conflict, qualifying_place
from .proposed import proposed_figure
from .terms import tokenize
from .unsaid import MONTHS


def opens_clause(span: Span, spans: list[Span], s: ScoredSentence) -> bool:
    """True if no other name comes before ``span`` in its clause: for "who did X", the doer.

    ("IFAD and the European Commission, in collaboration with the World Bank ..., have launched")
    """
    clause = _clauses(s)
    where = {i: c for i, (t, c) in enumerate(zip(s.tokens, clause))}
    of = lambda sp: next((where[i] for i, t in enumerate(s.tokens) if t.start >= sp.start), -1)
    mine = of(span)
    return not any(other.start < span.start and other.kind == span.kind and of(other) == mine
                   and not _joins(s.sentence.text[other.end:span.start]) for other in spans)


_DOER = re.compile(r"\b([A-Za-z]+)\s+(?:of|by)\s+(?:the\s+)?(?:(?:Professor|Prof\.|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Judge|Ambassador)\s+)?$")


def does_asked(span: Span, s: ScoredSentence, qstems: set[str]) -> bool:
    """True if the name is the doer of what the question asks, as "the *offer of* the World
    Meteorological Organization" or "*organized by* UNDP" for "which organization offered /
    organized": worth more than opening the clause ("the Conference welcomed the offer of ...")."""
    m = _DOER.search(s.sentence.text[:span.start])
    if m and re.search(r"(?:ion|ment)\s+of\b", m.group(0)):
        return False  # "the *decolonization of* the Territories", "the implementation of": what is done, not who does it
    return bool(m) and _is_asked_verb(m.group(1), qstems)


#: Past forms whose stem is not their verb's ("*met* from 20 February" for "when did it meet").
_IRREGULAR = {"met": "meet", "held": "hold", "built": "build", "sent": "send", "spent": "spend", "made": "make",
              "taken": "take", "took": "take", "given": "give", "gave": "give", "begun": "begin", "began": "begin",
              "kept": "keep", "found": "find", "led": "lead", "won": "win", "paid": "pay", "sold": "sell",
              "brought": "bring", "chosen": "choose", "chose": "choose", "left": "leave", "rose": "rise",
              "risen": "rise", "fell": "fall", "fallen": "fall", "set": "set", "told": "tell", "said": "say",
              "wrote": "write", "written": "write", "signed": "sign", "struck": "strike", "hit": "hit", "shot": "shoot",
              "fled": "flee", "drew": "draw", "drawn": "draw", "grew": "grow", "grown": "grow"}


@lru_cache(maxsize=256)
def _base_stem(word: str) -> str:
    """The stem of an irregular past form's verb ("met" -> "meet"), else ""."""
    base = _IRREGULAR.get(word)
    return tokenize([base])[0][0].stem if base else ""


def merge_acronyms(spans: list[Span], text: str) -> list[Span]:
    """"International Fund for Agricultural Development" + "(IFAD)" -> one span, so lists join."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev and prev.kind == sp.kind and text[prev.end:sp.start] == " (" and text[sp.end:sp.end + 1] == ")":
            out[-1] = Span(f"{prev.text} ({sp.text})", sp.kind, prev.start, sp.end + 1)
        else:
            out.append(sp)
    return out


def respectively(span: Span, spans: list[Span], s: ScoredSentence, terms: list[QuestionTerm]) -> float:
    """+/-0.3 for a value of an "A and B ... 159 and 138, respectively" list: is it the question's one?

    The values pair in order with the names listed before them (instruments, organizations or
    places); the name sharing most of the question's (rare) words picks the value.
    """
    if span.kind not in ("count", "money", "percent", "date"):
        return 0.0
    text = s.sentence.text
    group = coordinated(span, spans, text)
    if len(group) < 2 or not (tail := re.match(r"[^.;]{0,80}?(?=\brespectively\b)", text[group[-1].end:])):
        return 0.0
    # the keys after the values ("$377.2 million and $229.5 million *in 2022 and 2023*, respectively"), else before
    after = typed_spans(tail.group(0), ("date", "instrument", "organization", "place"))
    names = after if len(after) == len(group) else \
        [sp for sp in typed_spans(text[:group[0].start], ("instrument", "organization", "place"))]
    if len(names) < len(group):
        return 0.0
    names = names[-len(group):]
    weights = {t.stem: t.weight for t in terms}
    overlap = [sum(weights.get(st, 0.0) for st in {t.stem for t in tokenize([n.text])[0]}) for n in names]
    if max(overlap) <= 0 or overlap.count(max(overlap)) > 1:
        return 0.0
    return 0.3 if overlap.index(max(overlap)) == group.index(span) else -0.3


def sentence_entities(s: ScoredSentence) -> list[tuple[str, str, int, int]]:
    a, b = s.sentence.start, s.sentence.end
    return [(e.text, e.kind, e.start - a, e.end - a) for e in s.hit.entities if a <= e.start and e.end <= b]


def echoes(span: Span, qstems: set[str]) -> bool:
    """True when every content word of the span is already in the question (it cannot be the answer:
    "at least one" for "how many States have ratified at least one of the instruments")."""
    stems = [t.stem for t in tokenize([span.text])[0] if t.text.lower() not in stop_words()]
    return bool(stems) and all(st in qstems for st in stems)


def names_asked(span: Span, names) -> bool:
    """True for a name the question itself asks about ("United Nations Volunteers (UNV)" for "which
    entity hosted the most UN Volunteers"): it cannot be the answer. ``names`` are (name, aliases)."""
    if span.kind in ("count", "money", "percent", "date"):
        return False
    forms = {f.lower() for name, aliases in names for f in (name, *aliases)}
    parts = [p for p in re.split(r"\s*[()]\s*", span.text) if p]
    return any(p.lower() in forms for p in parts) or any(blends(p, name) for p in parts for name, _ in names)


def blends(word: str, name: str) -> bool:
    """True if ``word`` is ``name`` shortened by blending the heads of its words, as bodies name
    themselves ("Afreximbank" for "African Export-Import Bank", "Interpol" for "International
    Criminal Police Organization"): pieces of two letters or more, each the start of a later word."""
    low = word.lower()
    heads = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    if " " in word or len(low) < 5 or len(heads) < 2 or not low.isalpha() or low == "".join(heads):
        return False

    def fits(rest: str, i: int, used: int) -> bool:
        if not rest:
            return used >= 2
        return any(rest.startswith(heads[j][:n]) and fits(rest[n:], j + 1, used + 1)
                   for j in range(i, len(heads)) for n in range(min(len(heads[j]), len(rest)), 1, -1))

    return low.startswith(heads[0][:2]) and fits(low, 0, 0)


def _number_of(toks, first: int, target: set[str], clause: list[int]) -> float:
    """1 if the clause before the number says "the number of <target> ... reached N"."""
    before = [i for i in range(max(0, first - 12), first) if clause[i] == clause[first]]
    words = [toks[i].stem for i in before]
    for j, w in enumerate(words[:-1]):
        if w == "number" and words[j + 1] == "of" and set(words[j + 2:j + 5]) & target:
            return 1.0
    return 0.0


_GENERIC_COUNTED = frozenset("peopl person individu time case".split())


def _counted_once(toks, head: str) -> bool:
    """True if only one number of the sentence is followed right away by the counted noun."""
    return sum(1 for a, b in zip(toks, toks[1:]) if b.stem == head and any(c.isdigit() for c in a.text)) == 1


def _counts_other(toks, last: int, counted: set[str], text: str) -> str:
    """"noun" if the number counts a noun other than the one asked about ("11 peacekeeping
    *operations*" for "how many peacekeepers"; "63 *municipalities*" for "how many candidates"),
    "people" if it counts people in general (who may be the ones asked about), else ""."""
    if not counted or counted & _GENERIC_COUNTED:
        return ""
    run = counted_words(toks, last, text)
    if not run and (shared := _shares_noun(toks, last, text)) is not None:
        return _counts_other(toks, shared, counted, text)  # "*10* formal and 21 informal recommendations"
    if run and run[-1].text.lower() in ("others", "more") and (before := _previous_number(toks, last)) is not None:
        return _counts_other(toks, before, counted, text)  # "5 *civilians* and injuring 55 others": civilians too
    if not run or any(_same_word(run[-1].stem, c) for c in counted):
        return ""
    if run[-1].text.lower() in _MEMBER_NOUNS:
        return "" if any(t.stem in counted for t in run[:-1]) else "people"
    return "noun"


def _previous_number(toks, last: int) -> int | None:
    """The index of the last token of the number before token ``last``'s number, or None."""
    first = last
    while first > 0 and toks[first - 1].text[:1].isdigit():
        first -= 1
    return next((j for j in range(first - 1, -1, -1) if toks[j].text[:1].isdigit()), None)


def _same_word(stem: str, other: str) -> bool:
    """One word in two forms the stemmer leaves apart ("retirees" / "retired": retire, retir), or two
    words for one thing ("partners" / "donors": ``search.equivalents``)."""
    return stem == other or min(len(stem), len(other)) >= 5 and (stem.startswith(other) or other.startswith(stem)) \
        or other in equivalents(stem)


def _shares_noun(toks, last: int, text: str) -> int | None:
    """The index of the number a number shares its noun with ("10 formal *and 21* informal
    recommendations": both count recommendations), or None."""
    if last + 1 < len(toks) and re.match(r"(?:\s+[a-z][\w-]*)?\s+(?:and|or|to)\s+\d", text[toks[last].end:]):
        return next((j for j in range(last + 1, min(last + 4, len(toks))) if toks[j].text[:1].isdigit()), None)
    return None


# Nouns that follow the counted noun without changing it: "18 *staff members*" counts staff, "47
# *States parties*" States.
_MEMBER_NOUNS = frozenset("members member personnel persons people individuals parties party officials staff".split())


def _part_of_total(text: str, span: Span) -> float:
    """"29 (63 per cent) of the 46 recommendations": the part answers "how many were implemented"
    more often than the total does."""
    if re.search(r"\d", span.text) and re.match(r"\s*(?:\([^()]*\)\s*)?of (?:the |all |a total of )?\d", text[span.end:]):
        return 0.5  # (not "in *one* of 141 centres": one of them, no count)
    if re.search(r"\d[\d,.]*\s*(?:\([^()]*\)\s*)?of (?:the |all |a total of )?$", text[:span.start]):
        return -0.5
    return 0.0


def heading_place(section: tuple[str, ...], depth: int = 1) -> frozenset[str]:
    """The stems of a place the paragraph's own heading names ("East Asia", "Economic Commission for
    *Africa* region"), or with ``depth`` the nearest of its ``depth`` innermost headings that names
    one; empty when none does."""
    for heading in reversed(section[-depth:]):
        if found := _place_in(heading):
            return found
    return frozenset()


def _place_in(heading: str) -> frozenset[str]:
    from ingest.entities.gazetteer import PLACE, lookup, normalize

    known = lookup()
    words = re.findall(r"[A-Z][\w’'-]*", heading)
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            name = known.get(normalize(" ".join(words[i:i + n])))
            if name is not None and name.kind == PLACE:
                return frozenset(t.stem for t in tokenize([name.text])[0])
    return frozenset()


#: how much a figure whose own place is the asked one counts as named (``about_asked_place``)
PLACE_NAMED = 0.5


def about_asked_place(span: Span, s: ScoredSentence, qplaces: frozenset[str], places: list[tuple[int, int]]) -> bool:
    """True if the place the figure is about (``narrowing.qualifying_place``) is one the question
    names: in a report whose every paragraph names the United States, the world's growth figure
    still says nothing of the United States'."""
    if not qplaces:
        return False
    where = qualifying_place(span, s.sentence.text, places)
    return where is not None and bool({t.stem for t in s.tokens if where[0] <= t.start and t.end <= where[1]} & qplaces)


def span_score(span: Span, s: ScoredSentence, terms: list[QuestionTerm], target: set[str], slot: tuple[str, ...],
               head: str = "", counted: set[str] | None = None, about: frozenset[str] = frozenset(),
               qplaces: frozenset[str] = frozenset(), names=(), owner: str = "") -> float:
    """How well a span answers the question; added to its sentence's score.

    Counts: the question's target words ("how many *Member States*") right after the number, or
    a question word the number is bracketed after ("Asia (71 million)"); the years nearby agree
    with the question's. All kinds: near the question's rare words; the kind wanted first.
    """
    toks = s.tokens
    inside = [i for i, t in enumerate(toks) if span.start <= t.start and t.end <= span.end]
    if not inside:
        return -1.0
    first, last = inside[0], inside[-1]
    qstems = {t.stem for t in terms}
    text = s.sentence.text
    if _ruled_out(span, s, terms, target, slot, head, counted, names, last):
        return -1.0
    clause = _clauses(s)
    proximity = _proximity(span, s, terms, first, last, clause)
    named = 0.0
    if span.kind in ("count", "money", "percent"):
        if target:
            after = [t.stem for t in toks[last + 1:last + 8]]
            named = sum(1.0 / (1.0 + after.index(st) / 4.0) for st in target if st in after) / len(target)
            if span.kind == "count":
                if head and after[:1] == [head] and _counted_once(toks, head):
                    named = max(named, 0.6)  # "over 4,000 *participants*": the only number of them
                named = max(named, _number_of(toks, first, target, clause))
                if _COMPOUND_END.search(span.text):
                    named = 1.0  # "a 46-*page* report": the compound's own noun is the one counted
                elif counted and (other := _counts_other(toks, last, counted, text)):
                    if other == "noun":
                        return -1.0  # "63 *municipalities*" does not answer "how many candidates"
                    named = -1.0  # "1,200 *people*" may still be the deaths asked about
                if not named and _counts_other(toks, last, target, text):
                    named = -1.0
                named += _part_of_total(text, span)
                if re.match(r"a total of\b", span.text, re.I) and target <= set(after[:5]):
                    named += TOTAL_BONUS  # "two initial reports, ... four overdue periodic reports, that is, *a total
                    # of seven* overdue reports": the sum answers "how many overdue reports", a part only when asked
        named = max(named, 1.0) if span.kind == "money" and _addressed_as_asked(text, span, qstems) else named
        if (span.kind in ("count", "percent") or span.kind == "money" and _THE_PARTICIPLE.search(text[:span.start])) and \
                _governed_by(text, span, qstems) or span.kind == "percent" and _governed_by(text, span, qstems, _SHARE_DOING):
            named = max(named, 1.0)  # "*injuring* over 100 others", "*the required* $1.7 billion", a share's verb phrase
        elif span.kind in ("count", "percent") and _other_deed_governs(text, span, qstems):
            named -= OTHER_DEED  # "*killing* at least 5 civilians and injuring 55": not the injured
        elif span.kind == "count" and (whole := _OUT_OF.match(text, span.end)) and \
                _governed_by(text, Span(whole.group(1), "count", whole.start(1), whole.end(1)), qstems):
            named -= 1.0  # "one of only two agencies out of the 28 agencies *surveyed*": the part, not those surveyed
        if first > 0 and text[:span.start].rstrip().endswith("(") and toks[first - 1].stem in qstems \
                and toks[first - 1].end >= text.rfind("(", 0, span.start) - 2:
            named = max(named, 1.0)
        places = [(a, b) for _, kind, a, b in sentence_entities(s) if kind == "place"]
        if place_conflict(span, s, qplaces, qstems, places):
            return -1.0  # "10,000 schools closed in Burkina Faso" is no figure for South Sudan
        if qplaces and (region := heading_place(s.hit.section, depth=3)) and not region & qplaces \
                and not qplaces & {t.stem for t in tokenize([s.hit.text])[0]}:
            return -1.0  # under "III. Sahel region", a paragraph that never names South Sudan is no figure for it
        if about_asked_place(span, s, qplaces, places):
            named = max(named, PLACE_NAMED)  # "*United States* growth is forecast at 1.6 per cent", not the world's
        named -= NARROWED * narrowed(span, s, qstems, about, places)
        if span.kind in ("money", "count") and (nouns := _figure_of(text, span)) and not nouns & qstems:
            named -= OTHER_NOUN  # "*Contributions* of $91 million" is no total revenue
        if _FROM_BEFORE.search(text[:span.start]) and _TO_AFTER.match(text, span.end) and not qstems & _EARLIER \
                and not _years_say_which(text, span, qstems):  # "in 2006": the years say which
            named -= FROM_BASELINE  # "rising from 330,000 one year ago to over 1 million": the figure it rose from
        elif _REPLACED_BEFORE.search(text[:span.start]) and not qstems & _EARLIER:
            named -= FROM_BASELINE  # "ten updated actions *instead of the previous* 13 actions": the old figure
        if not qplaces and (region := heading_place(s.hit.section)) and not region <= qstems:
            named -= 2 * NARROWED  # "7 per cent of targets" under "Economic Commission for Africa region": Africa's, not the world's
    elif target:  # "which *entity*": the noun next to the name, else anywhere in the sentence ("among all entities")
        after = [i for i in range(last + 1, min(len(toks), last + 5)) if clause[i] == clause[last]]
        named = 1.0 if target & {toks[i].stem for i in [*range(max(0, first - 3), last + 1), *after]} \
            or _bulleted_under(text, span, target) else \
            0.5 * bool(target & {t.stem for t in toks})  # (after it: "the Baz Taliban and 400 Mawozo *groups*")
    if "symbol" in target and _bracketed_after(text, span, toks, first, qstems):
        named = max(named, 1.0)  # "the JIU report for 2023 (*E/ICEF/2024/13*)": the symbol of the title the question gives
    if span.kind == "session" and owner and (held := _last_named(text[:span.start], names)):
        named = 1.0 if owner in held.lower() or held.lower() in owner else -1.0  # "the Expert Mechanism decided, at
        # its *seventeenth session*" is not the Human Rights Council's session the question asks for
    if span.kind == "date" and _dated_by_asked(text, span, qstems) \
            or span.kind == "place" and not target and _governed_by(text, span, qstems, _LOCATED_BY):
        named = max(named, 1.0)  # "criminal case ... *initiated on* 04.04.2022" for "when was it initiated";
        # "which was *held in* Tashkent" for "where was the meeting held"
    if span.kind == "place" and qstems & _VENUE_ASKED and _VENUE_BEFORE.search(text[:span.start]):
        named = max(named, 1.0)  # "which city hosted the consultation": "It was *held on 24 February 2025 in* Quito",
        # not the office "based in Bogota" that organized it
    return 0.15 * proximity + 0.15 * named + 0.08 * _year_agreement(s, first, last, qstems) \
        - 0.03 * slot.index(span.kind)


def _bracketed_after(text: str, span: Span, toks, first: int, qstems: set[str]) -> bool:
    """True for a span in brackets right after one of the question's words (of the last two before the bracket)."""
    return first > 0 and text[:span.start].rstrip().endswith("(") \
        and any(t.stem in qstems for t in toks[max(0, first - 2):first] if t.end <= span.start)


_BULLETS = re.compile(f"[{BULLETS}]")


def _bulleted_under(text: str, span: Span, target: set[str]) -> bool:
    """True for an item of a bulleted list whose lead-in names the asked noun: "collaborates with United Nations
    *agencies*, including: • The Economic Commission for Africa, on trade ... • The United Nations Industrial
    Development Organization, on industrialization": each item is one of them, not only the first."""
    first = _BULLETS.search(text)
    return bool(first) and first.start() < span.start and bool(target & {t.stem for t in tokenize([text[:first.start()]])[0]})


_ONE_OF_THE_MOST = re.compile(r"\s+of\s+(?:the|its|their)\s+(?:most\b|\w{3,}est\b|best\b|worst\b)")


def _ruled_out(span: Span, s: ScoredSentence, terms: list[QuestionTerm], target: set[str], slot: tuple[str, ...],
               head: str, counted: set[str] | None, names, last: int) -> bool:
    """Spans that cannot answer, whatever their closeness to the question's words."""
    toks, text = s.tokens, s.sentence.text
    qstems = {t.stem for t in terms}
    if span.kind == "date" and _YEAR.fullmatch(span.text) and re.match(r"\s[A-Z]", text[span.end:]) \
            and re.search(r"\b[Tt]he\s$", text[:span.start]):
        return True  # part of a name ("the *2013* High-level Dialogue"), not the date of an event
    if span.kind == "count" and slot == ("count",) and counted and (unit := _UNIT_END.search(span.text)) \
            and not any(_same_word(t.stem, c) for t in tokenize([unit.group()])[0] for c in counted):
        return True  # "75 km" is no number of women (but is of kilometres)
    if span.kind == "percent" and (m := re.match(r"\)?\s+(?:of\s+(?:the\s+|those\s+|these\s+)?|(?:were|was|are|is)\s+)",
                                                 text[span.end:])):
        stop = _PHRASE_END.search(text, span.end + m.end())  # "70 per cent *of men* – and that women ...": men
        after = [t for t in toks if span.end + m.end() <= t.start < (stop.start() if stop else len(text))][:6]
        if not {t.stem for t in after} & qstems and not spells_acronym(after, terms):
            return True  # "about half *of the increase in the migrant stock*", "23 per cent *were women*": not asked
    if span.kind == "count" and re.fullmatch(r"\d{1,2}", span.text) and re.match(r"\.(?:\s+[A-Z(]|\s*$)", text[span.end:]) \
            and re.search(r"(?:^|[:;.)]|\band)\s*$", text[:span.start]):
        return True  # an item's number ("...: 1. Challenges ...", "... process. 2." where the splitter cut): no count
    if span.kind == "count" and span.text.lower() == "one" and _ONE_OF_THE_MOST.match(text, span.end):
        return True  # "*one* of the greatest threats": a rank among many, no count
    if span.kind == "count" and _VAGUE.fullmatch(span.text):
        return True  # "*thousands* of people", "*dozens* of scientists": no number to give
    if span.kind == "count" and slot[0] == "money" and not target and not _UNIT_END.search(span.text) \
            and counted_words(toks, last, text):
        return True  # "how much does the plan require": "9.3 million *people* require assistance" counts people
    if span.kind == "count" and head and head not in _TIME_UNITS and _TIME_AFTER.match(text, span.end):
        return True  # "one year ago", "two weeks": a span of time, not a number of the people asked about
    if span.kind == "place" and not target and _IN_A_TITLE.search(text[:span.start]):
        return True  # "where": "the Special Representative ... *for Afghanistan*" names an office, not where
    if target & {"countri", "country", "govern", "state"} and span.kind == "place" and not is_country(span.text):
        return True
    if target & {"citi", "town"} and span.kind == "place" and is_country(span.text):
        return True  # "in which city": "convened by the Government of *Malaysia* ... in Kuala Lumpur" names its country
    if span.kind in ("money", "count", "percent") and proposed_figure(text, span.start, qstems):
        return True  # "what is the current rate": not "the average rate *can be decreased to* $5.10"
    if label_conflict(span, s, terms):
        return True  # "Goal 17, partnerships (17 per cent)" for Goal 16
    if span.kind != "organization" and body_conflict(span, s, names, sentence_entities(s)):
        return True  # "by the Human Rights Council in 2021 and the General Assembly in 2022"
    return False


def spells_acronym(tokens, terms: list[QuestionTerm]) -> bool:
    """True if consecutive ``tokens`` are the words of an acronym the question writes: "0.5 per cent of *gross
    domestic product*" is of the "GDP" asked about (the question abbreviates what the paragraph spells out)."""
    words = [t.text for t in tokens]
    return any(len(a) >= 3 and spells(words, a, starts_with_letter)
               for a in (t.text for t in terms) if a.isupper() and a.isalpha())


def _proximity(span: Span, s: ScoredSentence, terms: list[QuestionTerm], first: int, last: int,
               clause: list[int]) -> float:
    """The question's words near the span, weighted by rarity: farther across a clause break, and
    across a comma into a stretch that holds another figure of its kind."""
    phrase, rivals = _rival_phrases(span, s, first)
    near = 0.0
    for term in terms:
        dists = [(first - i if i < first else i - last) + CLAUSE_GAP * (clause[i] != clause[first])
                 + PHRASE_GAP * (phrase[i] in rivals)
                 for i, t in enumerate(s.tokens) if t.stem == term.stem and not first <= i <= last]
        if dists:
            near += term.weight / (1.0 + min(dists) / 3.0)
    return near / (sum(t.weight for t in terms) or 1.0)


_VAGUE = re.compile(r"(?:(?:some|many|several|about|nearly|over|more than)\s)?(?:tens of |hundreds of )?"
                    r"(?:hundreds|thousands|millions|billions|dozens)", re.I)
#: "a total of N <the asked noun>" after its parts: the sum is the count asked for
TOTAL_BONUS = 0.5
#: "rising *from 330,000* one year ago to over 1 million": a figure compared with, not the figure
FROM_BASELINE = 0.6
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|some|nearly|almost|over|more than|approximately|an estimated)\s+)?$", re.I)
_TO_AFTER = re.compile(r"[^.;]{0,60}?\bto\s+(?:(?:about|around|some|nearly|almost|over|more than|approximately|an estimated)\s+)?[$€£]?\d")
_REPLACED_BEFORE = re.compile(r"\b(?:instead of|rather than|in place of|replacing)\s+(?:the\s+|its\s+|their\s+)?"
                              r"(?:(?:previous|former|earlier|original|old)\s+)?$", re.I)
_EARLIER = frozenset("previous previou earlier befor last ago initi former".split())
_TIME_AFTER = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?|decades?|minutes?)\b", re.I)
_TIME_UNITS = frozenset("year month week day hour decad minut".split())
#: An office's title ends in the place it is for ("Special Representative of the Secretary-General for
#: Afghanistan", "Minister for Foreign Affairs of Kazakhstan"): that place is no venue.
_IN_A_TITLE = re.compile(r"\b(?:Representative|Envoy|Rapporteur|Coordinator|Advis[eo]r|Commissioner|Minister|Ministry|"
                         r"Ambassador|Embassy|Mission|Chargé d’affaires)(?:\s+(?:[A-Z][\w’'-]*|of|the|and|for|on))*?"
                         r"\s+(?:for|on|of|to|in)\s+(?:the\s+)?$")
#: "<noun> of <figure>" names what the figure is: another noun than the question's makes it another thing
OTHER_NOUN = 0.5
_NOUN_OF = re.compile(r"\b([A-Za-z][a-z]+(?:/[A-Za-z][a-z]+)*)\s+of\s+(?:(?:about|around|some|nearly|almost|over|more than|approximately|"
                      r"an estimated|up to|at least|only|just)\s+)?$")
_ANY_FIGURE = frozenset("total sum amount number value average level figure record high low peak maximum minimum "
                        "height tune order excess upwards estimate range share rate cost costs up out because instead "
                        "ahead most many some each all none both any one".split())


def _figure_of(text: str, span: Span) -> set[str]:
    """The stems of the noun a figure is "of" ("contributions of $91 million", "net assets/equity of
    $481 million": either), none when there is none or it is a noun any figure takes ("a total of")."""
    m = _NOUN_OF.search(text[:span.start])
    if not m or any(w.lower() in _ANY_FIGURE or re.search(r"(?:ed|ing)$", w) for w in m.group(1).split("/")):
        return set()
    return {t.stem for t in tokenize([m.group(1).replace("/", " ")])[0]}


NARROWED = 0.6  # in units of "named" (x 0.15): a figure about a narrower group than the one asked
_PHRASE_END = re.compile(r"(?<!\d),|,(?!\d)|[;:()–—]")  # not "20,000"
_PAST = r"\b([A-Za-z]+ed|held|met|built|sent|spent|made|taken|given|begun|kept|found|set up)\s+"
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"  # "*observed on Monday,* 31 March"
_DATED_BY = re.compile(_PAST + r"(?:(?:on|in|since|from|at|by)\s+(?:the\s+)?)?" + _WEEKDAY + "$")  # (none: "met *from X to Y*")
# the verb, its object of a few words, then the date: "Afrique Espérance *obtained* special consultative status *on* 24 June
# 2020", after a clause of other dates ("recognized ... on 16 December 2013, ..."); the verb in lower case ("United
# Nations country teams in mid-2024": "United" is a name's word, no verb)
_OBJECT_DATED = re.compile(r"\b([a-z]+ed|held|met|built|sent|spent|made|taken|given|begun|kept|found|set up)\s+"
                           r"(?:(?!on\b|in\b)[\w’'-]+\s+){1,4}?(?:on|in|since)\s+(?:the\s+)?" + _WEEKDAY + "$")
_LOCATED_BY = re.compile(_PAST + r"(?:in|at)\s+(?:the\s+)?$")
# A question about where something took place, and the words that put an event at its venue.
_VENUE_ASKED = frozenset({"host", "held", "hold", "conven", "venu"})
_VENUE_BEFORE = re.compile(r"\b(?:held|hosted|convened|took place|was staged|met)\b(?:\s+(?!in\b|at\b)[^\s.;,]+){0,5}"
                           r"\s+(?:in|at)\s+(?:the\s+)?$")
_WORD = r"\s+(?!and\b|or\b|but\b)[A-Za-z][\w-]*"
# the participle after the counted words, across a figure coordinated with it ("42,308 cases and 759
# deaths *had been reported*": both were reported; "three peacekeepers *being killed* and 37 ... injured")
_GOVERNED_AFTER = re.compile(rf"(?:{_WORD}){{1,3}}?(?:\s+and\s+\d[\d,.]*(?:{_WORD}){{1,3}}?)?"
                             r"\s+(?:(?:being|were|was|had been|have been|been)\s+)?([a-z]+ed)\b")
_ABOUT = r"(?:(?:at least|more than|less than|fewer than|over|nearly|almost|about|around|some|approximately|up to|" \
         r"an estimated)\s+)?"
_GOVERNING = re.compile(r"\b([A-Za-z]+(?:ing|ed))\s+" + _ABOUT + "$", re.I)
#: A share and what it does: "68 per cent *of the world’s population were using* the Internet".
_SHARE_DOING = re.compile(r"\s+of\s+(?:[\w’'-]+\s+){1,4}?(?:were|was|are|is|had been|have been|has been)\s+"
                          r"([a-z]+(?:ing|ed)\b(?:\s+(?:the\s+)?[\w’'-]+)?)")


#: Score a figure loses when its own verb is not the question's while another figure of the sentence
#: has the question's verb ("killing 5 civilians and injuring 55" for "how many were injured").
OTHER_DEED = 0.5
_NO_DEED = frozenset("including comprising involving totalling totaling reaching representing affecting".split())
_VERB_BEFORE_FIGURE = re.compile(r"\b([A-Za-z]+(?:ing|ed))\s+" + _ABOUT + r"(?=\d)", re.I)


_OUT_OF = re.compile(r"(?:\s+[a-z’'-]+){0,5}?\s+out of (?:the\s+)?(\d[\d,]*)\b")
_COMPOUND_END = re.compile(r"[-‑][a-z]+$", re.I)  # a count read from a compound (answer.compound_counts)
_THE_PARTICIPLE = re.compile(r"\b[Tt]he\s+[a-z]+ed\s+$")


#: The recipient or purpose a sum is given right after it: "$215 million *to civil society organizations*".
_ADDRESSED = re.compile(r"\s+(?:to|for)\s+((?:the\s+)?(?:(?!and\b|or\b)[A-Za-z][\w’'-]*\s*){1,5})")


def _addressed_as_asked(text: str, span, qstems: set[str]) -> bool:
    """True if the words a sum is addressed to ("to|for ...", up to the next "and") hold two of the question's words
    and the sentence gives another sum: the recipient tells the sums apart ("$23 million to governmental entities
    and *$215 million to civil society organizations*" for what was disbursed to civil society organizations)."""
    m = _ADDRESSED.match(text, span.end)
    if not m or len(_MONEY_FIGURE.findall(text)) < 2:
        return False
    return len({t.stem for t in tokenize([m.group(1)])[0]} & qstems) >= 2


_MONEY_FIGURE = re.compile(r"(?:US\s?\$|\$|€|£|\bUSD\s?|\bEUR\s?)\s?\d")


def _other_deed_governs(text: str, span, qstems: set[str]) -> bool:
    """True if a verb other than the question's governs the figure and the question's governs another."""
    own = _GOVERNING.search(text[:span.start])
    if not own or own.group(1).lower() in _NO_DEED or _governed_by(text, span, qstems):
        return False
    return any(not span.start <= m.end() < span.end and _is_asked_verb(m.group(1), qstems)
               for m in _VERB_BEFORE_FIGURE.finditer(text))


def _is_asked_verb(verb: str, qstems: set[str]) -> bool:
    """True if ``verb`` ("injuring", "initiated") is the question's verb in any of its forms."""
    toks = tokenize([verb])[0]
    return bool(toks) and (toks[0].stem in qstems or _base_stem(toks[0].text.lower()) in qstems)


def _years_say_which(text: str, span, qstems: set[str]) -> bool:
    """True if the question names a year and the figure a sentence says something rose or was revised *from* has a
    year of its own before the *to* ("from 330,000 in 2006 to over 1 million"): the years tell the two apart. Without
    one ("revised its budget for 2025 from $3.04 million to $3.01 million") the figure it went from is the old one."""
    to = _TO_AFTER.match(text, span.end)
    return any(_YEAR.fullmatch(q) for q in qstems) and bool(to and _YEAR.search(to.group(0)))


def _dated_by_asked(text: str, span, qstems: set[str]) -> bool:
    """True if the question's verb dates the span: right before it, or across its object of a few words."""
    return _governed_by(text, span, qstems, _DATED_BY) or _governed_by(text, span, qstems, _OBJECT_DATED)


def _governed_by(text: str, span, qstems: set[str], governing: re.Pattern = _GOVERNING) -> bool:
    """True if the verb right before a figure is the question's ("*injuring* over 100 others" for "how
    many were injured", "*initiated on* 04.04.2022" for "when was it initiated"), or for a share, the verb
    its "of" phrase is the subject of (``_SHARE_DOING``): in a sentence of several figures or dates, each
    is what its own verb says."""
    if governing is _SHARE_DOING:  # the verb or its object ("using *the Internet*": "using" is a stop word)
        m = governing.match(text, span.end)
        return bool(m) and any(t.stem in qstems for t in tokenize([m.group(1)])[0])
    m = governing.search(text[:span.start])
    if governing is _GOVERNING and not m:
        m = _GOVERNED_AFTER.match(text, span.end)  # "three peacekeepers *being killed* and 37 others injured"
    return bool(m) and _is_asked_verb(m.group(1), qstems)


CLAUSE_GAP = 8  # extra distance, in words, to a question word across a clause boundary
_CLAUSE_BREAK = re.compile(rf"[;:{BULLETS}]|,\s*(?:whereas|while|but|although|though|however|yet|respectively)\b", re.I)


#: extra distance from a figure to a question word across a comma or dash, into a stretch that holds
#: another figure of its kind (not into a bracket: "Asia (71 million)"): "only 28 per cent of
#: in-patient facilities remain operational, | 54 per cent have closed": the words before the comma
#: are the first figure's, not the second's.
PHRASE_GAP = 4
_PHRASE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:–—]")
_QUANTITIES = ("count", "money", "percent")


def _rival_phrases(span: Span, s: ScoredSentence, first: int) -> tuple[list[int], set[int]]:
    """Each token's phrase (between commas or dashes) and the phrases, other than the figure's own,
    that hold another figure of its kind: the question's words there are that figure's."""
    phrase = _clauses(s, _PHRASE_BREAK)
    if span.kind not in _QUANTITIES:
        return phrase, set()
    starts = {sp.start for sp in typed_spans(s.sentence.text, [span.kind], []) if sp.kind == span.kind} - {span.start}
    # the token at or right after each rival's start: "$215 million" starts at "$", which no word token holds
    rivals = {phrase[i] for a in starts if (i := next((i for i, t in enumerate(s.tokens) if t.end > a), None)) is not None}
    return phrase, rivals - {phrase[first]}


def _clauses(s: ScoredSentence, breaks: re.Pattern | None = None) -> list[int]:
    """The clause number of each token ("... in 173 corridors, | whereas ... in only 47 corridors");
    with ``breaks``, the number of the stretch between two of them."""
    text, out, n = s.sentence.text, [], 0
    breaks = breaks or _CLAUSE_BREAK
    for i, t in enumerate(s.tokens):
        if i and breaks.search(text, s.tokens[i - 1].end, t.end):
            n += 1
        out.append(n)
    return out


def _year_agreement(s: ScoredSentence, first: int, last: int, qstems: set[str]) -> float:
    """+1 if a year next to the span is one the question names, -1 if all such years differ."""
    qyears = {st for st in qstems if _YEAR.fullmatch(st)}
    if not qyears:
        return 0.0
    toks = s.tokens
    if (period := _period_agreement(s.sentence.text, toks[first].start, toks[last].end, qstems)) is not None:
        return period
    clause = _clauses(s)
    compared = [m.span() for m in _COMPARED.finditer(s.sentence.text)]
    own = next(((a, b) for a, b in compared if a <= toks[first].start < b), None)
    if own:  # "(2023: *$168 million*)": the bracket's year is the figure's
        return 1.0 if _COMPARED.match(s.sentence.text, own[0]).group(1) in qyears else -1.0
    near = [(first - i + YEAR_BEFORE if i < first else i - last, t.stem)
            for i, t in enumerate(toks[max(0, first - 8):last + 9], start=max(0, first - 8))
            if _YEAR.fullmatch(t.stem) and clause[i] == clause[first]
            and not (i and toks[i - 1].text.lower() in _BASELINE)  # "a rise *from 2023*": the year compared with
            and not any(a <= t.start < b for a, b in compared)]  # "$103 million (*2023*: $168 million)"
    if not near:
        return 0.0
    nearest = min(d for d, _ in near)  # "mobilized *$6.8 in 2017*, increasing to $7.4 in 2024": 2017's figure;
    # a year after the figure is nearer than one as far before it ("from about 80 in 2006 to *nearly 150* ... in 2014")
    return 1.0 if {y for d, y in near if d == nearest} & qyears else -1.0


_YEAR = re.compile(r"(?:19|20)\d{2}")
YEAR_BEFORE = 2  # extra distance, in words, of a year written before the figure
_MONTH = "(?:" + "|".join(sorted(MONTHS)) + ")"
_MONTH_DATE = re.compile(r"\b(?:\d{1,2}\s)?" + _MONTH + r"(?:\s\d{1,2}\b)?(?:,?\s(?:19|20)\d{2})?"
                         r"(?:\s(?:to|and|-|–)\s(?:\d{1,2}\s)?" + _MONTH + r"(?:\s\d{1,2}\b)?,?\s(?:19|20)\d{2})?")
#: How far (characters) a dated period may be from the figure it dates.
PERIOD_REACH = 60


def _period_agreement(text: str, start: int, end: int, qstems: set[str]) -> float | None:
    """For a question naming months ("from February to July 2024"): +1 if the dated period nearest
    the figure, on its side of a bracket, is the question's, -1 if it is another ("more than 2,000 ...
    from July 2024 to February 2025 (compared with *1,253* from February to July 2024)"); None when no
    month-dated period is near."""
    inside = _in_brackets(text, start)
    best = None
    for m in _MONTH_DATE.finditer(text):
        gap = m.start() - end if m.start() >= end else start - m.end()
        if gap < 0 or gap > PERIOD_REACH or _in_brackets(text, m.start()) != inside:
            continue
        if best is None or gap < best[0]:
            best = (gap, m.group())
    if best is None:
        return None
    months = _month_stems()
    stems = {t.stem for t in tokenize([best[1]])[0] if t.stem in months or _YEAR.fullmatch(t.stem)}
    if not stems & months & qstems:
        return None  # the question names no month of it: its years decide
    return 1.0 if stems <= qstems else -1.0


def _last_named(before: str, names) -> str:
    """Which of the question's names (or their aliases) the text before a span names last."""
    found = [(m.end(), name) for name, aliases in names for form in (name, *aliases)
             for m in re.finditer(r"\b" + re.escape(form) + r"\b", before)]
    return max(found)[1] if found else ""


@lru_cache(maxsize=1)
def _month_stems() -> frozenset[str]:
    return frozenset(t.stem for t in tokenize([" ".join(MONTHS)])[0])


def _in_brackets(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


_UNIT_END = re.compile(r"\b" + UNITS + r"$", re.I)
_BASELINE = frozenset("from since than over".split())
#: "$103 million (2023: $168 million)": the figure of the year compared with, in brackets
_COMPARED = re.compile(r"\(((?:19|20)\d{2}):[^()]*\)")


def coordinated(span: Span, spans: list[Span], sentence: str) -> list[Span]:
    """The span and its same-kind neighbours joined by "and", "or" or commas ("X and Y")."""
    same = sorted((sp for sp in spans if sp.kind == span.kind), key=lambda sp: sp.start)
    i = same.index(span)
    lo = hi = i
    while lo > 0 and _joins(sentence[same[lo - 1].end:same[lo].start]):
        lo -= 1
    while hi + 1 < len(same) and _joins(sentence[same[hi].end:same[hi + 1].start]):
        hi += 1
    return same[lo:hi + 1]


# "X, Y", "X and Y", "X and from Y", "X, and the Y"; not "from X to Y" (a route, not a list).
_JOIN_RE = re.compile(r"\s*(?:,\s*(?:(?:and|or|as well as)\s+)?|(?:and|or|as well as)\s+)"
                      r"(?:(?:from|in|to|by|with)\s+)?(?:the\s+)?", re.I)


def _joins(gap: str) -> bool:
    return bool(gap.strip()) and _JOIN_RE.fullmatch(gap) is not None or gap == ", "


#: A group label a list's items follow: "African States: Kenya, Mauritius and Morocco Asia-Pacific States: ...".
_GROUP_LABEL = re.compile(r"(?:^|(?<=[\s;.]))((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s*:\s")


def listed_under(span: Span, text: str, names) -> float:
    """+/-0.3 for a name in a list under group labels, as a conference's officers by regional group: the
    item under the label the question names ("which *Eastern European States* were elected") is the one
    asked, one under another label is not. 0 where the sentence has fewer than two labels, the question
    names none of them, or the span is no name or is a label itself."""
    if span.kind not in ("place", "organization", "person"):
        return 0.0
    labels = list(_GROUP_LABEL.finditer(text))
    forms = {f.lower() for name, aliases in names for f in (name, *aliases)}
    # the label ends with the asked name (the words before it may be the last item of the group before)
    asked = [m for m in labels if any(re.search(r"(?:^|\s)" + re.escape(f) + "$", m.group(1).lower()) for f in forms)]
    if len(labels) < 2 or not asked or any(m.start(1) <= span.start < m.end(1) for m in labels):
        return 0.0  # (a label is no item: "(b) *African Trade Report*: ...")
    before = [m for m in labels if m.end() <= span.start]
    if not before:
        return 0.0
    return 0.3 if before[-1] in asked else -0.3
