"""Rules of the thirteenth session, found on round 13's dev half (see docs/answers-log.md): the refusal gate
let through a fact of the asked type about the asked subject that it refused before, and a figure's own
clause must say the dealing the question asks about (requested / received / allocated / recovered).

- kinds asked by their noun: "which Eastern European *States*" (countries), "what is the *symbol* of",
  "which United Nations *service*", "which Secretariat *department*" (the head noun), "who *gave the
  keynote speech*" (a person), "in which *city* was the first session held" (a place, not a session),
  "what net *income*" (a sum);
- words that name no subject: "take *place*", a frame "as announced at the Forum";
- a list under group labels ("Eastern European States: Armenia, Croatia and Poland");
- values paired with the keys after them ("$377.2 million and $229.5 million in 2022 and 2023, respectively");
- a sum holds the "funding" asked about; a figure of another dealing is none (``search.deals``);
- "the first part" said by the order of "in two parts, from 18 to 28 February and from 30 April to 9 May"
  (``search.parts``), and a day range without its year is a date;
- a sentence pointing back ("These observations are ...") to the best sentence before it is read with it;
- a document titled "Draft report" is about what its first paragraph names;
- "the decolonization of the Territories" names no doer.

Sentences are copied from the documents (A/CONF.230/2025/L.2, S/2025/194, E/ICEF/2025/AB/L.3, A/47/466,
E/HLPF/2025/3/Add.3, A/AC.109/2009/17) as strings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import _another_of_series, _focus, _goes_on, subject_words
from search.answer_types import Span, question_type, typed_spans
from search.deals import asked_deal, other_deal
from search.evidence import QuestionTerm, ScoredSentence, Sentence, stop_words
from search.parts import at_place, parts_asked, said_by_order
from search.span_scores import does_asked, listed_under, respectively
from search.subject import _generic
from search.terms import tokenize


def _scored(text: str, paragraph: str | None = None, score: float = 0.8) -> ScoredSentence:
    paragraph = paragraph or text
    start = paragraph.index(text)
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=(), section=(),
                          text=paragraph, score=1.0, title="")
    return ScoredSentence(hit, Sentence(text, start, start + len(text)), tuple(tokenize([text])[0]), score, 0.7, 0.8)


def _terms(question: str) -> list[QuestionTerm]:
    stop = stop_words() | {"how", "many", "much", "what", "which", "who"}
    return [QuestionTerm(t.text, t.stem, 1.0, 1, t.text[:1].isupper()) for t in tokenize([question])[0]
            if t.text.lower() not in stop]


# -- the kind asked --------------------------------------------------------------------------------
@pytest.mark.parametrize("question, slots, target", [
    ("Which Eastern European States were elected Vice-Presidents of the 2025 Ocean Conference in Nice?",
     (("place",),), ("states",)),
    ("What is the symbol of the UNFPA country programme document for Ethiopia?", (("instrument",),), ("symbol",)),
    ("Which United Nations service does the draft resolution welcome for its work on removing unexploded ordnance?",
     (("organization",),), ("service",)),
    ("Which Secretariat department disseminates information and press releases on the seminar?",
     (("organization",),), ("department",)),
    ("Who gave the keynote speech that opened the high-level policy segment?", (("person", "organization", "place"),), ()),
    ("In which city was the first session of the Conference of the Parties to be held?", (("place",),), ("city",)),
    ("What net income did Afreximbank report for its 2023 financial year?", (("money", "count"),), ()),
    # unchanged: a session asked by "which", a singular "State" in a name, "what States are urged"
    ("At which session is the study to be adopted?", (("session",),), ("session",)),
    ("What States are urged not to impose on developing countries?", (), ()),
])
def test_the_kind_asked_by_its_noun(question, slots, target):
    qtype = question_type(question)
    assert (qtype.slots, qtype.target) == (slots, target)


@pytest.mark.parametrize("question, deal", [
    ("What share of the funding requested under Somalia's 2024 Humanitarian Needs and Response Plan was actually "
     "received?", "receive"),
    ("How much money did UNICEF recover in 2024 from the financial losses established by its investigations?", "recover"),
    ("How much did UNICEF budget in 2023 for its Ukraine regional refugee response?", ""),
    ("When was the plan approved?", ""),  # a date: no figure's dealing
])
def test_the_dealing_asked(question, deal):
    assert question_type(question).deal == deal


_SOMALIA = ("Of the $1.6 billion requested in the 2024 Humanitarian Needs and Response Plan, 48 per cent was received, "
            "which enabled humanitarian agencies to deliver life-saving assistance to 3.5 million people.")
_FUND = ("The Somalia Humanitarian Fund managed by the Office for the Coordination of Humanitarian Affairs allocated "
         "$26 million (78 per cent of the 2024 allocation) to national non-governmental organizations to meet urgent needs.")
_LOSSES = ("The Office established financial losses to UNICEF from 47 cases of misconduct or wrongdoing amounting to "
           "$460,471.41.")


@pytest.mark.parametrize("sentence, figure, deal, other", [
    (_SOMALIA, "48 per cent", "receive", False),
    (_FUND, "78 per cent", "receive", True),
    (_FUND, "$26 million", "allocate", False),
    (_LOSSES, "$460,471.41", "recover", True),
    (_LOSSES, "$460,471.41", "", False),  # no dealing asked: any figure
    # E/2025/76, para. 6: "funded" is a receipt; "the required" sum names the whole, not this figure's dealing
    ("As at 24 March 2025, 10.5 per cent of the required $1.7 billion had been funded.", "10.5 per cent", "receive", False),
    ("UNICEF budgeted $377.2 million in 2022.", "$377.2 million", "receive", False),  # no dealing named: not ruled out
])
def test_a_figure_of_another_dealing(sentence, figure, deal, other):
    start = sentence.index(figure)
    assert other_deal(start, start + len(figure), sentence, deal) is other
    assert asked_deal("what was " + {"receive": "received", "recover": "recovered", "allocate": "allocated", "": "said"}[deal]) \
        == deal


# -- spans -----------------------------------------------------------------------------------------
_PARTS = ("It held its fifth session in two parts, from 18 to 28 February and from 30 April to 9 May, both at "
          "United Nations Headquarters, New York.")


@pytest.mark.parametrize("sentence, dates", [
    (_PARTS, ["from 18 to 28 February", "from 30 April to 9 May"]),
    ("The Caribbean regional seminar will be held in Frigate Bay, Saint Kitts and Nevis, from 12 to 14 May 2009.",
     ["12 to 14 May 2009"]),  # the year stays in the period
])
def test_a_day_range_without_its_year_is_a_date(sentence, dates):
    assert [sp.text for sp in typed_spans(sentence, ["date"])] == dates


@pytest.mark.parametrize("question, wanted", [
    ("When did the Intergovernmental Negotiating Committee hold the first part of its fifth session in 1992?",
     "from 18 to 28 February"),
    ("When did the Committee hold the second part of its fifth session?", "from 30 April to 9 May"),
    ("When did the Committee hold its third part?", None),  # two parts: no third
])
def test_the_part_asked_is_said_by_the_order_of_the_list(question, wanted):
    parts = parts_asked(question)
    spans = typed_spans(_PARTS, ["date"])
    picked = [sp.text for sp in spans if at_place(sp, spans, _PARTS, parts)]
    assert picked == ([wanted] if wanted else [])
    ordinal = question.split(" part")[0].split()[-1].lower()
    assert (tokenize([ordinal])[0][0].stem in said_by_order(parts, _PARTS)) is bool(wanted)


_VICE = ("The following Vice-Presidents were elected by acclamation: African States: Kenya, Mauritius and Morocco "
         "Asia-Pacific States: Federated States of Micronesia, Philippines and Singapore Eastern European States: "
         "Armenia, Croatia and Poland Latin American and Caribbean States: Brazil and Dominican Republic")


@pytest.mark.parametrize("country, bonus", [("Armenia", 0.3), ("Poland", 0.3), ("Kenya", -0.3), ("Brazil", -0.3)])
def test_an_item_under_the_group_label_asked(country, bonus):
    start = _VICE.index(country)
    span = Span(country, "place", start, start + len(country))
    assert listed_under(span, _VICE, [("Eastern European States", ())]) == bonus
    assert listed_under(span, _VICE, [("Ocean Conference", ())]) == 0.0  # no label asked


def test_a_label_is_no_item_and_a_figure_no_name():
    text = ("Afreximbank produces flagship publications, namely: (a) Annual Report: a comprehensive analysis of the Bank; "
            "(b) African Trade Report: an analysis of intra-African trade.")
    start = text.index("African Trade Report")
    names = [("Annual Report", ()), ("Afreximbank", ())]
    assert listed_under(Span("African Trade Report", "organization", start, start + 20), text, names) == 0.0
    start = _VICE.index("Armenia")
    assert listed_under(Span("Armenia", "count", start, start + 7), _VICE, [("Eastern European States", ())]) == 0.0


_UKRAINE = ("Overall, UNICEF budgeted $377.2 million and $229.5 million in 2022 and 2023, respectively, for the Ukraine "
            "regional refugee response in the 19 refugee-receiving countries.")


@pytest.mark.parametrize("year, best", [("2023", "$229.5 million"), ("2022", "$377.2 million")])
def test_respectively_pairs_values_with_the_keys_after_them(year, best):
    s = _scored(_UKRAINE)
    spans = typed_spans(_UKRAINE, ["money"])
    terms = _terms(f"How much did UNICEF budget in {year} for its Ukraine regional refugee response?")
    scores = {sp.text: respectively(sp, spans, s, terms) for sp in spans}
    assert max(scores, key=scores.get) == best and scores[best] > 0


# -- what the question is about --------------------------------------------------------------------
@pytest.mark.parametrize("question, absent", [
    ("When will the High-level International Conference on Glaciers' Preservation that Tajikistan is hosting take "
     "place, as announced at the 2025 ECE Regional Forum on Sustainable Development?", {"place", "announced"}),
    ("How many participants took part in the workshop?", {"part"}),
])
def test_words_that_name_no_subject(question, absent):
    assert not subject_words(question, question_type(question)) & absent


def test_a_sum_holds_the_funding_asked_about():
    terms = [t for t in _terms("What share of the funding requested was received?") if t.text == "funding"]
    assert _focus(_scored(_SOMALIA), terms) == 1.0
    assert _focus(_scored("48 per cent was received, which enabled agencies to deliver assistance."), terms) == 0.0


_OLA = ("A number of observations have been made by States that participated in the negotiations concerning the "
        "possibility of rectifying certain language versions of the Convention. These observations are being "
        "considered by the Office of Legal Affairs, in accordance with depositary practice.")


def test_a_sentence_pointing_back_goes_on_from_the_one_before():
    first, second = _OLA.split(". ", 1)
    top = _scored(first + ".", _OLA, 0.7)
    follow = _scored(second, _OLA, 0.44)
    assert _goes_on(follow, [top])
    assert not _goes_on(top, [follow])
    assert not _goes_on(_scored("The Office of Legal Affairs considers them.", _OLA + " The Office of Legal Affairs "
                                                                                     "considers them."), [top])


@pytest.mark.parametrize("title, generic", [("Draft report", True), ("Report of the Secretary-General on Somalia", False),
                                            ("Note", True), ("", False)])
def test_a_title_that_names_nothing(title, generic):
    assert _generic(title) is generic


def test_a_deed_noun_before_of_names_no_doer():
    text = "2. Challenges and opportunities in the process of decolonization of the Non-Self-Governing Territories."
    start = text.index("Non-Self")
    span = Span("Non-Self-Governing Territories", "organization", start, start + 30)
    assert not does_asked(span, _scored(text), {t.stem for t in _terms("which department on decolonization")})
    offer = "The Conference welcomed the offer of the World Meteorological Organization to host the meeting."
    start = offer.index("World")
    assert does_asked(Span("World Meteorological Organization", "organization", start, start + 33), _scored(offer),
                      {t.stem for t in _terms("Which organization offered to host the meeting?")})


# A/80/48, paras. 34 and 18
@pytest.mark.parametrize("sentence, other", [
    ("At their fortieth and 115th sessions, held from 7 to 17 April and 22 April to 9 May 2025 respectively, the "
     "Committee adopted a joint statement.", True),
    ("The Committee will hold its forty-first session at the United Nations Office at Geneva from 1 to 12 December 2025.",
     False),
])
def test_a_whole_tens_ordinal_is_another_of_the_series(sentence, other):
    assert _another_of_series(_scored(sentence), {"first"}, frozenset({"forty-first"})) is other


# -- a small library: its cases are in tests/test_answer_round15.py's table, with round 15's -------
_DOCS = [
    ("A/CONF.230/2025/L.2", 1, "Draft report",
     "The 2025 United Nations Conference to Support the Implementation of Sustainable Development Goal 14: Conserve "
     "and sustainably use the oceans, seas and marine resources for sustainable development was held in Nice, France, "
     "from 9 to 13 June 2025, pursuant to General Assembly resolution 78/128. During that period, the Conference held "
     "10 plenary meetings and 10 Ocean Action panels."),
    ("A/CONF.230/2025/L.2", 2, "Draft report", "The list of participants is contained in document A/CONF.230/2025/INF/2."),
    ("A/CONF.230/2025/L.2", 8, "Draft report", _VICE + " Western European and other States: Germany and Monaco"),
    ("S/2025/194", 49, "Report of the Secretary-General on Somalia", " ".join([_SOMALIA, _FUND])),
    ("E/ICEF/2025/AB/L.3", 42, "UNICEF Office of Internal Audit and Investigations 2024 annual report",
     "The Office conducted an internal audit of the Ukraine regional refugee response. " + _UKRAINE),
    ("E/ICEF/2025/AB/L.3", 66, "UNICEF Office of Internal Audit and Investigations 2024 annual report", _LOSSES),
    ("A/47/466", 4, "United Nations Framework Convention on Climate Change (Report of the Secretary-General)",
     "The Intergovernmental Negotiating Committee proceeded with its work in 1992, as envisaged in General Assembly "
     "resolution 46/169. " + _PARTS),
    ("A/47/466", 14, "United Nations Framework Convention on Climate Change (Report of the Secretary-General)", _OLA),
    ("A/47/466", 16, "United Nations Framework Convention on Climate Change (Report of the Secretary-General)",
     "The United Nations Framework Convention on Climate Change is a major achievement by the international community. "
     "It is a first step in fashioning a response to the common concern with the adverse effects of climate change."),
]
