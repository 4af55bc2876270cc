"""The FAISS side of an index: one vector per chunk, inner product on unit vectors (cosine)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ingest.errors import IndexMismatch

VECTORS_NAME = "vectors.faiss"


def write_vectors(path: Path, vectors: np.ndarray) -> dict:
    """Write an exact inner-product index; return its parameters for the manifest."""
    import faiss

    dim = vectors.shape[1]
    index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(vectors)
    faiss.write_index(index, str(path))
    return {"type": "IndexFlatIP", "metric": "inner_product", "ntotal": int(index.ntotal)}


def read_vectors(path: Path, expected_rows: int, dimension: int):
    """Load the FAISS index, refusing one that does not match the database beside it."""
    import faiss

    if not path.exists():
        raise IndexMismatch(f"{path.parent}: {VECTORS_NAME} is missing; run `paracite ingest` to rebuild the index")
    try:
        index = faiss.read_index(str(path))
    except Exception:
        raise IndexMismatch(f"{path.parent}: {VECTORS_NAME} is damaged; run `paracite ingest` to rebuild the index") from None
    if index.ntotal != expected_rows or index.d != dimension:
        raise IndexMismatch(
            f"{path.parent}: {VECTORS_NAME} holds {index.ntotal}×{index.d} vectors, expected "
            f"{expected_rows}×{dimension}; run `paracite ingest` to rebuild the index")
    return index
