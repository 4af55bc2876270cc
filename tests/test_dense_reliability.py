"""BM25's weight by the document's dense reliability (issue #12): how well a document's own
sentences find their own paragraphs, measured at ingest without labels (``index.dense_reliability``),
and the factor on BM25's hybrid weight the ranker takes from it (``search.fusion.bm25_scale``)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index.dense_reliability import document_reliability, sentence_ranks
from paragraph_library import older_build
from search import Searcher
from search.doc_reliability import chunk_scales
from search.ordinal_match import ordinal_penalty
from search.phrases import PAIR_BONUS
from search.fusion import RELIABILITY_CLIP, RELIABILITY_POWER, bm25_scale, pooled_hybrid_score

REPORT = Path(__file__).resolve().parent.parent / "corpus" / "A-69-207.txt"


def _unit(rows) -> np.ndarray:
    m = np.asarray(rows, dtype="float32")
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_a_sentence_finds_its_paragraph_unless_another_looks_the_same():
    e = np.eye(4)
    # chunks 0 and 1 on different subjects; chunk 2 repeats chunk 0's; chunk 3 has one sentence
    sentences = _unit([e[0], e[0] + 0.1 * e[2], e[1], e[1] + 0.1 * e[3], e[0], e[0] + 0.1 * e[3], e[2]])
    chunk_of = np.array([0, 0, 1, 1, 2, 2, 3])
    measured, rr = sentence_ranks(sentences, chunk_of, 4)
    assert measured.tolist() == [0, 1, 2, 3, 4, 5]  # a one-sentence chunk has no context to find
    assert rr[2] == rr[3] == 1.0  # chunk 1's subject is its own
    assert rr[0] < 1.0 and rr[4] < 1.0  # chunks 0 and 2 look alike: each may rank the other first
    assert np.all((rr > 0) & (rr <= 1))


def _brute_force(sentences: np.ndarray, chunk_of: np.ndarray, n: int) -> dict[int, float]:
    out = {}
    for s in range(len(sentences)):
        own = chunk_of[s]
        if (chunk_of == own).sum() < 2:
            continue
        scores = []
        for c in range(n):
            members = [t for t in range(len(sentences)) if chunk_of[t] == c and not (c == own and t == s)]
            v = sentences[members].sum(0) if members else np.zeros(sentences.shape[1])
            v = v / np.linalg.norm(v) if np.linalg.norm(v) > 1e-9 else v
            scores.append(float(sentences[s] @ v))
        out[s] = 1.0 / (1 + sum(x > scores[own] + 1e-6 for i, x in enumerate(scores) if i != own))
    return out


def test_the_ranks_are_those_of_a_brute_force_search_on_the_real_report(searcher):
    _, chunk_of, matrix = searcher._ranking()._sentences()
    n = searcher._ranking().n
    keep = chunk_of < 12  # the first twelve chunks, to keep the loops short
    sentences, owners = np.asarray(matrix, dtype="float32")[keep], chunk_of[keep]
    measured, rr = sentence_ranks(sentences, owners, 12)
    want = _brute_force(sentences, owners, 12)
    assert sorted(want) == measured.tolist()
    assert np.allclose(rr, [want[s] for s in measured.tolist()])
    assert n > 12


def test_a_sample_stands_in_for_the_whole_above_the_reference_size(searcher):
    _, chunk_of, matrix = searcher._ranking()._sentences()
    n = searcher._ranking().n
    full_at, full = sentence_ranks(matrix, chunk_of, n)
    part_at, part = sentence_ranks(matrix, chunk_of, n, reference=n // 2)
    assert len(part_at) == n // 2 and set(part_at.tolist()) <= set(full_at.tolist())
    assert abs(part.mean() - full.mean()) < 0.1


def test_the_factor_is_one_at_the_mean_and_held_within_its_clip():
    assert bm25_scale(np.array([0.3]), 0.3)[0] == pytest.approx(1.0)
    low, high = bm25_scale(np.array([0.15, 0.6]), 0.3)
    assert low == pytest.approx(2.0 ** RELIABILITY_POWER) and high == pytest.approx(0.5 ** RELIABILITY_POWER)
    ends = bm25_scale(np.array([0.0, 1e-4, 1.0]), 0.2)
    assert ends.tolist() == pytest.approx([RELIABILITY_CLIP ** RELIABILITY_POWER] * 2 + [RELIABILITY_CLIP ** -RELIABILITY_POWER])


def test_the_scale_multiplies_bm25s_weight_per_candidate():
    rng = np.random.default_rng(5)
    sent, chunk, kw = rng.normal(size=(3, 400))
    kw = np.abs(kw)
    plain = pooled_hybrid_score(sent, chunk, kw, 1.0)
    assert np.allclose(pooled_hybrid_score(sent, chunk, kw, 1.0, scale=np.ones(400)), plain)
    scale = np.where(np.arange(400) < 200, 1.2, 0.8)
    dense_only = pooled_hybrid_score(sent, chunk, kw, 0.0)  # BM25's weight 0: the dense part alone
    keyword = (plain - 0.5 * dense_only) / 0.5  # BM25 weight 0.5 at coverage 1
    want = (1 - 0.5 * scale) * dense_only + 0.5 * scale * keyword
    assert np.allclose(pooled_hybrid_score(sent, chunk, kw, 1.0, scale=scale), want)


def test_an_index_of_one_document_ranks_as_without_the_rule(searcher):
    rk = searcher._ranking()
    rows = rk._con.execute("SELECT symbol, sentences FROM dense_reliability").fetchall()
    assert len(rows) == 1 and rows[0][1] > 100
    assert np.allclose(rk._scale_of(np.arange(rk.n)), 1.0)


COUNTRIES = ["Ecuador", "Ghana", "Mexico", "Nepal", "Morocco", "Philippines", "Senegal", "Bangladesh", "Peru",
             "Tunisia", "Sri Lanka", "Kenya"]


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory) -> Path:
    """The report's first twenty paragraphs; then, added by a second ingest, a document of twelve
    formulaic paragraphs (one delegation's statement each)."""
    from index import build_index

    lines = REPORT.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if re.match(r"\s*21\.(\s|$)", line))
    src = tmp_path_factory.mktemp("rel_src")
    (src / "a.txt").write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    folder = tmp_path_factory.mktemp("rel_index")
    build_index([src], folder, progress=False)
    body = ["Statements"]
    for n, c in enumerate(COUNTRIES, 1):
        body += [f"{n}.", f"The representative of {c} made a statement on international migration and development. "
                 f"The delegation of {c} stressed the importance of safe, orderly and regular migration for all "
                 f"migrants. {c} announced its continued support for the Global Forum on Migration and Development."]
    (src / "b.txt").write_text("\n".join(lines[:12]).replace("A/69/207", "A/69/999") + "\n" + "\n".join(body) + "\n",
                               encoding="utf-8")
    build_index([src], folder, progress=False)  # incremental: a.txt unchanged, b.txt added
    return folder


def _stored(rk) -> dict[str, tuple[float, int]]:
    return {r[0]: (r[1], r[2]) for r in rk._con.execute("SELECT symbol, rr, sentences FROM dense_reliability")}


def test_an_incremental_ingest_measures_every_document_against_the_whole_index(two_documents):
    with Searcher.open(two_documents) as s:
        rk = s._ranking()
        _, chunk_of, matrix = rk._sentences()
        symbols = [r[0] for r in rk._con.execute("SELECT symbol FROM chunks ORDER BY id")]
        want = document_reliability(symbols, np.asarray(matrix), chunk_of)
        got = _stored(rk)
        assert len(got) == 2 and set(got) == set(want)
        for symbol, (rr, n) in want.items():
            assert got[symbol][0] == pytest.approx(rr) and got[symbol][1] == n


def test_each_chunk_takes_its_documents_factor(two_documents):
    with Searcher.open(two_documents) as s:
        rk = s._ranking()
        got = _stored(rk)
        mean = sum(rr * n for rr, n in got.values()) / sum(n for _, n in got.values())
        scales = rk._scale_of(np.arange(rk.n))
        for rowid, symbol in rk._con.execute("SELECT id, symbol FROM chunks"):
            assert scales[rowid] == pytest.approx(bm25_scale(np.array([got[symbol][0]]), mean)[0])
        assert len(set(np.round(scales, 6))) == 2 and not np.allclose(scales, 1.0)


def test_the_ranker_fuses_with_the_factor_and_its_order_changes_without_it(two_documents):
    query = "round table on migration governance"
    with Searcher.open(two_documents) as s:
        rk = s._ranking()
        sig = rk.signals(query, "hybrid", None, 10)
        assert sig.scale is not None
        fused = pooled_hybrid_score(sig.sentence, sig.chunk, sig.keyword(), sig.best_coverage, power=sig.power,
                                    negated=sig.negated, scale=rk._scale_of(sig.ids))
        assert np.allclose(sig.scores("hybrid"), fused + PAIR_BONUS * sig.pairs - ordinal_penalty(sig.ordinals))
        with_rule = [i for i, _ in rk.rank(query, "hybrid", None, 10, limit=10)]
        orig = rk.signals
        rk.signals = lambda *a, **k: replace(orig(*a, **k), scale=None)
        try:
            without = [i for i, _ in rk.rank(query, "hybrid", None, 10, limit=10)]
        finally:
            del rk.signals
        assert with_rule != without


def test_an_index_built_before_the_table_searches_without_the_rule(two_documents, tmp_path):
    old = older_build(two_documents, tmp_path / "old", "DROP TABLE dense_reliability")
    with Searcher.open(old) as s:
        assert s._ranking()._scale_of(np.arange(3)) is None
        assert chunk_scales(s._ranking()._con) is None
        assert s.search("High-level Dialogue", k=3)
