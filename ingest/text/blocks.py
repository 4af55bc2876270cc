"""The block: one run of lines a parser found (a paragraph, a table, a heading, the front matter)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class _Block:
    kind: str  # paragraph | table | heading
    number: int = 0
    lines: list[str] = field(default_factory=list)
    section: tuple[str, ...] | None = None  # set by a layout parser; None: from the heading blocks
    part: str = ""
    first_line: int = 0
    last_line: int = 0
    refs: list[str] | None = None  # footnote marks read from the layout (PDFs); None: find in text
    page: int | None = None  # set for paragraphs cited by page (no printed numbers)
    printed: int | None = None  # the printed number, where a misprint broke the sequence
    row: bool = False  # every line a cell of a table's row (PDF layout, ``pdf.table_rows``): never a heading
    small: bool = False  # page-cited text set in small type (PDF layout): its own series on the page
    heads: tuple[str, ...] = ()  # text input: its own headings under the section path (a draft that numbers nothing)
