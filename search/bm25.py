"""Keyword ranking with SQLite FTS5's BM25, safe for any text a user types."""

from __future__ import annotations

import re
import sqlite3

_TERM_RE = re.compile(r"\w+(?:[-/.]\w+)*", re.UNICODE)


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression for free text: each term quoted, terms OR-ed.

    Quoting every term turns FTS5 syntax (``AND``, ``*``, ``-``, ``:``, brackets, quotes) into
    plain words, so no user input can raise a syntax error.
    """
    terms = []
    for t in _TERM_RE.findall(query):
        for piece in re.split(r"[-/.]", t):
            if piece:
                terms.append('"' + piece.replace('"', '""') + '"')
    seen = dict.fromkeys(terms)
    return " OR ".join(seen)


def bm25_search(con: sqlite3.Connection, query: str, limit: int) -> list[tuple[int, float]]:
    """(row id, score) pairs, best first; the score is BM25 with the sign flipped (higher = better)."""
    expr = fts_query(query)
    if not expr:
        return []
    rows = con.execute(
        "SELECT rowid, bm25(chunks_fts, 1.0, 0.3) AS s FROM chunks_fts WHERE chunks_fts MATCH ? "
        "ORDER BY s LIMIT ?",
        (expr, limit),
    ).fetchall()
    return [(int(r[0]), -float(r[1])) for r in rows]
