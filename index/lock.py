"""One builder at a time per index folder: an advisory lock file."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ingest.errors import IndexBusy

LOCK_NAME = ".lock"


@contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Hold the folder's lock, or raise ``IndexBusy`` if another build holds it.

    The kernel drops the lock when its holder dies, so a killed build never leaves it stuck.
    """
    fd = os.open(index_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(f"{index_dir}: another `paracite ingest` is building this index; wait for it to finish") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)
