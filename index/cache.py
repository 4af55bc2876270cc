"""Per-file results kept between builds, keyed by content: parse once, embed once (issue #13).

``DIR/cache/<key>/`` holds what one source file gave: its documents (every field of ``Document``
and ``Chunk``, as JSON), the chunk vectors and sentence vectors (``.npy``) and the sentence
spans. The key hashes the file's bytes with the parser version, a fingerprint of the ``ingest``
package's code and data, the model and the encoder, so an edited file, a new parser or a new
model each miss the cache. A new build reads entries; it never changes them. Entries are written
into a temporary folder and renamed, so a killed ingest leaves no half entry, and a build removes
the entries its manifest no longer names (the index matches the folder).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import types
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ingest.models import Document

# Bump when parsing or tagging changes what a file gives; code edits under ingest/ also count.
PARSER_VERSION = "2026-12-04.1"
CACHE = "cache"
_ENTRY = "entry.json"
_CHUNKS = "chunks.jsonl"


@dataclass
class Entry:
    """What one source file gave: its documents with their vectors, or the reason it was skipped."""

    source: str
    documents: list[Document] = field(default_factory=list)
    vectors: np.ndarray | None = None  # one row per chunk, documents in order
    sentences: list[tuple[int, int, int]] = field(default_factory=list)  # (chunk row in entry, start, end)
    sentence_vectors: np.ndarray | None = None
    notes: list[str] = field(default_factory=list)
    skip: dict | None = None  # {"stage", "reason"} for a file that will never read (a scan)


def content_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (a big PDF is not held twice)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the ``ingest`` package's source and data files: parser edits invalidate entries."""
    import ingest

    root = Path(ingest.__file__).parent
    h = hashlib.sha256(PARSER_VERSION.encode())
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".json", ".txt", ".tsv", ".csv", ".jsonl") and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def entry_key(content: str, model: str, encoder: str, tagged: bool, kind: str = "") -> str:
    """The cache key of a file's content under this parser, tagger and model.

    ``kind`` is the file's suffix: the same bytes are read differently as ``.txt``, ``.pdf`` or
    ``.jsonl`` (an empty ``a.pdf`` and an empty ``b.txt`` must not share one remembered skip).
    """
    parts = (content, code_fingerprint(), model, encoder, "tagged" if tagged else "plain", kind.lower())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class Cache:
    """The cache folder of one index folder."""

    def __init__(self, index_dir: Path):
        self.root = Path(index_dir) / CACHE
        self._kept: dict[str, Entry] = {}  # entries one ingest has read already (``keep``)

    def keep(self, key: str, entry: Entry) -> None:
        """Hold an entry read by this ingest, so ``load`` does not read and decode it again."""
        self._kept[key] = entry

    def kept(self, key: str) -> Entry | None:
        return self._kept.get(key)

    def has(self, key: str) -> bool:
        return (self.root / key / _ENTRY).is_file()

    def store(self, key: str, entry: Entry) -> None:
        """Write an entry whole or not at all (a temporary folder, then one rename)."""
        final = self.root / key
        if final.exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".tmp-{key[:16]}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        meta = {"source": entry.source, "notes": entry.notes, "skip": entry.skip,
                "documents": [_doc_fields(d) for d in entry.documents],
                "sentences": [list(s) for s in entry.sentences]}
        with (tmp / _CHUNKS).open("w", encoding="utf-8") as f:
            for i, d in enumerate(entry.documents):
                for c in d.chunks:
                    f.write(json.dumps({"doc": i, **dataclasses.asdict(c)}, ensure_ascii=False) + "\n")
        if entry.vectors is not None:
            np.save(tmp / "vectors.npy", entry.vectors)
            np.save(tmp / "sentences.npy", entry.sentence_vectors)
        (tmp / _ENTRY).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        try:
            os.rename(tmp, final)
        except OSError:  # another build stored it first: theirs is the same content
            shutil.rmtree(tmp, ignore_errors=True)

    def load(self, key: str) -> Entry | None:
        """The stored entry, or None if it is missing or unreadable (then the file is read again)."""
        if key in self._kept:
            return self._kept[key]
        folder = self.root / key
        try:
            meta = json.loads((folder / _ENTRY).read_text(encoding="utf-8"))
            rows: list[list[dict]] = [[] for _ in meta["documents"]]
            with (folder / _CHUNKS).open(encoding="utf-8") as f:
                for line in f:
                    record = json.loads(line)
                    rows[record.pop("doc")].append(record)
            docs = [decode(Document, d | {"chunks": r}) for d, r in zip(meta["documents"], rows)]
            vectors = sentence_vectors = None
            if (folder / "vectors.npy").exists():
                vectors = np.load(folder / "vectors.npy", allow_pickle=False)
                sentence_vectors = np.load(folder / "sentences.npy", allow_pickle=False)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None
        return Entry(meta["source"], docs, vectors, [tuple(s) for s in meta["sentences"]], sentence_vectors,
                     meta.get("notes") or [], meta.get("skip"))

    def keep_only(self, keys: set[str]) -> None:
        """Remove entries no build needs and leftovers of killed writes (under the build lock)."""
        if not self.root.is_dir():
            return
        for f in self.root.iterdir():
            if f.name not in keys:
                self.discard(f.name)

    def discard(self, name: str) -> None:
        """Remove an entry: renamed away first, so a kill mid-way never leaves half an entry."""
        self._kept.pop(name, None)
        folder = self.root / name
        if not name.startswith(".trash-"):
            trash = self.root / f".trash-{name}-{os.getpid()}"
            try:
                os.rename(folder, trash)
            except OSError:
                return
            folder = trash
        shutil.rmtree(folder, ignore_errors=True)


def _doc_fields(doc: Document) -> dict:
    """A document's fields except its chunks (they go one a line to ``chunks.jsonl``)."""
    return {f.name: _plain(getattr(doc, f.name)) for f in dataclasses.fields(doc) if f.name != "chunks"}


def _plain(value):
    return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value


def decode(cls, data: dict):
    """A dataclass from its ``asdict`` form, by its type hints: lists become tuples or nested
    dataclasses again, so fields another module adds round-trip without changes here."""
    hints = _hints(cls)
    kwargs = {f.name: _decode(hints.get(f.name), data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


@lru_cache(maxsize=None)
def _hints(cls) -> dict:
    """A dataclass's resolved type hints, worked out once per class: resolving them is most of
    the time a library's cache takes to load (41,880 objects for 74 documents)."""
    return typing.get_type_hints(cls)


def _decode(tp, value):
    if value is None or tp is None:
        return value
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return decode(tp, value)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        for a in args:
            if a is not type(None) and _fits(a, value):
                return _decode(a, value)
        return value
    if origin is tuple and isinstance(value, (list, tuple)):
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value)) if args else tuple(value)
    if origin is list and isinstance(value, (list, tuple)):
        return [_decode(args[0], v) for v in value] if args else value
    if origin is dict and isinstance(value, dict) and len(args) == 2:
        return {k: _decode(args[1], v) for k, v in value.items()}
    return value


def _fits(tp, value) -> bool:
    if dataclasses.is_dataclass(tp):
        return isinstance(value, dict)
    origin = typing.get_origin(tp) or tp
    return isinstance(origin, type) and isinstance(value, origin if origin is not tuple else (list, tuple))
