"""Who held a role: "Who chaired the session?" is answered by the name a sentence gives as its Chair.

A question that asks who did what an office does ("who *chaired*", "who *presided* over", "who
*moderated*", "who *facilitated*") is answered by the name set beside that office's title: "the
*Chair* of the twentieth session, İsmail Belen (Türkiye), resumed the session", "Sweden, *as
Co-Chair*", "Ms. X, *President* of the Council". Such a sentence often scores low against the
question (it says "Chair", not what was chaired), so it is read even below the best sentences; and
when one is found, names not given that office (the bodies the chaired session discussed) are no
answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answer_types import Span
from .equivalents import equivalents
from .ordinals import ORDINALS
from .terms import tokenize

MAX_BETWEEN = 80  # characters of the office's title phrase ("Chair *of the twentieth session*, ")

_WHO_DID = re.compile(r"^\s*who\s+((?:co-)?[a-z]+ed|(?:co-)?(?:chair|preside|head|moderate|facilitate)s)\b", re.I)
# "Who was elected Chair ...", "who has been appointed as the Rapporteur": the office is named. A
# deputy's office ("Vice-Chair") is left to the general rules: its holders are listed many to a line.
# "Who served as Rapporteur", "Who did the Board appoint as Rapporteur": so is the office.
_WHO_NAMED = re.compile(r"^\s*who\s+(?:(?:was|were|is|has\s+been|will\s+be)\s+(?:re-)?(?:elected|appointed|named|designated|chosen)"
                        r"(?:\s+by\s+acclamation)?|(?:did|does|will)\s+[^?]{1,80}?\s(?:re-)?(?:elect|appoint|name|designate|choose)"
                        r"|(?:served|serves|will\s+serve|acted|acts)(?=\s+as\b))"
                        r"\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?((?:co-)?[a-z]+)\b(?!-)", re.I)
# "Who is the Director of ...", "Who was the new Chair": the office is named by its title.
_WHO_IS = re.compile(r"^\s*[Ww]ho\s+(?:is|was|are|were)\s+(?:the\s+)?(?:new\s+|current\s+|incoming\s+)?"
                     r"((?:Co-)?(?:Chair|Chairperson|President|Director|Rapporteur|Head|Administrator|Coordinator|"
                     r"Registrar|Prosecutor|Commissioner|Governor|Mayor|Commander|Ombudsman))\b(?!-)")
# An office's title, not its deputy's ("Vice-Chair", "Deputy Chair" held another office), nor the first
# half of another's ("Director-General", "Director General" is no Director).
_CAPITAL = re.compile(r"(?<!Vice )(?<!Deputy )(?<![\w-])(?:Co-)?[A-Z]\w*(?![\w-]| General\b)")
# Verbs whose stem names no office ("who *requested* the report", "who *adopted* it").
_NO_OFFICE = frozenset("request adopt decid approv propos submit prepar launch organ host fund note welcom "
                       "recommend establish found creat sign ratifi vote elect appoint present introduc deliv".split())


def office_stem(question: str) -> str | None:
    """The stem of the office a "who <verb>ed" question asks about ("chair" for "Who chaired"), or
    the office it names ("rapporteur" for "Who was elected Rapporteur"), else None."""
    named = _WHO_NAMED.match(question) or _WHO_IS.match(question)
    if named:
        toks = tokenize([named.group(1)])[0]
        return toks[0].stem if len(toks) == 1 and len(toks[0].stem) >= 4 else None
    m = _WHO_DID.match(question)
    if not m:
        return None
    toks = tokenize([m.group(1).split("-")[-1]])[0]
    stem = toks[0].stem if toks else ""
    return stem if len(stem) >= 4 and stem not in _NO_OFFICE else None


def names_office(sentence: str, stem: str) -> bool:
    """True if ``sentence`` writes an office's title of ``stem`` ("Chair", "Co-Chair", "Chairperson")."""
    return any(_is_office(m.group(0), stem) for m in _CAPITAL.finditer(sentence))


# Ranks and honorifics set between an office's title and its holder's name: "the Governor of North Kivu, *Major
# General* Peter Cirimwami", "the Chair, *Ambassador* X": the name is still given the office.
_RANKS = re.compile(r"(?:\s+(?:(?:Major|Lieutenant|Brigadier|Vice|Rear)[\s-])?(?:General|Colonel|Captain|Admiral|Commander)"
                    r"|\s+(?:Ambassador|Judge|Justice|Professor|Prof\.|Dr\.?|Mr\.?|Ms\.?|Mrs\.?|Mme|H\.E\.|Bishop|Senator|"
                    r"Sheikh|Sir|Dame))+$")


def holds_office(span: Span, sentence: str, stem: str, ordinals: frozenset[str] = frozenset()) -> bool:
    """True if ``span`` is the name given the office: right after the office's title phrase ("the Chair
    of the twentieth session, *İsmail Belen*"), labelled by it in a list of officers ("Rapporteur:
    *Mohamed Soliman*"), or followed by it ("*Sweden*, as Co-Chair", "*X* (Chair)", "*X* (Portugal) would serve as Rapporteur"). A title
    phrase that names another of a series than the question's ``ordinals`` ("Chair of the *nineteenth*
    session" for the twentieth) is another office."""
    before = _RANKS.sub("", sentence[:span.start].rstrip())
    if before.endswith(","):
        phrase = before[:-1].rsplit(",", 1)[-1]
        # not "X (Chair), *Y*": a parenthesis gave the office to the name before
        if len(phrase) <= MAX_BETWEEN + 20 and not phrase.endswith(")") and names_office(phrase, stem):
            return _same_series(phrase, ordinals)
    label = _LABEL_BEFORE.search(before)
    if label and _is_office(label.group(1), stem):  # "Rapporteur: *Mohamed Soliman* (Egypt)"
        return True
    if re.search(r"\b" + re.escape(stem) + r"\w*(?:\s+over)?\s+by\s*(?:(?:the\s+)?[^,;]{0,%d},)?$" % MAX_BETWEEN,
                 before, re.I):
        return True  # "a working group ... to be *chaired by* Michael Gort (Canada)", "*moderated by* ...",
        # "co-*chaired by* the Deputy Minister of Economy and Finance of Uzbekistan, *Umid Abidkhadjaev*"
    held = re.match(r"\s*\(([^()]*)\)", sentence[span.end:])
    if held and _is_office(held.group(1).strip(), stem):  # "*Rangita de Silva de Alwis* (Chair)"
        return True
    if re.match(r"\s*(?:\([^()]*\)\s*)?,?\s+(?:co-)?" + re.escape(stem) + r"\w*ed\b", sentence[span.end:], re.I):
        return True  # "..., and the Ambassador of Finland, *Elina Kalkku*, co-chaired the forum"
    after = re.match(r"\s*(?:\([^()]*\)\s*)?(?:,\s*|\s+(?:(?:was|were)\s+elected\s+(?:by\s+acclamation\s+)?"
                     r"|(?:(?:would|will|to)\s+serve|served|serves)\s+(?:[a-z]+ly\s+)?)?as\s+)"
                     r"([^,;]{0,%d})" % MAX_BETWEEN, sentence[span.end:])
    if after:
        title = re.match(r"(?:as\s+)?(?:the\s+)?((?:Co-)?[A-Z]\w*)(?![\w-])", after.group(1))
        return bool(title) and _is_office(title.group(1), stem) and _same_series(after.group(1), ordinals)
    return False


# The last "Office:" label of a list of officers before a name, with no sentence end after it.
_LABEL_BEFORE = re.compile(r"(?:^|\s)((?:Co-)?[A-Z][\w-]*?)s?:(?:\s(?:[^:.;]|(?<=\b[A-Z])\.)*)?$")  # "M.O. Kah" too


def _same_series(phrase: str, ordinals: frozenset[str]) -> bool:
    said = {w.lower() for w in re.findall(r"[A-Za-z]+", phrase)} & ORDINALS
    return not (said and ordinals) or bool(said & ordinals)


def _is_office(word: str, stem: str) -> bool:
    toks = tokenize([re.sub(r"^Co-", "", word)])[0]
    return len(toks) == 1 and toks[0].stem.startswith(stem)


# "Who (first) proposed ...": the doer of the question's verb, whatever the verb.
_WHO_DOER = re.compile(r"^\s*who\s+(?:first\s+|originally\s+|initially\s+)?([a-z]+ed)\b", re.I)
# "... was proposed *by First President of Kazakhstan Nursultan Nazarbayev*": the verb and the words after "by".
_BY_BEFORE = re.compile(r"\b([a-z]+ed)\s+by\s+(?:[\w’'.-]+\s+){0,6}$")


def doer_stem(question: str) -> str | None:
    """The stem of the verb a "who <verb>ed" question asks the doer of ("propos" for "Who first proposed")."""
    m = _WHO_DOER.match(question)
    toks = tokenize([m.group(1)])[0] if m else []
    return toks[0].stem if toks and len(toks[0].stem) >= 4 else None


def agent_of(span: Span, sentence: str, stem: str) -> bool:
    """True if ``span`` ends the agent of a passive of the question's verb: "The idea to establish CICA
    was *proposed by* First President of Kazakhstan *Nursultan Nazarbayev* on 5 October 1992" (not
    "Kazakhstan", which the name goes on after)."""
    m = _BY_BEFORE.search(sentence[:span.start])
    if not m or re.search(r"[,;:()]", m.group(0)):
        return False
    toks = tokenize([m.group(1)])[0]
    return bool(toks) and toks[0].stem in equivalents(stem) and not re.match(r"\s+[A-Z]", sentence[span.end:])


# "Who was appointed Governor ...": the verb that gave the office, whose holder is the one it was given to now.
_WHO_GIVEN = re.compile(r"^\s*who\s+(?:was|were|is|has\s+been|will\s+be)\s+(?:newly\s+)?(?:re-)?(elected|appointed|named|"
                        r"designated|chosen)\b", re.I)


_GIVEN_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s+(?:who\s+)?(?:was|were|has\s+been|had\s+been|is)\s+(?:[a-z]+ly\s+)?"
                          r"(?:re-)?([a-z]+)")


def newly_given(span: Span, sentence: str, verb: str) -> bool:
    """True if the sentence says the office was given to ``span`` by the question's verb, or that it succeeded
    the office's holder: "*his successor*, Major General Somo Kakule Evariste, *who was appointed* on 29
    January" (not the Governor whose death it tells of), "X *was elected* Chair", "the Board *appointed* X"."""
    given = _GIVEN_AFTER.match(sentence, span.end)
    if given and _stem_of(given.group(1)).startswith(verb):
        return True
    if re.search(r"\b(?:successor|replacement)\s*,?\s*$", _RANKS.sub("", sentence[:span.start].rstrip())):
        return True
    return chosen_by(span, sentence, verb)


# "Who did the Board appoint to its Committee": the one the question's verb chose.
_WHO_CHOSEN = re.compile(r"^\s*who\s+(?:did|does|will|has|have)\s+[^?]{1,80}?\s(elect|appoint|name|nominate|designate|"
                         r"select|choose|hire)\b", re.I)
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Mme|Dr|Prof|H\.E)\.?\s+|(?:His|Her) Excellency\s+)?"


def chosen_stem(question: str) -> str | None:
    """The stem of the verb a "who did X appoint" question asks the object of ("appoint")."""
    m = _WHO_CHOSEN.match(question)
    return tokenize([m.group(1)])[0][0].stem if m else None


def chosen_by(span: Span, sentence: str, stem: str) -> bool:
    """True if ``span`` is the one the verb of ``stem`` chose: right after it ("the Board *appointed*
    Mr. *Vito Su*") or after a colon that ends a clause holding it ("approved the *appointment* of the
    following candidate as member of the Committee: ➢ Ms. *Laura Born*")."""
    before = sentence[:span.start]
    right = re.search(r"(\w+)\s+" + _HONORIFIC + r"$", before)
    if right and _stem_of(right.group(1)).startswith(stem):
        return True
    colon = re.search(r"([^.;:]*):\W*" + _HONORIFIC + r"$", before)
    return bool(colon) and any(_stem_of(w).startswith(stem) for w in re.findall(r"[A-Za-z]+", colon.group(1)))


def _stem_of(word: str) -> str:
    toks = tokenize([word])[0]
    return toks[0].stem if toks else ""


@dataclass(frozen=True)
class Role:
    """What a "who" question asks of the name that answers it: to hold an office ("who chaired"), to
    have done the question's deed ("who first proposed") or to be the one its verb chose ("who did the
    Board appoint"). When a sentence gives a name that role, the names it does not give it are no answer."""

    stem: str
    kind: str = "office"  # "office", "deed" or "chosen"
    verb: str = ""  # for an office, the stem of the verb that gave it: "appoint" ("who was *appointed* Governor")

    def holds(self, span: Span, sentence: str, ordinals: frozenset[str] = frozenset()) -> bool:
        if self.kind == "deed":
            return agent_of(span, sentence, self.stem)
        if self.kind == "chosen":
            return chosen_by(span, sentence, self.stem)
        return holds_office(span, sentence, self.stem, ordinals) or self.given_now(span, sentence)

    def given_now(self, span: Span, sentence: str) -> bool:
        """True for the name the sentence says the office was given to by the question's verb (``newly_given``),
        where it names the office: of its holders, the one "who was appointed" asks for."""
        return bool(self.verb) and self.kind == "office" and names_office(sentence, self.stem) \
            and newly_given(span, sentence, self.verb)

    def rank(self, span: Span, sentence: str, ordinals: frozenset[str] = frozenset()) -> tuple[bool, bool]:
        """Sort key among a sentence's names: those given the office first, the one newly given it first of them."""
        return not self.holds(span, sentence, ordinals), not self.given_now(span, sentence)

    def body_of(self, name: str) -> str | None:
        """The body of a question's name that is the asked office's title ("Executive Board" for "Who was
        elected *President of the Executive Board*"): the sentence gives the office, the body need not
        be repeated where its document is about it. None for any other name."""
        m = re.match(r"((?:Co-)?[A-Z][\w]*) of (?:the )?([A-Z].*)$", name) if self.kind == "office" else None
        return m.group(2) if m and _is_office(m.group(1), self.stem) else None

    def given_another(self, span: Span, sentence: str) -> bool:
        """True if a list of officers labels ``span`` with another office ("Vice-Chairs: *Peter Major*
        (Hungary)" is no answer to who was elected Chair)."""
        label = _LABEL_BEFORE.search(sentence[:span.start].rstrip()) if self.kind == "office" else None
        return bool(label) and not _is_office(label.group(1), self.stem)

    def said_in(self, text: str) -> bool:
        """True if ``text`` says the role at all: the office's title or its verb ("Chair", "chaired",
        "co-chaired"), the deed ("proposed", "proposal"), the choice ("appointed", "appointment"). A
        sentence that never says it names no one in it ("The seminar will be held in Frigate Bay, Saint
        Kitts and Nevis" does not say who chaired the Committee)."""
        stems = equivalents(self.stem) if self.kind == "deed" else (self.stem,)  # "founded": "established"
        return any(_stem_of(w).startswith(stem) for w in re.findall(r"[A-Za-z]+", text) for stem in stems)

    def named_in(self, sentence: str) -> bool:
        """True if ``sentence`` names the office (read even below the best sentences)."""
        return self.kind == "office" and names_office(sentence, self.stem)


def question_role(question: str) -> Role | None:
    """The office a question asks about, else the deed, else the choice, else None."""
    if office := office_stem(question):
        given = _WHO_GIVEN.match(question)
        return Role(office, verb=_stem_of(given.group(1)) if given else "")
    if doer := doer_stem(question):
        return Role(doer, "deed")
    return Role(chosen, "chosen") if (chosen := chosen_stem(question)) else None
