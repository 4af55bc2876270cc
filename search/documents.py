"""Documents as records (issue #14): the library view, one document's contents, export records.

Reads the ``documents`` table the index writes (page-1 metadata, ``index.store``) and the chunks
under each document; ``Searcher.documents``, ``Searcher.document`` and ``Searcher.export`` are thin
wrappers over these functions.
"""

from __future__ import annotations

import json
import sqlite3

from .doc_filters import newest_first

#: The fields of ``paracite docs --json``, in order.
FIELDS = ("symbol", "title", "date", "bodies", "session", "agenda_items", "symbols", "doc_type", "pages", "chunks")


def list_documents(con: sqlite3.Connection) -> list[dict]:
    """Every document with its metadata and chunk count, newest first (undated last)."""
    rows = con.execute(
        "SELECT d.*, (SELECT COUNT(*) FROM chunks c WHERE c.symbol = d.symbol) AS n FROM documents d").fetchall()
    docs = [_record(r) for r in rows]
    return sorted(docs, key=lambda d: (newest_first(d["date"]), d["symbol"]))


def metadata(con: sqlite3.Connection) -> dict[str, dict]:
    """Each document's record by symbol (for filters and hits)."""
    return {d["symbol"]: d for d in list_documents(con)}


def _record(r: sqlite3.Row) -> dict:
    load = lambda v: [str(x) for x in json.loads(v or "[]")]  # noqa: E731
    return {"symbol": r["symbol"], "title": r["title"], "date": r["date"], "bodies": load(r["bodies"]),
            "session": r["session"], "agenda_items": load(r["agenda_items"]),
            "symbols": load(r["symbols"]) or [r["symbol"]], "doc_type": r["doc_type"], "pages": r["pages"],
            "chunks": r["n"]}


def contents(con: sqlite3.Connection, symbol: str) -> list[dict]:
    """The table of contents: each run of chunks under one section, with its first and last citation.

    Returns ``[{"part", "section": [...], "first", "last", "chunks"}]`` in document order, where
    ``first``/``last`` are citations without the symbol (``para. 3``, ``p. 2, para. 1``, ``table 1``;
    ``decision 56/101`` for a part that is one chunk).
    """
    out: list[dict] = []
    for r in con.execute("SELECT citation, part, section FROM chunks WHERE symbol = ? ORDER BY id", (symbol,)):
        label = r["citation"][len(symbol):].lstrip(", ")
        if r["part"] and label.startswith(r["part"]):  # a part that is one chunk: its label's last item
            label = label[len(r["part"]):].lstrip(", ") or r["part"].rsplit(", ", 1)[-1]
        section = json.loads(r["section"])
        if out and out[-1]["section"] == section and out[-1]["part"] == r["part"]:
            out[-1]["last"] = label
            out[-1]["chunks"] += 1
        else:
            out.append({"part": r["part"], "section": section, "first": label, "last": label, "chunks": 1})
    return out


def chunk_row(con: sqlite3.Connection, hit) -> int | None:
    """The row id of a hit's chunk: the one it carries, else by its symbol and citation (the
    ``chunks_by_number`` index narrows to the document; a citation alone would scan the table)."""
    if hit.chunk_id is not None:
        return hit.chunk_id
    row = con.execute("SELECT id FROM chunks WHERE symbol = ? AND citation = ? ORDER BY id LIMIT 1",
                      (hit.symbol, hit.citation)).fetchone()
    return row[0] if row else None


def chunk_sentences(con: sqlite3.Connection, rowid: int) -> list[tuple[int, int, int]]:
    """(sentence id, start, end) of a chunk's stored sentences, in order (``sentences_by_chunk``
    makes it a look-up in builds since the fifteenth session; a scan in older ones)."""
    return [tuple(r) for r in con.execute("SELECT id, start, end FROM sentences WHERE chunk_id = ? ORDER BY id",
                                          (rowid,))]


def neighbours(con: sqlite3.Connection, rowid: int, k: int) -> list[int]:
    """The row ids of up to ``k`` chunks before and after ``rowid`` in its document, in order."""
    symbol = con.execute("SELECT symbol FROM chunks WHERE id = ?", (rowid,)).fetchone()[0]
    before = [r[0] for r in con.execute(
        "SELECT id FROM chunks WHERE symbol = ? AND id < ? ORDER BY id DESC LIMIT ?", (symbol, rowid, k))]
    after = [r[0] for r in con.execute(
        "SELECT id FROM chunks WHERE symbol = ? AND id > ? ORDER BY id LIMIT ?", (symbol, rowid, k))]
    return before[::-1] + [rowid] + after
