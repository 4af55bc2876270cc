"""Entity classes fixed on the round-15 dev sample (bench/data/entities_sample_round15.jsonl): real
sentences and table rows of A/AC.172/2025/2 (the calendar of conferences), E/C.2/2025/2/Add.9,
E/2025/57, A/47/466, E/2025/31 and DP/FPA/2025/6, tagged by the real spaCy pipeline; and ``--body``
values naming a convention by its acronym (issue #15, task 2)."""

from __future__ import annotations

import pytest

from ingest.entities.gazetteer import convention_organs
from search.doc_filters import DocFilter, select
from search.document_views import _organ_acronyms

from entity_checks import assert_table_tagged, assert_tagged

# A/AC.172/2025/2, annex, p. 10: "21 Marchi (ACEFRS)" once made the languages' initials a body's acronym
CALENDAR_BEFORE = (
    "56. Human Rights Council General Assembly resolution Fifty-eighth session 24 February– 60/251 New York 21 E I T – "
    "Three sessions per year 21 Marchi (ACEFRS) 17 February New York 193 G I T PV One session per year (ACEFRS)")
CALENDAR = (
    "22 and 23 July New York 3 E I T – One session per year (ACEFRS) 23–25 July New York 5 E I T – Four sessions per "
    "year (ACEFRS) T – Two sessions per year (ACEFRS) T PV One session in three Geneva 65 G I 12 September (ACEFRS) "
    "parts per year 29 and 30 July New York 54 G I T SR (ACEFRS) 31 July New York 54 G I T SR (ACEFRS) T – Two "
    "sessions per year (EF) T SR Two sessions per year 4–8 August Geneva 18 E I (ACEFRS) T – One session per year "
    "(ACEFRS) T – Two sessions per year (ACEFRS)")
# A/47/466, paras. 1 and 2
INC_1 = (
    "By its resolution 45/212 of 21 December 1990, the General Assembly established a single negotiating process to "
    "prepare an effective framework convention on climate change, containing appropriate commitments, and any related "
    "legal instruments as might be agreed upon. It entrusted that task to an Intergovernmental Negotiating Committee, "
    "setting it the objective of completing the framework convention prior to the United Nations Conference on "
    "Environment and Development, so that the convention might be opened for signature during that Conference.")
INC_2 = (
    "By its resolution 46/169 of 19 December 1991, the General Assembly urged the Intergovernmental Negotiating "
    "Committee to expedite and successfully complete the negotiations in time for the United Nations Conference on "
    "Environment and Development, reiterated its request to the Chairman of the Committee regarding a report to the "
    "Conference and made dispositions for the work of the Committee and its secretariat during 1992. The Assembly "
    "requested the Secretary-General, in the light of the outcome of the negotiations and of the Conference, to report "
    "to it on the implementation of the resolution and on possible future requirements in relation to climate change.")

# (text, entities the tagger must give, texts it must not tag, earlier text of the document)
CASES = [
    # the calendar's language initials are no body; towns after a meeting's dates are places
    (CALENDAR, [("place", "New York"), ("place", "Geneva")], ["ACEFRS", "EF", "Marchi"], CALENDAR_BEFORE),
    # gazetteer: UNCITRAL; UNOWAS keeps its region in its name
    ("General Assembly resolutions Fifty-first session, 93. UNCITRAL, Working 2205 (XXI) and 76/229 second part "
     "Group III (Investor-State Dispute Settlement Reform)", [("organization", "UNCITRAL")], [], ""),
    ("Exchanges with the United Nations Development Programme and the United Nations Office for West Africa and the "
     "Sahel as part of the dialogue on violent extremism in the coastal countries.",
     [("organization", "United Nations Office for West Africa and the Sahel")], ["Sahel"], ""),
    # a bare "the resolution" takes its own paragraph's one resolution, though the paragraph before cites another;
    # a United Nations conference held is an event, not a body (UNCTAD, in the gazetteer, stays one)
    (INC_2, [("instrument", "resolution 46/169"), ("instrument", "resolution")],
     ["United Nations Conference on Environment and Development"], INC_1),
    ("Expressing its appreciation to the Secretary-General of the United Nations Conference on Trade and Development "
     "for her role in helping to ensure completion of the aforementioned report in a timely manner,",
     [("organization", "United Nations Conference on Trade and Development")], [], ""),
    # a body's charter by its acronym, in lower case (DP/FPA/2025/6, para. 109)
    ("The Office will undertake a review of the existing OAIS charter, with a view to updating it for changes brought "
     "about by the new Global Internal Audit Standards.", [("instrument", "OAIS charter")], [], ""),
    # guards: a strategy's role or unit stays none; a dated strategy keeps its years
    ("The Principal Strategy Adviser briefed the Strategy Unit on the UNDP Gender Equality Strategy, 2022-2025.",
     [("instrument", "UNDP Gender Equality Strategy, 2022-2025")], ["Strategy Adviser", "Principal Strategy Adviser"],
     ""),
]


@pytest.mark.parametrize("text,expected,not_tagged,before", CASES)
def test_tagged(text, expected, not_tagged, before):
    assert_tagged(text, expected, not_tagged, *([before] if before else []))


# E/2025/57, table 4: a strategy's title ends at "Strategy" where the next cell ("Ongoing") starts
TABLES = [
    ("Table 4. Status of implementation of evaluation activities for 2025 No. Title/description Status Planned "
     "completion 1 System-wide evaluation of progress towards a new generation of United Nations country teams Ongoing "
     "2025 2 System-wide evaluation of the United Nations Disability Inclusion Strategy Ongoing 2025 3 System-wide "
     "evaluation: United Nations work on youth Planned 2026",
     [("instrument", "United Nations Disability Inclusion Strategy"), ("organization", "United Nations")],
     ["United Nations Disability Inclusion Strategy Ongoing 2025"]),
]


@pytest.mark.parametrize("text,expected,not_tagged", TABLES)
def test_table_rows(text, expected, not_tagged):
    assert_table_tagged(text, expected, not_tagged)


DOCS = [
    {"symbol": "ICCD/COP(8)/CST/8", "date": "2007-07-10",
     "bodies": ["Convention to Combat Desertification", "Conference of the Parties", "Committee on Science and Technology"]},
    {"symbol": "A/80/38", "date": "2025", "bodies": ["General Assembly",
                                                      "Committee on the Elimination of Discrimination against Women"]},
    {"symbol": "E/CN.9/2025/6", "date": "2025-01-22",
     "bodies": ["Economic and Social Council", "Commission on Population and Development"]},
    {"symbol": "A/AC.109/2025/L.1", "date": "2024-12-04", "bodies": ["General Assembly"]},
]


@pytest.mark.parametrize("value,symbols", [
    ("UNCCD", {"ICCD/COP(8)/CST/8"}), ("unccd", {"ICCD/COP(8)/CST/8"}),
    ("United Nations Convention to Combat Desertification", {"ICCD/COP(8)/CST/8"}),
    ("CEDAW", {"A/80/38"}), ("CPD", {"E/CN.9/2025/6"}),
    ("UNFCCC", set()),  # known, but no document of these is issued under it
])
def test_body_by_a_conventions_acronym(value, symbols):
    assert select(DOCS, DocFilter(body=(value,)), _organ_acronyms()).symbols == symbols


def test_convention_organs_table():
    organs = convention_organs()
    assert organs["UNCCD"] == organs["ICCD"] == "Convention to Combat Desertification"
    assert organs["UNFCCC"] == "United Nations Framework Convention on Climate Change"
    # the table feeds --body only: the entity ruler does not make a convention's acronym a body
    from ingest.entities.gazetteer import lookup

    assert lookup().get("UNCCD") is None
