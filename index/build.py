"""Build an index folder from source files: parse, tag, embed, store; then swap it into place.

An index folder holds ``current`` (a symlink) pointing at one complete build under ``builds/``.
A new build is written beside it and the symlink is replaced in one atomic rename, so a reader
never sees half an index and an interrupted build leaves the previous one whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

from dataclasses import dataclass, field

from paracite.errors import IndexNotFound, IngestError, NotFound, ParaciteError, UsageError
from ingest.reader import iter_sources, passed_over
from ingest.skips import Skip

from .assemble import assemble
from .cache import Cache
from .library import Source, embed_input, gather  # noqa: F401  (embed_input: its home before #13)
from .workers import DEFAULT_TIMEOUT

from .lock import READERS_NAME, build_lock, removable
from .new_folder import removed_unless_built
from .removal_history import forget, record_removed, removal_of
from .manifest import FORMAT_VERSION, MANIFEST_NAME, Manifest  # noqa: F401
from .layout import BUILDS, CURRENT, current_build, refuse_build_folder, report_files_named  # noqa: F401  (their home before r21)
from .store import DB_NAME, write_store
from .symbol_lookup import find_symbol, nearest_symbols, symbol_table
from .vectors import VECTORS_NAME, write_vectors

def build_index(paths: list[str | Path], index_dir: str | Path, *, progress: bool = True,
                tag_entities: bool = True, log=None, wait: bool = False, timeout: float = DEFAULT_TIMEOUT,
                jobs: int | None = None, add: bool = False, milvus: str | None = None,
                ray: str | None = None) -> tuple[Manifest, list[str]]:
    """Index ``paths`` (files or folders) at ``index_dir``; return the manifest and skip lines.

    The lighter-weight face of ``ingest``; see there.
    """
    report = ingest(paths, index_dir, progress=progress, tag_entities=tag_entities, wait=wait,
                    timeout=timeout, jobs=jobs, add=add, milvus=milvus, ray=ray)
    return report.manifest, [s.line() for s in report.skipped]


@dataclass
class IngestReport:
    """What an ingest did: the new manifest, documents by fate, skipped files and notes."""

    manifest: Manifest
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[Skip] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # the symbols behind the counts: in a library of hundreds, "1 added" must say which document
    # a file became (and which documents went)
    added_symbols: list[str] = field(default_factory=list)
    changed_symbols: list[str] = field(default_factory=list)
    removed_symbols: list[str] = field(default_factory=list)
    # a file renamed or moved, its bytes unchanged: (symbol, old file, new file); neither added nor
    # removed (it said "1 added, 1 removed" and "added: S/2025/258; removed: S/2025/258")
    renamed: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        renamed = f"{len(self.renamed)} renamed, " if self.renamed else ""
        return (f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged, {renamed}"
                f"{self.removed} removed, {len(self.skipped)} skipped")


def ingest(paths: list[str | Path], index_dir: str | Path, *, progress: bool = True, tag_entities: bool = True,
           wait: bool = False, timeout: float = DEFAULT_TIMEOUT, jobs: int | None = None,
           add: bool = False, milvus: str | None = None, ray: str | None = None) -> IngestReport:
    """Make the index at ``index_dir`` hold the documents of ``paths`` (issues #13, #18).

    Files whose content is unchanged since the last build come from the index's cache; new and
    changed files are parsed in worker processes (each under ``timeout`` seconds) and embedded;
    documents whose files are no longer among ``paths`` are dropped. With ``add=True`` the
    documents already indexed stay and ``paths`` are added (or replace the same files).
    A file that fails at any stage is skipped (``IngestReport.skipped``); if nothing can be
    indexed, ``IngestError`` is raised and the index is left as it was (a first build leaves no folder:
    ``index.new_folder``). The folder's lock is
    taken first, so a second build refuses at once with ``IndexBusy`` (or, with ``wait=True``,
    waits its turn).

    ``milvus`` (a Milvus Lite ``.db`` path or a server URI) keeps the vectors, chunk records and
    BM25 in Milvus instead of FAISS (``index.milvus``); ``ray`` ("local" or a cluster address)
    runs the per-file parse, tag and embed of new and changed files as Ray tasks
    (``index.ray_ingest``). Issue #17.
    """
    index_dir = Path(index_dir)
    refuse_build_folder(index_dir)
    if reports := report_files_named(index_dir):
        raise UsageError(f"{index_dir} holds PDF files ({reports}) and no index; --index takes the folder the "
                         f"index is kept in, a new or empty one: `paracite ingest {index_dir} --index DIR`")
    files = [str(Path(f).absolute()) for f in iter_sources(paths)]
    if not files:
        raise IngestError(f"no .txt or .pdf files in {', '.join(map(str, paths))}")
    milvus, stays = remembered_backend(index_dir, milvus)  # a later ingest keeps the index where it is
    sink = _milvus_sink(milvus, index_dir)
    with removed_unless_built(index_dir, current_build(index_dir)), build_lock(index_dir, wait=wait):
        _checkpoint("locked")
        if sink is not None:
            sink.check()
        previous = _previous(index_dir, add)
        cache = Cache(index_dir)
        sources = _sources(files, previous, cache, add)
        report = _build(index_dir, sources, previous, cache, sink, tagged=tag_entities, timeout=timeout, jobs=jobs,
                        progress=progress, ray=ray, wanted=frozenset(files) if add and previous else frozenset())
        forget(index_dir, [d["symbol"] for d in report.manifest.documents])
    _count(report, previous, {s.file for s in sources})
    report.notes += ([stays] if stays else []) + passed_over(paths, index_dir)
    return report


def remove(names: list[str], index_dir: str | Path, *, progress: bool = True, wait: bool = False,
           timeout: float = DEFAULT_TIMEOUT, jobs: int | None = None, milvus: str | None = None) -> IngestReport:
    """Drop the documents ``names`` from the index and keep every other one (``add``'s counterpart).

    A name is a symbol (any case, any symbol of a joint document) or the document's file (its
    path or file name). The kept documents come from the cache, so their files need not be at
    hand. A name the index does not hold is refused (``NotFound``) and nothing is changed, as is a
    removal that would leave the index empty.
    """
    index_dir = Path(index_dir)
    refuse_build_folder(index_dir)
    if not os.path.lexists(current_build(index_dir)):  # and make no folder for the lock
        raise IndexNotFound(f"{index_dir}: no index here; nothing to remove")
    milvus, stays = remembered_backend(index_dir, milvus)
    sink = _milvus_sink(milvus, index_dir)
    with build_lock(index_dir, wait=wait):
        _checkpoint("locked")
        if sink is not None:
            sink.check()
        previous = _previous(index_dir, add=True)
        gone = documents_named(index_dir, previous, names)
        kept = [d for d in previous if _file_of(d) not in gone]
        if not kept:
            raise IngestError(f"removing {_documents(len(previous))} would leave {index_dir} empty; the index is "
                              "unchanged (delete the folder to drop the index itself)")
        cache = Cache(index_dir)
        sources = _sources([], kept, cache, add=True)
        report = _build(index_dir, sources, previous, cache, sink, progress=progress, timeout=timeout, jobs=jobs)
        record_removed(index_dir, [d for d in previous if _file_of(d) in gone])
    _count(report, previous, {s.file for s in sources}, named=False)
    report.notes += [stays] if stays else []
    return report


def _build(index_dir: Path, sources: list[Source], previous: list[dict], cache: Cache, sink, *, tagged: bool = True,
           timeout: float = DEFAULT_TIMEOUT, jobs: int | None = None, progress: bool = True,
           ray: str | None = None, wanted: frozenset[str] = frozenset()) -> IngestReport:
    """Read what ``sources`` need (the rest from the cache) and swap the new build in; under the lock.
    ``wanted``: the files an ``add`` names, of which at least one must be indexed for a new build."""
    got = gather(sources, cache, tagged=tagged, timeout=timeout, jobs=jobs, progress=progress,
                 fail=os.environ.get("PARACITE_FAIL_AT"), ray=ray)
    added = not wanted or any(file in wanted for file, _ in got.keys)
    if not got.keys or not added:  # `add` of files that all failed rebuilt the index as it was: leave it
        first = got.skips[0].line() if got.skips else "nothing to index"
        more = f" (and {len(got.skips) - 1} more skipped)" if len(got.skips) > 1 else ""
        raise IngestError(f"nothing {'indexed' if not got.keys else 'added'}, the index is unchanged: {first}{more}")
    _checkpoint("parsed")
    manifest, notes = _swap_in(index_dir, got.keys, cache, progress, sink)
    # the previous build's entries stay one generation: a file taken out and put back is not redone
    cache.keep_only(got.used | {d.get("key", "") for d in previous})
    return IngestReport(manifest, skipped=got.skips, notes=got.notes + notes)


def documents_named(index_dir: Path, previous: list[dict], names: list[str]) -> set[str]:
    """The files of the documents ``names`` name, or ``NotFound`` naming the first that names none.
    A symbol names a document by ``symbol_lookup.find_symbol``, the rule ``search --doc`` follows
    (any case or spacing, any symbol of a joint document, the bare symbol of the one part held), but
    not a symbol typed with other separators; a file by its path or name."""
    files_of: dict[str, set[str]] = {}  # a document's own symbol, or a file's path or name -> files
    for d in previous:
        file = _file_of(d)
        for key in (d.get("symbol", ""), file.casefold(), Path(file).name.casefold()):
            if key:
                files_of.setdefault(key, set()).add(file)
    joint = _joint_symbols(index_dir)
    table = symbol_table({d["symbol"]: {"symbols": joint.get(d["symbol"], ())} for d in previous if d.get("symbol")})
    out: set[str] = set()
    named: set[str] = set()  # the symbols named, and the files named by their path or name
    for name in names:
        symbol = find_symbol(table, name, loose=False)  # a deletion is never a guess at a loose symbol
        by_file = files_of.get(name.strip().casefold()) or files_of.get(str(Path(name).absolute()).casefold())
        files = files_of.get(symbol or "") or by_file
        if not files:
            raise _not_named(index_dir, table, name)
        named |= {symbol} if symbol else files
        out |= files
    for file in sorted(out):  # one file (an export) may hold several documents: all go, or none
        others = [d["symbol"] for d in previous if _file_of(d) == file and not {file, d.get("symbol")} & named]
        if others:
            raise IngestError(f"{Path(file).name} holds {', '.join(others)} too, and a file's documents are indexed "
                              "together; name them as well (or the file), or edit the file; the index is unchanged")
    return out


def _not_named(index_dir: Path, table: dict[str, str], name: str) -> NotFound:
    """The error for a name ``remove`` finds no document for: that it was removed, when the index remembers
    removing it (``removal_history``), else what it may have meant, as ``search --doc`` and ``show`` say it
    (``symbol_lookup.nearest_symbols``: a close spelling only)."""
    if (gone := removal_of(index_dir, name)) is not None:
        symbol, record = gone
        file = f" (from {record['file']}; `paracite add` it to index it again)" if record.get("file") else ""
        return NotFound(f"no document {name!r} in {index_dir}: {symbol} was removed on {record.get('removed', '?')}"
                        f"{file}; the index is unchanged")
    near = nearest_symbols(table, name)
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    return NotFound(f"no document {name!r} in {index_dir}; {hint}the index is unchanged (`paracite docs` lists its "
                    "documents)")


def _joint_symbols(index_dir: Path) -> dict[str, tuple[str, ...]]:
    """Each document's other symbols (``A/80/275`` → ``S/2025/491``), from the current build's store."""
    try:
        con = sqlite3.connect(f"file:{current_build(index_dir) / DB_NAME}?mode=ro", uri=True)
        try:
            return {s: tuple(json.loads(symbols or "[]")) for s, symbols in con.execute("SELECT symbol, symbols FROM documents")}
        finally:
            con.close()
    except (sqlite3.Error, ValueError):
        return {}


def remembered_backend(index_dir: Path, milvus: str | None) -> tuple[str | None, str]:
    """(the Milvus URI a new build of ``index_dir`` writes to, or None for FAISS; the note that says
    it was remembered, or ""). An index keeps its vectors where its current build keeps them, so
    ``ingest``, ``add`` and ``remove`` need no ``--milvus`` again (a full ``ingest`` without it wrote a
    local build, leaving Milvus); a ``--milvus`` that names another place is a ``UsageError``, the
    index unchanged. No build (or an unreadable one): whatever was given."""
    try:
        backend = Manifest.read(current_build(index_dir)).backend or {}
    except ParaciteError:
        return milvus, ""
    was = backend.get("uri") if backend.get("kind") == "milvus" else None
    if milvus is None:
        return was, (f"the vectors stay in Milvus at {was}, where {index_dir}'s build keeps them "
                     "(no need to give --milvus again)") if was else ""
    from .milvus.connect import normalise_uri

    given = normalise_uri(milvus)
    if was is None:
        raise UsageError(f"{index_dir} keeps its vectors in the index folder (FAISS), not in Milvus; drop --milvus, "
                         f"or give a new --index folder for an index kept in Milvus; the index is unchanged")
    if given.rstrip("/") != was.rstrip("/"):
        raise UsageError(f"{index_dir} keeps its vectors in Milvus at {was}, not {given}; drop --milvus (the index "
                         "remembers where it keeps them), or give a new --index folder; the index is unchanged")
    return was, ""


def _previous(index_dir: Path, add: bool = False) -> list[dict]:
    """The document entries of the index's current build, or ``[]`` (none, or unreadable).

    ``add`` refuses an unreadable build: adding to it would silently drop every document it held.
    """
    try:
        return Manifest.read(current_build(index_dir)).documents
    except ParaciteError as e:
        if add and current_build(index_dir).is_symlink():
            why = str(e).split(";")[0].split(": ", 1)[-1]
            raise IngestError(f"cannot add to {index_dir}: the index is damaged ({why}), so the "
                              "files it held are unknown; rebuild it with `paracite ingest PATH... --index "
                              f"{index_dir}` naming all its files") from None
        return []


def _sources(files: list[str], previous: list[dict], cache: Cache, add: bool) -> list[Source]:
    """The files of the new build; with ``add``, first the files already indexed (by cache key)."""
    out: dict[str, Source] = {}
    if add:
        for d in previous:
            file, key = _file_of(d), d.get("key", "")
            if file and file not in out:
                out[file] = Source(file, key if key and cache.has(key) else "")
    for f in files:
        out[f] = Source(f)
    return list(out.values())


def _count(report: IngestReport, previous: list[dict], files: set[str], named: bool = True) -> None:
    """Sort the new build's documents into added, changed and unchanged; count the removed."""
    before: dict[str, str] = {}
    for d in previous:
        before.setdefault(_file_of(d), d.get("key", ""))
    gone = {d.get("key", ""): d for d in previous if _file_of(d) not in files and d.get("key")}
    for d in report.manifest.documents:
        key = before.get(d["file"])
        was = gone.pop(d["key"], None) if key is None else None
        if was is not None:  # the same bytes under another name: the file was renamed or moved
            report.renamed.append((d["symbol"], _file_of(was), d["file"]))
        elif key is None:
            report.added += 1
            report.added_symbols.append(d["symbol"])
        elif key == d["key"]:
            report.unchanged += 1
        else:
            report.changed += 1
            report.changed_symbols.append(d["symbol"])
    moved = {old for _, old, _ in report.renamed}
    removed = [d for d in previous if _file_of(d) not in files and _file_of(d) not in moved]
    report.removed = len(removed)
    report.removed_symbols = [d.get("symbol", "?") for d in removed]
    kept_on_disk = sorted(d.get("symbol", "?") for d in removed if Path(_file_of(d)).is_file())
    if kept_on_disk and named:  # not deleted, just not named: most likely `add` was meant
        shown = ", ".join(kept_on_disk[:5]) + (f" and {len(kept_on_disk) - 5} more" if len(kept_on_disk) > 5 else "")
        report.notes.append(f"{_documents(len(kept_on_disk))} dropped although {'its file is' if len(kept_on_disk) == 1 else 'their files are'} "
                            f"still on disk, not among the paths given: {shown}; `paracite add FILE...` adds files "
                            "and keeps the rest (running the earlier ingest again restores them from the cache)")


def _documents(n: int) -> str:
    return "1 document" if n == 1 else f"{n} documents"


def _file_of(entry: dict) -> str:
    """The file a manifest's document came from (builds before issue #13 record only ``source``)."""
    return entry.get("file") or (str(Path(entry["source"]).absolute()) if entry.get("source") else "")


def _milvus_sink(uri: str | None, index_dir: Path):
    if uri is None:
        return None
    from .milvus import MilvusSink

    return MilvusSink(uri, index_dir)


def _swap_in(index_dir: Path, keys: list[tuple[str, str]], cache: Cache, progress: bool,
             sink=None) -> tuple[Manifest, list[str]]:
    """Write a complete build beside the current one, then point ``current`` at it atomically.

    Only the holder of the lock calls this, so anything under ``builds/`` that ``current`` does
    not point at is left over from a killed build and is removed, before and after.
    """
    try:
        _remove_old_builds(index_dir)
        builds = index_dir / BUILDS
        builds.mkdir(exist_ok=True)
        tmp = builds / f".tmp-{os.getpid()}-{time.time_ns()}"
        tmp.mkdir()
    except OSError as e:
        raise IngestError(f"{index_dir}: cannot write the index here ({e.strerror})") from None
    try:
        manifest, notes = _write_build(tmp, keys, cache, sink)
        (tmp / READERS_NAME).touch()  # readers hold it shared, so their build is not removed
        _fsync_tree(tmp)
        _checkpoint("written")
        final = builds / f"b{time.time_ns()}"
        os.rename(tmp, final)
        _fsync_dir(builds)
        _checkpoint("renamed")
        _point_current(index_dir, final)
    except BaseException as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if sink is not None:
            sink.abort()  # the served collections stay as they were
        if isinstance(e, (OSError, sqlite3.Error)):  # disk full, permissions: the old index stays
            raise IngestError(f"{index_dir}: cannot write the index ({e}); the previous index is unchanged") from e
        raise
    _checkpoint("swapped")
    if sink is not None:
        sink.activate()
    _remove_old_builds(index_dir)
    return manifest, notes


def _checkpoint(stage: str) -> None:
    """Fault-injection hook for the crash tests (issue #8).

    ``PARACITE_STOP_AT=written,renamed`` stops the process (SIGSTOP) at those stages so a test
    can look at the folder, search it, then kill or resume the build. Stages, in order:
    ``locked``, ``parsed``, ``store``, ``written``, ``renamed``, ``swapped``.
    """
    stops = os.environ.get("PARACITE_STOP_AT")
    if stops and stage in stops.split(","):
        os.kill(os.getpid(), signal.SIGSTOP)


def _write_build(folder: Path, keys: list[tuple[str, str]], cache: Cache, sink=None) -> tuple[Manifest, list[str]]:
    """Write the store, vectors, sentences, acronyms, hubness and dense reliability of a build
    from cache entries."""
    from . import embed
    from .acronym_table import write_acronyms
    from .dense_reliability import document_reliability, write_reliability
    import numpy as np
    from .hubness import hubness, write_hubness
    from .sentences import store_sentences
    from .term_postings import write_term_postings

    parts = assemble(keys, cache)
    # A Milvus build keeps its unchanged documents' row ids, so their rows in Milvus stay valid
    layout = sink.plan(parts.documents, [k for _, k in parts.origins], parts.sentence_rows) if sink else None
    chunks = write_store(folder / DB_NAME, parts.documents, ids=layout.chunk_ids if layout else None)
    _checkpoint("store")
    vectors = parts.vectors(embed.DIMENSION)
    faiss_params = write_vectors(folder / VECTORS_NAME, vectors) if sink is None else {}
    store_sentences(folder, folder / DB_NAME, layout.sentence_rows if layout else parts.sentence_rows,
                    parts.sentence_matrix(embed.DIMENSION), store_vectors=sink.keep_sentences if sink else None,
                    ids=layout.sentence_ids if layout else None)
    write_acronyms(folder / DB_NAME, ((c.symbol, c.text) for c in chunks))
    write_term_postings(folder / DB_NAME)
    write_hubness(folder / DB_NAME, layout.chunk_ids if layout else range(len(chunks)), hubness(vectors))
    documents = parts.documents
    write_reliability(folder / DB_NAME, document_reliability(
        [d.symbol for d in documents for _ in d.chunks], parts.sentence_matrix(embed.DIMENSION),
        np.array([r[0] for r in parts.sentence_rows], dtype="int64")))
    backend = sink.write(documents, chunks, vectors) if sink is not None else {}
    checksum = hashlib.sha256("".join(sorted(d.checksum for d in documents)).encode()).hexdigest()
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        model=embed.MODEL_NAME,
        dimension=int(vectors.shape[1]) if len(vectors) else embed.DIMENSION,
        corpus_checksum=checksum,
        documents=[{"symbol": d.symbol, "title": d.title, "source": d.source, "checksum": d.checksum,
                    "chunks": len(d.chunks), "file": file, "key": key, **(layout.entry(i) if layout else {})}
                   for i, (d, (file, key)) in enumerate(zip(documents, parts.origins))],
        chunks=len(chunks),
        faiss=faiss_params,
        model_files=embed.model_files(),
        embed_text="section+text",
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        backend=backend,
    )
    manifest.write(folder)
    return manifest, parts.notes


def _point_current(index_dir: Path, build: Path) -> None:
    """Replace the ``current`` symlink in one rename: readers see the old build or the new one."""
    link = index_dir / f".current-{os.getpid()}"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(Path(BUILDS) / build.name, link)
    os.replace(link, index_dir / CURRENT)
    _fsync_dir(index_dir)


def _remove_old_builds(index_dir: Path) -> None:
    """Delete builds the symlink no longer points at, and leftovers of killed builds.

    Called only under the build lock, so every ``.tmp-*`` folder and ``.current-*`` link is
    stale. A build an open ``Searcher`` still holds (see ``lock.hold_build``) is kept until a
    later build finds it free.
    """
    keep = os.path.realpath(index_dir / CURRENT)
    for stale in index_dir.glob(".current-*"):
        stale.unlink(missing_ok=True)
    builds = index_dir / BUILDS
    if not builds.is_dir():
        return
    for b in builds.iterdir():
        if os.path.realpath(b) == keep:
            continue
        if b.is_symlink() or not b.is_dir():
            b.unlink(missing_ok=True)
            continue
        with removable(b) as free:
            if free:
                shutil.rmtree(b, ignore_errors=True)


def _fsync_tree(folder: Path) -> None:
    """Flush a finished build's files and folder to disk before it is renamed into place."""
    for f in folder.iterdir():
        fd = os.open(f, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    """Make a rename or new entry in ``folder`` durable (a no-op where folders cannot be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
