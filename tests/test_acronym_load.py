"""A build's acronym table is read whole, once (``search.bm25.Acronyms.load``): the first row of an
acronym names it, any row the corpus defines or the gazetteer lists makes it a name, and a build
made while search asked the table an acronym at a time (it carries an index by acronym) reads the
same. (The table once held 20,437 rows and was asked a short at a time; it now holds a few hundred,
read in under a millisecond: docs/user-audit-log.md, twenty-second session.)"""

from __future__ import annotations

import sqlite3

import pytest

from search.bm25 import Acronyms

ROWS = [("ODC", "Office of Drug Control", "spelled", 2, 0), ("ODC", "Office on Drugs and Crime", "defined", 5, 1),
        ("AND", "Afghan National Defence", "spelled", 3, 1)]


def _table(indexed: bool) -> sqlite3.Connection:
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE acronyms (short TEXT, long TEXT, source TEXT, count INTEGER, used INTEGER)")
    con.executemany("INSERT INTO acronyms VALUES (?,?,?,?,?)", ROWS)
    if indexed:  # as builds of the twenty-first session wrote it
        con.execute("CREATE INDEX acronyms_short ON acronyms (short)")
    return con


@pytest.mark.parametrize("indexed", [False, True])
def test_the_first_row_of_an_acronym_names_it_and_any_defined_row_makes_it_named(indexed):
    acr = Acronyms.load(_table(indexed))
    assert isinstance(acr.names, dict)
    assert acr.names["ODC"] == "Office of Drug Control" and "ODC" in acr.named and "AND" not in acr.named
    assert acr.short_of == {"office on drugs and crime": "ODC", "afghan national defence": "AND"}
    with pytest.raises(KeyError):
        acr.names["XYZ"]
    acr.names.update({"HLPF": "high-level political forum"})  # an acronym the index spells out
    assert acr.expand("HLPF and ODCs") == {"HLPF": "high-level political forum", "ODCs": "Office of Drug Control"}


def test_a_build_without_the_source_column_or_the_table_still_loads():
    con = sqlite3.connect(":memory:")
    assert Acronyms.load(con).names == {}
    con.execute("CREATE TABLE acronyms (short TEXT, long TEXT, used INTEGER)")
    con.execute("INSERT INTO acronyms VALUES ('IOM', 'International Organization for Migration', 1)")
    acr = Acronyms.load(con)
    assert acr.names == {"IOM": "International Organization for Migration"} and not acr.named


def test_the_report_index_reads_its_whole_table(index_dir):
    con = sqlite3.connect(index_dir / "current" / "paracite.sqlite")
    rows = con.execute("SELECT count(DISTINCT short) FROM acronyms").fetchone()[0]
    acr = Acronyms.load(con)
    assert len(acr.names) == rows > 100 and acr.short_of
