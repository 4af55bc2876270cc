"""Where a paragraph of unnumbered text ends, in text from other tools (issue 15).

A letter, a statement or an annex that numbers nothing is cited by page and paragraph
(``A/79/985, p. 3, para. 2``), so each printed paragraph must be one block. The text shows the
breaks in three ways, and hides them in two:

- pdftotext ``-layout`` keeps the page's left margin on every line, so a paragraph's first line is
  the one indented *deeper* than the line above, after a line that ends a sentence (a plain-text
  file's first-line indent is the same rule with a margin of nothing);
- a dash or bullet after a line that ends a sentence opens a new item;
- pdfminer.six writes a blank line after each of its boxes, inside a sentence too
  (``... of the Commission on the`` / blank / ``Status of Women, in America.``): a blank under a
  line of prose that ends on a word no sentence ends with (``the``, ``of``, ``and``) or on a comma
  parts nothing.

Where a run of lines has no blank line or indent in it (pdftotext's raw text), ``page_runs.split_run``
parts it at short lines; a list's items and the lines an item wraps onto then stay with the
paragraph that leads into them (``... by:`` / ``– Producing ...`` / ``Kipushi, Lubefu and Likasi``),
as the PDF reader keeps a list inside the paragraph it belongs to (``ingest.pdf.unnumbered._in_list``).

Pure functions over the raw lines (indents kept).
"""

from __future__ import annotations

import re

from .late_numbers import STOP_END, runs_on
from .list_items import ITEM_RE
from .page_runs import split_run

_MIN_PROSE = 25  # characters: a line of running text, not a salutation or a short heading
_ITEM_RE = re.compile(r"^(?:[–—•●▪◦\-]\s|\([a-z]{1,3}\)\s|[a-z]\)\s)")


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip())


def _ends_sentence(s: str) -> bool:
    return s.rstrip().endswith(STOP_END) and not s.rstrip().endswith(":")


def bridges_blank(prev: str) -> bool:
    """A blank line under ``prev`` is inside its sentence: a line of prose ending on a word that
    ends no sentence or on a comma."""
    s = prev.strip()
    return len(s) >= _MIN_PROSE and not s.endswith(STOP_END) and runs_on(s, "X")


def opens_paragraph(prev_raw: str, raw: str, next_raw: str) -> bool:
    """Line ``raw`` opens a paragraph though no blank line comes before it: it is indented deeper
    than the line under it (a first-line indent) or than the line above, after a line that ends a
    sentence; deeper than both, opening with a capital, after a heading's line too (``Introduction`` / ``   In this ...``);
    or it opens with a dash or a bullet after a sentence's end."""
    if not prev_raw.strip():
        return False
    deeper_prev = _indent(raw) > _indent(prev_raw) + 1
    deeper_next = bool(next_raw.strip()) and _indent(raw) > _indent(next_raw) + 1
    if not _ends_sentence(prev_raw):  # a heading's line over a first line, not an item's wrapped line
        return deeper_prev and deeper_next and raw.strip()[:1].isupper() and not runs_on(prev_raw.strip(), raw.strip())
    return deeper_prev or deeper_next or bool(_ITEM_RE.match(raw.strip()))


def _in_list(piece: list[tuple[int, str]], nxt: str) -> bool:
    """``nxt`` goes on with ``piece``: an item of the list it leads into (its last line ends with
    ``:`` or ``;``) or is running (an item with no full stop yet), or more of a line that runs on."""
    last = piece[-1][1].rstrip()
    if ITEM_RE.match(nxt):
        return last.endswith((":", ";")) or (any(ITEM_RE.match(t) for _, t in piece) and not _ends_sentence(last))
    if last.endswith(STOP_END):
        return False
    return nxt[:1].islower() or (len(last) >= _MIN_PROSE and runs_on(last, "X"))


def split_unnumbered(groups: list[list[tuple[int, str]]], width: int) -> list[list[tuple[int, str]]]:
    """The blank-parted ``groups`` cut further by ``split_run``, with a list's items and an item's
    wrapped lines put back with the paragraph they belong to (across a blank line too: pdfminer
    writes one after each item's box)."""
    out: list[list[tuple[int, str]]] = []
    for piece in (p for g in groups if g for p in split_run(g, width)):
        if out and _in_list(out[-1], piece[0][1]):
            out[-1].extend(piece)
        else:
            out.append(piece)
    return out
