"""The manifest: what an index was built from and with, checked before every search."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from paracite.errors import IndexMismatch

FORMAT_VERSION = 3  # 2: sentence vectors, acronyms table, model file hashes; 3: document metadata (#14)
MANIFEST_NAME = "manifest.json"


@dataclass
class Manifest:
    """Format version, embedding model, FAISS layout and the checksums of the sources."""

    format_version: int
    model: str
    dimension: int
    corpus_checksum: str
    documents: list[dict] = field(default_factory=list)
    chunks: int = 0
    faiss: dict = field(default_factory=dict)
    model_files: dict = field(default_factory=dict)
    embed_text: str = "text"
    created: str = ""
    backend: dict = field(default_factory=dict)  # {} = SQLite + FAISS here; else Milvus (issue #17)

    def write(self, folder: Path) -> None:
        (folder / MANIFEST_NAME).write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n",
                                            encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        path = folder / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexMismatch(f"{folder}: manifest.json is missing; run `paracite ingest` to rebuild the index") from None
        except (OSError, ValueError, UnicodeDecodeError):
            raise IndexMismatch(f"{folder}: manifest.json is damaged; run `paracite ingest` to rebuild the index") from None
        if not isinstance(data, dict) or data.get("format_version") != FORMAT_VERSION:
            got = data.get("format_version") if isinstance(data, dict) else None
            raise IndexMismatch(
                f"{folder}: index format version {got!r}, this paracite reads {FORMAT_VERSION}; "
                "run `paracite ingest` to rebuild the index")
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        try:
            manifest = cls(**known)
        except TypeError:
            raise IndexMismatch(f"{folder}: manifest.json is incomplete; run `paracite ingest` to rebuild the index") from None
        bad = [name for name, kind in _TYPES.items() if not _is(getattr(manifest, name), kind)]
        if bad:
            raise IndexMismatch(f"{folder}: manifest.json has a bad {', '.join(bad)}; "
                                "run `paracite ingest` to rebuild the index")
        return manifest


# What each field must hold, so a hand-edited or foreign manifest fails here, not mid-search.
_TYPES = {"model": str, "dimension": int, "corpus_checksum": str, "documents": list, "chunks": int,
          "faiss": dict, "model_files": dict, "embed_text": str, "created": str, "backend": dict}


def _is(value, kind: type) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return isinstance(value, kind)
