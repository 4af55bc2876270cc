"""The weak-match check's "best sentence in the index" (``Ranker.best_cosine``) is taken from the
ranking's own scores when the ranking has just scored every sentence, instead of a second look-up
in the sentence index: the value must be the look-up's, and a filtered search (which scores only
some sentences) must not leave a smaller "best" behind."""

from __future__ import annotations

import pytest

from search.ordinals import spell_ordinals

QUERIES = ["cost of sending money home", "domestic workers' rights", "recruitment fees paid by migrants"]


def _looked_up(ranker, query: str) -> float:
    scores, _ = ranker._sentences()[0].search(ranker._embed(query), 1)
    return float(scores[0][0])


@pytest.mark.parametrize("query", QUERIES)
def test_best_cosine_after_a_search_equals_the_sentence_index_look_up(searcher, query):
    searcher.search(query)
    ranker = searcher._ranking()
    assert ranker.best_cosine(spell_ordinals(query)) == pytest.approx(_looked_up(ranker, query), abs=1e-5)


@pytest.mark.parametrize("query", QUERIES)
def test_a_filtered_search_keeps_the_whole_index_best(searcher, query):
    ranker = searcher._ranking()
    searcher.search(query, doc="A/69/207", kind="table")  # scores a few chunks' sentences only
    assert ranker.best_cosine(spell_ordinals(query)) == pytest.approx(_looked_up(ranker, query), abs=1e-5)


def test_no_second_look_up_after_an_unfiltered_search(searcher, monkeypatch):
    searcher.search(QUERIES[0])
    ranker = searcher._ranking()
    _, chunk_of, matrix = ranker._sentences()

    class NoLookUp:
        def search(self, *args):
            raise AssertionError("the sentence index was searched again")

    monkeypatch.setattr(ranker, "_sentences", lambda: (NoLookUp(), chunk_of, matrix))
    assert ranker.best_cosine(spell_ordinals(QUERIES[0])) > 0.3
