"""A failed first ingest leaves no folder behind.

Taking the build lock creates the index folder, its ``.lock`` and ``cache/`` before any file is
read; when nothing could be indexed (every file unreadable) the user was left with a folder that
looks like an index and is none. What this run created is removed when no build was ever made;
a folder that held anything before keeps it, and one that holds a build (``current``) is never
touched. Only entries paracite itself makes (``.lock``, ``cache/``, ``builds/``, ``current``,
``.current-*``) that were not there before are removed, and a folder this run made goes only once
it is empty: a file the user put there while the ingest ran stays. Ctrl-C keeps the cache, so a
rerun resumes.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from paracite.errors import IndexBusy

from .cache import CACHE
from .lock import LOCK_NAME

# what a build writes into its index folder; "builds" and "current" are index.build's BUILDS and
# CURRENT (it imports this module)
_OURS = frozenset({LOCK_NAME, CACHE, "builds", "current"})


@contextmanager
def removed_unless_built(index_dir: Path, current: Path) -> Iterator[None]:
    """Run a build in ``index_dir``; on failure, with no ``current`` build, undo what it created."""
    made = _topmost_missing(index_dir)
    before = set(os.listdir(index_dir)) if made is None and index_dir.is_dir() else set()
    try:
        yield
    except IndexBusy:  # another build owns the folder: nothing here is ours
        raise
    except Exception:
        if not os.path.lexists(current):
            _undo(index_dir, made, before)
        raise


def _topmost_missing(folder: Path) -> Path | None:
    """The highest of ``folder`` and its parents that does not exist yet (``mkdir -p`` makes it)."""
    missing = None
    for f in (folder, *folder.absolute().parents):
        if os.path.lexists(f):
            break
        missing = f
    return missing


def _ours(name: str) -> bool:
    return name in _OURS or name.startswith(".current-")


def _undo(index_dir: Path, made: Path | None, before: set[str]) -> None:
    """Remove the entries this run added to the index folder, then the folders it made, if empty."""
    try:
        added = {n for n in os.listdir(index_dir) if _ours(n)} - before
    except OSError:
        return
    for name in added:
        path = index_dir / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if made is None:
        return
    for folder in (index_dir.absolute(), *index_dir.absolute().parents):
        try:
            folder.rmdir()  # only an empty one: whatever someone else put there stays
        except OSError:
            return
        if folder == made.absolute():
            return
