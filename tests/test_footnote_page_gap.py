"""Footnotes at a page's foot where no footer follows: pdfminer.six text with its form feeds
dropped (the shape of the bundled .txt) pads the page's foot with blank lines and runs straight
into the next page's text. Real excerpt: A/80/62, footnotes 46-53 under para. 52."""

from pathlib import Path

from ingest.text.footnote_feet import _run

EXCERPT = Path(__file__).parent / "fixtures" / "text_extractors" / "A_80_62_pdfminer-clean_foot_no_footer.txt"


def _never_foot(line: str) -> bool:
    return False


def test_notes_end_at_the_blank_lines_that_pad_a_page():
    lines = EXCERPT.read_text().split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("46  "))
    end, notes = _run(lines, start, 46, _never_foot)
    assert sorted(int(n) for n in notes) == list(range(46, 54))
    assert notes["53"].endswith("driven-approach/.")
    assert "automation" not in " ".join(notes.values())  # the next page's text is not a note
    assert lines[end:] and any("through  automation" in l for l in lines[end:])


def test_without_the_gap_the_next_page_text_still_refuses_the_run():
    lines = [l for l in EXCERPT.read_text().split("\n") if l.strip()]  # no blank lines at all
    start = next(i for i, l in enumerate(lines) if l.startswith("46  "))
    assert _run(lines, start, 46, _never_foot) == (start, {})  # "53." (a paragraph) stands in the run
