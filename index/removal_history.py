"""What ``paracite remove`` took out of an index, kept so a later "no document X" can say it was removed.

A symbol removed and then named again (``remove`` twice, or ``show`` of it) was answered like a typo,
with "did you mean" another document; the index remembers each removal in ``removed.json`` beside its
builds: the symbol, the day, the file it came from. A document indexed again is forgotten there. The
record is a courtesy: a folder it cannot be written to or read from only loses the sentence.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from ingest.text.symbol_suffix import symbol_key

HISTORY_NAME = "removed.json"


def record_removed(index_dir: Path, documents: list[dict]) -> None:
    """Remember the manifest entries ``documents`` (``symbol``, ``file``) as removed today."""
    if not documents:
        return
    day = time.strftime("%Y-%m-%d", time.gmtime())
    history = _read(index_dir)
    history.update({d["symbol"]: {"removed": day, "file": d.get("file") or d.get("source") or ""}
                    for d in documents if d.get("symbol")})
    _write(index_dir, history)


def forget(index_dir: Path, symbols: list[str]) -> None:
    """Drop the record of documents that are indexed again."""
    history = _read(index_dir)
    kept = {s: r for s, r in history.items() if s not in set(symbols)}
    if kept != history:
        _write(index_dir, kept)


def removal_of(index_dir: Path, typed: str) -> tuple[str, dict] | None:
    """(the removed document's symbol, its record) for a symbol typed in any case or spacing, or None."""
    want = symbol_key(typed)
    return next(((s, r) for s, r in _read(index_dir).items() if symbol_key(s) == want and isinstance(r, dict)), None)


def _read(index_dir: Path) -> dict:
    try:
        data = json.loads((index_dir / HISTORY_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(index_dir: Path, history: dict) -> None:
    tmp = index_dir / f".{HISTORY_NAME}-{os.getpid()}"
    try:
        tmp.write_text(json.dumps(history, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, index_dir / HISTORY_NAME)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
