"""Where page 1's printed header (masthead, distribution block, session block) ends, as a line count.

A text that numbers no paragraph is split at blank lines, and every short block that ends no
sentence is read as a heading; page 1's masthead organs (``General Assembly``, ``Executive Board
of the`` / ``United Nations Development``), ``Distr.: General`` and the session block would then
head every chunk of the document. The header is the page-1 cells before ``front_lines.header_end``
(the title), and only where page 1 prints a masthead (a symbol or ``Distr.``): a copy that starts
inside its text has no header to skip. Pure.
"""

from __future__ import annotations

from .front_lines import header_end, masthead_symbols, split_cells, squash


def header_lines(lines: list[str], page_break: str = "\f", max_lines: int = 80) -> int:
    """How many of ``lines`` (page 1 first) form page 1's header; 0 where none is printed or no title is seen."""
    page1: list[str] = []
    for line in lines[:max_lines]:
        if line == page_break:
            break
        page1.append(line)
    cells_at: list[int] = []  # the line each cell comes from
    for k, line in enumerate(page1):
        cells_at += [k] * len(split_cells([line]))
    cells = split_cells(page1)
    if len(cells) != len(cells_at) or not any(
            masthead_symbols(c.text) or squash(c.text).lower().startswith("distr") for c in cells[:12]):
        return 0
    end = header_end(cells)
    return cells_at[end] if end < len(cells) else 0
