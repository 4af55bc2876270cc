"""What a query sets aside is not searched for ("apart from X, which ..."): table-driven on the
phrasings users write, then on the real index."""

import pytest

from search.exclusion import split_exclusions

CASES = [
    ("apart from Tripoli, where were the mission's civilian staff based",
     "where were the mission's civilian staff based", ("Tripoli",)),
    ("peacekeepers killed in the offensive other than the South Africans",
     "peacekeepers killed in the offensive", ("the South Africans",)),
    ("apart from Bhutan and Kazakhstan, which country proposed an observer status item?",
     "which country proposed an observer status item?", ("Bhutan and Kazakhstan",)),
    ("Besides UNHCR, which agencies help returnees", "which agencies help returnees", ("UNHCR",)),
    ("partnerships with international organizations except for UN agencies",
     "partnerships with international organizations", ("UN agencies",)),
    # contrast, not exclusion: the compared term is part of what is asked
    ("the only region where poverty is going up rather than down",
     "the only region where poverty is going up rather than down", ()),
    # "something other than X" asks about alternatives to X: X is the topic
    ("judging progress with something other than economic output",
     "judging progress with something other than economic output", ()),
    # too little would be left to search
    ("anything except Geneva", "anything except Geneva", ()),
]


@pytest.mark.parametrize("query,rest,excluded", CASES)
def test_split_exclusions(query, rest, excluded):
    got = split_exclusions(query)
    assert (got.rest, got.excluded) == (rest, excluded)


def test_search_does_not_look_for_the_excluded(searcher):
    plain = [h.citation for h in searcher.search("remittances sent home by migrant workers", k=10)]
    apart = [h.citation for h in searcher.search("apart from Mexico, remittances sent home by migrant workers", k=10)]
    with_it = [h.citation for h in searcher.search("Mexico remittances sent home by migrant workers", k=10)]
    assert apart == plain
    assert with_it != plain  # the excluded name would have moved the ranking
