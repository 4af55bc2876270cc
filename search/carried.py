"""A paragraph that opens by pointing back goes on from the chunks before it.

"*The process* is currently at the last stage of implementation where ... 131 positions were approved
and 61 existing eligible staff members have been successfully placed in the new structure" answers
"how many positions were approved in UNFPA's new *supply chain* structure", but never says "supply
chain": the recommendation it answers, two chunks up, does ("the functions included in the Supply Chain
Management Unit terms of reference"). Reports split one response over numbered paragraphs, and a
paragraph opening with "It", "This", "These ..." or "The <noun> is" talks about what the chunks before
it named. Those chunks' words count half towards the question's subject, as a heading further up does.
"""

from __future__ import annotations

import dataclasses
import re

from .documents import chunk_row
from .models import Hit

BEFORE = 2  # chunks read before a paragraph that points back

#: an opening that points back: "It was", "These observations are", "The process is", "The voter turnout was"
#: (after a paragraph on the elections' results; not "The Committee is")
_POINTS_BACK = re.compile(r"\s*(?:It|They|This|These|Those|Such|The(?=\s[a-z]))(?:\s[a-z]+){0,2}?\s"
                          r"(?:is|was|are|were|has|have|had|will)\b")


def points_back(text: str) -> bool:
    """True if the paragraph opens by pointing back to what came before it."""
    return bool(_POINTS_BACK.match(text))


def with_before(con, hits: list[Hit]) -> list[Hit]:
    """``hits`` with ``before`` set to the text of the chunks before each that opens by pointing back."""
    out = []
    for h in hits:
        if h.before or not points_back(h.text):
            out.append(h)
            continue
        rowid = chunk_row(con, h)
        rows = con.execute("SELECT text FROM chunks WHERE symbol = ? AND id < ? ORDER BY id DESC LIMIT ?",
                           (h.symbol, rowid, BEFORE)).fetchall() if rowid is not None else []
        out.append(dataclasses.replace(h, before=_JOIN.join(r[0] for r in reversed(rows))) if rows else h)
    return out


def chunk_before(hit: Hit) -> str:
    """The chunk right before a paragraph that points back (its ``before`` holds up to ``BEFORE``): what "The voter
    turnout was ..." goes on from, where the names it omits are said ("48 of the 120 seats in the Assembly")."""
    return getattr(hit, "before", "").rsplit(_JOIN, 1)[-1]


_JOIN = "\n\n"  # between the chunks of ``before`` (no chunk's text holds a line break)
