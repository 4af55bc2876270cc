"""The fact side of the twentieth session (h-r20ansfact, issue #19): two classes of tuning misses fixed.

- "Which <body noun> <verb> ... <report / resolution noun>": the body is asked, not the document named after it.
  "Which *office* presents UNDP's annual report on evaluation" wants "the Independent Evaluation Office", and was
  read as a question for a report (blind20 T2020, answered "decision 2008/37"). "Which *Security Council*
  resolution" still asks a resolution: a body's noun followed by a noun of another kind says whose it is
  (``answer_types._body_asked_first``).
- A period of years asked ("under Kazakhstan's *2020-2024* chairmanship", "between 2022 and 2024") is said by a
  paragraph that gives a year inside it ("Since 2021, ... Eleven concept papers have been renewed"): the gate that
  wants the question's numbers said refused it (blind20 T2015). A name's years ("Strategic Plan 2022-2025") are no
  period (``unsaid.periods_asked``, ``unsaid.within_period``).

Paragraphs are copied from A/79/722 and DP/2025/L.2, with their titles and headings."""

from __future__ import annotations

import pytest

from ingest.models import Chunk
from search.answer_types import question_type
from search.unsaid import periods_asked, within_period

from paragraph_library import asked, index_chunks

_CICA_1 = ("The updated Catalogue now contains the following dimensions and priority areas: military-political dimension; "
           "new challenges and threats (combating terrorism, ICT security, combating illicit drugs, epidemiological "
           "safety, public health and pharmaceuticals); economic dimension (small and medium enterprises (SME) "
           "development, energy security, information technology, tourism, secure transportation corridors, agriculture, "
           "finance, trade and investment); environmental dimension (sustainable development, natural disaster "
           "management, environmental protection); and human dimension. The list of coordinators and co-coordinators in "
           "the priority areas is provided in the enclosure.")
_CICA_2 = ("Since 2021, the CICA Member States have made significant progress in updating concept papers and action plans "
           "in these priority areas. Eleven concept papers have been renewed: on SME development (December 2021), finance "
           "(December 2021), human dimension (October 2022), development of secure and effective systems of "
           "transportation corridors (October 2022), agriculture (December 2022), tourism (December 2022), sustainable "
           "development (January 2023), environment protection (December 2023), natural disaster management (December "
           "2023), new challenges and threats (January 2024), and ICT security (June 2024). Other seven concept papers "
           "are currently under development.")
_CICA_LETTER = ("I would like to bring to your attention information on the activities of the Conference on Interaction and "
                "Confidence-building Measures in Asia under the chairmanship of Kazakhstan during the period 2020–2024 (see "
                "annex).")
_CICA_CHAIRS = ("Kazakhstan, as the initiator of CICA, was its first Chair since inception of the organization, followed by "
                "Türkiye (2010–2014), China (2014–2018) and Tajikistan (2018–2020). In September 2020 Kazakhstan assumed the "
                "CICA Chairmanship for the 2020–2022 term, later extended for another biennium of 2022–2024. At the Seventh "
                "Ministerial Council (MC) Meeting in Baku on 19 December 2024, Azerbaijan will assume the Chairmanship for "
                "2024–2026.")
_IEO = ("The Independent Evaluation Office (IEO) of UNDP will present its annual report on evaluation for 2024, as well as "
        "the evaluation of the UNDP Strategic Plan 2022-2025.")
_ETHICS = ("Pursuant to decision 2008/37 of the Executive Board, the UNDP Ethics Office submits the present report covering "
           "its activities in 2024. In accordance with the Secretary-General’s bulletin on United Nations system-wide "
           "application of ethics: separately administered organs and programmes (ST/SGB/2007/11), the Ethics Panel of "
           "the United Nations reviewed the report electronically and at its 175th session on 13 February 2025. This is "
           "the seventeenth annual report presented by the Ethics Office since its establishment in 2007.")
_CICA_TITLE = ("Letter dated 13 January 2025 from the Permanent Representative of Kazakhstan to the United Nations addressed "
               "to the Secretary-General, the President of the General Assembly and the President of the Security Council")
_CICA_SECTION = ("Background", "1. Core operational activities of CICA",
                 "1.1 Implementation of CICA confidence building measures (CBMs)")
_BOARD_TITLE = "Provisional agenda, annotations, list of documents and workplan (Note by the Executive Board Secretariat)"
_CHUNKS = [
    (Chunk("A/79/722", "paragraph", 1, _CICA_LETTER, page=1), _CICA_TITLE),
    (Chunk("A/79/722", "paragraph", 7, _CICA_CHAIRS, section=("Background",), part="annex", page=2), _CICA_TITLE),
    (Chunk("A/79/722", "paragraph", 1, _CICA_1, section=_CICA_SECTION, part="annex", page=4), _CICA_TITLE),
    (Chunk("A/79/722", "paragraph", 2, _CICA_2, section=_CICA_SECTION, part="annex", page=4), _CICA_TITLE),
    (Chunk("DP/2025/L.2", "paragraph", 4, _IEO, section=("UNDP segment", "Item 11 UNDP evaluation"), page=7),
     _BOARD_TITLE),
    (Chunk("DP/2025/L.2", "paragraph", 10, _ETHICS, section=("Joint segment", "Item 4 Ethics"), page=4), _BOARD_TITLE),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """A Searcher over the documents' real paragraphs, with their headings, through `paracite ingest`."""
    from search import Searcher

    searcher = Searcher.open(index_chunks(tmp_path_factory.mktemp("facts20"), _CHUNKS))
    yield searcher
    searcher.close()


def _kind(question: str) -> tuple:
    qt = question_type(question)
    return qt.slots, qt.target


@pytest.mark.parametrize("rule, got, want", [
    ("a body asked before a report", lambda: _kind("Which office presents UNDP's annual report on evaluation for 2024?"),
     ((("organization",),), ("office",))),
    ("a body asked before a resolution", lambda: _kind("Which committee adopted the resolution on Gaza?"),
     ((("organization",),), ("committee",))),
    ("a body's resolution", lambda: _kind("Which Security Council resolution established the Residual Mechanism?"),
     ((("instrument",),), ("resolution",))),
    ("a body's decision", lambda: _kind("Which Executive Board decision approved the oversight policy?"),
     ((("instrument",),), ("decision",))),
    ("a report asked", lambda: _kind("Which report did the office present to the Board?"),
     ((("publication", "instrument"),), ("report",))),
    ("a body's report, the owner asked", lambda: _kind("Which agency's report found the gap?"),
     ((("organization",),), ("agency",))),
    ("a period", lambda: periods_asked("How many concept papers were renewed under Kazakhstan's 2020-2024 chairmanship?"),
     ((2020, 2024),)),
    ("between", lambda: periods_asked("How many meetings did it hold between 2022 and 2024?"), ((2022, 2024),)),
    ("from ... to", lambda: periods_asked("How many cases were closed from 2019 to 2023?"), ((2019, 2023),)),
    ("a name's years", lambda: periods_asked("the evaluation of the UNDP Strategic Plan 2022-2025"), ()),
    ("a term's years after a name", lambda: periods_asked("members of the Human Rights Council 2026–2028"), ()),
    ("two years, no period", lambda: periods_asked("How many were held in 2020 and 2024?"), ()),
    ("a year inside", lambda: within_period(((2020, 2024),), {"since", "2021"}), {"2020", "2024"}),
    ("a bound itself", lambda: within_period(((2020, 2024),), {"2024"}), {"2020", "2024"}),
    ("a year outside", lambda: within_period(((2020, 2024),), {"2019", "2025"}), set()),
])
def test_rules_round20(rule, got, want):
    """Each rule on a real question or the stems of a real paragraph: what it gives."""
    assert got() == want, rule


@pytest.mark.parametrize("question, want", [
    ("Which office presents UNDP's annual report on evaluation for 2024 and the evaluation of its Strategic Plan "
     "2022-2025 at the Executive Board's 2025 annual session?",
     ("Independent Evaluation Office (IEO)", "DP/2025/L.2, p. 7, para. 4")),
    ("How many CICA concept papers were renewed under Kazakhstan's 2020-2024 chairmanship, according to Kazakhstan's "
     "January 2025 letter on the Conference on Interaction and Confidence-building Measures in Asia?",
     ("Eleven concept papers", "A/79/722, annex, p. 4, para. 2")),
    ("How many CICA concept papers were renewed under Kazakhstan's 2012-2016 chairmanship?", None),
])
def test_answered_round20(library, question, want):
    """End to end over the small library: the body asked, the count of the asked period; a period none of the
    paragraph's years falls in is still refused."""
    assert asked(library, question) == want
