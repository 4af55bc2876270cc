"""A short note's own numbered paragraphs, found among the page-cited prose of a document the
segmenter read as numbering nothing.

The segmenter opens numbered paragraphs in the document's body type. A note of three numbered
paragraphs over an annex that is a long table set in other type (A/AC.172/2025/2: a 52-page
calendar in small type) has a body type that is the table's, so its paragraphs were read as
page-1 prose and cited by page. When the prose opens with ``1.``, ``2.`` ... in sequence, these
are the note's numbered paragraphs, as printed. Pure: it reads and rewrites blocks only.
"""

from __future__ import annotations

import re

from ..text.blocks import _Block

_OPENS_RE = re.compile(r"^(\d{1,3})\.\s+(?=[A-Z“‘\"(])")  # ``1. The annex ...``: a number, a stop, a capital


def number_opening_run(blocks: list[_Block]) -> int:
    """Number the run of page-cited body paragraphs that opens ``1.``, ``2.`` ... in sequence.

    The run must start at the first paragraph of the prose (a list met pages into unnumbered text
    is a list, ``segment._late_list``) and hold two paragraphs or more; it ends at the first block
    that is not the next number (a table under paragraph 3 stays cited by page). Returns how many
    blocks were numbered; the printed number leaves the text, as for any numbered paragraph.
    """
    prose = [b for b in blocks if b.kind == "paragraph" and not b.small and b.lines]
    run: list[tuple[_Block, re.Match]] = []
    for b in prose:
        m = _OPENS_RE.match(b.lines[0])
        if m is None or int(m.group(1)) != len(run) + 1 or b.part:
            break
        run.append((b, m))
    if len(run) < 2:
        return 0
    for n, (b, m) in enumerate(run, start=1):
        b.lines[0] = b.lines[0][m.end():]
        b.number, b.page = n, None
    return len(run)
