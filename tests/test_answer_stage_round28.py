"""The promoted held-out halves' misses by stage (h-r28ans, issue #19): each rule a class of wording, checked on the
library's sentences the questions were written on, and on a form the rule must leave alone."""

from search.answer_types import question_type, typed_spans
from search.doers import asked_doer

WHO = ("organization", "person", "place")
# E/C.2/2025/2, p. 5, para. 1: the model reads the honorific as an organization
PREPARED = ("We are honoured to transmit our quadrennial report for the period 2020–2024, which was prepared by Mr. "
            "Louis Bahakoula Mabidi, Executive Director of Action Jeunesse pour le développement (AJED-Congo).")
# S/2025/194, para. 8: the model reads the first given name as an organization, the rest as a person
DECLARED = ("On 19 November, the electoral commission of “Somaliland” declared Abdirahman Mohamed Abdullahi “Irro” of the "
            "Waddani party as the winner of the “Somaliland” presidential election, defeating the incumbent, Muse Bihi Abdi.")
# E/HLPF/2025/3/Add.3, para. 15: the name closes the sentence, after the office and its unit
PRESENTED = ("The key findings of the 2025 ECE Sustainable Development Goals progress report were presented by the Chief "
             "of Social and Demographic Statistics Section, ECE Statistical Division, Andres Vikat.")
# A/80/38, part three, decision 90/VI: the models miss the first name
APPOINTED = ("The Committee decided to appoint Genoveva Tisheva as Rapporteur on reprisals and Yamila González Ferrer as "
             "alternate Rapporteur on reprisals, both for a period of two years from 1 January 2025 to 31 December 2026.")
# A/CONF.230/2025/L.2, para. 4: names after offices, each closed by a semicolon
OPENING = ("At the opening of the Conference, during its 1st plenary meeting, on 9 June, statements were made by the "
           "Presidents of the Conference, Rodrigo Chaves Robles and Emmanuel Macron; the Secretary-General of the United "
           "Nations; the President of the General Assembly, Philemon Yang; the Secretary-General of the Conference, Li "
           "Junhua; the President of the Regional Council of Provence-Alpes-Côte d’Azur and Deputy President of Régions "
           "de France, Renaud Muselier; and the Mayor of Nice, Christian Estrosi.")
# E/2025/31, draft resolution II, para. 1 (viii): resolutions' numbers, none a count
RESOLUTIONS = ("To continue giving due consideration to the impact of key rapid technological changes on the achievement "
               "of the Sustainable Development Goals within their respective mandates and existent resources, in "
               "accordance with General Assembly resolutions 72/242, 73/17, 75/316 and 77/320;")


def _texts(sentence: str, kinds=WHO) -> list[str]:
    return [sp.text for sp in typed_spans(sentence, kinds)]


def test_an_honorific_is_no_name_of_its_own():
    found = _texts(PREPARED)
    assert "Mr" not in found and "Louis Bahakoula Mabidi" in found


def test_a_first_name_inside_a_persons_whole_name_is_no_organization():
    found = _texts(DECLARED)
    assert "Abdirahman Mohamed Abdullahi" in found and "Abdirahman" not in found
    assert "Muse Bihi Abdi" in found


def test_a_name_closing_the_sentence_after_its_office_and_unit():
    found = _texts(PRESENTED)
    assert found == ["Andres Vikat"]  # the unit and the division are where the person works, not who presented
    # asked for a body, not a person, the unit is still there
    assert "ECE Statistical Division" in _texts(PRESENTED, ("organization",))


def test_a_name_after_its_office_closed_by_a_semicolon():
    found = _texts(OPENING)
    assert "Li Junhua" in found and "Philemon Yang" in found and "Renaud Muselier" in found
    assert "General Assembly" not in found  # the office's body, when its holder is named after it


def test_a_person_appointed_as_an_office():
    found = _texts(APPOINTED)
    assert found[:2] == ["Genoveva Tisheva", "Yamila González Ferrer"]
    assert _texts("The Committee decided to appoint a working group as its focal point.") == []


def test_the_later_numbers_of_a_list_of_resolutions_are_no_counts():
    assert _texts(RESOLUTIONS, ("count",)) == []
    assert _texts("Some 40 countries reported on goals 1, 3 and 5 in 2024.", ("count",)) == ["Some 40"]


def test_a_hyphenated_doer_is_one_name():
    doer = asked_doer("In how many countries and territories did UN-Women support gender equality work in 2024?")
    assert doer is not None
    # UNW/2025/2, para. 13: the asked doer's own deed
    assert not doer.done_by_another("In 2024, UN-Women supported 109 countries/territories to advance gender equality "
                                    "and women’s empowerment.")
    assert doer.done_by_another("In 2024, UNICEF supported 109 countries/territories to advance gender equality.")


def test_a_journal_and_a_city_before_a_relative_where_are_typed():
    asked = question_type("In which city was the 2024 annual meeting of the Population Association of America, where "
                          "the UN Population Division presented its fertility work?")
    assert asked.slots == (("place",),) and asked.target == ("city",)
    assert question_type("Apart from Tripoli, where were UNSMIL civilian staff based?").slots == (("place",),)
    assert question_type("Of which journal is Fadi Salem the Editor-in-Chief?").slots[0][0] == "publication"


def test_a_count_qualified_otherwise_beside_one_qualified_as_asked():
    from search.answer_types import contrasted_counts

    # S/2025/194, para. 73
    sentence = "As at 19 March, 720 international staff and 1,787 national staff were deployed throughout Somalia."
    spans = typed_spans(sentence, ("count",))
    assert [sp.text for sp in contrasted_counts(spans, sentence, "staff", {"intern", "staff"})] == ["720"]
    # no count qualified as asked ("how many UN staff"): both are left to the score
    assert len(contrasted_counts(spans, sentence, "staff", {"un", "staff"})) == 2


def test_the_asked_verb_dates_the_span_across_its_object():
    from search.span_scores import _dated_by_asked
    from search.answer_types import Span
    from search.terms import tokenize

    # E/C.2/2025/2, p. 9, para. 2
    sentence = ("Launched in 2010 and recognized by the Government of Benin under reference number "
                "2013-366/DEP-ATL-LIT/SG/SAG-ASSOC on 16 December 2013, Afrique Espérance obtained special consultative "
                "status on 24 June 2020.")
    asked = {t.stem for t in tokenize(["When did Afrique Espérance obtain special consultative status?"])[0]}
    later, earlier = (Span(d, "date", sentence.index(d), sentence.index(d) + len(d)) for d in ("24 June 2020", "16 December 2013"))
    assert _dated_by_asked(sentence, later, asked)
    assert not _dated_by_asked(sentence, earlier, asked)  # "recognized" is not the question's verb


def test_budgeted_and_recovered_ask_a_sum():
    # a bare count ("three" actions, "123" cases) is then no answer (``_SUM_LIKE``)
    assert question_type("How much has UNOPS budgeted for its process innovation and digitalization programme?"
                         ).slots == (("money", "count"),)
    assert question_type("How much did UNICEF recover from fraud cases in 2024?").slots == (("money", "count"),)
    assert question_type("How much land was recovered in 2024?").target == ("land",)


def test_a_names_word_ending_in_ed_is_no_verb_dating_the_span():
    from search.span_scores import _dated_by_asked
    from search.answer_types import Span

    # E/2025/57, para. 43: "United" is no verb, though the question's "UN" brings the stem of "United"
    sentence = ("At the request of the United Nations Sustainable Development Group, the Office launched an evaluation of "
                "progress made towards a new generation of United Nations country teams in mid-2024.")
    span = Span("mid-2024", "date", sentence.index("mid-2024"), len(sentence) - 1)
    assert not _dated_by_asked(sentence, span, {"unit", "nation", "publish", "final", "report"})


def test_the_figure_revised_from_is_the_old_one_though_the_question_names_the_year():
    from search.span_scores import _years_say_which
    from search.answer_types import Span

    # E/2025/57, para. 80
    revised = ("The Office has further revised its budget for 2025 from $3.04 million to $3.01 million; the total "
               "comprises $1.22 million for post resources and $1.79 million for non-post resources.")
    old = Span("$3.04 million", "money", revised.index("$3.04"), revised.index("$3.04") + 13)
    assert not _years_say_which(revised, old, {"revis", "budget", "2025"})
    # a year of its own before the "to": the years tell the two figures apart
    risen = "Displacement rose from 330,000 in 2006 to over 1 million in 2024."
    first = Span("330,000", "count", risen.index("330,000"), risen.index("330,000") + 7)
    assert _years_say_which(risen, first, {"displac", "2006"})
