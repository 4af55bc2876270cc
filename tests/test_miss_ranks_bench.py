"""bench/miss_ranks.py (issue #12, #15): the judged paragraph's rank at each step agrees with the searcher's own
ranking, and the fusion-weight bound never falls below the shipped figure."""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import pytest
from bench_modules import load_bench

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    return load_bench("miss_ranks")


@pytest.fixture(scope="module")
def records(bench, searcher):
    from search.evaluate import read_queries

    queries = read_queries(ROOT / "tests/fixtures/a69207_queries_dev.jsonl")[:8]
    return bench.harness.collect(searcher, queries, "Adev alone", True)


def test_the_shipped_rank_is_where_the_searcher_puts_the_judged_paragraph(bench, records, searcher):
    rk = searcher._ranking()
    for rec in records:
        m = bench.miss_ranks(rec)
        own = [i for i, _ in rk.rank(rec["query"], "hybrid", None, 10, limit=10)]
        judged = set(rec["sig"].ids[rec["rel"]].tolist())
        first_judged = next((n + 1 for n, i in enumerate(own) if i in judged), None)
        if first_judged is not None:
            assert m.shipped == first_judged, rec["id"]
        else:
            assert m.shipped > 10, rec["id"]
        assert (m.lost_by == "first") == (m.shipped == 1)
        assert min(m.dense, m.bm25, m.fused) >= 1 and 0.0 <= m.judged_coverage <= m.best_coverage <= 1.0
    assert any(bench.miss_ranks(rec).shipped > 1 for rec in records)  # d07: second, under another paragraph


def test_one_report_has_no_other_document_to_lose_to(bench, records):
    assert all(bench.miss_ranks(rec).right_document for rec in records)


def test_the_fusion_bound_is_at_least_the_shipped_figure_and_restores_the_weight(bench, records):
    shipped = sum(bench.harness.metrics(r, bench.harness.shipped_fn(r))[0] for r in records) / len(records)
    weight = bench.fusion.bm25_weight
    assert bench.oracle_mrr(records) >= shipped - 1e-12
    assert bench.fusion.bm25_weight is weight
    assert bench.oracle_mrr([]) == 0.0


def test_an_unreadable_cache_or_an_unknown_set_is_a_one_line_error(bench, records, tmp_path, monkeypatch):
    cache = tmp_path / "c.pkl"
    cache.write_bytes(pickle.dumps(records))
    for argv, said in ((["--cache", str(tmp_path / "none.pkl"), "--set", "x"], "cannot read"),
                       (["--cache", str(cache), "--set", "round99"], "no record of set")):
        monkeypatch.setattr(sys, "argv", ["miss_ranks.py", *argv])
        with pytest.raises(SystemExit) as exc:
            bench.main()
        assert said in str(exc.value) and "\n" not in str(exc.value)
