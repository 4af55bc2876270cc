"""Rules of the sixteenth session, found on round 16's dev half and round 15's T1518 (see docs/answers-log.md), each
checked on other sentences of the library too:

- a capitalized small word goes on with a name ("the World Coalition *Against* the Death Penalty");
- "on what date" asks a day: "17 March 2021", not the "March 2021" beside it;
- a one-word name that describes the name after it and is a word of its long form is no name of its own ("the
  *Indigenous* rights Expert Mechanism");
- a whole tens ordinal ("the Assembly's *eightieth*-session agenda") names one of a series, as a compound one does;
- "head" (of State) is what the reports call a President;
- an acronym the paragraph writes further on ("*FTP* activations") holds the words it stands for, half;
- "how many members does X have" is not told by "two *senior* members ... were designated" (some of them).

Sentences are copied from the documents (E/C.2/2025/2/Add.5, A/80/48, S/2025/303, A/CONF.230/2025/L.2,
A/HRC/EMRIP/2025/1, DP/FPA/2025/2, A/80/150) as strings. The questions over a small library built from them are in
tests/test_answer_round15.py's table, with the earlier rounds'."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import _another_of_series, _focus
from search.answer_types import Span, counts_a_kind, precise_dates, question_type, typed_spans
from search.equivalents import equivalents
from search.evidence import QuestionTerm, ScoredSentence, Sentence, stop_words
from search.name_heads import whole_names
from search.names import without_descriptions
from search.ordinals import series_ordinals
from search.terms import tokenize

_REJADD = ("Through a statement in 2020, REJADD-Togo and the World Coalition Against the Death Penalty called upon "
           "countries that still apply the death penalty to impose a moratorium on death sentences and executions given "
           "the impossibility of ensuring fair trials and fair legal representation during the coronavirus disease "
           "(COVID-19) pandemic.")
_ENAR = ("It was co-organized by the Committee on the Elimination of Racial Discrimination, the OHCHR Regional Office for "
         "Europe, the European Network Against Racism, the Vrije Universiteit Amsterdam and the Vrije Universiteit Brussel.")
_DOMINICAN = ("The operation, led by the Attorney General’s Office and the Specialized Prosecutor’s Office Against Illicit "
              "Arms Trafficking, uncovered a scheme in which mulas (couriers) transported weapons in concealed compartments.")
_DOWN = ("– World Down Syndrome Day in March 2021: the Fondation organized a conference on 17 March 2021 to raise awareness "
         "of the rights of persons with Down syndrome.")
_PRESIDENTS = ("The President of Costa Rica, Rodrigo Chaves Robles, and the President of France, Emmanuel Macron, were "
               "elected by acclamation as the Presidents of the Conference.")
_HRD = ("HRD produced the 2021-2022 usage report in January 2024, which included a section on lessons learned and "
        "recommendations derived from the usage reports. A summary of the report, as well as access to the full version of "
        "it, was provided to the Humanitarian Steering Committee (HSC) as part of the written updates section for the 31 "
        "January 2024 meeting. Similarly, the usage report covering FTP activations/extensions in 2023 was prepared and "
        "shared with the HSC as part of the written updates section for the 15 May 2024 meeting.")
_TOI = ("Two senior members of the organization were designated as focal points for the National Centre for Climate "
        "Change Research and for the European Union delegation in the Democratic Republic of the Congo to monitor projects.")


def _stem(word: str) -> str:
    return tokenize([word])[0][0].stem


def _span(sentence: str, text: str, kind: str = "organization") -> Span:
    start = sentence.index(text)
    return Span(text, kind, start, start + len(text))


def _scored(text: str, paragraph: str) -> ScoredSentence:
    start = paragraph.index(text)
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=(), section=(),
                          text=paragraph, score=1.0, title="")
    return ScoredSentence(hit, Sentence(text, start, start + len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)


def _terms(question: str) -> list[QuestionTerm]:
    stop = stop_words() | {"how", "many", "much", "what", "which", "who", "when"}
    return [QuestionTerm(t.text, t.stem, 1.0, 1, t.text[:1].isupper()) for t in tokenize([question])[0]
            if t.text.lower() not in stop]


# -- a capitalized small word goes on with a name ---------------------------------------------------------------
@pytest.mark.parametrize("sentence, found, noun, whole", [
    (_REJADD, "World Coalition", "coalition", "World Coalition Against the Death Penalty"),
    (_ENAR, "European Network", "network", "European Network Against Racism"),
    (_DOMINICAN, "Specialized Prosecutor’s Office", "office", "Specialized Prosecutor’s Office Against Illicit Arms Trafficking"),
    (_ENAR, "OHCHR Regional Office", "office", "OHCHR Regional Office"),  # ("for Europe": a small word in lower case ends it)
    ("The Fund for the recovery of Gaza was launched.", "Fund", "fund", "Fund"),
])
def test_a_capitalized_small_word_goes_on_with_the_name(sentence, found, noun, whole):
    assert [sp.text for sp in whole_names([_span(sentence, found)], sentence, {_stem(noun)})] == [whole]


# -- a day asked ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, day", [
    ("On what date did the Fondation Jérôme Lejeune hold its World Down Syndrome Day conference in 2021?", True),
    ("Which day was set aside for the general debate?", True),
    ("When did UNFPA's Humanitarian Response Division produce its 2021-2022 usage report?", False),
    ("In what year was the organization founded?", False),
])
def test_a_day_asked(question, day):
    assert question_type(question).day is day


@pytest.mark.parametrize("sentence, dates", [
    (_DOWN, ["17 March 2021"]),  # ("March 2021" is the same month, dated to the day beside it)
    ("The Board met in 2021 and again on 4 May 2021.", ["4 May 2021"]),
    ("In March 2021, the Board agreed to meet on 4 May 2021.", ["March 2021", "4 May 2021"]),  # another month
    ("The plan ran from March 2021 to 4 May 2022.", ["March 2021", "4 May 2022"]),  # another year
])
def test_precise_dates(sentence, dates):
    assert [sp.text for sp in precise_dates(typed_spans(sentence, ["date"]))] == dates


# -- a word of a name's long form is no name of its own -------------------------------------------------------------
_EMRIP = ("Expert Mechanism", ("Expert Mechanism on the Rights of Indigenous Peoples",))
_HRC = ("Human Rights Council", ("United Nations Human Rights Council",))


@pytest.mark.parametrize("question, names, kept", [
    ("In which Human Rights Council resolution did the Council welcome the Indigenous rights Expert Mechanism's practice "
     "of setting aside time for updates on its past thematic studies?", [_HRC, ("Indigenous", ()), _EMRIP],
     ["Human Rights Council", "Expert Mechanism"]),
    ("Which Indigenous organization addressed the Expert Mechanism?", [("Indigenous", ()), _EMRIP],
     ["Indigenous", "Expert Mechanism"]),  # (not right before the name: a word of its own)
    ("What is the chatbot that UNFPA and the Moroccan national women's union launched?",
     [("UNFPA", ("United Nations Population Fund",)), ("Moroccan", ())], ["UNFPA", "Moroccan"]),
])
def test_a_word_of_a_names_long_form(question, names, kept):
    assert [n for n, _ in without_descriptions(names, question)] == kept


# -- whole tens ordinals ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, ordinals", [
    ("Which resolution is cited for the item on ICT in the Assembly's eightieth-session agenda?", {"eightieth"}),
    ("at its 80th session", {"eightieth"}),
    ("its fifty-first and seventieth sessions", {"fifty-first", "seventieth"}),
    ("its twentieth session", set()),  # (one of the one-word ordinals the paragraph's words are checked for)
])
def test_series_ordinals(text, ordinals):
    assert series_ordinals(text) == ordinals


def test_a_paragraph_must_say_the_whole_tens_ordinal_asked():
    agenda = "Information and communications technologies for sustainable development (resolution 79/194)."
    scored = _scored(agenda, agenda)
    assert _another_of_series(scored, set(), frozenset({"eightieth"}))
    titled = ScoredSentence(SimpleNamespace(**{**vars(scored.hit), "title": "Provisional agenda of the eightieth regular "
                                                                             "session of the General Assembly"}),
                            scored.sentence, scored.tokens, 0.8, 0.7, 0.8)
    assert not _another_of_series(titled, set(), frozenset({"eightieth"}))


# -- words for the same thing, acronyms further on ---------------------------------------------------------------------
def test_a_head_of_state_is_a_president():
    assert _stem("President") in equivalents(_stem("head"))
    terms = _terms("Who was the Costa Rican head of State elected as one of the two Presidents?")
    assert _focus(_scored(_PRESIDENTS, _PRESIDENTS), [t for t in terms if t.text == "head"]) == 1.0


def test_an_acronym_further_on_holds_its_words_half():
    first = _HRD.split(", which")[0]
    terms = [t for t in _terms("When did the Division produce its usage report on the fast-track procedures?")
             if t.text in ("usage", "fast", "track", "procedures")]
    assert _focus(_scored(first, _HRD), terms) == pytest.approx(0.625)  # "usage" whole, the three FTP words half
    assert _focus(_scored(first, first), terms) == pytest.approx(0.25)


# -- how many members it has ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, whole", [
    ("How many members does the Congolese youth organization Tour opération et initiatives have?", True),
    ("How many members does the Ocean Conference's Credentials Committee have under its rules of procedure?", True),
    ("How many members of the organization were designated as focal points?", False),
])
def test_how_many_a_whole_has(question, whole):
    assert question_type(question).whole is whole


@pytest.mark.parametrize("sentence, count, kind", [
    (_TOI, "Two", True),
    ("The Credentials Committee shall consist of nine members.", "nine", False),
    ("It has 45 members in 12 countries.", "45", False),
    ("The union has 60 regional associations.", "60", False),  # (not the noun counted)
])
def test_a_count_of_a_kind_of_members(sentence, count, kind):
    asked = {t.stem for t in tokenize(["How many members does the organization have?"])[0]}
    assert counts_a_kind(_span(sentence, count, "count"), sentence, _stem("members"), asked) is kind


# -- the small library the end-to-end questions are asked of (tests/test_answer_round15.py's table) ------------------
_NGOS = ("Quadrennial reports for the period 2020–2023 submitted by non-governmental organizations in consultative status "
         "with the Economic and Social Council through the Secretary-General pursuant to Council resolution 1996/31")
_FPA = ("United Nations Population Fund: Report on the recommendations of the United Nations Board of Auditors for 2023 "
        "Status of implementation (Report of the Executive Director)")
_EMRIP_AGENDA = "Annotated provisional agenda (Provisional agenda)"
_DOCS = [
    ("E/C.2/2025/2/Add.5", 3, _NGOS, "The Fondation Jérôme Lejeune, which was recognized as a public service organization "
     "in France in 1996, serves people with intellectual disabilities of genetic origin, such as Down syndrome, "
     "Williams-Beuren syndrome and Fragile X syndrome."),
    ("E/C.2/2025/2/Add.5", 4, _NGOS, _DOWN + " The conference was co-organized with six permanent missions."),
    ("E/C.2/2025/2/Add.5", 8, _NGOS, "– Side event at the Commission on the Status of Women in March 2024: the Fondation "
     "participated in a side event at United Nations Headquarters in New York on the occasion of World Down Syndrome Day, "
     "organized in collaboration with Member States and Down Syndrome International."),
    ("E/C.2/2025/2/Add.5", 16, _NGOS, _REJADD),
    ("E/C.2/2025/2/Add.5", 23, _NGOS, "Tour opération et initiatives (TOI) is a non-governmental organization based in the "
     "Democratic Republic of the Congo. It is a multisector Congolese youth organization with a voluntary and apolitical "
     "mission that was created in 2012 to support the initiatives and talents of young people."),
    ("E/C.2/2025/2/Add.5", 24, _NGOS, _TOI + " There have been deaths among our members. Two partnerships were signed "
     "with two foundations."),
    ("A/CONF.230/2025/L.2", 1, "Draft report", "The 2025 United Nations Conference to Support the Implementation of "
     "Sustainable Development Goal 14: Conserve and sustainably use the oceans, seas and marine resources for sustainable "
     "development was held in Nice, France, from 9 to 13 June 2025, pursuant to General Assembly resolution 78/128."),
    ("A/CONF.230/2025/L.2", 7, "Draft report", _PRESIDENTS),
    ("A/CONF.230/2025/L.2", 9, "Draft report", "The following ex officio Vice-Presidents were elected by acclamation: "
     "Costa Rica and France"),
    ("A/CONF.230/2025/L.2", 14, "Draft report", "Rule 4 of the provisional rules of procedure of the Conference provides "
     "that a Credentials Committee of nine members shall be appointed at the beginning of the Conference."),
    ("A/HRC/EMRIP/2025/1", 4, _EMRIP_AGENDA, "In its resolution 33/25, the Human Rights Council encouraged the Expert "
     "Mechanism on the Rights of Indigenous Peoples to enhance its engagement with national human rights institutions."),
    ("A/HRC/EMRIP/2025/1", 5, _EMRIP_AGENDA, "In paragraph 2 (a) of its resolution 33/25, the Human Rights Council decided "
     "that the Expert Mechanism should prepare an annual study on the status of the rights of Indigenous Peoples worldwide."),
    ("A/HRC/EMRIP/2025/1", 6, _EMRIP_AGENDA, "In paragraph 5 of its resolution 18/8, the Human Rights Council welcomed the "
     "practice adopted by the Expert Mechanism of devoting specific time to the discussion of updates relevant to past "
     "mandated thematic studies of the Expert Mechanism, recommended that the Expert Mechanism adopt that practice on a "
     "permanent basis, and encouraged States to continue to participate in and contribute to those discussions."),
    ("DP/FPA/2025/2", 14, _FPA, "The Humanitarian Response Division (HRD) will leverage the opportunity of the rollout "
     "and implementation of the Emergency Policy and Procedures (EPPs) to amend the Division’s terms of references (TORs)."),
    ("DP/FPA/2025/2", 16, _FPA, "In October 2024, the Policy Committee adopted the Emergency Policy and Procedures, which is "
     "a UNFPA corporate-wide priority. This new Policy will integrate the human resources, supply chain, and finance "
     "components of the fast-track procedures."),
    ("DP/FPA/2025/2", 17, _FPA, _HRD),
]
