"""The ranking's FTS5 look-ups of one build, with what they found kept for later queries.

BM25 over every match is scored phrase by phrase, each phrase's scores kept
(``bm25.phrase_bm25_matches``): the same scores to the bit, free the next time a word comes back,
but a common word looked up alone costs FTS5 more than within one OR query (each row is scored
once per phrase it holds, twice as long for "Which resolution requested this report from the
Secretary-General?" the first time). A process's first keyword ranking (a one-off ``paracite
search``) has nothing kept to gain from, so it runs the one OR query, unless the build stored its
common terms (``index.term_postings``, ``search.stored_terms``): then a common word costs no FTS5
look-up even the first time, and the rare ones little. The coverage groups, the adjacent pairs
and the ordinals read row ids only: theirs are kept from the first query on.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from .bm25 import KeywordQuery, bm25_matches, bm25_table, column_weights, phrase_bm25_matches
from .postings import PostingCache
from .stored_terms import StoredTerms


class KeywordLookups:
    """One build's keyword look-ups; ``kept`` holds what FTS5 answered (``search.postings``)."""

    def __init__(self, con: sqlite3.Connection):
        self._con = con
        self.stored = StoredTerms(con, column_weights)
        self.kept: PostingCache | None = PostingCache(stored=self.stored.find)
        self._table: str | None = None
        self._warm = False  # a keyword ranking ran already

    def matches(self, kw: KeywordQuery | None, limit: int | None) -> tuple[np.ndarray, np.ndarray]:
        """(row ids, BM25 scores) of the chunks matching the query's words: every match, or the
        best ``limit`` (a large index)."""
        if self._table is None:
            self._table = bm25_table(self._con)
        if kw is None:
            return bm25_matches(self._con, "")
        warm, self._warm = self._warm, True
        if limit is None and self.kept is not None and (warm or self.stored.stores(self._table)):
            return phrase_bm25_matches(self._con, kw.phrases, self._table, self.kept)
        return bm25_matches(self._con, kw.expression, limit, self._table)
