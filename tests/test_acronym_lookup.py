"""A build's acronym table asked a short at a time (``search.acronym_lookup``) answers as the whole
table read into dicts did: the same names, the same named acronyms, the same keyword queries and
the same hits; a build without the index by acronym is read whole, as before."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from index.acronym_table import ACRONYM_INDEX
from search import Searcher
from search.acronym_lookup import LookedUpNames, has_short_index
from search.bm25 import Acronyms, keyword_query
from test_search_speed_paths import QUERIES, _ranked


@pytest.fixture(scope="module")
def unindexed(index_dir, tmp_path_factory) -> Path:
    """A copy of the report's index as main built it before the index by acronym."""
    folder = tmp_path_factory.mktemp("unindexed") / "index"
    shutil.copytree(index_dir, folder, symlinks=True)
    con = sqlite3.connect(folder / "current" / "paracite.sqlite")
    con.execute(f"DROP INDEX {ACRONYM_INDEX}")
    con.commit()
    con.close()
    return folder


def _db(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / "current" / "paracite.sqlite")


def test_a_build_indexes_its_acronyms_and_an_older_one_is_read_whole(index_dir, unindexed):
    assert has_short_index(_db(index_dir))
    assert isinstance(Acronyms.load(_db(index_dir)).names, LookedUpNames)
    assert not has_short_index(_db(unindexed))
    assert isinstance(Acronyms.load(_db(unindexed)).names, dict)


def test_looked_up_acronyms_answer_as_the_whole_table(index_dir, unindexed):
    looked, whole = Acronyms.load(_db(index_dir)), Acronyms.load(_db(unindexed))
    shorts = [s for (s,) in _db(index_dir).execute("SELECT DISTINCT short FROM acronyms")]
    assert len(shorts) > 100
    for word in [*shorts, *(s.lower() for s in shorts), *(s + "s" for s in shorts), "ZZQX", ""]:
        assert (word in looked.names) == (word in whole.names), word
        assert looked.names.get(word) == whole.names.get(word), word
        assert (word in looked.named) == (word in whole.named), word
    assert looked.short_of == whole.short_of and looked.short_of
    typed = [f"{a} and {b} on migration" for a, b in zip(shorts, shorts[1:])]
    for query in [*QUERIES, *typed]:
        assert keyword_query(query, looked) == keyword_query(query, whole), query


def test_the_first_row_of_an_acronym_names_it_and_any_defined_row_makes_it_named():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE acronyms (short TEXT, long TEXT, source TEXT, count INTEGER, used INTEGER)")
    con.executemany("INSERT INTO acronyms VALUES (?,?,?,?,?)", [
        ("ODC", "Office of Drug Control", "spelled", 2, 0), ("ODC", "Office on Drugs and Crime", "defined", 5, 1),
        ("AND", "Afghan National Defence", "spelled", 3, 1)])
    con.execute(f"CREATE INDEX {ACRONYM_INDEX} ON acronyms (short)")
    acr = Acronyms.load(con)
    assert acr.names["ODC"] == "Office of Drug Control" and "ODC" in acr.named and "AND" not in acr.named
    assert acr.short_of == {"office on drugs and crime": "ODC", "afghan national defence": "AND"}
    with pytest.raises(KeyError):
        acr.names["XYZ"]
    acr.names.update({"HLPF": "high-level political forum"})  # an acronym the index spells out
    assert "HLPF" in acr.names and acr.expand("HLPF and ODC") == {"HLPF": "high-level political forum",
                                                                  "ODC": "Office of Drug Control"}


@pytest.mark.parametrize("options", [{}, {"mode": "bm25"}, {"k": 30}])
def test_a_searcher_ranks_as_on_a_build_read_whole(searcher, unindexed, options):
    whole = Searcher.open(unindexed)
    try:
        for query in QUERIES:
            assert _ranked(searcher, query, **options) == _ranked(whole, query, **options), query
    finally:
        whole.close()
