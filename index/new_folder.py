"""A failed first ingest leaves no folder behind.

Taking the build lock creates the index folder, its ``.lock`` and ``cache/`` before any file is
read; when nothing could be indexed (every file unreadable) the user was left with a folder that
looks like an index and is none. What this run created is removed when no build was ever made;
a folder that held anything before keeps it (only the entries this run added go), and one that
holds a build (``current``) is never touched. Ctrl-C keeps the cache, so a rerun resumes.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from paracite.errors import IndexBusy


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


def _undo(index_dir: Path, made: Path | None, before: set[str]) -> None:
    """Remove the folders this run made, or else the entries it added to a folder that was there."""
    if made is not None:
        shutil.rmtree(made, ignore_errors=True)
        return
    try:
        added = set(os.listdir(index_dir)) - before
    except OSError:
        return
    for name in added:
        path = index_dir / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
