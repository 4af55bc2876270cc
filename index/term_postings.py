"""The postings of a build's most common FTS5 terms, stored so a fresh searcher need not ask FTS5.

A search scores each query word's BM25 term alone (``search.bm25.phrase_bm25_matches``); FTS5's
``bm25()`` costs about 2 µs for every row a word matches, so the common words of UN queries
("nations", "report", "implement": thousands of rows each) made a fresh process's first searches
slow (twenty-first session, docs/retrieval-log.md). What ``bm25()`` reads of a row is fixed once
the build is written: the row count and total length of the table, each row's length, and how
often the term falls in each column of the rows holding it. This module stores those facts for
the terms that match at least ``MIN_ROWS`` rows, in plain arrays; ``search.stored_terms`` computes
``bm25()``'s value from them with the same arithmetic (the column weights stay the ranking's).

Terms here are FTS5's tokens (after its tokenizer: "nations" → "nation"), read with fts5vocab;
``term_words`` maps each lower-cased word of the build's text whose one token is a stored term to
it ("nations", "nation", "national" → "nation"), so a searcher finds a query word's postings
without running the tokenizer.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import numpy as np

#: A term is stored when it matches at least this many rows: below it, FTS5 scores it in under a
#: millisecond (2 µs a row).
MIN_ROWS = 200
#: At most this many terms a table (the most common first): a large library's store stays small.
MAX_TERMS = 1000
#: The FTS5 tables whose common terms are stored: BM25's table and the coverage look-ups' table.
TABLES = ("titled_fts", "chunks_fts")

SCHEMA = """
CREATE TABLE term_tables (tbl TEXT PRIMARY KEY, columns TEXT NOT NULL, rows INTEGER NOT NULL,
                          tokens INTEGER NOT NULL, ids BLOB NOT NULL, lengths BLOB NOT NULL,
                          row_type TEXT NOT NULL);
CREATE TABLE term_postings (tbl TEXT NOT NULL, term TEXT NOT NULL, rows BLOB NOT NULL,
                            counts BLOB NOT NULL, PRIMARY KEY (tbl, term)) WITHOUT ROWID;
CREATE TABLE term_words (tbl TEXT NOT NULL, word TEXT NOT NULL, term TEXT NOT NULL,
                         PRIMARY KEY (tbl, word)) WITHOUT ROWID;
"""
_WORD = re.compile(r"\w+")
_TOKENIZE = re.compile(r"""tokenize\s*=\s*('(?:[^']|'')*'|"(?:[^"]|"")*")""", re.IGNORECASE)


def varints(blob: bytes) -> np.ndarray:
    """The values of a run of SQLite varints (FTS5's docsize and averages records), each shorter
    than nine bytes (token counts are)."""
    b = np.frombuffer(blob, dtype=np.uint8)
    ends = np.flatnonzero(b < 0x80)
    if not len(b):
        return np.zeros(0, dtype=np.int64)
    if not len(ends) or ends[-1] != len(b) - 1:
        raise ValueError("truncated varint")
    starts = np.r_[0, ends[:-1] + 1]
    lengths = ends - starts + 1
    if lengths.max() > 8:
        raise ValueError("varint too long")
    place = np.arange(len(b)) - np.repeat(starts, lengths)
    shift = 7 * (np.repeat(lengths, lengths) - 1 - place)
    return np.add.reduceat((b & 0x7F).astype(np.int64) << shift, starts)


def table_lengths(con: sqlite3.Connection, table: str, n_columns: int) -> tuple[int, int, np.ndarray, np.ndarray]:
    """(rows, tokens, row ids, row lengths) as FTS5's ``bm25()`` reads them: the row count and the
    token total of every column from the averages record, each row's tokens over all columns from
    the docsize table."""
    averages = varints(con.execute(f'SELECT block FROM "{table}_data" WHERE id = 1').fetchone()[0])
    found = con.execute(f'SELECT id, sz FROM "{table}_docsize" ORDER BY id').fetchall()
    ids = np.array([r[0] for r in found], dtype="int64")
    sizes = varints(b"".join(r[1] for r in found)) if found else np.zeros(0, dtype="int64")
    if len(sizes) != n_columns * len(ids) or len(averages) < 1 + n_columns:
        raise ValueError(f"{table}: unexpected docsize or averages record")
    return int(averages[0]), int(averages[1:1 + n_columns].sum()), ids, sizes.reshape(len(ids), n_columns).sum(1)


def term_counts(con: sqlite3.Connection, vocab: str, term: str, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(row ids, occurrences in each column: rows × columns) of one FTS5 term, from fts5vocab's
    instance table ``vocab``."""
    found = con.execute(f"SELECT doc, col FROM temp.{vocab} WHERE term = ?", (term,)).fetchall()
    docs = np.array([r[0] for r in found], dtype="int64")
    cols = np.array([columns.index(r[1]) for r in found], dtype="int64")
    rows, at = np.unique(docs, return_inverse=True)
    counts = np.zeros((len(rows), len(columns)), dtype="int64")
    np.add.at(counts, (at, cols), 1)
    return rows, counts


def text_words(con: sqlite3.Connection) -> list[str]:
    """Every distinct lower-cased word of the chunks' text, section paths and titles (a query's
    words are lower-cased runs of word characters too: ``search.bm25.content_terms``)."""
    found: dict[str, None] = {}
    for row in con.execute("SELECT text, section, title FROM chunks"):
        for value in row:
            found.update(dict.fromkeys(w.lower() for w in _WORD.findall(value or "")))
    return list(found)


def one_tokens(con: sqlite3.Connection, table: str, words: list[str]) -> dict[str, str]:
    """word → its token, for each of ``words`` that ``table``'s tokenizer makes exactly one token of."""
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    m = _TOKENIZE.search(sql)
    con.execute(f"CREATE VIRTUAL TABLE temp.term_words_in USING fts5(w{', tokenize=' + m.group(1) if m else ''})")
    con.execute("CREATE VIRTUAL TABLE temp.term_words_out USING fts5vocab(temp, term_words_in, instance)")
    try:
        con.executemany("INSERT INTO temp.term_words_in(rowid, w) VALUES (?, ?)", enumerate(words))
        tokens: dict[int, list[str]] = {}
        for doc, term in con.execute("SELECT doc, term FROM temp.term_words_out"):
            tokens.setdefault(doc, []).append(term)
    finally:
        con.execute("DROP TABLE temp.term_words_out")
        con.execute("DROP TABLE temp.term_words_in")
    return {words[doc]: found[0] for doc, found in tokens.items() if len(found) == 1}


def _store_table(con: sqlite3.Connection, table: str, words: list[str], min_rows: int, max_terms: int) -> int:
    columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    n_rows, tokens, ids, lengths = table_lengths(con, table, len(columns))
    row_type = "<i4" if not len(ids) or (ids.min() >= 0 and ids.max() < 2 ** 31) else "<i8"
    con.execute(f'CREATE VIRTUAL TABLE temp.term_rows USING fts5vocab(main, "{table}", row)')
    con.execute(f'CREATE VIRTUAL TABLE temp.term_instances USING fts5vocab(main, "{table}", instance)')
    try:
        common = [t for (t,) in con.execute("SELECT term FROM temp.term_rows WHERE doc >= ? ORDER BY doc DESC, term "
                                            "LIMIT ?", (min_rows, max_terms))]
        postings = []
        for term in common:
            rows, counts = term_counts(con, "term_instances", term, columns)
            if counts.max(initial=0) < 2 ** 16:  # a word 65,536 times in one paragraph: left to FTS5
                postings.append((table, term, rows.astype(row_type).tobytes(), counts.astype("<u2").tobytes()))
    finally:
        con.execute("DROP TABLE temp.term_rows")
        con.execute("DROP TABLE temp.term_instances")
    con.execute("INSERT INTO term_tables VALUES (?,?,?,?,?,?,?)", (table, " ".join(columns), n_rows, tokens,
                ids.astype("<i8").tobytes(), lengths.astype("<i8").tobytes(), row_type))
    kept = {t for _, t, _, _ in postings}
    con.executemany("INSERT INTO term_postings VALUES (?,?,?,?)", postings)
    con.executemany("INSERT INTO term_words VALUES (?,?,?)",
                    [(table, w, t) for w, t in one_tokens(con, table, words).items() if t in kept])
    return len(postings)


def _full_detail(con: sqlite3.Connection, table: str) -> bool:
    """Whether FTS5 keeps every occurrence's column and offset (its default): what ``bm25()`` counts."""
    sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    return not re.search(r"\bdetail\s*=", sql, re.IGNORECASE)


def write_term_postings(db_path: Path, min_rows: int = MIN_ROWS, max_terms: int = MAX_TERMS) -> int:
    """Add ``term_tables`` and ``term_postings`` to a build's database; return the terms stored."""
    con = sqlite3.connect(db_path)
    try:
        present = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        con.executescript(SCHEMA)
        words = text_words(con)
        stored = sum(_store_table(con, t, words, min_rows, max_terms) for t in TABLES
                     if t in present and f"{t}_docsize" in present and _full_detail(con, t))
        con.commit()
    finally:
        con.close()
    return stored
