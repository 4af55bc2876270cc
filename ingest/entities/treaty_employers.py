"""A treaty named as the employer in someone's role is its secretariat, a body (issue 15).

"the Senior Director, Programmes Coordination, United Nations Framework Convention on Climate
Change (UNFCCC), Mr. Daniele Violetti": set off by commas after a role, the convention (and its
acronym) names the body the person works for, and the unit between role and treaty is part of
the role, not a body. "at the secretariat of the Convention ..." keeps the treaty an instrument:
the secretariat is named, the treaty only qualifies it. Pure functions over a chunk's entities.
"""

from __future__ import annotations

import dataclasses
import re

from .gazetteer import INSTRUMENT, ORGANIZATION
from ..models import Entity

_ROLE = (r"\b(?:Director(?:-General)?|Secretary|Officer|Adviser|Advisor|Coordinator|Head|Chief|Manager|"
         r"Specialist|Expert|Representative)")
# "<role>, " or "<role>, <Unit Name>, " right before the treaty
_AFTER_ROLE = re.compile(_ROLE + r"\s*,\s+(?:([A-Z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*){0,4}),\s+)?(?:the\s+)?$")
_TREATY_HEADS = ("Convention", "Protocol", "Agreement", "Treaty")


def treaty_employers(text: str, ents: list[Entity]) -> list[Entity]:
    """The chunk's entities with a treaty named as someone's employer made a body, its acronym
    right after it too, and the unit named between role and treaty dropped."""
    out = list(ents)
    for e in ents:
        if e.kind != INSTRUMENT or not any(h in e.text.split() for h in _TREATY_HEADS):
            continue
        m = _AFTER_ROLE.search(text[max(0, e.start - 120):e.start])
        if m is None:
            continue
        acronym = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text[e.end:e.end + 14])
        for i, x in enumerate(out):
            if x is e or (acronym and x.start == e.end + acronym.start(1) and x.kind == INSTRUMENT):
                out[i] = dataclasses.replace(x, kind=ORGANIZATION)
        if m.group(1):  # "Programmes Coordination": the unit is part of the role
            out = [x for x in out if not (x.kind == ORGANIZATION and x.text == m.group(1) and 0 <= e.start - x.end <= 4)]
    return out
