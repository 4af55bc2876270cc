"""The refusal side of the nineteenth session (h-r19ansref, issue #19): unanswerable questions that `ask` answered
with a fact of the asked type about the asked subject, each class refused now, and its answerable side kept:

- a superlative or "last" asked, said by no ranking word of the sentence: "Which funding partner made the *largest*
  contribution to UNCDF" is not answered by "UNCDF received $2.8 million from UNDP" (blind9 EU903), "did the Special
  Committee *last* send a visiting mission" not by a resolution's year (blind11 EU1118) — ``search.superlatives``;
- "when *will* it be held" answered by a year before the document was written ("Europe's progress since 1945" in a
  2025 report: fresh FU07) — ``search.future``; and "The 2030 Agenda" is a name, not a date (its "The" capitalized);
- a count that is an item's number inside a sentence ("...: 1. Challenges ...; 2. Challenges ...": blind11 EU1106);
- "how many *people* were killed" answered by a number of things ("between two *forces*": blind19 TU1910), and "how
  many *Member States*" by a number of people with a word between ("more than a thousand *Iranian* people": blind11
  EU1113) — ``answer._answer_spans``.

Paragraphs are copied from S/2025/223, A/79/985, DP/2025/26, DP/2025/19, E/HLPF/2025/3/Add.3 and A/AC.109/2025/L.1."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import _PEOPLE_AFTER, counted_noun
from search.answer_types import Span
from search.evidence import ScoredSentence, Sentence
from search.future import asks_future, before_document
from search.span_scores import _ruled_out
from search.superlatives import asked_rank, ranks
from search.terms import tokenize

from paragraph_library import asked, sectioned_library_fixture

_TRIPOLI = ("On 22 January, armed clashes over territorial control broke out in Tripoli between two forces affiliated with "
            "the Government of National Unity, reportedly resulting in injuries and damage to civilian property. The "
            "clashes ended on 23 January after the parties reportedly reached an agreement brokered by the Attorney "
            "General. On 30 January, the deployment of the Misratah-based Counter-Terrorism Force to Tripoli resulted in "
            "heightened tensions with Tripoli-based armed groups aligned with the Government of National Unity. In "
            "addition, on 26 February, armed clashes erupted in Janzur between a local armed group and the 52nd Battalion, "
            "which is affiliated with the Western Coast Military Region. On 28 February, the Attorney General ordered the "
            "detention of seven individuals on charges of blocking a public road and endangering citizens in Janzur.")
_FRIENDS = ("I convey warm greetings on behalf of the Group of Friends in Defense of the Charter of the United Nations, "
            "whose Member States are compelled to write to you in connection with the unprovoked and premeditated heinous "
            "attacks against the Islamic Republic of Iran, perpetrated by Israel since 13 June 2025, killing more than a "
            "thousand Iranian people, including women and children, while leaving thousands injured.")
_UNCDF = ("In addition, UNCDF received $2.8 million (2023: $2.7 million) from the United Nations Development Programme "
          "(UNDP) towards the UNCDF institutional budget that funded management expenditures, including rent; and $1.2 "
          "million (2023: $1.2 million) towards the UNCDF programme budget that funded technical expenditures.")
_UNV = ("The United Nations Development Programme (UNDP) saw the highest number of United Nations Volunteers (4,161) among "
        "all United Nations entities. They were deployed in 130 countries and accounted for 13 per cent of the overall "
        "UNDP workforce.")
_ECE_10 = ("In his opening remarks, the President of the Economic and Social Council highlighted the significance of the "
           "eightieth anniversary of the United Nations and the tenth anniversary of the Sustainable Development Goals, "
           "urging reflection on Europe’s progress since 1945. He emphasized the urgent need to address challenges such "
           "as climate change, gender equality and displacement, stressing that global solidarity and multilateralism "
           "are vital.")
_ECE_12 = ("The Executive Secretary of the Economic Commission for Europe reaffirmed the region’s collective commitment to "
           "the 2030 Agenda, despite ongoing global instability, conflict and overlapping crises. The 2030 Agenda provides "
           "solutions to the challenges that the region is facing. Progress on the Sustainable Development Goals is "
           "slowing, with only 21 of 169 Goal targets on track in the region.")
_C24_12 = ("At its seventy-ninth session, the General Assembly, after considering the report of the Special Committee "
           "(A/79/23), adopted resolution 79/114 of 4 December 2024, in which it approved the report covering the Special "
           "Committee’s work during 2024, including the programme of work envisaged for 2025, and requested the Special "
           "Committee to continue to seek suitable means for the immediate and full implementation of the Declaration, "
           "and in particular: (e) To continue to dispatch visiting and special missions to the Non-Self-Governing "
           "Territories in accordance with the relevant resolutions on decolonization.")

_DOCS = {
    "S/2025/223": ("United Nations Support Mission in Libya (Report of the Secretary-General)",
                   [(22, ("II. Political, security-related and economic developments", "C. Security situation",
                          "Tripoli and western region"), _TRIPOLI)]),
    "A/79/985": ("Letter dated 21 July 2025 from the Chargé d’affaires a.i. of the Permanent Mission of the Bolivarian "
                 "Republic of Venezuela to the United Nations addressed to the Secretary-General", [(1, (), _FRIENDS)]),
    "DP/2025/26": ("Annual review of the financial situation of the United Nations Capital Development Fund, 2024 (Report "
                   "of the Managing Director)", [(9, ("II. Financial highlights for 2024", "D. Others"), _UNCDF)]),
    "DP/2025/19": ("United Nations Volunteers programme (Annual Report of the Administrator)",
                   [(8, ("I. Highlights of results achieved in 2024",), _UNV)]),
    "E/HLPF/2025/3/Add.3": ("Report of the Regional Forum on Sustainable Development for the Economic Commission for "
                            "Europe Region on its ninth session (Note by the Secretariat)",
                            [(10, ("II. Opening of the session and adoption of the agenda",), _ECE_10),
                             (12, ("II. Opening of the session and adoption of the agenda",), _ECE_12)]),
    "A/AC.109/2025/L.1": ("Organization of work: relevant resolutions and decisions of the General Assembly (Note by "
                          "the Secretary-General)", [(12, ("II. General resolutions on the implementation of the "
                                                           "Declaration on the Granting of Independence to Colonial "
                                                           "Countries and Peoples",), _C24_12)]),
}


library = sectioned_library_fixture(_DOCS, "refusal19")


def _scored(sentence: str) -> ScoredSentence:
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", text=sentence, section=(), title="", entities=())
    return ScoredSentence(hit, Sentence(sentence, 0, len(sentence)), tuple(tokenize([sentence])[0]), 0.5, 0.5, 0.5)


def _counted(sentence: str, number: str) -> str:
    start = sentence.index(number)
    return counted_noun(_scored(sentence), Span(number, "count", start, start + len(number)))


def _year_in_name(sentence: str, year: str) -> bool:
    start = sentence.index(year)
    return _ruled_out(Span(year, "date", start, start + len(year)), _scored(sentence), [], set(), ("date",), "", None,
                      (), 0)


def _count_ruled_out(sentence: str, number: str) -> bool:
    start = sentence.index(number)
    return _ruled_out(Span(number, "count", start, start + len(number)), _scored(sentence), [], set(), ("count",), "",
                      None, (), 0)


@pytest.mark.parametrize("rule, got, want", [
    # a superlative or "last" asked (EU903, EU1118), and the fixed terms that hold such words
    ("largest", lambda: asked_rank("Which funding partner made the largest contribution to UNCDF in 2024?"), (True, False)),
    ("the most", lambda: asked_rank("Which UN entity hosted the most UN Volunteers in 2024?"), (True, False)),
    ("last, the adverb", lambda: asked_rank("In what year did the Special Committee last send a visiting mission?"),
     (False, True)),
    ("least developed", lambda: asked_rank("In how many least developed countries did UNCDF run programmes?"),
     (False, False)),
    ("at least one", lambda: asked_rank("How many countries have ratified at least one of the four instruments?"),
     (False, False)),
    ("most of", lambda: asked_rank("Where did most of Oceania's new migrants come from between 2010 and 2013?"),
     (False, False)),
    ("how long will it last", lambda: asked_rank("How long will the eighteenth session of the Expert Mechanism last?"),
     (False, False)),
    ("the last session", lambda: asked_rank("When was the last session of the Committee held?"), (False, False)),
    ("most recent", lambda: asked_rank("What is the most recent report of the Board?"), (False, False)),
    ("a ranking said", lambda: ranks(_UNV, (True, False)), True),
    ("no ranking said", lambda: ranks(_UNCDF, (True, False)), False),
    ("no recency said", lambda: ranks(_C24_12, (False, True)), False),
    ("recency said", lambda: ranks("The last visiting mission was dispatched to Tokelau in 2002.", (False, True)), True),
    # the future asked (FU07)
    ("when will", lambda: asks_future("When will the tenth session of the Regional Forum be held?"), True),
    ("in which year will", lambda: asks_future("In which year will the new headquarters be completed?"), True),
    ("when was", lambda: asks_future("When was the Regional Forum held?"), False),
    ("1945 before a 2025 report", lambda: before_document("1945", 2025), True),
    ("the report's year", lambda: before_document("June 2025", 2025), False),
    ("a period reaching the report's year", lambda: before_document("2024-2025", 2025), False),
    ("no year", lambda: before_document("March", 2025), False),
    ("a year in a name", lambda: _year_in_name("The 2030 Agenda provides solutions to the challenges.", "2030"), True),
    ("a year in a name, lower case", lambda: _year_in_name("It is committed to the 2030 Agenda.", "2030"), True),
    ("a year of its own", lambda: _year_in_name("In 2030 Member States will meet again.", "2030"), False),
    # counts of people and of things (TU1910, EU1113)
    ("two forces", lambda: _counted(_TRIPOLI, "two"), "forces"),
    ("seven individuals", lambda: _counted(_TRIPOLI, "seven"), "individuals"),
    ("a word between", lambda: bool(_PEOPLE_AFTER.match(" thousand Iranian people, including", 9)), True),
    ("people right after", lambda: bool(_PEOPLE_AFTER.match(" people", 0)), True),
    # an item's number inside a sentence (EU1106)
    ("an item's number", lambda: _count_ruled_out("The agenda of the seminar is as follows: 1. Challenges of "
                                                  "decolonization; 2. Challenges in the Caribbean region.", "2"), True),
    ("the first item", lambda: _count_ruled_out("The agenda is as follows: 1. Challenges of decolonization.", "1"), True),
    ("an item's number the splitter left at the end", lambda: _count_ruled_out(
        "Non-Self-Governing Territories in the United Nations decolonization process. 2.", "2"), True),
    ("a count at the end", lambda: _count_ruled_out("The number of members rose to 29.", "29"), False),
    ("a count", lambda: _count_ruled_out("The Committee adopted 2 decisions. It met twice.", "2"), False),
    ("a decimal", lambda: _count_ruled_out("Growth was 2.5 per cent.", "2"), False),
    ("people further on", lambda: bool(_PEOPLE_AFTER.match(" schools in which people", 0)), False),
])
def test_rules_round19(rule, got, want):
    """Each rule on a real sentence or question: what it gives."""
    assert got() == want, rule


@pytest.mark.parametrize("question, want", [
    ("Which funding partner made the largest contribution to UNCDF in 2024?", None),
    ("How much did UNCDF receive from UNDP towards its institutional budget in 2024?",
     ("$2.8 million", "DP/2025/26, para. 9")),
    ("Which UN entity hosted the most UN Volunteers in 2024?",
     ("United Nations Development Programme (UNDP)", "DP/2025/19, para. 8")),
    ("In what year did the Special Committee on decolonization last send a visiting mission to a Non-Self-Governing "
     "Territory?", None),
    ("When will the tenth session of the Regional Forum on Sustainable Development for the ECE Region be held?", None),
    ("How many people were killed in the armed clashes that broke out in Tripoli on 22 January 2025, according to the "
     "Secretary-General's April 2025 report on UNSMIL?", None),
    ("How many Member States belong to the Group of Friends in Defense of the Charter of the United Nations?", None),
])
def test_refused_or_answered_round19(library, question, want):
    """End to end over the small library: the trap refused, the fact beside it still answered."""
    assert asked(library, question) == want
