"""Heading lines of text with no layout: what is no heading, and where a heading's title runs on.

- A line that is only document symbols (``E/HLPF/2025/L.1``: a joint document's second symbol, printed
  on a line of its own in the running header) is page furniture, never a heading: kept, it stood on the
  section path of every paragraph after it.
- A labelled title line that filled the heading's measure (40 characters or more, ending on a word)
  runs on into the next line even when that line starts with a capital (``VII. United Nations
  Sustainable Development Cooperation`` / ``Framework Evaluations``); a short title over another line is a
  heading with a sub-heading under it (``I. Introduction`` / ``Overview of key trends``), and so is a line that opens
  on a sub-label (``(a) Quality and dignified maternal care ...`` under ``1.`` / ``Maternal health ... and care``).
- A chapter heading (``II.  Overview of humanitarian emergencies``: a Roman label, a capital, no sentence
  end) is no more of a paragraph that broke off mid-sentence above it: pdfminer.six writes a paragraph's
  stray box (``is as effective, prioritized, efficient,``) just above the next chapter.
- The heading that opens a chapter cited as a part (``chap. I``) stands on the path by its title alone
  (``Matters calling for action ...``, not ``Chapter I Matters ...``), as the PDF reader puts it: the
  citation already names the chapter.
- Unlabelled headings that open on the same word and a number (``Goal 3. Ensure healthy lives ...``,
  ``Goal 5. Achieve gender equality ...``) are siblings: the second replaces the first on the path
  instead of nesting under it (the PDF reader tells them alike by their type style). Issue 15.
"""

from __future__ import annotations

import re

from .front_lines import cell_kind
from .furniture import SYMBOL_RE
from .sections import TOP_HEADING_RE

FULL_TITLE = 40  # characters: a labelled title line this long filled its measure
LABEL_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.(?:\s|$)")
_SUBLABEL_RE = re.compile(r"^\((?:[a-z]{1,2}|[ivx]{1,5})\)\s")  # ``(a) Quality ...``: a sub-heading's own label


def bare_symbol(line: str) -> bool:
    """Is the line only one or more document symbols (``E/2025/L.16``, ``A/80/75 E/2025/55``)?"""
    s = line.strip()
    return bool(SYMBOL_RE.search(s)) and not re.sub(r"[\s*\-−–]+", "", SYMBOL_RE.sub("", s))


_FIGURE_TEXT_RE = re.compile(r"^(?:[-–•▪●◦]|\$\s?\d|\d{1,3}(?:,\d{3})+\b)")


def heading_text(lines: list[str]) -> list[str]:
    """A heading block's lines without the bare symbols and bare numbers among them (``75``: a footnote's
    mark that pypdfium2 writes on a line of its own after the sentence it marks; no label has no stop),
    nor the lines of an infographic set among headings: a line opening with a bullet or dash
    (``- 160 million people, 53 countries``, ``•``) or a figure (``372,000 ex-combatants``,
    ``$430 billion``) heads nothing."""
    kept = [s for s in lines if not bare_symbol(s) and not s.strip().isdigit()
            and not _FIGURE_TEXT_RE.match(s.strip())]
    return _without_cells(kept)


_CELLS = 4  # short lines in a row: a table's row written one cell a line
_CELL_WORDS = 3


def _without_cells(lines: list[str]) -> list[str]:
    """``lines`` without runs of ``_CELLS`` or more short lines (``_CELL_WORDS`` words or fewer, no label)
    in a row: a table's header and row written one cell a line (``Business unit responsible`` /
    ``Status`` / ``Priority`` / ``Target date``), which head nothing."""
    short = [len(s.split()) <= _CELL_WORDS and not LABEL_RE.match(s.strip()) and not _SUBLABEL_RE.match(s.strip())
             and not re.match(r"(?i)(?:chapter|annex|part)\b", s.strip()) for s in lines]
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        while end < len(lines) and short[end]:
            end += 1
        if end - k >= _CELLS:
            k = end
            continue
        out.extend(lines[k:max(end, k + 1)])
        k = max(end, k + 1)
    return out


def fills_measure(prev: str, line: str, full: int = FULL_TITLE) -> bool:
    """Does a labelled heading's title line ``prev`` run on into ``line`` because it filled its measure
    (``full`` characters or more)?"""
    p = prev.rstrip()
    return (len(p) >= full and p[-1:].isalnum() and not LABEL_RE.match(line.strip())
            and not _SUBLABEL_RE.match(line.strip()) and not TOP_HEADING_RE.match(line.strip())
            and len(line.strip()) < len(p))


_COUNT_ALONE_RE = re.compile(r"^[A-Z][a-z]+\s+\d{1,3}$")  # ``Goal 3``: a counted label, its title under it
_CONNECTOR_END_RE = re.compile(r"(?:\b(?:the|of|and|or|for|to|on|in|by|with|from|a|an|at)|[,:;(\-–])$", re.I)
# ``(a)``, ``b)``, ``... (for approval) b)``: a list label alone or at a line's end, its title under it
_LABEL_ALONE_RE = re.compile(r"^(?:\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|\d{1,2}\.)$|(?:^|\s)\(?[a-z]\)$")
_LONGER = 8  # characters: a short heading line over a line this much longer heads it


def open_quote(lines: list[str]) -> bool:
    """Does a heading's text so far leave a quotation or bracket open (``the theme “Advancing ...``)?"""
    text = " ".join(lines)
    return text.count("“") > text.count("”") or text.count("(") > text.count(")")


def opens_heading(group: list[str], line: str, titled: bool = True) -> bool:
    """Does ``line`` open an unlabelled heading of its own under the unlabelled heading ``group``
    (its lines so far) rather than run on in it? A counted label alone (``Goal 3``) with a line under
    it (``titled``) opens one and takes that line as its title; a short line that ends on no connector over a line at
    least ``_LONGER`` characters longer, opening with a capital, is a heading over a sub-heading
    (``Our achievements`` / ``Implementing the 2030 Agenda``): a wrapped title's next line is no
    longer than the line it runs on from. A line that is page furniture or a page-1 cell (a running
    header's misprinted symbol, a calendar's dates: ``front_lines.cell_kind``) opens nothing, nor does the
    line after it. A line that is or ends on a list label (``(a)``, ``... b)``)
    has its title under it."""
    prev, s = group[-1].strip(), line.strip()
    if (_COUNT_ALONE_RE.match(prev) and len(group) == 1) or _LABEL_ALONE_RE.match(prev):
        return False
    if cell_kind(prev) != "text" or cell_kind(s) != "text":  # a running header's symbol, a table's dates
        return False
    if _COUNT_ALONE_RE.match(s):
        return titled  # last in its block, ``Goal 14`` ends the title above (``... Sustainable Development``)
    return (len(prev) < FULL_TITLE and len(s) >= len(prev) + _LONGER and s[:1].isupper()
            and not _CONNECTOR_END_RE.search(prev) and not open_quote(group))


_COUNTED_RE = re.compile(r"^([A-Z][a-z]+)\s+(\d{1,3})\b")


def counted_sibling(path: list[tuple[int, str]], heading: str) -> int:
    """The level of the heading on ``path`` that opens on the same word and a number as ``heading``
    (``Goal 3.`` for ``Goal 5.``), or 0."""
    m = _COUNTED_RE.match(heading)
    if not m:
        return 0
    for level, h in reversed(path):
        o = _COUNTED_RE.match(h)
        if o and o.group(1) == m.group(1) and o.group(2) != m.group(2):
            return level
    return 0


_CHAPTER_RE = re.compile(r"^[IVXL]{1,6}\.\s+[A-Z“]")


def chapter_heading(line: str) -> bool:
    """Is the line a chapter's heading (``II.  Overview of ...``), whatever the line above it?"""
    s = line.strip()
    return bool(_CHAPTER_RE.match(s)) and len(s) < 130 and not s.endswith((".", ";", ","))


_PART_CHAPTER_RE = re.compile(r"(?:^|, )chap\. ([IVXL]+|\d+)$", re.I)


def without_part_label(heading: str, part: str) -> str:
    """``heading`` without the ``Chapter I`` that the part's label (``chap. I``) already says."""
    m = _PART_CHAPTER_RE.search(part)
    if not m:
        return heading
    h = re.match(rf"(?i)chapter\s+{re.escape(m.group(1))}\b[\s.:–-]*(.*)$", heading)
    return h.group(1) if h and h.group(1) else heading


def _unlabelled(heading: str) -> bool:
    return not LABEL_RE.match(heading) and not re.match(r"(?i)(?:chapter|annex|part)\b", heading)


def prose_sibling(path: list[tuple[int, str]], heading: str = "") -> int:
    """The level of the unlabelled heading last on ``path``, for an unlabelled heading that follows
    paragraphs under it: ``Advancing science ...`` after ``Making artificial intelligence ...`` and its
    paragraphs is its sibling, not its child (a heading right under another still nests). 0 if the
    last heading is labelled. Where unlabelled headings nest on the path, ``heading`` is the sibling of
    one above the last that ends on the same word: ``Side events`` after ``Special events`` /
    ``Special event of the 10-Member Group on ...`` and its paragraphs is a sibling of ``Special events``."""
    if not path or not _unlabelled(path[-1][1]):
        return 0
    last = _last_word(heading)
    for level, h in reversed(path[:-1]):
        if not _unlabelled(h):
            break
        if last and _last_word(h) == last:
            return level
    return path[-1][0]


def _last_word(heading: str) -> str:
    words = re.findall(r"[A-Za-z]+", heading.lower())
    return words[-1] if words and len(heading.split()) > 1 else ""


_GLUED_MARK_RE = re.compile(r"(?<=[a-z]{2})\d{1,2}$")


def without_glued_mark(heading: str) -> str:
    """A heading without the footnote mark glued to its last word (``... session of the Forum4``): a
    heading's last word never ends in lower case and digits; the mark heads no paragraph."""
    return _GLUED_MARK_RE.sub("", heading)
