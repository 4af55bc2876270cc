"""Entity classes fixed on the round-13 dev sample (bench/data/entities_sample_round13.jsonl): real
sentences and table rows of S/2025/258, DP/2025/26, E/ICEF/2025/14, DP/2025/19, DP/FPA/2025/6,
A/79/845, E/2025/24 and S/2025/346, tagged by the real spaCy pipeline, plus the pure helpers behind them."""

from __future__ import annotations

import pytest

from ingest.entities.instruments import find_instruments
from ingest.entities.name_context import in_regional_group, is_event, names_currency, names_members

from entity_checks import assert_table_tagged, assert_tagged, primary


def _instruments(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_instruments(text)]


# (text, instrument spans find_instruments must give, in order)
INSTRUMENT_SHAPES = [
    # S/2025/258: an organ's decisions by session, alone in brackets and after "Council decision"
    ("the Conference decided that the Director-General shall regularly report to the Council and States Parties on "
     "whether the Syrian Arab Republic has completed all of the measures contained in paragraph 5 of Council decision "
     "EC-94/DEC.2.", ["Council decision EC-94/DEC.2"]),
    ("adopted a decision entitled “Addressing the Possession and Use of Chemical Weapons by the Syrian Arab "
     "Republic” (C-25/DEC.9, dated 21 April 2021).", ["C-25/DEC.9"]),
    ("(EC-83/DEC., dated 11 November 2016) ... regarding EC-M-33/DEC.1”.", ["EC-83/DEC", "EC-M-33/DEC.1"]),
    # E/ICEF/2025/14: an agency's internal reference opens with an English word, no UN series
    ("The UNICEF Procedure on Consultants and Individual Contractors (PROCEDURE/DHR/2022/007) effective from "
     "1 December 2022 has barred the hiring of consultants", []),
    # UN symbols keep their series, short or long
    ("the Commission adopted its provisional agenda (E/CN.3/2025/1/Rev.1), see also UNEP/EA.6/2 and "
     "CEDAW/C/SR.2100", ["E/CN.3/2025/1/Rev.1", "UNEP/EA.6/2", "CEDAW/C/SR.2100"]),
]


@pytest.mark.parametrize("text,expected", INSTRUMENT_SHAPES)
def test_instrument_shapes(text, expected):
    assert _instruments(text) == expected


# (text, entities the tagger must give, texts it must not tag)
CASES = [
    # DP/2025/19: United Nations Volunteers counted or hosted are people; the programme is a body
    ("Data from the UNV Volunteer Reporting Application indicated that in 2024, United Nations Volunteers contributed "
     "to all 17 Sustainable Development Goals, reflecting a high number of United Nations Volunteers in fragile "
     "development contexts, pointing to the breadth of United Nations Volunteers’ efforts towards the 2030 Agenda.",
     [("organization", "UNV"), ("instrument", "2030 Agenda")], ["United Nations Volunteers"]),
    ("In 2024, the United Nations Volunteers (UNV) programme demonstrated resilience.",
     [("organization", "United Nations Volunteers"), ("organization", "UNV")], []),
    # A/79/845: a town and its region, which the model reads as one body
    ("information about alleged mass killings of civilians committed by servicemen of the Armed Forces of the Russian "
     "Federation in the city of Bucha, Kyiv Region, Ukraine, was disseminated in various mass media in Ukraine",
     [("place", "Bucha"), ("place", "Kyiv Region"), ("place", "Ukraine")], ["Bucha, Kyiv Region"]),
    # E/2025/24: a first-ever conference convened is an event, the commission it set up is a body
    ("(c) Welcomed the convening of the first-ever Conference on Education Data and Statistics, which builds a global "
     "education data governance; (d) Supported the work of the Education Data and Statistics Commission, which takes "
     "forward the Conference’s recommendations between sessions.",
     [("organization", "Education Data and Statistics Commission")], ["Conference on Education Data and Statistics"]),
    # S/2025/346: every item of a list of prefectures is a place, those the model reads as bodies too
    ("Armed groups launched sporadic attacks on national defence and internal security forces in remote areas, notably "
     "in Basse-Kotto, Haute-Kotto, Haut-Mbomou, Mambéré-Kadéï, Nana-Grébizi, Ombella-Mpoko and Ouham-Pendé Prefectures.",
     [("place", "Haut-Mbomou"), ("place", "Nana-Grébizi"), ("place", "Ombella-Mpoko"), ("place", "Ouham-Pendé")], []),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES)
def test_tagged(text, expected, not_tagged):
    assert_tagged(text, expected, not_tagged)


# (table text, places it must give, texts it must not tag): DP/2025/26 and DP/FPA/2025/6 tables
TABLES = [
    ("Table 1. UNCDF financial situation, 2023-2024 (In millions of United States dollars) 2024 2023 Increase/ "
     "(decrease) % change Revenue 103 168 (65) (39)%", [], ["United States"]),
    ("Table 6. Yearly case intake, at headquarters and by region, for 2021-2024 UNFPA headquarters/region 2021 2022 "
     "Headquarters 4 3 5 3 8 5 15 11 Arab States 31 26 33 20 27 16 20 15 Asia and the Pacific 14 12 42 25",
     [("place", "Arab States"), ("place", "Asia and the Pacific")], []),
]


@pytest.mark.parametrize("text,expected,not_tagged", TABLES)
def test_table_rows(text, expected, not_tagged):
    assert_table_tagged(text, expected, not_tagged)


def test_united_states_itself_is_still_a_place():
    found = primary("The delegation of the United States said that funding in United States dollars had fallen.")
    assert ("place", "United States") in found, found


def test_arab_states_counted_are_countries_not_the_region():
    text = "nearly 470,000 individuals across eight Arab States; the Arab States region (2,030)"
    first = text.index("Arab States")
    assert in_regional_group(text, first, first + len("Arab States"))
    second = text.index("Arab States", first + 1)
    assert not in_regional_group(text, second, second + len("Arab States"))
    assert ("organization", "League of Arab States") in primary("elections, organized with the League of Arab States.")


def test_helpers():
    assert names_currency("in United States dollars)", len("in United States"))
    assert not names_currency("in United States and Canada", len("in United States"))
    text = "mobilizing a record 14,631 United Nations Volunteers to support peace"
    start = text.index("United")
    assert names_members(text, start, start + len("United Nations Volunteers"))
    text = "The United Nations Volunteers deployed 14,631 volunteers"
    assert not names_members(text, 4, 4 + len("United Nations Volunteers"))
    text = "the convening of the first-ever Conference on Education Data and Statistics"
    start = text.index("Conference")
    assert is_event(text, start, len(text), "Conference")
