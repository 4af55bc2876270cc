"""The FAISS side of an index: one vector per chunk, inner product on unit vectors (cosine)."""

from __future__ import annotations

import os
import struct
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
    return open_vectors(path, expected_rows, dimension).load()


def open_vectors(path: Path, expected_rows: int, dimension: int) -> "VectorFile":
    """Open and check the FAISS file now; load it on first use.

    The open handle keeps the file readable after a rebuild deletes its build folder, so a
    ``Searcher`` opened before a rebuild keeps answering (issue #8).
    """
    try:
        f = open(path, "rb")
    except FileNotFoundError:
        raise IndexMismatch(f"{path.parent}: {VECTORS_NAME} is missing; run `paracite ingest` to rebuild the index") from None
    except OSError as e:
        raise IndexMismatch(f"{path.parent}: {VECTORS_NAME} cannot be read ({e.strerror}); "
                            "run `paracite ingest` to rebuild the index") from None
    vf = VectorFile(path, f, expected_rows, dimension)
    try:
        vf.check_header()
    except BaseException:
        f.close()
        raise
    return vf


# A flat FAISS index file: fourcc, d (int32), ntotal (int64), two int64 placeholders,
# is_trained (uint8), metric (int32), then the float count (uint64) and the floats.
_FLAT_HEADER = struct.Struct("<4siqqqBiQ")
_FLAT_KINDS = (b"IxFI", b"IxF2")


class VectorFile:
    """A checked, open FAISS file whose contents are read once, on first use."""

    def __init__(self, path: Path, handle, expected_rows: int, dimension: int):
        self.path = path
        self._f = handle
        self.expected_rows = expected_rows
        self.dimension = dimension
        self._index = None

    def _damaged(self, why: str) -> IndexMismatch:
        return IndexMismatch(f"{self.path.parent}: {VECTORS_NAME} is damaged ({why}); "
                             "run `paracite ingest` to rebuild the index")

    def check_header(self) -> None:
        """Refuse a truncated or foreign file before FAISS parses it (cheap: one small read)."""
        size = os.fstat(self._f.fileno()).st_size
        head = os.pread(self._f.fileno(), _FLAT_HEADER.size, 0)
        if len(head) < _FLAT_HEADER.size:
            raise self._damaged(f"{size} bytes, too short")
        kind, d, ntotal, _, _, _, _, nfloats = _FLAT_HEADER.unpack(head)
        if kind not in _FLAT_KINDS:
            return  # another FAISS index type: FAISS checks it when loading
        if (d, ntotal) != (self.dimension, self.expected_rows):
            raise IndexMismatch(
                f"{self.path.parent}: {VECTORS_NAME} holds {ntotal}×{d} vectors, expected "
                f"{self.expected_rows}×{self.dimension}; run `paracite ingest` to rebuild the index")
        expected = _FLAT_HEADER.size + 4 * d * ntotal
        if nfloats != d * ntotal or size != expected:
            raise self._damaged(f"{size} bytes, expected {expected}")

    def load(self):
        """The FAISS index (read from the open handle the first time, then kept)."""
        if self._index is None:
            import faiss

            self._f.seek(0)
            data = self._f.read()
            try:
                index = faiss.deserialize_index(np.frombuffer(data, dtype="uint8"))
            except Exception:
                raise self._damaged("FAISS cannot read it") from None
            if index.ntotal != self.expected_rows or index.d != self.dimension:
                raise IndexMismatch(
                    f"{self.path.parent}: {VECTORS_NAME} holds {index.ntotal}×{index.d} vectors, expected "
                    f"{self.expected_rows}×{self.dimension}; run `paracite ingest` to rebuild the index")
            self._index = index
            self.close()
        return self._index

    def close(self) -> None:
        self._f.close()
