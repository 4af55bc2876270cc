"""What in a question names its source, not its fact: one notion for every rule that reads a question's time or words.

"What was the literacy rate in 2022, *according to the Secretary-General's 2025 report*?" asks a figure of 2022; the
clause says where it is written. "Which resolution does *the 2025* ECOSOC draft recall?" and "at *its June 2025*
session" date the document or meeting the question is about, not the fact. The fact part's words
(``search.answer``: a sentence need not repeat its report's name), the years asked (``search.asked_years``), the
months asked (``search.asked_months``) and whether a document is asked about (``search.changes``) all read the question
without these frames: one definition, so that the rules cannot disagree about what a question's source is. The
rules differ only in what they leave out: a meeting's date is no time of the fact, but it says which meeting, so the
fact part's words keep it; the time rules read the attributions alone ("According to IOM, how many ... at the end
of 2024?" asks 2024), the fact part's words every clause naming a report.
"""

from __future__ import annotations

import re

from .terms import MONTHS

_MONTH = r"(?-i:" + "|".join(sorted(MONTHS)) + r")"  # capitalised only: "may" is a verb
_Y = r"(?:19|20)\d{2}"
#: the verbs of saying or writing: "as *cited* in UNICEF's report", "as *listed* in the agenda", "as *named* in the
#: declaration" say where, as "as reported in" does (not a deed's: "as *planned* in 2024", "as *agreed* at the session" date or place the fact)
_VERBS = (r"(?:reported|stated|noted|set out|described|said|announced|recalled|mentioned|indicated|cited|quoted|listed|"
          r"estimated|restated|reaffirmed|stressed|highlighted|outlined|presented|summari[sz]ed|documented|detailed|recorded|"
          r"published|shown|given|explained|expressed|underlined|emphasi[sz]ed|acknowledged|specified|referenced|reflected|"
          r"written|laid out|spelled out|put|named)")
#: a clause naming where a fact is reported: "according to the UNODC report on Haiti", "as reported in the quarterly
#: report", "in UNFPA's 2025 report on ...", "UNODC's seventh quarterly report on ..." (up to a comma or the end: "According
#: to the report, how many ... in 2023?" still asks 2023)
_ATTRIBUTED = r"according to|as " + _VERBS + r" (?:in|by|at|on)|per (?:its|the|their|(?-i:[A-Z][\w.-]*)['’]s)\b"  # "*per the*
# provisional agenda of the eightieth session": "per" is "according to" (not "per cent", "per capita": no determiner)
#: the part of those clauses that only attributes ("according to ...", "as reported in ..."): a question whose subject
#: is a report ("What period does UNODC's report cover?") asks about that report, its date included
ATTRIBUTION = re.compile(r"(?i)\b(?:" + _ATTRIBUTED + r")[^,;?]*")
SOURCE = re.compile(r"(?i)\b(?:" + _ATTRIBUTED + r"|"
                    r"(?:in|from|per) (?:its|the|their|a|an|(?-i:[A-Z][\w.-]*)['’]s)\b[^,;?]{0,60}?\breport\b|"
                    r"(?-i:[A-Z][\w.-]*)['’]s (?:[\w-]+ ){0,3}?report\b)[^,;?]*")
_LINK = (r"the|a|an|of|in|on|at|by|for|to|from|and|or|its|their|this|that|these|those|was|were|is|are|has|have|had|did|"
         r"does|which|what|how|when|where|who")
_DOCUMENTS = (r"reports?|drafts?|resolutions?|declarations?|decisions?|letters?|notes?|reviews?|statements?|assessments?|"
              r"updates?|briefings?|recommendations?|pledges?|candidatures?")
_MEETINGS = r"sessions?|meetings?"


def _dated(kinds: str) -> re.Pattern:
    """A date right before a word of ``kinds``, up to three words between, none a function word ("in *2023* at its
    session" dates the fact), with the years it is coordinated with ("the JIU's *2022* and 2023 reports")."""
    return re.compile(r"(?i)\b(?:" + _MONTH + r"(?:\s+" + _Y + r")?|" + _Y + r")(?=(?:\s*(?:,|and|or)\s+" + _Y + r")*"
                      r"(?:\s+(?!(?:" + _LINK + r")\b)[\w’'-]+){0,3}?\s+(?:" + kinds + r")\b)")


#: a date of the document a question is about: "the *2025* ECOSOC draft", "MICIVIH's *August 1997* report": which
#: document, not the fact's time, and a word its sentences need not repeat (its report is that document)
DOCUMENT_DATE = _dated(_DOCUMENTS)
#: a date of the meeting a question is about: "at its *2025* annual session", "its *June* session", "the *December
#: 2024* meeting": not the fact's time either, but which meeting (the paragraph must say it: "its *2026* session" is
#: not told by a paragraph on the 2025 one)
MEETING_DATE = _dated(_MEETINGS)


def source_frames(question: str) -> tuple[str, list[str]]:
    """The question without its source clauses, and those clauses."""
    frames = [m.group(0) for m in SOURCE.finditer(question)]
    return SOURCE.sub(" ", question), frames


def document_dates(text: str) -> list[str]:
    """The dates ``text`` gives its documents ("the *2025* ECOSOC draft"), not its meetings'."""
    return [m.group(0) for m in DOCUMENT_DATE.finditer(text)]


def fact_time_text(question: str) -> str:
    """The question without its attributions and its documents' and meetings' dates: what is left dates the fact."""
    return MEETING_DATE.sub(" ", DOCUMENT_DATE.sub(" ", ATTRIBUTION.sub(" ", question)))
