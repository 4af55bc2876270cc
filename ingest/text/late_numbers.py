"""A paragraph number that an extractor wrote after its paragraph's first line, put back before it.

pdfminer.six orders text by boxes: where a paragraph's first line stands apart from the rest (the
first line of a page, or after a heading), the hanging number's box comes out *after* that line::

    The General Assembly, in its resolution 72/279, welcomed the strengthening of
    2.
    independent system-wide evaluation measures by the Secretary-General ...

Read as printed, the paragraph loses its number (and the line before the number is glued to the
paragraph above, or read as a heading). A bare number line ``N.`` is moved back before the line
above it when that line is a block of its own (after a blank line, a page break or the start), is a
line of prose (long, not a stop at its end) and the text after the number runs on from it (a lowercase
word first, or the line above ends on a word that never ends a sentence, or it fills the text's
full width as only a justified paragraph's line does: ``... with 380 killed. 2`` / ``4.`` /
``Humanitarian and medical ...``). A heading over a
paragraph (``Introduction`` / ``1.`` / ``The 2013 ...``) is left alone. The line count is kept, so
line positions (page breaks) do not move. Where the first line itself came out in boxes, each a
block of its own (justified text's wide gaps), the number goes before the box that opens with a
capital; the boxes keep pdfminer's order. Pure.
"""

from __future__ import annotations

import re

BARE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\.\s*$")
STOP_END = (".", "!", "?", ":", ";", ".”", ".\"", ".)")
_RUN_ON_WORDS = frozenset("""a an the of and or nor to in on at by for from with as that than its their
his her our this these those which who whose whom into onto upon between among including such be is are
was were has have had not also under over about through within without against across towards
""".split())
_MIN_FIRST = 25  # characters: a justified paragraph's first line, not a short heading


def solid(s: str) -> bool:
    """A line with text on it: not blank, not a page break."""
    return bool(s.strip()) and s != "\f"


def prose_line(s: str) -> bool:
    """A line that reads as a paragraph's first line, not a heading or a numbered line of its own."""
    return (len(s) >= _MIN_FIRST and not s.endswith(STOP_END) and not re.match(r"^\(?\w{1,4}[.)]\s", s)
            and s[:1].isalnum())


def runs_on(first: str, after: str) -> bool:
    """Does ``after`` continue ``first`` mid-sentence?"""
    last = re.sub(r"[^\w-]+$", "", first.rsplit(None, 1)[-1]).lower()
    return after[:1].islower() or last in _RUN_ON_WORDS or first.endswith((",", "-", "–"))


def _prev_solid(lines: list[str], i: int, limit: int = 2) -> int | None:
    """The index of the nearest non-blank line above ``i``, over at most ``limit`` blank lines."""
    j = i - 1
    while j >= 0 and not lines[j].strip() and lines[j] != "\f" and i - j <= limit + 1:
        j -= 1
    return j if j >= 0 and lines[j].strip() and lines[j] != "\f" else None


def _next_solid(lines: list[str], i: int) -> str:
    return next((s.strip() for s in lines[i + 1:i + 4] if s.strip() and s != "\f"), "")


def line_width(lines: list[str]) -> int:
    """The text's full line length: the 90th percentile of its lines' lengths (justified prose fills it)."""
    sizes = sorted(len(s.strip()) for s in lines if len(s.strip()) >= 20)
    return sizes[int(len(sizes) * 0.9)] if sizes else 0


def _alone(lines: list[str], j: int) -> bool:
    """Is line ``j`` a block of its own (after a blank line, a page break or the start)?"""
    return j == 0 or not lines[j - 1].strip() or lines[j - 1] == "\f"


def _first_box(lines: list[str], j: int, limit: int = 3) -> int | None:
    """Where a first line that came out in boxes starts: from a lowercase fragment back over lone
    fragments to the one that opens with a capital or a digit (``Inclusive artificial`` /
    ``requires ethical standards, coordinated`` / ``27.``); None if there is none near."""
    k = j
    for _ in range(limit):
        if not lines[k].strip()[:1].islower():
            return k
        p = _prev_solid(lines, k, limit=1)
        if p is None or not _alone(lines, p) or BARE_NUMBER_RE.match(lines[p]) or lines[p].strip().endswith(STOP_END):
            return None
        k = p
    return None if lines[k].strip()[:1].islower() else k


def restore_late_numbers(lines: list[str]) -> list[str]:
    """Each bare ``N.`` line written after its paragraph's lone first line, moved back before it."""
    out = list(lines)
    full = 0.85 * line_width(lines) or float("inf")
    for i, line in enumerate(out):
        if not BARE_NUMBER_RE.match(line):
            continue
        j = _prev_solid(out, i)
        if j is None or BARE_NUMBER_RE.match(out[j]) or not _alone(out, j):
            continue
        first, after = out[j].strip(), _next_solid(out, i)
        if not (after and prose_line(first) and (runs_on(first, after) or len(first) >= full)):
            continue
        k = _first_box(out, j)
        if k is not None:
            out[k:i + 1] = out[j + 1:i] + [line] + out[k:j + 1]
    return out
