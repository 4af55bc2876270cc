"""Build an index folder from source files: parse, tag, embed, store; then swap it into place.

An index folder holds ``current`` (a symlink) pointing at one complete build under ``builds/``.
A new build is written beside it and the symlink is replaced in one atomic rename, so a reader
never sees half an index and an interrupted build leaves the previous one whole.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

from paracite.errors import IngestError
from ingest.models import Document
from ingest.reader import iter_sources, read_documents

from .lock import READERS_NAME, build_lock, removable
from .manifest import FORMAT_VERSION, Manifest
from .store import DB_NAME, write_store
from .vectors import VECTORS_NAME, write_vectors

CURRENT = "current"
BUILDS = "builds"


def current_build(index_dir: Path) -> Path:
    """The folder of the complete build an index folder points at."""
    return index_dir / CURRENT


def build_index(paths: list[str | Path], index_dir: str | Path, *, progress: bool = True,
                tag_entities: bool = True, log=None, wait: bool = False, milvus: str | None = None,
                ray: str | None = None) -> tuple[Manifest, list[str]]:
    """Parse ``paths`` (files or folders) into a new index at ``index_dir``.

    The folder's lock is taken first, so a second build refuses at once with ``IndexBusy``
    (or, with ``wait=True``, waits its turn). Files that cannot be read are skipped with a
    message; if none can be read, nothing is changed and ``IngestError`` is raised. Returns the
    manifest and the messages for skipped files.

    ``milvus`` (a Milvus Lite ``.db`` path or a server URI) keeps the vectors, chunk records and
    BM25 in Milvus instead of FAISS (``index.milvus``); ``ray`` ("local" or a cluster address)
    runs the per-file parse, tag and embed as Ray tasks (``index.ray_ingest``). Issue #17.
    """
    log = log or (lambda msg: print(msg, file=sys.stderr))
    index_dir = Path(index_dir)
    sources = list(iter_sources(paths))
    if not sources:
        raise IngestError(f"no .txt or .pdf files in {', '.join(map(str, paths))}")
    sink, encoder = _milvus_sink(milvus, index_dir), None
    with build_lock(index_dir, wait=wait):
        _checkpoint("locked")
        if ray is None:
            documents, problems = _read_all(sources, progress)
        else:
            from .ray_ingest import read_with_ray

            documents, problems, encoder = read_with_ray(sources, ray, tag_entities=tag_entities)
        if not documents:
            raise IngestError("; ".join(problems) if problems else "nothing to index")
        documents = _unique_symbols(documents)
        if tag_entities and ray is None:
            documents = _tag(documents, progress)
        _checkpoint("parsed")
        manifest = _swap_in(index_dir, documents, progress, sink, encoder)
    return manifest, problems


def _milvus_sink(uri: str | None, index_dir: Path):
    if uri is None:
        return None
    from .milvus import MilvusSink

    return MilvusSink(uri, index_dir)


def _swap_in(index_dir: Path, documents: list[Document], progress: bool, sink=None, encoder=None) -> Manifest:
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
        manifest = _write_build(tmp, documents, progress, sink, encoder)
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
    return manifest


def _checkpoint(stage: str) -> None:
    """Fault-injection hook for the crash tests (issue #8).

    ``PARACITE_STOP_AT=written,renamed`` stops the process (SIGSTOP) at those stages so a test
    can look at the folder, search it, then kill or resume the build. Stages, in order:
    ``locked``, ``parsed``, ``store``, ``written``, ``renamed``, ``swapped``.
    """
    stops = os.environ.get("PARACITE_STOP_AT")
    if stops and stage in stops.split(","):
        os.kill(os.getpid(), signal.SIGSTOP)


def _read_all(sources: list[Path], progress: bool) -> tuple[list[Document], list[str]]:
    docs: list[Document] = []
    problems: list[str] = []
    it = sources
    if progress and len(sources) > 1:
        from tqdm import tqdm

        it = tqdm(sources, desc="Parsing", unit="file", file=sys.stderr)
    for src in it:
        try:
            docs.extend(read_documents(src))
        except IngestError as e:
            problems.append(str(e))
    return docs, problems


def _unique_symbols(documents: list[Document]) -> list[Document]:
    """Two files with one symbol (a re-issue, a copy) keep the first; the rest are dropped."""
    seen: set[str] = set()
    out = []
    for d in documents:
        if d.symbol in seen:
            continue
        seen.add(d.symbol)
        out.append(d)
    return out


def _tag(documents: list[Document], progress: bool) -> list[Document]:
    try:
        from ingest.entities.tagger import tag_document
    except ImportError:
        return documents
    return [tag_document(d) for d in documents]


def embed_input(chunk) -> str:
    """The text a chunk is embedded as: its section heading, then its text.

    Measured on the dev queries with one vector per chunk (issue #5): MRR@10 0.60 with the
    last heading, 0.57 with the text alone, 0.54 with the whole section path. Sentences are
    embedded without it (``index.sentences``).
    """
    head = chunk.section[-1] if chunk.section else ""
    return f"{head}. {chunk.text}" if head else chunk.text


def _write_retrieval_aids(folder: Path, chunks: list, embed, progress: bool, sink=None) -> None:
    """Sentence vectors and the acronym table that search uses to rank (issue #5)."""
    from .acronym_table import write_acronyms
    from .sentences import write_sentences

    write_sentences(folder, folder / DB_NAME, chunks, lambda texts: embed.encode(texts, progress=progress, desc="Embedding sentences"),
                    embed.DIMENSION, store_vectors=sink.keep_sentences if sink else None)
    write_acronyms(folder / DB_NAME, (c.text for c in chunks))


def _write_build(folder: Path, documents: list[Document], progress: bool, sink=None, encoder=None) -> Manifest:
    from . import embed

    embed = encoder or embed  # a Ray ingest hands in the vectors its workers computed

    chunks = write_store(folder / DB_NAME, documents)
    _checkpoint("store")
    vectors = embed.encode([embed_input(c) for c in chunks], progress=progress, desc="Embedding paragraphs")
    faiss_params = write_vectors(folder / VECTORS_NAME, vectors) if sink is None else {}
    _write_retrieval_aids(folder, chunks, embed, progress, sink)
    backend = sink.write(documents, chunks, vectors) if sink is not None else {}
    checksum = hashlib.sha256("".join(sorted(d.checksum for d in documents)).encode()).hexdigest()
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        model=embed.MODEL_NAME,
        dimension=int(vectors.shape[1]) if len(vectors) else embed.DIMENSION,
        corpus_checksum=checksum,
        documents=[{"symbol": d.symbol, "title": d.title, "source": d.source, "checksum": d.checksum,
                    "chunks": len(d.chunks)} for d in documents],
        chunks=len(chunks),
        faiss=faiss_params,
        model_files=embed.model_files(),
        embed_text="section+text",
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        backend=backend,
    )
    manifest.write(folder)
    return manifest


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
