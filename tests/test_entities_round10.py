"""Entity classes fixed on the round-10 dev sample (bench/data/entities_sample_round10.jsonl): real
sentences of A/79/722, E/2025/L.27, A/80/143, E/HLPF/2025/3/Add.3, A/79/797 and E/C.2/2025/2, tagged
by the real spaCy pipeline, plus the pure helpers behind them."""

from __future__ import annotations

import pytest

from ingest.entities.acronym_definitions import find_definitions
from ingest.entities.instruments import find_instruments
from ingest.entities.name_context import town_conference
from ingest.entities.title_edges import body_named_after, cut_meeting_town, glued_heading

from entity_checks import assert_tagged, primary


def _instruments(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_instruments(text)]


# (text, instrument spans find_instruments must give, in order)
INSTRUMENT_SHAPES = [
    # A/79/722: a title runs on through "among the ... Member States"
    ("CICA’s two founding documents are the Declaration on the Principles Guiding Relations among the CICA Member "
     "States adopted at the First CICA Meeting of Ministers of Foreign Affairs in Almaty on 14 September 1999",
     ["Declaration on the Principles Guiding Relations among the CICA Member States"]),
    # A/79/722: "of 2010" dates the treaty and ends the title; "Protocol of 2014 to ..." is its name
    ("Kazakhstan continued advancing entry into force of the CICA Convention on Privileges and Immunities of 2010, "
     "which establishes CICA’s legal capacity", ["CICA Convention on Privileges and Immunities"]),
    ("through amending the CICA Host Country Agreement of 2007. These amendments", ["CICA Host Country Agreement"]),
    ("the General Conference of ILO adopted the Protocol of 2014 to the Forced Labour Convention, 1930 and",
     ["Protocol of 2014 to the Forced Labour Convention, 1930"]),
    # A/79/797 and E/C.2/2025/2: the town where the Parties met is no part of the treaty's name
    ("participated in the twenty-ninth session of the Conference of the Parties to the United Nations Framework "
     "Convention on Climate Change in Baku as a guest of the host State.",
     ["United Nations Framework Convention on Climate Change"]),
    ("3. Twenty-seventh session of the Conference of the Parties to the United Nations Framework Convention on "
     "Climate Change in Sharm el-Sheikh, Egypt. Side event and thematic meetings.",
     ["United Nations Framework Convention on Climate Change"]),
    # a region, or a phrase going on after a town, stays in the title
    ("the Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean was",
     ["Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean"]),
    # A/79/797 and E/2025/L.27: plans named by title, the list of their aims included
    ("As at late January, the Afghanistan Humanitarian Needs and Response Plan for 2025, targeting 16.8 million "
     "people", ["Afghanistan Humanitarian Needs and Response Plan for 2025"]),
    ("with the aim of mobilizing support to the Arab-Islamic Early Recovery, Reconstruction and Development Plan "
     "for Gaza,", ["Arab-Islamic Early Recovery, Reconstruction and Development Plan for Gaza"]),
    # E/2025/L.27 and A/80/143: a peace plan and a trade area's treaty
    ("the Madrid Conference, the principle of land for peace, the Arab Peace Initiative and the Quartet road map",
     ["Arab Peace Initiative"]),
    ("(d) Enhancing integration: implementing the African Continental Free Trade Area and strengthening economic "
     "cooperation across Africa;", ["African Continental Free Trade Area"]),
    # A/80/143: a heading glued to the paragraph is no title's first word
    ("Charter Afreximbank operates under twin constitutive instruments, namely, an establishment agreement. "
     "The Afreximbank Charter was adopted in 1993", ["Afreximbank Charter"]),
]


@pytest.mark.parametrize("text,expected", INSTRUMENT_SHAPES)
def test_instrument_shapes(text, expected):
    assert _instruments(text) == expected


# (text, entities the tagger must give, texts it must not tag)
CASES = [
    # E/2025/L.27: the occupied Syrian Golan is a place
    ("affirming that these human rights instruments are applicable and must be respected in the Occupied Palestinian "
     "Territory, including East Jerusalem, as well as in the occupied Syrian Golan,",
     [("place", "Syrian Golan"), ("place", "East Jerusalem")], []),
    # E/2025/L.27: a conference named by its town is a meeting; the peace plan is an instrument
    ("on the basis of relevant United Nations resolutions, including Security Council resolutions 242 (1967), "
     "338 (1973) and 2334 (2016), and the Madrid Conference, the principle of land for peace, the Arab Peace "
     "Initiative and the Quartet road map,",
     [("instrument", "Arab Peace Initiative"), ("instrument", "338 (1973)")], ["Madrid Conference"]),
    # E/2025/L.27: a plan named by its aims holds the place it is for
    ("we look forward to the convening of the upcoming international conference to be held in Egypt, with the aim "
     "of mobilizing support to the Arab-Islamic Early Recovery, Reconstruction and Development Plan for Gaza,",
     [("instrument", "Arab-Islamic Early Recovery, Reconstruction and Development Plan for Gaza"), ("place", "Egypt")],
     ["Gaza"]),
    # A/79/797: the town where the Parties met is a place
    ("the de facto head of the National Environmental Protection Agency, Matiul Haq Khalis, participated in the "
     "twenty-ninth session of the Conference of the Parties to the United Nations Framework Convention on Climate "
     "Change in Baku as a guest of the host State.",
     [("place", "Baku"), ("instrument", "United Nations Framework Convention on Climate Change")], []),
    # E/HLPF/2025/3/Add.3: a body named after the 2030 Agenda is a body
    ("Substantive inputs were presented by Portugal, Romania, the European Investment Bank, the Geneva State Pension "
     "Fund, Platform Agenda 2030 on behalf of civil society, the Regional Cooperation Council and ECE.",
     [("organization", "Platform Agenda 2030")], []),
    # E/C.2/2025/2: the Parties to the Kyoto Protocol meeting as its body
    ("– Participation in the eighteenth session of the Conference of the Parties serving as the Meeting of the "
     "Parties to the Kyoto Protocol, to be held in Dubai, United Arab Emirates, from 30 November to 12 December 2023.",
     [("organization", "Conference of the Parties serving as the Meeting of the Parties"),
      ("instrument", "Kyoto Protocol"), ("place", "Dubai")], []),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES)
def test_round10_excerpts(text, expected, not_tagged):
    assert_tagged(text, expected, not_tagged)


def test_the_law_refers_back():
    # A/79/797: "the Law" after the law named by its title is that law; "the Law of the Sea" is no reference
    text = ("they continued public engagement to further enforce strict implementation of the Law on the Propagation "
            "of Virtue and the Prevention of Vice. Concerns were expressed regarding the negative effects of the Law on "
            "their lives and livelihoods.")
    found = primary(text)
    assert ("instrument", "Law") in found, found
    other = primary("States parties to the Convention on the Law of the Sea agreed. The Law was then amended.")
    assert ("instrument", "Law") not in other, other


def test_short_name_in_brackets_links():
    # A/80/143: "Afreximbank" is defined after the bank's name and is the bank in every paragraph
    first = ("Historical background The African Export-Import Bank (Afreximbank) was established in 1993 as a "
             "multilateral financial institution.")
    later = ("Charter Afreximbank operates under twin constitutive instruments. Afreximbank actively supports key "
             "Sustainable Development Goals through its strategic interventions.")
    found = primary(later, first)
    assert ("organization", "Afreximbank") in found, found
    assert not any(t.startswith("Charter") for _, t in found), found


def test_pure_helpers():
    defs = find_definitions("The African Export-Import Bank (Afreximbank) was established in 1993")
    assert [(d.acronym, d.long_form) for d in defs] == [("Afreximbank", "African Export-Import Bank")]
    assert find_definitions("The 2004 CICA Catalogue of Confidence Building Measures (Catalogue) is the core") == []
    text = "the Convention on Climate Change in Baku as a guest"
    assert text[4:cut_meeting_town(text, 4, text.index(" as"))] == "Convention on Climate Change"
    words = ["Charter", "Afreximbank", "operates", "under"]
    assert glued_heading(words, 0, 0) and not glued_heading(["Convention", "Relating", "to"], 0, 0)
    assert body_named_after("Platform Agenda 2030") and not body_named_after("Platform for Action")
    s = "and the Madrid Conference, the principle"
    assert town_conference(s, 8, 25)
    s = "the Hague Conference on Private International Law"
    assert not town_conference(s, 4, 20)
