"""An acronym the report never writes, found as the words it abbreviates (search.initials), on the
real index of A/69/207: it writes "Global Migration Group" and "High-level Dialogue", never "GMG" or "HLD"."""

import pytest

from search.initials import spelled_out


@pytest.mark.parametrize("acronym, phrase", [
    ("GMG", "global migration group"),
    ("HLD", "high-level dialogue"),
    ("ZQX", None),  # no such words
    ("ITM", None),  # "in the migration": "in" and "the" never stand for a letter
    ("UN", None),  # too short to read off the text
])
def test_spelled_out(searcher, acronym, phrase):
    assert spelled_out(searcher._con, acronym) == phrase


def test_ask_reads_an_unwritten_acronym_as_the_words_it_abbreviates(searcher):
    answer = searcher.ask("When did the General Assembly decide to convene the second HLD?")
    assert answer.answered and "never mention" not in answer.text
    assert answer.text.startswith("19 December 2008") and "A/69/207, para. 10" in answer.citations[0]


def test_keyword_search_finds_an_unwritten_acronym_by_its_words(searcher):
    hits = searcher.search("HLD", k=3, mode="bm25")  # BM25 returns only chunks sharing a word
    assert hits and all("high-level dialogue" in h.text.lower() for h in hits)


def test_ask_names_an_acronym_by_the_words_the_report_writes(searcher):
    from search.answer import _with_spelled_aliases

    assert _with_spelled_aliases(searcher, [("GMG", ()), ("IOM", ("International Organization for Migration",))]) == \
        [("GMG", ("global migration group",)), ("IOM", ("International Organization for Migration",))]
