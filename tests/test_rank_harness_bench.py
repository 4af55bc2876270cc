"""bench/rank_harness.py (issue #12): the cached records rank exactly as the searcher does, so the
variants measured from the cache (docs/retrieval-log.md) start from the shipped ranking."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from bench_modules import load_bench

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def harness():
    return load_bench("rank_harness")


@pytest.fixture(scope="module")
def records(harness, searcher):
    from search.evaluate import read_queries

    queries = read_queries(ROOT / "tests/fixtures/a69207_queries_dev.jsonl")[:12]
    return harness.collect(searcher, queries, "Adev alone", True)


def _top(rec, scores, k=10):
    return [int(rec["sig"].ids[p]) for p in np.lexsort((rec["sig"].ids, -scores))[:k]]


def test_shipped_fn_is_the_searchers_own_ranking(harness, records, searcher):
    rk = searcher._ranking()
    assert all(rec["hub"] is not None for rec in records)
    for rec in records:
        own = [i for i, _ in rk.rank(rec["query"], "hybrid", None, 10, limit=10)]
        assert _top(rec, harness.shipped_fn(rec)) == own, rec["id"]


def test_default_fn_stops_before_the_head_correction(harness, records):
    """Some real top ten differs with and without the head correction; over one document its only
    term is the hubness, so without the stored hubness (and the later steps' fields) ``shipped_fn``
    is ``default_fn``."""
    moved = [rec["id"] for rec in records if _top(rec, harness.default_fn(rec)) != _top(rec, harness.shipped_fn(rec))]
    assert moved
    for rec in records:
        assert _top(rec, harness.shipped_fn(dict(rec, hub=None, neg=None, vecs=None))) == _top(rec, harness.default_fn(rec))


def test_the_records_carry_the_head_vectors_for_the_near_repeat_step(harness, records):
    """Each record keeps the chunk vectors of its best candidates (``search.near_repeats`` reads the
    top ten's); some real top ten differs without them, and ``shipped_fn`` equals the searcher's
    (above) only with them."""
    assert all(len(rec["vecs"]) == min(harness.VEC_DEPTH, len(rec["sig"].ids)) for rec in records)
    assert any(_top(rec, harness.shipped_fn(rec)) != _top(rec, harness.shipped_fn(dict(rec, vecs=None)))
               for rec in records)


def test_a_negating_query_carries_its_negation_cue(harness, records):
    """d05 negates ("nobody knows ..."): its record holds each candidate's cue (``search.negation_cue``),
    and the searcher's top ten, which ``shipped_fn`` must equal above, differs without it."""
    negating = [rec for rec in records if rec["neg"] is not None]
    assert [rec["id"] for rec in negating] and all(len(rec["neg"]) == len(rec["sig"].ids) for rec in negating)
    assert all(rec["neg"] is None for rec in records if not rec["sig"].negated)
    assert any(_top(rec, harness.shipped_fn(rec)) != _top(rec, harness.shipped_fn(dict(rec, neg=None)))
               for rec in negating)
