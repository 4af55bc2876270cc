"""The searcher's SQLite store, reached through its public ``store`` (the answer's readers query it
directly; no module reaches into the searcher's private fields for it)."""

import sqlite3

from search.short_forms import short_forms


def test_store_is_the_index_s_sqlite(searcher):
    assert isinstance(searcher.store, sqlite3.Connection)
    (n,) = searcher.store.execute("SELECT count(*) FROM chunks").fetchone()
    assert n == len(list(searcher.chunks())) > 0


def test_short_forms_read_the_document_through_the_store(searcher):
    forms = {f.short: f.long for f in short_forms(searcher, "A/69/207")}
    assert forms["ILO"] == "International Labour Organization"
    assert forms["IFAD"] == "International Fund for Agricultural Development"
    assert short_forms(searcher, "A/00/000") == ()  # no such document: nothing defined
