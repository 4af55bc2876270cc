"""BM25 reads the chunk's document title as a third, lighter column (``search.bm25.TITLE_WEIGHT``,
issue #12): a paragraph that matches a query in its own words ranks above a like paragraph of a
report on something else, while coverage (the share of the query's words the paragraph itself
holds) still reads the text and section path only."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from paragraph_library import index_paragraphs, older_build
from search import Searcher
from search.bm25 import TITLE_WEIGHT, TITLED_TABLE, bm25_call, bm25_matches, bm25_table, keyword_query

BODY = ("The Office reviewed business continuity plans in twelve country offices and found that "
        "four had not tested their plans in the past two years.")
DOCS = [
    ("E/ICEF/2025/AB/L.3", 1, "UNICEF Office of Internal Audit and Investigations annual report", BODY),
    ("DP/FPA/2025/6", 1, "UNFPA Office of Audit and Investigation Services annual report", BODY),
    ("DP/FPA/2025/6", 2, "UNFPA Office of Audit and Investigation Services annual report",
     "Procurement reviews covered the supply of reproductive health commodities in six regions."),
]
QUERY = "UNICEF business continuity plans not tested"


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory):
    return index_paragraphs(tmp_path_factory.mktemp("titled"), DOCS)


@pytest.fixture(scope="module")
def library(library_dir):
    with Searcher.open(library_dir) as s:
        yield s


def _ids(s: Searcher) -> dict[str, int]:
    return {sym: i for i, sym in s._con.execute("SELECT id, symbol FROM chunks WHERE number = 1")}


def test_the_store_holds_each_chunks_title_in_bm25s_table(library):
    assert bm25_table(library._con) == TITLED_TABLE
    ids = _ids(library)
    unicef = {r[0] for r in library._con.execute(f"SELECT rowid FROM {TITLED_TABLE} WHERE {TITLED_TABLE} MATCH ?",
                                                  ("title:unicef",))}
    assert unicef == {ids["E/ICEF/2025/AB/L.3"]}
    assert not library._con.execute("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH 'unicef'").fetchall()
    assert bm25_call(TITLED_TABLE) == f"bm25({TITLED_TABLE}, 1.0, 1.0, {TITLE_WEIGHT})"


def test_the_title_tells_two_like_paragraphs_apart_in_bm25(library):
    expr = keyword_query(QUERY).expression
    ids = _ids(library)
    rows, scores = bm25_matches(library._con, expr, table=TITLED_TABLE)
    got = dict(zip(rows.tolist(), scores.tolist()))
    assert got[ids["E/ICEF/2025/AB/L.3"]] > got[ids["DP/FPA/2025/6"]] > 0
    rows, scores = bm25_matches(library._con, expr)  # text and section path alone: the two tie
    got = dict(zip(rows.tolist(), scores.tolist()))
    assert got[ids["E/ICEF/2025/AB/L.3"]] == pytest.approx(got[ids["DP/FPA/2025/6"]])


def test_the_ranker_reads_the_titled_table_but_coverage_the_paragraph_alone(library):
    rk = library._ranking()
    ids = _ids(library)
    sig = rk.signals(QUERY, "hybrid", None, 10)
    at = {int(r): i for i, r in enumerate(sig.ids)}
    icef, fpa = at[ids["E/ICEF/2025/AB/L.3"]], at[ids["DP/FPA/2025/6"]]
    assert sig.bm25[icef] > sig.bm25[fpa]
    assert sig.coverage[icef] == pytest.approx(sig.coverage[fpa]) and sig.coverage[icef] < 1.0
    top = rk.rank(QUERY, "bm25", None, 3, limit=3)
    assert top[0][0] == ids["E/ICEF/2025/AB/L.3"]


def test_an_index_built_before_the_table_ranks_with_text_and_path_alone(library_dir, tmp_path):
    old = older_build(library_dir, tmp_path / "old", f"DROP TABLE {TITLED_TABLE}")
    with Searcher.open(old) as s:
        assert bm25_table(s._con) == "chunks_fts"
        sig = s._ranking().signals(QUERY, "bm25", None, 10)
        assert len(set(np.round(sig.bm25[sig.bm25 > 0], 9))) == 1  # the two like paragraphs tie
        assert s.search(QUERY, k=2)


def test_a_bm25_table_without_the_title_column_is_read_as_chunks_fts():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE chunks_fts USING fts5(text, section)")
    assert bm25_table(con) == "chunks_fts"
    assert bm25_call("chunks_fts") == "bm25(chunks_fts, 1.0, 1.0)"
