"""A date printed in the margin under a decision is not a paragraph's start (issue 15).

E/2025/36, annex I, sets the date each decision was adopted (``26 June 2024``, italic) at the right
margin under it. Page-cited text among numbered paragraphs is read a page's left column first, then
what stands right of the middle (a two-column figure's second column), so the dates come after the
page's text, and the last one opened a paragraph that took the next page's text: ``annex I, p. 22,
para. 3`` was ``26 June 2024 d) approved a reduced 2024 programme ...``, the rest of decision
2024/EB.A/8 printed on p. 23. Real lines of pp. 22-24, in the order ``segment`` hands them over.
"""

from __future__ import annotations

from ingest.pdf.geometry import measure
from ingest.pdf.segment import _middles
from ingest.pdf.unnumbered import split_paragraphs
from ingest.text.fragments import tidy_unnumbered
from tests.layout_fixtures import read_lines

LINES = read_lines("E_2025_36_p22-24.tsv")


def _paragraphs() -> list[tuple[int, str]]:
    geo = measure(LINES, 10.0)
    mid = _middles(list(LINES))
    ordered = sorted(LINES, key=lambda l: (l.page, l.x0 >= mid[l.page], l.top))  # as ``segment`` sorts them
    blocks = [b for _, b in split_paragraphs(ordered, geo, "annex I")]
    kept, _ = tidy_unnumbered(blocks)
    return [(b.page, " ".join(b.lines)) for b in kept]


def test_a_decision_runs_on_to_the_next_page_past_its_margin_date():
    paras = _paragraphs()
    decision_8 = next(t for _, t in paras if t.startswith("2024/EB.A/8"))
    assert "d) approved a reduced 2024 programme support" in decision_8
    assert decision_8.count("2024/EB.A/") == 1
    decision_9 = next(t for _, t in paras if t.startswith("2024/EB.A/9"))
    assert decision_9.endswith("Finance Committee of the Food and Agriculture Organization of the United "
                               "Nations (WFP/EB.A/2024/6-(A,B,C,D,E,F,G,H)/3).")


def test_no_paragraph_opens_with_a_margin_date():
    paras = _paragraphs()
    assert not [t for _, t in paras if t.startswith("26 June 2024")]
    assert [p for p, _ in paras] == [22, 22, 22, 23, 24, 24]


def test_a_column_of_dates_is_a_tables_cells():
    """A list of signatures prints a ``Date of signature`` column (A/47/466, p. 13, a 1992 scan): dates
    one under another are cells of the list, kept as its text, not margin dates."""
    lines = [l for l in read_lines("A_47_466_p9-13.tsv") if l.page == 13]
    column = [l for l in lines if l.text.startswith("13 June 1992")]
    assert len(column) >= 5
    geo = measure(tuple(lines), 10.0)
    blocks = [b for _, b in split_paragraphs(column, geo, "annex")]
    kept, _ = tidy_unnumbered(blocks)
    assert " ".join(" ".join(b.lines) for b in kept).count("13 June 1992") == len(column)
