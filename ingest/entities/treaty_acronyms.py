"""A treaty's acronym names the treaty where the document's committee is named after it (issue #15).

UN-Women's report writes "the CEDAW Committee" for the treaty body and "Grounded in CEDAW, the Beijing Declaration ..."
for the Convention itself: an acronym the document puts right before "Committee" is the name of what the committee
monitors, so used alone it is that instrument, not a body. Acronyms the gazetteer or the document's own definitions
give a body's name ("UNDP", "OPCW") keep it.
"""

from __future__ import annotations

import dataclasses
import re

from .gazetteer import INSTRUMENT, ORGANIZATION, lookup
from ..models import Entity

_COMMITTEE_OF = re.compile(r"\b([A-Z][A-Z\-]{2,9}[A-Z]?)\s+Committee\b")


def treaty_acronyms(texts: list[str], per_chunk: list[list[Entity]]) -> list[list[Entity]]:
    """Every chunk's entities, a bare treaty acronym turned from a body into the instrument."""
    named = {m.group(1) for t in texts for m in _COMMITTEE_OF.finditer(t)}
    if not named:
        return per_chunk

    def treaty(e: Entity, text: str) -> bool:
        return e.kind == ORGANIZATION and e.text in named and e.canonical == e.text and lookup().get(e.text) is None \
            and not text.startswith(" Committee", e.end)

    return [[dataclasses.replace(e, kind=INSTRUMENT) if treaty(e, text) else e for e in ents]
            for text, ents in zip(texts, per_chunk)]
