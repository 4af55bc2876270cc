"""A ``.txt`` document's title, read from page 1's lines as other tools write them.

A PDF reader knows the title by its type size. Text has only lines and blank lines, and tools
differ in where they put the blanks: poppler's raw ``pdftotext`` runs a title straight into the
summary or a letter's first sentence (``... addressed to`` / ``the Secretary-General`` / ``I write
to inform you ...``), and an Official Records cover prints its title above the organ's block. So
the title is read line by line from where the header ends, and cut where the body starts: a
``Summary`` or ``Contents`` line, a numbered paragraph, a sentence, the line that completes a
letter's addressee. A ``Report of the ...`` or ``Note by the ...`` line, or a letter below a
title, becomes the title's bracketed subtitle, as the PDF reader writes it.
"""

from __future__ import annotations

import re
from typing import Sequence

from .front_lines import Cell, cell_kind
from .late_numbers import runs_on

_BODY = re.compile(r"^(?:Summary|Contents|Abstract|Introduction)\b|^(?:[IVX]{1,5}|\d{1,3})\.(?:\s|$)|^\*|"
                   r"^(?:Rapporteur|Chair|Chairperson|President|Facilitator|Co-facilitators?)[\w -]{0,20}:")
_SUBTITLE = re.compile(r"^(?:Report|Note|Annual [Rr]eport|Progress [Rr]eport)s? (?:of|by|on) the\b")
_LETTER = re.compile(r"^(?:(?:Identical|Joint) )?(?:[Ll]etters?|Note verbale|Notes verbales) dated\b")
_AUTHOR_ONLY = re.compile(r"^(?:Report|Note) (?:of|by) the (?:Secretary-General|[Ss]ecretariat|Executive Board Secretariat|"
                          r"Executive Director|Administrator|Director-General|High Commissioner|Bureau)\W*(?:Addendum)?$")
_DATES = re.compile(r"^\(.*\)$")
_SENTENCE_END = (".", ";", ":", "!", "?", ".”")
_MAX_LINE = 80  # a title is set larger than the body: its lines are shorter than the measure
_MAX_LINES = 6


def title_from(cells: Sequence[Cell], start: int) -> str:
    """The title that opens at ``cells[start]`` (``""`` where it cannot be told)."""
    main: list[str] = []
    k = start
    while k < len(cells):
        text = cells[k].text
        if main and cells[k].block != cells[k - 1].block and not _continues(main, text):
            break
        if _BODY.match(text) or (main and _is_body(main[-1], text)):
            break
        if _LETTER.match(text) or (main and _SUBTITLE.match(text)):
            sub = _letter(cells, k) if _LETTER.match(text) else _subtitle(cells, k)
            if not main:
                return "" if _AUTHOR_ONLY.match(sub) else sub
            return _joined(main) + f" ({sub})"
        if main and not _open(main[-1]) and cell_kind(text) in ("session", "principal", "furniture"):
            break
        main.append(text)
        if len(main) > _MAX_LINES:
            return ""
        k += 1
    title = _joined(main)
    return title if sum(w.isalpha() for w in title.split()) >= 2 and not _AUTHOR_ONLY.match(title) else ""


def opens_body(text: str) -> bool:
    """Whether a line opens a title's subtitle or the body rather than a title."""
    return bool(_BODY.match(text) or _SUBTITLE.match(text))


def title_above(cells: Sequence[Cell], k: int) -> int:
    """Where the block above ``cells[k]`` starts when that block reads as a title (it opens with a
    text line and holds no masthead, distribution or agenda line); else ``k``. A title's lines set
    one per block (pdfminer) are followed up while one runs on into the next."""
    start = _block_start(cells, k - 1) if k else 0
    if start == 0 or not _title_like(cells[start:k]):
        return k
    while start > 0 and cells[start - 1].block < cells[start].block and runs_on(cells[start - 1].text, cells[start].text):
        above = _block_start(cells, start - 1)
        if above == 0 or not _title_like(cells[above:start]):
            break
        start = above
    return start


def _block_start(cells: Sequence[Cell], k: int) -> int:
    while k > 0 and cells[k - 1].block == cells[k].block:
        k -= 1
    return k


def _title_like(cells: Sequence[Cell]) -> bool:
    kinds = [cell_kind(c.text) for c in cells]
    return kinds[0] == "text" and not any(x in ("furniture", "principal", "agenda") for x in kinds)


def _open(line: str) -> bool:
    """Does ``line`` end on a word (or comma) after which a title's text runs on?"""
    return runs_on(line, "X")


def cover_title(cells: Sequence[Cell]) -> str:
    """An Official Records cover's title: the first text line after the masthead, read as above."""
    start = next((k for k, c in enumerate(cells[:8]) if cell_kind(c.text) == "text"), None)
    return "" if start is None else title_from(cells, start)


def _continues(main: list[str], text: str) -> bool:
    """A blank line inside a title (a subtitle's block, a line run on after ``of the``)."""
    return bool(runs_on(main[-1], text) or _SUBTITLE.match(text) or _LETTER.match(text))


def _is_body(prev: str, text: str) -> bool:
    return prev.rstrip().endswith(_SENTENCE_END) or len(text) > _MAX_LINE


def _letter(cells: Sequence[Cell], k: int) -> str:
    """A letter's title: its lines up to the one that completes ``addressed to ...``."""
    lines: list[str] = []
    for c in cells[k:k + 6]:
        if lines and (_is_body(lines[-1], c.text) or _BODY.match(c.text)):
            break
        lines.append(c.text)
        said = " ".join(lines)
        if "addressed to" in said and not _open(said.rstrip()):
            break
    return _joined(lines)


def _subtitle(cells: Sequence[Cell], k: int) -> str:
    """``Report of the Secretary-General`` (one line, its footnote stars dropped), or a session's
    report with its dates (``Report on the fifty-sixth session`` / ``(4–7 March 2025)``)."""
    lines = [cells[k].text]
    for c in cells[k + 1:k + 3]:
        if not (_DATES.match(c.text) or _open(lines[-1]) or c.text[:1].islower()) or _BODY.match(c.text):
            break
        lines.append(c.text)
    return _joined(lines)


def _joined(lines: Sequence[str]) -> str:
    return " ".join(" ".join(lines).split()).rstrip("*").rstrip()
