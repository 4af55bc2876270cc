"""Page furniture of scanned UN documents (A/47/466, 1992): the older job line and the rules a scan
reads as marks are furniture, not a heading over the paragraphs that follow (real lines as printed)."""

from __future__ import annotations

import pytest

from ingest.pdf.layout import Line, Page
from ingest.pdf.zones import _is_furniture, _scanned_mark


@pytest.mark.parametrize("text, mark", [
    ('". ~""__.._..r_.._.. _', True),
    ("* * * * *", True),
    ("-----", True),  # a rule (ICCD/COP(8)/CST/8 ended its para. 71 with one)
    ("II.", False),
    ("A/79/19", False),
    ("1/18", False),
    ("25 June 2025", False),
])
def test_a_scanned_mark_has_no_word_and_many_marks(text, mark):
    assert _scanned_mark(text) is mark


def _top_line(text: str) -> tuple[Line, Page]:
    line = Line(page=2, text=text, x0=100.0, x1=400.0, top=30.0, bottom=40.0, size=10.0)
    return line, Page(number=2, width=612.0, height=792.0, lines=(line,))


@pytest.mark.parametrize("text, furniture", [
    ("92-45958 3565i (E) 201092 221092", True),  # the 1992 job line
    ("25-03579 (E) 120325", True),
    ("Introduction of the report", False),
])
def test_job_lines_old_and_new_are_furniture(text, furniture):
    line, page = _top_line(text)
    assert _is_furniture(line, page, ("A/47/466",), set()) is furniture
