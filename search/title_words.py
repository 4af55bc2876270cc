"""A query word that a chunk's document title holds counts towards the chunk's coverage in the hybrid.

The coverage (the share of the query's content words a chunk holds) multiplies BM25 and sets its
weight in the fusion (``search.fusion``). It reads the chunk's own text, so a query that names its
document's subject ("humanitarian access incidents Afghanistan") finds no paragraph that holds all
its words: the paragraph that answers never repeats "Afghanistan", which its report's title says.
Such a query lost BM25's weight (coverage 0.75 → weight × 0.42) and its best keyword match fell
behind paragraphs the embedding preferred.

Here a word the chunk lacks but its title holds counts as held, weighted by how few titles hold
it: log((N + 1) / (df + 1)) / log(N + 1) over the index's N distinct titles, so "Afghanistan" in
one title of 71 counts 0.84, and "report" (40 titles) or "United Nations" (30) count 0.13 and
0.20. An index of one titled document gives its title's words no weight (df = N), and an untitled
document (a text file) none; BM25 mode keeps the plain coverage. Issue #12, twenty-second
session, 548 dev records over the 73-document library: MRR@10 0.8850 → 0.8899 (docs/retrieval-log.md).

The titles sit in a small in-memory FTS5 table with the store's tokenizer, so a group matches a
title exactly as it matches a chunk (stems, acronym names, phrases).
"""

from __future__ import annotations

import sqlite3
from typing import Callable, Sequence

import numpy as np

from .bm25 import matching_arrays, positions
from .chunk_table import ChunkTable
from .postings import PostingCache

TOKENIZER = "porter unicode61 remove_diacritics 2"  # as ``index.store``'s FTS5 tables


class TitleWords:
    """The distinct titles of an index's chunks, searchable, and which title each chunk has."""

    def __init__(self, titles: Sequence[str], chunk_title: np.ndarray):
        self.n = len(titles)
        self.chunk_title = chunk_title  # by row id: position in ``titles``, or ``n`` (no title)
        self._held: dict[str, np.ndarray | None] = {}  # group → each title's gain (``gains``), kept
        self._fts = sqlite3.connect(":memory:", check_same_thread=False)
        self._fts.execute(f"CREATE VIRTUAL TABLE t USING fts5(title, tokenize='{TOKENIZER}')")
        self._fts.executemany("INSERT INTO t(rowid, title) VALUES (?, ?)",
                              [(i + 1, t) for i, t in enumerate(titles)])

    @classmethod
    def from_table(cls, table: ChunkTable) -> "TitleWords | None":
        """The titles of a ranker's one pass over the chunks (``search.chunk_table``), or None where no
        chunk has one."""
        if not table.titles:
            return None
        n = len(table.titles)
        chunk_title = np.full(int(table.ids.max()) + 1, n, dtype="int64")
        chunk_title[table.ids] = table.title_of
        return cls(table.titles, chunk_title)

    def weight(self, matches: int) -> float:
        """A title word's weight when ``matches`` of the titles hold it: 1 for none, 0 for all."""
        if self.n < 1:
            return 0.0
        return max(0.0, float(np.log((self.n + 1) / (matches + 1)) / np.log(self.n + 1)))

    def matching(self, group: str) -> np.ndarray:
        """Positions of the titles that ``group`` (an FTS5 MATCH expression) matches."""
        try:
            rows = self._fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (group,)).fetchall()
        except sqlite3.Error:
            return np.zeros(0, dtype="int64")
        return np.array([r[0] - 1 for r in rows], dtype="int64")

    def titled_shares(self, groups: Sequence[str], matches: Sequence[np.ndarray], ids: np.ndarray,
                      coverage: np.ndarray) -> np.ndarray:
        """``coverage`` (each of the sorted ``ids``' share of ``groups``) with each group a chunk
        lacks but its title holds added at its title ``weight``; ``matches``: each group's
        matching row ids in the chunks' own text (``search.bm25.matching_arrays``)."""
        out = np.asarray(coverage, dtype="float64").copy()
        if not len(groups) or not len(ids):
            return out
        titles = None
        for group, rows in zip(groups, matches):
            by_title = self.gains(group)
            if by_title is None:
                continue
            titles = self.titles_of(ids) if titles is None else titles
            gain = by_title[titles]
            gain[positions(ids, rows)] = 0.0  # the chunk's own text holds it already
            out += gain / len(groups)
        return out

    def titles_of(self, ids: np.ndarray) -> np.ndarray:
        """The title of each of ``ids`` (``n``: none); every chunk in order is the table itself."""
        if len(ids) == len(self.chunk_title) and ids[-1] == len(ids) - 1:
            return self.chunk_title
        inside = ids < len(self.chunk_title)
        titles = np.full(len(ids), self.n, dtype="int64")
        titles[inside] = self.chunk_title[ids[inside]]
        return titles

    def gains(self, group: str) -> np.ndarray | None:
        """Each title's ``weight`` for ``group`` (0 where it does not hold it; one more place, 0, for
        no title), or None where no title holds it. Kept: a library's queries share their words."""
        if group not in self._held:
            if len(self._held) > 10_000:
                self._held.clear()
            held = self.matching(group)
            w = self.weight(len(held))
            by_title = None
            if w > 0 and len(held):
                by_title = np.zeros(self.n + 1)
                by_title[held] = w
            self._held[group] = by_title
        return self._held[group]


class TitledCoverage:
    """A ranker's ``TitleWords``, made on first use from its chunk table (``table()``, read once for
    every per-chunk fact the ranking needs): ``titled(groups, ids, coverage)`` gives the hybrid's
    coverage, or None for an index whose chunks have no title (then the plain one ranks)."""

    def __init__(self, con: sqlite3.Connection, table: Callable[[], ChunkTable]):
        self._con = con
        self._table = table
        self._words: TitleWords | None | bool = False  # False: not made yet

    def __call__(self, groups: Sequence[str], ids: np.ndarray, coverage: np.ndarray,
                 cache: PostingCache | None = None) -> np.ndarray | None:
        if self._words is False:
            self._words = TitleWords.from_table(self._table())
        if self._words is None:
            return None
        return self._words.titled_shares(groups, matching_arrays(self._con, groups, cache), ids, coverage)
