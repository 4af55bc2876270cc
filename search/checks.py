"""Switches that turn one of the answer's checks off, to measure what each costs and saves (issue #19).

Each check of ``search.answer`` that can drop a candidate sentence or fact, or refuse, asks ``refuses(name,
verdict)`` instead of acting on its verdict alone. With every switch at its default that is the verdict: today's
behaviour. ``checks_off`` (in process) or the ``PARACITE_CHECKS_OFF`` environment variable (comma-separated names,
read at call time) turns named checks off; ``traced`` records which checks refused something during a block, so
that a bench asks again, with a check off, only the questions on which it fired (``bench/gate_ablation.py``): a
check that never fired cannot change an answer by being off.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

#: check name -> what it refuses (the table the bench loops over)
CHECKS: dict[str, str] = {
    "unknown": "the question names a word the index never holds: refuse",
    "names": "the paragraph (fact: the sentence's context) does not write the question's names",
    "qualified_body": "the paragraph means another body than the one the question qualifies",
    "examples": "a figure's names are written only in a list of examples it is not in",
    "says_asked": "the paragraph does not say the question's numbers, ordinals or single day",
    "another_deed": "a date of another event, or a name without the asked role",
    "focus": "the sentence holds less than MIN_FOCUS of the question's subject words",
    "series": "the sentence is about another of a series than the ordinal asked",
    "since_clause": "the date is only that of a 'since ...' clause",
    "dated_elsewhere": "the figure is dated otherwise by another sentence",
    "office": "'who chaired': only a name given the office answers",
    "ranked": "a superlative asked, the sentence ranks none",
    "future": "'when will': a date before the document was written",
    "another_period": "a month asked, the sentence gives other months",
    "another_year": "a year asked, the sentence gives other years",
    "share_change": "a share asked, the percentage is a change",
    "document_date": "the date is a document's, not the deed's",
    "doer": "a named doer asked, the sentence tells another's deed",
    "counts_more": "the count is of more than asked ('killed and injured')",
    "actor": "explanatory: the asked actor does not do the sentence's deed",
    "another_day": "explanatory: a yearless day that the document puts in another year",
}
ENV = "PARACITE_CHECKS_OFF"

_OFF: ContextVar[frozenset[str] | None] = ContextVar("checks_off", default=None)
_FIRED: ContextVar[set[str] | None] = ContextVar("checks_fired", default=None)


def switched_off() -> frozenset[str]:
    """The checks turned off: those of ``checks_off``, else those the environment names."""
    off = _OFF.get()
    if off is None:
        off = frozenset(n.strip() for n in os.environ.get(ENV, "").split(",") if n.strip())
    return off


def refuses(name: str, verdict: bool) -> bool:
    """``verdict`` (the check ``name`` would refuse the candidate), unless the check is switched off."""
    if not verdict:
        return False
    if (fired := _FIRED.get()) is not None:
        fired.add(name)
    return name not in switched_off()


def unknown_checks(names) -> list[str]:
    """The names that are no check of ``CHECKS`` (a typo would otherwise measure nothing)."""
    return [n for n in names if n not in CHECKS]


@contextmanager
def checks_off(*names: str) -> Iterator[None]:
    """Within the block, the named checks refuse nothing."""
    if bad := unknown_checks(names):
        raise ValueError(f"unknown check(s): {', '.join(bad)}")
    token = _OFF.set(frozenset(names))
    try:
        yield
    finally:
        _OFF.reset(token)


@contextmanager
def traced() -> Iterator[set[str]]:
    """The set of checks that refused something within the block (filled as it runs)."""
    fired: set[str] = set()
    token = _FIRED.set(fired)
    try:
        yield fired
    finally:
        _FIRED.reset(token)
