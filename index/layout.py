"""An index folder's layout (``current`` → ``builds/b...``), apart from the build machinery: a
searcher reads it on every open, and importing ``index.build`` costs a cold search the parser and
worker modules it never runs (twenty-first session)."""

from __future__ import annotations

import os
from pathlib import Path

from paracite.errors import IndexNotFound

from .manifest import MANIFEST_NAME

CURRENT = "current"
BUILDS = "builds"


def current_build(index_dir: Path) -> Path:
    """The folder of the complete build an index folder points at."""
    return index_dir / CURRENT


def refuse_build_folder(folder: Path) -> None:
    """``IndexNotFound`` when ``folder`` is one build inside an index (``DIR/current``, ``DIR/builds/b...``)
    rather than the index folder: an ingest there wrote its lock and cache into a build readers use
    (and would have nested a whole index in it), and a search's hint sent the user to do just that."""
    if os.path.lexists(current_build(folder)) or not (folder / MANIFEST_NAME).is_file():
        return
    real = folder.resolve()
    owner = real.parent.parent if real.parent.name == BUILDS else None
    raise IndexNotFound(f"{folder} is one build inside the index {owner}, not an index folder; give --index {owner}"
                        if owner is not None else f"{folder} holds one build of an index, not an index folder; give "
                        "--index the folder that holds its `current` link")


def report_files_named(folder: Path, shown: int = 3) -> str:
    """``a.pdf, b.pdf and 4 more`` for the PDFs at the top of a folder that holds no index, or ""
    (none, no folder, or an index already there).

    ``--index`` given the folder of one's PDFs (the two folders swapped) made an index among the
    reports (``add``/``ingest``: ``.lock``, ``cache/``, ``builds/`` beside them) or told the user to.
    Only PDFs count: a ``notes.txt`` kept in an index folder is the user's own (``test_ux_round20``).
    """
    if os.path.lexists(current_build(folder)) or not folder.is_dir():
        return ""
    try:
        names = sorted(e.name for e in os.scandir(folder) if not e.name.startswith(".")
                       and e.name.lower().endswith(".pdf") and e.is_file())
    except OSError:
        return ""
    if not names:
        return ""
    return ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")
