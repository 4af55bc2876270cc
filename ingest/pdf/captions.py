"""A table's or map's title heads the table, not the paragraphs printed after it.

A title set in bold over a table or a map with no ``Table 4`` / ``Figure II`` label the segmenter
knows (``Growth of world output and gross domestic product``, E/2025/65 p. 4; ``Expansion of
territory held by ...``, a map's, S/2025/176 p. 4; ``Case intake by category of allegation``
under ``Table 4``, E/ICEF/2025/AB/L.3 p. 16) is read as a heading, and every paragraph after the
table stood under it until the next real heading: ``E/2025/65, para. 9`` was cited under the
table's title instead of ``Global overview``. A heading whose first lines are all small type cited
by page (the table's rows, its notes and source) is such a title: the small type keeps it, and the
numbered paragraphs and tables after it go back under the section that was open before it. Text
cited by page keeps the title: in a document that numbers nothing (A/AC.172/2025/2's annex, a
1992 scan's list) a bold line over small type heads the page-cited text after it as well, and
changing that would split and renumber its page-cited chunks.
"""

from __future__ import annotations

from ..text.blocks import _Block


def _title_run(blocks: list[_Block], i: int) -> int:
    """How many small-type blocks cited by page follow heading ``i`` under its title (0: none, or not
    a heading of one title)."""
    h = blocks[i]
    if h.kind != "heading" or not h.lines:
        return 0
    title = " ".join(" ".join(h.lines).split())
    j = i + 1
    while j < len(blocks) and blocks[j].kind == "paragraph" and blocks[j].small and blocks[j].page is not None:
        if not blocks[j].section or " ".join(blocks[j].section[-1].split()) != title:
            return 0
        j += 1
    return j - i - 1


def scope_table_titles(blocks: list[_Block]) -> None:
    """Put the blocks after a table's title back under the section open before it (in place)."""
    before: tuple[str, ...] | None = None  # the section of the last block read that is no heading
    i = 0
    while i < len(blocks):
        run = _title_run(blocks, i)
        if run and before is not None:
            sect = tuple(blocks[i + 1].section)
            if tuple(before[:len(sect) - 1]) == sect[:-1]:
                k = i + 1 + run
                while k < len(blocks) and (blocks[k].kind == "heading" and not blocks[k].lines
                                           or tuple((blocks[k].section or ())[:len(sect)]) == sect):
                    if blocks[k].kind != "heading" and blocks[k].page is None:  # numbered text; notes keep it
                        blocks[k].section = before + tuple(blocks[k].section)[len(sect):]
                    k += 1
                i += 1 + run
                continue
        if blocks[i].kind != "heading" and blocks[i].section is not None:
            before = tuple(blocks[i].section)
        i += 1
