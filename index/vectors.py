"""The FAISS side of an index: one vector per chunk, inner product on unit vectors (cosine)."""

from __future__ import annotations

import os
import struct
import threading
from pathlib import Path

import numpy as np

from paracite.errors import IndexMismatch

VECTORS_NAME = "vectors.faiss"


# Exact search below this many vectors (a flat scan of 50k×384 takes ~5 ms on one core);
# HNSW above it, where a scan would dominate the query (issue #7; bench/perf_ann_scale.py).
ANN_THRESHOLD = 50_000
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 128
HNSW_EF_SEARCH = 128


def write_vectors(path: Path, vectors: np.ndarray, *, ann_threshold: int = ANN_THRESHOLD) -> dict:
    """Write the FAISS index the corpus size calls for; return its parameters for the manifest.

    Up to ``ann_threshold`` vectors: ``IndexFlatIP``, exact. Above: ``IndexHNSWFlat`` (inner
    product), whose search depth ``efSearch`` the manifest records and ``open_vectors`` applies.
    """
    import faiss

    dim = vectors.shape[1]
    if len(vectors) <= ann_threshold:
        index = faiss.IndexFlatIP(dim)
        if len(vectors):
            index.add(vectors)
        params = {"type": "IndexFlatIP"}
    else:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
        with _threads(os.cpu_count() or 1):  # building parallelizes well, unlike one query
            index.add(vectors)
        params = {"type": "IndexHNSWFlat", "M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION,
                  "efSearch": HNSW_EF_SEARCH}
    faiss.write_index(index, str(path))
    return params | {"metric": "inner_product", "ntotal": int(index.ntotal), "ann_threshold": ann_threshold}


def apply_search_params(index, params: dict | None) -> None:
    """Set the recorded search-time parameters (HNSW ``efSearch``) on a loaded index."""
    import faiss

    ef = (params or {}).get("efSearch")
    if ef and hasattr(index, "hnsw"):
        index.hnsw.efSearch = int(ef)
    # One query at a time: OpenMP threads only add overhead, and on a busy 2-core machine a
    # lot of it (measured: flat scan of 100k vectors 47 ms with 2 threads, 6 ms with 1).
    faiss.omp_set_num_threads(1)


class _threads:
    """Run a block with ``n`` OpenMP threads, then restore the previous count."""

    def __init__(self, n: int):
        self.n = n

    def __enter__(self):
        import faiss

        self.before = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(self.n)

    def __exit__(self, *exc):
        import faiss

        faiss.omp_set_num_threads(self.before)


def read_vectors(path: Path, expected_rows: int, dimension: int, params: dict | None = None):
    """Load the FAISS index, refusing one that does not match the database beside it."""
    return open_vectors(path, expected_rows, dimension, params).load()


def read_mapped(faiss, path: Path | str):
    """A FAISS index file with its vectors mapped from the file (``IO_FLAG_MMAP_IFC``) rather than
    read into memory: FAISS's own read of a 24 MB sentence index cost a fresh searcher ~18 ms CPU,
    a copy of the mapped vectors ~6 (twenty-first session). A FAISS without the flag reads it."""
    flag = getattr(faiss, "IO_FLAG_MMAP_IFC", None)
    if flag is None:
        return faiss.read_index(str(path))
    return faiss.read_index(str(path), flag)


def open_vectors(path: Path, expected_rows: int, dimension: int, params: dict | None = None) -> "VectorFile":
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
    vf = VectorFile(path, f, expected_rows, dimension, params)
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

    def __init__(self, path: Path, handle, expected_rows: int, dimension: int, params: dict | None = None):
        self.path = path
        self.params = params or {}
        self._f = handle
        self.expected_rows = expected_rows
        self.dimension = dimension
        self._index = None
        self._loading = threading.Lock()  # a server's threads may ask for the vectors at once

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
        """The FAISS index (read from the open handle the first time, then kept). One thread reads;
        the others wait for it: the first reader closes the handle, so a second read would fail."""
        if self._index is None:
            with self._loading:
                return self._load_once()
        return self._index

    def _load_once(self):
        if self._index is None:
            import faiss

            try:
                index = self._read(faiss)
            except Exception:
                raise self._damaged("FAISS cannot read it") from None
            finally:
                self.close()  # read once; a refused file is not kept open either
            if index.ntotal != self.expected_rows or index.d != self.dimension:
                raise IndexMismatch(
                    f"{self.path.parent}: {VECTORS_NAME} holds {index.ntotal}×{index.d} vectors, expected "
                    f"{self.expected_rows}×{self.dimension}; run `paracite ingest` to rebuild the index")
            apply_search_params(index, self.params)
            self._index = index
            self.close()
        return self._index

    def _read(self, faiss):
        """Read through the open handle: ``/proc/self/fd`` lets FAISS read the file itself.

        That keeps a large index (1.5 GB at 1M vectors) in memory once; reading the bytes into
        Python first and deserializing would hold it twice. A flat index's vectors are mapped from
        the file (``IO_FLAG_MMAP_IFC``), not read: the ranking copies them once, aligned.
        """
        proc = Path(f"/proc/self/fd/{self._f.fileno()}")
        if proc.exists():
            return read_mapped(faiss, proc)
        self._f.seek(0)
        return faiss.deserialize_index(np.frombuffer(self._f.read(), dtype="uint8"))

    def close(self) -> None:
        self._f.close()
