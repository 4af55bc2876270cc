"""The first chapter's heading just above paragraph 1, read as a heading rather than front matter.

A report's body often opens on a labelled chapter heading (``I. Introduction``, ``I. Current trends,
challenges and ...`` over two lines, or ``I.`` alone over its title), sometimes with a sub-heading under
it (``Overview of key trends``), right above paragraph 1. In text with no layout those lines come before
the first number, so the reader kept them as front matter and paragraph 1 onwards had no section path
(every extraction of such PDFs: pdfminer.six, pdftotext, pypdfium2; issue 15). ``Chapter I`` is the
same label written out (A/79/19: ``Chapter I`` / ``Introduction`` / ``1.``).
"""

from __future__ import annotations

import re

_FIRST_CHAPTER_RE = re.compile(r"^(?:I\.|Chapter\s+(?:I|1))(?:\s+[A-Z“\"].*)?$")  # ``Chapter I`` as ``I.``
_ROMAN_RE = re.compile(r"^[IVXL]{1,6}\.(?:\s|$)")
_MAX_LINES = 4  # a two-line chapter title and a two-line sub-heading at most


def _heading_like(s: str) -> bool:
    return 0 < len(s) < 130 and not s.rstrip().endswith((".", ";", ",", ":")) or bool(_FIRST_CHAPTER_RE.match(s))


def first_chapter_run(lines: list[str]) -> int:
    """How many of the last ``lines`` (stripped, no blanks) are the first chapter's heading and what
    stands under it: from the last line labelled ``I.`` to the end, when every line of that run reads
    as a heading (short, ending no sentence). 0 when there is none."""
    tail = lines[-_MAX_LINES:]
    for k in range(len(tail), 0, -1):
        run = tail[-k:]
        if _FIRST_CHAPTER_RE.match(run[0].strip()) and all(_heading_like(s.strip()) for s in run):
            if not any(_ROMAN_RE.match(s.strip()) for s in run[1:]):  # ``II.`` under it: a contents list
                return k
    return 0
