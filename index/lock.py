"""One builder at a time per index folder: an advisory lock file.

A second ``paracite ingest`` on the same folder refuses at once with ``IndexBusy`` (rather than
queueing behind a build that may take minutes); readers never take the lock. The kernel drops an
``flock`` when its holder dies, so a killed build never leaves the folder locked.
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ingest.errors import IndexBusy, IngestError, UsageError

LOCK_NAME = ".lock"


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
            holder = _holder(fd)
            raise IndexBusy(f"{index_dir}: another `paracite ingest`{holder} is building this index; "
                            "wait for it to finish, then run yours again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
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


def _holder(fd: int) -> str:
    """`` (pid N)`` from the lock file, for the busy message; empty if unreadable."""
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
