"""Classes found by the fresh library questions (bench/data/library_facts_fresh.jsonl, dev half):
a question names the report a fact comes from ("according to the UNODC report on Haiti"), asks
"how much money" where a paragraph gives only list numbers, or counts something whose noun the
answer should keep ("10 plenary meetings")."""

from __future__ import annotations

import pytest

from search.answer import _SUM_LIKE, _frame_only_stems, _with_counted_noun, source_frames, source_names
from search.answer_types import Span
from search.terms import tokenize

NAMES = [("UNODC", ()), ("Haiti", ()), ("Dominican Republic", ()), ("Security Council", ()), ("Chile", ()),
         ("Human Rights Council", ()), ("UNFPA", ()), ("JIU", ())]


@pytest.mark.parametrize("question, frame, framed_names", [
    ("How many Haitian criminal groups did the Dominican Republic designate in early 2025, according to "
     "the UNODC quarterly report on Haiti to the Security Council?",
     "according to the UNODC quarterly report on Haiti to the Security Council", {"UNODC", "Security Council"}),
    ("According to UNODC's report on arms trafficking in Haiti, how many Haitians did the Dominican Republic deport?",
     "According to UNODC's report on arms trafficking in Haiti", {"UNODC"}),
    ("How many children did the Dominican Republic deport in 2024, as reported in the UNODC report on Haiti?",
     "as reported in the UNODC report on Haiti", {"UNODC", "Haiti"}),
    ("In UNFPA's 2025 report on JIU recommendations, how many of them are relevant to UNFPA?",
     "In UNFPA's 2025 report on JIU recommendations", {"JIU"}),
    ("How many visits did Chile receive, according to its pledges as a candidate for the Human Rights Council 2026–2028?",
     "according to its pledges as a candidate for the Human Rights Council 2026–2028", {"Human Rights Council"}),
])
def test_the_source_clause_and_the_names_only_it_holds(question, frame, framed_names):
    rest, frames = source_frames(question)
    assert frames == [frame]
    assert frame not in rest
    assert source_names(question, NAMES) == framed_names


@pytest.mark.parametrize("question", [
    "How many reports did the Joint Inspection Unit issue in 2024?",  # "reports" is what is counted
    "Which report of UNFPA found that six recommendations were relevant?",
    "How many troops did MONUSCO have deployed?",
])
def test_a_question_without_a_source_clause_keeps_all_its_words(question):
    assert source_frames(question) == (question, [])
    assert source_names(question, NAMES) == set()


def test_numbers_of_the_source_clause_are_not_required_of_the_paragraph():
    framed = _frame_only_stems("How many visits did Chile receive in 2023, according to its pledges for 2026–2028?")
    assert {"2026", "2028"} <= framed and "2023" not in framed and "chile" not in framed


@pytest.mark.parametrize("sentence, number, counted, lead", [
    ("The Forum held 10 plenary meetings during its session.", "10", "plenary meetings", "10 plenary meetings"),
    ("Chile has served as a member for four terms: 2009–2011 and 2012–2014.", "four", "terms", "four terms"),
    ("The 18 members of the Global Migration Group should act.", "18", "members", "18 members"),
    ("In 2024, JIU issued seven reports to the organizations.", "seven", "notes", "seven"),  # another noun: bare
])
def test_a_count_keeps_the_noun_it_counts(sentence, number, counted, lead):
    start = sentence.index(number)
    span = Span(number, "count", start, start + len(number))
    stems = {t.stem for t in tokenize([counted])[0]}
    out = _with_counted_noun(span, sentence, stems)
    assert out.text == lead and sentence[out.start:out.end] == lead


@pytest.mark.parametrize("text, is_sum", [
    ("3", False), ("twenty", False), ("2025", False), ("2025–2028", False), ("twenty-first", False),
    ("4,500", True), ("12000", True), ("4.2 million", True), ("1500", True),
])
def test_what_may_be_a_sum_of_money_without_its_currency(text, is_sum):
    assert bool(_SUM_LIKE.search(text)) is is_sum


@pytest.mark.parametrize("sentence, number, part", [
    ("The report includes nine formal recommendations, six of which are relevant to UNFPA.", "six", True),
    ("The report includes nine formal recommendations, six of which are relevant to UNFPA.", "nine", False),
    ("The outcomes contain over 120 actions, of which 35 are direct requests to the secretariat.", "35", True),
    ("The outcomes contain over 120 actions, of which 35 are direct requests to the secretariat.", "120", False),
])
def test_the_count_of_a_part_of_a_whole(sentence, number, part):
    from search.answer import _PART_OF, _names_a_part

    start = sentence.index(number)
    assert _names_a_part(Span(number, "count", start, start + len(number)), sentence) is part
    assert _PART_OF.search("How many of the recommendations are relevant to UNFPA?")
    assert _PART_OF.search("Of the actions in the outcome, how many are direct requests to the secretariat?")
    assert not _PART_OF.search("How many reports did the Joint Inspection Unit issue in 2024?")
