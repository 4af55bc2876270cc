"""The hybrid's coverage counts a query word the chunk's title holds, weighted by how few titles hold
it (``search.title_words``, issue #12): "humanitarian access incidents Afghanistan" is answered by
a paragraph of the Afghanistan report that never writes "Afghanistan"; BM25 ranks it first, and the
hybrid did not (A/79/797, para. 64; real paragraphs and titles of the library's documents)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from paragraph_library import index_paragraphs, older_build
from search import Searcher
from search.title_words import TitleWords

AFGHANISTAN = ("The situation in Afghanistan and its implications for international peace and security "
               "(Report of the Secretary-General)")
COORDINATION = ("Strengthening of the coordination of emergency humanitarian assistance of the United Nations "
                "(Report of the Secretary-General)")
SOMALIA = "Report of the Secretary-General on Somalia"
DOCS = [
    ("A/79/797", 56, AFGHANISTAN,
     "Humanitarian needs in Afghanistan remain considerable in 2025, with 22.9 million people requiring assistance "
     "owing to high levels of food insecurity and malnutrition, recurring natural hazards and climatic shocks, "
     "ongoing population movements, including protracted displacement, a weak economy, inadequate access to basic "
     "services and ongoing restrictions on the Afghan people, affecting women and girls in particular."),
    ("A/79/797", 64, AFGHANISTAN,
     "Humanitarian access remained challenging, with 418 humanitarian access-related incidents recorded from "
     "October to December 2024, a 5 per cent increase from the same period in 2023. The primary challenge was "
     "interference in humanitarian activities by the de facto authorities, accounting for 86 per cent of "
     "incidents. Other challenges included movement restrictions (18 incidents) and violence against humanitarian "
     "workers (29 incidents), including 17 detentions in which 41 humanitarian workers were detained, physical "
     "environment (5 incidents) and ongoing military operations (1 incident)."),
    ("A/79/797", 70, AFGHANISTAN,
     "Despite the end of high-intensity conflict over three years ago, the economy of Afghanistan remains fragile "
     "and the country continues to experience one of the worst humanitarian crises in the world, with 22.9 million "
     "people requiring assistance."),
    ("A/80/75", 99, COORDINATION,
     "In Afghanistan, the inter-agency Community Voices and Accountability Platform and System-wide "
     "Accountability Monitoring provided humanitarian partners with evidence of affected people's needs, "
     "accessibility and protection concerns to improve the quality of assistance provided."),
    ("S/2025/194", 50, SOMALIA,
     "As in the previous reporting period, access to people in need of humanitarian assistance is a major "
     "challenge due to conflict, insecurity and bureaucratic hurdles. From 23 September 2024 to 19 March 2025, "
     "92 access incidents were documented, with 49 per cent involving interference in humanitarian activities or "
     "violence against personnel, assets and facilities."),
]
QUERY = "humanitarian access incidents Afghanistan"


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory):
    return index_paragraphs(tmp_path_factory.mktemp("titlewords"), DOCS)


@pytest.fixture(scope="module")
def library(library_dir):
    with Searcher.open(library_dir) as s:
        yield s


def _at(s: Searcher, sig) -> dict[str, int]:
    cit = dict(s._con.execute("SELECT id, citation FROM chunks"))
    return {cit[int(r)]: i for i, r in enumerate(sig.ids)}


def test_a_title_words_weight_falls_with_the_titles_that_hold_it():
    words = TitleWords(["Report on Somalia", "Report on Afghanistan", "Report on Haiti"], np.array([0, 1, 2]))
    assert words.weight(0) == pytest.approx(1.0)
    assert words.weight(1) == pytest.approx(np.log(2) / np.log(4))  # one title of three: 0.5
    assert words.weight(3) == 0.0  # every title: no evidence for one document
    assert list(words.matching('"afghanistan"')) == [1]
    assert sorted(words.matching('"reports"')) == [0, 1, 2]  # the store's tokenizer: stems match
    one = TitleWords(["Report on Somalia"], np.array([0]))
    assert one.weight(len(one.matching('"somalia"'))) == 0.0  # one titled document: titles tell nothing apart


def test_the_paragraph_that_lacks_only_the_titles_word_gains_it(library):
    rk = library._ranking()
    sig = rk.signals(QUERY, "hybrid", None, 10)
    at = _at(library, sig)
    para64, somalia, coord = at["A/79/797, para. 64"], at["S/2025/194, para. 50"], at["A/80/75, para. 99"]
    assert sig.coverage[para64] == pytest.approx(0.75) and sig.coverage[somalia] == pytest.approx(0.75)
    w = np.log(4 / 2) / np.log(4)  # "Afghanistan": one of three distinct titles
    assert sig.titled[para64] == pytest.approx(0.75 + w / 4)
    assert sig.titled[somalia] == pytest.approx(0.75)  # its title names another country
    assert sig.titled[coord] == pytest.approx(sig.coverage[coord])  # its text holds the word already
    assert rk.signals(QUERY, "bm25", None, 10).titled is None  # BM25 mode keeps the plain coverage


def test_the_hybrid_narrows_the_gap_to_the_paragraph_bm25_puts_first(library):
    """In the 73-document library para. 64 goes from fifth to first; in five paragraphs the dense side's
    z-scores dominate, so here it gains on every other paragraph without passing them."""
    assert library.search(QUERY, k=1, mode="bm25")[0].citation == "A/79/797, para. 64"
    sig = library._ranking().signals(QUERY, "hybrid", None, 10)
    para64 = _at(library, sig)["A/79/797, para. 64"]
    with_title, without = sig.scores("hybrid"), replace(sig, titled=None).scores("hybrid")
    assert np.all(np.delete(with_title - with_title[para64], para64) < np.delete(without - without[para64], para64))


def test_an_index_without_titles_ranks_as_before(library_dir, tmp_path):
    old = older_build(library_dir, tmp_path / "untitled", "UPDATE chunks SET title = ''")
    with Searcher.open(old) as s:
        sig = s._ranking().signals(QUERY, "hybrid", None, 10)
        assert sig.titled is None
        assert np.allclose(sig.scores("hybrid"), replace(sig, titled=sig.coverage).scores("hybrid"))


def test_the_milvus_backend_counts_title_words_alike(library_dir, library, tmp_path, monkeypatch):
    """``search.milvus_ranker``: the same titled coverage, and, with a pool so small that the keyword
    candidates are chosen by it (``_keyword_candidates``), the same ranking as the local backend."""
    pytest.importorskip("pymilvus", reason="the Milvus backend needs the scale extra")
    pytest.importorskip("milvus_lite", reason="Milvus Lite needs the scale extra")
    import search.fusion as fusion
    import search.milvus_ranker as milvus_ranker
    from search.cli import main

    folder = tmp_path / "mix"
    assert main(["ingest", str(library_dir.parent / "docs.jsonl"), "--index", str(folder),
                 "--milvus", str(tmp_path / "milvus.db"), "--quiet"]) == 0
    monkeypatch.setattr(fusion, "POOL", 2)
    monkeypatch.setattr(milvus_ranker, "EXACT_ALLOWED", 0)
    with Searcher.open(folder) as m:
        local = library._ranking().signals(QUERY, "hybrid", None, 10)
        remote = m._ranking().signals(QUERY, "hybrid", None, 10)
        here, there = _at(library, local)["A/79/797, para. 64"], _at(m, remote)["A/79/797, para. 64"]
        assert remote.titled[there] == pytest.approx(local.titled[here]) and local.titled[here] > local.coverage[here]
        got = m.search(QUERY, k=3)
    want = library.search(QUERY, k=3)
    assert [h.citation for h in got] == [h.citation for h in want]
    assert [h.score for h in got] == pytest.approx([h.score for h in want], abs=1e-4)  # float32 cosines in Milvus
