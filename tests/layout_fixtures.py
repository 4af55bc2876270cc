"""Read the layout fixtures of tests/fixtures/pdf_lines (rows printed by bench/dump_lines.py)."""

from __future__ import annotations

from pathlib import Path

from ingest.pdf.layout import Line

FIXTURES = Path(__file__).parent / "fixtures" / "pdf_lines"


def read_lines(name: str) -> tuple[Line, ...]:
    """The lines of one fixture: page, x0, x1, top, size, style (``i@2``: italic, a column gap after
    word 2) and text, tab-separated."""
    out = []
    for row in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        page, x0, x1, top, size, style, text = row.split("\t", 6)
        style, _, gaps = style.partition("@")
        out.append(Line(page=int(page), text=text, x0=float(x0), x1=float(x1), top=float(top),
                        bottom=float(top) + float(size), size=float(size), bold="b" in style, italic="i" in style,
                        gutters=tuple(int(g) for g in gaps.split(",") if g)))
    return tuple(out)
