"""Which lines a heading's lone label belongs with, and the level of a ``Chapter II`` heading, in text.

- A label printed alone on its line (``A.``) takes its title from the lines under it when its block
  goes on under it: the lines above it are then another heading, or a list's last line. poppler's
  ``pdftotext`` writes a chapter's heading and the first section's letter as one block (``Chapter II`` /
  ``Organizational matters`` / ``A.`` / ``Opening and duration of the session``), and a list over a
  heading likewise (``Mohamed Soliman (Egypt)`` / ``C.`` / ``Agenda``): read as one title above the
  label, they made ``A. Chapter II Organizational matters`` and ``C. Mohamed Soliman (Egypt)``. A label
  that ends its block still takes the title above it (``Panel discussion ...`` / ``A.``).
- A heading opening ``Chapter II`` (or ``Chapter 2``) is a chapter: the top level, as a Roman label's
  heading is, not a child of the heading above it (``Chapter III ...`` under ``E. Proceedings of the
  Committee``). Issue 15.
"""

from __future__ import annotations

import re

_LABEL_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.(?:\s|$)")
_ANNEX_RE = re.compile(r"^\s*Annex(?:es)?\b", re.I)
_CHAPTER_RE = re.compile(r"^chapter\s+(?:[IVXL]{1,6}|\d{1,2})\b", re.I)


def title_below(lines: list[str], k: int) -> bool:
    """Does the lone label at ``lines[k]`` have its title on the next line of its block?"""
    nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
    return bool(nxt) and not _LABEL_RE.match(nxt) and not _ANNEX_RE.match(nxt) and nxt[:1].isupper()


def chapter_level(heading: str) -> int:
    """1 for a heading that opens ``Chapter`` and its number, else 0."""
    return 1 if _CHAPTER_RE.match(heading.strip()) else 0
