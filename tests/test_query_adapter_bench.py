"""bench/query_adapter.py (issue #12): its hand-written gradients and its re-computed cosines are
what it claims, so the figures it prints in docs/retrieval-log.md measure the adapter and not a bug."""

from __future__ import annotations

import numpy as np
import pytest
from bench_modules import load_bench


@pytest.fixture(scope="module")
def qa():
    return load_bench("query_adapter")


def _loss(x, t, u, v, l2, tau):
    z = x + (x @ v) @ u.T
    q = z / np.linalg.norm(z, axis=1, keepdims=True)
    logits = q @ t.T / tau
    logits -= logits.max(1, keepdims=True)
    logp = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    return -np.mean(np.diag(logp)) + l2 * ((u @ v.T) ** 2).sum()


def test_gradients_match_finite_differences(qa):
    rng = np.random.default_rng(3)
    x, t = rng.normal(size=(6, 8)), rng.normal(size=(6, 8))
    t /= np.linalg.norm(t, axis=1, keepdims=True)
    u, v = rng.normal(0, 0.3, (8, 2)), rng.normal(0, 0.3, (8, 2))
    du, dv = qa._gradients(x, t, u, v, 0.2, 0.5)
    for p, g in ((u, du), (v, dv)):
        for i, j in ((0, 0), (3, 1), (7, 0)):
            old = p[i, j]
            p[i, j] = old + 1e-6
            up = _loss(x, t, u, v, 0.2, 0.5)
            p[i, j] = old - 1e-6
            down = _loss(x, t, u, v, 0.2, 0.5)
            p[i, j] = old
            assert g[i, j] == pytest.approx((up - down) / 2e-6, rel=1e-4, abs=1e-8)


def test_a_strong_penalty_keeps_the_identity_and_a_weak_one_moves(qa):
    rng = np.random.default_rng(0)
    x = rng.normal(size=(512, 16)).astype("float32")
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    t = np.roll(x, 1, axis=1)  # a fixed rotation the adapter can learn
    stiff = qa.fit_adapter(x, t, rank=4, l2=1e4, seed=0)
    loose = qa.fit_adapter(x, t, rank=4, l2=0.0, seed=0, epochs=20, lr=1e-2)
    assert np.abs(stiff - np.eye(16)).max() < 1e-3
    assert np.linalg.norm(loose - np.eye(16)) > 0.1


def test_cosines_are_the_rankers_own(qa, index_dir, searcher):
    """The bench's chunk and best-sentence cosines equal the signals the real ranker computes."""
    vec = qa.Vectors(str(index_dir))
    rk = searcher._ranking()
    query = "climate change and displacement"
    sig = rk.signals(query, "hybrid", None, 10)
    q = rk._embed(query)[0]
    chunk, sent = vec.cosines(q, sig.ids)
    assert np.allclose(chunk, sig.chunk, atol=1e-5)
    assert np.allclose(sent, sig.sentence, atol=1e-5)
    pairs, targets = vec.context_pairs()
    assert len(pairs) == len(targets) > 0
    assert np.allclose(np.linalg.norm(targets, axis=1), 1.0, atol=1e-5)
