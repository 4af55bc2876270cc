"""Each candidate's share of the query's content words, plain and weighted by rarity, in one pass.

The ranking needs the plain share (BM25's coordination factor, ``Signals.coverage``); the
weak-match check needs the share weighted by each word's rarity (``search.match_strength``).
Both come from the same FTS5 matches of each word, so the ranking computes both: the weak check
used to look every word up a second time (seventeenth session, docs/user-audit-log.md).
"""

from __future__ import annotations

import sqlite3
from typing import Sequence

import numpy as np

from .bm25 import matching_arrays, positions
from .postings import PostingCache


def rarity(n_chunks: int, matches: int) -> float:
    """A word's weight: log N/df + 1, so a word in every chunk still counts a little."""
    return np.log((n_chunks + 1) / (matches + 1)) + 1.0


def word_shares(con: sqlite3.Connection, groups: Sequence[str], ids: np.ndarray,
                n_chunks: int, cache: PostingCache | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(share of the coverage ``groups`` each of the sorted ``ids`` matches, the same share with
    each group weighted by its ``rarity`` in an index of ``n_chunks``); the groups' matches from
    ``cache`` where it holds them (``search.postings``)."""
    counts, held, total = np.zeros(len(ids)), np.zeros(len(ids)), 0.0
    for rows in matching_arrays(con, groups, cache):
        weight = rarity(n_chunks, len(rows))
        total += weight
        if len(rows):
            at = positions(ids, rows)
            counts[at] += 1
            held[at] += weight
    return counts / max(1, len(groups)), (held / total if total else held)
