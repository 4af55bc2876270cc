"""Bodies named by shape: a head word ("Commission", "Network", "Bureau") with capitalized
modifiers before it and "of"/"for"/"on" complements after it (issue 4).

The gazetteer knows the big UN bodies; the model finds others in pieces, because the gazetteer's
spans inside a name ("Fiji" in "Fiji Bureau of Statistics") cut its view. Titled bodies put the
pieces back. A place inside is part of the name; a known body it starts with is too ("United
Nations Economic Commission for Asia and the Pacific"); a known body or instrument later in it
stays itself, and the body ends before it ("Joint Committee" of "the Central European Free Trade
Agreement"). A body's name stops before a person's name, a government ("Office for Kosovo and
Metohija" of "the Government of Serbia") and after a possessive ("Mechanism's").
"""

from __future__ import annotations

import re

from .rules import NOT_ENTITIES, ORG_HEADS, PRODUCT_HEADS, ROLE_HEADS, head_word, is_name, only_heads, trim
from .gazetteer import ORGANIZATION, PLACE, lookup, normalize
from .foreign_names import find_foreign_bodies
from .instruments import find_titles
from .title_edges import before_field_label
from ..models import Entity
from .name_context import EVENT_HEADS, is_event, is_product, tail_of_event

_GOVERNMENT = re.compile(r"\s+of\s+(?:the\s+)?Governments?\b")
_MEMBER_STATES = re.compile(r"\s+Member\s+States?\b")
_POSSESSIVE = re.compile(r"^.*?\b\w+['\u2019]s\s+")
# "Statistics Canada", "Statistics Norway": national statistical offices named by their country
_STATISTICS = re.compile(r"\bStatistics\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")


def _country_then_clause(name: str) -> bool:
    """True for a place's name whose head heads bodies too ("Federation", "Republic") run on over a
    lowercase word into the sentence: "Russian Federation against Ukraine", "Republic of Korea in Seoul"."""
    m = re.match(r"(.+?)\s+(?:against|in|on|with|to|at|from|by)\s+", name)
    if m is None:
        return False
    known = lookup().get(normalize(m.group(1)))
    return known is not None and known.kind == PLACE


def titled_bodies(text: str, rules: list[Entity], people: list[tuple[int, int]]) -> list[Entity]:
    """Bodies named by shape that neither the gazetteer nor the model found whole."""
    out = []
    spans = []
    pairs = []  # "Division of ... and Division for ...": two bodies of one head
    for s, e in find_titles(text, ORG_HEADS, body=True):
        s, e = _cut(text, s, e, rules, people)
        if s is not None:
            parts = _split_at_and(text, s, e)
            spans += parts
            if len(parts) == 2 and text[parts[0][0]:].split()[0] == text[parts[1][0]:].split()[0]:
                pairs.append((s, e))
    # a title starting inside such a pair is a piece of it ("Communications and ... Division for ...")
    spans = [(s, e) for s, e in spans if not any(ps < s < pe and (s, e) not in _split_at_and(text, ps, pe)
                                                 for ps, pe in pairs)]
    for s, e in spans:
        s, e = s, before_treaty(text, s, e)
        name = text[s:e]
        if " " not in name or not is_name(name) or normalize(name) in NOT_ENTITIES:
            continue
        head = head_word(name)
        if head in ROLE_HEADS or not any(w in ORG_HEADS for w in name.split()):
            continue  # "Director of Programme Division" is a role
        if head == "House" and not re.search(r"\bHouse\s+of\s+[A-Z]", name):
            continue  # "UN House", "Government House": premises; "House of Representatives" is a chamber
        if re.fullmatch(r"(?:Programme|Program|Platform|Plan)\s+(?:of|for)\s+Action", name) or only_heads(name):
            continue  # "the Platform for Action" refers back to an instrument; "Council and Conference"
        known = lookup().get(normalize(name))
        if known is not None and known.kind == PLACE:
            continue  # "Russian Federation": a country, though "Federation" heads bodies
        if _country_then_clause(name):
            continue  # "the Russian Federation against Ukraine": a country, then the sentence goes on
        if is_event(text, s, e, head) or is_product(text, s, e) or _tail_of_a_name(text, s):
            continue
        e = _office_region(text, e, rules)
        name = text[s:e]
        out.append(Entity(name, ORGANIZATION, _canonical(name), s, e))
    for m in _STATISTICS.finditer(text):
        place = lookup().get(m.group(1)) or lookup().get(m.group(1).split()[0])
        if place is not None and place.kind == PLACE:
            end = m.start(1) + len(place.text) if m.group(1).startswith(place.text) else m.end(1)
            out.append(Entity(text[m.start():end], ORGANIZATION, text[m.start():end], m.start(), end))
    for f in find_foreign_bodies(text):  # "Coalición Nacional de Mujeres del Ecuador"
        out = [o for o in (_before(text, o, f.start, f.end) for o in out) if o is not None]
        name = text[f.start:f.end]
        out.append(Entity(name, ORGANIZATION, _canonical(name), f.start, f.end))
    return out + country_offices(text, rules)


_TO_TREATY = re.compile(r"\s+to\s+the\s+(?:Convention|Protocol|Agreement|Treaty|Covenant|Charter)$")


_REGION_OFFICE = re.compile(r"\b(?:Regional|Subregional|Sub-regional|Multi-country|Multi-Country|Country|"
                            r"Liaison|Area)\s+Office$")


def _office_region(text: str, end: int, rules: list[Entity]) -> int:
    """ "Subregional Office Latin America and the Caribbean": an agency's regional or country office
    written with its region or country right after "Office" (no "for") ends with that place."""
    if not _REGION_OFFICE.search(text, max(0, end - 30), end) or text[end:end + 1] != " ":
        return end
    for r in rules:
        known = lookup().get(normalize(r.text))
        if r.kind == PLACE and r.start == end + 1 and known is not None and known.kind == PLACE:
            return r.end
    return end


def before_treaty(text: str, start: int, end: int) -> int:
    """ "Conference of the Parties to the Convention": the bare treaty it serves is an instrument
    apart (it refers back), so the body ends before "to the"."""
    m = _TO_TREATY.search(text, start, end)
    return m.start() if m else end


def _before(text: str, e: Entity, start: int, end: int) -> Entity | None:
    """A title cut where a name in another language starts ("Violet Coalition and Coalición ..."
    gives "Violet Coalition"); None when nothing of it is left."""
    if e.end <= start or e.start >= end:
        return e
    s, cut = trim(text, e.start, start)
    cut = s + len(re.sub(r"\s+and$", "", text[s:cut]))
    if cut <= s or " " not in text[s:cut]:
        return None
    return Entity(text[s:cut], ORGANIZATION, _canonical(text[s:cut]), s, cut)


def country_offices(text: str, rules: list[Entity]) -> list[Entity]:
    """ "UNDP Nepal", "UNICEF Ukraine": a known body's acronym with a country's name right after
    it names the body's office there (canonical: the body's). A capitalized word after the
    country makes it the name of something else ("the UNDP Tuvalu Coastal Adaptation Project")."""
    out = []
    for a in rules:
        if a.kind != ORGANIZATION or not a.text.replace("-", "").isupper() or text[a.end:a.end + 1] != " ":
            continue
        for p in rules:
            known = lookup().get(normalize(p.text))
            if p.kind == PLACE and p.start == a.end + 1 and known is not None and known.kind == PLACE \
                    and not re.match(r"(?:\s+[A-Z]|[\w\-\u2010])", text[p.end:p.end + 2]):
                out.append(Entity(text[a.start:p.end], ORGANIZATION, a.canonical, a.start, p.end))
    return out


def _cut(text: str, s: int, e: int, rules: list[Entity], people: list[tuple[int, int]]) -> tuple:
    """The span left of a title once governments, people, possessives and inner names are cut."""
    m = _POSSESSIVE.match(text[s:e])
    if m and re.sub(r"['\u2019]s\s+$", "", m.group(0)).split()[-1] in ORG_HEADS:
        s += m.end()  # "the Mechanism's Information Programme"; "Prosecutor's Office" stays whole
    g = _GOVERNMENT.search(text, s, e) or _MEMBER_STATES.search(text, s, e)
    if g:
        e = g.start()
    e = before_field_label(text, s, e)  # "... Unit Status Under implementation": a table's next field
    for ps, pe in people:
        if s < ps < e:
            e = ps
        elif ps <= s < pe:
            return None, None
    for r in sorted(rules, key=lambda r: r.start):
        if not (r.start < e and s < r.end):
            continue
        if r.kind == PLACE and s < r.start and _coordinated_place(text, s, r.start):
            e = r.start  # "the Insurance Development Forum and Germany": two partners, not one name
            break
        if r.kind == PLACE and s < r.start and r.end <= e and _sent_to(text, s, r.start):
            e = r.start  # "an invitation from the Pacific Community to Suva": the place is where to
            break
        if r.kind == PLACE and s < r.start and r.end <= e and _met_in(text, s, r.start) \
                and lookup().get(normalize(r.text)) is None:
            e = r.start  # "the Conference of the Parties in Baku": the town where the organ met
            break
        if r.kind == PLACE and s <= r.start and r.end <= e:
            continue  # part of the name
        if r.kind == ORGANIZATION and s < r.start and r.end < e and r.canonical == "United Nations" \
                and re.fullmatch(r"(?:[A-Z][\w\-]*\s+)+", text[s:r.start]) and re.match(r"\s+[A-Z]", text[r.end:e]):
            continue  # "Regional United Nations Network on ...": among the modifiers, the Organization's name
        if r.kind == PLACE and s < r.start and _complement_ends(text, s, r.start):
            e = r.end  # "... Commission for Asia and the Pacific": the place ends the name
            continue
        if r.kind == ORGANIZATION and r.start == s and r.end < e:
            if re.match(r"\s+(?:to|by|with|from|at|in|on|between|under)\s", text[r.end:e]):
                return None, None  # "the Security Council on the Mission's impact": the known body stands
            continue  # the name starts with a known body
        if r.start <= s:
            return None, None
        e = r.start
        break
    s, e = trim(text, s, e)
    return (s, e) if e > s else (None, None)


# Heads of organs that meet somewhere: "in" and a place after them say where, not which body
_MEETING_HEADS = {"Conference", "Assembly", "Forum", "Council", "Committee", "Board", "Meeting", "Summit", "Session"}


def _met_in(text: str, s: int, place_start: int) -> bool:
    """A place right after "in" and an organ's name ("Conference of the Parties in Baku"); an
    office's or a mission's place is part of its name ("Support Office in Somalia"), and so is
    a country or region a committee serves ("... Committee on Security Questions in Central Africa")."""
    m = re.search(r"\s+in\s+(?:the\s+)?$", text[s:place_start])
    if not m:
        return False
    head = head_word(text[s:s + m.start()])
    # a town (the caller passes only places the gazetteer does not know as countries or regions) is
    # where any other body sits, not its name: "Group of Friends ... in Geneva", "King's College in London"
    return head in _MEETING_HEADS or (head not in _POSTED_HEADS and head not in _FIELD_HEADS)


# Heads whose name goes on with "to" and a place: "OSCE Mission to Serbia", "Delegation to ..."
_POSTED_HEADS = {"Mission", "Missions", "Delegation", "Office", "Embassy", "Observer"}
# Heads of field presences named for where they serve: "... Operation in Darfur", "Force in Lebanon"
_FIELD_HEADS = {"Operation", "Operations", "Force", "Forces", "Presence", "Team", "Centre", "Center", "Branch",
                "Unit", "Section", "Bureau", "Police"}


def _sent_to(text: str, s: int, place_start: int) -> bool:
    """A place right after "to" and the head word ("Community to Suva"): where the sentence sends
    someone, not part of the name, unless the head is a mission's or an office's."""
    m = re.search(r"(\S+)\s+to\s+(?:the\s+)?$", text[s:place_start])
    return bool(m) and m.group(1) in ORG_HEADS and m.group(1) not in _POSTED_HEADS


def _split_at_and(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """ "Peacebuilding Commission and Counterterrorism Committee" names two bodies: each side of
    "and" has its own head word ("Economic and Social Council" has one, so it stays whole)."""
    ands = list(re.finditer(r"\s+and\s+(?:the\s+)?(?=[A-Z])", text[s:e]))
    # an "and" that opens a new head ("... Partnerships and Division for Management Services") first
    ands.sort(key=lambda m: text[s + m.end():e].split()[0] not in ORG_HEADS)
    for m in ands:
        left, right = text[s:s + m.start()], text[s + m.end():e]
        # "Division of ... and Division for ...": the same head opens a second name ("Ministry of Interior and
        # Police of ..." stays one)
        opens = right.split()[0] == left.split()[0] in ORG_HEADS and re.match(r"\S+\s+(?:of|for|on)\s", right)
        if left.startswith("Ministry ") and not right.startswith("Ministry "):
            continue  # a ministry's portfolios: "Ministry of Interior and Police of the Dominican Republic"
        if (_has_head(left) or opens) and _has_head(right):
            return [(s, s + m.start()), (s + m.end(), e)]
    return [(s, e)]


def _has_head(name: str) -> bool:
    words = re.split(r"\s+(?:of|for|on|in)\s+", name)[0].split()
    return bool(words) and words[-1] in ORG_HEADS


def _coordinated_place(text: str, s: int, place_start: int) -> bool:
    """A place joined by "and" to what comes before it, with no "for"/"of"/"in"/"on" before it
    in the name ("Forum and Germany", "Monaco and Russian Federation"; not "Commission for
    Latin America and the Caribbean")."""
    before = text[s:place_start]
    return bool(re.search(r"\sand\s+(?:the\s+)?$", before)) and not re.search(r"\b(?:for|of|in|on)\s", before)


def _complement_ends(text: str, s: int, place_start: int) -> bool:
    """Whether a place starting inside a title is its last complement ("for Asia and the Pacific")."""
    return bool(re.search(r"\b(?:for|of|in|on)\s+$", text[s:place_start]))


def _tail_of_a_name(text: str, start: int) -> bool:
    """ "Information Society" of "World Summit on the Information Society": the end of a longer
    name of an event or a publication, not a body."""
    m = re.search(r"([A-Z][\w\-]*)\s+(?:on|of|for)\s+(?:the\s+)?$", text[max(0, start - 60):start])
    return bool(m) and (m.group(1) in EVENT_HEADS or m.group(1) in PRODUCT_HEADS or tail_of_event(text, start))


def _canonical(name: str) -> str:
    known = lookup().get(normalize(name))
    return known.canonical if known else normalize(name)
