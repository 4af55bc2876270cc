"""The fact side of the twenty-first session (h-r21ansfact, issue #19): classes of round 21's dev misses fixed.

- A year that dates the document the question names ("the draft *2025* ministerial declaration", "as recalled in the
  CSTD's 2025 WSIS resolution") is not the fact's year: the paragraph need not say it (``answer._DOCUMENT_YEAR``,
  ``answer._FRAME``). Before, a lower-case word between the year and the document's noun, or "as recalled in",
  left the year required, and the paragraph ("... Workforce 2030 ...", "... Kigali from 6 to 16 June 2022") was refused.
- A number counts the noun after a hyphened compound modifier ("418 humanitarian access-*related* incidents"): the
  counted phrase ran only to "access", another noun than "incidents" (``narrowing._phrase_end``).
- A title asked by its head noun takes its subtitle after a colon ("the Global *Strategy* on Human Resources for
  Health: *Workforce 2030*", ``name_heads._SUBTITLE``).
- Of two shares of one whole, the one whose own verb phrase says what the question asks: "68 per cent of the world's
  population *were using the Internet*", not "96 per cent ... were living within range of a mobile broadband network"
  (``span_scores._SHARE_DOING``).
- "Who presented for X" asks who did a deed, not who held an office (``roles._NO_OFFICE``).
- "Which annexes" asks a label: "Annexes II and III" (``answer_types._label_asked``, ``_LABEL_RE``).

Paragraphs are copied from A/79/797, E/2025/L.16, E/2025/42, DP/FPA/2025/4 (Part II) and E/2025/31 (draft resolution I)."""

from __future__ import annotations

import pytest

from ingest.models import Chunk
from search.answer import _frame_only_stems, source_frames
from search.answer_types import Span, question_type, typed_spans
from search.name_heads import whole_names
from search.narrowing import _phrase_end
from search.roles import question_role
from search.span_scores import _SHARE_DOING, _governed_by
from search.terms import tokenize

from paragraph_library import asked, index_chunks

_ACCESS = ("Humanitarian access remained challenging, with 418 humanitarian access-related incidents recorded from October "
           "to December 2024, a 5 per cent increase from the same period in 2023. The primary challenge was interference in "
           "humanitarian activities by the de facto authorities, accounting for 86 per cent of incidents. Other challenges "
           "included movement restrictions (18 incidents) and violence against humanitarian workers (29 incidents), "
           "including 17 detentions in which 41 humanitarian workers were detained, physical environment (5 incidents) and "
           "ongoing military operations (1 incident). These incidents led to the temporary suspension of 161 activities "
           "across various regions, marking a 25 per cent decrease compared with the previous reporting period. "
           "Gender-related access incidents increased to 31 reported in December 2024, as compared to 18 reported in "
           "November 2024.")
_WORKFORCE = ("We commit to accelerate action to address the global shortfall of health workers and encourage the development "
              "of nationally costed health workforce plans in accordance with the Global Strategy on Human Resources for "
              "Health: Workforce 2030 by investing in education, employment and retention, strengthening the institutional "
              "capacity for health workforce governance, leadership, data and planning, addressing causes of health worker "
              "migration as well as departure from the health workforce and protecting and supporting all health workers "
              "from all forms of discrimination, harassment, violence and attacks, and to promote a decent and safe working "
              "environment and conditions at all times as well as ensure their physical and mental health.")
_PRESENTERS = ("Also at the 5th meeting, presentations were made by the Inspector General of Forests at the Ministry of "
               "Environment, Forest and Climate Change of India, Raghu Prasad, the Executive Director of the International "
               "Tropical Timber Organization, Sheam Satkuru, the Professor at Yale School of the Environment, Eli Fenichel, "
               "and the Lead Economist at The Nature Conservancy, Priya Shyamsundar.")
_ANNEXES = ("Annexes II and III of the present report provide an update on the implementation status of the most recent "
            "recommendations from the 2022 and 2023 reports (received in 2023) and those from the 2021 reports.")
_INTERNET = ("Welcomes the fact that the rapid growth in access to mobile telephony and broadband Internet has further "
             "accelerated during the coronavirus disease (COVID-19) pandemic, so that in 2024, 96 per cent of the world’s "
             "population were living within range of a mobile broadband network and 5.5 billion people or 68 per cent of "
             "the world’s population were using the Internet, in line with the World Summit targets; the value of this "
             "progress is enhanced by the advent of new electronic and mobile services and applications for health, "
             "agriculture, education, business, development, financial and government services, civic participation and "
             "transactional services, which offer great potential for the development of the information society;")
_KIGALI = ("Recalls the holding of the World Telecommunication Development Conference, organized by the International "
           "Telecommunication Union in Kigali from 6 to 16 June 2022;")

_WSIS = "Taking stock: reviewing the implementation of the outcomes of the World Summit on the Information Society"
_CHUNKS = [
    (Chunk("A/79/797", "paragraph", 64, _ACCESS, section=("V. Humanitarian assistance",)),
     "The situation in Afghanistan and its implications for international peace and security (Report of the "
     "Secretary-General)"),
    (Chunk("E/2025/L.16", "paragraph", 38, _WORKFORCE, section=("Goal 3. Ensure healthy lives and promote well-being for "
                                                                "all at all ages",)),
     "Ministerial declaration of the high-level segment of the 2025 session of the Economic and Social Council and the "
     "2025 high-level political forum on sustainable development"),
    (Chunk("E/2025/42", "paragraph", 12, _PRESENTERS, section=("Presentations",)),
     "United Nations Forum on Forests (Report on the twentieth session (10 May 2024 and 5–9 May 2025))"),
    (Chunk("DP/FPA/2025/4 (Part II)", "paragraph", 40, _ANNEXES, section=("III. Status of UNFPA implementation of Joint Inspection "
                                                                "Unit recommendations",)),
     "United Nations Population Fund (Report on the recommendations of the Joint Inspection Unit in 2024)"),
    (Chunk("E/2025/31", "paragraph", 29, _INTERNET, section=(_WSIS,), part="draft resolution I"),
     "Commission on Science and Technology for Development (Report on the twenty-eighth session (7–11 April 2025))"),
    (Chunk("E/2025/31", "paragraph", 58, _KIGALI, section=(_WSIS,), part="draft resolution I"),
     "Commission on Science and Technology for Development (Report on the twenty-eighth session (7–11 April 2025))"),
]


def test_a_year_that_dates_the_named_document_is_no_year_of_the_fact():
    framed = _frame_only_stems("Under which global strategy does the draft 2025 ministerial declaration encourage "
                               "countries to develop costed national health workforce plans?")
    assert "2025" in framed
    # a year that dates the fact stays required, whatever document follows
    assert "2024" not in _frame_only_stems("How many incidents were recorded in 2024 the report says?")
    assert "2023" not in _frame_only_stems("What share of the world's population was using the Internet in 2023, according "
                                           "to the CSTD's 2025 draft resolution?")
    rest, frames = source_frames("In which city did the ITU hold its conference in June 2022, as recalled in the CSTD's "
                                 "2025 WSIS resolution?")
    assert frames and "2025" in frames[0] and "2022" in rest


def test_a_hyphened_compound_modifier_does_not_end_the_counted_phrase():
    at = _ACCESS.index("418") + 3
    assert _ACCESS[at:_phrase_end(_ACCESS, at)].strip() == "humanitarian access-related incidents"
    other = "including 17 detentions in which 41 humanitarian workers were detained"
    at = other.index("17") + 2
    assert other[at:_phrase_end(other, at)].strip() == "detentions"


def test_a_title_asked_by_its_head_noun_takes_its_subtitle():
    start, colon = _WORKFORCE.index("Global Strategy"), _WORKFORCE.index(":")
    nouns = {tokenize(["strategy"])[0][0].stem}
    grown = whole_names([Span(_WORKFORCE[start:colon], "instrument", start, colon)], _WORKFORCE, nouns)
    assert [sp.text for sp in grown] == ["Global Strategy on Human Resources for Health: Workforce 2030"]
    text = "in line with the Convention: States parties shall report"
    at = text.index("Convention")
    assert whole_names([Span("Convention", "instrument", at, at + 10)], text, {tokenize(["convention"])[0][0].stem}
                       )[0].text == "Convention"  # a clause after the colon, no subtitle


def test_a_share_is_what_its_own_verb_phrase_says():
    qstems = {t.stem for t in tokenize(["share world's population using Internet 2024"])[0]}
    for figure, own in (("68 per cent", True), ("96 per cent", False)):
        at = _INTERNET.index(figure)
        span = Span(figure, "percent", at, at + len(figure))
        assert _governed_by(_INTERNET, span, qstems, _SHARE_DOING) is own


def test_who_presented_asks_a_deed_not_an_office():
    role = question_role("Who presented for the International Tropical Timber Organization at the 5th meeting of the "
                         "Forum on Forests' 2025 session?")
    assert role is None or role.kind == "deed"
    assert question_role("Who chaired the twentieth session of the Forum?").kind == "office"


def test_which_annexes_asks_a_label():
    qtype = question_type("Which annexes of UNFPA's 2025 report on the Joint Inspection Unit give the implementation "
                          "status of the recommendations?")
    assert qtype.slots == (("label",),)
    assert [sp.text for sp in typed_spans(_ANNEXES, ["label"], [])] == ["Annexes II and III"]
    assert [sp.text for sp in typed_spans("as set out in annex IV, in line with Goal 5 and article vi", ["label"], [])] \
        == ["annex IV", "Goal 5"]  # an annex's number is upper case


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    from search import Searcher

    searcher = Searcher.open(index_chunks(tmp_path_factory.mktemp("facts21"), _CHUNKS))
    yield searcher
    searcher.close()


@pytest.mark.parametrize("question, fact, citation", [
    ("How many incidents related to humanitarian access were recorded from October to December 2024?", "418",
     "A/79/797, para. 64"),
    ("Under which global strategy does the draft 2025 ministerial declaration encourage countries to develop costed "
     "national health workforce plans?", "Workforce 2030", "E/2025/L.16, para. 38"),
    ("Who presented for the International Tropical Timber Organization at the 5th meeting?", "Sheam Satkuru",
     "E/2025/42, para. 12"),
    ("Which annexes of the 2025 report give the implementation status of the recommendations from the 2022 and 2023 "
     "reports?", "Annexes II and III", "DP/FPA/2025/4 (Part II), para. 40"),
    ("What share of the world's population was using the Internet in 2024?", "68 per cent",
     "E/2025/31, draft resolution I, para. 29"),
    ("In which city did the International Telecommunication Union hold its World Telecommunication Development Conference "
     "in June 2022, as recalled in the 2025 resolution on the Information Society?", "Kigali",
     "E/2025/31, draft resolution I, para. 58"),
])
def test_round21_facts_answered(library, question, fact, citation):
    got = asked(library, question)
    assert got is not None and fact in got[0] and got[1] == citation, got


@pytest.mark.parametrize("question", [
    # another year than the paragraph's, or than the document's: still refused
    "What share of the world's population was using the Internet in 2023?",
    "How many incidents related to humanitarian access were recorded from October to December 2022?",
    "In which city did the International Telecommunication Union hold its World Telecommunication Development Conference "
    "in June 2019, as recalled in the 2025 resolution on the Information Society?",
    "Under which global strategy does the draft 2025 ministerial declaration encourage countries to develop costed "
    "national health workforce plans by 2028?",
])
def test_another_year_still_refused(library, question):
    assert asked(library, question) is None
