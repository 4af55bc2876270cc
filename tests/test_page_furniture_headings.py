"""Page furniture that the section paths took for headings (audit of ``paracite show``, round 9).

On real pages (rows printed by bench/dump_lines.py; the sideways characters by pypdfium2):
an Official Records title page repeating the cover heads no section; the second line of an
``Annex to the letter dated ...`` caption is the caption's, not a heading; the symbol and page
number printed sideways along a landscape page's edge are no text (``6A/`` was a heading).
"""

from __future__ import annotations

from pathlib import Path

from ingest.pdf.contents import title_pages
from ingest.pdf.layout import _sideways
from ingest.pdf.segment import segment
from layout_fixtures import FIXTURES, read_lines


def _sections(name: str, lines=None) -> list[tuple[str, tuple[str, ...]]]:
    """(part, section path) of each numbered paragraph, then of each line of text cited by page."""
    blocks, _, loose, _ = segment(lines or read_lines(name), 10.0)
    return ([(b.part, b.section) for b in blocks if b.kind == "paragraph"]
            + [(part, tuple(section)) for part, entries in loose.items() for _, _, section in entries])


def test_official_records_title_page_heads_nothing():
    """A/79/19, pp. 1-7: page 3 repeats the cover (title, session, ``General Assembly``, ``Official
    Records``, ``Supplement No. 19``). The report's paragraph 1 stands under ``Chapter I`` only,
    and no section path holds a line of the title page."""
    lines = read_lines("A_79_19_p1-7.tsv")
    assert {lines[i].page for i in title_pages(lines)} == {3}
    sections = _sections("A_79_19_p1-7.tsv")
    cover = {l.text for l in lines if l.page == 3}
    assert sections[0] == ("", ("Chapter I Introduction",))
    assert not any(h == c or h.startswith(c) for _, s in sections for h in s for c in cover)


def test_title_page_needs_official_records_and_supplement():
    """A page that only names ``Official Records`` in its text (a reference) is no title page."""
    lines = [l for l in read_lines("A_79_19_p1-7.tsv") if not l.text.startswith("Supplement No.")]
    assert title_pages(lines) == set()


def test_annex_caption_second_line_is_no_heading():
    """A/79/884, p. 3: ``Annex to the letter dated 24 April 2025 from the Chargé d'affaires a.i. of
    the Permanent Mission`` / ``of Ukraine to the United Nations addressed to the Secretary-General``
    (same bold type, next line), then the annex's title. The annex's text stands under its title,
    not under the caption's second line."""
    annex = [s for part, s in _sections("A_79_884_p2-3-7.tsv") if part == "annex"]
    assert annex and all(s[0].startswith("Consequences of Russia") for s in annex)
    assert not any(h.startswith("of Ukraine") for s in annex for h in s)


def test_bare_annex_label_runs_on_to_nothing():
    """The same page with the caption cut to ``Annex``: the line under it is a heading again."""
    lines = list(read_lines("A_79_884_p2-3-7.tsv"))
    i = next(k for k, l in enumerate(lines) if l.text.startswith("Annex to"))
    lines[i] = lines[i].__class__(**{**lines[i].__dict__, "text": "Annex"})
    annex = [s for part, s in _sections("", tuple(lines)) if part == "annex"]
    assert annex and annex[0][0].startswith("of Ukraine")


def _chars() -> tuple[list[float], list[tuple[float, float]]]:
    rows = [r.split("\t") for r in (FIXTURES / "A_AC.172_2025_2_p6_chars.tsv").read_text(encoding="utf-8").splitlines()]
    return [float(r[1]) for r in rows], [(float(r[2]), float(r[3])) for r in rows]


def test_sideways_margin_characters_are_furniture():
    """A/AC.172/2025/2, p. 6 (landscape, 792 pt wide): the page number ``6`` at the left edge and
    ``A/AC.172/2025/2`` and the job number at the right edge are set sideways; the calendar's
    upright text is kept."""
    angles, xs = _chars()
    dropped = _sideways(angles, xs, 792.0)
    assert dropped == {i for i, a in enumerate(angles) if a > 1}
    assert len(dropped) == 27


def test_sideways_inside_the_page_and_upright_pages_are_kept():
    """Sideways type away from the edges (a table's column label) stays; a page whose text is all
    sideways in its margins (photographs with the symbol along the edge) drops only those."""
    angles, xs = _chars()
    moved = [(x0 - 300, x1 - 300) if a > 1 and x0 > 700 else (x0, x1) for a, (x0, x1) in zip(angles, xs)]
    assert all(xs[i][0] < 60 for i in _sideways(angles, moved, 792.0))
    side = [i for i, a in enumerate(angles) if a > 1]
    assert _sideways([angles[i] for i in side], [xs[i] for i in side], 792.0) == set(range(len(side)))
