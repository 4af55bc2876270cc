"""At most N paragraphs of each document: "which reports speak of X", and where each says it.

A library search fills its top ten from whichever documents match best, often several paragraphs of one
report. A user comparing reports wants the best paragraph (or two) of each document instead. The ranking
is the search's own: this reads further down the same ranked list and keeps each document's first N hits,
so a document's paragraph is never ranked differently from how `search` ranks it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from paracite.wording import option

from .arguments import whole_number
from .document_views import sort_by_date
from .models import Hit

POOL_FIRST = 50  # hits read for a first pass; most libraries give k documents within them
POOL_MAX = 1000  # the search's own limit on k


def first_per_document(hits: list[Hit], n: int) -> list[Hit]:
    """The hits in their order, keeping no more than ``n`` of any one document."""
    seen: Counter[str] = Counter()
    kept = []
    for hit in hits:
        if seen[hit.symbol] < n:
            seen[hit.symbol] += 1
            kept.append(hit)
    return kept


def search_per_document(searcher, query: str, per_doc: int = 1, k: int = 10, **options) -> list[Hit]:
    """``searcher.search(query, ...)`` with at most ``per_doc`` hits of each document, ``k`` in all,
    ranked 1..k; ``sort="date"`` orders the kept hits newest first, as `search` orders its top k."""
    per_doc = whole_number(per_doc, option("per-doc"), 1)
    k = whole_number(k, option("k"), 1, POOL_MAX)
    sort = options.pop("sort", "relevance")
    pool = min(POOL_MAX, max(POOL_FIRST, k * per_doc * 5))
    while True:  # read deeper only when the first pass held too few documents
        hits = searcher.search(query, k=pool, **options)
        kept = first_per_document(hits, per_doc)[:k]
        if len(kept) >= k or len(hits) < pool or pool >= POOL_MAX:
            break
        pool = min(POOL_MAX, pool * 4)
    kept = [replace(hit, rank=i) for i, hit in enumerate(kept, 1)]
    return sort_by_date(kept) if sort == "date" else kept
