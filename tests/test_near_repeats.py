"""search.near_repeats (issue #12): the top ten re-ordered so that a near-repeat of a chunk above it
gives up a little, on hand-made scores and on the real report's ranking."""

from __future__ import annotations

import numpy as np
import pytest

import search.ranking as ranking
from search.near_repeats import FLOOR, WEIGHT, pick_order, spread_repeats


def _sim(n: int, pairs: dict[tuple[int, int], float]) -> np.ndarray:
    s = np.eye(n)
    for (i, j), v in pairs.items():
        s[i, j] = s[j, i] = v
    return s


def test_an_identical_chunk_gives_up_the_full_weight():
    scores = np.array([3.0, 2.9, 2.0])
    # 1 repeats 0: 2.9 - WEIGHT < 2.0, so the unrelated chunk is picked second
    assert pick_order(scores, _sim(3, {(0, 1): 1.0})).tolist() == [0, 2, 1]
    # at or below the floor nothing is lost, whatever the weight
    assert pick_order(scores, _sim(3, {(0, 1): FLOOR})).tolist() == [0, 1, 2]
    # halfway between the floor and 1: half the weight (2.9 - 1.0 = 1.9 < 2.0 moves; 2.95 would not)
    half = (1 + FLOOR) / 2
    assert WEIGHT == pytest.approx(2.0)
    assert pick_order(scores, _sim(3, {(0, 1): half})).tolist() == [0, 2, 1]
    assert pick_order(np.array([3.0, 2.95, 1.94]), _sim(3, {(0, 1): half})).tolist() == [0, 1, 2]


def test_the_closest_chunk_picked_so_far_counts():
    """2 is unlike 0 but repeats 1: once 1 is picked, 2 falls behind 3."""
    scores = np.array([4.0, 3.0, 2.8, 2.5])
    assert pick_order(scores, _sim(4, {(1, 2): 0.95})).tolist() == [0, 1, 3, 2]


def test_the_top_keeps_its_scores_and_the_rest_is_untouched():
    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(14, 8))
    vecs[5] = vecs[2] + 0.01 * rng.normal(size=8)  # a near-repeat of the third best
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ids = np.arange(14) * 3  # row ids are not positions
    scores = np.linspace(5, 1, 14)
    out = spread_repeats(scores, ids, ids, lambda at: vecs[np.asarray(at) // 3], depth=10)
    assert sorted(out[:10]) == pytest.approx(sorted(scores[:10]), abs=1e-6)
    assert out[10:].tolist() == scores[10:].tolist()
    order = np.argsort(-out)
    assert order[0] == 0 and order.tolist().index(5) > 5  # the repeat moved down, the best stayed
    assert spread_repeats(scores[:1], ids[:1], ids[:1], lambda at: vecs[:1]).tolist() == [5.0]


def _top(searcher, query: str) -> list[int]:
    return [i for i, _ in searcher._ranking().rank(query, "hybrid", None, 10, limit=10)]


def test_the_real_reports_near_repeats_move_down(searcher, monkeypatch):
    """A/69/207's civil-society paragraphs 76, 77 and 79 say nearly the same thing (chunk cosines
    0.80-0.84): for "what civil society will concentrate on", para. 77 gives way to para. 15, and
    every chunk that moved down is a near-repeat of one now above it. A query whose top ten holds
    no near-repeat ranks as before."""
    rk = searcher._ranking()
    query = "what civil society will concentrate on"
    with_step = _top(searcher, query)
    monkeypatch.setattr(ranking, "spread_repeats", lambda scores, *args: scores)
    without = _top(searcher, query)
    plain = _top(searcher, "remittance costs")
    monkeypatch.undo()
    assert with_step != without and sorted(with_step) == sorted(without) and with_step[0] == without[0]
    number = dict(searcher.store.execute("SELECT id, number FROM chunks"))
    assert [number[i] for i in without[:4]] == [76, 79, 77, 15]
    assert [number[i] for i in with_step[:4]] == [76, 79, 15, 77]
    vecs = {i: v for i, v in zip(with_step, rk._vectors_of(np.array(with_step)))}
    for i in with_step:
        if with_step.index(i) > without.index(i):
            above = with_step[:with_step.index(i)]
            assert max(float(vecs[i] @ vecs[j]) for j in above) > FLOOR
    assert _top(searcher, "remittance costs") == plain


def test_ask_gathers_its_evidence_in_the_fused_order(searcher, monkeypatch):
    """``ask`` reads its candidates without the re-ordering (it only moved answers the wrong way on
    the tuning questions); a search inside the block ranks as the fused order, one outside as before,
    and the switch is back on after ``ask`` returns."""
    from search import answer as answer_module
    from search.near_repeats import SPREADING, repeats_left_in_place

    query = "what civil society will concentrate on"
    number = dict(searcher.store.execute("SELECT id, number FROM chunks"))
    with repeats_left_in_place():
        inside = [number[i] for i in _top(searcher, query)[:4]]
    assert inside == [76, 79, 77, 15]
    assert [number[i] for i in _top(searcher, query)[:4]] == [76, 79, 15, 77]
    seen = []
    real = answer_module.retrieve
    monkeypatch.setattr(answer_module, "retrieve", lambda *a, **kw: (seen.append(SPREADING.get()), real(*a, **kw))[1])
    answer = searcher.ask("What will civil society concentrate on?")
    assert seen == [False] and SPREADING.get() is True
    assert answer.text
