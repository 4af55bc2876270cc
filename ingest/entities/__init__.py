"""Tagging the entities of chunks: organizations, instruments, places, and the numbers answers use.

``tagger`` runs spaCy's small model behind an ``EntityRuler`` built from ``gazetteer`` (UN bodies,
countries, regions; ``data/``) and the rule modules: ``instruments`` (conventions, resolutions,
document symbols), ``bodies`` (titled bodies by head word), ``towns``/``cities`` (GeoNames),
``people`` and ``name_context`` (what is not an entity), ``acronym_definitions`` ("Long Name (LN)"),
``backrefs`` ("the Convention"). May import ``ingest.models`` only. The tagger (and spaCy) load on
first use: importing this package loads no model.
"""

from __future__ import annotations

__all__ = ["tag_document", "tag_texts", "nlp"]


def __getattr__(name: str):
    # Lazy: ``ingest.entities.gazetteer`` is used on the search path, which must not import spaCy.
    if name in __all__:
        from . import tagger

        return getattr(tagger, name)
    raise AttributeError(name)
