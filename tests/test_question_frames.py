"""One notion of a question's frame (``search.question_frames``, twenty-second session, h-r22frames) and the year
forms of UN text that the year rule (``search.asked_years``) read as another year (traps22's dev half):

- a question's attributions and its documents' dates are not the time of its fact, whichever rule reads it: the fact
  part's words (``search.answer``), the years and months asked, whether a document is asked about (``search.changes``);
- "the previous year" in the figure's clause is the year before the sentence's own (E/2025/65 para. 58), before its
  context's opening frame (A/80/1 para. 45) or before the years its document reports on (E/ICEF/2025/AB/L.3 para. 56);
- a year of when something named was made ("the initiative *launched in 2019*", "plans *adopted in 2024*") dates no
  figure (DP/2025/12 para. 71, UNW/2025/2 para. 25); "as of 2018" asked is a point, not every year since.

Sentences are copied from those documents."""

from __future__ import annotations

import pytest

from search.answer import _frame_only_stems, source_frames
from search.asked_months import another_period
from search.asked_years import another_year, asked_years, years_of
from search.changes import document_date
from search.question_frames import document_dates, fact_time_text

_UK = ("The economy of the United Kingdom is now projected to expand by 0.9 per cent in 2025, 0.3 percentage points lower "
       "than the January forecast and slightly below the 1.1 per cent growth of the previous year.")
_RC = ("In 2024, the resident coordinator system operated in over 160 countries and territories, coordinating and "
       "overseeing country-level support. Independent surveys of impact and performance indicate that these system-wide "
       "efforts have yielded substantial progress, with 89 per cent of host governments agreeing that the Organization "
       "provided policy advice in an integrated manner, up from 88 per cent the previous year.")
_CASES = ("The Investigations Section managed 1,387 cases in 2024 (see table 3), representing a 52 per cent increase from "
          "2023. This includes 525 cases carried over from the previous year, 861 new cases and 1 reopened case.")
_CLUSTERING = ("The service clustering initiative launched in 2019 has consolidated 21 processes across eight locations and "
               "time zones, delivering significant improvements in compliance, data integrity, risk management, and cost "
               "recovery.")
_PLANS = ("A total of 112 countries and territories now have national action plans on women, peace and security, including "
          "four first-generation plans adopted in 2024 (in Zimbabwe, Colombia, Ecuador and Viet Nam) with support from "
          "UN-Women.")
_VOLUNTEERS = ("The United Nations Population Fund (UNFPA) engaged 887 United Nations Volunteers, a 69 per cent increase "
               "compared to the previous year.")
_REPORTED = frozenset({"2025", "2024"})


def _another(question: str, text: str, figure: str, reported=_REPORTED) -> bool:
    """The year rule on the sentence of ``text`` holding ``figure`` (the one before it as its context)."""
    sentences = text.split(". ")
    i = next(i for i, s in enumerate(sentences) if figure in s)
    sentence = sentences[i] if sentences[i].endswith(".") else sentences[i] + "."
    before = (sentences[i - 1] + ". " if i else "") + sentence
    return another_year(asked_years(question), sentence, before, text, reported, sentence.index(figure))


@pytest.mark.parametrize("question, text, figure, refused", [
    ("What growth did the United Kingdom record in 2024?", _UK, "1.1 per cent", False),
    ("What growth did the United Kingdom record in 2022?", _UK, "1.1 per cent", True),
    ("What growth is projected for the United Kingdom in 2024?", _UK, "0.9 per cent", True),
    ("What share of host governments agreed in 2023?", _RC, "88 per cent", False),
    ("What share of host governments agreed in 2021?", _RC, "88 per cent", True),
    ("How many cases were carried over from 2023?", _CASES, "525", False),
    ("How many cases were carried over in 2021?", _CASES, "525", True),
    ("How many Volunteers did UNFPA engage in 2023?", _VOLUNTEERS, "887", True),  # the clause of 887 says no year
    ("How many Volunteers did UNFPA engage in 2024?", _VOLUNTEERS, "887", False),
    ("By 2024, how many processes had the service clustering initiative consolidated?", _CLUSTERING, "21", False),
    ("How many processes had the service clustering initiative consolidated by 2020?", _CLUSTERING, "21", True),
    ("As of 2025, how many countries have national action plans?", _PLANS, "112", False),
    ("As of 2018, how many countries had national action plans?", _PLANS, "112", True),
    ("How many first-generation plans were adopted in 2024?", _PLANS, "four", False),
])
def test_year_forms_of_un_text(question, text, figure, refused):
    assert _another(question, text, figure) is refused


def test_made_years_date_nothing_but_a_deed_keeps_its_year():
    assert years_of(_CLUSTERING).spans == ()
    assert years_of("Eight new national action plans were adopted in 2024, bringing the total to 112.").spans == ((2024, 2024),)


def test_a_question_s_frames_are_read_once_for_every_rule():
    question = "According to IOM, how many migrants were in Libya at the end of 2024?"
    assert asked_years(question).spans == ((2024, 2024),)  # the attribution ends at its comma
    assert source_frames(question)[1] == ["According to IOM"]
    assert document_dates("the recommendations from the JIU's 2022 and 2023 reports") == ["2022", "2023"]
    assert asked_years("Which annexes give the status of the JIU's 2022 and 2023 reports?").spans == ()
    assert asked_years("How many people died in 2023 at its session?").spans == ((2023, 2023),)
    assert fact_time_text("How many attended MICIVIH's August 1997 report launch?").split() == \
        "How many attended MICIVIH's report launch?".split()
    assert _frame_only_stems("Which resolution does the 2025 ECOSOC draft recall?") == {"2025"}
    # a meeting's date is no time of the fact, but says which meeting: its paragraph must say it
    assert not _frame_only_stems("When will the Committee hold its 2026 substantive session?")
    assert asked_years("When will the Committee hold its 2026 substantive session?").spans == ()
    # a month dating the meeting asked about is not the month of the fact
    assert not another_period("Who chaired its June 2024 session?", "The Bureau met in March 2024.")


def test_a_report_asked_about_is_a_document_asked_about():
    sentence = "The report, dated 28 February 2025, covers the period from October to December 2024."
    at = sentence.index("28 February")
    assert not document_date("What period does UNODC's seventh quarterly report on Haiti cover?", sentence, at)
    request = "a formal request from the Minister, dated 28 December 2024"
    assert document_date("When did Qatar accede, according to the OPCW report?", request, request.index("28"))
