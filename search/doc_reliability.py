"""Each chunk's factor on BM25's weight, from its document's stored dense reliability (issue #12).

``index.dense_reliability`` stores, per document, how well its own sentences find their own
paragraphs by embedding; ``search.fusion.bm25_scale`` turns a document's value and the index's
mean into a factor on BM25's share of the hybrid score. The mean is over every measured sentence
of the index, so in an index of one document the factor is 1 and nothing changes.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from .bm25 import plain_rows
from .chunk_table import ChunkTable
from .fusion import bm25_scale


def chunk_scales(con: sqlite3.Connection, table: ChunkTable | None = None) -> np.ndarray | None:
    """The factor of every chunk by row id (1 for a document not measured), or None when the index
    has no ``dense_reliability`` table (built before it) or it is empty. ``table``: the chunks'
    documents when the caller has read them (``search.chunk_table``), else read here."""
    try:
        rows = plain_rows(con, "SELECT symbol, rr, sentences FROM dense_reliability")
    except sqlite3.Error:
        return None
    if not rows:
        return None
    rr = {r[0]: float(r[1]) for r in rows}
    counts = np.array([r[2] for r in rows], dtype="float64")
    index_rr = float(np.dot([r[1] for r in rows], counts) / max(counts.sum(), 1.0))
    table = table if table is not None else ChunkTable.read(con)
    if not len(table.ids):
        return None
    measured = np.array([s in rr for s in table.names], dtype=bool)
    per_symbol = np.ones(len(table.names))
    per_symbol[measured] = bm25_scale(np.array([rr[s] for s in table.names if s in rr]), index_rr)
    out = np.ones(int(table.ids.max()) + 1)
    out[table.ids] = per_symbol[table.which]
    return out
