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

import bisect
import re

from .blocks import _Block
from .fragments import is_date_line
from .front_lines import cell_kind
from .late_numbers import STOP_END, runs_on
from .list_items import ITEM_RE
from .page_runs import PageRuns, split_run

_MIN_PROSE = 25  # characters: a line of running text, not a salutation or a short heading
_LABEL_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,3})\.$")  # ``2.`` alone: an agenda item's or a section's label
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


def _in_list(piece: list[tuple[int, str]], nxt: list[tuple[int, str]], closes: bool) -> bool:
    """The piece ``nxt`` goes on with ``piece``: an item of the list ``piece`` leads into (its last
    line ends with ``:`` or ``;``) or is running (an item with no full stop yet), or the rest of a
    sentence ``piece`` breaks off in (a lowercase word first, or after a word no sentence ends
    with), where ``nxt`` ends the sentence or its block of lines (``closes``: a box of a table or
    an infographic), or an item is running: a title's last line over the text (``the President of
    the Security Council`` / ``I would like ...``) stays with the title."""
    last, first = piece[-1][1].rstrip(), nxt[0][1]
    items = any(ITEM_RE.match(t) for _, t in piece)
    if ITEM_RE.match(first):
        return last.endswith((":", ";")) or (items and not _ends_sentence(last))
    if last.endswith(STOP_END):
        return False
    return (first[:1].islower() or (len(last) >= _MIN_PROSE and runs_on(last, "X"))) and (
        items or closes or _ends_sentence(nxt[-1][1]))


def split_unnumbered(groups: list[list[tuple[int, str]]], width: int, titles: bool = True) -> list[list[tuple[int, str]]]:
    """The blank-parted ``groups`` cut further by ``split_run``, with a list's items and an item's
    wrapped lines put back with the paragraph they belong to (across a blank line too: pdfminer
    writes one after each item's box). With ``titles`` a broken-off line that neither ends a
    sentence nor closes its group is a title's (a letter's, over its text), not more of the text."""
    out: list[list[tuple[int, str]]] = []
    for g in (g for g in groups if g):
        pieces = split_run(g, width)
        for k, piece in enumerate(pieces):
            if out and _in_list(out[-1], piece, k == len(pieces) - 1 or not titles):
                out[-1].extend(piece)
            else:
                out.append(piece)
    return out


def _placed(texts: list[str], first_line: int, runs: PageRuns) -> list[tuple[int, str]]:
    """The block's lines with their line numbers: its lines are the non-blank lines from
    ``first_line`` on, in order (one the walk set aside is skipped)."""
    at = bisect.bisect_left([ln for ln, _ in runs.lines], first_line)
    out: list[tuple[int, str]] = []
    for ln, raw in runs.lines[at:]:
        if len(out) == len(texts):
            break
        if raw.strip() == texts[len(out)]:
            out.append((ln, texts[len(out)]))
    return out if len(out) == len(texts) else []


def unfolded_paragraphs(texts: list[str], first_line: int, runs: PageRuns, part: str) -> list[_Block]:
    """Text the walk found no paragraph for (a heading block of many lines: an agenda's
    annotations under ``1.`` / ``Election of officers``), split as unnumbered text is split, each
    paragraph cited by the page it starts on; a label alone (``2.``) and the short lines that end
    no sentence are headings. ``[]`` where its lines cannot be placed."""
    placed = _placed(texts, first_line, runs)
    if not placed:
        return []
    kinds: list[tuple[str, list[tuple[int, str]]]] = []
    label: list[tuple[int, str]] = []
    for piece in split_unnumbered([placed], runs.width, titles=False):
        lines = [t for _, t in piece]
        if len(lines) == 1 and _LABEL_RE.match(lines[0]):
            label = piece
            continue
        short = len(lines) <= 3 and not _ends_sentence(lines[-1]) and not ITEM_RE.match(lines[0])
        kinds.append(("prose" if not short else "label" if label else "short", label + piece))
        label = []
    out: list[_Block] = []
    run: list[tuple[str, list[tuple[int, str]]]] = []
    for kind, piece in kinds + [("end", [])]:
        if kind in ("short", "label"):
            run.append((kind, piece))
            continue
        blocks, carry = _short_run(run, kind == "prose", part, runs)
        out.extend(blocks)
        if piece:
            out.append(_paragraph(carry + piece, runs, part))
        run = []
    return out


def _short_run(run: list[tuple[str, list[tuple[int, str]]]], prose_follows: bool, part: str,
               runs: PageRuns) -> tuple[list[_Block], list[tuple[int, str]]]:
    """Short pieces between prose: one alone over prose is a heading (a date or a running header's
    symbol goes on with the prose instead), as is a labelled one (``1.`` / ``Election of officers``)
    last over prose; a run of them (a table's cells, a list of names) stays text, one paragraph, so
    no word leaves the chunks. Returns the blocks and the lines the prose after opens with."""
    if not run:
        return [], []
    if prose_follows and len(run) > 1 and run[-1][0] == "label":
        before, _ = _short_run(run[:-1], False, part, runs) if len(run) > 2 else (_heads(run[0][1], part), [])
        return before + _heads(run[-1][1], part), []
    if prose_follows and len(run) == 1:
        return (_heads(run[0][1], part), []) if _headed(run[0][1]) else ([], run[0][1])
    return [_paragraph([x for _, p in run for x in p], runs, part)], []


def _heads(piece: list[tuple[int, str]], part: str) -> list[_Block]:
    return [_Block("heading", lines=[" ".join(t for _, t in piece)], part=part, first_line=piece[0][0])]


def _headed(piece: list[tuple[int, str]]) -> bool:
    """Can this short piece head the text under it? Not a date line, a running header's symbol or
    another page-1 line (``front_lines.cell_kind``): those are no section of anything; nor words
    opening in lowercase (a sentence's middle that an extractor wrote out of order)."""
    text = " ".join(t for _, t in piece)
    words = [w for w in text.split() if not _LABEL_RE.match(w)]
    if not words or words[0][:1].islower():  # ``29.`` / ``is useful to ...``: a sentence's middle, out of order
        return False
    return cell_kind(text) == "text" and not is_date_line(text)


def _paragraph(piece: list[tuple[int, str]], runs: PageRuns, part: str) -> _Block:
    return _Block("paragraph", part=part, first_line=piece[0][0], last_line=piece[-1][0],
                  page=runs.page(piece[0][0]), lines=[t for _, t in piece])
