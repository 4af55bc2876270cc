"""A share asked is not answered by a change; an event's date not by the date a document is dated.

"What share of South Sudan's budget is allocated to education?" is not answered by "The budget for 2024/25 is *22 per
cent lower* than that of fiscal year 2023/24": a per cent that says how much one figure differs from another (lower /
higher than, an increase of, rose by) is no share of anything, unless the question asks a change ("by how much",
"increase", "lower"). And "When did Qatar accede to the Convention?" is not answered by "a formal request from the
Minister, *dated 28 December 2024*": a date right after "dated" is a document's, and answers only a question about a
document (its letter, note, request, report) or what was dated; a decision's or resolution's ("decision 2015/2, dated 30
January 2015") is its adoption's.
"""

from __future__ import annotations

import re

from .question_frames import ATTRIBUTION

_SHARE = re.compile(r"(?i)^\s*(?:what|which)\s+(?:share|percentage|proportion|per\s*cent(?:age)?|fraction)\b")
_CHANGE_ASKED = re.compile(r"(?i)\b(?:how much|by how|by what|change[sd]?|increas\w*|decreas\w*|ris(?:e|en|es|ing)|rose|"
                           r"f[ae]ll(?:en|s)?|drop\w*|declin\w*|grow\w*|grew|growth|lower|higher|more|less|fewer|"
                           r"reduc\w*|cut|gain\w*|los[st]\w*|compared|differ\w*)\b")
_CHANGE_AFTER = re.compile(r"^\s*(?:lower|higher|more|less|greater|smaller|fewer|above|below|up|down)\b(?:\s+than\b|\s+(?:from|on|compared))?")
_CHANGE_BEFORE = re.compile(r"(?i)\b(?:increase[sd]?|decrease[sd]?|rise|rose|risen|drop(?:ped)?|f[ae]ll|fallen|declin(?:e|ed)|"
                            r"reduction|reduced|cut|growth|grew|gain|loss|jump(?:ed)?|up|down)\s+(?:of|by)\s+"
                            r"(?:about|around|nearly|almost|over|some|approximately|more than|less than)?\s*$")


def asks_share(question: str) -> bool:
    """True for "what share / percentage / proportion ..." that asks no change ("by how much", "increase")."""
    return bool(_SHARE.search(question)) and not _CHANGE_ASKED.search(_SHARE.sub("", question))


def states_change(sentence: str, start: int, end: int) -> bool:
    """True if the per cent at ``start:end`` of ``sentence`` is a difference: "22 per cent *lower than*", "an
    *increase of* 12 per cent"."""
    return bool(_CHANGE_AFTER.match(sentence[end:]) or _CHANGE_BEFORE.search(sentence[:start]))


_DOCUMENT_ASKED = re.compile(r"(?i)\b(?:dated|letters?|notes?(?:\s+verbale)?|requests?|reports?|memorand\w*|"
                             r"communications?|written|sent|submitted|transmitted|addressed|issued)\b")
_DATED = re.compile(r"(?i)\bdated\s+(?:on\s+)?$")


def document_date(question: str, sentence: str, start: int) -> bool:
    """True if the date at ``start`` of ``sentence`` follows "dated" (a letter's, a request's date) and ``question``
    asks about no document nor what was dated."""
    head = sentence[:start]
    return bool(_DATED.search(head)) and not _ACT_DATED.search(head) and not _DOCUMENT_ASKED.search(ATTRIBUTION.sub(" ", question))


#: "in decision 2015/2, dated 30 January 2015": a decision's or resolution's date is its adoption's
_ACT_DATED = re.compile(r"(?i)\b(?:decisions?|resolutions?)\s+[\w./()-]+,?\s*dated\s+(?:on\s+)?$")
