"""An ordinal the query names must be in the paragraph: "the third round table" (issue #12).

An ordinal in a query picks one member of a series: a round table, a team, a mission, a
regional review. The paragraphs about the other members of the series use the same words
("The second round table also drew attention to ...") and a sentence embedding barely tells
"first" from "second", so in a library the other members, or another report's round tables,
rank above the one asked about. In the fused ranking a chunk that does not hold the query's
ordinal words (in its text or its heading: FTS5 over both columns) gives up ``PENALTY`` z for
the share it lacks.

Measured (dev only, thirteenth session, ``bench/rank_harness.py`` cache and ``bench/eval_sets.py``
on ``/work/libindex_r15``; 15 of the 315 dev records hold such an ordinal): the A/69/207 own set
beside the library 0.900 → 0.917 ("what was the third round table about", 2 → 1), A/69/207 dev
beside it 0.848 → 0.851 ("what did the first round table hear about young people and jobs",
4 → 3), one library query 8 → 7, none lower. Without the session exemption (``DOCUMENT_LEVEL``)
"Which CEDAW task force did not meet during the eighty-ninth session?" fell from 5 to 6. Numbers
and years required the same way lowered library dev by 0.005 and unseen dev by 0.007-0.026: a
paragraph often answers without repeating the query's year. Held out, run once: unseen documents
0.792 → 0.812 ("its ninth country engagement mission", 2 → 1), the other sets unchanged.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from .bm25 import match_counts, quote, words
from .ordinals import ORDINALS
from .postings import PostingCache

#: What a chunk that holds none of the query's ordinals loses in the fused ranking (z units).
PENALTY = 0.3
#: An ordinal before these words names what a whole document or part of one reports on ("the
#: eighty-ninth session": the report's title or part heading says it, its paragraphs say "the
#: session"), so a paragraph need not repeat it.
DOCUMENT_LEVEL = frozenset({"session", "sessions", "regular"})


def query_ordinals(query: str) -> list[str]:
    """The ordinal words of ``query`` ("first" to "twentieth"; the last word of "eighty-ninth"),
    lower-cased, once each, except a session's (``DOCUMENT_LEVEL``). Ordinals in figures are
    spelled out before ranking (``search.ordinals.spell_ordinals``)."""
    ws = [w.lower() for w in words(query)]
    return list(dict.fromkeys(w for w, after in zip(ws, ws[1:] + [""])
                              if w in ORDINALS and after not in DOCUMENT_LEVEL))


def ordinal_share(con: sqlite3.Connection, ordinals: list[str], ids: np.ndarray,
                  cache: PostingCache | None = None) -> np.ndarray | None:
    """Each of the sorted ``ids``'s share of ``ordinals`` that it holds (text or heading), or None
    when there are none to hold."""
    if not ordinals:
        return None
    counts = match_counts(con, [quote(o) for o in ordinals], ids, cache)
    return counts / len(ordinals)


def ordinal_penalty(share: np.ndarray | None) -> np.ndarray | float:
    """What each candidate loses for the share of the query's ordinals it lacks (0 without any)."""
    return 0.0 if share is None else PENALTY * (1.0 - np.asarray(share, dtype="float64"))
