"""Acronyms as a query types them: one that is also a function word ("WHO") stays a query term where
the corpus defines it, and a possessive ("UNFPA's") or a plural ("NGOs") expands as the acronym does."""

from __future__ import annotations

import numpy as np

from search.bm25 import Acronyms, capital_stopwords, keyword_query
from search.word_shares import word_shares

QUERY = "What is WHO doing about health coverage for migrants?"  # A/69/207 own query o28
WHO = '"who" OR "World Health Organization"'


def test_only_capitalised_acronyms_that_are_stopwords():
    typed = {"WHO": "World Health Organization", "IOM": "International Organization for Migration"}
    assert capital_stopwords("What is WHO doing with IOM?", typed) == ["who"]  # IOM is kept anyway
    assert capital_stopwords("WHAT IS WHO DOING", typed) == []  # all capitals: "WHO" may be the pronoun
    assert capital_stopwords("who is doing what", {}) == []  # the pronoun is never typed as an acronym


def test_only_a_defined_or_listed_acronym_not_initials_that_spell_a_function_word():
    # initials found in a real library: "Afghan National Defence" spells AND, "United States" US
    acr = Acronyms([("WHO", "World Health Organization", 1), ("AND", "Afghan National Defence", 1),
                    ("US", "United States", 1)], named=["WHO"])
    kw = keyword_query("WHO data on migrants AND remittances in the US", acr)
    assert kw.terms == ("data", "migrants", "remittances", "who")
    assert kw.groups[-1] == WHO


def test_the_report_keeps_who_as_its_name(searcher):
    acr = searcher._ranking().acronyms
    kw = keyword_query(QUERY, acr)
    assert WHO in kw.groups and "who" in kw.terms
    assert kw.groups.count(WHO) == 1
    plain = keyword_query(QUERY.replace("WHO", "who"), acr)  # the pronoun: still a stopword
    assert "who" not in plain.terms and WHO not in plain.groups
    assert keyword_query("WHO and WHO's health work", acr).groups.count(WHO) == 1


def test_the_paragraph_naming_who_covers_the_name(searcher):
    # para. 48: "The World Health Organization (WHO) promotes the inclusion of health-care benefits ..."
    con = searcher._con
    rowid = con.execute("SELECT id FROM chunks WHERE kind = 'paragraph' AND number = 48").fetchone()[0]
    n = con.execute("SELECT count(*) FROM chunks").fetchone()[0]
    groups = keyword_query(QUERY, searcher._ranking().acronyms).groups
    assert len(groups) == 4  # health, coverage, migrants, WHO (before: three, WHO dropped)
    cov = word_shares(con, groups, np.array([rowid], dtype="int64"), n)[0]
    assert cov[0] == 0.75  # health, migrants and WHO; not "coverage"
    assert searcher.search(QUERY, k=1, mode="bm25")[0].number == 48


def test_a_possessive_acronym_is_expanded(searcher):
    # para. 75 writes "International Organization for Migration", never "IOM"
    acr = searcher._ranking().acronyms
    assert acr.expand("IOM’s and IOM's work") == {"IOM": "International Organization for Migration"}
    kw = keyword_query("IOM's partnerships with diaspora communities", acr)
    assert kw.groups[0] == '"iom" OR "International Organization for Migration"'
    assert kw.groups == keyword_query("IOM partnerships with diaspora communities", acr).groups
    assert searcher.search("IOM's partnerships with diaspora communities", k=1, mode="bm25")[0].number == 75


def test_a_plural_acronym_takes_its_singular_name():
    acr = Acronyms([("NGO", "non-governmental organization", 1), ("SDGs", "Sustainable Development Goals", 1),
                    ("SDG", "Sustainable Development Goal", 1)])
    assert acr.expand("how NGOs relate to the SDGs") == {"NGOs": "non-governmental organization",
                                                         "SDGs": "Sustainable Development Goals"}  # its own row first
    assert keyword_query("NGOs in Kinshasa", acr).groups[0] == '"ngos" OR "non-governmental organization"'
    assert acr.expand("GOs and Ns") == {}  # the singular must itself be an acronym


def test_load_reads_which_are_named_and_a_table_without_sources():
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE acronyms (short TEXT, long TEXT, source TEXT, count INTEGER, used INTEGER)")
    con.executemany("INSERT INTO acronyms VALUES (?,?,?,?,?)", [("WHO", "World Health Organization", "defined", 8, 1),
                                                                 ("AND", "Afghan National Defence", "spelled", 3, 1)])
    acr = Acronyms.load(con)
    assert acr.named == {"WHO"} and set(acr.names) == {"WHO", "AND"}
    old = sqlite3.connect(":memory:")
    old.execute("CREATE TABLE acronyms (short TEXT, long TEXT, used INTEGER)")
    old.execute("INSERT INTO acronyms VALUES ('WHO', 'World Health Organization', 1)")
    acr = Acronyms.load(old)
    assert acr.names == {"WHO": "World Health Organization"} and not acr.named
    assert "who" not in keyword_query(QUERY, acr).terms  # nothing named: read as before
