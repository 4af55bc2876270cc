"""The focus gate reads the sentence after the fact's at half weight: a question often joins two sentences of one
statement, the fact in the first and the words that identify it in the next ("When was the Supplier Portal module,
*which lets users carry out basic vendor assessments*, launched?" / "The Supplier Portal module was launched in April
2024 ... *This module will allow users to perform basic vendor assessments activities*."). Rounds 18 and 21 each
lost a fact to it on their first run (docs/answers-log.md, twenty-third session). Sentences are copied from the
documents as strings."""

from __future__ import annotations

from types import SimpleNamespace

from search.answer import MIN_FOCUS, _focus
from search.evidence import QuestionTerm, ScoredSentence, Sentence, sentence_after
from search.terms import tokenize

# DP/FPA/2025/2, para. 60
_PORTAL = ("The Supplier Portal module was launched in April 2024 as a component of the ERP roll out schedule. "
           "This module will allow users to perform basic vendor assessments activities. Further improvements will be "
           "given by the data gathered by the Order Transport Module planned to be launched in Q3 2024.")
# ICCD/COP(8)/CST/8, para. 47 (its first two sentences)
_ROMANIA = ("The role of environmental and financial synergy on the afforestation of degraded lands in Romania was "
            "discussed. It was stated that from scientific, technological and practical points of view there are "
            "solutions to land degradation but the lack of major financing makes it difficult to implement them on a "
            "large scale.")


def _scored(paragraph: str, sentence: str, heading: bool = False) -> ScoredSentence:
    start = paragraph.index(sentence)
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=(), section=(),
                          text=paragraph, score=1.0, title="")
    return ScoredSentence(hit, Sentence(sentence, start, start + len(sentence), heading),
                          tuple(tokenize([sentence])[0]), 0.8, 0.7, 0.8)


def _terms(words: str) -> list[QuestionTerm]:
    return [QuestionTerm(t.text, t.stem, 1.0, 1, False) for t in tokenize([words])[0]]


def _first(paragraph: str) -> str:
    return paragraph[:paragraph.index(". ") + 1]


def test_the_sentence_after_is_the_next_one_of_its_paragraph():
    assert sentence_after(_scored(_PORTAL, _first(_PORTAL))) == \
        "This module will allow users to perform basic vendor assessments activities."
    last = "Further improvements will be given by the data gathered by the Order Transport Module planned to be launched in Q3 2024."
    assert sentence_after(_scored(_PORTAL, last)) == ""


def test_the_words_that_identify_the_fact_may_follow_its_sentence():
    terms = _terms("module lets users carry out basic vendor assessments launched")
    assert _focus(_scored(_PORTAL, _first(_PORTAL)), terms) >= MIN_FOCUS
    alone = _first(_PORTAL)  # the same sentence in a paragraph of its own: the identifying words are nowhere
    assert _focus(_scored(alone, alone), terms) < MIN_FOCUS


def test_a_point_made_in_the_next_sentence_names_the_discussion():
    terms = _terms("afforestation degraded land discussed point lack major financing hampers large-scale solutions")
    assert _focus(_scored(_ROMANIA, _first(_ROMANIA)), terms) >= MIN_FOCUS
    assert _focus(_scored(_first(_ROMANIA), _first(_ROMANIA)), terms) < MIN_FOCUS


def test_the_sentence_after_holds_a_word_only_half():
    terms = _terms("module users vendor assessments")  # "module" here, the rest in the next sentence: half each
    assert _focus(_scored(_PORTAL, _first(_PORTAL)), terms) == (1 + 3 * 0.5) / 4


def test_a_sentence_holding_none_of_the_words_is_not_lifted_by_the_next():
    terms = _terms("users vendor assessments")  # all in the next sentence, none in this one: about something else
    assert _focus(_scored(_PORTAL, _first(_PORTAL)), terms) == 0.0
