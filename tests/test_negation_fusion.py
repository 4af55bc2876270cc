"""A negating query whose dense and BM25 rankings disagree leans more on BM25 (issue #12, round 4):
"not", "nobody", "only" barely move a sentence embedding, so its top ten is the topic's
paragraphs, not the one that says what the query negates."""

from __future__ import annotations

import numpy as np
import pytest

from search.fusion import DISAGREE_POWER, negates, pooled_hybrid_score, top_share
from search.ranking import Signals


@pytest.mark.parametrize("query, expected", [
    ("which official could not attend the opening of the ocean conference", True),
    ("where almost nobody else served women and girls, businesses owned by women", True),
    ("apart from Bhutan and Kazakhstan, which country proposed an observer status item", True),
    ("Which CEDAW task force did not meet during the eighty-ninth session?", True),
    ("drownings and border deaths show legal routes don't match reality", True),
    ("Who was elected Rapporteur-General of the 2025 UN Ocean Conference?", False),
    ("suspects held at police stations for weeks, past the two-day limit", False),
    ("knot of notes on nonetheless", False),
])
def test_negates(query, expected):
    assert negates(query) is expected


def test_top_share_counts_only_keyword_matches():
    dense = np.arange(30, dtype=float)[::-1]  # best: 0, 1, ..., 9
    keyword = np.zeros(30)
    keyword[[0, 1, 25]] = [3.0, 2.0, 5.0]
    assert top_share(dense, keyword) == 2  # zeros among the keyword "top ten" do not count
    assert top_share(dense, np.zeros(30)) == 0


def _disagreeing(n: int = 60):
    """Dense prefers chunks 0-9 (a topic's paragraphs); BM25 holds chunk 12, just outside the dense
    top ten, far ahead of every other chunk (the paragraph with the negated phrase)."""
    rng = np.random.default_rng(3)
    sentence = np.linspace(0.70, 0.30, n) + rng.uniform(0, 0.001, n)
    chunk = sentence - 0.1
    keyword = np.zeros(n)
    keyword[12] = 2.5
    keyword[[30, 31, 32, 40, 41, 42, 50, 51]] = [2.0, 1.8, 1.5, 1.2, 1.0, 0.8, 0.6, 0.5]
    return sentence, chunk, keyword


def test_negated_query_with_disagreeing_rankings_weighs_bm25_more():
    sentence, chunk, keyword = _disagreeing()
    assert top_share(sentence, keyword) <= 1
    plain = pooled_hybrid_score(sentence, chunk, keyword, 0.6, power=3)
    negated = pooled_hybrid_score(sentence, chunk, keyword, 0.6, power=3, negated=True)
    assert int(np.argmax(plain)) == 0 and int(np.argmax(negated)) == 12
    assert np.allclose(negated, pooled_hybrid_score(sentence, chunk, keyword, 0.6, power=DISAGREE_POWER))


def test_negation_changes_nothing_when_the_rankings_agree_or_the_power_is_lower():
    sentence, chunk, keyword = _disagreeing()
    keyword[[0, 1, 2]] = [2.2, 2.1, 1.9]  # BM25 now shares three of the dense top ten
    assert np.allclose(pooled_hybrid_score(sentence, chunk, keyword, 0.6, power=3, negated=True),
                       pooled_hybrid_score(sentence, chunk, keyword, 0.6, power=3))
    sentence, chunk, keyword = _disagreeing()
    assert np.allclose(pooled_hybrid_score(sentence, chunk, keyword, 0.6, power=1, negated=True),
                       pooled_hybrid_score(sentence, chunk, keyword, 0.6, power=1))


def test_signals_pass_negation_to_the_hybrid_score():
    sentence, chunk, keyword = _disagreeing()
    coverage = np.where(keyword > 0, 0.6, 0.0)
    base = dict(ids=np.arange(len(keyword)), chunk=chunk, sentence=sentence, bm25=keyword, coverage=coverage, power=3)
    assert int(np.argmax(Signals(**base).scores("hybrid"))) == 0
    assert int(np.argmax(Signals(**base, negated=True).scores("hybrid"))) == 12


def test_the_pool_keeps_every_score_tied_at_its_edge_whatever_else_is_ranked():
    """Two chunks with the same BM25 and coverage at the pool's 200th place (library dev query 'Where and
    when was the Asia-Pacific Ministerial Conference ... held?': A/80/1 para. 108 and E/CN.3/2025/8
    para. 34): ``argpartition`` kept one over every chunk (the local backend) and the other over
    Milvus's candidates, so the pools, and every z-score, differed. Both are kept now, so the pool of
    any candidate set holding the top is the same."""
    from search.fusion import best_with_ties, pool

    keyword = np.array([5.0, 1.6424498645852752, 0.2, 1.6424498645852752, 3.0, 0.0])
    assert best_with_ties(keyword, 3).tolist() == [0, 1, 3, 4]
    assert best_with_ties(keyword, 2).tolist() == [0, 4]
    assert best_with_ties(keyword, 9).tolist() == list(range(6))
    dense = np.array([0.1, 0.2, 0.3, 0.9, 0.4, 0.5])
    everything = np.asarray(pool(dense, keyword, size=3)).tolist()
    assert everything == [0, 1, 3, 4, 5]
    for subset in ([0, 1, 3, 4, 5], [5, 4, 3, 1, 0]):  # candidates without position 2, in any order
        at = np.array(subset)
        assert sorted(at[np.asarray(pool(dense[at], keyword[at], size=3))].tolist()) == everything
