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
from .fusion import bm25_scale


def chunk_scales(con: sqlite3.Connection, chunks: list[tuple[int, str]] | None = None) -> np.ndarray | None:
    """The factor of every chunk by row id (1 for a document not measured), or None when the index
    has no ``dense_reliability`` table (built before it) or it is empty. ``chunks``: each chunk's
    (row id, symbol) when the caller has them (``search.chunk_table``), else read here."""
    try:
        rows = plain_rows(con, "SELECT symbol, rr, sentences FROM dense_reliability")
    except sqlite3.Error:
        return None
    if not rows:
        return None
    rr = {r[0]: float(r[1]) for r in rows}
    counts = np.array([r[2] for r in rows], dtype="float64")
    index_rr = float(np.dot([r[1] for r in rows], counts) / max(counts.sum(), 1.0))
    if chunks is None:
        chunks = plain_rows(con, "SELECT id, symbol FROM chunks")
    if not chunks:
        return None
    ids = np.fromiter((c[0] for c in chunks), dtype="int64", count=len(chunks))
    symbols, which = np.unique(np.array([c[1] for c in chunks], dtype=object), return_inverse=True)
    measured = np.array([s in rr for s in symbols], dtype=bool)
    per_symbol = np.ones(len(symbols))
    per_symbol[measured] = bm25_scale(np.array([rr[s] for s in symbols[measured]]), index_rr)
    out = np.ones(int(ids.max()) + 1)
    out[ids] = per_symbol[which]
    return out
