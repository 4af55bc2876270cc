"""A figure a sentence says something *could be* changed to is a proposal, not the figure as it stands.

"Currently, the rate is set at $6.04, but troops are ordering food with a lower rate. As a result, the average rate
*can be decreased to* $5.10": asked "what is the current rate", the second figure is what the rate might become. A
question that asks about a change or a possibility itself ("lowered to", "could save", "proposed", "potential")
may be answered by it.
"""

from __future__ import annotations

import re

#: a modal, "be", then a verb of change and "to", right before the figure ("can be decreased to $5.10")
_PROPOSED_BEFORE = re.compile(r"(?i)\b(?:can|could|may|might|would)\s+(?:\w+ly\s+)?be\s+(?:\w+ly\s+)?(?:decreased|increased|"
                              r"reduced|raised|lowered|cut|brought\s+down|brought\s+up|revised|adjusted)\s+(?:down\s+|up\s+)?"
                              r"to\s+(?:about|around|approximately|some|nearly|almost|as\s+(?:little|low|much|high)\s+as\s+)?$")
#: the question's stems that ask a change or a possibility
_ASKS_CHANGE = frozenset({"decreas", "increas", "reduc", "rais", "lower", "cut", "revis", "adjust", "potenti",
                          "propos", "possibl", "save", "saving", "could", "might", "can", "would", "may"})


def proposed_figure(text: str, start: int, qstems: set[str]) -> bool:
    """True if the figure at ``start`` of ``text`` is what something could be changed to, and the question (its
    stems ``qstems``) asks no change or possibility."""
    return not (qstems & _ASKS_CHANGE) and bool(_PROPOSED_BEFORE.search(text[:start]))
