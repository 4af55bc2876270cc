"""The head of a library ranking, re-ordered by its document's evidence and the chunk's hubness.

About half of what the ranking loses in a library is the wrong document (issue #12: ranking
within the judged document alone would lift the dev queries from 0.845 to 0.874 MRR@10). Two
corrections, applied to the best ``HEAD`` chunks of the fused ranking:

- **The document's best chunk.** A chunk whose own document holds no strong candidate is a
  stray match (one paragraph of an unrelated report that shares the query's subject); one whose
  document also holds the best candidate is where the answer is likely to be. Each chunk gains
  ``DOC_BEST_WEIGHT`` × (its document's best fused score − the best fused score overall): 0 for
  the leading document's chunks, negative for the others, in the fused ranking's z units.
- **Hubness** (``index.hubness``): a chunk whose vector lies near many other chunks (framing,
  boilerplate, generic paragraphs of long reports) loses ``HUB_WEIGHT`` × its z-scored hubness,
  and an unusually specific one gains as much.

The weights are a listwise model fitted on the dev halves of every library query set together,
each document's queries held out in turn (``bench/learned_rank.py``: leave-one-document-out,
L2 0.3; weights fitted on all of them, rounded). Cross-validated, at 3e46f5a on the 73-document
library: every dev set rose or stayed (docs/retrieval-log.md). Cost: a few array operations over
50 candidates per query, and one table read when an index is first searched.
"""

from __future__ import annotations

import numpy as np

#: How many of the best chunks are re-ordered; the rest keep their order below them.
HEAD = 50
DOC_BEST_WEIGHT = 0.37
HUB_WEIGHT = 0.13


def rerank_head(final: np.ndarray, fused: np.ndarray, documents: np.ndarray, hub: np.ndarray | None,
                head: int = HEAD) -> np.ndarray:
    """``final`` (the ranking's scores) with its best ``head`` corrected and kept above the rest.

    ``fused``: the fused scores before the kind prior and the per-document step; ``documents``:
    each candidate's document number; ``hub``: each candidate's z-scored hubness (None: none
    stored, no correction for it).
    """
    final = np.asarray(final, dtype="float64")
    if len(final) < 2:
        return final
    top = np.argpartition(-final, head - 1)[:head] if len(final) > head else np.arange(len(final))
    docs, h = np.asarray(documents)[top], np.asarray(fused, dtype="float64")[top]
    uniq, inv = np.unique(docs, return_inverse=True)
    best = np.full(len(uniq), -np.inf)
    np.maximum.at(best, inv, h)
    bonus = DOC_BEST_WEIGHT * (best[inv] - h.max())
    if hub is not None:
        bonus = bonus - HUB_WEIGHT * np.asarray(hub, dtype="float64")[top]
    out = final.copy()
    out[top] = final[top] + bonus
    rest = np.ones(len(final), dtype=bool)
    rest[top] = False
    if rest.any():
        over = out[rest].max() - out[top].min()
        if over >= 0:  # the tail stays below the head, in its own order
            out[rest] -= over + 1e-6
    return out
