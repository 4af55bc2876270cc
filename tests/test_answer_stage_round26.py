"""Round 26's dev misses by stage (h-r25fresh): each rule a class of wording, checked on the sentences of the
library's PDFs the round's questions were written on, and on a form the rule must leave alone."""

from search.answer_types import is_country, question_type, typed_spans
from search.proposed import proposed_figure
from search.short_forms import headed_in
from search.terms import tokenize

# A/79/907, enclosure 2, p. 15, para. 7 (a table row: "4 000" is the row's figure, its thousands set apart by a space)
RATIONS = ("4 000 Low: the budget for rations is based on the cost individual day rate from the ration contract, which "
           "represents the daily cost to feed each troop member.")
CURRENT = "Currently, the rate is set at $6.04, but troops are ordering food with a lower rate."
PROPOSED = "As a result, the average rate can be decreased to $5.10, potentially leading to savings on overall ration costs."
# E/2025/31, draft resolution I: preambular text and para. 118
WSIS = ("Recalling the outcomes of the World Summit on the Information Society, held in Geneva and Tunis. "
        "Looks forward to the General Assembly high-level meeting on the overall review of the implementation of the "
        "outcomes of the World Summit, to be held in New York in December 2025.")


def _stems(question: str) -> set[str]:
    return {t.stem for t in tokenize([question])[0]}


def test_country_names_in_the_un_order_are_countries():
    # E/2025/42, annex, para. 6 names "the Republic of Korea": no city, when a city is asked
    assert is_country("the Republic of Korea")
    assert is_country("Democratic Republic of the Congo") and is_country("Iran (Islamic Republic of)")
    assert is_country("Bolivia (Plurinational State of)")
    assert not is_country("Vienna") and not is_country("Republic of Srpska")


def test_a_rate_per_unit_is_no_percentage():
    asked = question_type("What is the current daily ration rate per troop member under the ration contract?")
    assert "money" in asked.slots[0]
    assert question_type("What is the vacancy rate of the mission?").slots == (("percent",),)
    assert question_type("What was the unemployment rate per cent in 2024?").slots == (("percent",),)


def test_a_figure_grouped_by_spaces_is_not_read_as_its_groups():
    assert [sp.text for sp in typed_spans(RATIONS, ["count", "money", "percent"])] == []
    # single counts next to each other stay counts: a year and a count, two counts joined by "and"
    assert [sp.text for sp in typed_spans("In 2024 150 people died and 12 were hurt.", ["count"])] == ["150", "12"]


def test_a_figure_something_could_be_changed_to_is_no_answer_to_what_it_is():
    asked = _stems("What is the current daily ration rate per troop member under the ration contract?")
    assert proposed_figure(PROPOSED, PROPOSED.index("$5.10"), asked)
    assert not proposed_figure(CURRENT, CURRENT.index("$6.04"), asked)
    # asked what it could be lowered to, the proposal answers
    assert not proposed_figure(PROPOSED, PROPOSED.index("$5.10"), _stems("What could the ration rate be decreased to?"))


def test_nations_are_counted_as_countries():
    asked = question_type("Across how many nations did the aid community's worldwide funding call for 2025 aim to help people?")
    assert (asked.slots, asked.head) == ((("count",),), "countries")
    assert question_type("How many United Nations entities took part?").head == "entities"


def test_a_long_forms_head_stands_for_it():
    forms = headed_in(WSIS)
    assert [(f.short, f.long) for f in forms] == [("World Summit", "World Summit on the Information Society")]
    assert forms[0].written_in("the outcomes of the World Summit, to be held in New York")
    assert not forms[0].written_in("the World Summit on Sustainable Development")
    # a head two long forms share stands for neither
    two = ("The Special Representative of the Secretary-General for Libya met the Special Representative of the "
           "Secretary-General for Somalia. The Special Representative spoke.")
    assert headed_in(two) == ()


def test_a_head_stands_only_for_a_name_it_heads():
    from types import SimpleNamespace

    from search.short_forms import named_by_short_form

    # E/2025/31, draft resolution I, para. 118, under its heading
    hit = SimpleNamespace(title="Commission on Science and Technology for Development", section=("The road ahead",),
                          text=WSIS.split(". ", 1)[1])
    forms = headed_in(WSIS)
    assert named_by_short_form(hit, "World Summit on the Information Society", (), forms)
    assert not named_by_short_form(hit, "Information Society", (), forms)  # a name the head does not head


def test_a_head_going_on_into_another_long_form_is_not_the_short_form():
    # A/80/150's agenda: one mission's long form, and another mission named with "in"
    text = ("Financing of the United Nations Mission for the Referendum in Western Sahara. "
            "Financing of the United Nations Mission in East Timor.")
    assert headed_in(text) == ()


def test_a_country_or_the_organization_is_no_head():
    text = "The United States of America and the United Nations Office on Drugs and Crime met the United States."
    assert headed_in(text) == ()


def test_a_head_then_a_month_is_no_long_form():
    text = "The Human Rights Council in September adopted it. The Human Rights Council met."
    assert headed_in(text) == ()
