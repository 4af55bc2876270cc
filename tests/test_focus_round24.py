"""Three general repairs of the focus gate and its inputs (twenty-fourth session, h-r24focus; docs/answers-log.md):

- a do-question's verb the parser reads as a noun of the name before it ("What period does the Global Strategy for
  Sustainable Consumption and Production *cover*, as *named in* ...?") is the question's relation, not its subject,
  and "as named in ..." names the source, as "as described in" does;
- the sentence after the fact's lends its words at half weight ("The Supplier Portal module was launched in April
  2024 ..." / "This module will allow users to perform basic vendor assessments activities."), unless it gives a
  fact of the asked kind itself (A/79/939 para. 3: "... killed at least 3 people" / "Russia killed the three
  emergency workers ...": two counts, two facts);
- a length of years as an adjective ("the *10-Year* Framework of Programmes") is no date: the period asked in
  E/2025/L.16 para. 70 is the Strategy's "2023–2030".

Sentences are copied from the documents as strings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import MIN_FOCUS, _focus, _lends_after, subject_words
from search.answer_types import _nlp, question_type, typed_spans
from search.evidence import QuestionTerm, ScoredSentence, Sentence, sentence_after
from search.question_frames import source_frames
from search.relation_verb import misread_verb
from search.terms import tokenize

_T2414 = ("What period does the Global Strategy for Sustainable Consumption and Production cover, as named in the 2025 "
          "ministerial declaration of the high-level political forum?")
# DP/FPA/2025/2, para. 60
_PORTAL = ("The Supplier Portal module was launched in April 2024 as a component of the ERP roll out schedule. "
           "This module will allow users to perform basic vendor assessments activities. Further improvements will be "
           "given by the data gathered by the Order Transport Module planned to be launched in Q3 2024.")
# A/79/939, p. 1, para. 3 (its first two sentences)
_KYIV = ("In Kyiv, the attack killed at least 3 people – all of them employees of the State Emergency Service of Ukraine – "
         "and injured at least 23 others, including 2 children. Russia killed the three emergency workers while they were "
         "responding to the aftermath of the first explosions.")


def _hit(text: str) -> SimpleNamespace:
    return SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=(), section=(),
                           text=text, score=1.0, title="", before="")


def _scored(paragraph: str, sentence: str) -> ScoredSentence:
    start = paragraph.index(sentence)
    return ScoredSentence(_hit(paragraph), Sentence(sentence, start, start + len(sentence), False),
                          tuple(tokenize([sentence])[0]), 0.8, 0.7, 0.8)


def _terms(words: str) -> list[QuestionTerm]:
    return [QuestionTerm(t.text, t.stem, 1.0, 1, False) for t in tokenize([words])[0]]


def _first(paragraph: str) -> str:
    return paragraph[:paragraph.index(". ") + 1]


# -- (a) the question's relation and frame are not its subject ----------------------------------------------------------
def test_a_do_questions_verb_read_as_a_noun_is_its_relation():
    assert misread_verb(_nlp()(_T2414)) == "cover"
    assert "cover" not in subject_words(_T2414, question_type(_T2414))


@pytest.mark.parametrize("question", [
    "What does the report say about remittance costs?",  # its verb is read as one: "costs" stays a subject word
    "How many people does South Sudan's Humanitarian Needs and Response Plan 2025 prioritize?",
    "What did UNFPA spend on Syria programmes?",
    "What share of the vote did the incumbent party win in the Kosovo elections?",  # "win" read as a noun: a plural ends it
])
def test_a_verb_the_parser_reads_is_left_alone(question):
    assert misread_verb(_nlp()(question)) is None


def test_as_named_in_names_the_source():
    rest, frames = source_frames(_T2414)
    assert frames == ["as named in the 2025 ministerial declaration of the high-level political forum"]
    assert "declaration" not in rest


# -- (b) the sentence after, unless it gives a fact of the asked kind -------------------------------------------------
def test_the_sentence_after_is_the_next_one_of_its_paragraph():
    assert sentence_after(_scored(_PORTAL, _first(_PORTAL))) == \
        "This module will allow users to perform basic vendor assessments activities."
    last = "Further improvements will be given by the data gathered by the Order Transport Module planned to be launched in Q3 2024."
    assert sentence_after(_scored(_PORTAL, last)) == ""


def test_the_words_that_identify_the_fact_may_follow_its_sentence():
    terms = _terms("module lets users carry out basic vendor assessments launched")
    assert _focus(_scored(_PORTAL, _first(_PORTAL)), terms, kinds=["date"]) >= MIN_FOCUS
    alone = _first(_PORTAL)  # the same sentence in a paragraph of its own: the identifying words are nowhere
    assert _focus(_scored(alone, alone), terms, kinds=["date"]) < MIN_FOCUS


def test_the_sentence_after_holds_a_word_only_half():
    terms = _terms("module users vendor assessments")  # "module" here, the rest in the next sentence: half each
    assert _focus(_scored(_PORTAL, _first(_PORTAL)), terms, kinds=["date"]) == (1 + 3 * 0.5) / 4


def test_a_sentence_holding_none_of_the_words_is_not_lifted_by_the_next():
    terms = _terms("users vendor assessments")  # all in the next sentence, none in this one: about something else
    assert _focus(_scored(_PORTAL, _first(_PORTAL)), terms, kinds=["date"]) == 0.0


def test_a_next_sentence_giving_a_fact_of_the_asked_kind_lends_nothing():
    first = _scored(_KYIV, _first(_KYIV))
    assert _lends_after(first, ["count"]) == ""  # "the three emergency workers": its own count
    assert _lends_after(first, ["date"]).startswith("Russia killed the three emergency workers")
    terms = _terms("attack killed workers responding")  # "attack killed" here, "workers responding" only in the next
    assert _focus(first, terms, kinds=["count"]) == 0.5
    assert _focus(first, terms, kinds=["date"]) == 0.75


# -- the asked period, not a programme's length ---------------------------------------------------------------------
def test_a_length_of_years_as_an_adjective_is_no_date():
    # E/2025/L.16, para. 70: the period asked is the Strategy's "2023–2030"; the models tag the programme's "10-Year" a date
    sentence = ("... continue to implement the 10-Year Framework of Programmes on Sustainable Consumption and Production "
                "Patterns in delivering the Global Strategy for Sustainable Consumption and Production 2023–2030, all "
                "countries taking action")
    start = sentence.index("10-Year")
    assert [sp.text for sp in typed_spans(sentence, ["date"], [("10-Year", "DATE", start, start + 7)])] == ["2023–2030"]
