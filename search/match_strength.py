"""Whether a hit is a weak match: absolute evidence that it treats the query, not its rank.

The ranking score is z-scored over the candidates the filters leave (``search.fusion``), so
under a tight filter (``--doc``, ``--body``, dates) the best of a few documents that do not
treat the query's subject still scores 2 or 3, like a good match in the whole library. Three
measures do not move with the filters: the cosine of the hit's best sentence with the query;
the best such cosine anywhere in the index (one look-up in the sentence index; on Milvus, over
the unfiltered dense ranking's top five); and
the share of the query's content words the hit holds, each weighted by its rarity
(``Ranker.strengths``). A hit is **weak** when it holds few of the query's words and its best
sentence is either far from the query or well below what the index offers elsewhere. The second
arm matters for a paraphrase ("cost of sending money home"): its right paragraph shares few words
and has a cosine near 0.4, but nothing in the index does better, so it is not weak.

Calibrated on the dev halves of the library query sets (``/work/libindex_r18``, 73 documents,
sixteenth session, docs/user-audit-log.md; the rule reads no labels): each of 301 queries searched
with ``--doc`` narrowed once to the document it was written on ("matched") and once to another
document drawn at random ("unmatched"); the top hit's measures (5th / 50th / 95th percentiles):

==================================  =====================  =====================
top hit                             matched                unmatched
==================================  =====================  =====================
best sentence cosine                0.494 / 0.698 / 0.872  0.164 / 0.334 / 0.513
index's best cosine minus the hit's 0.000 / 0.000 / 0.137  0.157 / 0.394 / 0.594
words held (rarity-weighted)        0.235 / 0.802 / 1.000  0.000 / 0.090 / 0.381
ranking score                       1.80 / 3.75 / 7.23     1.25 / 2.28 / 3.84
weak by this rule                   0 of 301               287 of 301 (95%)
==================================  =====================  =====================

On the held-out halves (221 queries, run once after the rule was fixed): 3 matched (1.4%) and
207 unmatched (94%) weak. No score threshold splits the two: 80% of the matched and 39% of the unmatched score 2.5 or
more. The cosine alone below 0.45 (with the words) flags 3 matched and 262 unmatched; a gap of
0.1 instead of 0.15 flags 6 matched.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

#: A best sentence below this cosine is far from the query.
FAR_COSINE = 0.4
#: ... and so is one this far below the best sentence of the whole index.
BELOW_BEST = 0.15
#: Only a hit holding less than this share of the query's (rarity-weighted) words can be weak.
WEAK_WORDS = 0.5
#: Without a local sentence index, the best sentence is looked for among this many chunks of the
#: unfiltered dense ranking.
REFERENCE_DEPTH = 5


def is_weak(cosine: float, words: float, best: float) -> bool:
    """A hit holding few of the query's words whose best sentence is far from the query or well
    below ``best``, the best sentence cosine the index holds for it."""
    return words < WEAK_WORDS and (cosine < FAR_COSINE or cosine < best - BELOW_BEST)


def weak_rows(ranker, query: str, rows: Sequence[int]) -> set[int]:
    """The row ids among ``rows`` that are weak matches for ``query`` (``ranker.strengths``)."""
    if not rows:
        return set()
    best = ranker.best_cosine(query)
    reference = [] if best is not None else \
        [i for i, _ in ranker.rank(query, "dense", None, REFERENCE_DEPTH, limit=REFERENCE_DEPTH)]
    measured = ranker.strengths(query, list(rows) + reference)
    if best is None:  # no local sentence index (Milvus): the best of the dense ranking's head
        best = max((measured[i][0] for i in reference), default=0.0)
    best = max([best] + [measured[i][0] for i in rows])
    return {i for i in rows if is_weak(measured[i][0], measured[i][1], best)}


def marked(ranker, query: str, hits: Sequence) -> tuple:
    """``hits`` with ``weak`` measured against ``query`` itself: an answer's closest paragraphs come
    from several searches (the question reworded, less its subject, in BM25), each of which measured
    its hits against its own words."""
    weak = weak_rows(ranker, query, [h.chunk_id for h in hits if h.chunk_id is not None])
    return tuple(replace(h, weak=h.chunk_id in weak) if h.chunk_id is not None else h for h in hits)
