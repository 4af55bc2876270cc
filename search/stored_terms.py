"""A common word's FTS5 look-ups answered from what the build stored (``index.term_postings``).

A fresh searcher keeps nothing yet (``search.postings``), and FTS5's ``bm25()`` costs about 2 µs
a matching row: the common words of a query ("nations", "report", "implement") made the slow
tail of a process's first searches (twenty-first session, docs/retrieval-log.md). The build
stores, for its common terms, the rows holding them and how often in each column, with each
row's length and the table's totals: what ``bm25()`` reads. From them this computes ``bm25()``'s
value with the same operations in the same order (FTS5's ``fts5Bm25Function``), so the scores are
FTS5's to the last bit (``tests/test_stored_terms.py`` checks every stored term of a build).

A query word reaches FTS5 as a quoted phrase; it is answered here only when the build mapped
that very text to one stored token (``term_words``: FTS5's tokenizer made one token of it at
ingest). Anything else (a rare word, a multi-word name, weights whose sums would round, a build
from before the tables) is ``None``: the caller asks FTS5.
"""

from __future__ import annotations

import math
import re
import sqlite3
import threading
from dataclasses import dataclass
from typing import Callable, Hashable, Sequence

import numpy as np

#: FTS5's ``bm25()`` constants (sqlite3/ext/fts5/fts5_aux.c).
K1, B = 1.2, 0.75
_QUOTED = re.compile(r'^"((?:[^"]|"")*)"$')


@dataclass(frozen=True)
class TableFacts:
    """What ``bm25()`` reads of a table besides the term: its rows, tokens and row lengths."""

    columns: tuple[str, ...]
    rows: int
    tokens: int
    ids: np.ndarray  # sorted row ids
    lengths: np.ndarray  # tokens of each row, all columns
    row_type: str  # how the stored row ids are written ("<i4" or "<i8")

    @property
    def avgdl(self) -> float:
        return float(self.tokens) / float(self.rows)


def bm25_terms(facts: TableFacts, rows: np.ndarray, counts: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """``bm25()``'s value of a one-phrase query for each of ``rows`` (negated back: higher is
    better), from the phrase's occurrences in each column (``counts``: rows × columns)."""
    w = np.array([weights[i] if i < len(weights) else 1.0 for i in range(len(facts.columns))])
    freq = counts @ w  # exact: whole counts times dyadic weights (``exact_sums``)
    hits = len(rows)
    idf = math.log((facts.rows - hits + 0.5) / (hits + 0.5))
    if idf <= 0.0:
        idf = 1e-6
    d = facts.lengths[np.searchsorted(facts.ids, rows)].astype("float64")
    return idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * d / facts.avgdl)))


def exact_sums(weights: Sequence[float]) -> bool:
    """Whether adding the column weights one occurrence at a time (as FTS5 does) gives exactly
    count × weight: weights that are multiples of 1/1024 below 2**20 do."""
    return all(0 <= w < 2 ** 20 and float(w * 1024).is_integer() for w in weights)


def unquoted(expression: str) -> str | None:
    """The text of an FTS5 expression that is one quoted phrase, else None."""
    m = _QUOTED.match(expression)
    return m.group(1).replace('""', '"') if m else None


class StoredTerms:
    """The build's stored common terms, read one at a time; ``find`` answers ``PostingCache``
    keys (``search.bm25``: ("bm25", table, phrase) and ("rows", expression) on ``chunks_fts``)."""

    ROWS_TABLE = "chunks_fts"

    def __init__(self, con: sqlite3.Connection, weights: Callable[[str], Sequence[float]]):
        self._con = con
        self._weights = weights
        self._facts: dict[str, TableFacts | None] = {}
        self._lock = threading.Lock()

    def stores(self, table: str) -> bool:
        """Whether the build stored any term of ``table``."""
        return self._table(table) is not None

    def find(self, key: Hashable) -> tuple[np.ndarray, ...] | None:
        """The arrays FTS5 would give for ``key``, or None where this cannot tell."""
        if not isinstance(key, tuple):
            return None
        if len(key) == 3 and key[0] == "bm25":
            weights = list(self._weights(key[1]))
            if not exact_sums(weights):
                return None
            found = self._postings(key[1], key[2])
            return None if found is None else (found[0], bm25_terms(found[2], found[0], found[1], weights))
        if len(key) == 2 and key[0] == "rows":
            found = self._postings(self.ROWS_TABLE, key[1])
            return None if found is None else (found[0],)
        return None

    def _postings(self, table: str, expression: str) -> tuple[np.ndarray, np.ndarray, TableFacts] | None:
        facts, text = self._table(table), unquoted(expression)
        if facts is None or text is None:
            return None
        row = self._con.execute(
            "SELECT p.rows, p.counts FROM term_words w JOIN term_postings p ON p.tbl = w.tbl AND p.term = w.term "
            "WHERE w.tbl = ? AND w.word = ?", (table, text)).fetchone()
        if row is None:
            return None
        rows = np.frombuffer(row[0], dtype=facts.row_type).astype("int64")
        counts = np.frombuffer(row[1], dtype="<u2").reshape(len(rows), len(facts.columns))
        return rows, counts, facts

    def _table(self, table: str) -> TableFacts | None:
        with self._lock:
            if table not in self._facts:
                self._facts[table] = self._load(table)
            return self._facts[table]

    def _load(self, table: str) -> TableFacts | None:
        try:
            row = self._con.execute("SELECT columns, rows, tokens, ids, lengths, row_type FROM term_tables "
                                    "WHERE tbl = ? AND EXISTS (SELECT 1 FROM term_postings WHERE tbl = ?)",
                                    (table, table)).fetchone()
        except sqlite3.OperationalError:  # a build from before the tables existed
            return None
        if row is None or row[1] <= 0:
            return None
        return TableFacts(tuple(row[0].split(" ")), int(row[1]), int(row[2]),
                          np.frombuffer(row[3], dtype="<i8").astype("int64"),
                          np.frombuffer(row[4], dtype="<i8").astype("int64"), row[5])
