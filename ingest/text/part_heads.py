"""The headings that open a part numbered afresh, read the same way from text and from PDFs.

An ``Annex`` (``Enclosure``, ``Appendix``), a volume (``Part Two``: a committee's report holding
the reports of several sessions), a chapter that starts its numbering again (``Chapter VIII``: a
commission's report on its session) and a draft resolution or decision inside a report
(``Draft resolution I``, ``Decision 58/101``). The PDF reader (``ingest.pdf.parts``,
``ingest.pdf.drafts``) decides with the layout which such lines are headings; the text reader
(``ingest.text.restarts``) with the numbering around them. Both label parts alike.
"""

from __future__ import annotations

import re

# an annex's number may carry a letter (``ANNEX IV-A``, a special annex after annex IV)
ANNEX_RE = re.compile(r"^(ANNEX(?:ES)?|Annex(?:es)?|ENCLOSURE|Enclosure|APPENDIX|Appendix)\b(?:\s+((?:[IVXL]{1,5}|\d{1,2})(?:-[A-Z]\b)?)\b)?")
ALONE_RE = re.compile(r"^(?:ANNEX|Annex|ENCLOSURE|Enclosure|APPENDIX|Appendix)(?:\s+(?:[IVXL]{1,5}|\d{1,2})(?:-[A-Z])?)?$")
CHAPTER_RE = re.compile(r"^(?:CHAPTER|Chapter)\s+([IVXL]{1,6}|\d{1,2})\.?$")
VOLUME_RE = re.compile(r"^(?:PART|Part)\s+(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|ONE|TWO|THREE|FOUR|FIVE|"
                       r"SIX|SEVEN|EIGHT|NINE|TEN|[IVXL]{1,5}|\d{1,2})\.?$")

#: A contents entry's dot leaders (``Annex ......... 18``): such a line opens no part.
LEADERS_RE = re.compile(r"(?:\.\s?){4,}|…{2,}")
#: A lettered item opening a line, "(a) ...": a draft's operative sub-item, which no heading interrupts.
LETTERED_ITEM_RE = re.compile(r"^\([a-z]\)\s")

_LABEL = r"(?:[IVXL]{1,6}|[A-Z]|\d{1,4}(?:/[A-Za-z0-9.]+){0,3})"
_DRAFT_RE = re.compile(rf"^(?:(Draft\s+(?:resolution|decision)|DRAFT\s+(?:RESOLUTION|DECISION))(?:\s+({_LABEL}))?"
                       rf"|(Resolution|Decision|RESOLUTION|DECISION)\s+({_LABEL}))\s*\*?$")


def draft_label(text: str) -> str:
    """The part label a draft's heading line gives (``draft resolution I``, ``decision 58/101``,
    ``draft resolution``), or ``""`` for any other line."""
    m = _DRAFT_RE.match(text.strip())
    if not m:
        return ""
    kind, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    kind = " ".join(kind.lower().split())
    return f"{kind} {number}" if number else kind


#: A heading that prints only a decision's or resolution's number (``56/101``), alone or before its
#: title (``58/1. Situation of human rights ...``): the kind is the lead-in's (``number_kind``).
_NUMBER_HEAD_RE = re.compile(r"^(\d{1,4}/(?:\d{1,4}|[IVXLC]{1,7})(?:\s?[A-H])?)(?:\.?|\.\s+[A-Z“\"‘].*)$")
_KIND_WORD_RE = re.compile(r"\b(decision|resolution)s?\b", re.I)


def number_heading(text: str) -> str:
    """The number a heading prints alone or before its title (``56/101``, ``58/1``), else ``""``.
    A fiscal period (``2024/25 1 – 1``) or a reference in a sentence never matches: the number
    must stand alone or be followed by a full stop and a capitalized title, with no dot leaders."""
    m = _NUMBER_HEAD_RE.match(text.strip())
    return m.group(1) if m and not LEADERS_RE.search(text) else ""  # a contents entry names, opens nothing


def number_kind(lead_in: list[str]) -> str:
    """``decision`` or ``resolution``: the kind the lines before a run of numbered headings name
    last (``C. Decisions brought to the attention of the Council``, ``The following resolutions
    were adopted:``); ``""`` when they name neither, so a bare number opens nothing."""
    for text in reversed(lead_in):
        found = _KIND_WORD_RE.findall(text)
        if found:
            return found[-1].lower()
    return ""


def volume_label(text: str) -> str:
    """``part two`` for a volume heading (``Part Two``, ``PART II``), else ``""``."""
    m = VOLUME_RE.match(text)
    return f"part {m.group(1).lower()}" if m else ""


def chapter_label(text: str, volume: str = "") -> str:
    """``chap. VIII`` (``part two, chap. I`` inside a volume) for a chapter heading, else ``""``."""
    m = CHAPTER_RE.match(text)
    if not m:
        return ""
    return f"{volume}, chap. {m.group(1)}" if volume else f"chap. {m.group(1)}"


def annex_label(text: str, volume: str = "") -> str:
    """``annex II``, ``enclosure``, ``appendix 1`` (``part two, annex`` inside a volume) for a line
    opening with an annex word, else ``""``."""
    m = ANNEX_RE.match(text)
    if not m:
        return ""
    word = m.group(1).lower()
    kind = "annex" if word.startswith("annex") else word
    name = f"{kind} {m.group(2).upper()}" if m.group(2) else kind
    return f"{volume}, {name}" if volume else name
