"""The refusal gates of the eighteenth session (h-r18ansgate, issue #19): what the names gate and the focus gate got
wrong in general, each rule on real paragraphs, both sides (an answerable question passes; one about the same subject
that the paragraph does not answer is still refused):

- a document's own short forms: "the decision by the Executive Council (the Council)" and later "the 108th Session of
  the Council" names the OPCW Executive Council (C710); "the OAS/United Nations International Civilian Mission
  (MICIVIH)" and later "MICIVIH" names the OAS (E919) — ``search.short_forms``;
- a paragraph that opens by pointing back ("The voter turnout was reported to be ...") goes on from the chunk right
  before it, which names what it omits ("48 of the 120 seats in the Assembly" of Kosovo: P18); not two chunks up;
- a year in what a figure is compared with ("slightly lower than during the previous elections in February 2021") is
  no year of the figure (P18);
- word families in the focus: "decolonization" is said by "Colonial" / "Colonialism" (E1136, T1305), "advice" by
  "Advisory" (P25); "draft" says the document's kind, not its subject (E822).

Paragraphs are copied from S/2025/258, S/2025/200, A/AC.109/2025/L.1, E/2025/57, A/52/687 and E/2025/L.27."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import _own_stems, word_forms
from search.evidence import ScoredSentence, Sentence
from search.short_forms import ShortForm, defined_in, named_by_short_form
from search.terms import tokenize

from paragraph_library import asked, sectioned_library_fixture

_OPCW = "Report by the Director General of the Organisation for the Prohibition of Chemical Weapons"
_OPCW_1 = ("In accordance with subparagraph 2(f) of the decision by the Executive Council (the Council) at its Thirty-Third "
           "Meeting (EC-M-33/DEC.1, dated 27 September 2013), the Technical Secretariat (the Secretariat) is to report to "
           "the Council on a monthly basis regarding the implementation of that decision. In accordance with paragraph 12 "
           "of United Nations Security Council resolution 2118 (2013), the report by the Secretariat is also to be "
           "submitted to the Security Council through the Secretary-General.")
_OPCW_29 = ("On 5 March 2025, the Syrian caretaker Foreign Minister, Mr Asaad Hassan al-Shaibani, delivered an in-person "
            "statement at the 108th Session of the Council (EC-108/4). In his statement, the caretaker Foreign Minister "
            "reaffirmed the commitment of the Syrian transitional government to dismantle any remains of the chemical "
            "weapons programme developed under the previous regime, as well as to ensure that justice is achieved for "
            "the victims, and to establish solid international standards to prevent the recurrence of chemical weapons use.")
_OPCW_3 = ("The Council, at its Forty-Eighth Meeting, adopted a decision entitled “Reports of the OPCW Fact-Finding Mission in "
           "Syria” (EC-M-48/DEC.1, dated 4 February 2015), noting the Director-General’s intent to include reports of the "
           "OPCW Fact-Finding Mission in Syria (FFM), along with information on the Council’s discussion thereof, as part "
           "of the monthly reporting pursuant to United Nations Security Council resolution 2118 (2013).")
_KOSOVO = "II. Key political developments, including in the European Union-facilitated dialogue"
_KOSOVO_10 = ("The observer delegation of the Parliamentary Assembly of the Council of Europe noted that the representation "
              "of women had remained low in Kosovo and that online hate speech against women had a detrimental effect on "
              "their participation and visibility in this election. It further noted that the outdated voters’ list was a "
              "result of inaccuracies in the civil register, leading to a lack of confidence and fear of possible "
              "manipulation.")
_KOSOVO_11 = ("On 15 March, the Central Election Commission announced the results, following the conclusion of the "
              "complaints and appeals process. The incumbent Vet ёvendosje Party obtained 41.63 per cent of votes (48 of "
              "the 120 seats in the Assembly). The Democratic Party of Kosovo received 20.95 per cent (24 seats), the "
              "Democratic League of Kosovo 18.27 per cent (20 seats), and the coalition of the Alliance for the Future of "
              "Kosovo and Initiative for Kosovo 7.06 per cent (five plus three seats). The Serbian List Party secured 4.26 "
              "per cent of votes and won 9 out of the 10 seats guaranteed for Kosovo Serbs. The election also saw women "
              "secure 45 seats in the legislature, compared with 44 in the 2021 elections (37.5 per cent compared with 36.6 "
              "per cent), exceeding the 30 per cent gender quota.")
_KOSOVO_12 = ("The voter turnout was reported to be 46.54 per cent, slightly lower than during the previous elections in "
              "February 2021 (48.78 per cent).")
_C24 = ("As at 1 January 2025, the Special Committee will be composed of the following 29 members: Antigua and Barbuda, "
        "Bolivia (Plurinational State of), Chile, China, Congo, Côte d’Ivoire, Cuba, Dominica, Ecuador, Ethiopia, Fiji, "
        "Grenada, India, Indonesia, Iran (Islamic Republic of), Iraq, Mali, Nicaragua, Papua New Guinea, Russian "
        "Federation, Saint Kitts and Nevis, Saint Lucia, Saint Vincent and the Grenadines, Sierra Leone, Syrian Arab "
        "Republic, Timor-Leste, Tunisia, United Republic of Tanzania and Venezuela (Bolivarian Republic of).")
_EVAL = ("The General Assembly, in its resolution 79/257, endorsed the report of the Advisory Committee on Administrative "
         "and Budgetary Questions (A/79/7), which recommended against the proposed conversion of extrabudgetary resources "
         "to regular budget funding in 2025. Consequently, the Office continues to rely on extrabudgetary resources, with "
         "a revised budget of $3.01 million for 2025.")
_EVAL_34 = ("In parallel to the evaluation, the System-wide Evaluation Office conducted a value-for-money assessment to "
            "respond to observations made by the European Court of Auditors and provide inputs on the evaluation.")
_HAITI_1 = ("The present report is submitted pursuant to paragraph 4 of General Assembly resolution 51/196 B of 31 July "
            "1997, in which the Assembly requested me to submit a report no later than 30 November 1997 on the "
            "implementation of the resolution and the ways in which the international community could continue to assist "
            "Haiti in the areas of institution-building and human rights. Prepared in consultation with the Organization "
            "of American States (OAS), the report contains a review of the overall context in which the OAS/United "
            "Nations International Civilian Mission (MICIVIH) functions and an overview of the activities of MICIVIH with "
            "regard, in particular, to the institutional development of the police, prisons and judiciary and the "
            "promotion of civic education.")
_HAITI_20 = ("MICIVIH continued to work in close collaboration with the Ministry of Justice, and provide input into "
             "conceptualizing, planning and promoting judicial reform, both at government level and in public forums. "
             "MICIVIH facilitated the visit to Haiti of three Argentine penal experts to assist the Commission in the "
             "preparation of two key policy documents.")
_L27 = ("Requests the Secretary-General to submit to the General Assembly at its eighty-first session, through the "
        "Economic and Social Council, a report on the implementation of the present resolution and to continue to "
        "include in the report of the United Nations Special Coordinator an update on the living conditions of the "
        "Palestinian people, in collaboration with relevant United Nations agencies;")

_L27_13 = ("Calls for accountability for the illegal actions perpetrated by Israeli settlers in the Occupied Palestinian "
           "Territory, including East Jerusalem, and recalls in this regard Security Council resolution 904 (1994) of 18 "
           "March 1994 and stresses the need for its implementation;")

# symbol -> (title, [(part, number, section, text)])
_DOCS = {
    "S/2025/258": ("Letter dated 28 April 2025 from the Secretary-General addressed to the President of the Security "
                   "Council", [("enclosure", 1, (_OPCW, "Progress in the elimination of the Syrian chemical weapons "
                                                         "programme"), _OPCW_1),
                               ("enclosure", 3, (_OPCW, "Progress in the elimination of the Syrian chemical weapons "
                                                         "programme"), _OPCW_3),
                               ("enclosure", 29, (_OPCW, "Other activities carried out by the Technical Secretariat with "
                                                         "respect to the Syrian Arab Republic"), _OPCW_29)]),
    "S/2025/200": ("United Nations Interim Administration Mission in Kosovo (Report of the Secretary-General)",
                   [("", 10, (_KOSOVO,), _KOSOVO_10), ("", 11, (_KOSOVO,), _KOSOVO_11), ("", 12, (_KOSOVO,), _KOSOVO_12)]),
    "A/AC.109/2025/L.1": ("Organization of work: relevant resolutions and decisions of the General Assembly (Note by "
                          "the Secretary-General)", [("", 14, ("II. General resolutions on the implementation of the "
                                                               "Declaration on the Granting of Independence to Colonial "
                                                               "Countries and Peoples",), _C24)]),
    "E/2025/57": ("United Nations Sustainable Development Group System-wide Evaluation Office (Report of the Executive "
                  "Director)", [("", 13, ("I. Introduction",), _EVAL),
                                ("", 34, ("III. Programme of work in 2024",), _EVAL_34)]),
    "A/52/687": ("THE SITUATION OF DEMOCRACY AND HUMAN RIGHTS IN HAITI (Report of the Secretary-General)",
                 [("", 1, ("I. INTRODUCTION",), _HAITI_1),
                  ("", 20, ("IV. INSTITUTION-BUILDING AND HUMAN RIGHTS MONITORING", "C. System of justice"), _HAITI_20)]),
    "E/2025/L.27": ("Economic and social repercussions of the Israeli occupation on the living conditions of the "
                    "Palestinian people in the Occupied Palestinian Territory, including East Jerusalem, and the Arab "
                    "population in the occupied Syrian Golan", [("", 13, (), _L27_13), ("", 21, (), _L27)]),
}


library = sectioned_library_fixture(_DOCS, "gates18")


def _hit(text: str, title: str = "", section: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(text=text, title=title, section=section)


def _own_years(sentence: str) -> list[str]:
    hit = SimpleNamespace(symbol="S/2025/200", citation="S/2025/200, para. 12", text=sentence, section=(), title="")
    s = ScoredSentence(hit, Sentence(sentence, 0, len(sentence)), tuple(tokenize([sentence])[0]), 0.5, 0.5, 0.5)
    return sorted(st for st in _own_stems(s) if len(st) == 4 and st.isdigit())


def _forms(word: str) -> list[str]:
    return sorted(word_forms(word, tokenize([word])[0][0].stem))


_OPCW_Q = "Who delivered Syria's statement at the 108th Session of the OPCW Executive Council?"
_KOSOVO_Q = "What was the voter turnout in the 2025 Kosovo Assembly elections?"


@pytest.mark.parametrize("rule, got, want", [
    # a document's short forms (C710, E919)
    ("worded short forms", lambda lib: defined_in(_OPCW_1),
     (ShortForm("Council", "Executive Council", True), ShortForm("Secretariat", "Technical Secretariat", True))),
    ("an acronym that spells nothing", lambda lib: defined_in(_HAITI_1),
     (ShortForm("OAS", "Organization of American States", False),
      ShortForm("MICIVIH", "OAS/United Nations International Civilian Mission", False))),
    ("MICIVIH names the OAS", lambda lib: named_by_short_form(_hit(_HAITI_20), "OAS", (), defined_in(_HAITI_1)), True),
    ("the defining paragraph names it in full", lambda lib: named_by_short_form(_hit(_HAITI_1), "OAS", (),
                                                                                  defined_in(_HAITI_1)), False),
    ("MICIVIH names no UNDP", lambda lib: named_by_short_form(_hit(_HAITI_20), "UNDP", (), defined_in(_HAITI_1)), False),
    ("the Council under the OPCW's heading", lambda lib: named_by_short_form(
        _hit(_OPCW_29, section=(_OPCW,)), "OPCW Executive Council", (), defined_in(_OPCW_1)), True),
    ("the Council is no Conference", lambda lib: named_by_short_form(
        _hit(_OPCW_29, section=(_OPCW,)), "OPCW Conference of the States Parties", (), defined_in(_OPCW_1)), False),
    ("the Council's long form needs the OPCW said", lambda lib: named_by_short_form(
        _hit(_OPCW_29), "OPCW Executive Council", (), defined_in(_OPCW_1)), False),
    ("the Executive Council", lambda lib: asked(lib, _OPCW_Q), ("Asaad Hassan al-Shaibani",
                                                                 "S/2025/258, enclosure, para. 29")),
    ("another OPCW organ", lambda lib: asked(lib, _OPCW_Q.replace("Executive Council", "Conference of the States "
                                                                                         "Parties")), None),
    # a paragraph pointing back, and the year of what a figure is compared with (P18)
    ("the year compared with", lambda lib: _own_years(_KOSOVO_12), []),
    ("a year of its own", lambda lib: _own_years("The voter turnout in 2021 was 48.78 per cent."), ["2021"]),
    ("the Kosovo Assembly elections", lambda lib: asked(lib, _KOSOVO_Q), ("46.54 per cent", "S/2025/200, para. 12")),
    ("two chunks up is no name of its", lambda lib: asked(
        lib, "What was the voter turnout in the 2025 Parliamentary Assembly of the Council of Europe elections?"), None),
    # word families in the focus (E1136, T1305, P25), and the document's kind (E822)
    ("decolonization", lambda lib: _forms("decolonization"), ["colon", "decolon"]),
    ("advice", lambda lib: _forms("advice"), ["advic", "advis"]),
    ("no undoing", lambda lib: _forms("determination"), ["determin"]),
    ("the Special Committee on decolonization", lambda lib: asked(
        lib, "How many members does the Special Committee on decolonization have as of 1 January 2025?"),
     ("29 members", "A/AC.109/2025/L.1, para. 14")),
    ("another Special Committee", lambda lib: asked(
        lib, "How many members does the Special Committee on Peacekeeping Operations have as of 1 January 2025?"), None),
    ("the Advisory Committee's advice", lambda lib: asked(
        lib, "In which resolution did the General Assembly endorse the Advisory Committee's advice on funding the "
             "System-wide Evaluation Office?"), ("resolution 79/257", "E/2025/57, para. 13")),
    ("another body's advice", lambda lib: asked(
        lib, "In which resolution did the General Assembly endorse the Joint Inspection Unit's advice on funding the "
             "System-wide Evaluation Office?"), None),
    ("a draft resolution", lambda lib: asked(
        lib, "In the 2025 ECOSOC draft resolution on the economic and social repercussions of the Israeli occupation, at "
             "which General Assembly session is the Secretary-General asked to report on its implementation?"),
     ("eighty-first session", "E/2025/L.27, para. 21")),
])
def test_gates_round18(library, rule, got, want):
    """Each rule on a real paragraph (or over the small library): what it gives."""
    assert got(library) == want, rule
