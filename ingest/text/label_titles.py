"""Which lines a heading's lone label belongs with, and the level of a ``Chapter II`` heading, in text.

- A label printed alone on its line (``A.``) takes its title from the lines under it when its block
  goes on under it: the lines above it are then another heading, or a list's last line. poppler's
  ``pdftotext`` writes a chapter's heading and the first section's letter as one block (``Chapter II`` /
  ``Organizational matters`` / ``A.`` / ``Opening and duration of the session``), and a list over a
  heading likewise (``Mohamed Soliman (Egypt)`` / ``C.`` / ``Agenda``): read as one title above the
  label, they made ``A. Chapter II Organizational matters`` and ``C. Mohamed Soliman (Egypt)``. A label
  that ends its block still takes the title above it (``Panel discussion ...`` / ``A.``).
- ``Chapter II`` (or ``Chapter 2``) opening a heading line is a label of the top level, as a Roman
  numeral is: not a child of the heading above it (``Chapter III ...`` under ``E. Proceedings of the
  Committee``), not the end of a list's lines read as a heading over it (``Uzbekistan`` /
  ``(CEDAW/C/UZB/FCO/6)`` / ``Chapter V``). Its title is the line under it (with what runs on by a
  dangling word, or when it filled the chapter title's wider measure, 50 characters or more: ``Matters
  calling for action by the Economic and Social`` / ``Council or brought ...``); a shorter line after it
  is a sub-heading, not more of the title (``Chapter VII`` / ``Implementation of article 21 of the
  Convention`` / ``Working group on working methods``). Chapter titles seen in the library's text run to
  60 characters on one line. Issue 15.
"""

from __future__ import annotations

import re

from .heading_lines import FULL_TITLE, LABEL_RE

_ANNEX_RE = re.compile(r"^\s*Annex(?:es)?\b", re.I)
_CHAPTER_RE = re.compile(r"^(Chapter\s+(?:[IVXL]{1,6}|\d{1,2}))(?:$|[\s.:–-]+(.*)$)")


def title_below(lines: list[str], k: int) -> bool:
    """Does the lone label at ``lines[k]`` have its title on the next line of its block?"""
    nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
    return bool(nxt) and not LABEL_RE.match(nxt) and not _ANNEX_RE.match(nxt) and nxt[:1].isupper()


_CHAPTER_TITLE_FULL = 50


def title_measure(label: str) -> int:
    """How long a title line under ``label`` must be to have filled its measure (and run on)."""
    return _CHAPTER_TITLE_FULL if chapter_label(label) else FULL_TITLE


def chapter_label(line: str) -> tuple[str, str] | None:
    """``("Chapter II", "Organizational matters")`` for a line opening a chapter's label, else None."""
    m = _CHAPTER_RE.match(line.strip())
    if not m or (m.group(2) and not m.group(2)[:1].isupper()):
        return None
    return m.group(1), (m.group(2) or "").strip()


def under_label(path: list[tuple[int, str]]) -> bool:
    """Is the last heading on ``path`` labelled (``IV.``, ``B.``, ``2.``, ``Chapter II``)? An unlabelled
    ``Conclusions`` or ``Introduction`` right under it is that section's own, not the document's top
    level (CEB/2025/4: ``B. Demographic change ...`` / its paragraphs / ``Conclusions``)."""
    return bool(path) and bool(LABEL_RE.match(path[-1][1]) or chapter_label(path[-1][1]))
