"""The index a server answers from: a few ``Searcher``s of its current build, swapped on rebuild.

A ``Searcher`` is used by one request at a time (its SQLite connection and lazily loaded
vectors are not meant to be shared mid-query), so each build gets a small pool of them. When
``paracite ingest`` swaps the folder's ``current`` link, the next request notices (one
``readlink``), a background thread opens and warms the new build, and requests keep going to
the old build until the new one is ready; the old build's readers are closed as their last
requests end, which lets the next ingest remove it (README "Reliability"). No request waits for
a reopen and none fails through one.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from paracite.errors import IndexMismatch, IndexNotFound, ParaciteError

log = logging.getLogger("paracite.serve")

RETRY_SECONDS = 1.0  # after a failed (re)open, the next request tries again after this long


class IndexUnavailable(ParaciteError):
    """No index can be opened at the served folder (yet): the server answers 503."""

    exit_code = 3


class Generation:
    """Readers of one build: up to ``size`` ``Searcher``s, each lent to one request at a time."""

    def __init__(self, first, size: int, opener: Callable[[], object]):
        self.build = first.folder
        self._opener = opener
        self._idle = [first]
        self._in_use = 0
        self._retired = False
        self._free = threading.Semaphore(size)
        self._lock = threading.Lock()

    def acquire(self):
        self._free.acquire()
        with self._lock:
            self._in_use += 1
            if self._idle:
                return self._idle.pop()
        try:
            s = self._opener()
        except BaseException:
            self._give_back(None)
            raise
        return s

    def release(self, searcher) -> None:
        self._give_back(searcher)

    def _give_back(self, searcher) -> None:
        with self._lock:
            self._in_use -= 1
            if searcher is not None:
                self._idle.append(searcher)
            closing = self._drain() if self._retired else []
        self._free.release()
        for s in closing:
            s.close()

    def retire(self) -> None:
        """Close the idle readers now and the busy ones as their requests end."""
        with self._lock:
            self._retired = True
            closing = self._drain()
        for s in closing:
            s.close()

    def _drain(self) -> list:
        out, self._idle = self._idle, []
        return out


class ServedIndex:
    """The served index folder (or the default index), always answering from a complete build."""

    def __init__(self, folder: str | Path | None = None, *, readers: int | None = None,
                 build_missing: bool = False):
        from search.paths import default_index

        self.folder = Path(folder) if folder is not None else default_index()
        self._explicit = folder is not None
        self.readers = readers or min(4, 2 * (os.cpu_count() or 1))
        self._build_missing = build_missing
        self._gen: Generation | None = None
        self._lock = threading.Lock()
        self._reopening = False
        self._next_try = 0.0
        self._last_error: str = ""
        self.reopens = 0  # how many times a new build was picked up (for tests and the bench)
        self._first_lock = threading.Lock()
        self._warmed: set[str] = set()

    # -- requests --------------------------------------------------------------------------
    @contextmanager
    def searcher(self) -> Iterator[object]:
        """Lend a ``Searcher`` of the current build for one request."""
        gen = self._generation()
        s = gen.acquire()
        try:
            yield s
        finally:
            gen.release(s)

    @contextmanager
    def first_alone(self, what: str) -> Iterator[None]:
        """The first successful call of ``what`` runs alone, later ones side by side: the first
        ``ask`` loads spaCy, and two requests must not load it twice at once."""
        if what in self._warmed:
            yield
            return
        with self._first_lock:
            yield
            self._warmed.add(what)

    @property
    def build(self) -> Path | None:
        """The build requests are answered from now."""
        return self._gen.build if self._gen else None

    def _generation(self) -> Generation:
        gen = self._gen
        if gen is None:
            return self._first_open()
        target = self._target()
        if target is not None and target != gen.build and not self._reopening and time.monotonic() >= self._next_try:
            self._start_reopen(target)
        return gen

    def _target(self) -> Path | None:
        try:
            return (self.folder / "current").resolve(strict=True)
        except OSError:
            return None  # the link is gone or dangling: keep the build we hold

    def _first_open(self) -> Generation:
        with self._lock:
            if self._gen is not None:
                return self._gen
            if time.monotonic() < self._next_try:
                raise IndexUnavailable(self._last_error)
            try:
                self._gen = Generation(self._open_warm(self._build_missing), self.readers, self._open_more)
            except ParaciteError as e:
                self._last_error = f"no index can be opened: {e}"
                self._next_try = time.monotonic() + RETRY_SECONDS
                raise IndexUnavailable(self._last_error) from None
            return self._gen

    def _start_reopen(self, target: Path) -> None:
        with self._lock:
            if self._reopening:
                return
            self._reopening = True
        threading.Thread(target=self._reopen, name="paracite-reopen", daemon=True).start()

    def _reopen(self) -> None:
        try:
            fresh = self._open_warm(False)
        except (ParaciteError, OSError) as e:  # e.g. a build being swapped again right now
            log.warning("paracite serve: the new index cannot be opened yet (%s); still serving %s", e,
                        self.build)
            self._next_try = time.monotonic() + RETRY_SECONDS
            self._reopening = False
            return
        with self._lock:
            old, self._gen = self._gen, Generation(fresh, self.readers, self._open_more)
            self.reopens += 1
            self._reopening = False
        log.info("paracite serve: now answering from %s", fresh.folder)
        if old is not None:
            old.retire()

    def _open_more(self):
        """Another reader for a busy pool (warmed, so its first request is no slower)."""
        return self._open_warm(False)

    def _open_warm(self, build_missing: bool):
        """Open a reader and run one search, so the first real request finds vectors loaded."""
        from search.searcher import Searcher

        s = Searcher.open(self.folder if self._explicit else None, build_missing=build_missing)
        try:
            s.search("warm up", k=1)
        except (IndexMismatch, IndexNotFound):
            s.close()
            raise
        except ParaciteError:
            pass
        return s

    def close(self) -> None:
        with self._lock:
            gen, self._gen = self._gen, None
        if gen is not None:
            gen.retire()
