"""A page of indented sub-items keeps its paragraph's items; a table's notes stay text (issue 15).

A/AC.109/2009/17 (a 2009 layout, pp. 2-3): para. 6 (``The agenda of the seminar is as follows:``)
lists agenda items 1-5, each with lettered points, and runs over the page. Page 3 is mostly those
indented items, so its margin was measured at their indent (170.6 points, not the text's 123.1):
item ``2.``, which follows a sentence's end, stood left of that margin and was read as stray text,
and items 2-5 were page-cited (``p. 3, para. 1-4``) instead of para. 6's. The page's running text
wraps back to the column where the document prints its paragraph numbers (para. 7's lines), which
is the page's margin.

A/80/48 annex III (pp. 29-30) and UNW/2025/2 (p. 5): the notes under a table or chart that has no
caption line (``a Extension requested until 1 February 2016.``, ``Please note: The figures ...``)
were read as the figure's labels and in no chunk. Real lines, as ``bench/dump_lines.py`` prints them.
"""

from __future__ import annotations

from ingest.pdf.document import _insert_unnumbered
from ingest.pdf.segment import segment
from ingest.text.blocks import _Block
from ingest.text.clean import Vocabulary
from ingest.text.fragments import tidy_unnumbered
from ingest.text.paragraphs import _to_chunks
from tests.layout_fixtures import read_lines


def _chunks(name: str, symbol: str, first: int = 1) -> dict[str, object]:
    lines = read_lines(name)
    blocks, _, loose, geo = segment(lines, 10.0, first=first)
    kept, _ = tidy_unnumbered(_insert_unnumbered(blocks, loose, geo)[1:])
    vocab = Vocabulary.from_text("\n".join(l.text for l in lines))
    return {c.citation: c for c in _to_chunks([_Block("front"), *kept], symbol, vocab, {}, "")}


def test_items_on_a_page_of_sub_items_stay_in_their_paragraph():
    chunks = _chunks("A_AC.109_2009_17_p2-3.tsv", "A/AC.109/2009/17")
    agenda = chunks["A/AC.109/2009/17, para. 6"].text
    assert agenda.startswith("The agenda of the seminar is as follows: 1. Challenges and opportunities")
    for item in ("(a) Dynamics of a changing world;", "2. Challenges and opportunities", "3. Challenges",
                 "4. Role of the United Nations system", "5. Way forward: (a) Priorities"):
        assert item in agenda
    assert agenda.endswith("beyond the Second International Decade for the Eradication of Colonialism.")
    assert not any(c.page is not None for c in chunks.values())  # no item is page-cited
    assert chunks["A/AC.109/2009/17, para. 7"].text.startswith("The following provisions will govern")


def test_a_tables_notes_are_a_note_of_their_page():
    chunks = _chunks("A_80_48_p24-29-30.tsv", "A/80/48")
    notes = [c for c in chunks.values() if "Extension requested until 1 February 2016." in c.text]
    assert len(notes) == 1 and notes[0].page == 30
    assert notes[0].text == ("a Extension requested until 1 February 2016. b States Parties that have opted out"
                             " of the simplified reporting procedure. c Combined second and third periodic reports.")
    header = chunks["A/80/48, annex III, p. 29, note 1"].text  # p. 29's column header, alone
    assert header.endswith("(will be) examined")


def test_a_charts_note_is_kept_and_its_labels_are_not():
    chunks = _chunks("UNW_2025_2_p5.tsv", "UNW/2025/2", first=13)
    note = [c for c in chunks.values() if c.text.startswith("Please note: The figures in this report exclude")]
    assert len(note) == 1 and note[0].text.endswith("or that are not assigned a 2024 milestone")
    assert not any(c.text in ("TOTAL", "Met 2025 Target") or c.text.startswith("0% 10%") for c in chunks.values())
    assert chunks["UNW/2025/2, para. 13"].text.startswith("In 2024, UN-Women supported 109 countries")
