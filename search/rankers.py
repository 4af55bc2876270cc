"""Which ranker a ``Searcher`` ranks with: the local FAISS + FTS5 one, or a Milvus-backed one."""

from __future__ import annotations


class Rankers:
    """Mixin of ``Searcher``: builds its ranker on first use (``self._con``, ``self.folder``,
    ``self.vectors``, ``self._model`` and ``self.manifest`` come from the ``Searcher``)."""

    def _ranking(self):
        if getattr(self, "_ranker", None) is None:
            from .dense import embed_query
            from .ranking import Ranker

            self._ranker = Ranker(self._con, self.folder, lambda: self.vectors,
                                  lambda q: embed_query(q, self._model), self.manifest.chunks)
        return self._ranker

    def _backend_ranker(self):
        """The ranker of a Milvus-backed index (``search.milvus_ranker``), connected now."""
        from .dense import embed_query
        from .milvus_ranker import MilvusRanker

        return MilvusRanker(self._con, self.folder, self.manifest.backend,
                            lambda q: embed_query(q, self._model), self.manifest.chunks)
