"""A small library indexed from hand-picked real paragraphs, for answer tests over several documents."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.models import Chunk


def index_paragraphs(folder: Path, docs) -> Path:
    """Index ``docs`` — (symbol, number, title, text) of real paragraphs — through `paracite ingest`
    of an export, and return the index folder."""
    from search.cli import main

    src = folder / "docs.jsonl"
    src.write_text("\n".join(json.dumps(dict(Chunk(sym, "paragraph", n, text).to_dict(), symbols=[sym], title=title))
                             for sym, n, title, text in docs) + "\n")
    assert main(["ingest", str(src), "--index", str(folder / "ix"), "--quiet"]) == 0
    return folder / "ix"
