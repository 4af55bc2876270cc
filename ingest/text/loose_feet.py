"""A page's footnotes that open on a number alone on its line, with no rule above them (issue 15).

Where the PDF draws its footnote rule, poppler's raw ``pdftotext`` prints nothing for it, and writes
each raised footnote number on a line of its own, out of order (``1`` / ``2`` / ``Association for
...`` or ``2`` / ``A/RES/79/1.`` / ``https://...`` / ``4 https://...`` / ``3``): ``footnote_feet``'s
runs open on ``1  Association ...`` and never start there. Here, in text that marks its pages, a run
opens on a bare number that is the next footnote due and runs to the page's break; its numbers go back
on its lines by ``note_marks.assign_notes``. A numbered paragraph in the run, or no break within reach,
refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .furniture import PAGE_BREAK
from .note_marks import Entry, assign_notes

_BARE_RE = re.compile(r"^(\d{1,3})$")
_MARKED_RE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_BODY_RE = re.compile(r"^(?:\d{1,3}\.|[IVXL]{1,6}\.|[A-Z]\.)(?:\s|$)")
_OPENS_RE = re.compile(r"^(?:[A-Z“\"‘(]|https?:|www\.)")
_LONGEST = 45  # lines from a page's first note to its break
_AHEAD = 2  # footnote numbers that may be missed before the first of a page


def _entry(s: str) -> Entry:
    bare = _BARE_RE.match(s)
    if bare:
        return Entry(bare.group(1))
    marked = _MARKED_RE.match(s)
    return Entry(marked.group(1), marked.group(2)) if marked else Entry("", s)


def loose_run(lines: list[str], i: int, due: int, furniture: Callable[[str], bool]) -> tuple[int, dict[str, str]]:
    """The footnotes from the bare number on line ``i`` to the page's break: (the break's line, {number:
    text}); (i, {}) when the lines are no such run. ``furniture(line)``: a header or footer line, skipped."""
    first = _BARE_RE.match(lines[i].strip())
    if not first or not due <= int(first.group(1)) <= (due + _AHEAD if due > 1 else 1):
        return i, {}
    entries: list[Entry] = []
    for k in range(i, min(len(lines), i + _LONGEST)):
        s = lines[k].strip()
        if lines[k] == PAGE_BREAK:
            break
        if not s or (not _BARE_RE.match(s) and furniture(lines[k])):
            continue
        if _BODY_RE.match(s):
            return i, {}
        entries.append(_entry(s))
    else:
        return i, {}
    opening = next((e for e in entries if e.text), None)
    if not opening or not _OPENS_RE.match(opening.text):
        return i, {}
    notes = assign_notes(entries)
    return (k, notes) if notes and first.group(1) in notes else (i, {})
