"""A build's rows from cache entries: documents in source order, their vectors and sentences.

Row ids are positions: chunk row N is vector N, and sentence rows point at chunk rows, so the
entries' local numbering is shifted as documents are laid end to end. Two files with one symbol
(a re-issue, a copy) keep the first; the second is noted, not indexed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ingest.models import Document

from .cache import Cache


@dataclass
class Assembled:
    """Everything a build writes, in row order."""

    documents: list[Document] = field(default_factory=list)
    origins: list[tuple[str, str]] = field(default_factory=list)  # (file, cache key) per document
    vector_parts: list[np.ndarray] = field(default_factory=list)
    sentence_rows: list[tuple[int, int, int]] = field(default_factory=list)
    sentence_parts: list[np.ndarray] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def vectors(self, dimension: int) -> np.ndarray:
        return _stack(self.vector_parts, dimension)

    def sentence_matrix(self, dimension: int) -> np.ndarray:
        return _stack(self.sentence_parts, dimension)


def _stack(parts: list[np.ndarray], dimension: int) -> np.ndarray:
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.zeros((0, dimension), dtype="float32")
    return np.ascontiguousarray(np.concatenate(parts), dtype="float32")


def assemble(keys: list[tuple[str, str]], cache: Cache) -> Assembled:
    """Lay the cached documents of ``keys`` end to end, first symbol wins."""
    out = Assembled()
    seen: dict[str, tuple[str, str]] = {}  # symbol -> (file, cache key) it is indexed from
    rows = 0
    for file, key in keys:
        entry = cache.load(key)
        if entry is None:
            out.notes.append(f"{file}: its cached copy vanished during the build; ingest it again")
            continue
        first = 0
        for doc in entry.documents:
            last = first + len(doc.chunks)
            if doc.symbol in seen:
                out.notes.append(_kept_note(file, key, doc.symbol, *seen[doc.symbol]))
                first = last
                continue
            seen[doc.symbol] = (file, key)
            out.documents.append(doc)
            out.origins.append((file, key))
            out.vector_parts.append(entry.vectors[first:last])
            picked = [i for i, (c, _, _) in enumerate(entry.sentences) if first <= c < last]
            out.sentence_rows.extend((rows + entry.sentences[i][0] - first, *entry.sentences[i][1:]) for i in picked)
            out.sentence_parts.append(entry.sentence_vectors[picked])
            rows += len(doc.chunks)
            first = last
    return out


def _kept_note(file: str, key: str, symbol: str, kept_file: str, kept_key: str) -> str:
    """Why ``file``'s document is not indexed; for a file whose text differs (a newer version added
    with ``add`` from another folder, which silently stayed the old one), how to index it instead."""
    note = f"{file}: {symbol} is indexed already from {kept_file}; kept that one"
    if key == kept_key:
        return note
    return (f"{note}, though this file's text differs (to index this one instead: `paracite remove {symbol}`, "
            f"then add it; or `ingest` its folder without the other file)")
