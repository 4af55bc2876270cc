"""How close each chunk lies to everything else: its hubness, computed once per build (issue #12).

In a library some paragraphs sit near many others in the embedding space: framing and boilerplate
("The present report is submitted pursuant to ...", an agenda's "may wish to take note"), and the
generic paragraphs of long reports on common subjects. Their vectors come close to any query on
the subject, so they outrank the paragraph that answers it. A chunk's hubness is the mean cosine
of its vector with its ``NEIGHBOURS`` nearest chunk vectors, z-scored over the build; search
takes a little of it off (``search.head_rerank``).

Every ingest writes a whole build from the cached embeddings (``index.build``), so the table is
recomputed with the vectors and is current after an incremental ingest too. Cost: one pass of
matrix products over the chunk vectors (about 1 s for 6,000 chunks on one core); above
``REFERENCE`` chunks the neighbours are looked for among a fixed sample of that many, with the
count scaled down, so a build of 100,000 chunks costs what one of 20,000 does per chunk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

NEIGHBOURS = 20
REFERENCE = 20_000
_BLOCK = 1024


def hubness(vectors: np.ndarray, neighbours: int = NEIGHBOURS, reference: int = REFERENCE) -> np.ndarray:
    """Each row's mean cosine with its nearest other rows (vectors are unit length), z-scored over
    the rows; zeros when there are fewer than three rows."""
    vectors = np.asarray(vectors, dtype="float32")
    n = len(vectors)
    if n < 3:
        return np.zeros(n)
    ref = np.arange(n) if n <= reference else np.sort(np.random.default_rng(0).choice(n, reference, replace=False))
    k = max(1, min(round(neighbours * len(ref) / n), len(ref) - 1))
    out = np.zeros(n)
    for a in range(0, n, _BLOCK):
        sims = vectors[a:a + _BLOCK] @ vectors[ref].T
        rows, cols = np.nonzero(ref[None, :] == np.arange(a, a + len(sims))[:, None])
        sims[rows, cols] = -np.inf  # not its own neighbour
        out[a:a + len(sims)] = np.partition(sims, len(ref) - k, axis=1)[:, len(ref) - k:].mean(1)
    sd = out.std()
    return (out - out.mean()) / sd if sd > 1e-12 else np.zeros(n)


def write_hubness(db_path: Path, ids, values: np.ndarray) -> None:
    """The ``hubness`` table: chunk id → z-scored hubness."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("CREATE TABLE hubness (chunk_id INTEGER PRIMARY KEY, z REAL NOT NULL)")
        con.executemany("INSERT INTO hubness VALUES (?, ?)", [(int(i), float(v)) for i, v in zip(ids, values)])
        con.commit()
    finally:
        con.close()
