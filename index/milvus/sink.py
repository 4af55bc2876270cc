"""Writing a build's vectors and chunk records to Milvus instead of FAISS (issue #17).

A build writes new collections named for the build; the index folder's ``current`` swap then
makes them the served ones, and ``activate`` points the aliases (``<prefix>_chunks``,
``<prefix>_sentences``, for other readers of the cluster) at them. A killed ingest leaves the
served collections untouched; its half-written collections are dropped by the next ingest. The
previous build's collections are kept one generation, as the previous build folder is, so a
``Searcher`` opened on it keeps working; older ones are dropped.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Sequence

import numpy as np

from paracite.errors import IngestError

from .collections import (BATCH, chunk_records, chunk_schema, index_kind, insert_batches, sentence_records,
                          sentence_schema, vector_index)
from .connect import ROLES, collection_prefix, connect, normalise_uri
from .tokens import TOKENIZE


class MilvusSink:
    """Receives a build's chunks, vectors and sentence vectors; writes them as Milvus collections."""

    def __init__(self, uri: str, index_dir: Path):
        self.uri = normalise_uri(uri)
        self.prefix = collection_prefix(index_dir)
        tag = f"b{time.time_ns()}"
        self.names = {role: f"{self.prefix}_{role}_{tag}" for role in ROLES}
        self.aliases = {role: f"{self.prefix}_{role}" for role in ROLES}
        self._sentences: tuple[list, np.ndarray] | None = None
        self._client = None

    def keep_sentences(self, rows: Sequence[tuple[int, int, int]], vectors: np.ndarray) -> None:
        """The build's sentence spans (chunk row id, start, end) and their vectors."""
        self._sentences = (list(rows), vectors)

    def write(self, documents: Sequence, chunks: Sequence, vectors: np.ndarray) -> dict:
        """Create and fill this build's collections; return the manifest's ``backend`` entry."""
        try:
            return self._write(documents, chunks, vectors)
        except IngestError:
            raise
        except Exception as e:  # pymilvus's own errors, a lost connection
            why = str(e).splitlines()[0][:300] if str(e) else type(e).__name__
            raise IngestError(f"Milvus at {self.uri}: cannot write the collections ({why}); "
                              "the served index is unchanged") from None

    def _write(self, documents: Sequence, chunks: Sequence, vectors: np.ndarray) -> dict:
        client = self._connect()
        self._drop_stale(keep=set(self._served()))
        dim = int(vectors.shape[1])
        titles = {d.symbol: d.title for d in documents}
        sources = {d.symbol: d.source for d in documents}
        client.create_collection(self.names["chunks"], schema=chunk_schema(dim),
                                 index_params=vector_index(client, len(chunks), sparse=True))
        insert_batches(client, self.names["chunks"], (
            chunk_records(chunks[i:i + BATCH], titles, sources, vectors[i:i + BATCH], i)
            for i in range(0, len(chunks), BATCH)))
        rows, svecs = self._sentences or ([], np.zeros((0, dim), dtype="float32"))
        symbols = [c.symbol for c in chunks]
        client.create_collection(self.names["sentences"], schema=sentence_schema(dim),
                                 index_params=vector_index(client, len(rows), sparse=False))
        insert_batches(client, self.names["sentences"], (
            sentence_records(rows[i:i + BATCH], symbols, svecs[i:i + BATCH], i) for i in range(0, len(rows), BATCH)))
        return {"kind": "milvus", "uri": self.uri, "collections": dict(self.names), "aliases": dict(self.aliases),
                "chunk_index": index_kind(len(chunks)), "sentence_index": index_kind(len(rows)),
                "sentences": len(rows), "bm25_tokenizer": TOKENIZE}

    def activate(self) -> None:
        """Point the aliases at this build's collections; drop all but this and the previous build's."""
        client = self._connect()
        previous = set(self._served())
        for role in ROLES:
            alias, name = self.aliases[role], self.names[role]
            if alias in previous_aliases(client, self.prefix):
                client.alter_alias(collection_name=name, alias=alias)
            else:
                client.create_alias(collection_name=name, alias=alias)
        self._drop_stale(keep=previous | set(self.names.values()))
        self.close()

    def abort(self) -> None:
        """Drop this build's collections (the ingest failed); the served ones stay."""
        try:
            client = self._client or self._connect()
            for name in self.names.values():
                if client.has_collection(name):
                    client.drop_collection(name)
        except Exception:
            pass  # the next ingest drops them
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _connect(self):
        if self._client is None:
            self._client = connect(self.uri, for_ingest=True)
        return self._client

    def _served(self) -> list[str]:
        """The collections the aliases point at now (the served build's)."""
        client = self._connect()
        out = []
        for alias in previous_aliases(client, self.prefix):
            try:
                out.append(client.describe_alias(alias)["collection_name"])
            except Exception:
                continue
        return out

    def _drop_stale(self, keep: set[str]) -> None:
        client = self._connect()
        for name in client.list_collections():
            if name.startswith(self.prefix + "_") and name not in keep and name not in self.names.values():
                try:
                    for alias in client.list_aliases(collection_name=name).get("aliases", []):
                        client.drop_alias(alias)
                    client.drop_collection(name)
                except Exception as e:
                    raise IngestError(f"Milvus at {self.uri}: cannot drop the stale collection {name} ({e})") from None


def previous_aliases(client, prefix: str) -> list[str]:
    """This index's aliases that exist on the server."""
    wanted = {f"{prefix}_{role}" for role in ROLES}
    try:
        found = client.list_aliases().get("aliases", [])
    except Exception:
        found = []
    return [a for a in found if a in wanted]
