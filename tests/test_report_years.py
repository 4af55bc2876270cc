"""A question naming its report by year reads the documents issued that year or the next."""

import pytest

from search.report_years import report_window, window_filters


@pytest.mark.parametrize("question,window", [
    # round 27's TU2702: a 2025 forum report names the same convention and the city of its secretariat
    ("In which city will the permanent secretariat of the climate change Convention be located, according to the "
     "negotiating committee's 1992 report to the General Assembly?", (1992, 1993)),
    ("How many recommendations does the 2024 annual report on the evaluation function make?", (2024, 2025)),
    ("What did the Secretary-General report in 2024?", None),  # a year, not a report named by it
    ("How many staff does UNDP employ, according to the Administrator's report for 2024?", None),
])
def test_report_window(question, window):
    assert report_window(question) == window


def test_window_filters_only_where_the_library_holds_such_a_document():
    q = "What did the committee's 1992 report say?"
    years = {"A/47/466": 1992, "E/2025/42": 2025, "X/UNDATED": 0}
    assert window_filters(q, years, {}) == {"doc": ["A/47/466", "X/UNDATED"]}  # an undated document may be it
    assert window_filters(q, {"E/2024/1": 2024, "E/2025/42": 2025}, {}) == {}  # none of those years: all are read
    assert window_filters(q, years, {"since": "2020"}) == {"since": "2020"}  # the user's choice stands
    assert window_filters(q, years, {"doc": "E/2025/42"}) == {"doc": "E/2025/42"}
    assert window_filters(q, years, {"org": "UNEP"}) == {"org": "UNEP", "doc": ["A/47/466", "X/UNDATED"]}
