"""The top ten of a ranking re-ordered so that a near-repeat of a chunk above it gives up a little.

Where the right document is found but its judged paragraph is not in the top five (issue #12,
twenty-third session: 20 of the 31 dev records whose judged paragraph misses the top five), the
places above it are often taken by paragraphs that say nearly the same thing: the same procedure
quoted under three recommendations, an agenda's items, the draft decision beside the paragraph it
restates. Each such paragraph scores as well as the first on every signal, because each signal
scores a chunk alone. Here the best ``DEPTH`` chunks are taken in turn (maximal marginal
relevance): each pick is the chunk whose score, less a penalty for its closeness to the chunks
already picked, is highest. The penalty is 0 up to a chunk-vector cosine of ``FLOOR`` and grows
linearly to ``WEIGHT`` z units at a cosine of 1, so only near-repeats move; the set of the top ten
and every score below it are unchanged (the top ten's scores are handed out again in the new
order). Near-identical texts are still folded into one hit afterwards (``search.duplicates``).

Dev halves, 635 records at 3c77997 on the 73-document library (docs/retrieval-log.md, twenty-third
session): MRR@10 0.8923 → 0.8933, R@5 0.9486 → 0.9517 (two judged paragraphs into the top five);
eight records up, one down, no set lower. A cosine floor of 0.75 moved more records both ways.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Callable, Iterator

import numpy as np

#: How many of the best chunks are re-ordered.
DEPTH = 10
#: Chunk-vector cosine from which a chunk counts as a near-repeat of one picked before it.
FLOOR = 0.8
#: What a chunk identical to one picked before it gives up (z units of the fused ranking).
WEIGHT = 2.0

#: Whether rankings re-order their top ten now. ``ask`` turns it off while it gathers evidence: it
#: reads its candidates as a set and picks the fact by its own scores, and there the re-ordering only
#: moved answers the wrong way (twenty-third session, all 980 tuning questions: two facts and one
#: refusal lost, none gained). A context variable, so a server's threads do not see each other's.
SPREADING: ContextVar[bool] = ContextVar("spreading_repeats", default=True)


@contextmanager
def repeats_left_in_place() -> Iterator[None]:
    """Rankings inside the block keep their fused order in the top ten (see ``SPREADING``)."""
    token = SPREADING.set(False)
    try:
        yield
    finally:
        SPREADING.reset(token)


def in_fused_order(fn: Callable) -> Callable:
    """``fn`` run with ``repeats_left_in_place``: for ``search.answer.answer_question``."""
    @wraps(fn)
    def run(*args, **kwargs):
        with repeats_left_in_place():
            return fn(*args, **kwargs)
    return run


def pick_order(scores: np.ndarray, similarity: np.ndarray, floor: float = FLOOR, weight: float = WEIGHT) -> np.ndarray:
    """Positions of ``scores`` in the order picked: each time the one whose score less
    ``weight × max(0, (closest cosine to those picked − floor) / (1 − floor))`` is highest (the
    first such position on a tie). ``similarity``: the candidates' pairwise cosines."""
    scores = np.asarray(scores, dtype="float64")
    left = list(range(len(scores)))
    closest = np.full(len(scores), -np.inf)
    picked = []
    while left:
        near = np.clip((closest[left] - floor) / (1 - floor), 0.0, None)
        i = left[int(np.argmax(scores[left] - weight * near))]
        picked.append(i)
        left.remove(i)
        closest = np.maximum(closest, similarity[:, i])
    return np.array(picked, dtype=int)


def spread_repeats(scores: np.ndarray, ids: np.ndarray, tie_order: np.ndarray,
                   vectors_of: Callable[[np.ndarray], np.ndarray], depth: int = DEPTH) -> np.ndarray:
    """``scores`` (aligned with ``ids``) with the best ``depth`` re-ordered by ``pick_order``:
    they keep their scores as a set, handed out best first in the picked order; the rest are
    unchanged. ``tie_order`` orders equal scores as the ranking does; ``vectors_of`` gives the
    chunk vectors (unit length) of row ids."""
    scores = np.asarray(scores, dtype="float64")
    if len(scores) < 2:
        return scores
    top = np.lexsort((tie_order, -scores))[:depth]
    vecs = np.asarray(vectors_of(np.asarray(ids)[top]), dtype="float64")
    order = pick_order(scores[top], vecs @ vecs.T)
    if np.array_equal(order, np.arange(len(top))):
        return scores
    out = scores.copy()
    values = np.sort(scores[top])[::-1]
    out[top[order]] = values - 1e-9 * np.arange(len(top))  # equal scores keep the picked order
    return out
