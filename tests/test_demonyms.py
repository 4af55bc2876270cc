"""A country's adjective in a question names the country (search.demonyms): "Which Korean institute"
must not be refused as "never mention Korean" when the documents write "Korea Institute"."""

from __future__ import annotations

import pytest

from search.demonyms import adjective_of_indexed_place, place_forms


@pytest.mark.parametrize("word, place", [
    ("Korean", "Korea"), ("Rwandan", "Rwanda"), ("Chinese", "China"), ("Brazilian", "Brazil"),
    ("Pakistani", "Pakistan"), ("Mexican", "Mexico"), ("Italian", "Italy"), ("Ethiopian", "Ethiopia"),
    ("Haitian", "Haiti"), ("Tanzanian", "Tanzania"),
])
def test_an_adjective_has_its_country_among_its_forms(word, place):
    assert place in place_forms(word)


@pytest.mark.parametrize("word", ["korean", "Ian", "UN"])
def test_no_forms_for_lower_case_or_short_words(word):
    assert place_forms(word) == []


def test_only_a_known_place_the_index_holds_counts(searcher):
    con = searcher._con
    assert adjective_of_indexed_place(con, "Mexican") == "Mexico"  # para. 42: "programmes in Mexico"
    assert adjective_of_indexed_place(con, "Korean") is None  # a known place, but the report never names it
    assert adjective_of_indexed_place(con, "Secretarian") is None  # "Secretaria" is no place
    assert adjective_of_indexed_place(con, "Council") is None


def test_a_question_with_the_adjective_reads_the_paragraph_naming_the_country(searcher):
    answer = searcher.ask("Which organizations launched programmes for Mexican female migrant worker organizations?")
    assert "never mention" not in answer.text  # it said "They never mention Mexican."
    assert "A/69/207, para. 42" in [e.citation for e in answer.closest]
