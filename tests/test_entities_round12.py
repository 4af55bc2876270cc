"""Entity classes fixed on the round-12 dev sample (bench/data/entities_sample_round12.jsonl): real
sentences of E/2025/L.16, E/2025/36, A/80/38, S/2025/194, A/79/722, E/HLPF/2025/3/Add.3 and
E/C.2/2025/2, tagged by the real spaCy pipeline, plus the pure helpers behind them."""

from __future__ import annotations

import pytest

from ingest.entities.backrefs import _kind_of
from ingest.entities.full_titles import quoted_outcomes
from ingest.entities.instruments import find_instruments
from ingest.entities.tagger import tag_texts

from entity_checks import assert_tagged, primary


def _instruments(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_instruments(text)]


# (text, instrument spans find_instruments must give, in order)
INSTRUMENT_SHAPES = [
    # E/2025/L.16: a head's possessive ends its title
    ("supports, complements and helps contextualize the 2030 Agenda’s means of implementation targets.",
     ["2030 Agenda"]),
    # E/2025/L.16: an outcome document named by its place, a vision dated by its year
    ("We welcome the outcome document of the Fourth International Conference on Financing for Development, the "
     "Sevilla Commitment, which renews the global financing for development framework", ["Sevilla Commitment"]),
    ("to place the global community on a path towards realizing the 2050 Vision for Biodiversity.",
     ["2050 Vision for Biodiversity"]),
    # S/2025/194 (outside the sample): a vision named by its year
    ("the Federal Government of Somalia launched its national transformation plan for the period 2025–2029, marking "
     "the first phase of implementation of Centennial Vision 2060.", ["Centennial Vision 2060"]),
    # "Commitment to ..." and a bare "Vision" name nothing
    ("Commitment to the goals remains strong; the Vision for the region was discussed.", []),
    # E/2025/36: executive board decisions by their own number, in a list, and a general regulation
    ("In accordance with General Regulation VI.3, and pursuant to its decisions 2000/EB.A/2 and 2004/EB.A/11, the "
     "Board requested", ["General Regulation VI.3", "decisions 2000/EB.A/2", "2004/EB.A/11"]),
    ("2024/EB.A/2 Annual performance report for 2023 The Board approved the annual performance report",
     ["2024/EB.A/2"]),
    # E/C.2/2025/2: a national law by its number and date
    ("Our organization is now in compliance with the new Act No. 04/2021 of 10 February on civil society "
     "organizations in Mauritania.", ["Act No. 04/2021 of 10 February"]),
    # A/79/722: a titled roadmap; a title that ends another's complement stops before "and"
    ("the CICA Member States have developed the Roadmap for CICA Transformation, which was endorsed",
     ["Roadmap for CICA Transformation"]),
    ("updating the CICA Rules of Procedure and Guidelines for CICA’s External Relations, defining the role",
     ["CICA Rules of Procedure", "Guidelines for CICA’s External Relations"]),
    ("Recalling the Convention on the Rights of the Child and Optional Protocol on the Sale of Children",
     ["Convention on the Rights of the Child", "Optional Protocol on the Sale of Children"]),
    # "Beijing Declaration and Platform for Action" stays one title
    ("and the Beijing Declaration and Platform for Action and the outcome documents",
     ["Beijing Declaration and Platform for Action"]),
    # A/80/38: a bare head takes no "in" complement: where a treaty applies is no part of a name
    ("to monitor the implementation of the Convention in the States Parties", []),
]


@pytest.mark.parametrize("text,expected", INSTRUMENT_SHAPES)
def test_instrument_shapes(text, expected):
    assert _instruments(text) == expected


def test_document_quoted_as_the_source_of_a_paragraph():
    text = ("the United Nations Convention on the Law of the Sea, which provides the legal framework ..., as "
            "recalled in paragraph 158 of “The future we want”.")
    assert [text[s:e] for s, e, _ in quoted_outcomes(text)] == ["The future we want"]
    # a report's title quoted after "entitled" is no instrument of this kind
    assert quoted_outcomes("the report entitled “Migration and the future we want”.") == []


def test_kind_of_an_instrument_is_its_head_before_the_complement():
    assert _kind_of("Optional Protocol to the Convention") == "Protocol"
    assert _kind_of("United Nations Framework Convention on Climate Change") == "Convention"
    assert _kind_of("Beijing Declaration and Platform for Action") == "Declaration"
    assert _kind_of("eight-point agenda for action") is None


# (text, entities the tagger must give, texts it must not tag)
CASES = [
    # E/2025/L.16: the conference of a treaty's parties is a body, the bare treaty it serves refers back
    ("We affirm the importance of full and effective implementation of the Convention on Biological Diversity and "
     "its Protocols, as well as the Kunming-Montreal Global Biodiversity Framework adopted at the fifteenth meeting "
     "of the Conference of the Parties to the Convention, including its mission to halt and reverse biodiversity "
     "loss by 2030 and to place the global community on a path towards realizing the 2050 Vision for Biodiversity.",
     [("instrument", "Convention on Biological Diversity"), ("instrument", "Kunming-Montreal Global Biodiversity Framework"),
      ("organization", "Conference of the Parties"), ("instrument", "Convention"),
      ("instrument", "2050 Vision for Biodiversity")],
     ["Conference of the Parties to the Convention", "Vision for Biodiversity"]),
    # E/2025/L.16: an outcome document by its place is no body
    ("We welcome the outcome document of the Fourth International Conference on Financing for Development, the "
     "Sevilla Commitment, which renews the global financing for development framework, building on the Addis Ababa "
     "Action Agenda.", [("instrument", "Sevilla Commitment"), ("instrument", "Addis Ababa Action Agenda")], []),
    # E/HLPF/2025/3/Add.3: the gazetteer's body wins over a compact's shape
    ("The United Nations Global Compact promotes responsible business conduct through its Ten Principles, "
     "encouraging companies to focus on human rights.",
     [("organization", "United Nations Global Compact")], []),
    # S/2025/194: two bodies' acronyms joined by a hyphen; a lowercase short name of a named strategy
    ("The report covers the United Nations Transitional Assistance Mission in Somalia (UNTMIS). UNTMIS supports the "
     "Somali Government in the implementation of the National P/CVE Strategy. Support to the implementation of the "
     "P/CVE strategy is provided through the UNTMIS-UNDP Joint Programme.",
     [("instrument", "National P/CVE Strategy"), ("instrument", "P/CVE strategy"), ("organization", "UNTMIS"),
      ("organization", "UNDP")], []),
    # E/HLPF/2025/3/Add.3: a person named before the post held, in brackets
    ("The round table was co-moderated by Helena Valas (Ministry of Labour, Family, Social Affairs and Equal "
     "Opportunities, Slovenia) with Florence Bauer (UNFPA Regional Director for Eastern Europe and Central Asia).",
     [("organization", "Ministry of Labour, Family, Social Affairs and Equal Opportunities"), ("place", "Slovenia"),
      ("organization", "UNFPA"), ("place", "Eastern Europe"), ("place", "Central Asia")], ["Florence Bauer"]),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES)
def test_tagged(text, expected, not_tagged):
    assert_tagged(text, expected, not_tagged)


def test_bare_convention_skips_a_protocol_named_after_it():
    # A/80/38: "the Optional Protocol to the Convention" is a protocol, so "the Convention" is still the one
    # convention the document named
    first = ("The Committee on the Elimination of Discrimination against Women monitors the Convention on the "
             "Elimination of All Forms of Discrimination against Women and the Optional Protocol to the Convention.")
    found = tag_texts([first, "The Committee considered the reports of eight States Parties submitted under "
                              "article 18 of the Convention."])[-1]
    assert [e.canonical for e in found if e.text == "Convention"] == [
        "Convention on the Elimination of All Forms of Discrimination against Women"]


def test_plural_acronym_is_no_body():
    # A/79/722: "CBM" beside "CBMs", never defined, names measures, not a body
    found = primary("CICA has continued to advance CBMs across Asia. The Roadmap includes improving CBM "
                    "implementation and updating the CICA Rules of Procedure.")
    assert not {t for _, t in found} & {"CBM", "CBMs"}, found


def test_short_name_needs_a_named_instrument():
    # no strategy named before: "the UNDP strategy" stays what it was (the body)
    found = primary("The UNDP strategy is new.")
    assert ("instrument", "UNDP strategy") not in found
