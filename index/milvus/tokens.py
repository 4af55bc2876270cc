"""Words as the local index sees them, for Milvus's BM25 field and for query terms.

Milvus Lite's analyzer does no stemming and a cluster's may be configured differently, so the
text a chunk is BM25-indexed by is normalised here, by SQLite FTS5's own ``porter unicode61``
tokenizer (the one the local index uses): both backends then match the same word forms
("migrants" finds "migrant"). The tokens are read back through an ``fts5vocab`` table of an
in-memory database, so no stemmer package is needed.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Iterable

TOKENIZE = "porter unicode61 remove_diacritics 2"


def stem_texts(texts: Iterable[str]) -> list[list[str]]:
    """Each text as its list of lower-cased, stemmed tokens, in order."""
    texts = list(texts)
    con = _scratch()
    # A fresh table per call (~0.7 ms): deleting rows instead leaves FTS5 tombstones that every
    # later vocabulary scan reads, and a long-running searcher slows down query by query.
    con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZE}')")
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    try:
        con.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", ((i, s) for i, s in enumerate(texts)))
        out: list[list[str]] = [[] for _ in texts]
        for term, doc in con.execute("SELECT term, doc FROM v ORDER BY doc, offset"):
            out[doc].append(term)
        return out
    finally:
        con.execute("DROP TABLE v")
        con.execute("DROP TABLE t")


_LOCAL = threading.local()


def _scratch() -> sqlite3.Connection:
    """This thread's in-memory database for stemming."""
    con = getattr(_LOCAL, "con", None)
    if con is None:
        con = sqlite3.connect(":memory:")
        _LOCAL.con = con
    return con


def stem_text(text: str) -> list[str]:
    """One text's stemmed tokens."""
    return stem_texts([text])[0]
