"""The refusal side of the twenty-first session (h-r21ansref, issue #19): unanswerable questions whose fact the
paragraph gives for another year, another doer or another kind of figure, each refused now, and its answerable twin
on the same paragraph kept:

- a year asked ("in *2023*"), the sentence's figure for other years ("GDP growth of 6.7 per cent in *2024* and a
  forecasted growth of 8.4 per cent in *2025*"), or a sentence naming no year in a paragraph whose *2023* dates
  another figure ("Senegal faces ... a high population growth rate (2.5 per cent)"); a fiscal year asked (2023/24),
  the figure of 2024/25 — ``search.asked_years`` (traps21 TRU2102, TRU2104);
- a share asked, a change given ("22 per cent *lower than*"); an event's date asked, a document's date given ("a formal
  request ... *dated* 28 December 2024") — ``search.changes`` (traps21 TRU2103, TRU2112);
- a month asked ("from *July to September* 2024"), a breakdown in a paragraph whose first sentence dates it to other
  months ("... 418 incidents recorded from *October to December* 2024 ... Other challenges included movement
  restrictions (18 incidents)") — ``search.asked_months`` (blind21 TU2102);
- a named doer asked ("did *Qatar* accede"), another named doer of the same verb ("The Syrian Arab Republic acceded")
  — ``search.doers``.

Paragraphs are copied from E/2025/76, S/2025/258, S/2025/122 and A/79/797."""

from __future__ import annotations

import pytest

from search.asked_months import another_period
from search.asked_years import another_year, asked_years, years_of
from search.changes import asks_share, document_date, states_change
from search.doers import asked_doer

from paragraph_library import asked, sectioned_library_fixture

_BUDGET = ("On 25 November 2024, the President of South Sudan signed into law the budget for fiscal year 2024/25. The "
           "approved budget of 4.2 trillion South Sudanese pounds (SSP) (approximately $1.651 billion) has a deficit of 46 "
           "per cent, equivalent to SSP 1.9 trillion ($758 million). The budget for 2024/25 is 22 per cent lower than that "
           "of fiscal year 2023/24. The Government plans to raise 50 per cent of total revenue through non-oil sources, "
           "which is substantially higher than the 13 per cent planned in the budget for fiscal year 2023/24. It intends "
           "to fund the deficit through grants and external borrowing.")
_POVERTY = ("Progress on Sustainable Development Goal 1 has stalled. Of the estimated 12.4 million people living in South "
            "Sudan, over 8 million are estimated to be living in extreme poverty and in need of some degree of "
            "humanitarian assistance. The poverty rate is estimated to have increased to 84 per cent in 2023, with "
            "projections indicating a further rise to 92 per cent in 2024.")
_GROWTH = ("The Sahel region continued to experience distinct development trajectories, marked by modest economic growth, "
           "structural vulnerabilities and persistent human development challenges. Country performance varied "
           "significantly. In Chad, GDP grew by 1.5 per cent in 2024 and is expected to grow by a further 1.7 per cent in "
           "2025 and 3.3 per cent in 2026, supported by oil production. Despite electoral tensions, Senegal has shown "
           "resilience, with GDP growth of 6.7 per cent in 2024 and a forecasted growth of 8.4 per cent in 2025 due to "
           "hydrocarbon production. Mauritania recorded a 5.1 per cent GDP growth in 2024, down from 6.5 per cent in "
           "2023.")
_HUMAN = ("Human development indicators across the region remain concerning. In Nigeria, despite an increase in "
          "government revenue from 5.5 per cent of GDP in 2023 to 8.7 per cent in 2024, poverty and unemployment "
          "persisted, with overall unemployment at 33.0 per cent and youth unemployment at 43.5 per cent. In Chad, poverty "
          "increased to 36.5 per cent, with multidimensional poverty affecting 84.2 per cent of the population. Senegal faces "
          "significant demographic pressures due to a high population growth rate (2.5 per cent), a fertility rate of 4.9 "
          "children per woman and a predominantly young population, with over 60 per cent under the age of 25.")
_ACCEDED = ("The Syrian Arab Republic acceded to the Chemical Weapons Convention (the Convention) on 14 September 2013. "
            "The Convention entered into force for this State Party on 14 October 2013.")
_QATAR = ("In a note verbale to the Secretariat (Ref. SQH.3.25.1, dated 7 January 2025), the Permanent Representation of "
          "Qatar to the OPCW informed the Secretariat and all Member States of the OPCW, pursuant to a formal request from "
          "H.E. Asaad Hassan al-Shaibani, caretaker Minister of Foreign Affairs of the Syrian Arab Republic, dated 28 "
          "December 2024, that Qatar, after close consultation and coordination with the Director-General, has agreed to "
          "represent the interests of the Syrian Arab Republic before the OPCW until further notice.")
_FORCES = ("The Haitian Armed Forces, reinstated in 2017 after being disbanded in 1995, have about 865 personnel, including "
           "124 women, but remain poorly equipped. Since 2024, they have played a growing role in supporting police "
           "anti-gang operations and maintaining security in reclaimed areas. A recruitment drive for 1,500 cadets began "
           "in August 2024.")

_ACCESS = ("Humanitarian access remained challenging, with 418 humanitarian access-related incidents recorded from October "
           "to December 2024, a 5 per cent increase from the same period in 2023. The primary challenge was interference "
           "in humanitarian activities by the de facto authorities, accounting for 86 per cent of incidents. Other "
           "challenges included movement restrictions (18 incidents) and violence against humanitarian workers (29 "
           "incidents), including 17 detentions in which 41 humanitarian workers were detained.")
_OTHER = _ACCESS.split(". ")[2]

_SAHEL = "Implementation of integrated, coherent and coordinated support for South Sudan and the Sahel region (Report of the Secretary-General)"
_OPCW = "Report by the Director General of the Organisation for the Prohibition of Chemical Weapons"
_DOCS = {
    "E/2025/76": (_SAHEL, [(8, ("II. South Sudan",), _BUDGET),
                           (11, ("II. South Sudan", "A. Key development issues"), _POVERTY),
                           (37, ("III. Sahel region", "A. Context", "Sustainable development"), _GROWTH),
                           (38, ("III. Sahel region", "A. Context", "Sustainable development"), _HUMAN)]),
    "S/2025/258": ("Letter dated 28 April 2025 from the Secretary-General addressed to the President of the Security "
                   "Council", [("enclosure", 8, (_OPCW, "Obligations undertaken by the Syrian Arab Republic"), _ACCEDED),
                               ("enclosure", 11, (_OPCW, "Obligations undertaken by the Syrian Arab Republic"), _QATAR)]),
}

library = sectioned_library_fixture(_DOCS, "refusal21")

_SENEGAL = _GROWTH.split(". ")[3]
_MAURITANIA = _GROWTH.split(". ")[4]


def _another(question: str, sentence: str, before: str = "", paragraph: str = "", reported=frozenset({"2025", "2024"})):
    return another_year(asked_years(question), sentence, before, paragraph, frozenset(reported))


@pytest.mark.parametrize("rule, got, want", [
    # years asked and said
    ("2023 asked, 2024 and 2025 said", lambda: _another("How much did Senegal's GDP grow in 2023?", _SENEGAL), True),
    ("2024 asked and said", lambda: _another("How much did Senegal's GDP grow in 2024?", _SENEGAL), False),
    ("2023 said as the compared year", lambda: _another("How much did Mauritania's GDP grow in 2023?", _MAURITANIA), False),
    ("no year asked", lambda: _another("How much did Senegal's GDP grow?", _SENEGAL), False),
    ("the source's year is not asked", lambda: _another(
        "How much did Senegal's GDP grow, according to the Secretary-General's 2023 report?", _SENEGAL), False),
    ("a year inside a span said", lambda: _another("How many were reached in 2023?",
                                                   "Between 2022 and 2024, 19.2 million people benefited."), False),
    ("a year after 'since'", lambda: _another("How many people were reached in 2023?",
                                              "Since 2021, UNDP has reached 25 million people."), False),
    ("a year before 'since'", lambda: _another("How many people were reached in 2020?",
                                               "Since 2021, UNDP has reached 25 million people."), True),
    ("a year between two figures' years", lambda: _another(
        "What was the strength of the police in 2010?", "It expanded from 2,500 in 2004 to 14,800 by its closure in 2017."),
     True),
    ("a period asked, one that only overlaps said", lambda: _another(
        "How many concept papers were renewed between 2018 and 2022?",
        "Eleven concept papers have been renewed: on SME development (December 2021), finance (December 2021), "
        "human dimension (October 2022) and agriculture (June 2024)."), True),
    ("a period asked, one inside it said", lambda: _another(
        "How many concept papers were renewed under Kazakhstan's 2020-2024 chairmanship?",
        "Eleven concept papers have been renewed: on SME development (December 2021), finance (December 2021), "
        "human dimension (October 2022) and agriculture (June 2024)."), False),
    ("a fiscal year asked, another said", lambda: _another(
        "How large was the budget for fiscal year 2023/24?", "The approved budget of 4.2 trillion has a deficit.",
        _BUDGET.split(". ")[0] + ". The approved budget of 4.2 trillion has a deficit."), True),
    ("the fiscal year asked said", lambda: _another(
        "How large was the budget for fiscal year 2024/25?", "The approved budget of 4.2 trillion has a deficit.",
        _BUDGET.split(". ")[0] + ". The approved budget of 4.2 trillion has a deficit."), False),
    ("a resolution's year is no time", lambda: years_of("Security Council resolution 2118 (2013) and S/2024/868"),
     years_of("")),
    ("a name's years are no time", lambda: years_of("the 2030 Agenda and the Strategic Plan 2022-2025"), years_of("")),
    ("a date's year is", lambda: years_of("On 25 November 2024, the President signed").spans, ((2024, 2024),)),
    # no year near the fact: the paragraph's opening, else the document's years
    ("another figure's year elsewhere", lambda: _another(
        "What was Senegal's growth rate in 2023?", _HUMAN.split(". ")[3], _HUMAN.split(". ")[2], _HUMAN), True),
    ("another country's years before", lambda: _another(
        "By how much did Chad's GDP grow in 2023?", _HUMAN.split(". ")[2], " ".join(_HUMAN.split(". ")[1:3]), _HUMAN), True),
    ("the document's year", lambda: _another(
        "What was Senegal's growth rate in 2024?", _HUMAN.split(". ")[3], "", _HUMAN), False),
    ("the paragraph's opening year", lambda: _another(
        "How many were trained in 2022?", "Of these, 300 were women.", "", "In 2022, 900 staff were trained. Of these, "
        "300 were women.", {"2025"}), False),
    ("a document of unknown date", lambda: _another(
        "What was Senegal's growth rate in 2023?", _HUMAN.split(". ")[3], "", _HUMAN, set()), False),
    # months: a breakdown dated by its paragraph's first sentence (A/79/797 para. 64; blind21 TU2102)
    ("months of the paragraph's first sentence", lambda: another_period(
        "How many humanitarian access incidents were recorded from July to September 2024?", _OTHER,
        " ".join(_ACCESS.split(". ")[1:3]), _ACCESS), True),
    ("the paragraph's months asked", lambda: another_period(
        "How many humanitarian access incidents were recorded from October to December 2024?", _OTHER,
        " ".join(_ACCESS.split(". ")[1:3]), _ACCESS), False),
    ("no paragraph passed (not a figure)", lambda: another_period(
        "How many humanitarian access incidents were recorded from July to September 2024?", _OTHER,
        " ".join(_ACCESS.split(". ")[1:3])), False),
    # a share asked, a change given
    ("a share asked", lambda: asks_share("What share of South Sudan's budget is allocated to education?"), True),
    ("a change asked", lambda: asks_share("What percentage increase did the budget see?"), False),
    ("lower than", lambda: states_change(_BUDGET.split(". ")[2], 26, 37), True),
    ("a share given", lambda: states_change(_BUDGET.split(". ")[3], 42, 53), False),
    ("an increase of", lambda: states_change("an increase of 12 per cent", 15, 26), True),
    # a document's date
    ("dated", lambda: document_date("When did Qatar accede to the Convention?", _QATAR, _QATAR.index("28 December")),
     True),
    ("a letter asked", lambda: document_date("When was the request from the Minister sent?", _QATAR,
                                             _QATAR.index("28 December")), False),
    ("not after 'dated'", lambda: document_date("When did the Syrian Arab Republic accede?", _ACCEDED,
                                                _ACCEDED.index("14 September")), False),
    # another named doer
    ("another doer", lambda: asked_doer("When did Qatar accede to the Chemical Weapons Convention?").done_by_another(
        _ACCEDED.split(". ")[0]), True),
    ("the asked doer", lambda: asked_doer("When did the Syrian Arab Republic accede to the Convention?").done_by_another(
        _ACCEDED.split(". ")[0]), False),
    ("no named doer asked", lambda: asked_doer("How many people were killed in the attack?"), None),
    ("the deed unsaid", lambda: asked_doer("When did Qatar accede to the Convention?").done_by_another(_FORCES), False),
])
def test_rules_round21(rule, got, want):
    """Each rule on a real sentence or question: what it gives."""
    assert got() == want, rule


@pytest.mark.parametrize("question, want", [
    ("By how much did Senegal's GDP grow in 2023?", None),
    ("By how much did Mauritania's GDP grow in 2023?", ("6.5 per cent", "E/2025/76, para. 37")),
    ("How large was South Sudan's approved budget for fiscal year 2023/24?", None),
    ("What share of South Sudan's budget for fiscal year 2024/25 is allocated to education?", None),
    ("What was the poverty rate in South Sudan in 2021?", None),
    ("What was the poverty rate in South Sudan in 2023?", ("84 per cent", "E/2025/76, para. 11")),
    ("When did Qatar accede to the Chemical Weapons Convention?", None),
    ("When did the Syrian Arab Republic accede to the Chemical Weapons Convention?",
     ("14 September 2013", "S/2025/258, enclosure, para. 8")),
])
def test_refused_or_answered_round21(library, question, want):
    """End to end over the small library: the trap refused, the twin beside it still answered."""
    assert asked(library, question) == want
