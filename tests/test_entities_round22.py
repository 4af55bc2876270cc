"""Instruments of the twenty-first session's second pass (docs/entities-log.md, issue #15): resolutions of special
and emergency special sessions ("ES-10/15", "S-26/2"), resolutions and decisions cited by their symbol
("A/RES/79/148", "E/RES/2013/5") named as the resolution they are, and a title whose acronym in brackets glosses its
own words ("National Weapons and Ammunition Management (WAM) Strategy"). Real sentences of E/2025/L.27, A/80/150,
A/79/722, DP/2025/19, E/2025/36, S/2025/194 and DP/FPA/2025/2, tagged by the real spaCy pipeline, with guards."""

from __future__ import annotations

import pytest

from ingest.entities.tagger import tag_texts

I = "instrument"

ES_LIST = ("Recalling the resolutions of the tenth emergency special session of the General Assembly, including "
           "resolutions ES-10/13 of 21 October 2003, ES-10/14 of 8 December 2003, ES-10/15 of 20 July 2004 and ES-10/17 "
           "of 15 December 2006,")  # E/2025/L.27, preambular para. 4
ES_ONE = ("calls in that regard for full compliance with the legal obligations mentioned in the 9 July 2004 advisory "
          "opinion of the International Court of Justice and in General Assembly resolution ES-10/15 and subsequent "
          "relevant resolutions;")  # E/2025/L.27, para. 15
SPECIAL = ("Implementation of the Declaration of Commitment on HIV/AIDS and the political declarations on HIV/AIDS "
           "(resolutions S-26/2, 60/262, 65/277 and 75/284).")  # A/80/150, para. 10
CICA = "UNGA, by its resolution A/RES/62/77 of 6 December 2007, granted the observer status to CICA."  # A/79/722
UNV = ("Following the adoption of General Assembly resolution A/RES/79/148 on ‘Strengthening volunteerism for the "
       "achievement of the Sustainable Development Goals, leaving no one behind,’ UNV is reinforcing its efforts to "
       "promote intergenerational and lifelong volunteering.")  # DP/2025/19, para. 32
WFP = ("In accordance with General Regulation VI.3, and pursuant to its decisions 2000/EB.A/2 and 2004/EB.A/11, to "
       "resolution E/RES/2013/5 of the United Nations Economic and Social Council and to the decision adopted by the "
       "Council of the Food and Agriculture Organization of the United Nations at its 148th Session in 2013, the Board "
       "requested that the annual performance report for 2023 be forwarded.")  # E/2025/36, annex I, p. 20, para. 5
WAM = ("UNTMIS provides technical advice and capacity-building support to assist Somalia with the implementation of the "
       "National Weapons and Ammunition Management (WAM) Strategy and associated action plan, including through "
       "workshops, assessments, consultations.")  # S/2025/194, annex, p. 22, para. 3

# (text, instrument spans that must be tagged, with their canonical names)
NAMED = [
    (ES_LIST, {"resolutions ES-10/13": "resolution ES-10/13", "ES-10/14": "resolution ES-10/14",
               "ES-10/15": "resolution ES-10/15", "ES-10/17": "resolution ES-10/17"}),
    (ES_ONE, {"General Assembly resolution ES-10/15": "resolution ES-10/15"}),
    (SPECIAL, {"resolutions S-26/2": "resolution S-26/2", "60/262": "resolution 60/262", "75/284": "resolution 75/284"}),
    (CICA, {"resolution A/RES/62/77": "resolution 62/77"}),
    (UNV, {"General Assembly resolution A/RES/79/148": "resolution 79/148"}),
    (WFP, {"resolution E/RES/2013/5": "resolution 2013/5", "decisions 2000/EB.A/2": "decision 2000/EB.A/2"}),
    (WAM, {"National Weapons and Ammunition Management (WAM) Strategy":
           "National Weapons and Ammunition Management Strategy"}),
]


@pytest.mark.parametrize("text,want", NAMED, ids=["emergency special list", "emergency special one", "special session",
                                                   "GA symbol", "GA symbol after organ", "ECOSOC symbol", "WAM strategy"])
def test_named_instruments(text, want):
    got = {e.text: e.canonical for e in tag_texts([text])[0] if e.kind == I}
    assert {k: got.get(k) for k in want} == want, got


def test_a_report_symbol_stays_a_symbol():
    """A report's symbol is no resolution: its canonical name is the symbol (A/80/150's list of reports)."""
    text = "Report of the Secretary-General (A/80/62) on the progress made in the implementation of the outcomes."
    got = {e.text: e.canonical for e in tag_texts([text])[0] if e.kind == I}
    assert got.get("A/80/62") == "A/80/62", got


def test_a_bodys_acronym_before_its_framework_is_no_gloss():
    """ "... of the Treadway Commission (COSO) Framework" (DP/FPA/2025/2): the words before the bracket end in a
    body's head, so the bracket starts no title that swallows the body."""
    text = ("Internal controls are based on the Committee of Sponsoring Organizations of the Treadway Commission (COSO) "
            "Framework, an industry standard model for internal control.")
    spans = [e.text for e in tag_texts([text])[0] if e.kind == I]
    assert not any("Treadway Commission (COSO)" in s for s in spans), spans


def test_an_acronym_that_spells_other_words_is_no_gloss():
    """ "(ILO) Strategy" where the acronym does not spell the words before it keeps the title from starting there."""
    from ingest.entities.instruments import _spells

    words = ["National", "Weapons", "and", "Ammunition", "Management", "(", "WAM", ")", "Strategy"]
    assert _spells("WAM", words, 5)
    assert not _spells("ILO", words, 5)
    assert _spells("GBV", ["National", "Gender-Based", "Violence", "(", "GBV", ")"], 3)


def test_a_list_of_abbreviations_is_no_title():
    """S/2025/194's glossary, its lines run together, had become one 878-character plan."""
    text = ("NAP National Action Plan NTP National Transformation Plan OPM Office of the Prime Minister PBF Peace Building "
            "Fund P/CVE Preventing and Countering Violent Extremism RCO Resident Coordinator’s Office")
    spans = [e.text for e in tag_texts([text])[0] if e.kind == I]
    assert not any(len(s) > 60 for s in spans), spans
