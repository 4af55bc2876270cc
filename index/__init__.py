"""Building and opening an index folder: SQLite store, FAISS vectors and the manifest.

The names below are imported when first asked for: ``from index.store import ...`` (a search)
need not import the build machinery and the parser behind it."""

from __future__ import annotations

__all__ = ["build_index", "current_build", "Manifest", "FORMAT_VERSION"]


def __getattr__(name: str):
    if name in ("build_index", "current_build"):
        from . import build

        return getattr(build, name)
    if name in ("Manifest", "FORMAT_VERSION"):
        from . import manifest

        return getattr(manifest, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
