"""Building and opening an index folder: SQLite store, FAISS vectors and the manifest."""

from .build import build_index, current_build
from .manifest import FORMAT_VERSION, Manifest

__all__ = ["build_index", "current_build", "Manifest", "FORMAT_VERSION"]
