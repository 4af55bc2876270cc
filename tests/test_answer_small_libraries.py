"""Questions asked end to end of small libraries, one per session's rules (rounds 13 to 16), each ingested from real
paragraphs of the documents (``paragraph_library``): the fact leads the answer and its paragraph is cited, or the
question is refused. Each round's paragraphs, and the rules they check, are in tests/test_answer_round<N>.py; one
table here holds the questions of all of them."""

from __future__ import annotations

import pytest

import test_answer_round13
import test_answer_round14
import test_answer_round15
import test_answer_round16
from paragraph_library import index_paragraphs

_LIBRARIES = {13: test_answer_round13._DOCS, 14: test_answer_round14._DOCS, 15: test_answer_round15._DOCS,
              16: test_answer_round16._DOCS}


@pytest.fixture(scope="module")
def library(request, tmp_path_factory):
    from search import Searcher

    with Searcher.open(index_paragraphs(tmp_path_factory.mktemp(f"round{request.param}"), _LIBRARIES[request.param])) as s:
        yield s


_FACTS = [
    # round 13
    (13, "In which document is the list of participants of the 2025 United Nations Ocean Conference in Nice issued?",
     "A/CONF.230/2025/INF/2", "A/CONF.230/2025/L.2, para. 2"),
    (13, "Which Eastern European States were elected Vice-Presidents of the 2025 Ocean Conference in Nice?",
     "Armenia, Croatia and Poland", "A/CONF.230/2025/L.2, para. 8"),
    (13, "What share of the funding requested under Somalia's 2024 Humanitarian Needs and Response Plan was actually "
     "received?", "48 per cent", "S/2025/194, para. 49"),
    (13, "How much did UNICEF budget in 2023 for its Ukraine regional refugee response?", "$229.5 million",
     "E/ICEF/2025/AB/L.3, para. 42"),
    (13, "When did the Intergovernmental Negotiating Committee on a climate change convention hold the first part of its "
     "fifth session in 1992?", "18 to 28 February", "A/47/466, para. 4"),
    (13, "Which United Nations office is considering States' observations on rectifying certain language versions of the "
     "Framework Convention on Climate Change?", "Office of Legal Affairs", "A/47/466, para. 14"),
    # round 14
    (14, "How many positions were approved in UNFPA's new supply chain structure, per its report on the auditors' "
     "recommendations?", "131", "DP/FPA/2025/2, para. 56"),
    (14, "Which country's new country programme document is before the Executive Board for approval?",
     "Ethiopia", None),  # (not South Africa, whose country programme is extended)
    (14, "Under which symbol is the progress report on UNOPS's restated strategic plan issued for the Board's 2025 annual "
     "session?", "DP/OPS/2025/6", "DP/2025/L.2, para. 104"),
    (14, "What regional digital agenda did ESCWA and the League of Arab States develop, per the Secretary-General's report "
     "on WSIS outcomes?", "Arab Digital Agenda for 2023–2033", "A/80/62, para. 14"),
    (14, "What fund did ITC and WTO launch to empower women entrepreneurs through trade and digitalization?",
     "Women Exporters in the Digital Economy Fund", "A/80/62, para. 46"),
    (14, "Which symbol does the Secretary-General's previous report on Afghanistan, dated 6 December 2024, bear?",
     "A/79/675-S/2024/876", "A/79/797, para. 2"),
    (14, "Under which symbol was the JIU report on flexible working arrangements in United Nations system organizations "
     "issued?", "JIU/REP/2023/6", "E/ICEF/2025/14, para. 7"),
    (14, "Which country's Permanent Mission asked the United Nations for assistance in obtaining the said information?",
     "Russian Federation", "A/79/845, para. 6"),
    # round 15
    (15, "Under which document symbol did the Board take note of the Ethics Office's annual report for 2023?",
     "WFP/EB.A/2024/4-B", "E/2025/36, para. 2"),
    (15, "Under which symbol was the WFP Ombudsman and Mediation Services' annual report for 2023 issued?",
     "WFP/EB.A/2024/4-C", "E/2025/36, para. 1"),
    (15, "Which document holds the rules of procedure that the Conference adopted at its first plenary meeting?",
     "A/CONF.230/2025/2", "A/CONF.230/2025/L.2, para. 11"),
    (15, "Which document held the agenda the Conference adopted at its first plenary meeting?",
     "A/CONF.230/2025/1", "A/CONF.230/2025/L.2, para. 12"),
    (15, "Which organization's representative introduced the report of the Intersecretariat Working Group on Household "
     "Surveys at the Statistical Commission's 2025 session?", "World Bank", "E/2025/24, para. 21"),
    (15, "At the Statistical Commission's fifty-sixth session, which organization's representative introduced the report "
     "on food security and nutrition data and statistics?", "Food and Agriculture Organization", "E/2025/24, para. 19"),
    # (the session's ordinal is in the title; "At the *5th* meeting" names no other session)
    (15, "How large are current adaptation finance gaps per year?", "US$203--388 billion", "CEB/2025/4, para. 7"),
    (15, "How many fugitive Rwandan génocidaires remain to be located and prosecuted by national authorities?",
     "more than 1,000", "A/80/275, para. 58"),
    (15, "How many social service facilities in Yemen did UNDP equip with solar power?", "107", "DP/2025/12, para. 33"),
    (15, "Of the recommendations directed at UNFPA in the five JIU reports issued in 2024, how many did UNFPA find not "
     "relevant to it?", "11", "DP/FPA/2025/4, para. 38"),
    # round 16 (T1518 of round 15, T1607, T1611, T1612 of round 16, and variants; T1605's "head of State" is
    # checked in test_answer_round16.py: over this small library the Costa Rican question picks the other President)
    (16, "On what date was the World Down Syndrome Day conference held in 2021?",
     "17 March 2021", "E/C.2/2025/2/Add.5, para. 4"),
    (16, "With which coalition did REJADD-Togo issue a 2020 statement urging countries to impose a moratorium on "
     "executions?", "World Coalition Against the Death Penalty", "E/C.2/2025/2/Add.5, para. 16"),
    (16, "In which Human Rights Council resolution did the Council welcome the Indigenous rights Expert Mechanism's "
     "practice of setting aside time for updates on its past thematic studies?", "18/8", "A/HRC/EMRIP/2025/1, para. 6"),
    (16, "When did UNFPA's Humanitarian Response Division produce its 2021-2022 usage report on the fast-track "
     "procedures?", "January 2024", "DP/FPA/2025/2, para. 17"),
    (16, "How many members does the Credentials Committee of the 2025 Conference in Nice have under its rules of procedure?",
     "nine", "A/CONF.230/2025/L.2, para. 14"),
]


@pytest.mark.parametrize("library, question, lead, cited", _FACTS, indirect=["library"])
def test_answers_the_fact_its_paragraph_states(library, question, lead, cited):
    answer = library.ask(question)
    assert answer.answered and lead in answer.text.split(" [")[0], answer.text
    if cited:
        assert cited in answer.citations, answer.citations


@pytest.mark.parametrize("library, question", [
    (13, "How much money did UNICEF recover in 2024 from the financial losses established by its investigations?"),
    # (a figure of another dealing)
    (15, "How many social service facilities in Gaza did UNDP equip with solar power in 2024?"),  # only people counted
    (15, "How many observer States in all attended the Statistical Commission's fifty-sixth session?"),  # only speakers
    (16, "How many members does the Congolese youth organization Tour opération et initiatives have?"),  # some of them
], indirect=["library"])
def test_refuses_what_no_paragraph_states(library, question):
    answer = library.ask(question)
    assert not answer.answered, answer.text
