"""Changing the served Milvus collections document by document (issue #17, incremental ingest).

``updatable`` decides whether the served build's collections can take an in-place update (same
URI and index, same model and format, ids laid out by ``layout``); ``delete_dead`` removes the
rows no manifest serves any more (a killed ingest's, and the documents the served build dropped);
``live_counts`` checks that the collections hold exactly what the served manifest says;
``insert_fresh`` writes the new and changed documents' rows in batches, then flushes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from paracite.errors import ParaciteError

from .collections import BATCH, chunk_records, insert_batches, sentence_records
from .layout import Layout, dead_expression, live_expressions


def updatable(index_dir: Path, uri: str, prefix: str) -> dict | None:
    """The served build's backend entry, documents and counts, if an ingest may update its
    collections in place; ``None`` when the collections must be written anew."""
    from index import embed
    from index.build import current_build
    from index.manifest import Manifest

    try:
        m = Manifest.read(current_build(index_dir))
    except ParaciteError:
        return None  # first ingest, or an unreadable or older-format index
    b = m.backend
    if (b.get("kind") != "milvus" or b.get("uri") != uri or "next_chunk" not in b or "next_sentence" not in b
            or m.model != embed.MODEL_NAME or m.dimension != embed.DIMENSION or m.model_files != embed.model_files()
            or not all(str(n).startswith(prefix + "_") for n in (b.get("collections") or {}).values())):
        return None
    return {**b, "chunks": m.chunks, "sentences": int(b.get("sentences", 0)), "documents": m.documents,
            "collections": dict(b["collections"])}


def delete_dead(client, names: dict, base: dict) -> None:
    """Delete the rows above the served counters and in its stale ranges (idempotent)."""
    stale = base.get("stale") or {}
    for role, limit, ranges in (("chunks", base["next_chunk"], stale.get("chunks", [])),
                                ("sentences", base["next_sentence"], stale.get("sentences", []))):
        client.load_collection(names[role])
        client.delete(names[role], filter=dead_expression(int(limit), ranges))


def live_counts(client, names: dict, base: dict) -> tuple[int, int]:
    """How many chunk and sentence rows the served manifest's live ranges hold."""
    live = live_expressions(base)
    out = []
    for role, expr in zip(("chunks", "sentences"), live):
        res = client.query(names[role], filter=expr, output_fields=["count(*)"], consistency_level="Strong")
        out.append(int(res[0]["count(*)"]) if res else 0)
    return out[0], out[1]


def insert_fresh(client, names: dict, layout: Layout, chunks: Sequence, vectors: np.ndarray,
                 rows: Sequence[tuple[int, int, int]], svecs: np.ndarray, titles: dict, sources: dict) -> None:
    """Insert the rows of the documents ``layout`` gave fresh ids, in batches; flush each collection."""
    fc = layout.fresh_chunks
    insert_batches(client, names["chunks"], (
        chunk_records([chunks[i] for i in fc[at:at + BATCH]], titles, sources, vectors[fc[at:at + BATCH]],
                      layout.chunk_ids[fc[at:at + BATCH]])
        for at in range(0, len(fc), BATCH)))
    fs = layout.fresh_sentences
    symbols = {int(layout.chunk_ids[i]): chunks[i].symbol for i in fc}
    insert_batches(client, names["sentences"], (
        sentence_records([rows[i] for i in fs[at:at + BATCH]], symbols, svecs[fs[at:at + BATCH]],
                         layout.sentence_ids[fs[at:at + BATCH]])
        for at in range(0, len(fs), BATCH)))
