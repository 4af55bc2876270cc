"""Entity classes fixed on the round-9 dev sample (bench/data/entities_sample_round9.jsonl): real
sentences of E/2025/31, E/2025/42, E/2025/15, A/80/66, A/79/907 and CEB/2025/4 and of other library
documents (E/C.2/2025/2/Add.9, A/79/797, S/2025/346, A/80/150, ICCD/COP(8)/CST/8), tagged by the real
spaCy pipeline, plus the pure helpers behind them."""

from __future__ import annotations

import pytest

from ingest.entities.cities import find_cities
from ingest.entities.full_titles import lead_start, quoted_outcomes
from ingest.entities.instruments import find_instruments
from ingest.entities.list_numbers import dated_list_numbers
from ingest.entities.name_context import is_facility, tail_of_event
from ingest.entities.rules import capital_of_a_word, is_participle

from entity_checks import assert_tagged, primary as _primary


def _instruments(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_instruments(text)]


# (text, instrument spans find_instruments must give, in order)
INSTRUMENT_SHAPES = [
    # E/2025/31: a list of resolutions whose numbers a clause and a topic keep apart, one glued to a link
    ("Recalling further General Assembly resolutions 79/1 of 22 September 2024, in which the Assembly adopted the Pact "
     "for the Future, and 79/194 of 19 December 2024 on information and communications technologies, "
     "https://unctad.org/system/files/official-document/ecosoc_res_2024d14_en.pdf78/160 of 19 December 2023 on "
     "science, 78/265 of 21 March 2024 on seizing the opportunities and 78/311 of 1 July 2024 on enhancing",
     ["General Assembly resolutions 79/1", "Pact for the Future", "79/194", "78/160", "78/265", "78/311"]),
    # E/2025/31: an outcome document quoted by its title, the body inside it included
    ("Recalling also General Assembly resolution 70/125 of 16 December 2015, entitled “Outcome document of the "
     "high-level meeting of the General Assembly on the overall review of the implementation of the outcomes of the "
     "World Summit on the Information Society”, in which the Assembly reaffirmed",
     ["General Assembly resolution 70/125", "Outcome document of the high-level meeting of the General Assembly on the "
      "overall review of the implementation of the outcomes of the World Summit on the Information Society"]),
    # A/80/66: the 2030 Agenda with the words its adoption put before it
    ("democracy and the rule of law; and Transforming our world: the 2030 Agenda for Sustainable Development.",
     ["Transforming our world: the 2030 Agenda for Sustainable Development"]),
    # a preamble's participle opens the sentence, not the organ's name; a place opening it names the title
    ("Recalling General Assembly resolution 78/259 of 5 April 2024.", ["General Assembly resolution 78/259"]),
    ("Paris Agreement goals were discussed. Beijing Declaration and Platform for Action commitments remain.",
     ["Paris Agreement", "Beijing Declaration and Platform for Action"]),
]


@pytest.mark.parametrize("text,expected", INSTRUMENT_SHAPES)
def test_instrument_shapes(text, expected):
    assert _instruments(text) == expected


# (text, entities the tagger must give, texts it must not tag)
CASES = [
    # E/2025/31: the glued link stays out of the resolution's span
    ("Recalling General Assembly resolutions 79/1 of 22 September 2024, in which the Assembly recognized the role, "
     "https://unctad.org/system/files/official-document/ecosoc_res_2024d14_en.pdf78/160 of 19 December 2023 on science",
     [("instrument", "78/160")], []),
    # A/80/66: "Transforming" is no place
    ("Chile participates in negotiations on the economic, social and cultural rights agenda; and Transforming our "
     "world: the 2030 Agenda for Sustainable Development.",
     [("instrument", "Transforming our world: the 2030 Agenda for Sustainable Development"), ("place", "Chile")],
     ["Transforming"]),
    # A/79/907: a sentence's first word the chunk also writes in lower case is no body
    ("the policies on troop and police personnel reimbursement will also apply. Troop reimbursements will also be made "
     "in accordance with the relevant deductions.", [], ["Troop"]),
    # CEB/2025/4: the town where an organ met is no part of its name; towns inside a quoted road map are places
    ("the common messages had proven useful for the United Nations system in its engagement at the Conference of the "
     "Parties in Baku.", [("organization", "Conference of the Parties"), ("place", "Baku")],
     ["Conference of the Parties in Baku"]),
    ("he drew attention to the need to finalize the indicators for the global goal on adaptation, the “Baku to Belém "
     "road map to $1.3 trillion” to unlock climate finance", [("place", "Baku"), ("place", "Belém")], []),
    # E/C.2/2025/2/Add.9 and A/79/797: the same with a forum and a council
    ("The organization participated in the sessions of the Forum on Minority Issues in Geneva.",
     [("organization", "Forum on Minority Issues"), ("place", "Geneva")], ["Forum on Minority Issues in Geneva"]),
    # A/80/150: a region a committee serves stays part of its name
    ("activities of the United Nations Standing Advisory Committee on Security Questions in Central Africa "
     "(resolution 79/68);",
     [("organization", "United Nations Standing Advisory Committee on Security Questions in Central Africa")],
     ["Central Africa"]),
    # E/2025/15: "United Nations" among a body's modifiers is part of its name, and so is the region after "for"
    ("ESCAP organized its second regional review in partnership with the Regional United Nations Network on Migration "
     "for Asia and the Pacific.",
     [("organization", "Regional United Nations Network on Migration for Asia and the Pacific")],
     ["Asia and the Pacific", "United Nations"]),
    # E/2025/15: the tail of a conference that was held; a forum convened as "a regional event"
    ("In Latin America and the Caribbean, a major milestone was the Ninth Ministerial Conference on the Information "
     "Society, held in Santiago on 7 and 8 November 2024.", [("place", "Santiago")], ["Information Society"]),
    ("In order to advance digital cooperation, ESCWA convened the Digital Cooperation and Development Forum, a regional "
     "event with 420 participants.", [("organization", "ESCWA")], ["Digital Cooperation and Development Forum"]),
    # CEB/2025/4: a treaty named as a person's employer is its secretariat; the unit between is the role's
    ("the Chair welcomed the Senior Director, Programmes Coordination, United Nations Framework Convention on Climate "
     "Change (UNFCCC), Mr. Daniele Violetti, and invited him to speak.",
     [("organization", "United Nations Framework Convention on Climate Change"), ("organization", "UNFCCC")],
     ["Programmes Coordination"]),
    # E/2025/42: "at the secretariat of" keeps the treaty an instrument
    ("the Senior Director for Programmes Coordination at the secretariat of the United Nations Framework Convention on "
     "Climate Change;", [("instrument", "United Nations Framework Convention on Climate Change")], []),
    # S/2025/346: a town in brackets after its prefecture
    ("in the prefectures of Haut-Mbomou (Bambouti), Mbomou (Bangassou) and Vakaga.", [("place", "Bangassou")], []),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES)
def test_round9_excerpts(text, expected, not_tagged):
    assert_tagged(text, expected, not_tagged)


def test_pure_helpers():
    text = "resolutions 79/1 of 22 September 2024, in which ..., and 79/194 of 19 December 2024 on ICT"
    assert [c for _, _, c in dated_list_numbers(text)] == ["resolution 79/1", "resolution 79/194"]
    assert dated_list_numbers("On 12/13 of 5 May 2020 the vote was 24/7 of 3 June 2021") == []  # no resolution named
    assert dated_list_numbers("decisions 2024/15, and A/RES/79/194 of 19 December 2024") == []  # a symbol's tail
    assert quoted_outcomes("entitled “Final Document of the First Special Session”,")[0][2] \
        == "Final Document of the First Special Session"
    assert quoted_outcomes("the outcome document of the meeting") == []
    text = "and Transforming our world: the 2030 Agenda for Sustainable Development"
    assert lead_start(text, text.index("2030"), "2030 Agenda for Sustainable Development") == text.index("Transforming")
    assert lead_start(text, text.index("2030"), "Pact for the Future") == text.index("2030")
    assert is_participle("Transforming") and is_participle("Recalling") and not is_participle("Beijing")
    text = "Climatic variations are a factor; climatic change too."
    assert capital_of_a_word(text, 0, 8) and not capital_of_a_word("Chile is a member.", 0, 5)
    assert tail_of_event("the Ninth Ministerial Conference on the ", 40)
    assert not tail_of_event("the Commission on Science and Technology for ", 45)
    assert not is_facility("the Baku to Belém road map", len("the Baku to Belém"))
    assert is_facility("the Quartet road map", len("the Quartet"))  # no route between places: as before
    assert [m.canonical for m in find_cities("the “Baku to Belém road map” and (Bangassou)")] == ["Baku", "Belém", "Bangassou"]
