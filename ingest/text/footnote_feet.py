"""Footnotes at a page's foot that no ``______`` rule marks (issue 15).

The PDF's footnote rule is a drawn line, not text: pdfminer.six's and pypdfium2's extractions print the
footnotes straight after the page's last lines of text (``1  Association for Progressive Communications
...``) and before its footer, so ``furniture.strip_furniture`` kept them as running text and the
paragraphs that cite them got the bare number. Here a run at a page's foot is read as footnotes when
its first line starts with the next footnote number due (the numbers run on through a document), the
lines after it reach the page's footer or break (or, two notes or more, the blank lines that pad a page's foot), and no numbered paragraph or heading label stands
between. The run's lines are blanked (the line count stays, so pages and spans do not move).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .front_lines import MONTHS
from .furniture import PAGE_BREAK, is_furniture, is_separator, page_count
from .loose_feet import loose_run

_START_RE = re.compile(r"^(\d{1,3})\s+((?:[A-Z0-9“\"‘(]|https?:|www\.).*)$")  # a footnote opens on a capital or a link
_STAR_RE = re.compile(r"^(\*{1,3})\s*([A-Z0-9“\"‘(].*)$")
_BODY_RE = re.compile(r"^(?:\d{1,3}\.|[IVXL]{1,6}\.|[A-Z]\.)(?:\s|$)")
_LONGEST = 40  # lines a page's footnotes take at most
_AHEAD = 2  # footnote numbers that may be missed (a mark read into the text, a note on another line)
_PAGE_GAP = 3  # blank lines that end a page with no footer printed (pdfminer.six pads a page's foot with them)


def _opens(line: str, due: int) -> re.Match | None:
    """Line opening footnote ``due`` (or one of the next ``_AHEAD``), or a starred note (``* A/80/50.``,
    page 1's); not a date (``2 October``) nor a table's row (``10 E I (ACEFRS) T``: a one-letter cell
    after the number)."""
    star = _STAR_RE.match(line.strip())
    if star:
        return star
    m = _START_RE.match(line.strip())
    if not m or not due <= int(m.group(1)) <= (due + _AHEAD if due > 1 else 1):  # the first is 1
        return None
    first = m.group(2).split()[0]
    return None if len(first) < 2 or first.startswith(MONTHS) else m


def _run(lines: list[str], i: int, due: int, at_foot: Callable[[str], bool]) -> tuple[int, dict[str, str]]:
    """The footnotes from line ``i`` to the page's foot: (the line after the run, {number: text});
    (i, {}) when the lines are no such run."""
    notes: dict[str, list[str]] = {}
    last = ""
    blanks = 0
    for k in range(i, min(len(lines), i + _LONGEST)):
        if at_foot(lines[k]) or (blanks >= _PAGE_GAP and len(notes) >= 2):
            return (k, {n: " ".join(t) for n, t in notes.items()}) if notes else (i, {})
        s = lines[k].strip()
        blanks = 0 if s else blanks + 1
        if not s:
            continue
        m = _opens(s, due)
        if m:
            last = m.group(1)
            due = due if last.startswith("*") else int(last) + 1
            notes[last] = [m.group(2)]
        elif last and not _BODY_RE.match(s):
            notes[last].append(s)
        else:
            return i, {}
    return i, {}


def footnote_feet(lines: list[str], at_foot: Callable[[str], bool], marked: bool) -> tuple[list[str], dict[str, str]]:
    """``lines`` with the unmarked footnote runs blanked, and the footnotes they held by number.
    ``at_foot(line)``: is the line page furniture (a footer, a header, a page's counter)?
    ``marked``: the text prints its footnote rules, so its footnotes are read there and none here."""
    if marked:
        return lines, {}
    out = list(lines)
    notes: dict[str, str] = {}
    paged = PAGE_BREAK in lines  # pdftotext's raw notes, numbers on lines of their own (``loose_feet``)
    due, i = 1, 0
    while i < len(out):
        opens = _opens(out[i], due)
        if opens or (paged and _BARE_RE.match(out[i])):
            end, found = _run(out, i, due, at_foot) if opens else loose_run(out, i, due, at_foot)
            if found:
                notes.update(found)
                due = max([int(n) + 1 for n in found if n.isdigit()] + [due])
                out[i:end] = [""] * (end - i)
                i = end
                continue
        i += 1
    return out, notes



def unmarked_footnotes(lines: list[str], symbol: str) -> tuple[list[str], dict[str, str]]:
    """``footnote_feet`` for a text's lines (``furniture.page_lines``), its page furniture known by
    ``furniture.is_furniture`` and a bare page number."""
    pages = page_count(lines)

    def at_foot(line: str) -> bool:
        return line == PAGE_BREAK or bool(_BARE_RE.match(line)) or is_furniture(line, symbol, pages)

    return footnote_feet(lines, at_foot, any(is_separator(l) for l in lines))


_BARE_RE = re.compile(r"^\s*\d{1,3}\s*$")
