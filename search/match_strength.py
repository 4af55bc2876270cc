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

The measures come from the ranking that just ran (``Signals.sentence`` and ``Signals.words``,
seventeenth session): it has scored every candidate's sentences and looked up every word of the
query already; only a dense ranking (no words looked up) or hits it did not score are measured
afresh (``Ranker.strengths``). The flags are the same as when every hit was measured afresh
(tests/test_weak_signals.py).

A keyword-only search (``mode="bm25"``) has no query vector, and embedding the query for the flag
tripled its time (6 to 17 ms a library search). There a hit is weak when it holds less than
``KEYWORD_WEAK_WORDS`` of the query's words, rarity-weighted. Same procedure on library r19 (the
dev halves now include round 17), the bm25 top hit: words p5 / p50 / p95 0.306 / 0.803 / 1.0
matched, 0.078 / 0.183 / 0.46 unmatched; below 0.25: 6 of 332 matched (1.8%), 206 of 306
unmatched (67%); below 0.3: 16 and 246; the cosine rule on the same hits (query embedded): 24 and
293. Held out, run once after 0.25 was fixed: 10 of 249 matched (4.0%), 164 of 226 unmatched (73%).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import numpy as np

from .bm25 import positions

#: A best sentence below this cosine is far from the query.
FAR_COSINE = 0.4
#: ... and so is one this far below the best sentence of the whole index.
BELOW_BEST = 0.15
#: Only a hit holding less than this share of the query's (rarity-weighted) words can be weak.
WEAK_WORDS = 0.5
#: A keyword-only search (``mode="bm25"``) has no query vector: its hit is weak when it holds less
#: than this share of the query's (rarity-weighted) words.
KEYWORD_WEAK_WORDS = 0.25
#: Without a local sentence index, the best sentence is looked for among this many chunks of the
#: unfiltered dense ranking.
REFERENCE_DEPTH = 5


def is_weak(cosine: float, words: float, best: float) -> bool:
    """A hit holding few of the query's words whose best sentence is far from the query or well
    below ``best``, the best sentence cosine the index holds for it."""
    return words < WEAK_WORDS and (cosine < FAR_COSINE or cosine < best - BELOW_BEST)


def weak_rows(ranker, query: str, rows: Sequence[int], keyword_only: bool = False) -> set[int]:
    """The row ids among ``rows`` that are weak matches for ``query``, just ranked by ``ranker``;
    ``keyword_only`` (a ``mode="bm25"`` search) judges by the words alone."""
    if not rows:
        return set()
    if keyword_only:
        words = _keyword_words(ranker.last_signals(query), rows)
        if words is None:  # not the ranking just run: measured afresh (this embeds the query)
            words = {i: w for i, (_, w) in ranker.strengths(query, list(rows)).items()}
        return {i for i, w in words.items() if w < KEYWORD_WEAK_WORDS}
    best = ranker.best_cosine(query)
    reference = [] if best is not None else \
        [i for i, _ in ranker.rank(query, "dense", None, REFERENCE_DEPTH, limit=REFERENCE_DEPTH)]
    measured = strengths(ranker, query, list(rows) + reference)
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


def strengths(ranker, query: str, ids: Sequence[int]) -> dict[int, tuple[float, float]]:
    """Each chunk's (best sentence cosine, rarity-weighted share of the query's words), as
    ``ranker.strengths`` measures them, read from the signals of the hybrid ranking that just
    ranked ``query`` where they hold the chunks: it has scored every candidate's sentences and
    looked up every word already (a second look-up cost a library search 1-3 ms at the median and
    more for long queries, seventeenth session). A dense ranking looked up no words: measured afresh."""
    at = np.array(sorted(set(ids)), dtype="int64")
    sig = ranker.last_signals(query)
    pos = _positions(sig.ids, at) if sig is not None else None
    if pos is None or sig.sentence is None or sig.words is None:
        return ranker.strengths(query, at.tolist())
    return {int(i): (float(c), float(w)) for i, c, w in zip(at, sig.sentence[pos], sig.words[pos])}


def _keyword_words(sig, rows: Sequence[int]) -> dict[int, float] | None:
    """Each row's rarity-weighted word share when ``sig``, a keyword ranking's signals, holds them
    all (the query is not embedded for this); else None."""
    if sig is None or sig.words is None:
        return None
    at = np.array(sorted(set(rows)), dtype="int64")
    pos = _positions(sig.ids, at)
    return None if pos is None else {int(i): float(w) for i, w in zip(at, sig.words[pos])}


def _positions(ids: np.ndarray, at: np.ndarray) -> np.ndarray | None:
    """Where each of the sorted ``at`` sits in the sorted ``ids``; None unless all are there."""
    pos = positions(ids, at)
    return pos if len(at) and len(pos) == len(at) else None
