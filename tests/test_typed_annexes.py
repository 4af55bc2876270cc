"""Annexes of typed reports (issue 15): ``ANNEX`` typed in plain capitals atop a page opens the
annex, and a scanned annex whose pages come out a little apart in type size is its own text,
cited ``para.`` on each page rather than as small-type notes of the report's last section."""

from __future__ import annotations

from ingest.pdf.document import _insert_unnumbered
from ingest.pdf.segment import segment
from ingest.text.blocks import _Block
from ingest.text.clean import Vocabulary
from ingest.text.fragments import tidy_unnumbered
from ingest.text.paragraphs import _to_chunks
from tests.layout_fixtures import read_lines


def _chunks(name: str, symbol: str, body: float) -> dict[str, object]:
    lines = read_lines(name)
    blocks, _, loose, geo = segment(lines, body)
    kept, _ = tidy_unnumbered(_insert_unnumbered(blocks, loose, geo)[1:])
    vocab = Vocabulary.from_text("\n".join(l.text for l in lines))
    return {c.citation: c for c in _to_chunks([_Block("front"), *kept], symbol, vocab, {}, "")}


def test_a_plain_annex_label_atop_a_page_opens_the_annex():
    """A/52/687, p. 14: the President's letter under a plain, centred ``ANNEX`` was cited as
    ``p. 14, para. 1`` under the report's ``VI. CONCLUSIONS AND RECOMMENDATIONS``."""
    chunks = _chunks("A_52_687_p13-14.tsv", "A/52/687", 10.0)
    letter = chunks["A/52/687, annex, p. 14, para. 2"]
    assert letter.text.startswith("Through its institutional capacity-building")
    assert letter.section == ()
    assert not any(c.startswith("A/52/687, p. 14") for c in chunks)


def test_a_scanned_annex_in_smaller_type_keeps_its_own_paragraphs():
    """A/47/466, pp. 10-13 (a 1992 scan): the list of signatories comes out in 10.1-point type on
    p. 10, 10.6 on p. 11, 10.0 on p. 12 and 10.9 on p. 13 against the report's 11; p. 10's list was
    ``p. 10, note 1``, with the annex label run into it, under the report's ``(c) Extrabudgetary funding``."""
    chunks = _chunks("A_47_466_p9-13.tsv", "A/47/466", 11.0)
    assert chunks["A/47/466, annex, p. 10, para. 1"].text.startswith("Signatures of the United Nations Framework Convention")
    listing = chunks["A/47/466, annex, p. 10, para. 2"]
    assert listing.kind == "paragraph" and listing.text.startswith("1.- Antigua and Barbuda 4 June 1992 2. Australia")
    assert not any(", note " in c for c in chunks)
    assert all("Extrabudgetary funding" not in " ".join(c.section) for c in chunks.values() if c.part == "annex")


def test_a_scanned_page_after_a_speck_keeps_its_list():
    """A/47/466, p. 12 (a 1992 scan): the list (signatories 90-136, in 10.0 points) was in no chunk.
    A speck in p. 11's margin (``a`` in 15.4 points) read as a figure's big type opened a figure, and
    the next page's small type was read as the figure's words and dropped: a float a speck opened ends
    with its page."""
    chunks = _chunks("A_47_466_p9-13.tsv", "A/47/466", 11.0)
    listing = [c for c in chunks.values() if "90. Maldives 12 June 1992" in c.text]
    assert len(listing) == 1 and listing[0].kind == "paragraph"
    assert listing[0].citation.startswith("A/47/466, annex, p. 12, para. ")
    assert "136. Mexico 13 June 1992" in listing[0].text
    assert not any(", note " in c for c in chunks)
