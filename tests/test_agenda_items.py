"""An agenda's numbered items are paragraphs of their own (issue 15): ``annex I, para. 5`` cites
agenda item 5 with its lettered sub-items, as a reader citing "annex I, item 5" expects."""

from __future__ import annotations

from ingest.pdf.segment import segment
from tests.layout_fixtures import read_lines


def _items(name: str) -> dict[int, str]:
    blocks, _, _, _ = segment(read_lines(name), 10.0)
    return {b.number: " ".join(b.lines) for b in blocks if b.kind == "paragraph" and b.part == "annex I"}


def test_each_agenda_item_is_its_own_paragraph_with_its_sub_items():
    """E/2025/36, annex I (pp. 15-16): items 4-11 are set in bold italics (``4. Policy issues``) and
    ran into item 3 as bold sub-headings, one 2,000-character chunk; each is now its own paragraph."""
    items = _items("E_2025_36_p13-16.tsv")
    assert sorted(items) == list(range(1, 12))
    assert items[3] == "Opening remarks by the Executive Director"
    assert items[5].startswith("Evaluation reports (for consideration) a) Summary evaluation reports")
    assert "1. Bhutan (2019–2023)" in items[5] and "3. Philippines (2018–2023)" in items[5]
    assert items[6].startswith("Operational matters") and "8. Republic of Moldova (2024–2026)" in items[6]
    assert items[6].endswith("d) Oral update on the reassurance action plan (for information)")
    assert items[11] == "Verification of adopted decisions and recommendations"


def test_a_numbered_sub_list_inside_an_item_opens_no_item():
    """The country plans ``1. Bhutan`` ... ``8. Republic of Moldova`` under item 6 (a), indented, stay
    item 6's text although ``7.`` and ``8.`` are the numbers the list expects next."""
    items = _items("E_2025_36_p13-16.tsv")
    assert items[7] == "Organizational and procedural matters a) Biennial programme of work of the Executive Board (2024–2025) (for information)"
    assert not any(t.startswith(("Philippines", "Republic of Moldova")) for t in items.values())
