"""Which event a "when" question dates, and whether a sentence dates that event.

"When was the Global Migration Group founded?" is not answered by "In 2014, the Global
Migration Group sought to further its engagement ...": the sentence dates something the group
did, not its founding. A date answers the question only if its sentence (or the one before)
says the asked event happened: the same verb or its noun ("established" / "establishment"),
or the date follows "of" right after a name ("resolution 70/1 of 25 September 2015", "resolution 487
(1981) of 19 June 1981" is its adoption). Only events whose date documents state with the event's own words are checked:
coming into being, adoption, a status or membership gained ("consultative status", "joined the"),
entry into force, an arrest (not an arrest warrant), ending. A meeting is often dated without a verb
("On 5 May, the Council ..."), so "when did the Council meet" is left to the ranking.
"""

from __future__ import annotations

import re

#: One pattern per event; a question naming one of them asks for that event's date.
EVENTS: dict[str, re.Pattern[str]] = {
    "origin": re.compile(r"(?i)\b(?:found(?:ed|ing|ation)|establish(?:ed|es|ing|ment)?|creat(?:e|ed|es|ing|ion)|"
                         r"set(?:ting)? up|launch(?:ed|es|ing)?|form(?:ed|ation)|inaugurat\w*|institut(?:ed|ion of)|"
                         r"incept\w*|initiat\w*|introduc(?:ed|tion)|commenc\w*|begin|beginning|began|begun|start(?:ed)?|"
                         r"(?:came|come|coming) into (?:being|existence))\b"),
    "adoption": re.compile(r"(?i)\b(?:adopt(?:ed|s|ing|ion)?|approv(?:e|ed|es|ing|al)|endors(?:e|ed|es|ing|ement)|"
                           r"sign(?:ed|ing|ature)?|ratif\w*|acce(?:de|ded|ssion)|passed|agreed)\b"),
    "status": re.compile(r"(?i)\b(?:(?:consultative|observer|general|special|roster) status|accredit\w*|"
                         r"admi(?:t|ts|tted|ssion) (?:to|as|into)|join(?:ed|s|ing)? (?:the|as)|became (?:a )?members?|membership)\b"),
    "force": re.compile(r"(?i)\b(?:(?:enter(?:ed|s)?|came|come|coming|entry) into (?:force|effect)|effective)\b"),
    "arrest": re.compile(r"(?i)\b(?:arrest(?:ed|s|ing)?(?!\s+warrants?)|detain(?:ed|s|ing)?|apprehen(?:d|ded|ds|sion)|"
                         r"(?:taken|took) into custody)\b"),  # "issued an *arrest warrant*" dates no arrest
    "ending": re.compile(r"(?i)\b(?:end(?:ed|s)?|conclu(?:de|ded|des|sion)|clos(?:e|ed|ure)|expir(?:e|ed|es|y|ation)|"
                         r"terminat\w*|dissol\w*|abolish\w*|wound up)\b"),
}
_DATED_BY_NAME = re.compile(r"\b[A-Z0-9][\w/.-]*(?:\s\((?:(?:19|20)\d\d|[IVXL]+)\))?\s+of\s+(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\b")
_WHEN = re.compile(r"(?i)^\s*(?:when|in (?:what|which) year|on (?:what|which) date|(?:what|which) (?:year|date))\b")


def asked_events(question: str) -> tuple[str, ...]:
    """The events a date question names ("When was X *established*": origin); none when the
    question is not a plain "when" question or names no checked event."""
    if not _WHEN.search(question):
        return ()
    rest = _WHEN.sub("", question, count=1)
    return tuple(name for name, pattern in EVENTS.items() if pattern.search(rest))


def dates_event(context: str, events: tuple[str, ...]) -> bool:
    """True if ``context`` (a sentence and the one before it) says one of ``events`` happened, or
    dates a name with "of" ("decision 2/3 of 12 May 2024")."""
    if not events:
        return True
    return any(EVENTS[e].search(context) for e in events) or bool(_DATED_BY_NAME.search(context))


_SINCE = re.compile(r"^\s*Since\b[^,]{3,200},")


def since_clause_only(sentence: str, span, events: tuple[str, ...]) -> bool:
    """True if the asked event is named only in an opening "Since ...," clause and the date comes after
    it: "Since obtaining consultative status ..., the Fondation has attended two sessions, in *March
    2024*" dates the sessions, not the status."""
    m = _SINCE.match(sentence)
    if not m or span.start < m.end():
        return False
    return any(EVENTS[e].search(m.group(0)) for e in events) and not any(EVENTS[e].search(sentence[m.end():])
                                                                         for e in events)
