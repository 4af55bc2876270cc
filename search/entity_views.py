"""The ``Searcher``'s entity methods (issue 4): the index's entities and the chunks naming one.

A mixin, as ``DocumentViews``, so that ``Searcher`` stays one screenful of retrieval; every method
reads the index through ``self._con`` and builds hits with ``self._hit``.
"""

from __future__ import annotations

from typing import Sequence

from paracite.errors import UsageError

from .arguments import valid_unicode
from .entity_index import KINDS as ENTITY_KINDS, EntityInfo, citing_ids, list_entities, matching_names
from .models import Hit


class EntityViews:
    """Entities as records: organizations, places, instruments, with their forms and citing chunks."""

    def entities(self, kind: str | None = None, name: str | None = None) -> list[EntityInfo]:
        """Entities of the index with their forms and citing chunks, most cited first.

        ``kind`` keeps one kind (``organization``, ``instrument``, ``place``, ``date``, ...);
        ``name`` keeps what one name names (``"UNHCR"``); an unknown name gives ``[]``.
        """
        if kind is not None and kind not in ENTITY_KINDS:
            raise UsageError(f"unknown entity kind {kind!r}; choose one of {', '.join(ENTITY_KINDS)}")
        return list_entities(self._con, kind, valid_unicode(name) if name is not None else None)

    def citing(self, name: str, kind: str | None = None) -> list[Hit]:
        """The chunks naming an entity (any of its forms), in document order."""
        return [self._hit(i, 1.0) for i in citing_ids(self._con, valid_unicode(name), kind)]

    def unknown_filters(self, org: Sequence[str] = (), place: Sequence[str] = (),
                        instrument: Sequence[str] = ()) -> list[tuple[str, str]]:
        """The (kind, value) filter values that name nothing in this index."""
        return [(k, v) for k, vs in (("organization", org), ("place", place), ("instrument", instrument))
                for v in ([vs] if isinstance(vs, str) else vs or ())
                if not matching_names(self._con, k, valid_unicode(v))]
