"""Locks of an index folder: one builder at a time, and readers that keep their build on disk.

A second ``paracite ingest`` on the same folder refuses at once with ``IndexBusy`` (rather than
queueing behind a build that may take minutes); readers never take the builder's lock, they take
a shared lock on their own build instead (below). The kernel drops an ``flock`` when its holder
dies, so a killed build or reader never leaves anything locked.
"""

from __future__ import annotations

import fcntl
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from paracite.errors import IndexBusy, IndexMismatch, IngestError, UsageError

LOCK_NAME = ".lock"
#: the commands that build, as the lock file names its holder ("another `paracite add` is changing this index")
BUILD_COMMANDS = ("ingest", "add", "remove")


@contextmanager
def build_lock(index_dir: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the folder's lock for a build; raise ``IndexBusy`` if another build holds it.

    With ``wait=True`` block until the other build ends instead (used by the first search that
    builds the default index, so two first searches share one build).
    """
    fd = _open_lock_file(index_dir)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            raise IndexBusy(f"{index_dir}: {holder_words(_read_holder(fd))} is changing this index; "
                            "wait for it to finish, then run yours again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {_own_command()}".strip().encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock


def wait_for_build(index_dir: Path) -> None:
    """Block until no build holds the folder's lock (returns at once if none does)."""
    with build_lock(index_dir, wait=True):
        pass


def _open_lock_file(index_dir: Path) -> int:
    """Create the index folder and open its lock file, turning OS errors into one-line errors."""
    index_dir = Path(index_dir)
    if index_dir.exists() and not index_dir.is_dir():
        raise UsageError(f"{index_dir} is a file, not an index folder; pass a folder to --index")
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        return os.open(index_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise IngestError(f"{index_dir}: cannot write the index here ({e.strerror})") from None


def _own_command() -> str:
    """The paracite command this process runs (``add``), from its arguments; empty from Python."""
    return next((arg for arg in sys.argv[1:] if arg in BUILD_COMMANDS), "")


def _read_holder(fd: int) -> str:
    try:
        return os.pread(fd, 64, 0).decode()
    except (OSError, UnicodeDecodeError):
        return ""


def holder_words(text: str) -> str:
    """The lock file's "PID [COMMAND]" said for the busy message: "another `paracite add` (pid 12)", or
    "another paracite build" when it says nothing readable (a build from Python, an older lock file)."""
    pid, _, command = text.strip().partition(" ")
    who = f"another `paracite {command}`" if command in BUILD_COMMANDS else "another paracite build"
    return who + (f" (pid {pid})" if pid.isdigit() else "")


# -- readers ---------------------------------------------------------------------------------
# Each build holds an empty ``readers.lock``. A ``Searcher`` keeps a shared lock on it while open;
# a build removes an old build only if it can lock that file exclusively. So every file of a
# build a reader uses (even one it reads lazily, long after opening) stays on disk until the
# reader closes; the next build after that removes it.
READERS_NAME = "readers.lock"


def hold_build(build: Path) -> BinaryIO | None:
    """Take a reader's shared lock on ``build``; return the open lock file to close when done.

    A file object rather than a bare descriptor, so a reader that is never closed still drops
    its lock when garbage-collected. ``None`` for a build written before readers' locks
    existed. Raises ``IndexMismatch`` if a newer build is deleting this one right now (the
    caller opens ``current`` again).
    """
    try:
        f = open(Path(build) / READERS_NAME, "rb")
    except OSError:
        return None
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        raise IndexMismatch(f"{build}: a newer `paracite ingest` is removing this build; open the index again") from None
    return f


def release_build(held: BinaryIO | None) -> None:
    """Drop a reader's lock taken by ``hold_build``."""
    if held is not None:
        held.close()


@contextmanager
def removable(build: Path) -> Iterator[bool]:
    """Yield True while no reader holds ``build`` (and keep new readers out), else False."""
    try:
        fd = os.open(Path(build) / READERS_NAME, os.O_RDONLY)
    except OSError:
        yield True  # no readers' lock: an unfinished or older build
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
