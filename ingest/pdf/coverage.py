"""Body text in, body text out: which body lines of a PDF no chunk holds (issue 15).

Every line of running text on every page must end up in some chunk (a paragraph, a table, the
summary, a preambular paragraph) or name one (a heading on a section path, the title). A line
counts as held when its letters, in order, appear in that text; digits, spaces and punctuation
are ignored, so footnote marks taken out, mended hyphenation and rejoined words still match.
Not body text: page furniture and footnotes (``zones`` removes them), a letter's forms
(``ingest.text.fragments.is_form_line``: date line, ``[Original: ...]``, ``(Signed) ...``), bold
lines that end no sentence (headings: the structure, not the text), and page 1's masthead, agenda block and title (everything down to the title's last large bold line), a contents list and the opening lines of any list's entries
that end in dot leaders, and a ``*`` note on the title at a page's foot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..models import Document
from ..text.fragments import is_form_line
from ..compound_numbers import without_label
from .front_page import read_symbols, title_floor
from .asides import worded
from .contents import contents_lines
from .geometry import ends_sentence
from .layout import Line, read_pages
from .zones import split_zones

_NOT_LETTERS = re.compile(r"[^a-z]+")
_LEADERS = re.compile(r"(?:\.\s?){5,}\s*\d{0,3}\s*$")  # ``governance initiatives ........ 38``
_STAR_NOTE = re.compile(r"^\*{1,3}\s+\S")  # ``* Circulated in the languages of submission only.``
_CONTENTS_HEAD = re.compile(r"^(?:[A-Z][a-z]*\s*){1,3}Page$")  # ``Chapter Page``, ``SectionTitle Page``
_LIST_ENTRY = re.compile(r"^\d{1,3}\.\s+[A-Z]")  # ``91. Malta 12 June 1992``: a list's entry is text, however short
_DOCUMENT_NOTE = re.compile(r"^(?:\*{1,3}\s|Note:\s)")  # page 1: ``Note: The present document was processed ...``
MIN_LETTERS = 8  # shorter lines (a lone number, "(a)") say too little to check


@dataclass(frozen=True)
class Coverage:
    """Body lines checked and the ones no chunk holds."""

    symbol: str
    checked: int
    lost: tuple[Line, ...]


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text.lower())


def haystack(doc: Document) -> str:
    """The letters of everything the document's chunks say or are filed under."""
    parts = [doc.title]
    for c in doc.chunks:
        parts.append(c.text)
        parts.extend(c.section)
        parts.extend(c.footnotes)
    return "|".join(_letters(p) for p in parts)


def body_coverage(path: str | Path, doc: Document) -> Coverage:
    """Check every body line of the PDF at ``path`` against the chunks of ``doc`` (read from it)."""
    pages = read_pages(Path(path))
    zones = split_zones(pages, read_symbols(pages[0]) or (doc.symbol,))
    hay = haystack(doc)
    listed = {id(zones.lines[k]) for k in contents_lines(zones.lines)}  # a contents list is not body text
    listed |= _entry_openings(zones.lines) | {id(l) for l in zones.lines if _star_note(l, pages)}
    lines = [l for l in zones.lines if id(l) not in listed and abs(l.size - zones.body_size) <= 0.6 and not is_form_line(l.text)
             and not (l.bold and not ends_sentence(l.text))]  # a bold line that ends no sentence is a heading
    first = pages[0]
    floor = title_floor(first, zones.body_size)  # page 1's title block ends here
    checked: list[Line] = []
    lost: list[Line] = []
    for l in lines:
        key = _letters(without_label(l.text))  # ``II.3 The Committee``: the chunk files ``II`` as its chapter
        if len(key) < MIN_LETTERS or (l.page == 1 and l.top <= floor):
            continue  # too short to say anything, or the masthead and agenda block above the title
        held = key in hay
        checked.append(l)
        if not held:
            lost.append(l)
    return Coverage(doc.symbol, len(checked), tuple(lost))


@dataclass(frozen=True)
class SmallCoverage:
    """Small-type lines (notes, tables, sources, labels) no chunk holds, each with its class: what
    is rightly left out (``contents``, ``masthead``, ``document note``, ``labels``) and ``text``, lost."""

    symbol: str
    checked: int
    lost: tuple[tuple[str, Line], ...]

    def count(self, kind: str) -> int:
        return sum(k == kind for k, _ in self.lost)


SMALL_CLASSES = ("contents", "masthead", "document note", "labels", "text")


def small_coverage(path: str | Path, doc: Document) -> SmallCoverage:
    """Check every small-type line of the PDF at ``path`` (footnotes and furniture taken out by the
    zones) against the chunks of ``doc`` and class the lines no chunk holds: a contents list's
    headers and entries (navigation), page 1's masthead and notes on the document (``* Reissued
    ...``, ``Note: The present document was processed ...``: about the file, not its text), a
    chart's or table's labels and titles (no sentence, and bold or fewer than three words of three
    letters: ``Government of Sweden``, ``Harmonized index``) and ``text``, content lost (a table's
    notes, a sentence)."""
    pages = read_pages(Path(path))
    zones = split_zones(pages, read_symbols(pages[0]) or (doc.symbol,))
    hay = haystack(doc)
    listed = {id(zones.lines[k]) for k in contents_lines(zones.lines)} | _entry_openings(zones.lines)
    floor = title_floor(pages[0], zones.body_size)
    checked = 0
    lost: list[tuple[str, Line]] = []
    for l in zones.lines:
        key = _letters(l.text)
        if l.size >= zones.body_size - 0.6 or len(key) < MIN_LETTERS:
            continue
        checked += 1
        if key in hay:
            continue
        if id(l) in listed or _LEADERS.search(l.text) or _CONTENTS_HEAD.match(l.text.strip()):
            kind = "contents"
        elif l.page == 1 and l.top <= floor:
            kind = "masthead"
        elif (l.page == 1 and _DOCUMENT_NOTE.match(l.text)) or _star_note(l, pages) or _runs_on(lost, l, "document note"):
            kind = "document note"
        elif not ends_sentence(l.text) and (l.bold or not worded(l.text)) and not _LIST_ENTRY.match(l.text):
            kind = "labels"  # a chart's or table's labels, or a bold title over them
        else:
            kind = "text"
        lost.append((kind, l))
    return SmallCoverage(doc.symbol, checked, tuple(lost))


def _runs_on(lost: list[tuple[str, Line]], l: Line, kind: str) -> bool:
    """Is ``l`` the next line of the last lost line, itself of ``kind`` (a note's second line)?"""
    if not lost or lost[-1][0] != kind:
        return False
    prev = lost[-1][1]
    return prev.page == l.page and 0 < l.top - prev.top <= 1.6 * prev.size


def _entry_openings(lines: tuple[Line, ...]) -> set[int]:
    """The first lines of multi-line entries of a list with dot leaders (an index of decisions
    with their pages, anywhere in the document): navigation like the leader line that ends them."""
    out: set[int] = set()
    for k, l in enumerate(lines):
        for n in lines[k + 1:k + 4]:
            if n.page != l.page or n.x0 < l.x0 - 2:
                break
            if _LEADERS.search(n.text):
                out.add(id(l))
                break
            if ends_sentence(n.text) or _LEADERS.search(l.text):
                break
    return out


def _star_note(l: Line, pages: list) -> bool:
    """A note on the title or symbol at a page's foot (``* Circulated in the languages of
    submission only.``, ``* Reissued for technical reasons.``): furniture, even where the page
    zones could not set it apart as a footnote (a document whose scanned annex sets the measured
    body size)."""
    return bool(_STAR_NOTE.match(l.text)) and l.top > 0.75 * pages[l.page - 1].height
