"""Reading an index's Milvus collections at search time: candidates, vectors by id.

``MilvusReader`` is what ``search`` asks for candidates: the best chunks by vector, by sentence
vector and by BM25, each optionally narrowed by a filter expression, and the stored vectors of
given chunks (so paracite's own scoring runs on exactly what the engine returned).
"""

from __future__ import annotations

import numpy as np

from paracite.errors import IndexMismatch

from .collections import HNSW_EF
from .connect import connect
from .layout import live_expressions

MAX_LIMIT = 16_384  # Milvus's top-k limit
ID_BATCH = 4_000  # ids per get / query call


class MilvusReader:
    """The ``chunks`` and ``sentences`` collections named by a manifest's ``backend`` entry."""

    def __init__(self, backend: dict, where: str = "the index"):
        try:
            self.uri = backend["uri"]
            self.chunks = backend["collections"]["chunks"]
            self.sentences = backend["collections"]["sentences"]
        except (KeyError, TypeError):
            raise IndexMismatch(f"{where}: the manifest's Milvus entry is incomplete; "
                                "run `paracite ingest` to rebuild the index") from None
        self.ef = {"chunks": int((backend.get("chunk_index") or {}).get("ef", HNSW_EF)),
                   "sentences": int((backend.get("sentence_index") or {}).get("ef", HNSW_EF))}
        # rows the manifest does not serve (a killed ingest's, dropped documents') stay out of every search
        self.live = dict(zip(("chunks", "sentences"), live_expressions(backend)))
        self.client = connect(self.uri)
        for name in (self.chunks, self.sentences):
            if not self.client.has_collection(name):
                self.client.close()
                raise IndexMismatch(f"{where}: Milvus at {self.uri} has no collection {name}; "
                                    "run `paracite ingest` to rebuild the index")
            self.client.load_collection(name)  # Lite and a cluster both search only loaded collections

    def dense(self, qvec: np.ndarray, limit: int, expr: str = "", *, sentences: bool = False) -> list[tuple[int, float]]:
        """(chunk row id, cosine) of the best ``limit`` chunks (or sentences: their chunks' ids;
        ``expr`` then tests ``chunk_id``)."""
        name = self.sentences if sentences else self.chunks
        limit = min(limit, MAX_LIMIT)
        ef = max(self.ef["sentences" if sentences else "chunks"], limit)
        expr = _both(self.live["sentences" if sentences else "chunks"], expr)
        res = self.client.search(name, data=[qvec[0].tolist()], anns_field="vector", limit=limit, filter=expr,
                                 output_fields=["chunk_id"] if sentences else ["id"],
                                 search_params={"metric_type": "IP", "params": {"ef": ef}})
        key = "chunk_id" if sentences else "id"
        return [(int(h["entity"][key] if sentences else h["id"]), float(h["distance"])) for h in res[0]]

    def chunk_vectors(self, ids: np.ndarray) -> np.ndarray:
        """The chunk vectors of ``ids`` (sorted row ids), aligned with them."""
        blocks = []
        for i in range(0, len(ids), ID_BATCH):
            part = ids[i:i + ID_BATCH]
            rows = self.client.get(self.chunks, ids=[int(x) for x in part], output_fields=["vector"])
            got = {int(r["id"]): r["vector"] for r in rows}
            if len(got) != len(part):
                missing = next(int(x) for x in part if int(x) not in got)
                raise IndexMismatch(f"Milvus at {self.uri}: chunk {missing} is missing from {self.chunks}; "
                                    "run `paracite ingest` to rebuild the index")
            blocks.append(np.asarray([got[int(x)] for x in part], dtype="float32"))
        return np.concatenate(blocks) if blocks else np.zeros((0, 0), dtype="float32")

    def vectors_of_sentences(self, sentence_ids: np.ndarray) -> np.ndarray:
        """The vectors of the sentences ``sentence_ids``, in that order (the page marks each hit's
        sentence closest to the query with them; a Milvus build keeps no sentence file)."""
        got: dict[int, list] = {}
        for i in range(0, len(sentence_ids), ID_BATCH):
            part = [int(x) for x in sentence_ids[i:i + ID_BATCH]]
            got.update((int(r["id"]), r["vector"]) for r in self.client.get(self.sentences, ids=part,
                                                                              output_fields=["vector"]))
        missing = [int(x) for x in sentence_ids if int(x) not in got]
        if missing:
            raise IndexMismatch(f"Milvus at {self.uri}: sentence {missing[0]} is missing from {self.sentences}; "
                                "run `paracite ingest` to rebuild the index")
        return np.asarray([got[int(x)] for x in sentence_ids], dtype="float32")

    def sentence_vectors(self, sentence_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(owning chunk id, vector) of the sentences ``sentence_ids`` (primary keys: a direct get,
        where a ``chunk_id in [...]`` filter would scan the collection)."""
        owners, vecs = [], []
        for i in range(0, len(sentence_ids), ID_BATCH):
            part = [int(x) for x in sentence_ids[i:i + ID_BATCH]]
            rows = self.client.get(self.sentences, ids=part, output_fields=["chunk_id", "vector"])
            owners += [int(r["chunk_id"]) for r in rows]
            vecs += [r["vector"] for r in rows]
        return np.asarray(owners, dtype="int64"), np.asarray(vecs, dtype="float32")

    def sentence_vectors_by_id(self, sentence_ids: np.ndarray) -> dict[int, np.ndarray]:
        """Each sentence's vector by its id (primary key; the rows come back in any order)."""
        out: dict[int, np.ndarray] = {}
        for i in range(0, len(sentence_ids), ID_BATCH):
            part = [int(x) for x in sentence_ids[i:i + ID_BATCH]]
            for r in self.client.get(self.sentences, ids=part, output_fields=["vector"]):
                out[int(r["id"])] = np.asarray(r["vector"], dtype="float32")
        return out

    def close(self) -> None:
        self.client.close()


def _both(live: str, expr: str) -> str:
    return f"({live}) and ({expr})" if live and expr else live or expr


def id_expression(ids, field: str = "id") -> str:
    """A filter expression for a set of row ids: ranges where the ids run (a document's chunks are
    consecutive, so a document filter becomes one range), an ``in`` list otherwise."""
    ids = np.unique(np.asarray(list(ids) if not isinstance(ids, np.ndarray) else ids, dtype="int64"))
    if not len(ids):
        return f"{field} < 0"
    breaks = np.flatnonzero(np.diff(ids) != 1)
    starts = np.r_[ids[0], ids[breaks + 1]]
    ends = np.r_[ids[breaks], ids[-1]]
    if len(starts) <= 32:
        return " or ".join(f"({field} >= {a} and {field} <= {b})" if a != b else f"{field} == {a}"
                           for a, b in zip(starts.tolist(), ends.tolist()))
    return f"{field} in [{','.join(map(str, ids.tolist()))}]"
