"""Instruments named by a full title the head-word rules cannot see (issue 15).

- An outcome document quoted by its title, which starts in lower case after its first word
  ("entitled “Outcome document of the high-level meeting of the General Assembly on ...”"): the
  whole quoted title is the instrument, a body named inside it included.
- A title with the words its adoption put before it ("Transforming our world: the 2030 Agenda
  for Sustainable Development"): the span takes them in, the canonical name stays the short one,
  so a filter on the Agenda still finds it. Only titles the UN writes so are listed.
Pure functions over a string.
"""

from __future__ import annotations

import re

_QUOTED_OUTCOME = re.compile(r"(?<=[\u201c\"])((?:Outcome|Final|Concluding)\s+[Dd]ocument\s+of\s+the\s+[^\u201d\"]{5,300}?)"
                             r"[,.]?(?=[\u201d\"])")
# the words a title's adoption put before it, and the title they go with
_LEADS = {"2030 Agenda for Sustainable Development": r"Transforming\s+our\s+world:\s+(?:the\s+)?"}


def quoted_outcomes(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of outcome documents quoted by their title."""
    return [(m.start(1), m.end(1), " ".join(m.group(1).split())) for m in _QUOTED_OUTCOME.finditer(text)]


def lead_start(text: str, start: int, canonical: str) -> int:
    """Where a title starts once the words its adoption put before it are taken in ("Transforming
    our world: the 2030 Agenda ..."), or ``start``."""
    lead = _LEADS.get(canonical)
    if lead is None:
        return start
    m = re.search(r"(?:\b|[\u201c\"])(" + lead + r")$", text[max(0, start - 60):start])
    return start - len(m.group(1)) if m else start
