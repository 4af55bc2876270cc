"""Resolutions and decisions: the enacting formula, preambular paragraphs, adoption (issue 20).

A resolution reads ``The Security Council,`` (the enacting formula), then preambular paragraphs
("Recalling ...", "Reaffirming ...", each ending in a comma), then numbered operative
paragraphs ("1. Decides ..."). The UN cites the operative ones by their number
(``S/RES/2776 (2025), para. 31``) and the preambular ones by their place
(``preambular para. 4``). Page 1 says when it was adopted ("Adopted by the Security Council at
its 9876th meeting, on 14 March 2025"; "Resolution adopted by the General Assembly on
4 December 2024"). These helpers work on plain strings, so text and PDF input share them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BODY_WORDS = (r"Council|Assembly|Board|Commission|Committee|Conference|Forum|Meeting|Parties|"
               r"Organization|Session|Members|Group|Court|Secretariat|Bureau")
# ``The Security Council,`` / ``The Commission on Population and Development,`` on a line of its own.
_TOKEN = r"(?:[A-Z][\w’'.-]*|of|on|and|for|the|to|in|\(\w+\))"
FORMULA_RE = re.compile(rf"^\s*The\s+(?:{_TOKEN}(?:\s+{_TOKEN})*?\s+)?(?:{_BODY_WORDS})(?:\s+(?:of|on|for|to)\s+[^,]{{2,90}})?\s*,\s*$")
#: A line that opens with the body that acts (``The Statistical Commission:``, ``The Economic and
#: Social Council decides ...``, ``The Committee decided ...``): a decision's text, not its title.
FORMULA_START_RE = re.compile(rf"^\s*The\s+(?:{_TOKEN}\s+)*?(?:{_BODY_WORDS})\b")
_ADOPTED_RE = re.compile(
    r"Adopted\s+by\s+the\s+(?P<body>[A-Z][^,]{2,90}?)\s+at\s+its\s+(?P<meeting>[\w-]+(?:\s+plenary)?\s+meeting)\s*,?"
    r"\s+(?:held\s+)?on\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")
_ADOPTED_ON_RE = re.compile(
    r"(?:Resolution|Decision)\s+adopted\s+by\s+the\s+(?P<body>[A-Z][^,]{2,90}?)\s+on\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})")
_YEAR_RE = re.compile(r"^\(\d{4}\)")
# Words that open a preambular paragraph: a participle or an adjective of attitude, possibly
# after an adverb ("Deeply concerned", "Recalling also", "Bearing in mind", "Having considered").
_OPENING_RE = re.compile(
    r"^(?:(?:[A-Z][a-z]+ly|Also|Further)\s+[a-z]+(?:ing|ed)\b|[A-Z][a-z]+(?:ing|ed)|Aware|Conscious|Mindful|Convinced|Cognizant|"
    r"Determined|Desirous|Alarmed|Concerned|Having|Bearing|Taking|Acting|Noting|Guided|Stressing|Underlining|"
    r"Emphasizing|Recognizing|Acknowledging|Welcoming|Deploring|Regretting|Appreciating|Considering)\b")


@dataclass(frozen=True)
class Adoption:
    """When and where a resolution or decision was adopted, as page 1 prints it."""

    date: str = ""
    meeting: str = ""
    body: str = ""


def formula_index(lines: list[str]) -> int | None:
    """Index of the enacting formula among ``lines`` (``The General Assembly,``), or ``None``."""
    for k, s in enumerate(lines):
        if len(s) < 140 and FORMULA_RE.match(s):
            return k
    return None


def adoption(text: str) -> Adoption:
    """The adoption date, meeting and body printed under a resolution's title; empty if none."""
    flat = " ".join(text.split())
    m = _ADOPTED_RE.search(flat)
    if m:
        return Adoption(m.group("date"), m.group("meeting"), m.group("body"))
    m = _ADOPTED_ON_RE.search(flat)
    if m:
        return Adoption(m.group("date"), "", m.group("body"))
    return Adoption()


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_CLOSING_RE = re.compile(rf"^(?:\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b.*|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\.?|"
                         rf"\[?\s*Adopted\s+(?:without\s+a\s+vote|by\s+a\s+recorded\s+vote|by\s+\d+).*)$")
_MEETING_RE = re.compile(r"\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting")


def strip_closing(lines: list[str]) -> tuple[list[str], str]:
    """A resolution's closing lines (``62nd plenary meeting``, ``4 December 2024``, ``[Adopted
    without a vote.]``) taken off the end of its last paragraph; returns the lines and the meeting."""
    meeting = ""
    out = list(lines)
    while len(out) > 1 and _CLOSING_RE.match(out[-1].strip()):
        m = _MEETING_RE.search(out.pop())
        meeting = m.group(0) if m else meeting
    return out, meeting


def opens_preamble(line: str) -> bool:
    """Does this line open a preambular paragraph ("Recalling ...", "Deeply concerned ...")?"""
    return bool(_OPENING_RE.match(line.strip()))


def printed_symbol(symbol: str, after: str) -> str:
    """``S/RES/2776`` followed on its line by ``(2025)`` is printed ``S/RES/2776 (2025)``."""
    m = _YEAR_RE.match(after.strip())
    return f"{symbol} {m.group(0)}" if m and "/RES/" in symbol.upper() else symbol


_CLAUSE_END_RE = re.compile(r"[,;.:]\s?\d{0,3}\s*$")  # ``Society,1``: a footnote mark after the comma


def split_preamble(lines: list[str]) -> list[list[str]]:
    """Preambular paragraphs from flowed text lines (no layout): a new paragraph where a line
    opens like one ("Recalling ...") after a line that closed a clause (``,`` ``;`` ``.``, a
    footnote mark after it as extracted text prints it: ``Society,1``)."""
    out: list[list[str]] = []
    for s in lines:
        s = s.strip()
        if not s:
            if out and out[-1]:
                out.append([])
            continue
        prev = out[-1][-1] if out and out[-1] else ""
        if not out or (out[-1] and _CLAUSE_END_RE.search(prev) and opens_preamble(s)):
            out.append([])
        out[-1].append(s)
    return [p for p in out if p]
