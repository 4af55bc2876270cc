"""Rules found with the round-6 blind library set (bench/data/library_facts_round6.jsonl), on real
sentences of A/79/946, E/2025/65 and E/C.2/2025/2 copied as strings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer_types import Span, question_type
from search.evidence import ScoredSentence, Sentence, named_context
from search.names import CATEGORY_ACRONYMS, foreign_name_spans
from search.span_scores import about_asked_place
from search.terms import tokenize

# A/79/946, p. 1, para. 3 (a short paragraph: one night's attack on one city)
_KHARKIV = ("The city of Kharkiv had a particularly terrible night: Russia attacked the city with 53 drones, four guided "
            "aerial bombs and one missile, killing at least 3 people and injuring 22 others. Fires broke out in "
            "multistorey buildings and rescuers worked through the night to pull people from the rubble. At least 43 "
            "buildings were damaged, including 23 apartment blocks and 15 houses.")


def _in_paragraph(paragraph: str, sentence: str) -> ScoredSentence:
    start = paragraph.index(sentence)
    hit = SimpleNamespace(symbol="A/79/946", citation="A/79/946, p. 1, para. 3", kind="paragraph", entities=(),
                          section=(), text=paragraph, score=1.0)
    return ScoredSentence(hit, Sentence(sentence, start, start + len(sentence)), tuple(tokenize([sentence])[0]),
                          0.8, 0.7, 0.8)


def test_a_short_paragraphs_opening_sentence_names_its_subject():
    s = _in_paragraph(_KHARKIV, "At least 43 buildings were damaged, including 23 apartment blocks and 15 houses.")
    assert "Kharkiv" in named_context(s) and named_context(s).endswith("15 houses.")
    more = (" Hundreds of windows were shattered, roofs torn and a civilian enterprise was severely damaged."
            " Later that day, Russia carried out a second deadly attack on the city, using aerial bombs."
            " One of the bombs hit the children's railway, killing at least 1 person and injuring more than 40 others.")
    long_paragraph = _KHARKIV + more  # six sentences: only the sentence and the one before
    s = _in_paragraph(long_paragraph, "At least 43 buildings were damaged, including 23 apartment blocks and 15 houses.")
    assert "Kharkiv" not in named_context(s)


@pytest.mark.parametrize("question, slots", [
    ("How many people were injured when a Russian bomb hit the children's railway in Kharkiv?", (("count",),)),
    ("When was the Group founded?", (("date",),)),
    ("According to the report, when did the Council meet?", (("date",),)),
    ("When and where was the meeting held?", (("date",), ("place",))),
    ("Who was the President when the Agreement was signed?", (("person",),)),
])
def test_when_as_a_conjunction_asks_for_no_date(question, slots):
    assert question_type(question).slots == slots


# E/2025/65, para. 6 and the summary: the world's growth figure in a report that names the United States everywhere
_US = "Under the baseline scenario, United States growth is forecast at 1.6 per cent in 2025, down from 2.8 per cent in 2024."
_WORLD = "Global economic growth is now projected to slow to 2.4 per cent in 2025, down from 2.9 per cent in 2024."


def _sentence(text: str, places: tuple[str, ...]) -> tuple[ScoredSentence, list[tuple[int, int]]]:
    hit = SimpleNamespace(symbol="E/2025/65", citation="E/2025/65, para. 6", kind="paragraph", entities=(),
                          section=(), text=text, score=1.0)
    s = ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)
    return s, [(text.index(p), text.index(p) + len(p)) for p in places]


def test_a_figure_about_the_asked_place_is_told_from_the_worlds():
    us = frozenset({"unit", "state"}) | frozenset(t.stem for t in tokenize(["United States"])[0])
    s, places = _sentence(_US, ("United States",))
    i = _US.index("1.6 per cent")
    assert about_asked_place(Span("1.6 per cent", "percent", i, i + 12), s, us, places)
    w, none = _sentence(_WORLD, ())
    j = _WORLD.index("2.4 per cent")
    assert not about_asked_place(Span("2.4 per cent", "percent", j, j + 12), w, us, none)
    assert not about_asked_place(Span("1.6 per cent", "percent", i, i + 12), s, frozenset(), places)


@pytest.mark.parametrize("question, names", [
    ("Where are the headquarters of the NGO Action communautaire femme et enfant?",
     ["NGO Action communautaire femme et enfant"]),
    ("How many people did the campaign by Action pour la protection des droits de l'homme en Mauritanie reach?",
     ["Action pour la protection des droits de l'homme en Mauritanie"]),
    ("How many Member States sit on the working group of the Executive Board?", []),  # English: no such name
])
def test_a_name_in_french_is_one_span(question, names):
    assert [question[a:b] for a, b in foreign_name_spans(question)] == names


def test_acronyms_of_a_kind_of_thing_are_no_names():
    assert {"NGO", "IDPs", "SIDS"} <= CATEGORY_ACRONYMS and "UNFPA" not in CATEGORY_ACRONYMS


# DP/FPA/2025/4 (Part II), para. 19 and E/ICEF/2025/14, para. 10: a count of the asked noun, and one that shares another noun
_WORKING_GROUP = ("A working group comprising 15 Members States has been established to review the recommendations "
                  "and coordinate implementation.")
_JIU = ("The report contains 10 formal and 21 informal recommendations aimed at strengthening the governance and "
        "oversight functions of the Executive Boards.")


def test_the_counted_noun_ends_at_its_verb():
    qtype = question_type("How many Member States sit on the working group set up to review the recommendations?")
    assert qtype.head == "states"


def test_a_count_of_the_asked_noun_is_found_however_low_its_sentence_ranks():
    from search.answer import counts_noun

    s, _ = _sentence(_WORKING_GROUP, ())
    assert counts_noun(s, "state")
    j, _ = _sentence(_JIU, ())
    assert not counts_noun(j, "state")


def test_a_number_shares_the_noun_of_the_number_it_is_coordinated_with():
    from search.span_scores import _counts_other

    j, _ = _sentence(_JIU, ())
    ten = next(i for i, t in enumerate(j.tokens) if t.text == "10")
    assert _counts_other(list(j.tokens), ten, {"member", "state"}, _JIU) == "noun"   # ten recommendations
    assert _counts_other(list(j.tokens), ten, {"recommend"}, _JIU) == ""              # what is asked


def test_a_regions_heading_makes_its_figure_the_regions():
    # E/2025/15, para. 2 sits under "Economic Commission for Africa region": its "7 per cent of targets" is Africa's
    from search.span_scores import heading_place

    assert heading_place(("I. Leveraging regional cooperation", "Economic Commission for Africa region")) == {"africa"}
    assert heading_place(("III. Regional economic outlook", "South Asia")) == {"south", "asia"}
    assert heading_place(("I. Global macroeconomic trends", "Global overview")) == frozenset()
    assert heading_place(()) == frozenset()


def test_a_regions_figure_and_the_worlds_are_not_two_figures_for_one_thing():
    from search.fact_sources import Fact, _places

    africa = SimpleNamespace(symbol="E/2025/15", citation="E/2025/15, para. 2", entities=(), text="x",
                             section=("A. State of the journey to 2030", "Economic Commission for Africa region"))
    s = ScoredSentence(africa, Sentence("progress is on track for 7 per cent of targets", 0, 47), (), 0.8, 0.7, 0.8)
    assert _places(Fact((Span("7 per cent", "percent", 25, 35),), s, 0.8)) == {"africa"}


def test_the_name_an_office_is_given_by_a_passive_verb_holds_it():
    # A/79/19, para. 8
    from search.roles import holds_office

    text = ("At its 280th plenary meeting, the Committee decided to establish a working group of the whole, to be "
            "chaired by Michael Gort (Canada), to consider the substance of the mandate.")
    i = text.index("Michael Gort")
    assert holds_office(Span("Michael Gort", "person", i, i + 12), text, "chair")
    j = text.index("Committee")
    assert not holds_office(Span("Committee", "organization", j, j + 9), text, "chair")


def test_a_name_after_an_age_is_a_person_not_a_place():
    # A/79/884, p. 1, para. 3: "19-year-old Sofia" is no capital of Bulgaria
    from ingest.entities.tagger import tag_texts

    text = ("In Kyiv, the attack killed at least 12 civilians, including a brother and sister – 21-year-old Nikita "
            "and 19-year-old Sofia – and injured more than 90 others.")
    found = {(e.kind, e.text) for e in tag_texts([text])[0]}
    assert ("place", "Kyiv") in found and ("place", "Sofia") not in found and ("organization", "Nikita") not in found
