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
_APPOSITIVE = re.compile(_OFFICE + r"[^;:.()]{0,120}?,\s+((?:[A-Z][\w’'-]+)(?:\s+(?:[A-Z][\w’'-]+|" + _PARTICLE
                         + r")){1,3}),")
_BODY_WORDS = frozenset("community organization nations programme fund council committee commission bank union "
                        "office department ministry republic group forum agency secretariat government institute "
                        "university centre center conference assembly states kingdom federation board".split())


def appositive_spans(sentence: str) -> list[Span]:
    """Persons named between commas right after an office they hold."""
    out = []
    for m in _APPOSITIVE.finditer(sentence):
        words = m.group(1).split()
        if any(w.lower() in _BODY_WORDS or w.lower() in _TITLES for w in words) or is_country(m.group(1)):
            continue
        out.append(Span(m.group(1), "person", m.start(1), m.end(1)))
    return out
