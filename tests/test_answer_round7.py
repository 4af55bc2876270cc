"""Rules found with a seventh-session blind set written on documents no earlier set used (S/2025/122,
DP/2025/19, A/80/84, ICCD/COP(8)/CST/8): which figure of a sentence answers, on real sentences
copied as strings. Each question's words are weighted alike; the rules do not depend on weights."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from ingest.models import Entity
from search.answer_types import typed_spans
from search.evidence import QuestionTerm, ScoredSentence, Sentence, stop_words
from search.span_scores import does_asked, span_score
from search.terms import tokenize


def _scored(text: str, entities: tuple[Entity, ...] = ()) -> ScoredSentence:
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=entities,
                          section=(), text=text, score=1.0)
    return ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)


def _terms(question: str) -> list[QuestionTerm]:
    stop = stop_words()
    return [QuestionTerm(t.text, t.stem, 1.0, 1, t.text[:1].isupper()) for t in tokenize([question])[0]
            if t.text.lower() not in stop and t.text.lower() not in {"what", "share", "which", "year"}]


def _best(question: str, text: str, kind: str, entities=(), names=(), head: str = "") -> str:
    s = _scored(text, entities)
    spans = [sp for sp in typed_spans(text, [kind], [(e.text, e.kind, e.start, e.end) for e in entities])
             if sp.kind == kind]
    terms = _terms(question)
    return max(spans, key=lambda sp: span_score(sp, s, terms, set(), (kind,), head, names=names)).text


# S/2025/122, p. 3, para. 1
_HAITI = ("Nationwide, only 28 per cent of in-patient health facilities remain fully operational, 54 per cent have "
          "closed, and 18 per cent operate at reduced capacity.")


def test_the_words_before_a_comma_belong_to_the_figure_before_it():
    assert _best("What share of in-patient health facilities remain fully operational?", _HAITI, "percent") \
        == "only 28 per cent"
    assert _best("What share of in-patient health facilities have closed?", _HAITI, "percent") == "54 per cent"


# DP/2025/19, para. 7
_GOALS = ("This was followed by Sustainable Development Goal 5, gender equality (23 per cent); Sustainable "
          "Development Goal 17, partnerships for the goals (17 per cent) and Sustainable Development Goal 10, "
          "reduced inequalities (14 per cent).")


def test_a_figure_of_another_numbered_item_is_no_answer():
    s = _scored(_GOALS)
    terms = _terms("What share of volunteers contributed to Sustainable Development Goal 16?")
    spans = typed_spans(_GOALS, ["percent"], [])
    assert spans and all(span_score(sp, s, terms, set(), ("percent",)) == -1.0 for sp in spans)
    assert _best("What share of volunteers contributed to Sustainable Development Goal 10?", _GOALS, "percent") \
        == "14 per cent"


# A/80/84, annex, para. 14
_ADOPTED = ("The adoption of the resolution on the human right to a clean, healthy and sustainable environment by "
            "the Human Rights Council in 2021 and the General Assembly in 2022 is an important step.")


def _org(text: str, name: str) -> Entity:
    at = text.index(name)
    return Entity(name, "organization", name, at, at + len(name))


def test_the_year_after_a_body_is_that_bodys():
    ents = (_org(_ADOPTED, "Human Rights Council"), _org(_ADOPTED, "General Assembly"))
    question = "In which year did the General Assembly adopt the resolution on the human right to a clean environment?"
    assert _best(question, _ADOPTED, "date", ents, names=[("General Assembly", ())]) == "2022"
    assert _best(question.replace("General Assembly", "Human Rights Council"), _ADOPTED, "date", ents,
                 names=[("Human Rights Council", ())]) == "2021"


# ICCD/COP(8)/CST/8, para. 1
_OFFER = ("By its decision 20/COP.7, the Conference of Parties welcomed the offer of the World Meteorological "
          "Organization (WMO) to organize an international workshop on climate and land degradation in 2006.")


def test_the_name_after_the_asked_deed_is_its_doer():
    s = _scored(_OFFER)
    qstems = {t.stem for t in _terms("Which organization offered to organize the workshop?")}
    cop = _OFFER.index("Conference of Parties")
    wmo = _OFFER.index("World Meteorological")
    span = SimpleNamespace(start=wmo, end=wmo + 33)
    assert does_asked(span, s, qstems)
    assert not does_asked(SimpleNamespace(start=cop, end=cop + 21), s, qstems)


# S/2025/122, p. 3, para. 1
_DISPLACED = ("Since the assassination of President Moïse, internal displacement has surged, rising from 330,000 one "
              "year ago to over 1 million at present, as Haitians continue to flee gang violence.")


def test_the_figure_risen_from_and_a_span_of_time_are_no_count():
    assert _best("How many people are internally displaced in Haiti?", _DISPLACED, "count", head="peopl") \
        == "over 1 million"


def test_a_generic_counted_noun_keeps_the_questions_participle_as_subject():
    from search.answer import subject_words
    from search.answer_types import question_type

    q = "How many people are now internally displaced in Haiti?"
    assert {"displaced", "internally"} <= subject_words(q, question_type(q))
    q = "How many health facilities were damaged in Haiti?"  # the nouns say which: no participle
    assert subject_words(q, question_type(q)) == {"health", "facilities"}


# DP/2025/26, para. 3: the bracket gives the year compared with
_REVENUE = "Total revenue decreased by 39 per cent to $103 million (2023: $168 million)."


def test_a_bracketed_years_figure_is_that_years():
    assert _best("What was the total revenue in 2024?", _REVENUE, "money") == "$103 million"
    assert _best("What was the total revenue in 2023?", _REVENUE, "money") == "$168 million"


def test_every_heading_above_a_paragraph_says_its_year():
    from search.answer import _context_stems

    hit = SimpleNamespace(text=_REVENUE, section=("II. Financial highlights for 2024", "B. Revenue"))
    assert "2024" in _context_stems(hit)


# A/79/797, para. 25
_TASHKENT = ("On 25 to 26 November 2024, the Special Representative of the Secretary-General for Afghanistan and Head "
             "of UNAMA, Roza Otunbayeva, participated in the fourteenth annual meeting of Deputy Ministers for Foreign "
             "Affairs of Central Asian States. At that meeting, which was held in Tashkent, the participants "
             "highlighted the need for collective action.")


def test_the_place_an_office_is_for_is_no_venue_and_held_in_names_one():
    first, second = _TASHKENT.split(". At")
    second = "At" + second
    s1, s2 = _scored(first + "."), _scored(second)
    terms = _terms("Where was the fourteenth annual meeting of Deputy Ministers held?")
    afghanistan = next(sp for sp in typed_spans(s1.sentence.text, ["place"], []) if sp.text == "Afghanistan")
    tashkent = next(sp for sp in typed_spans(s2.sentence.text, ["place"], []) if sp.text == "Tashkent")
    assert span_score(afghanistan, s1, terms, set(), ("place",)) == -1.0
    assert span_score(tashkent, s2, terms, set(), ("place",)) > 0.15  # governed by the question's "held"


def test_a_sentence_that_refers_back_takes_the_words_of_the_one_before():
    from search.evidence import _REFERS_BACK

    assert _REFERS_BACK.match("At that meeting, which was held in Tashkent, the participants agreed.")
    assert _REFERS_BACK.match("Of those, 27 per cent contributed to Goal 16.")
    assert not _REFERS_BACK.match("At its closing meeting, the Commission adopted the report.")


# E/2025/42, para. 27
_SADC = ("Also at the same meeting, the Senior Programme Officer for Natural Resources and Wildlife at the Southern "
         "African Development Community, Ndapanda Kanime, made a presentation.")


def test_a_name_between_commas_after_an_office_is_a_person_and_the_office_no_name():
    spans = typed_spans(_SADC, ["person", "organization"], [])
    assert ("Ndapanda Kanime", "person") in [(sp.text, sp.kind) for sp in spans]
    assert not any(sp.text.startswith("Senior Programme") and sp.kind == "organization" for sp in spans)


@pytest.mark.parametrize("question, first", [
    ("Who made a presentation for the Southern African Development Community?", "person"),
    ("Who briefed the Council on 5 May?", "person"),
    ("Who proposed the item on observer status?", "organization"),  # a State or a body proposes
])
def test_persons_deeds_ask_for_a_person_first(question, first):
    from search.answer_types import question_type

    assert question_type(question).slots[0][0] == first


def test_how_often_is_no_subject():
    from search.answer import subject_words
    from search.answer_types import question_type

    q = "How many evaluation reports are published each year across the United Nations system?"
    assert "year" not in subject_words(q, question_type(q))


def test_a_figure_dated_in_another_sentence_of_its_document_is_that_years():
    from search.answer_types import Span
    from search.unsaid import dated_elsewhere

    # E/2025/65, paras 27 and 59: the same figure, dated where the report first gives it
    later = _scored("Labour markets are expected to remain robust, with the unemployment rate in the European Union "
                    "projected to remain near the current record low of 5.7 per cent.")
    first = _scored("The unemployment rate in the European Union hit a record low of 5.7 per cent in early 2025.")
    span = Span("5.7 per cent", "percent", later.sentence.text.index("5.7"), later.sentence.text.index("5.7") + 12)
    assert dated_elsewhere(span, later, [later, first], {"2024"})
    assert not dated_elsewhere(span, later, [later, first], {"2025"})
    # the same value far from the other sentence's year is no twin ("about 14 per cent, up from 2.[...] in 2024")
    other = _scored("The tariff rate is estimated at about 14 per cent, up from 2.3 per cent at the start of the year "
                    "that ended in December 2024.")
    share = _scored("The United States accounted for 14 per cent of global imports.")
    span = Span("14 per cent", "percent", share.sentence.text.index("14"), share.sentence.text.index("14") + 11)
    assert not dated_elsewhere(span, share, [share, other], {"2025"})


def test_a_head_noun_without_its_asked_modifier_is_half_held():
    from search.answer import _focus, subject_compounds

    q = "How much did the Fund spend on staff costs in 2024?"
    compounds = subject_compounds(q)
    assert ("staff", "cost") in compounds
    terms = [t for t in _terms(q) if t.text.lower() in {"staff", "costs"}]
    # DP/2025/26, para. 8: "cost" only in "internal cost recovery"
    other = _scored("In 2024, of the $90.1 million (before the elimination of internal cost recovery) in total "
                    "expenses, $80.0 million was spent on programme activities.")
    right = _scored("Staff costs amounted to $12.0 million in 2024.")
    assert _focus(other, terms, compounds) < 0.45 <= _focus(right, terms, compounds)
    assert _focus(other, terms) >= 0.45  # the whole word counted alone, as before


def test_a_treaty_bodys_general_recommendation_is_an_instrument():
    from search.answer_types import question_type

    text = ("In its general recommendation No. 39 (2022) on the rights of Indigenous women and girls, the Committee "
            "on the Elimination of Discrimination against Women called upon States to collect data.")
    assert [sp.text for sp in typed_spans(text, ["instrument"], [])] == ["general recommendation No. 39 (2022)"]
    assert question_type("Which general recommendation concerns Indigenous women?").slots == (("instrument",),)


def test_a_figure_of_another_noun_is_another_thing():
    # DP/2025/26, para. 3
    terms = _terms("What was the total revenue in 2024?")
    total = _scored("Total revenue decreased by 39 per cent to $103 million (2023: $168 million).")
    part = _scored("Contributions of $91 million (2023: $158 million) represent 89 per cent of the total revenue.")
    def score(s, figure):
        span = next(sp for sp in typed_spans(s.sentence.text, ["money"], []) if sp.text == figure)
        return span_score(span, s, terms, set(), ("money",))
    assert score(part, "$91 million") < score(total, "$103 million") - 0.05
    # A/80/192, annex I: "made up of" names no noun
    assert _best("How many members sit on the Commission?", "The Commission is made up of four members, two of "
                 "whom are designated by Brazil and two by Argentina.", "count") == "four"


def test_a_possessive_counts_the_noun_after_it():
    from search.narrowing import counted_words
    from search.terms import tokenize

    # E/2025/76, para. 56
    text = ("UN-Women supported inclusive peace, supporting 103 women’s organizations and training 1,700 women "
            "mediators across Burkina Faso, Chad, Mali, Mauritania and the Niger.")
    toks = tokenize([text])[0]
    at = next(i for i, t in enumerate(toks) if t.text == "103")
    assert [t.text for t in counted_words(toks, at, text)][-1] == "organizations"


def test_a_paragraph_under_another_places_heading_gives_no_figure_for_the_asked_place():
    text = "UN-Women supported 103 women’s organizations and trained 1,700 women mediators."
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 56", kind="paragraph", entities=(),
                          section=("III. Sahel region", "B. United Nations support for the Sahel", "Security"),
                          text=text, score=1.0)
    s = ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)
    terms = _terms("How many women mediators were trained in South Sudan?")
    span = next(sp for sp in typed_spans(text, ["count"], []) if sp.text == "1,700")
    south_sudan = frozenset({"south", "sudan"})
    assert span_score(span, s, terms, set(), ("count",), qplaces=south_sudan) == -1.0
    assert span_score(span, s, terms, set(), ("count",), qplaces=frozenset({"sahel"})) > -1.0


def test_a_date_after_a_since_clause_is_not_the_events():
    from search.answer_types import Span
    from search.events import asked_events, since_clause_only

    events = asked_events("In which year did the Fondation obtain consultative status with the Council?")
    assert events
    text = ("Since obtaining consultative status with the Economic and Social Council, the Fondation has attended "
            "two sessions of the Committee, in March 2024 and August 2024.")
    march = Span("March 2024", "date", text.index("March 2024"), text.index("March 2024") + 10)
    assert since_clause_only(text, march, events)
    text = "Since obtaining consultative status in 1995, the organization has attended every session."
    year = Span("1995", "date", text.index("1995"), text.index("1995") + 4)
    assert not since_clause_only(text, year, events)


@pytest.mark.parametrize("question, slots", [
    ("Which agency supports area-based coordination in Unity state?", (("organization",),)),
    ("Which country hosted the meeting?", (("place",),)),
    ("In which city and month was it held?", (("date",), ("place",))),
])
def test_the_noun_nearest_which_is_the_one_asked(question, slots):
    from search.answer_types import question_type

    assert question_type(question).slots == slots


def test_an_office_title_is_no_name():
    text = "The keynote was delivered by the Senior Forestry Specialist of the World Bank, Garo Batmanian."
    found = [(sp.text, sp.kind) for sp in typed_spans(text, ["person", "organization"], [])]
    assert ("Garo Batmanian", "person") in found
    assert not any(t.endswith("Specialist") for t, _ in found)


def test_a_place_a_sentence_opens_with_holds_for_the_sentences_after_it():
    from search.evidence import named_context

    # A/79/939, p. 1, para. 3 (seven sentences: longer than a "short paragraph")
    para = ("In Kyiv, the attack killed at least 3 people. Russia killed the three emergency workers while they "
            "were responding. It was a deliberate strike. Pavlo Yezhor and Danylo Skadin were on duty. Sixteen more "
            "rescuers were injured, some critically. In Lutsk, the strikes killed at least 2 civilians. In "
            "Chernihiv, the attack claimed the lives of at least two civilians.")
    def scored(sentence: str) -> ScoredSentence:
        start = para.index(sentence)
        hit = SimpleNamespace(symbol="A/79/939", citation="A/79/939, p. 1, para. 3", kind="paragraph", entities=(),
                              section=(), text=para, score=1.0)
        return ScoredSentence(hit, Sentence(sentence, start, start + len(sentence)),
                              tuple(tokenize([sentence])[0]), 0.8, 0.7, 0.8)
    assert "Kyiv" in named_context(scored("Sixteen more rescuers were injured, some critically."))
    assert "Kyiv" not in named_context(scored("In Chernihiv, the attack claimed the lives of at least two civilians."))


@pytest.mark.parametrize("text, period", [
    ("The report covers the period from January to March 2025.", "from January to March 2025"),
    ("Between November 2024 and February 2025 the mission grew.", "Between November 2024 and February 2025"),
])
def test_a_period_of_months_is_one_date(text, period):
    assert [sp.text for sp in typed_spans(text, ["date"], [])] == [period]
