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
