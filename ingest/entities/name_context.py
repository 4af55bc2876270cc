"""What the words around a name say it is: a publication, an event, a facility (issue 4).

The small model tags titles of reports and products as organizations ("Digital Skills Toolkit
2024", "UNdata"), titles as places ("The State of Broadband 2024"), and events as bodies. UN
style gives them away: a title keeps a capital "The" mid-sentence and is often dated ("... 2024"),
follows "issued" or "launched" with no article, or is followed by the kind of thing it is
("portal", "initiative"); an event is "held", numbered ("the fourth ...") or dated. Pure
functions over the text around a span.
"""

from __future__ import annotations

import re

from .rules import ORG_HEADS

# Lowercase words after a name that make it the name of a thing, not of a body or place.
PRODUCT_NOUNS = {
    "portal", "platform", "database", "databases", "website", "web", "app", "application", "tool", "toolkit",
    "toolbox", "report", "reports", "index", "initiative", "initiatives", "programme", "programmes", "program",
    "project", "projects", "campaign", "series", "map", "hub", "dashboard", "survey", "award", "awards", "prize",
    "newsletter", "channel", "page", "module", "methodology", "software", "model", "brand", "label",
}
# Lowercase words after a name that make it a facility's, not a town's.
FACILITY_NOUNS = {"canal", "pipeline", "highway", "motorway", "road", "bridge", "dam", "railway", "tunnel", "airport"}
# Head words of events, which are not bodies.
EVENT_HEADS = {
    "Summit", "Summits", "Symposium", "Congress", "Dialogue", "Dialogues", "Meeting", "Meetings", "Session",
    "Sessions", "Day", "Days", "Week", "Expo", "Games", "Olympics", "Festival", "Fair", "Exhibition", "Retreat",
    "Workshop", "Seminar", "Webinar", "Hackathon", "Datathon", "Conversation", "Hearing", "Consultation",
}
_ORDINAL = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                      r"\w+teenth|twentieth|\w+-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
                      r"thirtieth|fortieth|fiftieth|\d+(?:st|nd|rd|th)|annual|inaugural)(?:-ever)?\s+$", re.I)
_YEAR_AFTER = re.compile(r"\s*(?:(?:19|20)\d\d(?:[\u2013\-](?:19|20)?\d\d)?|\d+\.\d)\b(?!\s*(?:per\s?cent|%))")
_DATED = re.compile(r"\s*\((?:(?:January|February|March|April|May|June|July|August|September|October|November|"
                    r"December)\s+)?(?:19|20)\d\d\)")
_PUBLISHED = re.compile(r"\b(?:issued|published|launched|released|produced|entitled|titled|called|"
                        r"publication|edition of)\s+$")
_CAMEL = re.compile(r"[A-Z]{2,}[a-z]{3,}")  # "UNdata": a product's brand, not an acronym


def next_word(text: str, end: int) -> str:
    m = re.match(r"\s+([\w\-]+)", text[end:end + 40])
    return m.group(1) if m else ""


def is_product(text: str, start: int, end: int) -> bool:
    """A publication's or product's title, not a body or place."""
    name = text[start:end]
    before = text[max(0, start - 40):start]
    if _CAMEL.fullmatch(name) or re.search(r"\s(?:19|20)\d\d$", name):
        return True
    if next_word(text, end) in PRODUCT_NOUNS or in_product_name(text, end):
        return True
    if _YEAR_AFTER.match(text, end) and text[end:end + 1] == " ":
        return True  # "Global Cybersecurity Outlook 2024"
    if re.match(r"\s+of\s+the\s+Year\b", text[end:end + 20]):
        return True  # "the Property & Casualty Innovator of the Year": an award
    if _PUBLISHED.search(before):
        return True  # "ITU issued Digital Skills Toolkit ..."
    if re.search(r"\S\s+The\s+$", before) and not re.search(r"[.;:!?\u201c\"(]\s+The\s+$", before):
        return True  # "in The State of Broadband": UN style keeps "The" only in titles
    if re.search(r",\s+in\s+$", before) and text[end:end + 1] == ",":
        return True  # "GSMA, in Connected Women, considered"
    return False


def is_event(text: str, start: int, end: int, head: str) -> bool:
    """An event, not a body: an event head word, or numbered or dated ("the fourth ... Conference")."""
    if head in EVENT_HEADS:
        return True
    if head == "Conference" and re.search(r"\b(?:World|International|Global|Ministerial|Diplomatic|Review)\s+"
                                           r"Conference\b", text[start:end]):
        return True  # "the International Conference on Financing for Development" is held, not a body
    if head == "Conference" and re.match(r"United Nations Conference on [A-Z]", text[start:end]) \
            and not _known_body(text[start:end]):
        return True  # "the United Nations Conference on Environment and Development" met; UNCTAD is a body
    if head == "Conference" and re.search(r"\bConference\s+to\s+[A-Z]", text[start:end + 12]):
        return True  # "the United Nations Conference to Support the Implementation of ...": held, not a body
    if head == "Conference" and re.search(r"\bConference\s+on\s+[A-Z][a-z]+ing\b", text[start:end + 20]):
        return True  # "Conference on Facilitating the Entry into Force of ...": a conference on doing something is held
    if re.match(r"(?:19|20)\d\d\s+[A-Z]", text[start:end]):
        return True  # "the 2025 United Nations Conference to Support ...": a dated event
    if head == "Conference" and town_conference(text, start, end):
        return True  # "the Madrid Conference": held in a town
    before = text[max(0, start - 30):start]
    if head in _GATHERING_HEADS and (_CONVENED.search(before) or _EVENT_APPOSITION.match(text, end)):
        return True  # "ESCWA convened the ... Forum, a regional event with 420 participants"
    first = re.match(r"\S+\s", text[start:end])
    if head in _GATHERING_HEADS and first and _ORDINAL.search(first.group(0)):
        return True  # "the Fifth United Nations Conference on the Least Developed Countries" ("Fifth Committee" is a body)
    return bool(_ORDINAL.search(before) or _DATED.match(text, end))


def _known_body(name: str) -> bool:
    from .gazetteer import ORGANIZATION, lookup, normalize

    known = lookup().get(normalize(name))
    return known is not None and known.kind == ORGANIZATION


# Heads of names that are as often a gathering as a body: what is convened or called an event is held.
_GATHERING_HEADS = {"Forum", "Conference"}
_CONVENED = re.compile(r"\b(?:convened|hosted|convene|convenes|host|hosts|convening\s+of)\s+the\s+$")
_EVENT_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:event|meeting|gathering|conference)\b")


def town_conference(text: str, start: int, end: int) -> bool:
    """ "the Madrid Conference", "the Bonn Conference": a conference named by the town it met in and
    by nothing else is a meeting; "the Hague Conference on Private International Law" goes on to
    name a body."""
    from .cities import city_names

    m = re.fullmatch(r"([A-Z][\w\-]+)\s+Conference", text[start:end])
    if m is None or re.match(r"\s+(?:on|of|for|to)\b", text[end:end + 5]):
        return False
    town = city_names().get(m.group(1))
    return town is not None and town[1] >= 100_000


def tail_of_event(text: str, start: int) -> bool:
    """ "Information Society" of "the Ninth Ministerial Conference on the Information Society": the
    words after an event's head are the end of the event's name, not a body of their own."""
    m = re.search(r"((?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*)\s+(?:on|of|for)\s+(?:the\s+)?$", text[max(0, start - 80):start])
    if m is None:
        return False
    base = max(0, start - 80)
    head = m.group(1).split()[-1]
    return head in EVENT_HEADS or (head == "Conference" and is_event(text, base + m.start(1), base + m.end(1), head))


# "the International Day of United Nations Peacekeepers": a name right after a day's or a week's head and "of" or
# "for" is the end of the day's name (a session's "80th Session of UN ESCAP" keeps the body it names)
_DAY_OF = re.compile(r"\b[A-Z][\w\-]*\s+(?:Day|Days|Week)\s+(?:of|for)\s+(?:the\s+)?$")


def in_day_name(text: str, start: int) -> bool:
    """Whether a name at ``start`` ends a named day's or week's name ("International Day of United Nations ...")."""
    return _DAY_OF.search(text[max(0, start - 60):start]) is not None


def is_facility(text: str, end: int) -> bool:
    """A named canal, road or bridge ("... water canal"): the name is the facility's, not a town's."""
    m = re.match(r"\s+([a-z\-]+)(?:\s+([a-z\-]+))?", text[end:end + 40])
    if m and m.group(1) == "road" and m.group(2) in ("map", "maps") and re.search(r"\sto\s+\S+$", text[max(0, end - 40):end]):
        return False  # "the Baku to Belém road map": a plan named after the places it goes between, no road
    return bool(m) and (m.group(1) in FACILITY_NOUNS or m.group(2) in FACILITY_NOUNS)


def in_product_name(text: str, end: int) -> bool:
    """A name that starts a longer one of a product ("Geneva Internet platform", "Africa Climate
    ... Network programme"): more capitalized words follow it, then what the thing is."""
    m = re.match(r"(?:\s+(?:(?:and|for|of|on|the)\s+)*[A-Z][\w\-]*)+\s+([a-z\-]+)", text[end:end + 120])
    return bool(m) and m.group(1) in PRODUCT_NOUNS


# "United Nations" used as an adjective of an event's or award's name, not as the body
_EVENT_AFTER = re.compile(r"(?:\s+[A-Z][\w\-]*){0,3}?\s+(?:Conference|Summit|Awards?|Prize|Day|Week|Year|Decade|"
                          r"Congress|Games|Forum)\b")
# the five regional groups of Member States: "Asia-Pacific States" names a group, not a place
_REGIONAL_GROUP = re.compile(r"\b(?:African|Asia-Pacific|Asian|Eastern European|Latin American and Caribbean|"
                             r"Western European and [Oo]ther)\s+States\b")


# "United Nations" used as an adjective of a publication's or product's title ("the forthcoming United Nations
# Global Risk Report", "United Nations E-Government Survey", "United Nations Partner Portal"), unless a body's
# head word comes between ("United Nations Joint Investigative Mechanism Reports": the Mechanism's)
_PRODUCT_AFTER = re.compile(r"((?:\s+[A-Z][\w\-]*){0,3}?)\s+(?:Report|Reports|Outlook|Survey|Handbook|Yearbook|"
                            r"Index|Atlas|Database|Digest|Compendium|Toolkit|Portal|Dashboard|Tracker)\b")


def names_product_of(text: str, end: int) -> bool:
    """ "the United Nations Global Risk Report": the capitalized words after the name end in a
    publication's or product's head, none of them a body's."""
    m = _PRODUCT_AFTER.match(text, end)
    return bool(m) and not any(w in ORG_HEADS for w in m.group(1).split())


def names_event_of(text: str, end: int) -> bool:
    """ "the 2025 United Nations Conference to Support ...", "the United Nations Procurement
    Awards": the words after the name make it part of an event's or an award's name."""
    return bool(_EVENT_AFTER.match(text, end))


def in_regional_group(text: str, start: int, end: int) -> bool:
    """Whether a place is a word of a regional group's name ("Latin American and Caribbean States"),
    or "Arab States" counted as countries ("eight Arab States"), not named as a region."""
    if text[start:end] == "Arab States" and _COUNTED.search(text[max(0, start - 20):start]):
        return True
    return any(m.start() <= start and end <= m.end() for m in _REGIONAL_GROUP.finditer(text))


_COUNTED = re.compile(r"(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty[\w\-]*|several|many|"
                      r"some|all|other)|(?<!\d\s)\b\d{1,3})\s+$", re.I)  # "15 11 Arab States": a table's figures, not a count
# a country's name before its currency: "United States dollars" is money, not a place
_CURRENCY = re.compile(r"\s+(?:dollars?|pesos?|francs?|pounds?|rupees?|shillings?)\b")


def names_currency(text: str, end: int) -> bool:
    """ "(In millions of United States dollars)": the country names a currency, not a place."""
    return bool(_CURRENCY.match(text, end))


def names_members(text: str, start: int, end: int) -> bool:
    """ "14,631 United Nations Volunteers", "hosting United Nations Volunteers": a body named by its
    members ("Volunteers") means the people unless "the" comes before or its acronym or
    "programme" after ("the United Nations Volunteers (UNV) programme")."""
    if not text[start:end].endswith("Volunteers"):
        return False
    if re.search(r"\b[Tt]he\s+$", text[max(0, start - 5):start]):
        return False
    return not re.match(r"\s*(?:\(|programme\b)", text[end:end + 12])
