"""Near-identical chunks shown once, with every citation kept (issue #12).

A library repeats itself: a letter and the identical letters sent to other organs, a report and
its addendum, an agenda's "The Executive Board may wish to adopt a decision on this item." under
every item. Ten hits that say the same thing five times hide the other five answers. A ranked
chunk whose vector and words match a chunk ranked above it joins that hit as one more citation
(``Hit.also``) instead of taking a place of its own.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

import numpy as np

#: Cosine of two chunk vectors above which their words are compared.
VECTOR_SIMILARITY = 0.98
#: Share of distinct words two chunks must share (Jaccard) to be the same text.
WORD_OVERLAP = 0.9
#: How far down the ranking duplicates are looked for, in multiples of k.
DEPTH = 3

_WORD = re.compile(r"\w+")


def same_words(a: str, b: str, overlap: float = WORD_OVERLAP) -> bool:
    """Whether two texts use nearly the same words (case-insensitive Jaccard of word sets)."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not wa or not wb:
        return a.strip() == b.strip()
    return len(wa & wb) / len(wa | wb) >= overlap


def collapse(ranked: Sequence[tuple[int, float]], k: int, vectors: Callable[[np.ndarray], np.ndarray],
             texts: Callable[[list[int]], dict[int, str]]) -> list[tuple[int, float, tuple[int, ...]]]:
    """The first ``k`` distinct chunks of ``ranked``: (row id, score, row ids of its duplicates).

    Duplicates are looked for down to ``DEPTH × k`` places, or further while fewer than ``k``
    distinct chunks are found.

    Args:
        ranked: (row id, score) best first.
        k: how many distinct chunks to return.
        vectors: unit vectors of the given row ids (one row each).
        texts: the text of each given row id.
    """
    kept: list[tuple[int, float, list[int]]] = []
    kept_vecs = np.zeros((0, 0), dtype="float32")
    cache: dict[int, str] = {}

    def text(i: int) -> str:
        if i not in cache:
            cache.update(texts([i]))
        return cache.get(i, "")

    window = max(1, DEPTH * k)
    for start in range(0, len(ranked), window):
        if len(kept) >= k and start >= window:
            break
        batch = ranked[start:start + window]
        vecs = vectors(np.array([i for i, _ in batch], dtype="int64"))
        for (rowid, score), v in zip(batch, vecs):
            sims = kept_vecs @ v if len(kept) else np.zeros(0)
            twin = next((p for p in np.flatnonzero(sims >= VECTOR_SIMILARITY)
                         if same_words(text(int(rowid)), text(kept[p][0]))), None)
            if twin is not None:
                kept[twin][2].append(int(rowid))
            elif len(kept) < k:
                kept.append((int(rowid), float(score), []))
                kept_vecs = np.vstack([kept_vecs, v[None, :]]) if len(kept) > 1 else v[None, :].copy()
    return [(i, s, tuple(d)) for i, s, d in kept]
