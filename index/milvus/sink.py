"""Writing a build's vectors and chunk records to Milvus instead of FAISS (issue #17).

The first build (and one after a model or format change) writes new collections named for the
build; the index folder's ``current`` swap then makes them the served ones, and ``activate``
points the aliases (``<prefix>_chunks``, ``<prefix>_sentences``, for other readers of the
cluster) at them. A killed ingest leaves the served collections untouched; its half-written
collections are dropped by the next ingest. The previous build's collections are kept one
generation, as the previous build folder is, so a ``Searcher`` opened on it keeps working.

Later ingests change the served collections in place, document by document (``update``): rows
of new and changed documents are inserted under fresh ids (``layout``) and flushed *before* the
new manifest is swapped in; rows of removed and changed documents are only excluded by the new
manifest and deleted by the next ingest. So the served manifest always describes the rows it
searches, whenever the ingest is killed.
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
from .layout import Layout, plan
from .tokens import TOKENIZE
from .update import delete_dead, insert_fresh, live_counts, updatable


class MilvusSink:
    """Receives a build's chunks, vectors and sentence vectors; writes them as Milvus collections."""

    def __init__(self, uri: str, index_dir: Path):
        self.uri = normalise_uri(uri)
        self.prefix = collection_prefix(index_dir)
        tag = f"b{time.time_ns()}"
        self.names = {role: f"{self.prefix}_{role}_{tag}" for role in ROLES}
        self.aliases = {role: f"{self.prefix}_{role}" for role in ROLES}
        self.index_dir = Path(index_dir)
        self._sentences: tuple[list, np.ndarray] | None = None
        self._client = None
        self.layout: Layout | None = None
        self.base: dict | None = None  # the served build's backend entry and counts, when updating it
        self.incremental = False  # True once ``write`` has changed the served collections in place

    def plan(self, documents: Sequence, keys: Sequence[str], sentence_rows: Sequence[tuple[int, int, int]]) -> Layout:
        """The row ids of the build: those of the served build's unchanged documents kept when its
        collections can be updated in place, positions otherwise."""
        self.base = updatable(self.index_dir, self.uri, self.prefix)
        previous = self.base["documents"] if self.base else None
        counters = (self.base["next_chunk"], self.base["next_sentence"]) if self.base else (0, 0)
        self.layout = plan(documents, list(keys), sentence_rows, previous, counters)
        if self.base and (index_kind(len(self.layout.chunk_ids)) != self.base["chunk_index"]
                          or index_kind(len(self.layout.sentence_ids)) != self.base["sentence_index"]):
            self.base = None  # grown past the exact-search size: a new HNSW index is built
            self.layout = plan(documents, list(keys), sentence_rows, None)
        return self.layout

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
        layout = self.layout or plan(documents, [""] * len(documents), self._sentences[0] if self._sentences else [], None)
        dim = int(vectors.shape[1])
        rows, svecs = self._sentences or ([], np.zeros((0, dim), dtype="float32"))
        titles = {d.symbol: d.title for d in documents}
        sources = {d.symbol: d.source for d in documents}
        if self.base is not None and self._in_place(client):
            insert_fresh(client, self.names, layout, chunks, vectors, rows, svecs, titles, sources)
            self.incremental = True
        else:
            self._drop_stale(keep=set(self._served()))
            client.create_collection(self.names["chunks"], schema=chunk_schema(dim),
                                     index_params=vector_index(client, len(chunks), sparse=True))
            ids = layout.chunk_ids
            insert_batches(client, self.names["chunks"], (
                chunk_records(chunks[i:i + BATCH], titles, sources, vectors[i:i + BATCH], ids[i:i + BATCH])
                for i in range(0, len(chunks), BATCH)))
            symbols = {int(i): c.symbol for i, c in zip(ids, chunks)}
            client.create_collection(self.names["sentences"], schema=sentence_schema(dim),
                                     index_params=vector_index(client, len(rows), sparse=False))
            sids = layout.sentence_ids
            insert_batches(client, self.names["sentences"], (
                sentence_records(rows[i:i + BATCH], symbols, svecs[i:i + BATCH], sids[i:i + BATCH])
                for i in range(0, len(rows), BATCH)))
        return {"kind": "milvus", "uri": self.uri, "collections": dict(self.names), "aliases": dict(self.aliases),
                "chunk_index": index_kind(len(chunks)), "sentence_index": index_kind(len(rows)),
                "sentences": len(rows), "bm25_tokenizer": TOKENIZE,
                "next_chunk": layout.next_chunk, "next_sentence": layout.next_sentence, "stale": layout.stale,
                "update": "in place" if self.incremental else "new collections"}

    def _in_place(self, client) -> bool:
        """Prepare the served collections for an in-place update: delete a killed ingest's rows
        and the stale ones, then check they hold exactly the rows the served manifest says
        (otherwise, e.g. after rows were lost, the collections are written anew)."""
        base = self.base
        names = base["collections"]
        if not all(client.has_collection(n) for n in names.values()):
            return False
        delete_dead(client, names, base)
        if live_counts(client, names, base) != (base["chunks"], base["sentences"]):
            return False
        self.names = dict(names)
        return True

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
        """Drop this build's collections (the ingest failed), or, after an in-place update, the
        rows it inserted; the served ones stay."""
        try:
            client = self._client or self._connect()
            if self.incremental or (self.base and self.names == self.base["collections"]):
                delete_dead(client, self.names, {**self.base, "stale": {}})
            else:
                for name in self.names.values():
                    if client.has_collection(name):
                        client.drop_collection(name)
        except Exception:
            pass  # the next ingest drops them (in place: the served manifest never sees them)
        self.close()

    def check(self) -> None:
        """Reach Milvus before any file is read: a wrong address or a Milvus Lite folder held by
        another process is said at once, not after the whole library was parsed and embedded."""
        self._connect()
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
