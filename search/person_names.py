"""Persons' names as UN documents write them, where the language models cut them short.

Lists of officers and delegations write a name with its country in brackets ("the Vice-Chair Ana
Cristina Amoroso das Neves (Portugal)", "H.E. Youssef Balla (Morocco, List A)"); a model may find
only "Cristina", or "M.O. Kah" for "Muhammadou M.O. Kah". A "who" question needs the whole name.
"""

from __future__ import annotations

import re

from .answer_types import Span, is_country

# Capitalized words right before a person's name that are part of it ("*Muhammadou* M.O. Kah" where
# the model found "M.O. Kah"); not a title ("the Vice-Chair Ana ...", "President X") nor a sentence's
# first word.
_NAME_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][a-zà-ÿ’'-]+ ){1,3})$")
_TITLES = frozenset("chair chairperson co-chair vice-chair president vice-president rapporteur secretary minister "
                    "ambassador judge professor director executive general commissioner representative member "
                    "alternate expert mr mrs ms mme dr sir madam his her excellency h.e at in on the".split())


# A name with its country in brackets, as lists of officers and delegations write them: "the Vice-Chair
# *Ana Cristina Amoroso das Neves* (Portugal)", "H.E. *Youssef Balla* (Morocco, List A)".
_PARTICLE = r"(?:da|das|de|del|della|di|do|dos|du|van|von|der|den|bin|ibn|al|el|la|le)"
_OFFICER = re.compile(r"(?<![\w.’'-])((?:[A-Z][\w’'-]*\.?)(?:\s+(?:[A-Z][\w’'-]*\.?|" + _PARTICLE + r"))*)"
                      r"\s+\(([^()]+)\)")


def officer_spans(sentence: str) -> list[Span]:
    """Persons named with their country in brackets, less any title before the name."""
    out = []
    for m in _OFFICER.finditer(sentence):
        if not is_country(m.group(2).split(",")[0].strip()):
            continue
        words = m.group(1).split()
        start = m.start(1)
        while words and (words[0].lower().rstrip(".") in _TITLES or "." in words[0] and len(words[0]) <= 5):
            start = sentence.index(words[1], start + len(words[0])) if len(words) > 1 else m.end(1)
            words = words[1:]
        if len(words) >= 2 and not is_country(" ".join(words)) and words[-1][:1].isupper():
            out.append(Span(sentence[start:m.end(1)], "person", start, m.end(1)))
    return out


def whole_name(span: Span, sentence: str) -> Span:
    """A person's name with the given names the model left out before it."""
    m = _NAME_BEFORE.search(sentence[:span.start])
    if not m:
        return span
    words = m.group(1).split()
    while words and words[0].lower() in _TITLES:
        words = words[1:]
    if not words or any(w.lower() in _TITLES for w in words) or m.start(1) == 0 and len(words) == len(m.group(1).split()):
        return span
    start = span.start - len(" ".join(words)) - 1
    return Span(sentence[start:span.end], span.kind, start, span.end)


# A name set off by commas after an office: "the Senior Programme Officer for ... at the Southern
# African Development Community, *Ndapanda Kanime*, made a presentation"; "the Director of the Forum
# secretariat, *Juwang Zhu*, said". The models often take such a name for an organization.
_OFFICE = (r"\b(?:Officer|Director|Chair|Chairperson|Co-Chair|Vice-Chair|President|Vice-President|Minister|"
           r"Secretary|Secretary-General|Rapporteur|Representative|Coordinator|Advis[eo]r|Head|Chief|Commissioner|"
           r"Envoy|Ambassador|Deputy|Manager|Specialist|Expert|Judge|Prosecutor|Registrar|Administrator|Founder)\b")
# The name closes the office's phrase: a comma after it, or (at the end of a list or of the sentence) a semicolon
# or the sentence's end: "presented by the Chief of ... Section, ECE Statistical Division, *Andres Vikat*."; "the
# Secretary-General of the Conference, *Li Junhua*;". Each comma of the office's phrase is tried in turn, so that a
# body between commas ("..., ECE Statistical Division, ...") does not hide the name after it.
_OFFICE_RE = re.compile(_OFFICE)
_NAME_AFTER_COMMA = re.compile(r",\s+((?:[A-Z][\w’'-]+)(?:\s+(?:[A-Z][\w’'-]+|" + _PARTICLE + r")){1,3})")
_NAME_CLOSED = re.compile(r"\s*(?:[,;]|\.?\s*$)")
_BODY_WORDS = frozenset("community organization nations programme fund council committee commission bank union "
                        "office department ministry republic group forum agency secretariat government institute "
                        "university centre center conference assembly states kingdom federation board division "
                        "section unit branch service bureau mission".split())


def appositive_spans(sentence: str) -> list[Span]:
    """Persons named after a comma right after an office they hold (between commas, or last)."""
    return [sp for sp, _ in _appositives(sentence)]


def _appositives(sentence: str) -> list[tuple[Span, int]]:
    """Each appositive person with where its office's word starts."""
    out: list[tuple[Span, int]] = []
    for office in _OFFICE_RE.finditer(sentence):
        window = re.match(r"[^;:()]{0,120}", sentence[office.end():]).group(0)
        end = office.end() + len(re.split(r"\.(?=\s)", window)[0])  # the sentence's end, not an initial ("M.O. Kah")
        for m in _NAME_AFTER_COMMA.finditer(sentence, office.end(), end):
            words = m.group(1).split()
            if not _NAME_CLOSED.match(sentence, m.end(1)) or is_country(m.group(1)) \
                    or any(w.lower() in _BODY_WORDS or w.lower() in _TITLES for w in words):
                continue
            if not out or out[-1][0].start != m.start(1):
                out.append((Span(m.group(1), "person", m.start(1), m.end(1)), office.start()))
            break
    return out


# A person appointed, elected or nominated to an office the sentence names after "as": "decided to appoint
# *Genoveva Tisheva* as Rapporteur on reprisals" (the models miss such names).
_APPOINTED = re.compile(r"\b(?:appoint|elect|re-elect|nominate|designate)(?:s|ed|ing)?\s+((?:[A-Z][\w’'-]+)(?:\s+(?:"
                        r"[A-Z][\w’'-]+|" + _PARTICLE + r")){1,3})\s+as\b")


def appointed_spans(sentence: str) -> list[Span]:
    """Persons named as the object of "appoint/elect/nominate ... as"."""
    out = []
    for m in _APPOINTED.finditer(sentence):
        words = m.group(1).split()
        if any(w.lower() in _BODY_WORDS or w.lower() in _TITLES for w in words) or is_country(m.group(1)):
            continue
        out.append(Span(m.group(1), "person", m.start(1), m.end(1)))
    return out


_HONORIFICS = frozenset("mr mrs ms mme dr sir madam h.e hon prof".split())


def named_persons(found: list[Span], sentence: str) -> list[Span]:
    """The spans of a question that may ask a person, less what is no one's name of its own: an honorific the
    models take for a name ("prepared by *Mr*. Louis Bahakoula Mabidi"), a span inside a person's whole name
    ("declared *Abdirahman* Mohamed Abdullahi": the model's organization of the first word), and a body or name
    in the office of a person named after it ("the Chief of *Social and Demographic Statistics Section*, ECE
    Statistical Division, Andres Vikat": the person is the one named, not their unit)."""
    persons = [sp for sp in found if sp.kind == "person"]
    offices = [(office, sp.start) for sp, office in _appositives(sentence) if any(p.start == sp.start for p in persons)]
    out = []
    for sp in found:
        if sp.text.lower().rstrip(".") in _HONORIFICS:
            continue
        if sp.kind != "person" and any(p.start <= sp.start and sp.end <= p.end for p in persons):
            continue
        if any(a <= sp.start and sp.end <= b for a, b in offices):
            continue
        out.append(sp)
    return out
