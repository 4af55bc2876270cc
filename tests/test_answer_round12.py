"""Rules of the twelfth session, found on the dev halves and the promoted held-out halves (see
docs/answers-log.md): "how many pages long" counts pages and a "46-page report" gives them; an acronym
holds the words it stands for; the figure a new one replaces is no answer; "the required $1.7 billion"
points back to the plan its paragraph named; "we" in a declaration is said by those its title names;
"the Office" repeats the head of "the Office of the Ombudsman" named before; the part of "two out of
the 28 surveyed" is no number surveyed; an office is given by "X, co-chaired" and "to serve concurrently as", not by "Director General".
Sentences are copied from the documents as strings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import MIN_FOCUS, _focus, acronym_stems, asked_before, compound_counts, headed_before
from search.answer_types import Span, question_type, typed_spans
from search.evidence import QuestionTerm, ScoredSentence, Sentence, stop_words
from search.roles import holds_office
from search.span_scores import span_score
from search.terms import tokenize


def _scored(text: str, paragraph: str | None = None, title: str = "") -> ScoredSentence:
    paragraph = paragraph or text
    start = paragraph.index(text)
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=(), section=(),
                          text=paragraph, score=1.0, title=title)
    return ScoredSentence(hit, Sentence(text, start, start + len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)


def _terms(question: str) -> list[QuestionTerm]:
    stop = stop_words() | {"how", "many", "much", "what", "which", "who"}
    return [QuestionTerm(t.text, t.stem, 1.0, 1, t.text[:1].isupper()) for t in tokenize([question])[0]
            if t.text.lower() not in stop]


def _scores(question: str, s: ScoredSentence, spans: list[Span], kinds: tuple[str, ...]) -> dict[str, float]:
    qtype = question_type(question)
    target = {t.stem for t in tokenize([" ".join(qtype.target)])[0]}
    head = tokenize([qtype.head])[0][0].stem if qtype.head else ""
    return {sp.text: span_score(sp, s, _terms(question), target, kinds, head, target or None) for sp in spans}


@pytest.mark.parametrize("question, target, head", [
    ("How many pages long was MICIVIH's August 1997 report on Haiti's prisons?", ("pages",), "pages"),
    ("How many metres high is the wall?", ("metres",), "metres"),
    ("How many people are internally displaced in Libya?", ("people",), "people"),
])
def test_a_measure_after_the_counted_noun_is_not_counted(question, target, head):
    qtype = question_type(question)
    assert (qtype.target, qtype.head) == (target, head)


# A/52/687, para. 19
_PRISONS = ("Many of these issues were included in a 46-page report on prisons, published by MICIVIH in August, "
            "which assessed the achievements and shortcomings of prison reform.")


@pytest.mark.parametrize("sentence, head, wanted", [
    (_PRISONS, "pages", ["46-page"]),
    (_PRISONS, "reports", []),
    ("The Committee held its twenty-first session and adopted a three-year plan.", "sessions", []),
    ("The Committee held its twenty-first session and adopted a three-year plan.", "years", ["three-year"]),
])
def test_a_compound_counts_only_the_noun_asked(sentence, head, wanted):
    assert [sp.text for sp in compound_counts(sentence, head)] == wanted


def test_a_compound_count_answers_how_many_pages():
    question = "How many pages long was MICIVIH's August 1997 report on Haiti's prisons?"
    s = _scored(_PRISONS)
    assert _scores(question, s, compound_counts(_PRISONS, "pages"), ("count",))["46-page"] > 0


# DP/FPA/2025/2, para. 22
_MPAS = "The updated MPAs have been reviewed, streamlined, and simplified to include ten updated actions instead " \
        "of the previous 13 actions."
_MPA_QUESTION = "How many minimum preparedness actions does UNFPA's updated, simplified set contain?"


def test_an_acronym_holds_the_question_words_it_stands_for():
    stems = acronym_stems(_MPAS, _terms(_MPA_QUESTION))
    assert {"minimum", "prepared", "action"} <= stems
    assert not acronym_stems("The UNFPA office reviewed them.", _terms("How many minimum preparedness actions?"))


def test_an_acronym_gives_the_sentence_its_focus():
    terms = [t for t in _terms(_MPA_QUESTION) if t.text in ("minimum", "preparedness", "actions")]
    assert _focus(_scored(_MPAS), terms) >= MIN_FOCUS


def test_the_figure_a_new_one_replaces_is_no_answer():
    scores = _scores(_MPA_QUESTION, _scored(_MPAS), typed_spans(_MPAS, ("count",)), ("count",))
    assert scores["ten"] > scores["13"]


# E/2025/76, para. 6 (trimmed)
_PLAN = ("According to the South Sudan Humanitarian Needs and Response Plan 2025, launched in December 2024, about "
         "9.3 million people (69 per cent the population) require some form of humanitarian assistance. The Plan "
         "prioritizes 5.4 million people. Among them, 20 per cent are persons with disabilities. As at 24 March "
         "2025, 10.5 per cent of the required $1.7 billion had been funded.")
_FUNDED = "As at 24 March 2025, 10.5 per cent of the required $1.7 billion had been funded."
_PLAN_QUESTION = "How much does South Sudan's 2025 Humanitarian Needs and Response Plan require?"
_PLAN_NAMES = [("South Sudan", ()), ("Humanitarian Needs and Response Plan", ())]


def test_the_asked_participle_points_back_to_the_names_before():
    s = _scored(_FUNDED, _PLAN)
    assert asked_before(s, _PLAN_NAMES, {t.stem for t in _terms(_PLAN_QUESTION)}) == \
        {"South Sudan", "Humanitarian Needs and Response Plan"}
    assert asked_before(s, _PLAN_NAMES, {t.stem for t in _terms("How much does the Plan fund?")}) == set()


def test_the_sum_the_asked_participle_names_beats_another_figure():
    kinds = ("money", "count", "percent")
    scores = _scores(_PLAN_QUESTION, _scored(_FUNDED, _PLAN), typed_spans(_FUNDED, kinds), kinds)
    assert scores["$1.7 billion"] > scores["10.5 per cent"]


# E/2025/L.16, para. 9
_WE = "We commit to connect the remaining 2.6 billion people to the Internet and to improve the quality of connectivity."
_DECLARATION = "Ministerial declaration of the high-level segment of the 2025 session of the Economic and Social Council"


def test_we_in_a_declaration_are_those_its_title_names():
    terms = [t for t in _terms("How many people do ministers commit to connecting?") if t.text in ("people", "ministers")]
    terms = [QuestionTerm(t.text, t.stem, 2.4 if t.text == "people" else 4.4, 1, False) for t in terms]
    assert _focus(_scored(_WE, title=_DECLARATION), terms) >= MIN_FOCUS
    assert _focus(_scored(_WE, title="Report of the Secretary-General"), terms) < MIN_FOCUS


# E/HLPF/2025/6, para. 3; E/2025/42, paras. 88, 34 and 4 (trimmed)
@pytest.mark.parametrize("sentence, name, stem, holds", [
    ("The Ambassador and Permanent Representative of Morocco to the United Nations, Omar Hilale, and the Ambassador "
     "and Permanent Representative of Finland to the United Nations, Elina Kalkku, co-chaired the forum.",
     "Elina Kalkku", "chair", True),
    ("At its 2nd meeting, the Forum designated Maria Sokolenko (Russian Federation) to serve concurrently as "
     "Rapporteur of the twentieth and twenty-first sessions.", "Maria Sokolenko", "rapporteur", True),
    ("the Minister of Forest Economy of the Congo, Rosalie Matondo; and the Director General of the Brazilian Forest "
     "Service, Garo Batmanian.", "Garo Batmanian", "director", False),
    ("presentations were made by the Director-General of the Service, Garo Batmanian.", "Garo Batmanian", "director",
     False),
    ("At the same meeting, the Forum heard an introductory statement by the Director of the Forum secretariat, "
     "Juliette Biao Koudenoukpo.", "Juliette Biao Koudenoukpo", "director", True),
])
def test_office_holders(sentence, name, stem, holds):
    start = sentence.index(name)
    assert holds_office(Span(name, "person", start, start + len(name)), sentence, stem) is holds


# A/52/687, para. 34 (trimmed)
_OMBUDSMAN = ("The establishment of the Office of the Ombudsman (Protecteur du citoyen) moved forward with the recruitment "
              "of a small core of staff. ")
_NAMES = [("Protecteur du citoyen", ()), ("Ombudsman", ()), ("Haiti", ())]


@pytest.mark.parametrize("sentence, named", [
    ("The official opening of the Office took place on 4 November 1997.", {"Protecteur du citoyen", "Ombudsman"}),
    ("The official opening of the Office of Legal Affairs took place on 4 November 1997.", set()),
    ("The official opening took place on 4 November 1997.", set()),
])
def test_a_head_repeated_points_back_to_its_phrase(sentence, named):
    assert headed_before(sentence, _OMBUDSMAN, _NAMES) == named


# E/ICEF/2025/14, para. 8
_SURVEYED = "It is one of only two agencies out of the 28 agencies surveyed with more robust data on FWAs."


@pytest.mark.parametrize("question, best", [
    ("How many agencies were surveyed in the JIU review of flexible working arrangements?", "28"),
])
def test_the_part_out_of_a_whole_is_not_the_whole_asked(question, best):
    scores = _scores(question, _scored(_SURVEYED), typed_spans(_SURVEYED, ("count",)), ("count",))
    assert max(scores, key=scores.get) == best
