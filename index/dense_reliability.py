"""How well each document's own sentences find their own paragraphs by embedding (issue #12).

In a library the dense side is strong on some documents and weak on others (held out, unseen
documents: dense MRR@10 0.61 against BM25 0.83), and which is which depends on the documents,
not on the queries alone: lists of statements, tables of names and formulaic paragraphs look
alike to a sentence embedding while their words still tell them apart. This measures it without
labels, from the index's own text: each sentence of a paragraph of two or more sentences is a
pseudo-query, and its paragraph (the normalised sum of the paragraph's *other* sentence vectors)
must be found among every paragraph's sentence sum. A document's reliability is the mean
reciprocal rank of its sentences; search gives BM25 a little more weight in a document below
the index's mean and a little less above it (``search.fusion.bm25_scale``).

On the 73-document library (dev query sets, per document): the lower a document's reliability,
the more BM25 alone beats dense alone on its queries (Spearman 0.34 over 45 documents).

Computed at ingest from the stored vectors, like the hubness, so an incremental ingest keeps it
current. Cost: one matrix product of the sentence vectors with the paragraph sums (about 2 s
for 15,000 sentences and 6,500 chunks on one core); above ``REFERENCE`` sentences or chunks a
fixed sample of that many is used, and a rank among a sample of chunks is scaled up.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

REFERENCE = 20_000
_BLOCK = 1024


def sentence_ranks(sentences: np.ndarray, chunk_of: np.ndarray, n_chunks: int,
                   reference: int = REFERENCE) -> tuple[np.ndarray, np.ndarray]:
    """(positions of the sentences measured, reciprocal rank of each one's own paragraph).

    ``sentences``: unit sentence vectors; ``chunk_of``: each sentence's chunk position (0 ..
    ``n_chunks`` − 1). Only sentences of chunks with two or more sentences are measured.
    """
    sentences = np.asarray(sentences, dtype="float32")
    chunk_of = np.asarray(chunk_of, dtype="int64")
    if not len(sentences) or n_chunks < 2:
        return np.zeros(0, dtype="int64"), np.zeros(0)
    sums = np.zeros((n_chunks, sentences.shape[1]), dtype="float32")
    np.add.at(sums, chunk_of, sentences)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    context = sums / np.where(norms > 1e-9, norms, 1.0)
    rng = np.random.default_rng(0)
    measured = np.flatnonzero(np.bincount(chunk_of, minlength=n_chunks)[chunk_of] >= 2)
    if len(measured) > reference:
        measured = np.sort(rng.choice(measured, reference, replace=False))
    ref = np.arange(n_chunks) if n_chunks <= reference else np.sort(rng.choice(n_chunks, reference, replace=False))
    scale = n_chunks / len(ref)
    rr = np.zeros(len(measured))
    for a in range(0, len(measured), _BLOCK):
        rows = measured[a:a + _BLOCK]
        own = chunk_of[rows]
        target = sums[own] - sentences[rows]
        target /= np.maximum(np.linalg.norm(target, axis=1, keepdims=True), 1e-9)
        mine = (sentences[rows] * target).sum(1)
        sims = sentences[rows] @ context[ref].T
        sims[ref[None, :] == own[:, None]] = -np.inf  # its own paragraph counts once, as ``mine``
        rr[a:a + len(rows)] = 1.0 / (1.0 + scale * (sims > mine[:, None]).sum(1))
    return measured, rr


def document_reliability(symbols: list[str], sentences: np.ndarray, chunk_of: np.ndarray) -> dict[str, tuple[float, int]]:
    """symbol → (mean reciprocal rank of its measured sentences, how many); ``symbols`` holds
    each chunk's document, by chunk position. Documents with no measured sentence are left out."""
    measured, rr = sentence_ranks(sentences, chunk_of, len(symbols))
    out: dict[str, list[float]] = {}
    for pos, value in zip(np.asarray(chunk_of)[measured], rr):
        out.setdefault(symbols[int(pos)], []).append(float(value))
    return {s: (float(np.mean(v)), len(v)) for s, v in out.items()}


def write_reliability(db_path: Path, values: dict[str, tuple[float, int]]) -> None:
    """The ``dense_reliability`` table: document symbol → mean reciprocal rank, sentences measured."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("CREATE TABLE dense_reliability (symbol TEXT PRIMARY KEY, rr REAL NOT NULL, "
                    "sentences INTEGER NOT NULL)")
        con.executemany("INSERT INTO dense_reliability VALUES (?, ?, ?)",
                        [(s, rr, n) for s, (rr, n) in sorted(values.items())])
        con.commit()
    finally:
        con.close()
