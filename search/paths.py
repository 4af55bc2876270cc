"""Where the bundled corpus and the default index live (overridable by environment)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_corpus() -> Path:
    """The bundled ``corpus/`` folder, or ``$PARACITE_CORPUS``."""
    return Path(os.environ.get("PARACITE_CORPUS") or ROOT / "corpus")


def default_index() -> Path:
    """The default index folder, ``.paracite/`` beside the corpus, or ``$PARACITE_INDEX``."""
    env = os.environ.get("PARACITE_INDEX")
    return Path(env) if env else default_corpus().parent / ".paracite"
