"""From source files to cache entries: hash, reuse, parse in workers, embed as they come (issue #13).

Each file is hashed; a file whose content, parser and model are unchanged is taken from the
cache as it is. The others are read, parsed and tagged in worker processes (``workers``) while
this process embeds the documents that are ready, a few files at a time, and stores each file's
result in the cache at once: vectors never pile up in memory, and a failure in any stage costs
one file (``ingest.skips.Skip``), never the ingest (issue #18).
"""

from __future__ import annotations

import queue
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ingest.models import Document
from ingest.skips import Skip

from .cache import Cache, Entry, content_hash, entry_key
from .workers import Parsed, WorkerPool, default_jobs, injected_failure, read_one

EMBED_GROUP = 256  # chunks embedded together: full batches across small files


@dataclass
class Source:
    """One file of the build: where it is and its cache key (``""`` until hashed)."""

    file: str
    key: str = ""


@dataclass
class Gathered:
    """What a build is made of: cache keys in source order, the skips and the notes."""

    keys: list[tuple[str, str]] = field(default_factory=list)  # (file, key) of files with documents
    skips: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    parsed: int = 0  # files read this time (not from the cache)
    used: set[str] = field(default_factory=set)  # cache keys the sources need (skips included)


def embed_input(chunk) -> str:
    """The text a chunk is embedded as: its section heading, then its text.

    Measured on the dev queries with one vector per chunk (issue #5): MRR@10 0.60 with the
    last heading, 0.57 with the text alone, 0.54 with the whole section path. Sentences are
    embedded without it (``index.sentences``).
    """
    head = chunk.section[-1] if chunk.section else ""
    return f"{head}. {chunk.text}" if head else chunk.text


def gather(sources: list[Source], cache: Cache, *, tagged: bool, timeout: float, jobs: int | None,
           progress: bool, fail: str | None = None, ray: str | None = None) -> Gathered:
    """Make sure every source has a cache entry (or a skip); return the keys in source order.

    Each entry is read from the cache once and kept in ``cache`` for ``assemble`` (``Cache.keep``);
    one found damaged is discarded and its file read again.
    """
    from . import embed
    from .model_files import encoder_name

    out = Gathered()
    todo: list[Source] = []
    for s in sources:
        if not s.key:
            try:
                injected_failure("read", s.file, fail)
                s.key = entry_key(content_hash(Path(s.file)), embed.MODEL_NAME, encoder_name(), tagged,
                                  Path(s.file).suffix)
            except Exception as e:  # unreadable (permissions, vanished): this file only
                why = e.strerror if isinstance(e, OSError) and e.strerror else f"{type(e).__name__}: {e}"
                out.skips.append(Skip(s.file, "read", why, traceback.format_exc()))
                continue
        if not cache.has(s.key):
            todo.append(s)
    _read(todo, cache, tagged, timeout, jobs, progress, fail, ray, out)
    damaged = [s for s in sources if s.key and cache.has(s.key) and _loaded(cache, s.key) is None]
    for s in damaged:  # damaged by hand or disk: read the file again
        cache.discard(s.key)
    _read([s for s in damaged if s not in todo], cache, tagged, timeout, jobs, progress, fail, ray, out)
    fresh = {s.key for s in todo + damaged}
    for s in sources:
        if not s.key or not cache.has(s.key):
            continue
        out.used.add(s.key)
        entry = _loaded(cache, s.key)
        if entry is None:
            out.skips.append(Skip(s.file, "read", "its cached copy is damaged; ingest it again"))
        elif entry.skip:
            if not any(k.source == s.file for k in out.skips):  # not reported this run already
                out.skips.append(Skip(s.file, entry.skip["stage"], entry.skip["reason"]))
        else:
            out.keys.append((s.file, s.key))
            if s.key in fresh:  # said when the file is read; a weekly `add` does not repeat every old one's
                out.notes.extend(entry.notes)
    return out


def _loaded(cache: Cache, key: str) -> Entry | None:
    """The entry of ``key``, read from disk the first time only (``None``: damaged)."""
    entry = cache.kept(key)
    if entry is None:
        entry = cache.load(key)
        if entry is not None:
            cache.keep(key, entry)
    return entry


def _read(todo: list[Source], cache: Cache, tagged: bool, timeout: float, jobs: int | None, progress: bool,
          fail: str | None, ray: str | None, out: Gathered) -> None:
    """Parse, tag and embed ``todo`` into the cache, in worker processes or Ray tasks."""
    if not todo:
        return
    out.parsed += len(todo)
    if ray is None:
        _parse_and_embed(todo, cache, tagged, timeout, jobs, progress, fail, out)
    else:
        _parse_and_embed_with_ray(todo, cache, tagged, ray, out, timeout, fail)


def _parse_and_embed(todo: list[Source], cache: Cache, tagged: bool, timeout: float, jobs: int | None,
                     progress: bool, fail: str | None, out: Gathered) -> None:
    """Parse in workers; embed in a thread of this process as files come in."""
    bars = _Bars(progress, len(todo))
    ready: queue.Queue = queue.Queue()
    stop, finished = threading.Event(), threading.Event()
    embedder = threading.Thread(target=_run_then_set, args=(finished, _embed_loop, ready, cache, out, bars, fail, stop),
                                daemon=True)
    embedder.start()
    try:
        for parsed in _parsed(todo, tagged, timeout, jobs, fail):
            bars.file_done()
            if parsed.skip:
                out.skips.append(parsed.skip)
                if parsed.skip.stage == "parse" and not parsed.skip.trace:  # the reader's verdict on this content
                    cache.store(parsed.key, Entry(parsed.source, skip={"stage": "parse", "reason": parsed.skip.reason}))
                continue
            bars.more_chunks(sum(len(d.chunks) for d in parsed.documents))
            ready.put(parsed)
    except BaseException:  # interrupted: stop embedding after the group in hand
        stop.set()
        raise
    finally:
        ready.put(None)
        _finish(finished, stop)
        bars.close()


def _run_then_set(finished: threading.Event, work, *args) -> None:
    """Run ``work`` in this thread and say when it has returned (or failed)."""
    try:
        work(*args)
    finally:
        finished.set()


def _finish(finished: threading.Event, stop: threading.Event) -> None:
    """Wait for the embedding thread to set ``finished``, also through Ctrl-C (which stops it after
    the group in hand).

    The process must not end while the thread is inside onnxruntime: the interpreter's exit then
    tears the session down under it and the C++ runtime aborts (SIGABRT, exit -6, an
    onnxruntime error line) instead of ``paracite: interrupted`` and exit 130. It waits on an
    event, not ``Thread.join``: in Python 3.11 a Ctrl-C inside ``join`` marks the thread stopped
    while it still runs (``_wait_for_tstate_lock`` releases its lock), so ``is_alive()`` said False
    and the process ended under the thread (seen: exit -6 at a Ctrl-C 18 s into an ``add``).
    """
    interrupted = False
    while not finished.is_set():
        try:
            finished.wait()
        except KeyboardInterrupt:  # the files in hand are stored (a few seconds), the rest not started
            stop.set()
            interrupted = True
    if interrupted:
        raise KeyboardInterrupt


def _parse_and_embed_with_ray(todo: list[Source], cache: Cache, tagged: bool, address: str,
                              out: Gathered, timeout: float | None = None, fail: str | None = None) -> None:
    """The same cache entries, the per-file parse, tag and embed done by Ray tasks (issue #17); each
    file is cached as its task ends, and a failed task skips its file only."""
    from .ray_ingest import parse_with_ray

    files = [(s.file, s.key) for s in todo]
    for parsed, embedded in parse_with_ray(files, address, tag_entities=tagged, timeout=timeout, fail=fail):
        if parsed.skip:
            out.skips.append(parsed.skip)
            if parsed.skip.stage == "parse" and not parsed.skip.trace:  # the reader's verdict on this content
                cache.store(parsed.key, Entry(parsed.source, skip={"stage": "parse", "reason": parsed.skip.reason}))
            continue
        cache.store(parsed.key, _entry(parsed, embedded))


def _parsed(todo: list[Source], tagged: bool, timeout: float, jobs: int | None, fail: str | None):
    """Every file's ``Parsed``: in worker processes, or here when one text file needs reading."""
    if jobs == 0:
        for s in todo:
            yield read_one(s.file, s.key, tagged, fail)
        return
    yield from WorkerPool(jobs or default_jobs(), timeout, tagged).run([(s.file, s.key) for s in todo])


def _embed_loop(ready: queue.Queue, cache: Cache, out: Gathered, bars, fail: str | None,
                stop: threading.Event) -> None:
    """Embed parsed files in groups of about ``EMBED_GROUP`` chunks; store each in the cache."""
    done = False
    while not done and not stop.is_set():
        group = [ready.get()]
        while group[-1] is not None and sum(_size(p) for p in group) < EMBED_GROUP:
            try:
                group.append(ready.get_nowait())
            except queue.Empty:
                break
        if group[-1] is None:
            done = True
            group.pop()
        try:
            if group:
                _embed_group(group, cache, out, bars, fail)
        except Exception as e:  # the cache cannot be written (disk full): these files are skipped
            out.skips.extend(Skip(p.source, "embed", f"cannot store the result ({e})", traceback.format_exc())
                             for p in group)


def _size(p: Parsed | None) -> int:
    return sum(len(d.chunks) for d in p.documents) if p else 0


def _embed_group(group: list[Parsed], cache: Cache, out: Gathered, bars, fail: str | None) -> None:
    """Embed a group in one pass; if that fails, file by file, so only the failing file is skipped."""
    try:
        for p in group:
            injected_failure("embed", p.source, fail)
            injected_failure("stall", p.source, fail)
        results = embed_documents([d for p in group for d in p.documents])
    except Exception:
        if len(group) > 1:
            for p in group:
                _embed_group([p], cache, out, bars, fail)
            return
        p = group[0]
        e = sys.exc_info()[1]
        out.skips.append(Skip(p.source, "embed", f"{type(e).__name__}: {e}", traceback.format_exc()))
        bars.chunks_done(_size(p))
        return
    at = 0
    for p in group:
        n = len(p.documents)
        cache.store(p.key, _entry(p, results[at:at + n]))
        at += n
        bars.chunks_done(_size(p))


def _entry(p: Parsed, results: list[tuple]) -> Entry:
    """One file's cache entry from its documents' vectors (chunk rows numbered across documents)."""
    rows: list[tuple[int, int, int]] = []
    base = 0
    for d, (_, spans, _) in zip(p.documents, results):
        rows.extend((base + c, s, e) for c, s, e in spans)
        base += len(d.chunks)
    vectors = np.concatenate([r[0] for r in results]) if results else None
    sentence_vectors = np.concatenate([r[2] for r in results]) if results else None
    return Entry(p.source, p.documents, vectors, rows, sentence_vectors, p.notes)


def embed_documents(docs: list[Document], encoder=None) -> list[tuple[np.ndarray, list, np.ndarray]]:
    """Per document: chunk vectors, sentence spans (chunk, start, end) and sentence vectors.

    All texts of the group go to the model in one call, so batches are full and sorted by length.
    """
    from . import embed
    from .sentences import sentence_rows

    embed = encoder or embed  # a Ray ingest hands in the vectors its workers computed
    chunk_texts = [embed_input(c) for d in docs for c in d.chunks]
    spans = [sentence_rows(d.chunks) for d in docs]
    sentence_texts = [d.chunks[c].text[s:e] for d, rows in zip(docs, spans) for c, s, e in rows]
    both = _encode(embed, chunk_texts + sentence_texts)
    vectors, sentence_vectors = both[:len(chunk_texts)], both[len(chunk_texts):]
    out, at, sat = [], 0, 0
    for d, rows in zip(docs, spans):
        out.append((vectors[at:at + len(d.chunks)], rows, sentence_vectors[sat:sat + len(rows)]))
        at += len(d.chunks)
        sat += len(rows)
    return out


def _encode(embed, texts: list[str]) -> np.ndarray:
    """One model call for chunks and sentences: batches sorted by length across both, and a text
    seen twice (a one-sentence chunk without a heading, a repeated line) embedded once."""
    if not texts:
        return np.zeros((0, embed.DIMENSION), dtype="float32")
    unique = list(dict.fromkeys(texts))
    vectors = embed.encode(unique)
    if len(unique) == len(texts):
        return vectors
    row = {t: i for i, t in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


class _Bars:
    """One bar over files while parsing, one over chunks while embedding (counts and ETA)."""

    def __init__(self, on: bool, files: int):
        self.files = self.chunks = None
        self._lock = threading.Lock()
        if on and sys.stderr.isatty():  # in a log file, bars are screens of carriage returns and escapes
            from tqdm import tqdm

            self.files = tqdm(total=files, desc="Parsing", unit="file", file=sys.stderr, position=0)
            self.chunks = tqdm(total=0, desc="Embedding", unit="chunk", file=sys.stderr, position=1)

    def file_done(self) -> None:
        if self.files is not None:
            with self._lock:
                self.files.update(1)

    def more_chunks(self, n: int) -> None:
        if self.chunks is not None:
            with self._lock:
                self.chunks.total += n
                self.chunks.refresh()

    def chunks_done(self, n: int) -> None:
        if self.chunks is not None:
            with self._lock:
                self.chunks.update(n)

    def close(self) -> None:
        for bar in (self.files, self.chunks):
            if bar is not None:
                bar.close()
