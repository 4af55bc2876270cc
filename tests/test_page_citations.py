"""Text cited by page keeps its citation when the reader comes to keep more small type (issue 15).

Text outside numbered paragraphs is cited by its place on the page (``A/80/192, annex I, p. 3,
para. 6``). When the twelfth session kept the small-type tables, status tables and sources it had
dropped, 76 such citations moved (that para. 6 became para. 8): users' saved citations and our
labels pointed at other text. Now a page's paragraphs count body type only, and small type is
cited in a series of its own on the page (``p. 3, note 1``), so keeping more of it moves nothing.
Real lines of A/80/192 annex I, pp. 2-3 (a table in 8.5-point type over the page's body text).
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from ingest.models import Chunk, format_citation
from ingest.pdf.document import _insert_unnumbered
from ingest.pdf.segment import segment
from ingest.text.blocks import _Block
from ingest.text.clean import Vocabulary
from ingest.text.fragments import tidy_unnumbered
from ingest.text.paragraphs import _to_chunks
from search import Searcher
from search.cli import main
from search.judgements import parse_citation
from tests.layout_fixtures import read_lines

SYMBOL = "A/80/192"
LINES = read_lines("A_80_192_p2-3.tsv")


def _chunks(lines) -> dict[str, str]:
    blocks, _, loose, geo = segment(tuple(lines), 10.0)
    blocks = _insert_unnumbered(blocks, loose, geo)
    kept, _ = tidy_unnumbered(blocks[1:])
    vocab = Vocabulary.from_text("\n".join(l.text for l in lines))
    return {c.citation: c.text for c in _to_chunks([_Block("front"), *kept], SYMBOL, vocab, {}, "")}


def _paragraphs(chunks: dict[str, str]) -> dict[str, str]:
    return {c: t for c, t in chunks.items() if ", para. " in c}


def test_a_pages_paragraphs_count_body_type_and_small_type_is_cited_apart():
    chunks = _chunks(LINES)
    assert chunks[f"{SYMBOL}, annex I, p. 3, para. 6"].startswith("The Commission establishes the policy directives")
    assert chunks[f"{SYMBOL}, annex I, p. 3, para. 1"].startswith("In existence for more than 30 years")
    assert chunks[f"{SYMBOL}, annex I, p. 3, note 1"].startswith("Fuel conversion and manufacture 9* 2 11")
    assert chunks[f"{SYMBOL}, annex I, p. 3, note 2"] == "Total 51 25 76 * One under construction"


def _small(text: str, top: float, like) -> object:
    return replace(like, text=text, top=top, bottom=top + 8.5, size=8.5, x1=like.x0 + 300)


@pytest.mark.parametrize("change", ["drop the table", "keep a source line", "keep a note at the foot"])
def test_small_type_kept_or_dropped_renumbers_no_paragraph(change):
    """Whatever small type the reader keeps or drops on a page, every paragraph keeps its citation."""
    before = _paragraphs(_chunks(LINES))
    body3 = [l for l in LINES if l.page == 3 and l.size == 10.0]
    if change == "drop the table":
        lines = [l for l in LINES if not (l.page == 3 and l.size < 9.5)]
    elif change == "keep a source line":  # between paras. 1 and 2 of p. 3, over the heading's gap
        at = next(k for k, l in enumerate(LINES) if l.text.startswith("III. Historical background"))
        lines = [*LINES[:at], _small("Source: Brazilian-Argentine Agency, annual report 2024.", 318.0, body3[0]),
                 *LINES[at:]]
    else:
        lines = [*LINES, _small("Note: Data as at 31 December 2024, including facilities under construction.",
                                740.0, body3[0])]
    after = _chunks(lines)
    assert _paragraphs(after) == before
    if change != "drop the table":
        assert any(", p. 3, note " in c and t.startswith(("Source:", "Note:")) for c, t in after.items())


def test_a_note_is_cited_looked_up_and_parsed_by_its_own_series(tmp_path):
    note = Chunk(SYMBOL, "note", 1, "Total 51 25 76 * One under construction", part="annex I", page=3)
    para = Chunk(SYMBOL, "paragraph", 1, "In existence for more than 30 years, the Agency has achieved a high "
                                         "technical capacity.", part="annex I", page=3)
    assert note.citation == format_citation(SYMBOL, "note", 1, "annex I", 3) == f"{SYMBOL}, annex I, p. 3, note 1"
    ref = parse_citation(note.citation)
    assert (ref.kind, ref.number, ref.part, ref.page) == ("note", 1, "annex I", 3)
    assert Chunk.from_dict(note.to_dict()) == replace(note, entities=())
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join(json.dumps(c.to_dict()) for c in (para, note)) + "\n")
    assert main(["ingest", str(src), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    with Searcher.open(tmp_path / "ix") as s:
        assert s.get(SYMBOL, "note 1", part="annex I", page=3).text == note.text
        assert s.get(SYMBOL, 1, part="annex I", page=3).text == para.text
