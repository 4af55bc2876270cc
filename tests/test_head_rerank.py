"""The head of a library ranking re-ordered by its document's evidence and the chunk's hubness
(issue #12): the pure correction, the hubness stored at ingest, and the ranker using both."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from index.hubness import NEIGHBOURS, hubness
from search import Searcher
from search.fusion import spread_documents
from search.head_rerank import DOC_BEST_WEIGHT, HUB_WEIGHT, rerank_head
from search.kind_prior import apply_kind_prior

REPORT = Path(__file__).resolve().parent.parent / "corpus" / "A-69-207.txt"


def _order(scores) -> list[int]:
    return [int(i) for i in np.argsort(-np.asarray(scores), kind="stable")]


# (why, final scores, fused scores, documents, hubness or None, expected order)
CASES = [
    ("a stray chunk of a document with nothing else strong falls below the leading document's second",
     [3.0, 2.95, 2.9, 1.0], [3.0, 2.0, 2.9, 1.0], [0, 1, 0, 0], None, [0, 2, 1, 3]),
    ("within the leading document nothing moves without hubness",
     [3.0, 2.9, 2.8, 2.7], [3.0, 2.9, 2.8, 2.7], [0, 0, 0, 0], None, [0, 1, 2, 3]),
    ("a chunk close to everything (hub z 2) gives way to a near-tied specific one (z -1)",
     [3.0, 2.9, 1.0], [3.0, 2.9, 1.0], [0, 0, 0], [2.0, -1.0, 0.0], [1, 0, 2]),
    ("a clear lead survives its hubness",
     [5.0, 2.0, 1.0], [5.0, 2.0, 1.0], [0, 0, 0], [2.0, -1.0, 0.0], [0, 1, 2]),
]


@pytest.mark.parametrize("why, final, fused, docs, hub, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_rerank_head(why, final, fused, docs, hub, expected):
    out = rerank_head(np.array(final), np.array(fused), np.array(docs), None if hub is None else np.array(hub))
    assert _order(out) == expected, why


def test_the_documents_gap_and_the_hubness_are_weighted_as_documented():
    out = rerank_head(np.array([3.0, 2.0]), np.array([3.0, 2.5]), np.array([0, 1]), np.array([0.0, 1.0]))
    assert out[0] == pytest.approx(3.0)
    assert out[1] == pytest.approx(2.0 + DOC_BEST_WEIGHT * (2.5 - 3.0) - HUB_WEIGHT * 1.0)


def test_the_tail_stays_below_the_head_in_its_own_order():
    rng = np.random.default_rng(3)
    final = rng.normal(size=300)
    docs = rng.integers(0, 20, 300)
    out = rerank_head(final, final, docs, rng.normal(size=300) * 3, head=50)
    head = np.argsort(-final)[:50]
    tail = np.setdiff1d(np.arange(300), head)
    assert out[tail].max() < out[head].min()
    assert _order(out[tail]) == _order(final[tail])


def test_hubness_is_the_mean_cosine_to_the_nearest_chunks_z_scored(searcher):
    """The build's table holds, for every chunk of the real report, the z-scored mean cosine of
    its vector with its nearest other chunk vectors."""
    rk = searcher._ranking()
    vec = np.asarray(rk._vectors_of(np.arange(rk.n)), dtype="float32")
    stored = rk._hubness()
    assert stored is not None and len(stored) == rk.n
    assert abs(stored.mean()) < 1e-6 and stored.std() == pytest.approx(1.0, abs=1e-6)
    sims = vec @ vec.T
    np.fill_diagonal(sims, -np.inf)
    raw = np.sort(sims, axis=1)[:, -NEIGHBOURS:].mean(1)
    assert np.allclose(stored, (raw - raw.mean()) / raw.std(), atol=1e-4)
    assert np.allclose(hubness(vec), stored, atol=1e-6)


def test_a_sample_stands_in_for_the_whole_above_the_reference_size(searcher):
    vec = np.asarray(searcher._ranking()._vectors_of(np.arange(searcher._ranking().n)), dtype="float32")
    full, sampled = hubness(vec), hubness(vec, reference=60)
    assert np.corrcoef(full, sampled)[0, 1] > 0.9
    assert hubness(vec[:2]).tolist() == [0.0, 0.0]


@pytest.mark.parametrize("query", ["the third round table", "bigotry and hostility toward foreigners",
                                   "How many members does the Global Migration Group have?"])
def test_the_ranker_reorders_its_head_with_the_stored_hubness(searcher, query):
    rk = searcher._ranking()
    got = [i for i, _ in rk.rank(query, "hybrid", None, 10, limit=10)]
    sig = rk.signals(query, "hybrid", None, 10)
    fused = sig.scores("hybrid")
    docs = rk._documents()[sig.ids]
    final = spread_documents(apply_kind_prior(sig.ids, fused, "hybrid", rk._preamble, rk._page_cited), docs)
    want = rerank_head(final, fused, docs, rk._hubness()[sig.ids])
    assert got == [int(sig.ids[i]) for i in np.lexsort((sig.ids, -want))[:10]]


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory) -> Path:
    """The report's first five paragraphs as one document; the next five added later as another."""
    from index import build_index

    lines = REPORT.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if re.match(r"\s*6\.(\s|$)", line))
    end = next(i for i, line in enumerate(lines) if re.match(r"\s*11\.(\s|$)", line))
    src = tmp_path_factory.mktemp("two")
    (src / "a.txt").write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    folder = tmp_path_factory.mktemp("two_index")
    build_index([src], folder, progress=False)
    (src / "b.txt").write_text("\n".join(lines[:12] + lines[cut:end]).replace("A/69/207", "A/69/207/Add.2") + "\n",
                               encoding="utf-8")
    build_index([src], folder, progress=False)  # incremental: a.txt unchanged, b.txt added
    return folder


def test_an_incremental_ingest_recomputes_the_hubness_of_every_chunk(two_reports):
    with Searcher.open(two_reports) as s:
        rk = s._ranking()
        assert len(s.documents()) == 2
        stored = rk._hubness()
        vec = np.asarray(rk._vectors_of(np.arange(rk.n)), dtype="float32")
        assert len(stored) == rk.n and np.allclose(stored, hubness(vec), atol=1e-6)


def test_an_index_built_before_hubness_was_stored_still_searches(two_reports, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(two_reports, old, symlinks=True)
    db = old / "current" / "paracite.sqlite"
    con = sqlite3.connect(db)
    con.execute("DROP TABLE hubness")
    con.commit()
    con.close()
    with Searcher.open(old) as s:
        assert s._ranking()._hubness() is None
        assert s.search("High-level Dialogue", k=3)
