"""A blank line an extractor put inside a sentence, moved out of it.

pdfminer.six writes each text box as a block with a blank line after it; where a paragraph's
first line came out as a box of its own, the paragraph reads ``Last week alone, Russia launched
nearly 50 missiles, around 660 combat drones`` / (blank) / ``and more than 760 guided ...``. A
document that numbers nothing parts its paragraphs at blank lines, so the first line became a
heading and its words left the text. A blank run between a line of prose that ends no sentence
and a line that goes on in lowercase is inside one sentence: it moves above the line before it,
so the line count (page breaks) stays. A line that ends a sentence, a label, a page break or a
text starting with a capital keeps its blank. Pure.
"""

from __future__ import annotations

import re

_STOP_END = (".", "!", "?", ":", ";", ".”", ".\"", ".)", "”")
_MIN_PROSE = 25  # characters: a line of running text, not a label or a short heading
_MAX_GAP = 2  # blank lines
_LINK_RE = re.compile(r"^(?:https?://|www\.)\S")


def _ends_open(s: str) -> bool:
    """A line of prose that ends mid-sentence."""
    return len(s) >= _MIN_PROSE and not s.endswith(_STOP_END) and not re.match(r"^\(?\w{1,4}[.)]$", s)


def _goes_on(s: str) -> bool:
    """A line that continues a sentence: a lowercase word first (a link is a new item)."""
    return s[:1].islower() and not _LINK_RE.match(s)


def close_box_gaps(lines: list[str]) -> list[str]:
    """Each blank run inside a sentence (open line above, lowercase word below) moved above the open line."""
    out = list(lines)
    i = 0
    while i < len(out) - 2:
        s = out[i].strip()
        j = i + 1
        while j < len(out) and not out[j].strip() and out[j] != "\f" and j - i <= _MAX_GAP:
            j += 1
        if j > i + 1 and j < len(out) and out[j] != "\f" and _goes_on(out[j].strip()) and s and out[i] != "\f" \
                and _ends_open(s):
            out[i:j] = out[i + 1:j] + [out[i]]
            i = j
            continue
        i += 1
    return out
