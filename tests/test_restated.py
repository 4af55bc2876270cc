"""An explanatory answer leaves out a sentence that restates one it quotes above it (``search.restated``):
a letter and its two annexes gave the same request three times, each with its date and article again."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import _sentence_answer
from search.evidence import ScoredSentence, Sentence
from search.restated import restates
from search.terms import tokenize

# A/79/845: the letter (p. 1, para. 2), its annex II (p. 3, para. 2) and annex I (p. 2, para. 4)
LETTER = ("In this regard, we continue to seek the kind assistance of the Secretariat in the fulfilment of these "
          "cooperation requests by providing all available information and documents, including those referred to "
          "in Mr. Volker Türk’s letter of 10 May 2023, that may be essential for the investigation of the situation "
          "in Bucha to ensure the proper administration of justice, in particular in accordance with article V, "
          "section 21, of the 1946 Convention on the Privileges and Immunities of the United Nations")
ANNEX_II = ("In this regard, we continue to seek kind assistance of the Secretariat in fulfilment of the cooperation "
            "requests from the Prosecutor General’s Office and the Investigative Committee by providing all available "
            "information and documents, including those referred to in Mr. Volker Türk’s letter of 10 May 2023, that "
            "may be essential for the investigation of the situation in Bucha to ensure the proper administration of "
            "justice in particular in accordance with Section 21 of article V of the 1946 Convention on Privileges and "
            "Immunities of the United Nations")
# S/2025/176, paras. 20 and 69: two sentences of one report, sharing many words but saying different things
SHELTERED = ("At the peak of the M23 offensive, over 1,800 civilians and disarmed Congolese defence and security forces "
             "were sheltered at MONUSCO bases")
DEPLOYED = ("MONUSCO deployed 10,173 troops, 7.67 per cent of them women, and 448 United Nations military experts on "
            "mission, of whom 23 per cent were women, against an authorized strength of 11,500 troops and 600 military "
            "experts")


@pytest.mark.parametrize("a, b, same", [(ANNEX_II, LETTER, True), (LETTER, ANNEX_II, True), (DEPLOYED, SHELTERED, False),
                                        ("The Council met.", "The Council met on 3 May.", False)])  # too short to judge
def test_a_sentence_restates_another_when_nearly_all_its_words_are_there(a, b, same):
    assert restates(a, b) is same


def _scored(text: str, citation: str, score: float) -> ScoredSentence:
    hit = SimpleNamespace(symbol="A/79/845", citation=citation, kind="paragraph", entities=(), section=(), text=text)
    return ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), score, 0.5, 0.5)


def test_the_answer_quotes_the_request_once_and_keeps_a_sentence_that_says_more():
    other = ("The Russian Federation has repeatedly requested the names of the persons whose bodies were found in "
             "Bucha, and has received no reply from the Office of the High Commissioner to date")
    answer = _sentence_answer("Whose letter?", [_scored(LETTER, "A/79/845, p. 1, para. 2", 0.62),
                                                _scored(ANNEX_II, "A/79/845, annex II, p. 3, para. 2", 0.61),
                                                _scored(other, "A/79/845, p. 1, para. 3", 0.60)])
    assert answer.citations == ("A/79/845, p. 1, para. 2", "A/79/845, p. 1, para. 3")
    assert answer.text.count("10 May 2023") == 1 and answer.text.startswith("In this regard, we continue")
