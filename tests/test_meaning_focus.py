"""The focus check by meaning (issue #19, ``search.meaning_focus``): a question's subject word that a sentence says in
other words counts as held, by the embedding model the index is built with (the installed one, no download).
Sentences are copied from the documents (DP/FPA/2025/4, S/2025/...) as strings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import MIN_FOCUS, _focus
from search.dense import embed_texts
from search.evidence import QuestionTerm, ScoredSentence, Sentence
from search.meaning_focus import ENV, SAME_MEANING, WordMeaning, sentence_words, threshold
from search.terms import tokenize

_PRODUCTS = ("UNFPA concurs with the Board of Auditors’ recommendation to categorize the products in ERP according to "
             "the programme supplies typology.")


@pytest.fixture(scope="module")
def meaning() -> WordMeaning:
    return WordMeaning(lambda texts: embed_texts(texts))


def _scored(text: str) -> ScoredSentence:
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=(), section=(),
                          text=text, score=1.0, title="")
    return ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)


def _term(word: str) -> QuestionTerm:
    t = tokenize([word])[0][0]
    return QuestionTerm(t.text, t.stem, 1.0, 1, False)


def test_a_sentence_writes_its_content_words_once_lower_cased_acronyms_apart():
    words = sentence_words(_PRODUCTS + " The products were counted.")
    assert words[:3] == ["concurs", "board", "auditors"] and words.count("products") == 1  # "UNFPA", "ERP": names
    assert not {"the", "with", "to", "in"} & set(words)


def test_a_word_said_in_other_words_is_held(meaning):
    cos, near = meaning.closest("goods", _PRODUCTS)
    assert near in ("products", "supplies") and cos >= SAME_MEANING
    assert meaning.says("goods", _PRODUCTS)
    assert not meaning.says("inflation", _PRODUCTS)  # a subject the sentence is not about stays unheld
    assert meaning.said == 1


def test_the_focus_counts_a_word_said_by_meaning_only_with_it(meaning):
    goods = [_term("goods")]
    assert _focus(_scored(_PRODUCTS), goods) < MIN_FOCUS  # spelling alone: "goods" is never written
    assert _focus(_scored(_PRODUCTS), goods, meaning=meaning) == 1.0
    assert _focus(_scored(_PRODUCTS), [_term("inflation")], meaning=meaning) < MIN_FOCUS


def test_the_threshold_can_be_set_or_turned_off(monkeypatch):
    monkeypatch.setenv(ENV, "off")
    assert threshold() is None
    monkeypatch.setenv(ENV, "0.7")
    assert threshold() == 0.7
    monkeypatch.delenv(ENV)
    assert threshold() == SAME_MEANING
