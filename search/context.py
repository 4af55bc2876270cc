"""A hit in its context: the chunks around it, and the sentence of it that best matches a query.

Both serve readers who see a paragraph on its own (the web page, issue #16): the paragraph view
shows the chunks before and after, and a result marks the sentence that matched.
"""

from __future__ import annotations

import numpy as np

from .models import Hit


def chunk_id(con, hit: Hit) -> int | None:
    """The row id of a hit's chunk (a citation names one chunk of an index)."""
    row = con.execute("SELECT id FROM chunks WHERE symbol = ? AND citation = ? LIMIT 1",
                      (hit.symbol, hit.citation)).fetchone()
    return row[0] if row else None


def neighbour_ids(con, rowid: int) -> tuple[int | None, int | None]:
    """The row ids of the chunks just before and after ``rowid`` in the same document."""
    symbol = con.execute("SELECT symbol FROM chunks WHERE id = ?", (rowid,)).fetchone()[0]
    before = con.execute("SELECT MAX(id) FROM chunks WHERE symbol = ? AND id < ?", (symbol, rowid)).fetchone()[0]
    after = con.execute("SELECT MIN(id) FROM chunks WHERE symbol = ? AND id > ?", (symbol, rowid)).fetchone()[0]
    return before, after


def best_sentence_spans(con, sentence_vectors, query_vector: np.ndarray,
                        hits: list[Hit]) -> list[tuple[int, int] | None]:
    """For each hit, (start, end) in its text of the sentence closest to the query, or None.

    Uses the sentence vectors stored at build time (the ranking's own sentences), so marking
    costs one dot product per sentence. ``sentence_vectors`` is the ranker's
    (index, chunk of each sentence, matrix or None), or a false value for an index without them.
    """
    if not sentence_vectors:
        return [None] * len(hits)
    index, _, matrix = sentence_vectors
    q = np.asarray(query_vector, dtype="float32").reshape(-1)
    out: list[tuple[int, int] | None] = []
    for hit in hits:
        rowid = chunk_id(con, hit)
        rows = con.execute("SELECT id, start, end FROM sentences WHERE chunk_id = ? ORDER BY id",
                           (rowid,)).fetchall() if rowid is not None else []
        if len(rows) < 2:  # one sentence (or none): nothing to single out
            out.append(None)
            continue
        ids = np.array([r[0] for r in rows], dtype="int64")
        vecs = matrix[ids] if matrix is not None else index.reconstruct_batch(ids)
        best = int(np.argmax(vecs @ q))
        out.append((int(rows[best][1]), int(rows[best][2])))
    return out


def id_by_citation(con, citation: str) -> int | None:
    """The row id of the chunk cited as ``citation`` (``A/69/207, para. 46``), spaces normalised."""
    cite = " ".join(citation.split())
    row = con.execute("SELECT id FROM chunks WHERE citation = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                      (cite,)).fetchone()
    return row[0] if row else None
