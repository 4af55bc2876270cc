"""A build's stored common terms give exactly what FTS5 gives (twenty-first session, issue #12).

``index.term_postings`` stores, for a build's common FTS5 terms, the rows holding them, how often
in each column, each row's length and the table's totals; ``search.stored_terms`` computes
``bm25()``'s value from them. These tests store *every* term of the bundled report's index
(``min_rows=1``; the report alone has no word in 200 paragraphs) and check, on the real FTS5
tables: each word's stored BM25 term equals FTS5's to the bit on both tables, its stored rows
equal FTS5's rows, and a searcher on the index ranks exactly as one on the same index without
the stored terms, in several modes and filters, from a fresh searcher on.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from index.term_postings import varints, write_term_postings
from search import Searcher
from search.bm25 import _matching_rows, bm25_matches, column_weights, quote
from search.stored_terms import StoredTerms, exact_sums, unquoted
from test_search_speed_paths import QUERIES, _ranked

TERM_TABLES = ("term_tables", "term_postings", "term_words")


def _store_every_term(db: Path) -> int:
    con = sqlite3.connect(db)
    for table in TERM_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.commit()
    con.close()
    return write_term_postings(db, min_rows=1)


@pytest.fixture(scope="module")
def stored_index(index_dir, tmp_path_factory) -> Path:
    """A copy of the report's index with every FTS5 term stored."""
    folder = tmp_path_factory.mktemp("stored") / "index"
    shutil.copytree(index_dir, folder, symlinks=True)
    assert _store_every_term(folder / "current" / "paracite.sqlite") > 1000
    return folder


@pytest.fixture(scope="module")
def stored(stored_index):
    s = Searcher.open(stored_index)
    yield s
    s.close()


def _words(con) -> list[str]:
    found = {w.lower(): None for (t,) in con.execute("SELECT text FROM chunks") for w in re.findall(r"\w+", t)}
    return [*found, *(w.lower() for q in QUERIES for w in re.findall(r"\w+", q))]


@pytest.mark.parametrize("table", ["titled_fts", "chunks_fts"])
def test_every_stored_term_scores_as_fts5_to_the_bit(stored, table):
    con = stored.store
    terms = StoredTerms(con, column_weights)
    answered = 0
    for word in dict.fromkeys(_words(con)):
        phrase = quote(word)
        got = terms.find(("bm25", table, phrase))
        if got is None:
            continue
        answered += 1
        want = bm25_matches(con, phrase, None, table)
        order = np.argsort(want[0], kind="stable")
        assert np.array_equal(got[0], want[0][order]), word
        assert got[1].tobytes() == want[1][order].tobytes(), word  # the same floats, not merely close
    assert answered > 1000


def test_stored_rows_are_fts5s_rows(stored):
    con = stored.store
    terms = StoredTerms(con, column_weights)
    answered = 0
    for word in dict.fromkeys(_words(con)):
        got = terms.find(("rows", quote(word)))
        if got is not None:
            answered += 1
            assert np.array_equal(got[0], _matching_rows(con, quote(word))[0]), word
    assert answered > 1000


@pytest.mark.parametrize("options", [{}, {"mode": "bm25"}, {"k": 30}, {"kind": "paragraph"}, {"org": ["ILO"]}])
def test_a_searcher_with_stored_terms_ranks_as_without(searcher, stored_index, options):
    fresh = Searcher.open(stored_index)  # its first keyword ranking goes phrase by phrase, from the store
    try:
        for query in QUERIES:
            assert _ranked(fresh, query, **options) == _ranked(searcher, query, **options), query
        keywords = fresh._ranking()._keywords
        assert keywords.stored.stores("titled_fts")
        assert len(keywords.kept) and keywords.kept.misses
    finally:
        fresh.close()


def test_only_one_token_words_and_one_phrase_expressions_are_answered(stored):
    terms = StoredTerms(stored.store, column_weights)
    assert terms.find(("bm25", "titled_fts", quote("migrants"))) is not None
    assert terms.find(("bm25", "titled_fts", quote("migrant workers"))) is None  # two tokens: FTS5's phrase
    assert terms.find(("rows", '"migrants" OR "workers"')) is None
    assert terms.find(("bm25", "titled_fts", quote("zzqxunheardof"))) is None
    assert terms.find(("pairs", "x")) is None
    assert unquoted('"say ""yes"""') == 'say "yes"' and unquoted('"a" "b"') is None


def test_weights_whose_sums_would_round_are_left_to_fts5(stored):
    assert exact_sums((1.0, 1.0, 0.5)) and not exact_sums((1.0, 0.3))
    terms = StoredTerms(stored.store, lambda table: (1.0, 0.3, 0.5))
    assert terms.find(("bm25", "titled_fts", quote("migrants"))) is None


def test_a_build_without_the_tables_asks_fts5(searcher, index_dir, tmp_path):
    folder = tmp_path / "index"
    shutil.copytree(index_dir, folder, symlinks=True)
    con = sqlite3.connect(folder / "current" / "paracite.sqlite")
    for table in TERM_TABLES:
        con.execute(f"DROP TABLE {table}")
    con.commit()
    con.close()
    s = Searcher.open(folder)
    try:
        keywords = s._ranking()._keywords
        assert not keywords.stored.stores("titled_fts")
        assert keywords.stored.find(("bm25", "titled_fts", quote("migrants"))) is None
        assert _ranked(s, "migrant workers remittances") == _ranked(searcher, "migrant workers remittances")
    finally:
        s.close()


def test_a_report_alone_stores_no_term_below_the_threshold(searcher):
    con = searcher.store
    assert con.execute("SELECT count(*) FROM term_postings").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM term_tables").fetchone()[0] == 2  # the totals still written
    assert not searcher._ranking()._keywords.stored.stores("titled_fts")


def test_varints_read_as_sqlite_writes_them():
    # 1 byte (0..127), 2 bytes (300 = 0b10_0101100), 3 bytes (20,000)
    assert varints(bytes([5, 0x82, 0x2C, 0x81, 0x9C, 0x20])).tolist() == [5, 300, 20000]
    with pytest.raises(ValueError):
        varints(bytes([0x82]))
