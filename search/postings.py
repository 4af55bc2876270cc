"""What each FTS5 MATCH of a warm searcher found, kept for the next query that asks the same.

A library search looks every content word of the query up in FTS5 several times: the BM25 score
(every matching row scored by FTS5's ``bm25()``), the coverage groups, the adjacent pairs and the
ordinals (row ids only). The common words of UN queries ("United Nations", "report", "Secretary-
General", "resolution") match thousands of the library's chunks each, and their look-ups made the
slow tail of a warm search (twentieth session, docs/retrieval-log.md). An index build never changes
while a ``Searcher`` holds it open (a rebuild writes a new build), so what a MATCH returned once
it returns every time: the arrays are kept, least recently used dropped first, up to ``MAX_BYTES``.

Only exact copies of FTS5's answers are kept, so a search ranks exactly as without the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Hashable

import numpy as np

#: The most memory the kept arrays may take (a heavy word of the 73-report library: ~50 KB).
MAX_BYTES = 32 * 1024 * 1024


class PostingCache:
    """Arrays keyed by what was looked up (table and MATCH expression), least recently used
    dropped first once they pass ``max_bytes``."""

    def __init__(self, max_bytes: int = MAX_BYTES,
                 stored: Callable[[Hashable], tuple[np.ndarray, ...] | None] | None = None):
        self.max_bytes = max_bytes
        self.stored = stored  # asked before FTS5 on a miss: what the build stored (``search.stored_terms``)
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._kept: OrderedDict[Hashable, tuple[np.ndarray, ...]] = OrderedDict()
        self._lock = threading.Lock()  # ``paracite serve`` searches from several threads

    def get(self, key: Hashable, look_up: Callable[[], tuple[np.ndarray, ...]]) -> tuple[np.ndarray, ...]:
        """The arrays kept for ``key``, or else the build's stored answer or ``look_up()``'s, kept
        now. The arrays are read-only: callers share them."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        found = self.stored(key) if self.stored is not None else None
        if found is None:
            found = look_up()  # outside the lock: two threads may both look up, and keep one answer
        for a in found:
            a.flags.writeable = False
        size = sum(a.nbytes for a in found)
        with self._lock:
            if size <= self.max_bytes and key not in self._kept:
                self._kept[key] = found
                self.bytes += size
                while self.bytes > self.max_bytes:
                    _, dropped = self._kept.popitem(last=False)
                    self.bytes -= sum(a.nbytes for a in dropped)
        return found

    def __len__(self) -> int:
        return len(self._kept)
