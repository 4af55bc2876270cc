"""A bounded cache of what a Milvus-backed build stores per chunk (issue #17).

A row id's record never changes (an incremental ingest gives new and changed documents fresh
ids, ``index.milvus.layout``), so a chunk's vector and its sentences' vectors can be kept once
read: a warm search then asks Milvus only for candidates, not for the records
behind them. Least recently used chunks leave first.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict

import numpy as np

from index.milvus import MilvusReader

#: Chunks kept (about 8 KB each: a vector and ~4 sentence vectors): ~40 MB.
CAPACITY = 5_000


class _LRU(OrderedDict):
    def __init__(self, capacity: int):
        super().__init__()
        self.capacity = capacity

    def take(self, keys) -> list:
        """The keys not cached; those cached move to the recent end."""
        missing = []
        for key in keys:
            if key in self:
                self.move_to_end(key)
            else:
                missing.append(key)
        return missing

    def put(self, key, value) -> None:
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.capacity:
            self.popitem(last=False)


class ChunkRecords:
    """Chunk vectors and sentence vectors (from Milvus), cached."""

    def __init__(self, milvus: MilvusReader, con: sqlite3.Connection, capacity: int = CAPACITY):
        self.milvus = milvus
        self._con = con
        self._vec = _LRU(capacity)
        self._sent = _LRU(capacity)

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """Chunk vectors aligned with the sorted ``ids``."""
        missing = np.array(self._vec.take(ids.tolist()), dtype="int64")
        got = {i: v for i, v in zip(missing.tolist(), self.milvus.chunk_vectors(missing))} if len(missing) else {}
        for i, v in got.items():
            self._vec.put(i, v)
        return np.asarray([got[i] if i in got else self._vec[i] for i in ids.tolist()], dtype="float32")

    def sentences(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(owning chunk of each sentence, sentence vectors) for the chunks ``ids``."""
        missing = self._sent.take(ids.tolist())
        fetched: dict[int, list] = {i: [] for i in missing}
        if missing:
            # The local store maps chunks to their sentences' ids (the collection's primary keys).
            sids = [r[0] for r in self._con.execute(
                f"SELECT id FROM sentences WHERE chunk_id IN ({','.join(map(str, missing))})")]
            owners, vecs = self.milvus.sentence_vectors(np.array(sids, dtype="int64"))
            for o, v in zip(owners.tolist(), vecs):
                fetched[o].append(v)
        for i, vs in fetched.items():
            self._sent.put(i, np.asarray(vs, dtype="float32").reshape(len(vs), -1))
        blocks = [(i, fetched.get(i) if i in fetched else self._sent[i]) for i in ids.tolist()]
        owners = np.array([i for i, vs in blocks for _ in range(len(vs))], dtype="int64")
        vecs = [np.asarray(vs, dtype="float32").reshape(len(vs), -1) for _, vs in blocks if len(vs)]
        return owners, (np.vstack(vecs) if vecs else np.zeros((0, 0), dtype="float32"))
