"""Which ranker a ``Searcher`` ranks with: the local FAISS + FTS5 one, or a Milvus-backed one."""

from __future__ import annotations


class Rankers:
    """Mixin of ``Searcher``: builds its ranker on first use (``self._con``, ``self.folder``,
    ``self.vectors``, ``self._model`` and ``self.manifest`` come from the ``Searcher``)."""

    def query_vector(self, query: str):
        """The query's (1, d) vector, embedded once however many steps ask for it: a web page
        ranks and then marks the best sentence, ``ask`` searches two scopes and scores sentences.
        Only the last query is kept, so a stream of different queries pays nothing extra."""
        last = getattr(self, "_last_query", None)
        if last is None or last[0] != query:
            from .dense import embed_query

            last = self._last_query = (query, embed_query(query, self._model))
        return last[1]

    def _ranking(self):
        if getattr(self, "_ranker", None) is None:
            from .ranking import Ranker

            self._ranker = self._backend_ranker() if self.manifest.backend else Ranker(
                self._con, self.folder, lambda: self.vectors, self.query_vector, self.manifest.chunks)
        return self._ranker

    def _backend_ranker(self):
        """The ranker of a Milvus-backed index (``search.milvus_ranker``), connected on the first
        ranking, not when the index opens: ``docs``, ``show``, ``export`` and ``entities`` read the
        index folder's SQLite store alone, so they answer while another process (``paracite serve``)
        holds a Milvus Lite folder, which admits one process at a time."""
        from .milvus_ranker import MilvusRanker

        return MilvusRanker(self._con, self.folder, self.manifest.backend, self.query_vector,
                            self.manifest.chunks)
