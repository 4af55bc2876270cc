"""Dense ranking: the query's embedding against the FAISS index."""

from __future__ import annotations

import numpy as np


def embed_query(query: str) -> np.ndarray:
    """The query as a (1, d) unit float32 vector."""
    from index import embed

    return embed.encode([query])


def dense_search(index, qvec: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """(row id, cosine) pairs, best first."""
    limit = min(limit, index.ntotal)
    if limit <= 0:
        return []
    scores, ids = index.search(qvec, limit)
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]
