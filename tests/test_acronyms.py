"""Whether a run of words spells an acronym (search.acronyms), read with each caller's word filter:
every word (the question's focus words), words that start with a letter (span scoring), capitalised
words with or without the small words a name keeps (name matching)."""

import pytest

from search.acronyms import capitalised, every_word, in_a_name, initials, spelling_runs, spells, starts_with_letter

_CEDAW = "Committee on the Elimination of Discrimination against Women".split()


@pytest.mark.parametrize("words, acronym, counts, wanted", [
    ("gross domestic product".split(), "GDP", starts_with_letter, True),
    ("0.5 per cent of gross domestic product".split(), "GDP", starts_with_letter, True),  # a number passed over
    ("the increase in the migrant stock".split(), "GDP", starts_with_letter, False),
    ("gross domestic product".split(), "gdp", every_word, True),  # letters compared upper-cased
    ("International Organization for Migration".split(), "IOM", capitalised, True),
    ("International Organization for Migration".split(), "IOFM", capitalised, False),  # "for" gives no letter
    (_CEDAW, "CEDAW", capitalised, False),  # "against" gives the A
    (_CEDAW, "CEDAW", in_a_name, True),
    ("Committee on the Elimination of Racial Discrimination".split(), "CEDAW", in_a_name, False),
    ("minimum preparedness actions".split(), "MPA", every_word, True),
    ("minimum actions preparedness".split(), "MPA", every_word, False),  # in order only
    ("minimum preparedness".split(), "MPA", every_word, False),  # too few words
    ("gross domestic product".split(), "", every_word, False),
])
def test_spells(words, acronym, counts, wanted):
    assert spells(words, acronym, counts) is wanted


@pytest.mark.parametrize("words, acronym, counts, wanted", [
    ("how many minimum preparedness actions".split(), "MPA", every_word, [[2, 3, 4]]),
    ("Report of the Human Rights Council".split(), "HRC", capitalised, [[3, 4, 5]]),
    ("Human Rights Council and Human Rights Committee".split(), "HRC", capitalised, [[0, 1, 2], [4, 5, 6]]),
    ("the United Nations".split(), "UN", every_word, [[1, 2]]),
    ("the United Nations".split(), "TUN", every_word, [[0, 1, 2]]),
    ("the United Nations".split(), "UNDP", every_word, []),
])
def test_spelling_runs(words, acronym, counts, wanted):
    assert spelling_runs(words, acronym, counts) == wanted


@pytest.mark.parametrize("word, every, letter, capital, name", [
    ("gross", True, True, False, False),
    ("Women", True, True, True, True),
    ("against", True, True, False, True),
    ("0.5", True, False, False, False),
    ("", True, False, False, False),
])
def test_word_filters(word, every, letter, capital, name):
    assert (every_word(word), starts_with_letter(word), capitalised(word), in_a_name(word)) == (every, letter, capital, name)


def test_initials():
    assert initials(["gross", "domestic", "Product"]) == "GDP"
    assert initials([]) == ""
