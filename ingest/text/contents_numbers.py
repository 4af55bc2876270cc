"""Numbers that label a text's sections, not its paragraphs: the contents list says so (issue 15).

A compilation (reports of many organizations, one section each) lists its sections in a contents
list with Arabic numbers, ``1. Action communautaire femme et enfant . . . . 3``, and prints the
same number over each section, ``1.`` / ``Action communautaire ...`` / ``Introduction`` / prose.
The walk over the lines reads those numbers as paragraphs 1, 2, 3 ..., so the prose under them
is pasted into fifteen long "paragraphs" and nothing is cited by page, where the PDF reader (which
sees the labels set in bold) numbers no paragraph and cites the prose by page. A contents list
never lists paragraphs: a numbered line with dot leaders is a contents entry, and a numbered line
whose title opens as an entry of the same number does is that section's label.
"""

from __future__ import annotations

import re

from .part_heads import LEADERS_RE

_NUMBERED_RE = re.compile(r"^\s*(\d{1,3})\.(?:\s+(.*))?$")
_WORD_RE = re.compile(r"[^\W\d_]+")
_WORDS = 3  # the first words of a title that must agree


def _key(title: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD_RE.findall(title)[:_WORDS])


def _entry(lines: list[tuple[int, str]], i: int) -> str:
    """The title of the contents entry at line i (a numbered line with dot leaders on it or on
    one of the two non-blank lines after it), or ''."""
    m = _NUMBERED_RE.match(lines[i][1])
    if not m or not (m.group(2) or "").strip():
        return ""
    near = [raw for _, raw in lines[i:i + 6] if raw.strip()][:3]
    if not any(LEADERS_RE.search(raw) for raw in near):
        return ""
    return LEADERS_RE.split(m.group(2))[0].strip()


def listed_numbers(lines: list[tuple[int, str]]) -> set[int]:
    """The line numbers (``ln``) of numbered lines that are contents entries, or the labels of the
    sections they list: ``N.`` whose text (on its line or the next non-blank one) opens with the
    first words of entry N's title."""
    entries: dict[int, tuple[str, ...]] = {}
    listed: set[int] = set()
    for i, (ln, _) in enumerate(lines):
        title = _entry(lines, i)
        if title and len(_key(title)) >= 1:
            entries.setdefault(int(_NUMBERED_RE.match(lines[i][1]).group(1)), _key(title))
            listed.add(ln)
    if not entries:
        return listed
    for i, (ln, raw) in enumerate(lines):
        m = _NUMBERED_RE.match(raw)
        if not m or ln in listed or int(m.group(1)) not in entries:
            continue
        text = (m.group(2) or "").strip() or next((t.strip() for _, t in lines[i + 1:i + 4] if t.strip()), "")
        want = entries[int(m.group(1))]
        if want and _key(text)[:len(want)] == want:
            listed.add(ln)
    return listed
