"""Find legal and policy instruments in clean text: conventions, protocols, declarations,
resolutions and decisions, and UN document symbols.

spaCy's small model cuts titles like "Protocol to Prevent, Suppress and Punish Trafficking in
Persons, Especially Women and Children" into pieces, so titles are found here by their shape:
a head word ("Convention", "Protocol", ...) with capitalized modifiers before it and a
capitalized complement after it ("on the Rights of the Child", "No. 189", ", 1975"). Pure
functions over a string; offsets are character offsets into it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .full_titles import lead_start, quoted_outcomes
from .list_numbers import dated_list_numbers, stray_numbers
from .rules import PRODUCT_HEADS, ROLE_HEADS, is_participle, zipf
from .title_edges import cut_meeting_town, glued_heading

HEADS = {"Convention", "Conventions", "Covenant", "Protocol", "Declaration", "Charter", "Treaty",
         "Agreement", "Accord", "Pact", "Compact", "Statute", "Agenda", "Framework", "Principles",
         "Rules", "Consensus", "Standards", "Guidelines", "Strategy", "Document", "Act", "Bill", "Constitution",
         "Commitment", "Roadmap", "Instrument",
         # plural titles name a set of instruments: "Circumpolar Inuit Protocols for Equitable and Ethical Engagement",
         # "International Covenants on Human Rights", "United Nations Sustainable Development Cooperation Frameworks"
         "Protocols", "Covenants", "Declarations", "Agreements", "Treaties", "Frameworks", "Charters", "Compacts"}
PLURAL_HEADS = {"Conventions", "Protocols", "Covenants", "Declarations", "Agreements", "Treaties", "Frameworks", "Charters", "Compacts"}
# Heads that name an instrument only with words before them: "Final Document", "African Growth and
# Opportunity Act", "Women's (Amendment) Bill 2023" ("Bill Gates", "Act now" are none).
_MODIFIED_HEADS = {"Document": {"Final", "Concluding", "Outcome"}, "Act": None, "Bill": None, "Constitution": None,
                   "Commitment": None,  # "the Sevilla Commitment" (an outcome document); "Commitment to ..." is none
                   "Instrument": None}  # "International Tracing Instrument to Enable States ..."; "Instrument of ..." is none
# "Constitution of Kenya": a law's head that its complement may name alone
_COMPLEMENTED_HEADS = {"Constitution"}
# Heads that name a role, unit or event when a capitalized word follows ("Strategy Adviser",
# "Strategy Unit"), unlike "Strategy on ..." or "Strategy, 2022-2025".
_OPEN_HEADS = {"Strategy"}
# What such a capitalized word is: a role, a unit, a product or a meeting ("Strategy Ongoing 2025" is
# a table's next cell after "United Nations Disability Inclusion Strategy").
_AFTER_OPEN_HEAD = ROLE_HEADS | PRODUCT_HEADS | {
    "Unit", "Team", "Teams", "Division", "Section", "Office", "Branch", "Group", "Committee", "Board", "Lead",
    "Leads", "Review", "Meeting", "Workshop", "Summit", "Session", "Dialogue", "Forum", "Network", "Service"}
# What a head word right before one of these names: a database, an office's section, a product or a day ("United Nations
# Treaty Collection", "Treaty Section of the Office of Legal Affairs", "... Action Plan Scorecard", "Charter Day")
_THING_AFTER_HEAD = {"Collection", "Collections", "Section", "Scorecard", "Scorecards", "Database", "Series", "Report",
                     "Reports", "Portal", "Index", "Toolkit", "Dashboard", "Survey", "Handbook", "Website", "Tracker",
                     "Award", "Awards", "Prize", "Day", "Week", "Platform"}
# "... Action Plan (UNCT-SWAP) Gender Equality Scorecard": an instrument's title that a product's name goes on after,
# its acronym between
_PRODUCT_AFTER = re.compile(r"\s*(?:\([A-Z][\w\-]*\)\s*)?(?:[A-Z][\w\-]*\s+){0,3}(?:" + "|".join(sorted(
    _THING_AFTER_HEAD - {"Day", "Week", "Platform", "Section"})) + r")\b")


def product_follows(text: str, end: int) -> bool:
    """Whether a product's name goes on after ``end`` (an optional bracketed acronym, then up to three capitalized words
    and a product's head: "(UNCT-SWAP) Gender Equality Scorecard"), so the name before is part of the product's."""
    return _PRODUCT_AFTER.match(text, end + (text[end:end + 1] == ")")) is not None


# Multi-word heads: "Programme of Action", "Platform for Action", "Plan of Action"
ACTION_HEADS = {"Programme", "Program", "Platform", "Plan"}
# Connectors allowed inside a title between capitalized words.
CONNECTORS = {"of", "for", "on", "and", "or", "the", "in", "to", "against", "by", "with", "from",
              "at", "concerning", "relating", "between", "under", "among", "de", "des", "du", "la", "et"}
# The kind of plan the word before "Plan" names: "Humanitarian Needs and Response Plan", "Early
# Recovery, Reconstruction and Development Plan for Gaza"; a bare "Plan" or a "Business Plan" is none.
# (Only kinds seen named so in the samples: the round-5 sample counts "Gaza Relief and Early
# Recovery Plan" as no instrument.)
PLAN_KINDS = {"Action", "Strategic", "Response", "Development"}
# Heads that name bodies as often as instruments ("United Nations Development Programme", "Oversight
# Policy"): a title on them is an instrument only when dated ("Programme for Children 2020–2025",
# "Family Policy 2018 – 2028") or national or world-wide by its first word ("National Programme for
# Equal Opportunities ...", "World Programme for Human Rights Education").
DATED_HEADS = {"Programme", "Program", "Policy"}
# Sentence-initial or function words that never start a title.
NOT_MODIFIERS = {"The", "In", "On", "At", "By", "For", "Under", "With", "This", "That", "These", "Those",
                 "Its", "Their", "A", "An", "As", "And", "Of", "To", "Through", "Since", "While", "Although",
                 "Following", "Pursuant", "Article", "Articles", "See", "Also", "Both", "New", "Other",
                 "Several", "Many", "Some", "All", "Each", "Every", "Such", "Various", "Further", "Our"}
# Words that start a new sentence or clause rather than continue a title after a connector.
SENTENCE_WORDS = {"The", "In", "On", "At", "This", "That", "These", "A", "An", "As", "It", "Its"}
# (a title's "May Be" is the verb: "... Weapons Which May Be Deemed to Be Excessively Injurious ...")
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"}
# A head followed by one of these names a body, not an instrument ("Treaty Organization").
BODY_WORDS = {"Organization", "Organisation", "Secretariat", "secretariat", "Office", "Commission",
              "Committee", "Conference", "Council", "Body", "bodies", "body", "Fund", "Unit",
              "Board", "Bureau", "Forum", "Group"}
_BODY_HEADS = {"Office", "Department", "Division", "Ministry", "Government", "Secretariat", "Commission",
               "Committee", "Council", "Court", "Bank", "Fund", "Programme", "Organization", "Union", "Agency"}
_BODY_ENDS = BODY_WORDS | {"Team", "Teams", "Mechanism", "Division", "Department", "Agency", "Network", "Service",
                          "Centre", "Center", "Institute", "Panel", "Section"}
# The UN's paired regions, which end a title: "... in Latin America and the Caribbean"
_REGION_PAIRS = {("America", "Caribbean"), ("Asia", "Pacific")}
# Words that join a body's name to the rest of the sentence, not to more of the name, right after
# its head ("to" may go on: "Global Fund to Fight AIDS", "OSCE Mission to Serbia").
_VERB_LINKS = {"from", "by", "with", "at"}
ORGANS = {"Assembly", "Council", "Commission", "Board", "Committee", "Conference", "Forum"}

_TOKEN = re.compile(r"[A-Z]{1,3}(?:/[A-Z]{2,4})+(?![\w/])|"  # "P/CVE", "HIV/AIDS": one word; "and/or" three
                    r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'\u2019\-\u2010\u2013]*|\S")
_YEAR = re.compile(r"(?:1[89]|20)\d\d(?:[\u2013\-](?:1[89]|20)?\d\d)?$")
_SYMBOL = re.compile(r"(?<![\w/])[A-Z][A-Za-z]{0,9}(?:\.\d+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-\u2013]*){2,}")
# "68/4", "S-10/2", "ES-10/15" (a special or emergency special session's), "1244 (1999)"; a part letter ("65/37 A", "79/407 A and B"); and the General
# Assembly's numbering before 1976, by session in Roman numerals ("2106 A (XX)", "155 (II)")
_PART = r"(?:\s[A-H](?:\s+and\s+[A-H]|\u2013[A-H])?(?![\w/\-])(?!\s+(?!and\b|or\b)[a-z]))?"
# an executive board's decision: "2000/EB.A/2", "2024/EB.2/14" (WFP)
_BOARD_DECISION = r"(?:19|20)\d\d/[A-Z]{1,5}(?:\.[A-Z0-9]{1,3})+/\d{1,3}(?![\w/])"
# an organ's decision by its session ("EC-94/DEC.2", "C-25/DEC.9", "EC-M-33/DEC.1": OPCW's Council and Conference)
_SESSION_DECISION = r"[A-Z]{1,3}(?:-[A-Z]{1,3})?-\d{1,3}/(?:DEC|RES)(?:\.\d{1,3})?(?![\w/])"
_RES_NUMBER = (r"(?:" + _BOARD_DECISION + r"|" + _SESSION_DECISION + r"|(?:[A-Z]{1,2}-|[A-Z])\d+/\d+|\d{1,4}/[0-9A-Z]+" + _PART + r"|\d{3,4}\s*\(\d{4}\)"
               r"|\d{1,4}(?:\s[A-H])?\s*\((?:ES-|S-)?[IVXL]+\))")
_RESOLUTION = re.compile(r"\b([Rr]esolutions?|[Dd]ecisions?)\s+(" + _RES_NUMBER + r")")
# A resolution cited by its number alone, without its year ("Security Council resolution 1325", "resolutions 1325 and
# 1820"): no part of a longer number, a symbol or a date
# (four digits: the Security Council's numbers since 1995; three-digit numbers after "resolution" are a calendar's rows)
_BARE_NUMBER = r"[12]\d{3}(?![\w/\-\u2013.,]\d|[\w/\-\u2013]|\s*\(|\s+(?:%|per\s+cent|sessions?)\b)"
_RESOLUTION_BY_NUMBER = re.compile(r"\b([Rr]esolutions?)\s+(" + _BARE_NUMBER + r")")
_MORE_BARE_NUMBERS = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(" + _BARE_NUMBER + r")")
_UNSCR = re.compile(r"\bUNSCR\s*(\d{3,4})(?:\s*\(\d{4}\))?")
# treaty bodies' and expert bodies' numbered texts: "general recommendation No. 39 (2022)"
_NUMBERED = re.compile(r"\b(?:[Gg]eneral\s+(?:[Rr]ecommendation|[Cc]omment)|(?:[A-Z][\w\-]+\s+){1,3}Advice)"
                       r"\s+No\.\s*\d+(?:\s*\((?:19|20)\d\d\))?")
# regulations and rules by their dotted number ("General Regulation VI.3", "Financial Rule 104.10") and
# national laws by their number ("Act No. 04/2021 of 10 February", "Law No. 2023-15")
_BY_NUMBER = re.compile(r"\b(?:(?:[A-Z][a-z]+\s+){0,2}(?:Regulation|Rule)s?\s+(?:[IVXL]+|\d+)(?:\.\d+)+"
                        r"|(?:(?:[A-Z][a-z]+\s+){0,2}(?:Act|Law|Decree|Ordinance|Order))\s+No\.\s*\d[\w\-/.]*\d"
                        r"(?:\s+of\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)(?:\s+\d{4})?)?)")
_MORE_NUMBERS = re.compile(
    r"(?:\s+of\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4})?(?:\s*,\s*(?:and\s+)?|\s+and\s+)(" + _RES_NUMBER + r")")


@dataclass(frozen=True)
class Found:
    """An instrument: its span in the text and its canonical name."""

    start: int
    end: int
    canonical: str


# Common words that open an instrument's title, kept when they start the sentence too ("United Nations Framework
# Convention on Climate Change: implementation of ...", a title; "International Convention on ..." opening a paragraph)
_TITLE_OPENERS = {"United", "International", "Global", "Optional", "Universal", "Additional", "Political", "Ministerial"}

# "Rome, 18-21 November 2024 Agenda item 12": a meeting's agenda item heading, not an agenda named by title
_AGENDA_ITEM = re.compile(r"\s+items?\b")


def find_instruments(text: str) -> list[Found]:
    """Every instrument in ``text``, longest first where two overlap, in text order."""
    found = _titles(text) + _resolutions(text) + _symbols(text) + _numbered(text) + _agendas(text) + _body_charters(text)
    found += [Found(s, e, c) for s, e, c in dated_list_numbers(text) + quoted_outcomes(text) + stray_numbers(text)]
    found = [Found(lead_start(text, f.start, f.canonical), f.end, f.canonical) for f in found
             if not _AGENDA_ITEM.match(text, f.end) or not f.canonical.endswith("Agenda")]
    found.sort(key=lambda f: (-(f.end - f.start), f.start))
    kept: list[Found] = []
    for f in found:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f.start)
    return _alias_by_number(text, kept)


# "the existing OAIS charter": a body's charter by its acronym, in lower case as some agencies write it
_BODY_CHARTER = re.compile(r"\b([A-Z][A-Z\-]{1,9}[A-Z])\s+charter\b")


def _body_charters(text: str) -> list[Found]:
    """A body's own charter named by its acronym ("OAIS charter", like "OIAI Charter")."""
    return [Found(m.start(), m.end(), m.group(0)) for m in _BODY_CHARTER.finditer(text)]


def _alias_by_number(text: str, found: list[Found]) -> list[Found]:
    """ "Migrant Workers (...) Convention, 1975 (Convention No. 143)": both are ILO No. 143."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if text[a.end:b.start].strip() == "(" and text[b.end:b.end + 1] == ")" \
                and b.canonical.startswith("ILO Convention No."):
            out[i] = Found(a.start, a.end, b.canonical)
    return out


def _symbols(text: str) -> list[Found]:
    """UN document symbols ("E/CN.3/2025/1/Rev.1", "WFP/EB.2/2024/6-B") and organs' decisions by
    session ("(C-25/DEC.9, dated ...)"); an English word opens no series ("PROCEDURE/DHR/2022/007"
    is an agency's internal reference)."""
    out = []
    for m in _SYMBOL.finditer(text):
        s = m.group(0).rstrip(".-\u2013")
        series = s.split("/")[0]
        if any(ch.isdigit() for ch in s) and not (len(series) >= 5 and zipf(series) >= 4.0):
            out.append(_resolution_symbol(text, m.start(), m.start() + len(s)) or Found(m.start(), m.start() + len(s), s))
    return out + [Found(m.start(), m.end(), m.group(0)) for m in re.finditer(_SESSION_DECISION, text)]


# An organ's resolution or decision by its document symbol: "A/RES/77/1", "S/RES/2720 (2023)", "A/RES/ES-10/22",
# "E/RES/2013/5"; the year in brackets after a Council's number goes with it, as after "resolution 2720"
_RES_SYMBOL = re.compile(r"[A-Z]{1,2}/(RES|DEC)/((?:[A-Z]{1,2}-)?\d+(?:/\d+)?)")
_RES_WORD = re.compile(r"([Rr]esolutions?|[Dd]ecisions?)\s+$")


def _resolution_symbol(text: str, start: int, end: int) -> Found | None:
    """A resolution's or decision's symbol named as the resolution it is: "General Assembly resolution A/RES/79/148"
    is resolution 79/148 (so it links with "resolution 79/148" elsewhere), its organ and "resolution" in the span."""
    m = _RES_SYMBOL.fullmatch(text, start, end)
    if m is None:
        return None
    year = re.match(r"\s*\((?:19|20)\d\d\)", text[end:])
    if year and "/" not in m.group(2):
        end += year.end()
    word = _RES_WORD.search(text, max(0, start - 14), start)
    if word:
        start = _organ_start(text, word.start())
    return Found(start, end, f"{'resolution' if m.group(1) == 'RES' else 'decision'} {m.group(2)}")


def _resolutions(text: str) -> list[Found]:
    """ "General Assembly resolution 68/4", "resolutions 56/203 ... and 58/208" (one each)."""
    out = []
    for pattern, more_numbers in ((_RESOLUTION, _MORE_NUMBERS), (_RESOLUTION_BY_NUMBER, _MORE_BARE_NUMBERS)):
        for m in pattern.finditer(text):
            word = m.group(1).lower().rstrip("s")
            start = _organ_start(text, m.start())
            out.append(Found(start, m.end(), f"{word} {_number(m.group(2))}"))
            pos = m.end()
            while (more := more_numbers.match(text, pos)) is not None:
                out.append(Found(more.start(1), more.end(1), f"{word} {_number(more.group(1))}"))
                pos = more.end()
    return out


# A named policy agenda written in lower case: "the eight-point agenda for action", "a 10-point plan of action".
_AGENDA = re.compile(r"\b(?:[\w]+-point\s+)(?:agenda|plan)(?:\s+(?:for|of)\s+action)?\b|\bagenda for action\b")


# A political declaration named by the meeting that adopted it: "the political declaration of the
# 2023 Sustainable Development Goals Summit", "... of the high-level meeting on ...".
_POLITICAL = re.compile(r"\b[Pp]olitical\s+[Dd]eclaration\s+(?:of|adopted\s+at)\s+the\s+(?:[\w\-\u2013]+\s+){0,10}?"
                        r"(?:Summit|[Mm]eeting|Forum|[Ff]orum|Conference|[Ss]ession|Dialogue)\b")


# A national charter written in lower case: "the charter for peace and national reconciliation";
# its name runs over lowercase words up to punctuation or a word that goes on with the sentence.
_CHARTER = re.compile(r"(?<=\bthe )charter\s+(?:for|of|on)\s+(?:(?!(?:which|that|was|is|were|has|had|by|in|to|"
                      r"with|as|at|from|are|be|been|the|a|an|its|their|this|our|and\s+the)\b)[a-z][a-z\-]*(?:\s+|(?=[,.;:()])|$)){1,6}")


def _agendas(text: str) -> list[Found]:
    """ "the eight-point agenda for action" (its canonical name is the phrase, in lower case),
    political declarations named by their meeting, and charters named in lower case."""
    out = [Found(m.start(), m.end(), _squash(m.group(0)).lower()) for m in _AGENDA.finditer(text)]
    out += [Found(m.start(), m.start() + len(m.group(0).rstrip()), _squash(m.group(0))) for m in _CHARTER.finditer(text)]
    return out + [Found(m.start(), m.end(), _squash(m.group(0))) for m in _POLITICAL.finditer(text)]


_PLACE_NAMED = re.compile(r"\s+(guidelines|principles|rules)\b")


def named_after_place(text: str, start: int, end: int) -> int | None:
    """Where an instrument named after the place it was adopted in ends, for "the Addis Ababa
    guidelines" (the place's span given), else None. UN style writes such names in lower case."""
    m = _PLACE_NAMED.match(text, end)
    if m is None or not re.search(r"\b[Tt]he\s+$", text[max(0, start - 4):start]):
        return None
    return m.end()


def _numbered(text: str) -> list[Found]:
    """ "UNSCR 1244", "general recommendation No. 39 (2022)", "Expert Mechanism Advice No. 18 (2025)", rules
    and laws by number, and executive board decisions by their number alone ("2024/EB.A/2")."""
    out = [Found(m.start(), m.end(), f"resolution {m.group(1)}") for m in _UNSCR.finditer(text)]
    out += [Found(m.start(), m.end(), _squash(m.group(0))) for m in _NUMBERED.finditer(text)]
    out += [Found(m.start(), m.end(), _squash(m.group(0))) for m in _BY_NUMBER.finditer(text)
            if not _opens_with_common(text, m)]
    board = re.finditer(r"(?<![\w/])" + _BOARD_DECISION, text)  # a decision's own number heading it
    return out + [Found(m.start(), m.end(), m.group(0)) for m in board]


def _opens_with_common(text: str, m: re.Match) -> bool:
    """ "The Rule 4.2 ...": a first word capitalized only because it starts the sentence is no part of the name."""
    first = m.group(0).split()[0]
    return first in NOT_MODIFIERS


def _organ_start(text: str, pos: int) -> int:
    """Where the organ named right before "resolution" starts ("Human Rights Council"), or ``pos``."""
    words = list(re.finditer(r"[A-Za-z][\w\-]*", text[max(0, pos - 120):pos]))
    base = max(0, pos - 120)
    if not words or words[-1].group(0) not in ORGANS or text[base + words[-1].end():pos].strip():
        return pos
    start = base + words[-1].start()
    for i in range(len(words) - 2, -1, -1):
        w = words[i]
        gap = text[base + w.end():start]
        if gap.strip() or not (w.group(0)[0].isupper() or w.group(0) == "and") or w.group(0) in NOT_MODIFIERS \
                or _opens_sentence(text, base + w.start(), w.group(0)):
            break
        if w.group(0) == "and" and i >= 2 and words[i - 2].group(0)[0].isupper():
            break  # "... of Chemical Weapons and Security Council resolution": "and" joins two names
        start = base + w.start()
    while text[start:].startswith(("and ", "The ")):  # never start on a connector
        start = text.index(" ", start) + 1
    return start


def _opens_sentence(text: str, pos: int, word: str) -> bool:
    """A common word capitalized only because it starts the sentence ("Following", "When")."""
    before = text[:pos].rstrip()  # "; Central African ...": a list item
    return (not before or before[-1] in ".!?\u201c\"") and (is_common(word) or is_participle(word)) \
        and not _large_place(word)  # "Paris Agreement goals ...": a place names the title


def _large_place(word: str) -> bool:
    """A country, region or large town by its own name ("Paris", "Geneva", "Beijing")."""
    from .cities import city_names
    from .gazetteer import PLACE, lookup

    known = lookup().get(word)
    town = city_names().get(word)
    return (known is not None and known.kind == PLACE) or (town is not None and town[0] == word and town[1] >= 100_000)


@functools.lru_cache(maxsize=4096)
def is_common(word: str) -> bool:
    """A frequent English word (wordfreq Zipf >= 4), as sentence-initial words usually are."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 4.0


def _number(s: str) -> str:
    """A resolution's number as it is cited: "1244 (1999)" is resolution 1244."""
    return re.sub(r"\s*\(\d{4}\)$", "", _squash(s))


def _squash(s: str) -> str:
    return " ".join(s.split())


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or bool(_YEAR.match(tok))


def _titles(text: str) -> list[Found]:
    out = []
    for s, e in find_titles(text, HEADS, action_heads=True):
        e = cut_meeting_town(text, s, e)  # "... on Climate Change in Baku": where its Parties met
        out.append(Found(s, e, _canonical_title(text[s:e])))
    return out


def find_titles(text: str, heads: set[str], *, action_heads: bool = False, body: bool = False
                ) -> list[tuple[int, int]]:
    """Spans of titled names around a head word: capitalized modifiers before it, a capitalized
    complement after it. A bare head ("the Convention") is no title. With ``body`` the names
    are of bodies ("Asia-Pacific Regional Thematic Working Group on International Migration"),
    whose head ends the name unless "of"/"for"/"on"... continues it."""
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [t[0] for t in toks]
    out = []
    for h, w in enumerate(words):
        head_end = h + 1
        numbered = False
        possessive = w[-2:] in ("\u2019s", "'s") and w[:-2] in heads
        if possessive:  # "the 2030 Agenda’s targets": the title ends at its head
            w = w[:-2]
        if action_heads and w == "Vision" and h + 1 < len(words) and (
                _YEAR.match(words[h - 1] if h else "") or re.fullmatch(r"20\d\d", words[h + 1])):
            if re.fullmatch(r"20\d\d", words[h + 1]):
                head_end, numbered = h + 2, True  # "Vision 2030"
        elif action_heads and w in ACTION_HEADS and words[h + 1:h + 3] in (["of", "Action"], ["for", "Action"]):
            head_end = h + 3
        elif action_heads and w == "Plan" and h > 0 and (words[h - 1] in PLAN_KINDS or _national(words, h)):
            pass  # "Cape Town Global Action Plan for ...", "UNOPS Strategic Plan, 2022-2025", "National Adaptation Plan"
        elif action_heads and h > 1 and ((w == "Initiative" and words[h - 1] == "Peace")
                                         or (w == "Area" and words[h - 2:h] == ["Free", "Trade"])):
            pass  # a peace plan ("Arab Peace Initiative"), a trade treaty ("African Continental Free Trade Area")
        elif action_heads and w == "Agenda" and h + 1 < len(words) and re.fullmatch(r"\d{2,4}", words[h + 1]):
            head_end, numbered = h + 2, True  # "Agenda 21", "Agenda 2063": the number names it
        elif action_heads and w == "Law" and words[h + 1:h + 2] == ["on"] and h + 2 < len(words) \
                and (_is_cap(words[h + 2]) or words[h + 2] == "the"):
            pass  # a national law by its title: "Law on the Use of Languages"
        elif action_heads and w in DATED_HEADS:
            pass  # kept below only when dated or national
        elif w not in heads:
            continue
        if body and w in _LETTERED_HEADS and _designated(words, head_end):
            head_end += 1  # "Working Group A", "Main Committee II": a letter or number tells groups apart
        if action_heads and head_end < len(words) and words[head_end] in BODY_WORDS | _THING_AFTER_HEAD:
            continue
        if action_heads and glued_heading(words, h, toks[h][1]):
            continue  # "Charter Afreximbank operates ...": a heading glued to the paragraph
        if w in _OPEN_HEADS and head_end < len(words) and words[head_end] in _AFTER_OPEN_HEAD:
            continue  # "Principal Strategy Adviser", "Strategy Unit": a role or a body, not a strategy
        start = _extend_left(words, h, body)
        while start < h and _opens_sentence(text, toks[start][1], words[start]) and words[start] not in _TITLE_OPENERS:
            start += 1
        if w in _OPEN_HEADS and start == h:
            continue  # "the Strategy, Performance and Learning Division": a strategy is named by its modifiers
        closed = w in _OPEN_HEADS and head_end < len(words) and words[head_end][:1].isupper() \
            and not _YEAR.match(words[head_end])  # "... Inclusion Strategy Ongoing": the title ends at its head
        end = head_end if possessive or closed else _extend_right(words, head_end, body)
        if start == h and end == head_end and not numbered:
            continue  # a bare "the Convention" refers back; it names nothing by itself
        if w == "Plan" and start == h - 1 and end == head_end and words[h - 1] in PLAN_KINDS - {"Strategic"} \
                and h > 1 and words[h - 2][:1].islower() and words[h - 2] not in _DEFINITE:
            continue  # "Currently joint Action Plan is being developed": a kind of plan described, none named
            # (an agency's "Strategic Plan" is its one plan: "the new Strategic Plan", "exceeding Strategic Plan milestones")
        if not body and w in _MODIFIED_HEADS and not _modified(words, start, h, head_end, end):
            continue
        if action_heads and w in DATED_HEADS and head_end == h + 1 and not _dated_or_scoped(words, start, h, end):
            continue  # "United Nations Development Programme", "the Oversight Policy": a body, a house rule
        if not body and end > head_end and words[end - 1] in _BODY_ENDS and "of" not in words[head_end:end]:
            continue  # "the Declaration Assessment Team" is a body that works on declarations
        if action_heads and product_follows(text, toks[end - 1][2]):
            continue  # "Action Plan (UNCT-SWAP) Gender Equality Scorecard": a product's name
        if w in PLURAL_HEADS and not _names_a_set(words, start, h):
            continue
        if action_heads and _glossary(words[start:end]):
            continue  # "NAP National Action Plan NTP National Transformation Plan OPM ...": a list of abbreviations
        out.append((toks[start][1], toks[end - 1][2] - (2 if possessive and end == head_end else 0)))
    return out


def _glossary(span: list[str]) -> bool:
    """Whether a title's words are a list of abbreviations run together: three or more acronyms standing apart
    (not in brackets) after its first word; a title holds one at most ("UNICEF Gender Action Plan")."""
    bare = [t for i, t in enumerate(span[1:], 1) if re.fullmatch(r"[A-Z]{2,}(?:/[A-Z]+)?", t) and span[i - 1] != "("]
    return len(bare) >= 3


def _names_a_set(words: list[str], start: int, h: int) -> bool:
    """Whether a plural head's title names a set of instruments: a word of its own before the head that is no acronym
    ("Circumpolar Inuit Protocols", not "IP Agreements" or a bare "Agreements between ..."), and no body's name that it
    ends ("Expert Group on National Quality Assurance Frameworks" is the group's name)."""
    if not any(not t.isupper() for t in words[start:h]):
        return False
    return not (start >= 2 and words[start - 1] in ("on", "for") and words[start - 2] in _BODY_ENDS | _BODY_HEADS)


_DEFINITE = {"the", "its", "their", "this", "that", "his", "her", "our", "whose"}  # "the Strategic Plan" refers back
_LETTERED_HEADS = {"Group", "Committee", "Subcommittee", "Commission", "Panel", "Team"}
_DESIGNATION = re.compile(r"[A-F]|I{1,3}|IV|VI{0,3}")


def _designated(words: list[str], i: int) -> bool:
    """A capital letter or Roman numeral right after a group's head, with no name going on after it
    ("Working Group A and ..."; not "Group A Member States")."""
    return i < len(words) and _DESIGNATION.fullmatch(words[i]) is not None \
        and not (i + 1 < len(words) and (words[i + 1][:1].isupper() or words[i + 1] in ("of", "for", "on")))


def _national(words: list[str], h: int) -> bool:
    """ "National Transformation Plan", "National Adaptation Plan": a country's plan named by title."""
    for j in range(h - 1, max(-1, h - 4), -1):
        if words[j] == "National":
            return j < h - 1 and all(_is_cap(t) for t in words[j:h])
    return False


def _dated_or_scoped(words: list[str], start: int, h: int, end: int) -> bool:
    """Whether a programme's or policy's title names an instrument: it ends in its range of years, or its
    first word is "National" or "World" right before "Programme" ("World Food Programme" is a body)."""
    if end > h + 1 and _YEAR.match(words[end - 1]) \
            and (re.search(r"\d[\u2013\-]\d", words[end - 1]) or words[end - 2] in ("\u2013", "-")):
        return True  # a range of years: "United Nations Environment Programme 2024" dates a report
    return words[start] == "National" or (words[start] == "World" and start == h - 1)


def _modified(words: list[str], start: int, h: int, head_end: int, end: int) -> bool:
    """Whether a head that needs them has its words: the right modifier before it ("Final
    Document"), or for a constitution a complement after it ("Constitution of Kenya")."""
    w = re.sub(r"['\u2019]s$", "", words[h])
    allowed = _MODIFIED_HEADS[w]
    if start < h and (allowed is None or words[h - 1] in allowed):
        return True
    return w in _COMPLEMENTED_HEADS and end > head_end and words[head_end] == "of"


def _extend_left(words: list[str], h: int, body: bool = False) -> int:
    i = h
    while i > 0:
        prev = words[i - 1]
        if body and prev == "of" and i > 1 and _is_cap(words[i - 2]) and words[i - 2] not in NOT_MODIFIERS \
                and words[i - 2] not in _BODY_HEADS and (i < 3 or words[i - 3] not in CONNECTORS):
            i -= 1  # "Rule of Law Mission": a modifier with its own "of"
            continue
        if prev == ")":  # "(Supplementary Provisions) Convention": a title-case parenthetical
            j = i - 2
            while j >= 0 and words[j] != "(":
                j -= 1
            inner = words[j + 1:i - 1]
            if not body and j > 0 and len(inner) == 1 and _spells(inner[0], words, j):
                i = j  # "National Weapons and Ammunition Management (WAM) Strategy": the acronym glosses the title's words
                continue
            if j < 0 or not inner or not any(any(c.islower() for c in t) for t in inner) \
                    or not all(_is_cap(t) or t in CONNECTORS for t in inner):
                break  # "(ILO)" defines an acronym, "(collective benefit, ...)" glosses; the title starts after
            i = j
            continue
        if not body and prev == "," and i > 1 and _is_cap(words[i - 2]) and words[i - 2] not in NOT_MODIFIERS \
                and _is_cap(words[i]) and "and" in words[i:h] and words[i - 2] not in HEADS:
            i -= 2  # "Early Recovery, Reconstruction and Development Plan": a list of the plan's aims
            continue
        if prev == "and" and i > 1 and _is_cap(words[i - 2]) and words[i - 2] not in NOT_MODIFIERS \
                and not words[i - 2].isupper() and words[i - 2] not in HEADS and not _YEAR.match(words[i - 2]) \
                and not _ends_title(words, i - 2):
            i -= 1  # "Joint Migration and Development Initiative"
            continue
        if not body and prev == "to" and 1 < i < h and _runs_on_over_to(words, i, h):
            i -= 1  # "UNICEF Accountability to Affected Populations Strategy": "to" inside the title
            continue
        if prev in NOT_MODIFIERS or not _is_cap(prev) or not prev[:1].isalnum():
            break
        i -= 1
    return i


def _spells(acronym: str, words: list[str], j: int) -> bool:
    """Whether ``acronym`` (in brackets at ``words[j]``) is the initials of the capitalized words right before it,
    connectors skipped, a hyphened word giving one initial or one a part ("Gender-Based Violence (GBV)"), and those
    words name no body ("United Nations Development Programme (UNDP) Strategic Plan": the body is tagged apart)."""
    if not re.fullmatch(r"[A-Z]{2,8}", acronym) or words[j - 1] in _BODY_ENDS | _BODY_HEADS:
        return False
    rest = acronym
    k = j - 1
    while rest and k >= 0:
        w = words[k]
        if w in CONNECTORS:
            k -= 1
            continue
        if not _is_cap(w) or w in NOT_MODIFIERS:
            return False
        parts = "".join(t[:1] for t in w.split("-") if t).upper()
        if rest.endswith(parts):
            rest = rest[:-len(parts)]
        elif rest.endswith(w[0]):
            rest = rest[:-1]
        else:
            return False
        k -= 1
    return not rest


def _runs_on_over_to(words: list[str], i: int, h: int) -> bool:
    """Whether "to" before ``words[i]`` is inside a title ("Accountability to Affected Populations
    Strategy"): title-case words on both sides, the left one a common noun that is no head, place or
    acronym ("UNICEF to ...", "Convention to ...", "Kenya to ..." start no title), and more capitalized
    words before it or a body's acronym ("UNICEF Accountability to ..."); at least one word between "to"
    and the head ("... Development to Agenda 2063" names two things)."""
    left = words[i - 2]
    if not _is_cap(left) or left in NOT_MODIFIERS or left.isupper() or left in HEADS or left in _BODY_HEADS \
            or _large_place(left) or not left[1:].islower():
        return False
    before = words[i - 3] if i > 2 else ""
    if "from" in words[max(0, i - 8):i - 1] or "From" in words[max(0, i - 8):i - 1]:
        return False  # "From the New Partnership for Africa’s Development to Agenda 2063": a span of time
    return before.isupper() and len(before) > 1 or (_is_cap(before) and before not in NOT_MODIFIERS)


def _ends_title(words: list[str], j: int) -> bool:
    """Whether the word at ``j`` ends another title ("CICA Rules of Procedure and Guidelines for
    ...": "Procedure" belongs to the Rules, so the Guidelines start after "and"): a head word
    stands before it among capitalized words and connectors other than "and"."""
    k = j
    while k >= 0:
        while k >= 0 and _is_cap(words[k]) and words[k] not in NOT_MODIFIERS:
            if words[k] in HEADS:
                return True
            k -= 1
        if k < 0 or words[k] not in CONNECTORS or words[k] == "and":
            return False
        while k >= 0 and words[k] in CONNECTORS and words[k] != "and":
            k -= 1
    return False


def _extend_right(words: list[str], i: int, body: bool = False) -> int:
    n = len(words)
    end = first = i
    while i < n:
        w = words[i]
        if body and i == first and w not in CONNECTORS:
            break  # after its head, a body's name goes on only through "of", "for", "on", ...
        if body and i == first and w in _VERB_LINKS:
            break
        if not body and i == first and w == "in":
            break  # "the Convention in the States Parties": where it applies, not more of its name  # "the Digital Advisory Board from 2011", "... Group at KazMunayGas": the sentence goes on
        if not body and w == "of" and i + 4 < n and words[i + 1].isdigit() and words[i + 2] in MONTHS \
                and _YEAR.match(words[i + 3]) and words[i + 4] in CONNECTORS:
            i = end = i + 4  # "... on the Law of the Sea of 10 December 1982 relating to ...", inside a title
            continue
        if not body and w in ("\u2013", "-") and i + 1 < n and _YEAR.match(words[i - 1]) and _YEAR.match(words[i + 1]):
            i = end = i + 2  # "Family Policy 2018 – 2028": a range written with spaces
            continue
        if w == "No" and i + 2 < n and words[i + 1] == "." and words[i + 2].isdigit():
            i = end = i + 3
            continue
        if w == "," and i + 1 < n and _YEAR.match(words[i + 1]):  # "Convention, 1975": the year ends it
            end = i + 2
            break
        if w == "(" and i + 2 < n:  # "(2011)", "(Revised 1949)"
            close = words.index(")", i) if ")" in words[i:i + 5] else -1
            inner = words[i + 1:close] if close > 0 else []
            if inner and _YEAR.match(inner[-1]) and (len(inner) == 1 or inner[:-1] == ["Revised"]):
                i = end = close + 1
                continue
            break
        if w == "," and i + 1 < n and (words[i + 1] in ("Especially", "Particularly") or _comma_list(words, i)):
            i += 1
            continue
        if not body and w == "," and i + 2 < n and words[i + 1] == "the" and _is_cap(words[i + 2]) \
                and "between" in words[first:i]:
            i += 2  # "Agreement between the Republic of Argentina, the Federative Republic of Brazil, ..."
            continue
        if w in CONNECTORS:
            j = i
            while j < n and (words[j] in CONNECTORS or (words[j] == "/" and j > i)):  # "Drought and/or ..."
                j += 1
            joined = words[i:j]
            if not body and joined[0] == "and" and len(joined) > 1 and joined[1] in ("in", "at", "by", "with", "from"):
                break  # "... Cooperation Frameworks and in the United Nations country team": the sentence goes on
            if "and" in joined and _YEAR.match(words[i - 1]):
                break  # "Strategic Framework 2022–2031 and Science and Innovation Strategy": two titles
            if not body and joined == ["of"] and j < n and _YEAR.match(words[j]) \
                    and (j + 1 >= n or words[j + 1] not in CONNECTORS):
                break  # "Host Country Agreement of 2007." dates it; "Protocol of 2014 to ..." is named so
            if j < n and _is_cap(words[j]) and words[j] not in SENTENCE_WORDS \
                    and (joined[:2] != ["and", "the"] or (not body and words[j + 1:j + 2] == ["of"])
                         or (not body and "between" in words[first:i])
                         or (words[i - 1], words[j]) in _REGION_PAIRS) \
                    and words[j] not in MONTHS and not (joined[-1] == "in" and _YEAR.match(words[j])) \
                    and not ("and" in joined and _starts_another(words, j)):
                i = j
                continue
            break
        if _is_cap(w) and w[:1].isalnum() and (w not in NOT_MODIFIERS or words[i - 1] in CONNECTORS) \
                and (w not in MONTHS or words[i + 1:i + 2] == ["Be"]) and (i == end or words[i - 1] in CONNECTORS or words[i - 1] == ","
                                               or _is_cap(words[i - 1])):
            i = end = i + 1
            continue
        break
    return end


def _starts_another(words: list[str], j: int) -> bool:
    """After "and": an acronym or a second titled instrument starts here, not more of this title.

    "Beijing Declaration and Platform for Action" stays one title (an action head joins).
    """
    if words[j].isupper() and len(words[j]) > 1:
        return True
    k = j
    while k < len(words) and _is_cap(words[k]) and words[k] not in SENTENCE_WORDS:
        if words[k] in HEADS:
            return True
        k += 1
    # "Cotonou Youth Action Agenda and Security Council resolution 2250": a body's name ends the run, no more title
    return k > j and words[k - 1] in ORGANS and not (k < len(words) and words[k] in CONNECTORS)


def _comma_list(words: list[str], i: int) -> bool:
    """ "Land, Sea and Air", "Economic, Social and Cultural": a comma inside a title's list."""
    j = i
    while j + 1 < len(words) and words[j] == "," and _is_cap(words[j + 1]) and words[j + 1] not in NOT_MODIFIERS:
        j += 2
        while j < len(words) and _is_cap(words[j]) and words[j] not in CONNECTORS:
            if words[j] in _BODY_ENDS:
                return False  # "Every Women Treaty, Marielle Franco Institute and ...": a list of bodies
            j += 1
        if j < len(words) and words[j] in ("and", "or"):
            return j + 1 < len(words) and _is_cap(words[j + 1])
    return False


_ILO_NUMBER = re.compile(r"\bConvention No\.\s*(\d+)")


def _canonical_title(s: str) -> str:
    """Drop the article and adoption year; ILO conventions by number ("ILO Convention No. 189")."""
    s = " ".join(s.replace("\u2019", "'").split())
    m = _ILO_NUMBER.search(s)
    if m:
        return f"ILO Convention No. {m.group(1)}"
    s = re.sub(r"^[Tt]he\s+", "", s)
    s = re.sub(r"\s\([A-Z]{2,8}\)(?=\s)", "", s)  # "... Management (WAM) Strategy": its acronym glosses words inside
    rest = re.sub(r"^(?:1[89]|20)\d\d\s+", "", s)
    return rest if " " in rest and not rest.startswith("Agenda") else s  # "1967 Protocol" keeps its year: it is the name
