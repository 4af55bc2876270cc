"""Rules that turn raw spaCy spans into paracite entities: kinds, trimming, and what is not one.

spaCy's labels map to paracite's kinds (``organization``, ``place``, ``instrument``, and the
secondary ``date``, ``money``, ``percent``, ``count``, ``quantity`` that answers use). The small
model also tags things that are not entities in a UN report ("Member States", "47 States" as a
percentage, "twenty-sixth" as a date, the "1" of "table 1"), and these rules drop them.
"""

from __future__ import annotations

import re

from .gazetteer import INSTRUMENT, ORGANIZATION, PLACE, lookup, normalize

PRIMARY = (ORGANIZATION, INSTRUMENT, PLACE)
SECONDARY = {"DATE": "date", "TIME": "date", "MONEY": "money", "PERCENT": "percent",
             "CARDINAL": "count", "QUANTITY": "quantity"}

# Words that name a kind of actor or a role, not one body or place (issue 4: "Member States").
NOT_ENTITIES = {
    "Member States", "Member State", "States", "State", "States parties", "States Parties", "State party",
    "State Party", "States Party",
    "Governments", "Government", "Secretary-General", "Deputy Secretary-General", "President",
    "Assembly", "Council", "Commission", "Committee", "Secretariat", "Organization", "Office", "Mechanism",
    "Chair", "Chairs", "Co-Chairs", "Parties", "Party", "Special Representative", "High Commissioner",
    "Executive Director", "Administrator", "Under-Secretary-General", "Prosecutor", "Registrar",
    "Division", "Department", "Unit", "Section", "Executive Board", "Executive Boards", "Board", "Bureau",
    # the organs every body has, bare ("Organisation for the Prohibition of Chemical Weapons, Executive Council")
    "Executive Council", "Executive Councils", "Executive Committee", "General Conference", "Governing Council",
    "Governing Body", "Governing Board", "Steering Committee", "Standing Committee",
    "Report", "Annex", "Table", "Figure", "Summary", "Introduction", "Conclusions", "Recommendations",
    "Internet", "Web", "COVID-19", "SDG", "SDGs", "Goal", "Goals", "Sustainable Development Goals",
    "Indigenous Peoples", "Indigenous People", "Indigenous", "First Nations", "First Nation", "Roma",
}
# Heads of names of people's roles and of publications or products, which are not bodies.
ROLE_HEADS = {
    "Judge", "Judges", "President", "Presidents", "Principals", "Prosecutor", "Registrar", "Members", "Member",
    "Staff", "Chair", "Chairs", "Director", "Minister", "Ministers", "Ombudsperson", "General", "Representative",
    "Representatives", "Envoy", "Coordinator", "Adviser", "Advisers", "Rapporteur", "Rapporteurs", "Officer",
    "Officers", "Experts", "Expert", "Head", "Heads", "Commissioner", "Delegates", "Ambassador", "Secretary-General",
    "Secretary", "Secretaries", "Mayor", "Mayors", "Governor", "Governors", "Deputy", "Vice-Chair", "Vice-Chairs",
    "Vice-President", "Vice-Presidents", "Specialist", "Specialists", "Chief", "Chiefs", "Manager", "Managers",
    "Consultant", "Consultants", "Analyst", "Analysts", "Professor", "Professors", "Dean", "Lecturer", "Master",
    "Bachelor", "Doctor", "Fellow",
}
PRODUCT_HEADS = {
    "Report", "Reports", "Poll", "Database", "Survey", "Barometer", "Index", "Monitor", "Chart", "Toolkit",
    "Playbook", "Outlook", "Handbook", "Guide", "Series", "Atlas", "Tracker", "Dashboard", "Portal", "Award",
    "Awards", "Day", "Week", "Year", "Decade", "Campaign", "Prize", "Review", "Study", "Strategy", "Plan",
    "Commons", "Data", "Website", "App", "Module", "Register", "Policy", "Manifesto", "Digest", "Compendium",
    "Roadmap", "Toolbox", "Tool", "Records", "Budget", "Terms", "Profile", "Brief", "Note", "Statement",
    "Contributions",  # "Nationally Determined Contributions": pledges, no body
    "Marketplace",  # "AI-enabled Talent Marketplace": a platform, no body
}
ORG_HEADS = {
    "Organization", "Organisation", "Fund", "Programme", "Program", "Office", "Commission", "Committee",
    "Council", "Bank", "Union", "Agency", "Institute", "Partnership", "Group", "Association", "Department",
    "Division", "Entity", "Secretariat", "University", "Centre", "Center", "Forum", "Network", "Alliance",
    "Federation", "Conference", "Court", "Tribunal", "Mechanism", "Board", "Authority", "Foundation",
    "Community", "League", "Assembly", "Corporation", "Service", "Services", "Unit", "Panel", "Team",
    "Confederation", "Observatory", "Facility", "Initiative", "Platform", "College", "Academy", "Coalition",
    "Society", "Societies", "Movement", "Chamber", "Parliament", "Ministry", "Administration",
    "Mission", "Missions", "Operation", "Force", "Forces", "Party", "Police", "Inspectorate", "Registry", "Chambers",
    "Bureau", "Body", "Bodies", "Consortium", "Collaborative", "Prosecution", "Institution", "Church", "Diocese",
    "Branch", "House", "Ombudsman",
    "Section", "Club",  # "the Investigations Section", "Geneva Press Club", "Paris Club" (round 17)
}
CONNECTORS = {"of", "for", "on", "and", "the", "in", "to", "against", "at", "de", "des", "du", "la", "et", "y"}
COMMON_ZIPF = 3.8  # wordfreq's Zipf scale: 3.8 is about 6 uses per million words
_PERCENT = re.compile(r"per\s*cent|percent|%")
_MONEY = re.compile(r"[$\u20ac\u00a3\u00a5]|\b(?:US|USD|EUR|CHF|GBP|dollars?|euros?|francs?|pounds?|yen)\b")
_TIME_WORD = re.compile(r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December|year|years|month|months|week|weeks|day|days|decade|decades|"
                        r"century|today|annual|annually|biennium|quarter|period|season|spring|summer|"
                        r"autumn|winter|yesterday|tomorrow)\b", re.I)
_REFERENCE = re.compile(r"(?:\bparas?\.|\bparagraphs?|\btables?|\bfigures?|\bannex(?:es)?|\bchapters?|"
                        r"\bsect(?:ion)?s?\.?|\barticles?|\bNo\.|\bpages?|\bp\.|\bpp\.|\bfootnotes?|\bbox|"
                        r"\brule|\bgoals?|\btargets?|\bindicators?|\bitems?)\s*$", re.I)
_ROMAN = re.compile(r"[IVXLC]+\.?|\(?[a-z]\)")


_GROUP_AFTER = re.compile(r"\s+(?:origin|descent|communit(?:y|ies)|ethnicity|ethnic|tribe|tribes|clan|clans|"
                          r"language|languages|speakers)\b")
_SPOKEN = re.compile(r"\b(?:speak|speaks|speaking|spoken)\s+$")
# a one-word name after a wrong done "against the" or "of the" it: a people, not a place
_WRONGED_PEOPLE = re.compile(r"\b(?:genocide|massacres?|atrocities|persecution|violence|crimes|discrimination|"
                             r"attacks?|killings?|oppression|expulsion|extermination|hatred)\s+"
                             r"(?:committed\s+)?(?:against|of|on)\s+the\s+$", re.I)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, trailing punctuation or possessive, and an unclosed bracket with
    what follows it ("Allied Democratic Forces (ADF") from a span."""
    s = text[start:end]
    if s.count("(") > s.count(")"):
        end = start + s.rindex("(")
        s = s[:s.rindex("(")]
    for article in ("the ", "The "):
        if s.startswith(article):
            start += len(article)
            s = s[len(article):]
    while True:
        m = re.search(r"(?:['\u2019]s|[\s,.;:(\u2013\-'\u2019\"\u201c\u201d])+$|\s+(?:of|for|on|and|the|in|to|against|by|with)$", s)
        if not m or m.start() == 0:
            return start, end
        end = start + m.start()
        s = s[:m.start()]


def head_word(name: str) -> str:
    """The word a name is about: the last capitalized word before "of"/"for"/"on"."""
    words = name.split()
    for i, w in enumerate(words):
        if w in ("of", "for", "on", "against", "to", "in") and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


def classify_name(name: str) -> str | None:
    """The kind a long form names, from what it is known as or its head word."""
    known = lookup().get(normalize(name))
    if known:
        return known.kind
    from .instruments import find_instruments

    found = find_instruments(name)
    if found and found[0].end - found[0].start >= len(name) - 4:
        return INSTRUMENT
    head = head_word(name)
    if head in ORG_HEADS or (head not in ROLE_HEADS | PRODUCT_HEADS and any(w in ORG_HEADS for w in name.split()[1:])):
        return ORGANIZATION  # "European Union Rule of Law Mission in Kosovo" names a mission
    return None


def only_heads(name: str) -> bool:
    """ "Council and Conference", "State Party to the Convention": no word that names one body."""
    if re.match(r"States?\s+[Pp]art(?:y|ies)\b", name):
        return True
    words = [w for w in re.split(r"[\s,]+", re.sub(r"\b(?:Member\s+)?States?(?:\s+[Pp]art(?:y|ies))?\b", "", name))
             if w[:1].isupper()]
    return all(w in ORG_HEADS for w in words)


def is_name(text: str) -> bool:
    """A proper name: starts with a capital or digit, and its other words are capitalized or connectors."""
    if not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    for w in re.split(r"[\s/]+", text):  # "High-level", "Non-communicable": a capital starts the compound
        if w and w[0].islower() and w not in CONNECTORS and w.split("-")[0] != "sub" \
                and w not in ("north-eastern", "north-western", "south-eastern", "south-western"):
            return False
        if "-" in w and _MODIFIER_TAIL.search(w):
            return False  # "UNESCO-led", "Geneva-based", "Twenty-third": a modifier or an ordinal, no name
    return True


_MODIFIER_TAIL = re.compile(r"-(?:[a-z]+ed|run|led|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)$")


def is_fragment(norm: str, before: str) -> bool:
    """ "International Migration and Development" in "Dialogue on International Migration and
    Development": the tail of a longer name (an event, a title), not a body of its own."""
    if head_word(norm) in ORG_HEADS:
        return False
    return bool(re.search(r"[A-Z][\w\-\u2019']*\s+(?:(?:on|of|for)\s+(?:the\s+)?|and\s+the\s+)$", before))


def zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


def is_common_word(norm: str) -> bool:
    """A single capitalized common word ("Recognize", "Contributes"): position, not a name."""
    if " " in norm or norm.isupper():
        return False
    return zipf(norm) >= COMMON_ZIPF


# endings of adjectives, past forms and abstract nouns: "Transnational organized crime", "Climatic variations"
_WORD_FORM = re.compile(r"(?:[a-z]al|[a-z]ic|ary|ive|ous|[a-z]ed|[a-z]tion|[a-z]sion)$")
_WORD_FORM_ZIPF = 2.5  # "climatic" 2.6, "stabilization" 2.9; one-word bodies lack these endings ("Interpol", "Oxfam")


def is_word_form(norm: str) -> bool:
    """A single capitalized English adjective, past form or abstract noun the model read as a body
    ("Transnational", "Collaborated", "Stabilization"): a word, not a name."""
    if " " in norm or "-" in norm or not norm[1:].islower():
        return False
    return _WORD_FORM.search(norm) is not None and zipf(norm) >= _WORD_FORM_ZIPF


def all_common(norm: str) -> bool:
    """ "No Data", "Digital Community": every word a frequent English word, none an acronym."""
    words = [w for w in re.split(r"[\s\-]+", norm) if w and w not in CONNECTORS]
    return bool(words) and all(not w.isupper() and not any(c.isdigit() for c in w) and zipf(w) >= 4.0
                               for w in words)


def primary_kind(label: str, text: str) -> str | None:
    """The paracite kind of a spaCy ORG/GPE/LOC span, or None when it is not one we keep."""
    norm = normalize(text)
    if norm in NOT_ENTITIES or len(norm) < 2 or _ROMAN.fullmatch(norm) or not is_name(norm):
        return None
    known = lookup().get(norm)
    if known:
        return known.kind
    if "States" in norm.split() or norm.endswith(" States parties"):
        return None  # "Caribbean States" inside an organization's name, "47 States"
    if "Government" in norm.split() or "Governments" in norm.split():
        return None  # a government is its country's: "the Government of Serbia" names the place
    if label != "ORG" and norm.isupper() and len(norm) > 2:
        return ORGANIZATION  # an unknown acronym the model calls a place or people is an organization's
    head = head_word(norm)
    if head in PRODUCT_HEADS or head in ROLE_HEADS:
        return None  # publications, products, days and people's roles are not bodies or places
    if looks_like_person(norm):
        return None
    if label == "ORG":
        if only_heads(norm):
            return None  # "the Council and Conference decisions", "a State Party to the Convention"
        if norm in ORG_HEADS or is_common_word(norm) or is_word_form(norm) or (head not in ORG_HEADS and all_common(norm)):
            return None  # "the Initiative" refers back; "No Data" is a phrase
        return ORGANIZATION
    if label in ("GPE", "LOC"):
        if is_common_word(norm):
            return None  # "a full-time Principal": a capitalized word, no place
        return PLACE
    return None


def looks_like_person(norm: str) -> bool:
    """ "Stojan Župljanin", "François-Xavier Nzuwonemeye": two or three rare capitalized words
    and nothing that names a body or a place (no head word, connector or acronym)."""
    words = norm.split()
    if not 2 <= len(words) <= 3 or any(w in ORG_HEADS or w in CONNECTORS or w.isupper() for w in words):
        return False
    last = words[-1]
    return all(w[:1].isupper() for w in words) and max(zipf(p) for p in last.split("-")) < 2.5 \
        and all(zipf(p) < 4.0 for w in words[:-1] for p in w.split("-"))


def keep_secondary(kind: str, text: str, before: str) -> bool:
    """Whether a number, date or amount is a real one (``before`` is the text right before it)."""
    if kind == "percent":
        return bool(_PERCENT.search(text))
    if kind == "money":
        return bool(_MONEY.search(text) or _MONEY.search(before[-4:]))
    if kind == "date":
        return bool(_TIME_WORD.search(text))
    if kind in ("count", "quantity"):
        if _REFERENCE.search(before) or _ROMAN.fullmatch(text):
            return False  # "para. 46", "table 1", "sect. V": references, not counts
        return any(ch.isdigit() for ch in text) or text.isalpha()
    return True


# a post in brackets right after a name: "(UNFPA Regional Director for Eastern Europe and Central Asia)"
_ROLE_IN_BRACKETS = re.compile(r"\s*\([^()]{0,60}?\b(?:Director|Minister|Head|Chair|Chairperson|Adviser|Advisor|"
                               r"Representative|Coordinator|Officer|Secretary|President|Professor|Ambassador|"
                               r"Rapporteur|Manager|Specialist)\b")


def is_guess_of_a_thing(text: str, start: int, end: int, kind: str) -> bool:
    """A model's organization or place that its context shows is a person, a title, an event or
    a facility ("Mr. Kurti", "ITU issued Digital Skills Toolkit 2024", "the fourth ... Conference")."""
    from .name_context import is_event, is_facility, is_product, tail_of_event
    from .people import after_role, after_title, starts_with_title

    name = text[start:end]
    if after_title(text, start) or starts_with_title(name) or is_product(text, start, end):
        return True
    if head_word(name) not in ORG_HEADS and after_role(text, start, end):
        return True  # "the former President of Kenya, Uhuru Kenyatta,"
    if _ROLE_IN_BRACKETS.match(text, end) and re.fullmatch(r"[A-Z][\w\-\u00C0-\u024F]+(?:\s+[A-Z][\w\-\u00C0-\u024F]+){1,3}", name) \
            and not any(w in ORG_HEADS for w in name.split()):
        return True  # "Florence Bauer (UNFPA Regional Director for ...)": a person, then the post held
    if _GROUP_AFTER.match(text, end) or _SPOKEN.search(text[max(0, start - 20):start]):
        return True  # "of Hema origin", "Tutsi communities", "speak Kiswahili": a people or a language
    if kind == PLACE and " " not in name and _WRONGED_PEOPLE.search(text[max(0, start - 60):start]):
        return True  # "the genocide against the Tutsi": a people wronged, not a place
    if capital_of_a_word(text, start, end):
        return True  # "Troop reimbursements will ...": the document writes "troop" elsewhere
    if kind == ORGANIZATION:
        return is_event(text, start, end, head_word(name)) or tail_of_event(text, start)
    return kind == PLACE and is_facility(text, end)


def capital_of_a_word(text: str, start: int, end: int) -> bool:
    """One word capitalized because it opens a sentence or a clause that the same text also writes
    in lower case ("Troop reimbursements will ..." beside "troop and police personnel"), or a verb's
    "-ing" form ("and Transforming our world: ..."): a word, not a name."""
    name = text[start:end]
    if " " in name or not name[:1].isupper() or not name[1:].islower() or lookup().get(name) is not None:
        return False
    if is_participle(name):
        return True
    before = text[:start].rstrip()
    opens = not before or before[-1] in ".!?;:\u201c\"(\u2022"
    if opens and re.match(r"\s+to\s", text[end:end + 4]) and zipf(name) >= _OPENER_ZIPF:
        return True  # "Pursuant to ...", "Further to ...": a sentence's opening phrase, no name
    return opens and re.search(r"(?<![\w\-])" + re.escape(name.lower()) + r"(?![\w\-])", text) is not None


_OPENER_ZIPF = 3.4  # "pursuant" 3.6; one-word bodies are rarer words ("Interpol" 3.2, "Oxfam" 2.8)


def is_participle(word: str) -> bool:
    """ "Transforming", "Recalling": a verb's "-ing" form, whose stem is a word too ("Beijing" is none)."""
    stem = word[:-3].lower()
    return word.endswith("ing") and zipf(word) >= 3.0 and max(zipf(stem), zipf(stem + "e")) >= 3.0
