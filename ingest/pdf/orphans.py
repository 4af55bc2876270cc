"""Lines taken for headings that head nothing: rows of a list or table, kept as text (issue 15).

A list of names, of documents or of officers is often set one short plain line at a time with a
gap under each (``CEDAW/C/KWT/6 Sixth periodic report of Kuwait``, ``Chair: Fatimata Diallo``).
The segmenter reads such a line as a heading; when the next line is read as a heading of the same
level, the first is replaced on the section path before any paragraph stood under it, and its
text is in no chunk. Such a line is a row of the list or table before it: its text goes on at the
end of the paragraph or table above it, so nothing is lost and no citation moves.
"""

from __future__ import annotations

import re

from ..text.blocks import _Block
from .layout import Line

_NOT_LETTERS = re.compile(r"[^a-z]+")
_LABEL_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.\s")  # ``1. Recommendations addressed to ...``


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text.lower())


def keep_orphan_headings(blocks: list[_Block], lines: tuple[Line, ...], body: float) -> None:
    """Append each plain heading line that heads no block to the paragraph or table before it
    (in place). Bold, italic or larger headings are left alone: a typeset heading with nothing
    under it (an empty section, an annex's label) is structure, not a row; a numbered plain line
    that a typeset heading follows heads what is under that one: it goes on the section path
    above it."""
    plain = {l.text for l in lines if not (l.bold or l.italic) and abs(l.size - body) <= 0.6}
    heads = "|".join(_letters(h) for b in blocks for h in (b.section or ()))
    target: _Block | None = None
    for at, b in enumerate(blocks):
        if b.kind in ("paragraph", "table", "part") and b.lines:
            target = b
            continue
        if b.kind != "heading" or target is None:
            continue
        for k, text in enumerate(b.lines):
            key = _letters(text)
            if text not in plain or not key or key in heads or target.part != b.part:
                continue
            if _LABEL_RE.match(text) and not all(t in plain for t in b.lines[k + 1:]):
                _lead_section(blocks[at + 1:], text, b.lines[k + 1])
            else:
                target.lines.append(text)


def _lead_section(after: list[_Block], text: str, under: str) -> None:
    """Put a numbered plain heading on the section path above the typeset heading ``under`` that
    replaced it, for the blocks that heading stands over (up to the next heading block)."""
    for b in after:
        if b.kind == "heading":
            return
        path = b.section or ()
        if under in path:
            k = path.index(under)
            b.section = (*path[:k], text, *path[k:])
