"""Which dealing with money a figure is of: requested, received, allocated, spent, recovered, lost.

One paragraph often gives several sums or shares of one fund or plan: "Of the $1.6 billion *requested*
..., 48 per cent was *received*" beside "the Fund *allocated* $26 million (78 per cent of the 2024
allocation)". A question asks for one of them by its verb ("what share ... was actually received");
the figure whose own clause names another dealing, and not the asked one, is another figure. The
groups below are the verbs (and their nouns) of UN financial prose, one group per dealing.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DEALS = {
    "request": "request requested requests requesting require required requires requirement requirements appeal appealed",
    "receive": "receive received receives receipt receipts collected raised mobilized mobilised funded",
    "allocate": "allocate allocated allocates allocation allocations",
    "approve": "approve approved approves approval appropriate appropriated appropriation appropriations",
    "spend": "spend spent spends spending expended expenditure expenditures disbursed disbursement disbursements",
    "recover": "recover recovered recovers recovery recoveries recouped",
    "lose": "lose lost loses loss losses",
    "pledge": "pledge pledged pledges",
}
# The verb forms a question asks by (not the nouns: "recover ... from the *losses*" asks what was recovered).
_ASKED = re.compile(r"\b(request(?:ed|s)?|requir(?:e|ed|es)|receiv(?:e|ed|es)|allocat(?:e|ed|es)|approv(?:e|ed|es)|"
                    r"spen[dt]s?|expended|disbursed|recover(?:ed|s)?|recouped|los[te]|pledged?|funded)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:()]|\bwhich\b|\bwhile\b|\bwhereas\b")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _by_word() -> dict[str, str]:
    """Each word form of a dealing (forms, not stems: "funded" is a receipt, "the Fund" none)."""
    return {w: deal for deal, words in _DEALS.items() for w in words.split()}


def _deals_in(text: str) -> set[str]:
    return {d for w in _WORD.findall(text.lower()) if (d := _by_word().get(w))}


def asked_deal(question: str) -> str:
    """The dealing the question's verb asks about ("was actually *received*"), the last one named; "" for none."""
    found = _ASKED.findall(question)
    return _deals_in(found[-1]).pop() if found and _deals_in(found[-1]) else ""


def other_deal(start: int, end: int, sentence: str, deal: str) -> bool:
    """True if the figure at ``start:end`` is of another dealing than ``deal``: its clause (else its
    sentence) names another dealing and not the asked one."""
    if not deal:
        return False
    cuts = [m for m in _CLAUSE_END.finditer(sentence)]
    a = max((m.end() for m in cuts if m.end() <= start), default=0)
    b = min((m.start() for m in cuts if m.start() >= end), default=len(sentence))
    here = _deals_in(sentence[a:b]) or _deals_in(sentence)
    return bool(here) and deal not in here
