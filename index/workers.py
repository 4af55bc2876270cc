"""Read, parse and tag files in worker processes, each file under a time limit (issues #13, #18).

A worker takes one file at a time and answers with its documents or a ``Skip`` naming the stage
that failed. Parsing runs beside the embedding in the main process, and a pathological PDF that
hangs (or a parser crash that kills the process) costs one file: the main process kills the
worker when the time limit passes, starts another and goes on.

``PARACITE_FAIL_AT=STAGE[:NAME]`` makes the stage (``read``, ``parse``, ``tag``, ``embed``, or
``hang`` for a parse that never ends, ``crash`` for a reader process that dies) fail for files whose name contains ``NAME``: the tests use
it to check that one file's failure costs only that file. ``stall`` makes the embedding of such a
file pause for ``STALL_SECONDS`` (saying so on stderr) and go on: the Ctrl-C tests use it.

Workers ignore Ctrl-C: a terminal sends SIGINT to the whole process group, and the main process
alone handles it (one ``paracite: interrupted`` line) and stops the workers; a worker that took
it too would print a ``KeyboardInterrupt`` traceback from whatever it was reading.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Iterator

from paracite.errors import IngestError
from ingest.models import Document
from ingest.skips import Skip, strip_source

DEFAULT_TIMEOUT = 120.0  # seconds to read and parse one file
CRASH_EXIT = 70  # the exit code of an injected ``crash`` (tests only)
STALL_SECONDS = 6.0  # how long an injected ``stall`` holds the embedding (tests only)
# What the fork server imports once, so each worker forked from it starts with them loaded.
FORKSERVER_PRELOAD = ["ingest.reader", "ingest.entities.tagger", "index.workers"]


@dataclass
class Parsed:
    """One file's outcome: its documents (tagged) and notes, or why it was skipped."""

    source: str
    key: str
    documents: list[Document] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skip: Skip | None = None
    seconds: float = 0.0


def injected_failure(stage: str, source: str, spec: str | None) -> None:
    """Raise (or hang) when ``PARACITE_FAIL_AT`` names this stage and file (tests only)."""
    if not spec:
        return
    want, _, name = spec.partition(":")
    if want == stage and (not name or name in Path(source).name):
        if stage == "stall":
            print(f"paracite: test: stalling at {stage}", file=sys.stderr, flush=True)
            time.sleep(STALL_SECONDS)
            return
        if stage == "hang":
            while True:
                time.sleep(3600)
        if stage == "crash":  # as a crash in native code ends the process: no exception, no answer
            os._exit(CRASH_EXIT)
        raise RuntimeError(f"injected failure at {stage}")


def read_one(source: str, key: str, tag: bool, fail: str | None = None, on_parsed=None) -> Parsed:
    """Read, parse and tag one file; every failure becomes a ``Skip`` naming its stage.

    ``on_parsed`` is called between parsing and tagging: the time limit covers reading and
    parsing, where a pathological PDF can hang; tagging a long document is merely long.
    """
    start = time.perf_counter()
    stage = "parse"
    try:
        from ingest.reader import encoding_note, no_symbol_note, read_documents, unread_note

        injected_failure("parse", source, fail)
        injected_failure("hang", source, fail)
        injected_failure("crash", source, fail)
        docs = read_documents(source)
        if on_parsed:
            on_parsed()
        stage = "tag"
        injected_failure("tag", source, fail)
        if tag:
            docs = _tag(docs)
        notes = [n for d in docs for n in (no_symbol_note(d), unread_note(d), encoding_note(d)) if n]
        return Parsed(source, key, docs, notes, seconds=time.perf_counter() - start)
    except IngestError as e:
        skip = Skip(source, stage, strip_source(str(e), source))
    except Exception as e:  # a parser bug costs this file only; PARACITE_DEBUG=1 shows the trace
        skip = Skip(source, stage, f"{type(e).__name__}: {e}", traceback.format_exc())
    return Parsed(source, key, skip=skip, seconds=time.perf_counter() - start)


def _tag(docs: list[Document]) -> list[Document]:
    try:
        from ingest.entities.tagger import tag_document
    except ImportError:  # spaCy or its model missing: index without entities
        return docs
    return [tag_document(d) for d in docs]


def _serve(conn, tag: bool) -> None:
    """A worker's loop: one (source, key, fail) task in, progress and one ``Parsed`` out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle (it stops us)
    while True:
        try:
            task = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if task is None:
            return
        try:
            conn.send(("started", None))
            conn.send(("done", read_one(*task[:2], tag, task[2], on_parsed=lambda: conn.send(("parsed", None)))))
        except (BrokenPipeError, EOFError, OSError):  # the ingest was killed: nobody to answer
            return


@dataclass
class _Worker:
    process: object
    conn: object
    task: tuple | None = None
    deadline: float | None = None
    started: float = 0.0
    served: bool = False  # it said "started" once: it got past importing the caller's script


class WorkerPool:
    """``jobs`` worker processes that read files and give each ``timeout`` seconds."""

    def __init__(self, jobs: int, timeout: float, tag: bool):
        self.jobs, self.timeout, self.tag = max(1, jobs), timeout, tag
        self._ctx = _context()
        self._workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        p = self._ctx.Process(target=_serve, args=(child, self.tag), daemon=True)
        if self._ctx.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            with interrupts_ignored():  # the server (importing spaCy for seconds) inherits SIG_IGN
                forkserver.ensure_running()
            p.start()
        else:
            with interrupts_ignored():
                p.start()
        child.close()
        return _Worker(p, parent)

    def run(self, tasks: list[tuple[str, str]]) -> Iterator[Parsed]:
        """Each task's ``Parsed``, in the order they finish."""
        pending = deque(tasks)
        fail = os.environ.get("PARACITE_FAIL_AT")
        try:
            while pending or any(w.task for w in self._workers):
                self._assign(pending, fail)
                busy = [w for w in self._workers if w.task]
                deadlines = [w.deadline for w in busy if w.deadline]
                wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else 1.0
                for conn in wait([w.conn for w in busy], timeout=min(wait_for, 1.0)):
                    w = next(w for w in busy if w.conn is conn)
                    done = self._receive(w)
                    if done:
                        yield done
                for w in busy:
                    if w.task and w.deadline and time.monotonic() > w.deadline:
                        yield self._expire(w)
        finally:
            self.close()

    def _assign(self, pending: deque, fail: str | None) -> None:
        while pending:
            idle = next((w for w in self._workers if not w.task), None)
            if idle is None and len(self._workers) < self.jobs:
                idle = self._spawn()
                self._workers.append(idle)
            if idle is None:
                return
            idle.task = pending.popleft()
            idle.started = time.monotonic()
            idle.deadline = idle.started + self.timeout + 30  # until the worker says it started
            idle.conn.send((*idle.task, fail))

    def _receive(self, w: _Worker) -> Parsed | None:
        try:
            kind, value = w.conn.recv()
        except (EOFError, OSError):  # the worker died (a crash in native code, out of memory)
            source, key = w.task
            w.process.join(2)
            code, hint = w.process.exitcode, "" if w.served else unguarded_script_hint()
            self._retire(w)
            return Parsed(source, key, skip=Skip(source, "parse", f"the reader process died (exit code {code}){hint}"))
        if kind == "started":
            w.started, w.served = time.monotonic(), True
            w.deadline = w.started + self.timeout
            return None
        if kind == "parsed":  # the time limit is over reading and parsing only
            w.deadline = None
            return None
        w.task, w.deadline = None, None
        return value

    def _expire(self, w: _Worker) -> Parsed:
        source, key = w.task
        self._retire(w)
        why = (f"took longer than {self.timeout:g} s to read and parse (the time limit; "
               "`--timeout SECONDS` changes it)")
        return Parsed(source, key, skip=Skip(source, "time limit", why), seconds=self.timeout)

    def _retire(self, w: _Worker) -> None:
        w.task = w.deadline = None
        w.process.kill()
        w.process.join(5)
        w.conn.close()
        self._workers.remove(w)

    def close(self) -> None:
        """Stop every worker: ask politely, then kill what is still running."""
        for w in self._workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in self._workers:
            w.process.join(2)
            if w.process.is_alive():
                w.process.kill()
                w.process.join(2)
            w.conn.close()
        self._workers = []


@contextmanager
def interrupts_ignored():
    """Ignore SIGINT while a child process is started: a child started so ignores it from its
    first instruction (Python installs no ``KeyboardInterrupt`` handler then), before it could
    run any code of ours. Only the main thread may change signal handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def unguarded_script_hint() -> str:
    """Why a worker may die before its first file: it imports the calling script first (spawn and
    forkserver do), and a script calling ``ingest()`` at top level starts a second ingest there."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not path or getattr(main, "__spec__", None) is not None or Path(path).stem == "paracite":
        return ""
    return (f"; worker processes import {Path(path).name} first, so a script must call ingest() "
            "under `if __name__ == \"__main__\":`")


def _context():
    """Fork-server workers: they start from a clean process that has spaCy imported once."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(FORKSERVER_PRELOAD)
        return ctx
    return mp.get_context("spawn")


def default_jobs() -> int:
    """Worker processes: the cores left beside the embedding, at least one."""
    return max(1, min((os.cpu_count() or 2) - 1, 4))
