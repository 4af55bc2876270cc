"""Instruments named by a full title the head-word rules cannot see (issue 15).

- An outcome document quoted by its title, which starts in lower case after its first word
  ("entitled “Outcome document of the high-level meeting of the General Assembly on ...”"): the
  whole quoted title is the instrument, a body named inside it included.
- A document quoted by its title as the source of a paragraph ("as recalled in paragraph 158 of
  “The future we want”"): a text with numbered paragraphs is a document, and a quoted one an
  instrument (a report's title is quoted after "entitled", not after "paragraph ... of").
- A title with the words its adoption put before it ("Transforming our world: the 2030 Agenda
  for Sustainable Development"): the span takes them in, the canonical name stays the short one,
  so a filter on the Agenda still finds it. Only titles the UN writes so are listed.
Pure functions over a string.
"""

from __future__ import annotations

import re

_QUOTED_OUTCOME = re.compile(r"(?<=[\u201c\"])((?:Outcome|Final|Concluding)\s+[Dd]ocument\s+of\s+the\s+[^\u201d\"]{5,300}?)"
                             r"[,.]?(?=[\u201d\"])")
# "paragraph 158 of “The future we want”", "paragraphs 3 and 4 of “...”": a quoted title whose paragraphs are cited
_QUOTED_SOURCE = re.compile(r"\b[Pp]aragraphs?\s+\d+(?:\s*\([a-z]\))?(?:\s*(?:,|and|to)\s*\d+(?:\s*\([a-z]\))?)*\s+of\s+"
                            r"(?:the\s+)?[\u201c\"]([A-Z][^\u201d\"]{3,200}?)[,.]?(?=[\u201d\"])")
# the words a title's adoption put before it, and the title they go with
_LEADS = {"2030 Agenda for Sustainable Development": r"Transforming\s+our\s+world:\s+(?:the\s+)?"}


def quoted_outcomes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of outcome documents, and documents whose paragraphs are cited, quoted by their title."""
    out = [(m.start(1), m.end(1), " ".join(m.group(1).split())) for m in _QUOTED_OUTCOME.finditer(text)]
    return out + [(m.start(1), m.end(1), " ".join(m.group(1).split())) for m in _QUOTED_SOURCE.finditer(text)]


def lead_start(text: str, start: int, canonical: str) -> int:
    """Where a title starts once the words its adoption put before it are taken in ("Transforming
    our world: the 2030 Agenda ..."), or ``start``."""
    lead = _LEADS.get(canonical)
    if lead is None:
        return start
    m = re.search(r"(?:\b|[\u201c\"])(" + lead + r")$", text[max(0, start - 60):start])
    return start - len(m.group(1)) if m else start
