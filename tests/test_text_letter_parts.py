"""The text reader cites a letter's annex or enclosure as the PDF reader does, on real text
extractions (pypdfium2) of library documents: the part that numbers the paragraphs opens before
any numbered paragraph ("Annex to the note verbale dated ...", "Annex" then "Enclosure"), while a
contents list's "Annex ... 18" entry opens nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.text.paragraphs import _part_label, parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text_parts"


def _citations(name: str) -> list[str]:
    doc = parse_text((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"), source=name)
    return [c.citation for c in doc.chunks if c.kind == "paragraph" and not c.page]  # numbered ones


@pytest.mark.parametrize("name, first, last", [
    ("A_80_84_p1-2", "A/80/84, annex, para. 1", "A/80/84, annex, para. 4"),       # "Annex to the note verbale ..."
    ("S_2025_258_p1-3", "S/2025/258, enclosure, para. 1", None),                  # "Annex" (a letter), then "Enclosure"
    ("E_2025_42_p1-4", "E/2025/42, para. 1", None),                               # contents: "Annex / Chair's summary ... 18"
])
def test_the_part_that_numbers_the_paragraphs(name, first, last):
    cited = _citations(name)
    assert cited[0] == first
    assert all(c.startswith(first.rsplit(",", 1)[0] + ",") for c in cited)
    if last:
        assert last in cited


@pytest.mark.parametrize("heading, label", [
    ("Annex", "annex"), ("Annex II", "annex II"), ("ANNEX iv", "annex IV"), ("Annexes", "annex"),
    ("Enclosure", "enclosure"),
])
def test_part_labels_as_the_pdf_reader_writes_them(heading, label):
    assert _part_label(heading) == label
