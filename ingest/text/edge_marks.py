"""Marks at a page's top or foot that are no text, blanked before headings are read.

Besides the furniture ``furniture.is_furniture`` knows (symbol, job number, counter), other tools'
text keeps marks at a page's edge that the PDF reader never reads as text, and the text reader took
them for headings over the paragraphs after them:

- a lone capital letter with no stop (a margin glyph: ``I`` over every other page's running header
  of DP/2025/19 in every extraction), which stood on the section path of every paragraph below it (a
  lowercase one is a table note's mark, ``b``, and stays);
- a scanned document's running header in the style of the 1990s, the language and the page (``English``
  / ``Page 7``), with the symbol as the OCR read it (``A./47/466``), and the UN library's scan stamp
  ``Digitized by Dag Hammarskjöld Library`` (its OCR'd specks after it: ``". ~""__..``), which stood
  as headings (``english page 7``) in the middle of chapters;
- a scan's specks: lines of two letters or digits at most that are no label (``/``, ``['``, ``1 •••``,
  ``i.. "``; the old ``/`` continuation mark); a bullet or a stop alone is text.

Only a page's edge is looked at: from the page's first line down and its last line up, over blank
lines and furniture, up to the first line of other text. The scan stamp is no text wherever it
stands, so it is taken out of any line. Line count kept (marks become blank lines). Pure.
"""

from __future__ import annotations

import re

from .furniture import PAGE_BREAK, is_furniture, is_separator

_LONE_LETTER_RE = re.compile(r"^[A-Z]$")
_LANGUAGE_PAGE_RE = re.compile(r"^(?:English|Page\s+\d{1,3}|English\s+Page\s+\d{1,3})$", re.I)
_STAMP_RE = re.compile(r"Digitized\s+by\s+Dag\s+Hammarskj\S*\s+Library", re.I)
_BARE_NUMBER_RE = re.compile(r"^\d{1,3}$")
_BULLETS = frozenset("•▪◦‣●■□○-–—o")


def blank_edge_marks(lines: list[str], symbol: str) -> list[str]:
    """``lines`` (pages parted by ``"\\f"`` lines) with the marks at each page's edges blanked."""
    out = [_without_stamp(line) for line in lines]
    breaks = [-1] + [k for k, line in enumerate(out) if line == PAGE_BREAK] + [len(out)]
    for start, end in zip(breaks, breaks[1:]):
        for rng in (range(start + 1, end), range(end - 1, start, -1)):
            for k in rng:
                s = out[k].strip()
                if not s or is_furniture(s, symbol) or _BARE_NUMBER_RE.match(s):
                    continue
                if not _mark(s, symbol):
                    break
                out[k] = ""
    return out


def _without_stamp(line: str) -> str:
    """The line without the scan stamp; blank if only specks are left of it."""
    if not _STAMP_RE.search(line):
        return line
    rest = _STAMP_RE.sub("", line)
    return rest if re.search(r"[A-Za-z]{2}", rest) else ""


def _mark(s: str, symbol: str) -> bool:
    """Is ``s`` (a line at a page's edge) a mark rather than text?"""
    return bool(_LONE_LETTER_RE.match(s) or _LANGUAGE_PAGE_RE.match(s) or _specks(s)
                or (symbol and _squeezed(s) == _squeezed(symbol)))


def _specks(s: str) -> bool:
    """A line of a scan's specks: two letters or digits at most, and no label (``A.``, ``(a)``,
    ``12``), no footnote's star or rule, no list's bullet alone (``•`` at a page's top opens an item),
    no stop alone (a table's last cell's ``.`` ends the sentence above it)."""
    if (is_separator(s) or s.startswith("*") or s in _BULLETS or re.fullmatch(r"[.,;:]+", s)
            or len(re.findall(r"[A-Za-z0-9]", s)) > 2):
        return False
    return not re.fullmatch(r"\(?[A-Za-z0-9]{1,2}[.)]?", s)


def _squeezed(s: str) -> str:
    """A symbol with only its letters, digits and slashes (``A./47/466`` -> ``A/47/466``)."""
    return re.sub(r"[^A-Z0-9/]", "", s.upper())
