"""The SQLite side of an index: chunks, documents, entities and an FTS5 table for BM25.

Row ids of ``chunks`` are the row numbers of the FAISS index, so a vector hit maps straight to
its chunk. Nothing is pickled: lists are stored as JSON text.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterable

from ingest.errors import IndexMismatch
from ingest.models import Chunk, Document

DB_NAME = "paracite.sqlite"

SCHEMA = """
CREATE TABLE documents (
    symbol TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    checksum TEXT NOT NULL
);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    kind TEXT NOT NULL,
    number INTEGER NOT NULL,
    part TEXT NOT NULL DEFAULT '',
    page INTEGER,
    citation TEXT NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    footnotes TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT ''
);
CREATE INDEX chunks_by_number ON chunks(symbol, part, kind, number);
CREATE TABLE entities (
    chunk_id INTEGER NOT NULL REFERENCES chunks(id),
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    canonical TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX entities_by_canonical ON entities(canonical COLLATE NOCASE);
CREATE INDEX entities_by_chunk ON entities(chunk_id);
CREATE VIRTUAL TABLE chunks_fts USING fts5(
    text, section, content='', tokenize='porter unicode61 remove_diacritics 2'
);
"""


def write_store(path: Path, documents: Iterable[Document]) -> list[Chunk]:
    """Create the database at ``path``; return the chunks in row-id order (row id = position)."""
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        ordered: list[Chunk] = []
        for doc in documents:
            con.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,?)",
                        (doc.symbol, doc.title, doc.source, doc.checksum))
            for c in doc.chunks:
                rowid = len(ordered)
                ordered.append(c)
                con.execute(
                    "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (rowid, c.symbol, c.kind, c.number, c.part, c.page, c.citation,
                     json.dumps(list(c.section), ensure_ascii=False), c.text,
                     json.dumps(list(c.footnotes), ensure_ascii=False), c.title or doc.title),
                )
                con.execute("INSERT INTO chunks_fts(rowid, text, section) VALUES (?,?,?)",
                            (rowid, c.text, " ".join(c.section)))
                con.executemany(
                    "INSERT INTO entities VALUES (?,?,?,?,?,?)",
                    [(rowid, e.text, e.kind, e.canonical, e.start, e.end) for e in c.entities],
                )
        con.commit()
        return ordered
    finally:
        con.close()


def open_store(path: Path) -> sqlite3.Connection:
    """Open an index database read-only and check it holds the tables paracite wrote."""
    if not path.exists():
        raise IndexMismatch(f"{path.parent}: {DB_NAME} is missing; run `paracite ingest` to rebuild the index")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        con.row_factory = sqlite3.Row
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        raise IndexMismatch(f"{path.parent}: {DB_NAME} is damaged; run `paracite ingest` to rebuild the index") from None
    if not {"chunks", "documents", "entities", "chunks_fts"} <= names:
        raise IndexMismatch(f"{path.parent}: {DB_NAME} lacks paracite's tables; run `paracite ingest` to rebuild the index")
    return con
