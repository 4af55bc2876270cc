"""Rules found with the round-4 blind library set (bench/data/library_facts_round4.jsonl), on real
sentences of library documents no other set used (E/2025/31, the CSTD's report on its twenty-eighth
session; E/2025/36, the WFP Executive Board's decisions of 2024)."""

from __future__ import annotations

import pytest

from search.answer import _said
from search.answer_types import Span
from search.roles import holds_office, office_stem
from search.terms import tokenize

# E/2025/31, para. 20: the Rapporteur of "the session", the report's own (the title says which).
_E2025_31_P20 = ("At the closing plenary meeting, on 11 April, the Chair announced that the Vice-Chair Ana Cristina "
                 "Amoroso das Neves (Portugal) would serve as Rapporteur for the session.")
# E/2025/36, annex I (p. 31), p. 37, para. 3
_E2025_36_RAPPORTEUR = ("In accordance with rule XII of it rules of procedure, the Board appointed Mr. Vito Su (United "
                        "States of America, List D) as Rapporteur for its 2024 second regular session.")
_TITLE = "Commission on Science and Technology for Development (Report on the twenty-eighth session (7–11 April 2025))"


def _stems(text: str) -> set[str]:
    return {t.stem for t in tokenize([text])[0]}


def test_an_ordinal_the_documents_title_holds_need_not_be_said_by_the_paragraph():
    eighth = _stems("eighth")
    about = frozenset(_stems(_TITLE))
    sentence = _stems(_E2025_31_P20)
    assert not _said(eighth, sentence, frozenset(), sentence)            # alone, the paragraph never says it
    assert _said(eighth, sentence, frozenset(), sentence, about)         # its report is on that session
    other = frozenset(_stems("Report on the twenty-ninth session"))
    assert not _said(eighth, sentence, frozenset(), sentence, other)     # a report on another session
    ninth = sentence | _stems("the twenty-ninth session")
    assert not _said(eighth, ninth, frozenset(), ninth, about)           # the sentence names another one


@pytest.mark.parametrize("question, stem", [
    ("Who served as Rapporteur of the twenty-eighth session of the Commission on Science and Technology?", "rapporteur"),
    ("Who did the WFP Executive Board appoint as Rapporteur for its 2024 second regular session?", "rapporteur"),
    ("Who will serve as Chair of the next session?", "chair"),
    ("Who did the Board appoint to its Independent Oversight Advisory Committee?", None),  # a body, not an office
])
def test_an_office_served_or_appointed_to_is_named(question, stem):
    assert office_stem(question) == stem


def _span(sentence: str, text: str, kind: str = "person") -> Span:
    start = sentence.index(text)
    return Span(text, kind, start, start + len(text))


def test_the_name_that_would_serve_as_the_office_holds_it():
    assert holds_office(_span(_E2025_36_RAPPORTEUR, "Vito Su"), _E2025_36_RAPPORTEUR, "rapporteur")
    name = _span(_E2025_31_P20, "Ana Cristina Amoroso das Neves")
    assert holds_office(name, _E2025_31_P20, "rapporteur")
    assert not holds_office(_span(_E2025_31_P20, "Portugal", "place"), _E2025_31_P20, "rapporteur")
    assert not holds_office(name, _E2025_31_P20, "chair")
