"""Words a user says for what the reports say otherwise: "donors" for "development partners".

The fact's sentence must hold what the question is about (``search.answer._focus``), and the
number must count the noun asked (``search.span_scores``). Both match words by stem, so a user
who asks how many *donors* gave *money* misses "contributions from 42 development partners", and
one who asks about the Forum's 52nd *meeting* misses "its fifty-second session". These groups are
the house vocabulary of UN reports against everyday words, each a set of words used for one
thing; they widen a word match, never a name.
"""

from __future__ import annotations

from functools import lru_cache

from .terms import tokenize

_GROUPS = (
    "meeting meetings session sessions",
    "donor donors partner partners contributor contributors funder funders",
    "money funds funding contributions contribution resources",
    "temporary interim acting tempore",
    "staff personnel employees",
    "retired retirees pensioners",
    "airing aired broadcasting broadcast",
    "expert experts specialist specialists",
    "spending expenditure expenditures",
    "aid assistance",
    "jobs employment",
    "pupils students learners",
    "km kilometre kilometres kilometer kilometers",
    "ha hectare hectares",
    "kg kilogram kilograms",
    "founded established created",
    "head heads president presidents",  # "the Costa Rican *head of State*": "the *President* of Costa Rica"
)


@lru_cache(maxsize=1)
def _by_stem() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for group in _GROUPS:
        stems = frozenset(t.stem for t in tokenize([group])[0])
        for stem in stems:
            out[stem] = out.get(stem, frozenset()) | stems
    return out


def equivalents(stem: str) -> frozenset[str]:
    """The stems of the words used for the same thing as ``stem`` (itself included)."""
    return _by_stem().get(stem, frozenset({stem}))
