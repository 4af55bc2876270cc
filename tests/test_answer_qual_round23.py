"""The twenty-third session's answer classes (h-r23qual), on the documents' real sentences.

- A body named with a lower-case qualifier ("the Special Committee *on decolonization*") is not answered from another
  body sharing its head noun (the Special Committee on Peacekeeping Operations): ``search.qualified_bodies``.
- "Which section of <body>" asks a unit of the body, which the reports name in lower case ("the planning and evaluation
  section") or as a name ("the Environment Statistics Section"): ``search.units``.
- A day the question asks with its year, which the sentence writes without one ("On 19 January, ... arrested in Turin",
  the crimes dated "from 15 February 2015 onwards"), is dated by its document's date alone:
  ``asked_years.yearless_as_asked``.

Paragraphs are copied from A/79/19, A/80/38, A/80/192, S/2025/223, S/2025/200 and E/2025/24."""

from __future__ import annotations

import pytest

from ingest.models import Chunk
from search.answer_types import question_type, typed_spans
from search.asked_years import another_year, asked_years, yearless_as_asked
from search.qualified_bodies import qualifier_phrases
from search.units import unit_asked, unit_spans

from paragraph_library import asked, index_chunks

_CHAIR = ("Chair: At its 280th plenary meeting, the Committee was informed that the delegation of Nigeria had reaffirmed "
          "its interest in continuing to serve as Chair and would nominate its incoming Permanent Representative, once in "
          "place, for election to the position of Chair in due course.")
_WELCOMED = ("By its resolution 78/291, the General Assembly welcomed the report of the Special Committee on Peacekeeping "
             "Operations (A/78/19), decided that the Committee, in accordance with its mandate, would continue its efforts "
             "for a comprehensive review of the whole question of peacekeeping operations in all their aspects, review the "
             "implementation of its previous proposals and consider any new proposals so as to enhance the capacity of the "
             "United Nations to fulfil its responsibilities in that field, and requested the Committee to submit a report "
             "on its work to the Assembly at its seventy-ninth session.")
_PLANNING = ("The planning and evaluation section is responsible for setting out safeguard criteria, developing safeguard "
             "methods to be applied in the different types of nuclear facilities, proposing inspection procedures and "
             "evaluating the results of verification activities.")
_ADMIN = ("The administration and finance section is responsible for administrative, budgetary and human resources "
          "management and manages the infrastructure requirements of the Brazilian-Argentine Agency. It also coordinates "
          "the infrastructure management system with the technical sections.")
_STRUCTURE = ("The Brazilian-Argentine Agency is composed of the Commission, its management organ, and the secretariat, "
              "its executive organ, which is made up of technical and administrative sections.")
_TURIN = ("On 19 January, Osama Elmasry Njeem, the subject of an International Criminal Court arrest warrant for alleged "
          "war crimes and crimes against humanity committed in Mitiga Prison from 15 February 2015 onwards, was arrested "
          "in Turin, Italy.")
_PRISTINA = ("On 16 October, the Basic Court of Pristina accepted an agreement reached between the defence and "
             "prosecution in the case of a Kosovo Serb involved in the protest in Zvečan/Zveçan in May 2023.")
_DISSEMINATION = ("Dissemination of information on decolonization 79/113 4 December 2024 79/94 4 December 2024 79/95 4 "
                  "December 2024 79/96 4 December 2024 79/115 4 December 2024 79/97 4 December 2024")
_ENVIRONMENT = ("At the same meeting, the Chief of the Environment Statistics Section of the Statistics Division introduced "
                "the report of the Secretary-General on environment and climate change statistics (E/CN.3/2025/20).")

_ABACC = ("Request for the inclusion of a supplementary item in the agenda of the eightieth session (Letter dated 7 August "
          "2025 from the Permanent Representative of Argentina and the Permanent Representative of Brazil)")
_CHUNKS = [
    (Chunk("A/79/19", "paragraph", 1, _WELCOMED, section=("Chapter I Introduction",)),
     "Report of the Special Committee on Peacekeeping Operations"),
    (Chunk("A/79/19", "paragraph", 5, _CHAIR, section=("Chapter II Organizational matters", "B. Election of officers")),
     "Report of the Special Committee on Peacekeeping Operations"),
    (Chunk("A/AC.109/2025/L.1", "paragraph", 6, _DISSEMINATION, section=(
        "III. Resolutions and decision concerning specific items considered by the Special Committee in 2024",
        "B. Resolutions concerning other items"), page=5),
     "Organization of work: relevant resolutions and decisions of the General Assembly (Note by the Secretary-General)"),
    (Chunk("A/80/192", "paragraph", 2, _PLANNING, section=("IV. Membership and structure",), part="annex I", page=4),
     _ABACC),
    (Chunk("A/80/192", "paragraph", 8, _ADMIN, section=("IV. Membership and structure",), part="annex I", page=4), _ABACC),
    (Chunk("A/80/192", "paragraph", 5, _STRUCTURE, section=("IV. Membership and structure",), part="annex I", page=3),
     _ABACC),
]


def test_a_lower_case_qualifier_is_read_and_a_capitalized_one_left_to_the_names_gate():
    assert qualifier_phrases("Who chairs the Special Committee on decolonization in 2025?") == \
        (("decolonization", frozenset({"decolon"})),)
    assert qualifier_phrases("Who chairs the Working Group on enforced or involuntary disappearances?") == \
        (("enforced or involuntary disappearances", frozenset({"enforc", "involuntari", "disappear"})),)
    assert qualifier_phrases("Who chairs the Working Group on inquiries under the Optional Protocol?") == \
        (("inquiries", frozenset({"inquiri"})),)
    assert qualifier_phrases("Who chairs the Committee on the Rights of the Child?") == ()
    assert qualifier_phrases("How many members does the Board of the Fund have?") == ()
    assert qualifier_phrases("What did the Board of auditors recommend?") == \
        (("auditors", frozenset({"auditor"})),)  # a verb ends it
    assert qualifier_phrases("What did the Secretary-General brief the Security Council on in March?") == ()  # a topic
    assert qualifier_phrases("Where was the Special Committee on decolonization's 2009 seminar held?") == \
        (("decolonization", frozenset({"decolon"})),)


def test_which_section_asks_a_unit_not_a_part_of_a_document():
    q = ("Which section of the Brazilian-Argentine Agency for Accounting and Control of Nuclear Materials sets out "
         "safeguard criteria and evaluates the results of verification activities?")
    assert question_type(q).slots == (("unit",),)
    assert question_type("Which ABACC section manages the Agency's infrastructure requirements?").slots == (("unit",),)
    assert unit_asked("which section of the report discusses funding?") is None
    assert question_type("Which section of the report discusses funding?").slots != (("unit",),)


def test_a_unit_span_is_its_words_without_the_determiner():
    assert [s.text for s in typed_spans(_PLANNING, ["unit"])] == ["planning and evaluation section"]
    assert [s.text for s in unit_spans(_ENVIRONMENT)] == ["Environment Statistics Section"]
    assert [s.text for s in unit_spans("The accounting and control of nuclear materials section processes and analyses "
                                       "any information relating to accounting of nuclear materials.")] == \
        ["accounting and control of nuclear materials section"]
    assert unit_spans(_STRUCTURE) == []  # "technical and administrative sections": a kind of section, none named


def test_a_year_less_day_is_dated_by_its_document():
    q = ("In which city was Osama Elmasry Njeem, subject of an ICC arrest warrant, arrested on 19 January 2025, "
         "according to the Secretary-General's report on the United Nations Support Mission in Libya?")
    years = asked_years(q)
    assert another_year(years, _TURIN, reported=frozenset({"2024", "2025"}))  # without the day: 2015 is all it says
    assert not another_year(years, _TURIN, reported=frozenset({"2024", "2025"}), question=q, written="2025-04-11")
    q24 = q.replace("2025,", "2024,")
    assert another_year(asked_years(q24), _TURIN, question=q24, written="2025-04-11")
    court = "Which court accepted, on 16 October {}, an agreement between the defence and prosecution?"
    assert yearless_as_asked(court.format(2024), _PRISTINA, "2025-04-01") is True  # the last 16 October before April 2025
    assert yearless_as_asked(court.format(2023), _PRISTINA, "2025-04-01") is False  # 2023 is the protest's, not the day's
    assert yearless_as_asked(court.format(2024), _PRISTINA, "") is None  # no date known: the sentence's years decide
    assert yearless_as_asked(court.format(2024), "On 16 October 2023, the Court met.", "2025-04-01") is None


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    from search import Searcher

    return Searcher.open(index_chunks(tmp_path_factory.mktemp("qual23"), _CHUNKS))


def test_another_body_sharing_the_head_noun_is_refused(library):
    assert asked(library, "Which country's delegation serves as Chair of the Special Committee on decolonization?") is None
    got = asked(library, "Which country's delegation serves as Chair of the Special Committee on peacekeeping?")
    assert got is not None and got[0].startswith("Nigeria") and got[1] == "A/79/19, para. 5"


def test_which_section_is_answered_by_the_unit(library):
    got = asked(library, "Which section of the Brazilian-Argentine Agency sets out safeguard criteria and evaluates the "
                         "results of verification activities?")
    assert got is not None and got[0] == "planning and evaluation section"
    got = asked(library, "Which section of the Brazilian-Argentine Agency manages its infrastructure requirements?")
    assert got is not None and got[0] == "administration and finance section"
