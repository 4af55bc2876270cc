"""Read a ``paracite export`` file (JSON Lines, one chunk a line) back into documents.

An export is the index's content in plain text, so it can be edited, merged or moved to another
machine and indexed again with ``paracite ingest FILE.jsonl`` or ``from_export(path)``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from paracite.errors import IngestError
from .models import Chunk, Document

KINDS = ("summary", "paragraph", "table", "preamble", "part", "note")
METADATA = ("date", "bodies", "session", "agenda_items", "symbols", "doc_type", "pages")  # issue #14


def from_export(path: str | Path) -> list[Document]:
    """The documents of an export file, in file order, each with its chunks in file order."""
    path = Path(path)
    try:
        # JSON Lines ends records at "\n" only: str.splitlines() would also split inside a record
        # at U+2028, U+0085 and the like, which JSON leaves unescaped (found by test_fuzz).
        lines = [line.removesuffix("\r") for line in path.read_bytes().decode("utf-8").split("\n")]
    except UnicodeDecodeError as e:
        raise IngestError(f"{path}: not UTF-8 text (byte {e.start})") from None
    by_symbol: dict[str, list[tuple[Chunk, str]]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        chunk = chunk_from_record(line, where=f"{path}, line {n}")
        by_symbol.setdefault(chunk.symbol, []).append((chunk, line))
    if not by_symbol:
        raise IngestError(f"{path}: the export holds no chunks")
    return [Document(symbol=symbol, title=_title(pairs), source=str(path),
                     chunks=tuple(c for c, _ in pairs),
                     checksum=hashlib.sha256("\n".join(l for _, l in pairs).encode("utf-8")).hexdigest(),
                     **_metadata(pairs))
            for symbol, pairs in by_symbol.items()]


def _metadata(pairs: list[tuple[Chunk, str]]) -> dict:
    """The document's page-1 metadata (issue #14) from the first of its records that carries it."""
    for _, line in pairs:
        r = json.loads(line)
        if any(k in r for k in METADATA):
            return {"date": r.get("date"), "bodies": tuple(r.get("bodies") or ()), "session": r.get("session"),
                    "agenda_items": tuple(r.get("agenda_items") or ()), "symbols": tuple(r.get("symbols") or ()),
                    "doc_type": r.get("doc_type"), "pages": r.get("pages")}
    return {}


def chunk_from_record(line: str, where: str = "record") -> Chunk:
    """One export line as a ``Chunk``; ``IngestError`` names the line if it is not one."""
    try:
        record = json.loads(line)
    except ValueError:
        raise IngestError(f"{where}: not JSON; is this a `paracite export` file?") from None
    if not isinstance(record, dict):
        raise IngestError(f"{where}: not a JSON object; is this a `paracite export` file?")
    problem = _problem(record)
    if problem:
        raise IngestError(f"{where}: {problem}")
    try:
        return Chunk.from_dict(record)
    except (KeyError, TypeError, ValueError) as e:
        raise IngestError(f"{where}: bad chunk record ({e})") from None


def _problem(r: dict) -> str:
    """What is wrong with a record's required fields, or ``""``."""
    for key, kind in (("symbol", str), ("kind", str), ("number", int), ("text", str)):
        if key not in r:
            return f"no {key!r} field"
        if not isinstance(r[key], kind) or isinstance(r[key], bool):
            return f"{key!r} must be {kind.__name__}"
    if not r["symbol"].strip():
        return "empty 'symbol'"
    if r["kind"] not in KINDS:
        return f"'kind' must be one of {', '.join(KINDS)}, got {r['kind']!r}"
    if r["number"] < 0:
        return "'number' must not be negative"
    for key in ("section", "footnotes", "entities"):
        if not isinstance(r.get(key) or [], list):
            return f"{key!r} must be a list"
    if r.get("page") is not None and (not isinstance(r["page"], int) or isinstance(r["page"], bool)):
        return "'page' must be a number or null"
    return _metadata_problem(r)


def _metadata_problem(r: dict) -> str:
    """What is wrong with a record's document metadata, or ``""`` (every field may be absent)."""
    for key in ("date", "session", "doc_type"):
        if r.get(key) is not None and not isinstance(r[key], str):
            return f"{key!r} must be text or null"
    if r.get("date") is not None and not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", r["date"]):
        return "'date' must be YYYY, YYYY-MM or YYYY-MM-DD"
    for key in ("bodies", "agenda_items", "symbols"):
        if not isinstance(r.get(key) or [], list) or not all(isinstance(v, str) for v in r.get(key) or []):
            return f"{key!r} must be a list of text"
    if r.get("pages") is not None and (not isinstance(r["pages"], int) or isinstance(r["pages"], bool) or r["pages"] < 0):
        return "'pages' must be a number or null"
    return ""


def _title(pairs: list[tuple[Chunk, str]]) -> str:
    return next((c.title for c, _ in pairs if c.title), "")
