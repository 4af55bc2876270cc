"""A lone short line over page-cited text heads only the text up to the next numbered paragraph.

DP/FPA/2025/6, pp. 24-26 (round-10 audit, class G): the title ``Table 7. Breakdown of cases handled
in 2024`` stands alone over the figures' text of page 24; numbered paragraphs follow, then the
figures of page 26, which the title headed too (and those of pages 28 and 30), splitting section
``d.`` into four.
"""

from __future__ import annotations

from ingest.text.blocks import _Block
from ingest.text.fragments import tidy_unnumbered

SECTION = ("VIII. Investigation activities and results", "d. Total caseload and case closure in 2024")


def _cited(page: int, text: str) -> _Block:
    return _Block("paragraph", lines=[text], section=SECTION, page=page)


def _blocks() -> list[_Block]:
    return [
        _cited(24, "Table 7. Breakdown of cases handled in 2024"),
        _cited(24, "Figure 7. Yearly intake, carryover, overall caseload, closures and open cases Figure 8. "
                   "Caseload at year-end 2024 (448 cases)"),
        _Block("paragraph", number=82, section=SECTION,
               lines=["Overall, as stated above, 165 cases were concluded by year-end in 2024."]),
        _cited(26, "Figure 9. Breakdown of OAIS-led cases closed in 2024 (151 cases), by category and outcome "
                   "Figure 10. Breakdown of third-party investigations reviewed by OAIS in 2024 (14 cases)"),
    ]


def test_fragment_heading_stops_at_a_numbered_paragraph() -> None:
    kept, _ = tidy_unnumbered(_blocks())
    cited = {b.page: b.section for b in kept if b.page is not None}
    assert cited[24] == (*SECTION, "Table 7. Breakdown of cases handled in 2024")
    assert cited[26] == SECTION


def test_fragment_heading_heads_the_text_right_after_it() -> None:
    """Without a numbered paragraph between, the figures of page 26 stay under the title."""
    blocks = [b for b in _blocks() if b.number != 82]
    kept, _ = tidy_unnumbered(blocks)
    assert [b.section[-1] for b in kept if b.page is not None] == ["Table 7. Breakdown of cases handled in 2024"] * 2
