"""The refusal side of the twentieth session (h-r20ansref, issue #19): unanswerable questions of the classes no rule
named — a figure of another period, a whole for a part, a ranking of a narrower group, "the first to" unsaid — each
refused now, and its answerable twin on the same paragraph kept:

- a month asked ("in *October* 2024"), the sentence's figure for other months ("In *November and December* 2024, a
  total of 92,790 children ...") — ``search.asked_months`` (traps20 TRU2005);
- one of a pair asked ("killed"), the pair counted ("a total of 61,353 killed and injured", "two peacekeepers" among
  those "killed and injured"; "265.7 million women and girls") — ``search.wholes`` (traps20 TRU2009, blind16 TU1607);
- "the largest number of UN Volunteers" asked, only a narrower group ranked ("the largest number of UN Volunteers
  *with disabilities* worked in ...") — ``superlatives.ranks_a_part`` (traps20 TRU2007);
- "which operation was *the first to* implement it", a sentence that only says how many did —
  ``superlatives.asks_first`` (traps20 TRU2010), also for quoted sentences, not only facts;
- and "*one* of the greatest threats" is no count (it answered "how many civilians were killed and injured": TR2010).

Paragraphs are copied from A/79/797, A/80/75, DP/2025/19 and S/2025/346."""

from __future__ import annotations

import pytest

from search.asked_months import another_period, periods
from search.superlatives import asks_first, ranks_a_part, says_first
from search.wholes import counts_more

from paragraph_library import asked, sectioned_library_fixture
from test_answer_refusal_round19 import _count_ruled_out

_SAM = ("From January to November 2024, the number of conflict-induced trauma cases, both treated and referred to "
        "secondary care, increased by 0.2 per cent, reaching 44,384 cases, compared with 44,290 during the same period "
        "in 2023. In November and December 2024, a total of 92,790 children under five years of age suffering from "
        "severe acute malnutrition were admitted and treated in 148 inpatient and 3,068 outpatient medical facilities. "
        "In addition, 183,274 children under five years of age with moderate acute malnutrition were reached through a "
        "targeted supplementary feeding programme. In December, 414 mobile health and nutrition teams reached "
        "populations in remote, underserved areas, providing more than 471,600 primary healthcare consultations.")
_OUTREACH = ("From 31 October 2024 to 15 January 2025, UNAMA field offices facilitated 192 outreach activities involving a "
             "range of actors, including Afghan civil society, young persons, tribal elders, journalists, entrepreneurs "
             "and women activists.")
_NEEDS = ("Humanitarian needs in Afghanistan remain considerable in 2025, with 22.9 million people requiring assistance "
          "owing to high levels of food insecurity and malnutrition, recurring natural hazards and climatic shocks.")
_EWIPA = ("In 2024, the use of explosive weapons in populated areas remained one of the greatest threats to civilians. "
          "Globally, civilian casualties from explosive weapons increased by an estimated 67 per cent compared with "
          "2023, with a total of 61,353 killed and injured.")
_CASH = ("The roll-out of the Inter-Agency Standing Committee cash coordination model was completed in 2024, with 40 "
         "humanitarian operations implementing its core principles, aimed at enhancing the cost-effectiveness and "
         "impact for affected people and accountability for cash-based assistance. The model introduced greater "
         "predictability and transparency in the use of cash and voucher assistance and multipurpose cash, "
         "strengthening planning, funding and reporting across the humanitarian programme cycle.")
_UNV_30 = ("The largest numbers of United Nations Volunteers in 2024 came from sub-Saharan Africa (4,428), Latin America "
           "and the Caribbean (3,347), Asia and the Pacific (2,074), the Arab States region (2,030), Western European "
           "and Other States (1,646), and Europe and Central Asia (1,106).")
_UNV_34 = ("In 2024, UNV deployed 273 UN Volunteers with disabilities across 26 United Nations entities, a 41 per cent "
           "increase from 2023. The largest number of UN Volunteers with disabilities worked in UNDP, UNICEF, UNFPA, "
           "UN-Women, and UNRCOs, while the largest number of persons with disabilities serving across United Nations "
           "entities was in the Democratic Republic of the Congo, Colombia, Mali, Rwanda and Saudi Arabia.")
_CAR = ("During the reporting period, several national defence forces were killed and injured in hostile acts by armed "
        "elements throughout the country, along with two peacekeepers in Bamingui-Bangoran and Haut-Mbomou Prefectures.")
_WOMEN = ("Entire communities – including 265.7 million women and girls – stand to gain from inclusive efforts to "
          "prevent conflict.")

_DOCS = {
    "A/79/797": ("The situation in Afghanistan and its implications for international peace and security (Report of the "
                 "Secretary-General)", [(15, ("II. Relevant developments", "A. Political developments"), _OUTREACH),
                                         (56, ("V. Humanitarian assistance",), _NEEDS),
                                         (62, ("V. Humanitarian assistance",), _SAM)]),
    "A/80/75": ("Strengthening of the coordination of emergency humanitarian assistance of the United Nations (Report of "
                "the Secretary-General)",
                [(46, ("III. Humanitarian response in 2024: key challenges", "A. Armed conflicts",
                       "Impact of urban warfare on civilians"), _EWIPA),
                 (75, ("IV. Humanitarian response: developments in operations and coordination",
                       "A. Improving humanitarian coordination and response"), _CASH)]),
    "DP/2025/19": ("United Nations Volunteers programme (Annual Report of the Administrator)",
                   [(30, ("I. Highlights of results achieved in 2024",), _UNV_30),
                    (34, ("I. Highlights of results achieved in 2024",), _UNV_34)]),
}


library = sectioned_library_fixture(_DOCS, "refusal20")


def _pair(question: str, sentence: str, number: str) -> bool:
    end = sentence.index(number) + len(number)
    return counts_more(question, sentence, number, end)


_SAM_2 = _SAM.split(". ")[1]


@pytest.mark.parametrize("rule, got, want", [
    # another period: months asked and said
    ("October, November and December said", lambda: another_period("How many were admitted in October 2024?", _SAM_2), True),
    ("November asked", lambda: another_period("How many were admitted in November 2024?", _SAM_2), False),
    ("no month asked", lambda: another_period("How many were admitted in 2024?", _SAM_2), False),
    ("no month said", lambda: another_period("How many were admitted in October 2024?", "A total of 92,790 were admitted."),
     False),
    ("no month said, the one before does", lambda: another_period(
        "How many were admitted in October 2024?", "A total of 92,790 were admitted.",
        "In December 2024 the clinics reopened. A total of 92,790 were admitted."), True),
    ("inside a span said", lambda: another_period("How many cases were there in October 2024?", _SAM.split(". ")[0]),
     False),
    ("spans that do not meet", lambda: another_period(
        "Between April 2023 and March 2024, how many military officers did MINUSCA train?",
        "Between April 2024 and March 2025, training was conducted for 468 military officers."), True),
    ("the same span", lambda: another_period(
        "Between April 2024 and March 2025, how many military officers did MINUSCA train?",
        "Between April 2024 and March 2025, training was conducted for 468 military officers."), False),
    ("a span's first end takes the last's year", lambda: periods("from December to February 2025")[0].first, (2024, 11)),
    # a pair counted, one asked
    ("killed asked, killed and injured counted", lambda: _pair("How many civilians were killed by explosive weapons?",
                                                               _EWIPA, "61,353"), True),
    ("both asked", lambda: _pair("How many civilians were killed and injured by explosive weapons?", _EWIPA, "61,353"),
     False),
    ("the one left out is not asked", lambda: _pair("How many civilians were killed, not counting the injured?", _EWIPA,
                                                    "61,353"), True),
    ("harms said before the number", lambda: _pair("How many peacekeepers were killed?", _CAR, "two peacekeepers"), True),
    ("women of women and girls", lambda: _pair("How many women stand to gain?", _WOMEN, "265.7 million women"), True),
    ("women and girls asked", lambda: _pair("How many women and girls stand to gain?", _WOMEN, "265.7 million women"),
     False),
    ("no pair", lambda: _pair("How many children were admitted?", _SAM_2, "92,790"), False),
    ("and joins what was done to the same people", lambda: _pair(
        "How many officers were trained?", "MINUSCA supported 150 officers recruited and trained by the Government.",
        "150"), False),
    # a ranking of a narrower group; the first to
    ("a narrower group ranked", lambda: ranks_a_part("Where did the largest number of UN Volunteers come from?",
                                                     _UNV_34), True),
    ("the asked group ranked", lambda: ranks_a_part("Where did the largest number of UN Volunteers come from?", _UNV_30),
     False),
    ("the narrower group asked", lambda: ranks_a_part(
        "Where did the largest number of UN Volunteers with disabilities work?", _UNV_34), False),
    ("the first to", lambda: asks_first("Which humanitarian operation was the first to implement the model?"), True),
    ("the first country to", lambda: asks_first("Which was the first country to ratify the Convention?"), True),
    ("the first session", lambda: asks_first("When was the first session of the Forum held?"), False),
    ("the first to date", lambda: asks_first("What was the first to date?"), False),
    ("first said", lambda: says_first("For the first time, a woman was sworn in as a mayor."), True),
    ("first unsaid", lambda: says_first(_CASH), False),
    # one of the most
    ("one of the greatest", lambda: _count_ruled_out(_EWIPA, "one"), True),
    ("one of them", lambda: _count_ruled_out("Two sites were visited, one of them twice.", "one"), False),
])
def test_rules_round20(rule, got, want):
    """Each rule on a real sentence or question: what it gives."""
    assert got() == want, rule


@pytest.mark.parametrize("question, want", [
    ("How many children under five suffering from severe acute malnutrition were admitted and treated in Afghanistan "
     "in October 2024?", None),
    ("How many children under five suffering from severe acute malnutrition were admitted and treated in Afghanistan "
     "in November and December 2024?", ("a total of 92,790 children", "A/79/797, para. 62")),
    ("How many civilians were killed by explosive weapons globally in 2024?", None),
    ("How many civilians were killed and injured by explosive weapons globally in 2024?",
     ("a total of 61,353", "A/80/75, para. 46")),
    ("Which humanitarian operation was the first to implement the Inter-Agency Standing Committee cash coordination "
     "model?", None),
    ("How many humanitarian operations were implementing the core principles of the Inter-Agency Standing Committee "
     "cash coordination model when its roll-out was completed in 2024?", ("40 humanitarian operations",
                                                                          "A/80/75, para. 75")),
    ("From which region did the largest number of United Nations Volunteers come in 2023?", None),
    ("From which region did the largest number of United Nations Volunteers come in 2024?",
     ("sub-Saharan Africa", "DP/2025/19, para. 30")),
])
def test_refused_or_answered_round20(library, question, want):
    """End to end over the small library: the trap refused, the twin beside it still answered."""
    assert asked(library, question) == want
