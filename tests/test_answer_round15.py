"""Rules of the fifteenth session, found on round 15's dev half (see docs/answers-log.md), each checked on
other sentences of the documents too:

- a document symbol is read whole as the agencies write it ("WFP/EB.A/2024/4-B"), never from inside another
  number ("2024/EB.A/4", a decision's);
- an ordinal written in figures ("at its *1st* plenary meeting") says the ordinal a question writes in words;
- a question's words keep their accented letters ("génocidaires");
- "which organization's X" asks for a body (the owner), whatever nouns follow it;
- a sum given as a range ("US$203--388 billion") is one answer;
- "how many <things>" is not answered by a count of people; "how many attended" not by a count of speakers;
- a fact asked in the negative ("how many ... *not relevant*") is not told by a sentence saying it only in the positive.

Sentences are copied from the documents (E/2025/36, A/CONF.230/2025/L.2, E/2025/24, CEB/2025/4, A/80/275,
DP/2025/12, DP/FPA/2025/4 (Part II), A/79/797, DP/2025/L.2) as strings."""

from __future__ import annotations

import pytest

from paragraph_library import assert_fact, by_document, libraries_fixture
from test_answer_round13 import _DOCS as ROUND13_DOCS
from test_answer_round16 import _DOCS as ROUND16_DOCS
from search.answer_types import fits_target, may_count_people, question_type, symbol_spans, typed_spans
from search.attendance import asks_attendance, speakers_only
from search.negated import affirms_only
from search.terms import tokenize

_ETHICS = ("2024/EB.A/4 Annual report of the Ethics Office for 2023 The Board took note of the annual report of the "
           "Ethics Office for 2023 (WFP/EB.A/2024/4-B).")
_OMBUDSMAN = ("The Board also took note of the management note to the annual report of the Office of the Ombudsman and "
              "Mediation Services for 2023 (WFP/EB.A/2024/4-C/Add.1).")
_GAMBIA = ("The Board approved the Gambia country strategic plan (2024–2028) (WFP/EB.1/2024/6-A/4) at a total cost to WFP "
           "of USD 95,226,668.")
_RULES = "At its 1st plenary meeting, on 9 June, the Conference adopted its rules of procedure (A/CONF.230/2025/2)."
_GAP = "• Current adaptation finance gaps are estimated at US$203--388 billion per year."
_GAZA = ("• Gaza: UNDP and partners collected over 210,000 tons of solid waste, benefiting 624,000 people, and provided "
         "600,000 people with access to clean water through solar-powered desalination units.")
_SPEAKERS = ("Thereafter, statements were made by the representatives of three States members of the Commission, eight "
             "observer States and two international organizations.")


# -- symbols -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, symbols", [
    (_ETHICS, ["WFP/EB.A/2024/4-B"]),  # (not "A/4" of the decision's number, nor "A/2024/4")
    (_OMBUDSMAN, ["WFP/EB.A/2024/4-C/Add.1"]),
    (_GAMBIA, ["WFP/EB.1/2024/6-A/4"]),
    (_RULES, ["A/CONF.230/2025/2"]),
    ("The report of the Intersecretariat Working Group on Household Surveys (E/CN.3/2025/19).", ["E/CN.3/2025/19"]),
    ("... since the issuance of the previous report, dated 6 December 2024 (A/79/675-S/2024/876).",
     ["A/79/675-S/2024/876"]),
    ("... racism and racial discrimination in United Nations system organizations (JIU/NOTE/2022/1/Rev.1).",
     ["JIU/NOTE/2022/1/Rev.1"]),
    ("In its decision 2024/10 and in Rwanda/Burundi, the Board decided ...", []),  # no symbol: no letters before, no digit
])
def test_symbols_are_read_whole(sentence, symbols):
    assert [sp.text for sp in symbol_spans(sentence)] == symbols


def test_a_decision_number_is_no_symbol_asked():
    target = question_type("Under which document symbol was the WFP Ethics Office's annual report for 2023 before the "
                           "Executive Board?").target
    assert target == ("symbol",)
    spans = symbol_spans(_ETHICS)
    assert all(fits_target(sp, target) for sp in spans) and "2024/EB.A/4" not in [sp.text for sp in spans]


# -- ordinals in figures -------------------------------------------------------------------------------
def test_an_ordinal_in_figures_says_the_word():
    from search.answer import _figured_ordinals  # (read into the paragraph's stems, not the sentence's own)

    stems = _figured_ordinals(_RULES + " At the 52nd and 280th meetings ...")
    first, second = (tokenize([w])[0][0].stem for w in ("first", "second"))
    assert first in stems and second in stems  # "1st", "52nd" (fifty-second)
    assert _figured_ordinals("On 1 June, 21 States spoke.") == set()


# -- accented words -------------------------------------------------------------------------------------
def test_question_words_keep_accented_letters():
    qtype = question_type("How many fugitive Rwandan génocidaires remain to be located and prosecuted by national "
                          "authorities?")
    assert qtype.head == "génocidaires" and "génocidaires" in qtype.target


# -- "which organization's X" -----------------------------------------------------------------------------
@pytest.mark.parametrize("question, kind, target", [
    ("Which organization's representative introduced the report of the Intersecretariat Working Group on Household "
     "Surveys at the Statistical Commission's 2025 session?", "organization", ("organization",)),
    ("Which agency's report on food security was introduced at the 5th meeting?", "organization", ("agency",)),
    ("Which expert's study was presented to the Council?", "person", ("expert",)),
    ("Which country's representative introduced the report of the Committee of Experts?", "place", ("country",)),
])
def test_the_owner_asked_is_the_kind(question, kind, target):
    qtype = question_type(question)
    assert qtype.slots == ((kind,),) and qtype.target == target


def test_a_report_asked_without_an_owner_is_still_a_publication():
    assert question_type("Which report did the representative of the World Bank introduce?").slots == \
        (("publication", "instrument"),)


# -- sums as ranges ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, sums", [
    (_GAP, ["US$203--388 billion"]),
    ("The plan needs between $2 and $3 million.", ["between $2 and $3 million"]),
    ("It costs $3–4 million a year.", ["$3–4 million"]),
    ("Costs rose from $3 million to $4 million in 2024.", ["$3 million", "$4 million"]),  # a change, two sums
    ("It spent $5 million to 2025.", ["$5 million"]),  # (a year is no end of a range)
    (_GAMBIA, ["USD 95,226,668"]),
])
def test_a_range_of_money_is_one_sum(sentence, sums):
    assert [sp.text for sp in typed_spans(sentence, ["money"])] == sums


# -- people are no things, speakers no attendance -------------------------------------------------------------
@pytest.mark.parametrize("noun, people", [
    ("facilities", False), ("schools", False), ("jobs", False), ("initiatives", False), ("filings", False),
    ("people", True), ("deaths", True), ("civilians", True), ("ex-combatants", True), ("génocidaires", True),
    ("refugees", True), ("participants", True), ("fugitives", True), ("", True),
])
def test_a_noun_may_count_people(noun, people):
    assert may_count_people(noun) is people


@pytest.mark.parametrize("question, asks", [
    ("How many observer States in all attended the Statistical Commission's fifty-sixth session?", True),
    ("How many participants took part in the WSIS Forum?", True),
    ("How many Member States and observers delivered statements in the general debate?", False),
])
def test_asks_attendance(question, asks):
    assert asks_attendance({t.stem for t in tokenize([question])[0]}) is asks


@pytest.mark.parametrize("sentence, only", [
    (_SPEAKERS, True),
    ("The session was attended by 24 States members of the Commission; statements were made by 12 of them.", False),
    ("Over 4,000 participants took part in the Forum.", False),
])
def test_speakers_only(sentence, only):
    assert speakers_only(sentence) is only


# -- a fact asked in the negative -------------------------------------------------------------------------------
_RELEVANT = ("Of the 39 recommendations across these reports, 28 are relevant to UNFPA, with 15 addressed to the Executive "
             "Director and 13 to the Executive Board as the Fund’s legislative body.")
_NOT_RELEVANT = "Of these, 28 are accepted, and 11 not relevant to UNFPA."


@pytest.mark.parametrize("question, words", [
    ("Of the recommendations directed at UNFPA in the five JIU reports issued in 2024, how many did UNFPA find not "
     "relevant to it?", ("relevant",)),
    ("How many overdue reports had States Parties still not submitted to the Committee?", ("submitted",)),
    ("How many people in the world do not have access to healthy diets?", ("access",)),
    ("How many recommendations did UNFPA find relevant?", ()),
])
def test_the_words_a_question_negates(question, words):
    assert question_type(question).negated == words


@pytest.mark.parametrize("sentence, words, only", [
    (_RELEVANT, ("relevant",), True),  # the other side of the fact
    (_NOT_RELEVANT, ("relevant",), False),
    ("Eleven recommendations were found irrelevant.", ("relevant",), False),  # (another word: no positive mention)
    ("Some 2.8 billion people were unable to access a healthy diet.", ("access",), False),
    ("Some 2.8 billion people lack access to healthy diets.", ("access",), False),
    ("Access to healthy diets improved for 2.8 billion people.", ("access",), True),
])
def test_a_sentence_that_affirms_only(sentence, words, only):
    assert affirms_only(sentence, words) is only


# -- end to end on a small library ingested from the documents' paragraphs ----------------------------------------
_WFP = "Executive Board of the World Food Programme (Report on the first and second regular sessions and annual session of 2024)"
_OCEAN = "2025 United Nations Conference to Support the Implementation of Sustainable Development Goal 14: Draft report"
_STAT = "Statistical Commission (Report on the fifty-sixth session (4–7 March 2025))"
_HLCP = "Report of the High-level Committee on Programmes at its forty-ninth session"
_IRMCT = ("International Residual Mechanism for Criminal Tribunals (Note by the Secretary-General transmitting the thirteenth "
          "annual report of the International Residual Mechanism for Criminal Tribunals)")
_UNDP = "UNDP Cumulative review of the Strategic Plan, 2022-2025, and annual report of the Administrator for 2024"
_JIU = "United Nations Population Fund (Report on the recommendations of the Joint Inspection Unit in 2024)"
_DOCS = by_document({
    "E/2025/36": (_WFP, {
        1: "2024/EB.A/3 Annual report of the Office of the Ombudsman and Mediation Services for 2023 and "
            "management note The Board took note of the annual report of the Office of the Ombudsman and Mediation Services for "
            "2023 (WFP/EB.A/2024/4-C). " + _OMBUDSMAN,
        2: _ETHICS,
        3: "2024/EB.A/5 Summary report on the strategic evaluation of WFP's work on protection from sexual "
            "exploitation and abuse and management response The Board took note of the summary report on the strategic "
            "evaluation of WFP’s work on protection from sexual exploitation and abuse (WFP/EB.A/2024/7-B) and management response "
            "(WFP/EB.A/2024/7-B/Add.1).",
    }),
    "A/CONF.230/2025/L.2": (_OCEAN, {
        11: _RULES,
        12: "Also at its 1st plenary meeting, the Conference adopted the agenda "
            "(A/CONF.230/2025/1).",
    }),
    "E/2025/24": (_STAT, {
        19: "The Commission considered item 3 (n) of its agenda at its 5th, 6th and 7th meetings, on 6 "
            "and 7 March 2025. At the 5th meeting, the representative of the Food and Agriculture Organization of the United "
            "Nations introduced the report of the Food and Agriculture Organization of the United Nations, the United Nations "
            "Children’s Fund and the World Health Organization on food security and nutrition data and statistics "
            "(E/CN.3/2025/17). At the 5th and 6th meetings, statements were made by the representatives of two States members "
            "of the Commission, nine observer States and one international organization.",
        21: "The Commission considered item 3 (p) of its agenda at its 6th and 7th meetings, on 6 and 7 "
            "March 2025. At the 6th meeting, the representative of the World Bank introduced the report of the Intersecretariat "
            "Working Group on Household Surveys (E/CN.3/2025/19). " + _SPEAKERS,
    }),
    "CEB/2025/4": (_HLCP, {
        7: _GAP,
    }),
    "A/80/275": (_IRMCT, {
        58: "While progress has been made at the domestic level in recent years, particularly with the "
            "Office’s assistance, national prosecutors still face a large backlog of cases to process. There are more than 1,000 "
            "fugitive Rwandan génocidaires to be located and prosecuted. Likewise, thousands of war crimes suspects throughout the "
            "countries of the former Yugoslavia remain to be prosecuted.",
    }),
    "DP/2025/12": (_UNDP, {
        33: "The UNDP energy portfolio spans 392 initiatives across 131 countries. Equipping 107 social "
            "service facilities with solar power in Yemen, for example, has improved and sustained education, health care and "
            "water services for over 500,000 people.",
        90: _GAZA,
    }),
    "DP/FPA/2025/4 (Part II)": (_JIU, {
        1: "The present report focuses on the five JIU reports relevant to UNFPA issued since the last "
            "report to the Executive Board in 2024 and received by the organization before preparing this report. " + _RELEVANT,
        38: "The five JIU reports, issued in 2024 and received by UNFPA before the deadline for this "
            "report, contained 39 recommendations directed at UNFPA. " + _NOT_RELEVANT,
    }),
})


libraries = libraries_fixture({"round13": ROUND13_DOCS, "round15": _DOCS, "round16": ROUND16_DOCS})


@pytest.mark.parametrize("library, question, lead, cited", [
    ("round13", "In which document is the list of participants of the 2025 United Nations Ocean Conference in Nice issued?",
     "A/CONF.230/2025/INF/2", "A/CONF.230/2025/L.2, para. 2"),
    ("round13", "Which Eastern European States were elected Vice-Presidents of the 2025 Ocean Conference in Nice?",
     "Armenia, Croatia and Poland", "A/CONF.230/2025/L.2, para. 8"),
    ("round13", "What share of the funding requested under Somalia's 2024 Humanitarian Needs and Response Plan was actually "
     "received?", "48 per cent", "S/2025/194, para. 49"),
    ("round13", "How much did UNICEF budget in 2023 for its Ukraine regional refugee response?", "$229.5 million",
     "E/ICEF/2025/AB/L.3, para. 42"),
    ("round13", "When did the Intergovernmental Negotiating Committee on a climate change convention hold the first part of its "
     "fifth session in 1992?", "18 to 28 February", "A/47/466, para. 4"),
    ("round13", "Which United Nations office is considering States' observations on rectifying certain language versions of the "
     "Framework Convention on Climate Change?", "Office of Legal Affairs", "A/47/466, para. 14"),
    ("round15", "Under which document symbol did the Board take note of the Ethics Office's annual report for 2023?",
     "WFP/EB.A/2024/4-B", "E/2025/36, para. 2"),
    ("round15", "Under which symbol was the WFP Ombudsman and Mediation Services' annual report for 2023 issued?",
     "WFP/EB.A/2024/4-C", "E/2025/36, para. 1"),
    ("round15", "Which document holds the rules of procedure that the Conference adopted at its first plenary meeting?",
     "A/CONF.230/2025/2", "A/CONF.230/2025/L.2, para. 11"),
    ("round15", "Which document held the agenda the Conference adopted at its first plenary meeting?",
     "A/CONF.230/2025/1", "A/CONF.230/2025/L.2, para. 12"),
    ("round15", "Which organization's representative introduced the report of the Intersecretariat Working Group on Household "
     "Surveys at the Statistical Commission's 2025 session?", "World Bank", "E/2025/24, para. 21"),
    ("round15", "At the Statistical Commission's fifty-sixth session, which organization's representative introduced the report on "
     "food security and nutrition data and statistics?", "Food and Agriculture Organization", "E/2025/24, para. 19"),
    # (the session's ordinal is in the title; "At the *5th* meeting" names no other session)
    ("round15", "How large are current adaptation finance gaps per year?",
     "US$203--388 billion", "CEB/2025/4, para. 7"),
    ("round15", "How many fugitive Rwandan génocidaires remain to be located and prosecuted by national authorities?",
     "more than 1,000", "A/80/275, para. 58"),
    ("round15", "How many social service facilities in Yemen did UNDP equip with solar power?", "107", "DP/2025/12, para. 33"),
    ("round15", "Of the recommendations directed at UNFPA in the five JIU reports issued in 2024, how many did UNFPA find not "
     "relevant to it?", "11", "DP/FPA/2025/4 (Part II), para. 38"),
    # round 16's rules (tests/test_answer_round16.py): T1518, T1607, T1611, T1612 and variants
    ("round16", "On what date was the World Down Syndrome Day conference held in 2021?",
     "17 March 2021", "E/C.2/2025/2/Add.5, para. 4"),
    ("round16", "With which coalition did REJADD-Togo issue a 2020 statement urging countries to impose a moratorium on "
     "executions?", "World Coalition Against the Death Penalty", "E/C.2/2025/2/Add.5, para. 16"),
    ("round16", "In which Human Rights Council resolution did the Council welcome the Indigenous rights Expert Mechanism's "
     "practice of setting aside time for updates on its past thematic studies?", "resolution 18/8",
     "A/HRC/EMRIP/2025/1, para. 6"),
    ("round16", "When did UNFPA's Humanitarian Response Division produce its 2021-2022 usage report on the fast-track "
     "procedures?", "January 2024", "DP/FPA/2025/2, para. 17"),
    ("round16", "How many members does the Credentials Committee of the 2025 Conference in Nice have under its rules of "
     "procedure?", "nine", "A/CONF.230/2025/L.2, para. 14"),
    ("round16", "How many members does the Congolese youth organization Tour opération et initiatives have?", None, None),
    # refused (lead None): a figure of another dealing; only people counted there; only speakers; some members only
    ("round13", "How much money did UNICEF recover in 2024 from the financial losses established by its investigations?",
     None, None),
    ("round15", "How many social service facilities in Gaza did UNDP equip with solar power in 2024?", None, None),
    ("round15", "How many observer States in all attended the Statistical Commission's fifty-sixth session?", None, None),
])
def test_a_small_library_answers_the_fact_its_paragraph_states_or_refuses(libraries, library, question, lead, cited):
    """The small libraries of rounds 13 and 15 (real paragraphs of their documents): the fact first and
    its paragraph cited, or no answer where no paragraph states it."""
    answer = libraries(library).ask(question)
    if lead is None:
        assert not answer.answered, answer.text
    else:
        assert_fact(answer, lead, cited, first=library != "round13")  # round 13 asked it within the first sentence
