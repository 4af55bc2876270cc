"""Word stems with the index's own tokenizer, and how rare each word is in the index.

Stems come from SQLite FTS5's ``porter unicode61`` tokenizer (the one the BM25 table uses), run
on an in-memory table, so a question word matches a sentence word exactly when BM25 would
match them, and the document frequency looked up in the index is for the same stem.
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass

from .bm25 import fts_query

TOKENIZER = "porter unicode61 remove_diacritics 2"
_TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Token:
    """One word: its surface form, its stem and its character span."""

    text: str
    stem: str
    start: int
    end: int


#: The month names in the calendar's order, as the documents capitalize them (``typed_dates`` reads a
#: month's number from its place here).
MONTH_NAMES = tuple("January February March April May June July August September October November December".split())
#: The same names as a set: dates, never names of a body or place.
MONTHS = frozenset(MONTH_NAMES)


def tokenize(texts: list[str]) -> list[list[Token]]:
    """The tokens of each text, stemmed by FTS5's Porter tokenizer."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
        con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
        con.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", list(enumerate(texts)))
        stems: list[dict[int, str]] = [{} for _ in texts]
        for doc, term, offset in con.execute("SELECT doc, term, offset FROM v"):
            stems[doc][offset] = term
    finally:
        con.close()
    out = []
    for text, by_pos in zip(texts, stems):
        words = list(_TOKEN_RE.finditer(text))
        if len(words) != len(by_pos):  # tokenizers disagree (rare scripts): fall back to lower case
            by_pos = {i: m.group().lower() for i, m in enumerate(words)}
        out.append([Token(m.group(), by_pos.get(i, m.group().lower()), m.start(), m.end())
                    for i, m in enumerate(words)])
    return out


def document_frequency(con: sqlite3.Connection, word: str) -> int:
    """How many chunks of the index contain ``word`` (as BM25 matches it)."""
    expr = fts_query(word)
    if not expr:
        return 0
    try:
        return int(con.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (expr,)).fetchone()[0])
    except sqlite3.Error:
        return 1


def idf(df: int, n: int) -> float:
    """BM25's inverse document frequency (always positive)."""
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))
