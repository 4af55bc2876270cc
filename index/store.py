"""The SQLite side of an index: chunks, documents, entities and an FTS5 table for BM25.

Row ids of ``chunks`` are the row numbers of the FAISS index, so a vector hit maps straight to
its chunk. Nothing is pickled: lists are stored as JSON text.
"""

from __future__ import annotations

import json
from functools import lru_cache
import os
import sqlite3
from pathlib import Path
from typing import Iterable

from paracite.errors import IndexMismatch
from ingest.models import Chunk, Document

DB_NAME = "paracite.sqlite"

SCHEMA = """
CREATE TABLE documents (
    symbol TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    checksum TEXT NOT NULL,
    date TEXT,
    bodies TEXT NOT NULL DEFAULT '[]',
    session TEXT,
    agenda_items TEXT NOT NULL DEFAULT '[]',
    symbols TEXT NOT NULL DEFAULT '[]',
    doc_type TEXT,
    pages INTEGER
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
CREATE VIRTUAL TABLE titled_fts USING fts5(
    text, section, title, content='', tokenize='porter unicode61 remove_diacritics 2'
);
"""


def write_store(path: Path, documents: Iterable[Document], ids=None) -> list[Chunk]:
    """Create the database at ``path``; return the chunks in order (row id = position, or
    ``ids[position]`` where a Milvus build keeps its documents' ids across ingests)."""
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA)
        ordered: list[Chunk] = []
        for doc in documents:
            con.execute("INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (doc.symbol, doc.title, doc.source, doc.checksum, *_metadata_row(doc)))
            for c in doc.chunks:
                rowid = len(ordered) if ids is None else int(ids[len(ordered)])
                ordered.append(c)
                con.execute(
                    "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (rowid, c.symbol, c.kind, c.number, c.part, c.page, c.citation,
                     json.dumps(list(c.section), ensure_ascii=False), c.text,
                     json.dumps(list(c.footnotes), ensure_ascii=False), c.title or doc.title),
                )
                con.execute("INSERT INTO chunks_fts(rowid, text, section) VALUES (?,?,?)",
                            (rowid, c.text, " ".join(c.section)))
                # BM25's own table: the same text and path, and the title (``search.bm25.TITLE_WEIGHT``).
                con.execute("INSERT INTO titled_fts(rowid, text, section, title) VALUES (?,?,?,?)",
                            (rowid, c.text, " ".join(c.section), c.title or doc.title or ""))
                con.executemany(
                    "INSERT INTO entities VALUES (?,?,?,?,?,?)",
                    [(rowid, e.text, e.kind, e.canonical, e.start, e.end) for e in c.entities],
                )
        con.commit()
        return ordered
    finally:
        con.close()


def _metadata_row(doc: Document) -> tuple:
    """The page-1 metadata columns of ``documents`` (issue #14) from ``Document.metadata``; lists as JSON text."""
    m = doc.metadata()
    dump = lambda v: json.dumps(v, ensure_ascii=False)  # noqa: E731
    return (m["date"], dump(m["bodies"]), m["session"], dump(m["agenda_items"]), dump(m["symbols"]),
            m["doc_type"], m["pages"])


def open_store(path: Path) -> sqlite3.Connection:
    """Open an index database read-only and check it holds the tables paracite wrote.

    The connection turns SQLite's "malformed" errors, which surface only when a damaged page is
    read, into ``IndexMismatch`` (issue #8).
    """
    damaged = _damaged_message(path.parent)
    if not path.exists():
        raise IndexMismatch(f"{path.parent}: {DB_NAME} is missing; run `paracite ingest` to rebuild the index")
    _check_header(path)
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                              factory=_CheckedConnection)
        con.damaged_message = damaged
        con.row_factory = sqlite3.Row
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    except (sqlite3.DatabaseError, IndexMismatch):
        raise IndexMismatch(damaged) from None
    if not {"chunks", "documents", "entities", "chunks_fts"} <= names:
        raise IndexMismatch(f"{path.parent}: {DB_NAME} lacks paracite's tables; run `paracite ingest` to rebuild the index")
    try:
        for table, columns in _expected_columns().items():
            if table in names and set(columns) - _columns(con, table):
                raise IndexMismatch(damaged)  # the schema text itself is damaged or foreign
        stored = ("chunks", "documents", "entities", "chunks_fts") + (("titled_fts",) if "titled_fts" in names else ())
        for table in stored:
            # Reading no rows still parses each table's schema and builds the FTS5 table, so a
            # damaged definition is refused here rather than in the middle of a search.
            sqlite3.Connection.execute(con, f'SELECT * FROM "{table}" LIMIT 0').fetchall()
    except sqlite3.Error:
        con.close()
        raise IndexMismatch(damaged) from None
    except IndexMismatch:
        con.close()
        raise
    return con


def check_rows(con: sqlite3.Connection, chunks: int, documents: int, folder: Path) -> None:
    """Refuse a database whose chunk or document count is not the manifest's.

    A ``paracite.sqlite`` copied in from another index passes every check of its own (header,
    tables, columns), and ``docs`` would list that other index's documents as this one's.
    """
    try:
        held = sqlite3.Connection.execute(con, "SELECT (SELECT count(*) FROM chunks), "
                                               "(SELECT count(*) FROM documents)").fetchone()
    except sqlite3.Error:
        raise IndexMismatch(_damaged_message(folder)) from None
    if tuple(held) != (chunks, documents):
        raise IndexMismatch(f"{folder}: {DB_NAME} holds {held[0]} chunks of {held[1]} documents, manifest.json "
                            f"{chunks} of {documents} (a file from another build?); "
                            "run `paracite ingest` to rebuild the index")


@lru_cache(maxsize=1)
def _expected_columns() -> dict[str, tuple[str, ...]]:
    """The columns of every ordinary table in ``SCHEMA``, read from a scratch database."""
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.executescript(SCHEMA)
        tables = [r[0] for r in scratch.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE '%fts%'")]
        expected = {t: tuple(sorted(_columns(scratch, t))) for t in tables}
    finally:
        scratch.close()
    # Tables written by index/sentences.py, index/acronym_table.py, index/hubness.py,
    # index/dense_reliability.py and index/term_postings.py after the store itself.
    expected["sentences"] = ("chunk_id", "end", "id", "start")
    expected["acronyms"] = ("count", "long", "short", "source", "used")
    expected["hubness"] = ("chunk_id", "z")
    expected["dense_reliability"] = ("rr", "sentences", "symbol")
    expected["term_tables"] = ("columns", "ids", "lengths", "row_type", "rows", "tbl", "tokens")
    expected["term_postings"] = ("counts", "rows", "tbl", "term")
    expected["term_words"] = ("tbl", "term", "word")
    return expected


def _columns(con: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}


def _damaged_message(folder: Path) -> str:
    return f"{folder}: {DB_NAME} is damaged; run `paracite ingest` to rebuild the index"


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite, or is shorter than its header says (a cut-off copy)."""
    with open(path, "rb") as f:
        head = f.read(100)
        size = os.fstat(f.fileno()).st_size
    if size == 0:
        return  # an empty file: reported as lacking the tables
    if len(head) < 100 or not head.startswith(b"SQLite format 3\x00"):
        raise IndexMismatch(_damaged_message(path.parent))
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    valid = head[24:28] == head[92:96]  # the page count is current only when these agree
    if valid and pages and size < page_size * pages:
        raise IndexMismatch(_damaged_message(path.parent))


class _CheckedCursor(sqlite3.Cursor):
    """A cursor whose SQLite "database is damaged" errors become ``IndexMismatch``."""

    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except sqlite3.DatabaseError as e:
            if isinstance(e, (sqlite3.ProgrammingError, sqlite3.InterfaceError, sqlite3.OperationalError)) \
                    and not _is_corruption(e):
                raise  # a bug in paracite's SQL: let it show
            raise IndexMismatch(getattr(self.connection, "damaged_message", str(e))) from None
        except UnicodeDecodeError:  # garbage bytes inside a stored text value
            raise IndexMismatch(getattr(self.connection, "damaged_message", "the index is damaged")) from None

    def execute(self, *args):
        return self._guard(super().execute, *args)

    def executemany(self, *args):
        return self._guard(super().executemany, *args)

    def fetchone(self):
        return self._guard(super().fetchone)

    def fetchmany(self, *args):
        return self._guard(super().fetchmany, *args)

    def fetchall(self):
        return self._guard(super().fetchall)

    def __next__(self):
        return self._guard(super().__next__)


class _CheckedConnection(sqlite3.Connection):
    """A read-only index connection whose statements run on ``_CheckedCursor``s."""

    damaged_message = ""

    def cursor(self, factory=_CheckedCursor):
        return super().cursor(factory)

    def execute(self, *args):
        return self.cursor().execute(*args)

    def executemany(self, *args):
        return self.cursor().executemany(*args)


def _is_corruption(e: sqlite3.Error) -> bool:
    code = getattr(e, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return True
    text = str(e).lower()
    return any(w in text for w in ("malformed", "not a database", "vtable constructor failed", "corrupt",
                                   "could not decode"))
