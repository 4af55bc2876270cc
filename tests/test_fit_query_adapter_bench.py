"""bench/fit_query_adapter.py (issue #12): its gradients, training rows and re-ranking are what it
claims, so the leave-rounds-out table in docs/retrieval-log.md measures the adapter, not a bug."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from bench_modules import load_bench

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests/fixtures/a69207_queries_dev.jsonl"


@pytest.fixture(scope="module")
def fq():
    return load_bench("fit_query_adapter")


@pytest.fixture(scope="module")
def pairs(fq, searcher):
    return fq.collect_pairs(searcher, [("dev", DEV)], split="")


def _loss(fq, x, t, pos, params, l2):
    delta = fq._delta(params)
    z = x + x @ delta.T
    q = z / np.linalg.norm(z, axis=1, keepdims=True)
    logits = np.einsum("nd,nkd->nk", q, t) / fq.TAU
    logits -= logits.max(1, keepdims=True)
    logp = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    judged = np.log(np.where(pos, np.exp(logp), 0.0).sum(1))
    return -judged.mean() + l2 * (delta ** 2).sum()


@pytest.mark.parametrize("shape", ["diagonal", "full", "low rank"])
def test_gradients_match_finite_differences(fq, shape):
    rng = np.random.default_rng(5)
    x, t = rng.normal(size=(4, 6)), rng.normal(size=(4, 5, 6))
    pos = np.zeros((4, 5), dtype=bool)
    pos[:, 0] = pos[1, 2] = True  # one query with two judged candidates
    params = {"diagonal": [rng.normal(0, 0.3, 6)], "full": [rng.normal(0, 0.3, (6, 6))],
              "low rank": [rng.normal(0, 0.3, (6, 2)), rng.normal(0, 0.3, (6, 2))]}[shape]
    grads = fq._gradients(x, t, pos, np.ones_like(pos), params, 0.2)
    for p, g in zip(params, grads):
        for at in ((0,), (3,)) if p.ndim == 1 else ((0, 0), (3, 1), (5, 0)):
            old = p[at]
            p[at] = old + 1e-6
            up = _loss(fq, x, t, pos, params, 0.2)
            p[at] = old - 1e-6
            down = _loss(fq, x, t, pos, params, 0.2)
            p[at] = old
            assert g[at] == pytest.approx((up - down) / 2e-6, rel=1e-4, abs=1e-8)


def test_training_rows_hold_the_judged_paragraph_and_the_plain_embeddings_best(fq, pairs, searcher):
    """Each row: the judged chunk first (its dense score's own mix of vectors), then the 50 best
    other chunks by the plain dense score."""
    import rank_harness
    from search.evaluate import _default_doc, read_queries

    real = np.abs(pairs.target).sum(2) > 0
    assert len(pairs.qvec) == 25 and pairs.positive[:, 0].all()
    assert ((real & ~pairs.positive).sum(1) == fq.NEGATIVES).all()  # 50 negatives, after 1-3 judged chunks
    assert pairs.positive.sum(1).max() > 1 and not (pairs.positive & ~real).any()
    vec, keys = fq.IndexVectors(searcher), rank_harness.row_keys(searcher)
    q = read_queries(DEV)[1]  # d02: "good jobs back home so people aren't forced to emigrate"
    rel, _ = q.judged(_default_doc(searcher, None))
    judged = next(i for i, k in enumerate(keys) if k in rel)
    sent, row = vec.best_sentences(pairs.qvec[1])
    best = vec.sentences[row[judged]] if row[judged] >= 0 else vec.chunks[judged]
    assert np.allclose(pairs.target[1, 0], 0.8 * best + 0.2 * vec.chunks[judged], atol=1e-6)
    assert sent[judged] == pytest.approx(float(best @ pairs.qvec[1]), abs=1e-5)
    scores = pairs.target[1, 1:] @ pairs.qvec[1]
    assert scores.max() > scores.min()  # real, distinct candidates


def test_a_fit_lifts_its_training_queries_and_is_the_same_each_time(fq, pairs):
    w = fq.fit(pairs, rank=0, l2=0.01, epochs=30, lr=3e-3)
    assert np.array_equal(w, fq.fit(pairs, rank=0, l2=0.01, epochs=30, lr=3e-3))

    def judged_rank(q):
        s = np.einsum("nd,nkd->nk", q, pairs.target)
        return (s > s[:, :1]).sum(1)

    before = judged_rank(pairs.qvec)
    after = judged_rank(np.stack([fq.adapt(q, w, 1.0) for q in pairs.qvec]))
    assert after.sum() < before.sum() and (after == 0).sum() > (before == 0).sum()
    assert np.allclose(fq.adapt(pairs.qvec[0], w, 0.0), pairs.qvec[0], atol=1e-6)


def test_strength_zero_ranks_as_shipped_and_a_fitted_map_moves_a_ranking(fq, pairs, searcher):
    from search.evaluate import read_queries

    import rank_harness as harness

    records = harness.collect(searcher, read_queries(DEV)[:6], "Adev alone", True)
    vec = fq.IndexVectors(searcher)
    plain = fq.all_cosines(vec, np.stack([r["qvec"] for r in records]))
    for rec, cos in zip(records, plain):
        assert np.allclose(cos[0][rec["sig"].ids], rec["sig"].chunk, atol=1e-5)
        assert np.allclose(cos[1][rec["sig"].ids], rec["sig"].sentence, atol=1e-5)
        assert np.array_equal(np.argsort(-fq.adapted_scores(rec, vec, cos, "both"), kind="stable")[:10],
                              np.argsort(-harness.shipped_fn(rec), kind="stable")[:10])
    w = fq.fit(pairs, rank=0, l2=0.001, epochs=30, lr=3e-3)
    moved = fq.all_cosines(vec, np.stack([fq.adapt(r["qvec"], w, 1.0) for r in records]))
    assert any(not np.allclose(a[1], b[1]) for a, b in zip(moved, plain))


def test_a_fact_file_loses_its_answer_spellings_and_unanswerable_questions(fq, tmp_path):
    path = tmp_path / "library_facts_round99.jsonl"
    rows = [{"id": "T1", "query": "How many troops?", "symbol": "S/2025/1", "para": 3, "part": "", "answer": "1,800",
             "also": ["1,800"], "split": "dev"},
            {"id": "T2", "query": "Who won?", "symbol": "", "answer": "", "also": [], "split": "dev"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    got = fq._read(path)
    assert [q.id for q in got] == ["T1"] and got[0].doc == "S/2025/1"
    assert {g for g, _ in fq.sources()} >= {"old", "r14", "r25"}
