"""Round 19's reader classes (issue 15), on real lines of four library PDFs (``bench/dump_lines.py``
columns, before furniture and footnotes are taken out; tests/fixtures/pdf_lines):

- a table's row whose cells stand apart by column-wide gaps is no footnote, though it opens with the
  number the document's next footnote carries (E/ICEF/2025/AB/L.3 annex I p. 23: ``8. 2024/15 MENA Egypt 6 1
  PS-IN`` after footnote 7 took rows 8-17, the totals, the advisory report and the table's notes out of
  every chunk);
- footnotes close a page top to bottom: a number opening a chart's legend line above the chart's axis
  (E/2025/65 p. 17, ``5 to 10 per cent``, which overwrote footnote 5) or the first cell of a calendar read
  column by column atop its page (DP/2025/L.2 p. 13, ``3 – 6:00 p.m.``, which took the whole page) opens none;
- a worded cell of a table read as a figure in a part set in small type is the part's text, with a
  sentence's short words counted as words (``By 1 July 2025 AUSSOM troop-contributing countries to``), and
  so is a cell's first line whose words go on right under it (``Reduction of Internet`` / ``services``:
  A/79/907 enclosure 3)."""

from __future__ import annotations

import dataclasses

import pytest

from ingest.pdf.asides import worded
from ingest.pdf.document import _insert_unnumbered
from ingest.pdf.layout import Page
from ingest.pdf.segment import segment
from ingest.pdf.zones import split_zones
from ingest.text.blocks import _Block
from ingest.text.clean import Vocabulary
from ingest.text.fragments import tidy_unnumbered
from ingest.text.paragraphs import _to_chunks
from tests.layout_fixtures import read_lines

PORTRAIT, LANDSCAPE = (612.0, 792.0), (792.0, 612.0)
# raised footnote marks the fixtures' columns do not print: (page, the note's first words) -> mark
EICEF_MARKS = {(2, "The audit report on data protection"): "1", (19, "The number of sexual exploitation"): "7"}
E202565_MARKS = {(11, "As at 22 April 2025."): "4", (11, "The decline refers to official development"): "5"}


def _zones(name: str, sizes: dict[int, tuple[float, float]], symbol: str, marks: dict | None = None):
    lines = [dataclasses.replace(l, lead_mark=next((m for (p, t), m in (marks or {}).items()
                                                   if l.page == p and l.text.startswith(t)), ""))
             for l in read_lines(name)]
    pages = [Page(n, w, h, tuple(l for l in lines if l.page == n)) for n, (w, h) in sorted(sizes.items())]
    return split_zones(pages, (symbol,))


def test_a_gapped_table_row_with_the_next_footnotes_number_is_no_footnote():
    zones = _zones("eicef2025abl3_p2-19-23_rows.tsv", {2: PORTRAIT, 19: PORTRAIT, 23: PORTRAIT},
                   "E/ICEF/2025/AB/L.3", EICEF_MARKS)
    texts = [l.text for l in zones.lines]
    for row in ("8. 2024/15 MENA Egypt 6 1 PS-IN", "17. 2024/13 N/A Institutional Service Contracts 8 3 PS-IN",
                "1. N/A N/A Ghana Sanitation Fund – – –"):
        assert row in texts, row
    assert set(zones.footnotes) == {"1", "7"}, zones.footnotes.keys()


@pytest.mark.parametrize("fixture,sizes,symbol,marks,kept,not_note", [
    ("e202565_p11-17_legend.tsv", {11: PORTRAIT, 17: PORTRAIT}, "E/2025/65", E202565_MARKS,
     ["5 to 10 per cent", "10 to 20 per cent"], "to 10 per cent"),
    ("dp2025l2_p2-4-13_calendar.tsv", {2: PORTRAIT, 3: PORTRAIT, 4: PORTRAIT, 13: PORTRAIT}, "DP/2025/L.2", None,
     ["3 – 6:00 p.m.", "UNDP COUNTRY PROGRAMMES AND RELATED MATTERS", "• Closing of the session"], "– 6:00 p.m."),
])
def test_a_number_out_of_the_pages_top_to_bottom_order_opens_no_footnote(fixture, sizes, symbol, marks, kept, not_note):
    zones = _zones(fixture, sizes, symbol, marks)
    texts = [l.text for l in zones.lines]
    for line in kept:
        assert line in texts, line
    assert not any(n.startswith(not_note) for n in zones.footnotes.values()), zones.footnotes


def test_a_footnote_below_a_chart_read_after_it_is_still_a_footnote():
    """E/2025/65 p. 11: footnote 5 closes the page though the chart's labels are read after it, and p. 17's
    legend ``5 to 10 per cent`` no longer writes over it."""
    zones = _zones("e202565_p11-17_legend.tsv", {11: PORTRAIT, 17: PORTRAIT}, "E/2025/65", E202565_MARKS)
    assert zones.footnotes.get("5", "").startswith("The decline refers to official development assistance")


@pytest.mark.parametrize("line,expected", [
    ("By 1 July 2025 UNSOS is enhancing planning and", True),
    ("By 1 July 2025 AUSSOM troop-contributing countries to", True),
    ("By 1 July 2025 In the event of a sudden increase in the", True),
    ("Source: United Nations, Department of Economic and Social Affairs.", True),
    ("160 140 120 100 s tim 80", False),
    ("Number of countries", False),
    ("2018 2019 2020 2021 2022 2023 2024", False),
    ("Developed economies", False),
])
def test_worded_counts_a_sentences_short_words(line, expected):
    assert worded(line) is expected


def test_a_captionless_tables_cells_in_a_small_type_part_are_its_text():
    # pages 3-10 of body text first, so the body's size is the document's (10 points, the tables' 8.5)
    sizes = {p: PORTRAIT for p in (3, 7, 8, 10)} | {p: LANDSCAPE for p in (19, 20, 21)}
    zones = _zones("a79907_p3-7-8-10-19-21_cells.tsv", sizes, "A/79/907")
    lines = tuple(l for l in zones.lines if l.page >= 19)
    blocks, _, loose, geo = segment(lines, zones.body_size, first=1)
    kept, _ = tidy_unnumbered(_insert_unnumbered(blocks, loose, geo)[1:])
    vocab = Vocabulary.from_text("\n".join(l.text for l in zones.lines))
    text = " ".join(c.text for c in _to_chunks([_Block("front"), *kept], "A/79/907", vocab, {}, ""))
    for cell in ("By 1 July 2025 AUSSOM troop-contributing countries to", "Reduction of Internet",
                 "By 1 July 2025 AUSSOM to take over responsibility."):
        assert cell in text, cell
