"""A "when" question about an event is answered only by a sentence that dates that event."""

import pytest

from search.events import asked_events, dates_event


@pytest.mark.parametrize("question, events", [
    ("When was the Global Migration Group founded?", ("origin",)),
    ("When did the collaborative on administrative data start?", ("origin",)),
    ("When was the Global Compact for Migration adopted?", ("adoption",)),
    ("In which year did the Convention enter into force?", ("force",)),
    ("When did the mandate of the Mission end?", ("ending",)),
    ("When did Action communautaire femme et enfant obtain consultative status with the Council?", ("status",)),
    ("When did Chile join the Human Rights Council?", ("status",)),
    ("When did the Security Council meet on Yemen?", ()),      # meetings are dated without a verb
    ("How many States established national plans?", ()),       # not a date question
])
def test_asked_events(question, events):
    assert asked_events(question) == events


@pytest.mark.parametrize("context, events, dated", [
    # Real sentences: A/69/207 para. 75 and E/CN.3/2025/8 para. 32.
    ("In 2014, the Global Migration Group sought to further its engagement with civil society, "
     "including with the private sector.", ("origin",), False),
    ("The collaborative on the use of administrative data for statistical purposes was initiated in May 2020 "
     "in response to the urgent need for more timely and disaggregated data.", ("origin",), True),
    ("The Group was established by the Secretary-General in 2006.", ("origin",), True),
    ("In its resolution 73/195 of 19 December 2018, the General Assembly endorsed the Global Compact.",
     ("adoption",), True),
    ("Recalling resolution 70/1 of 25 September 2015, entitled ...", ("adoption",), True),
    ("In 2023, the Committee reviewed 14 reports.", ("adoption",), False),
    # E/C.2/2025/2: a year of the NGO's meetings is no date of its consultative status
    ("– 2017: representatives attended the sixty-first session of the Commission on the Status of Women.",
     ("status",), False),
    ("The organization was granted special consultative status with the Economic and Social Council in 2016.",
     ("status",), True),
    ("Any sentence at all.", (), True),
])
def test_dates_event(context, events, dated):
    assert dates_event(context, events) is dated


def test_ask_refuses_a_date_of_something_else(searcher):
    """End to end on the bundled report: it never says when the Global Migration Group was founded,
    and its only dated sentence about the Group (para. 75, "In 2014, ...") is no answer."""
    answer = searcher.ask("When was the Global Migration Group founded?")
    assert answer.text.startswith("The indexed documents do not answer")
    assert "2014" not in answer.text.split(".")[0]


def test_a_resolution_keeps_the_date_of_its_adoption():
    """The number rules read "resolution 63/225 of 19 December 2008" as an instrument; the index's
    date entity inside it is still a date (A/69/207 para. 10: when the Assembly decided to convene
    the second Dialogue)."""
    from search.answer_types import typed_spans

    sentence = ("As part of the follow-up to the first High-level Dialogue on International Migration and "
                "Development, held in September 2006, the General Assembly, in its resolution 63/225 of "
                "19 December 2008, decided to convene a second High-level Dialogue during its sixty-eighth "
                "session in 2013.")
    start = sentence.index("19 December 2008")
    spans = typed_spans(sentence, ["date"], [("19 December 2008", "DATE", start, start + 16)])
    assert "19 December 2008" in [sp.text for sp in spans]


def test_an_arrest_warrant_dates_no_arrest() -> None:
    # round 27's TU2710 (S/2025/303, annex, para. 54): a warrant was issued; no arrest is reported
    events = asked_events("On what date was Haiti's former Minister of Planning and External Cooperation arrested?")
    assert events == ("arrest",)
    assert not dates_event("On 17 February 2025, a judge issued an arrest warrant, a travel ban and an asset freeze "
                           "across multiple financial institutions against a former Minister of Planning.", events)
    assert dates_event("On 14 March 2025, the judicial police arrested a former member of parliament.", events)
    assert dates_event("He was detained at the airport on 2 April 2025.", events)
    assert asked_events("On what date did the Commanding Officer of the United Nations Detention Unit issue "
                        "guidelines?") == ()  # the Detention Unit is a name, not an arrest asked about
