"""Footnote numbers that an extraction wrote apart from their notes (issue 15).

A footnote's number is raised type, a text run of its own, so poppler's ``pdftotext`` writes it on a line
of its own: above its note (``7`` / ``Ibid.``) or, in its raw reading order, after the page's notes (the
first note's number often comes last: ``United Nations, ... (2024).`` / ``7`` / ``Ibid.`` / ``6``). The
notes' lines themselves keep their order, top to bottom, and a page's notes run on in sequence; so the
numbers are put back on the lines that open notes: a number right above a line labels it, the numbers
left over (``floating``) fill the gaps of the sequence in order, and a run of unlabelled lines that
must hold several notes is cut where a line ends a sentence and the next opens a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .front_lines import MONTHS

_ENDS_RE = re.compile(r"[.?!][”\"’)]?\s*$|\)\.?\s*$")  # ``2024).``, ``.htm .``, ``annex.”``
_AHEAD = 4  # numbers that may float between two labelled notes
_OPENS_RE = re.compile(r"^(?!(?:Notes?|Sources?):)(?:[A-Z0-9“\"‘(]|https?:|www\.)")  # a page's ``Note:`` is no numbered note


@dataclass(frozen=True)
class Entry:
    """One line of a footnote block: a bare number (``text`` empty), a note's line with its number on it
    (``mark`` and ``text``), or a line of text alone (``mark`` empty)."""

    mark: str = ""
    text: str = ""


def _labelled(entries: list[Entry]) -> tuple[list[tuple[int | None, str]], list[int]]:
    """The text lines with the number that labels them (a number on the line, or the lowest of the bare
    numbers right above it), and the numbers that label no line."""
    lines: list[tuple[int | None, str]] = []
    floating: list[int] = []
    pending: list[int] = []  # bare numbers since the last text line
    last = 0
    for e in entries:
        if not e.text:
            pending.append(int(e.mark))
            continue
        if e.mark and _continues(int(e.mark), last, e.text):
            label: int | None = int(e.mark)
        elif any(n > last for n in pending):  # the lowest that runs on from the last label
            label = min(n for n in pending if n > last)
            pending.remove(label)
        else:
            label = None
        floating.extend(pending)
        pending = []
        text = f"{e.mark} {e.text}" if e.mark and label != int(e.mark) else e.text  # ``24 December 2024.``
        lines.append((label, text))
        last = label or last
    return lines, floating + pending


def _continues(mark: int, last: int, text: str) -> bool:
    """A number on a line opens a note where it runs on from the last label (a few may float between)
    and is no date's day."""
    return (not last or last < mark <= last + _AHEAD) and not text.startswith(MONTHS)


def _cuts(run: list[str], pieces: int) -> list[int] | None:
    """Where to cut ``run`` (lines of one or more notes, in order) into ``pieces`` notes: the indices of
    the lines that open the second note onwards. A cut goes after a line that ends a sentence, before one
    that opens a note; where there are more such places than cuts, after the shortest lines (a note's
    last line seldom fills the width). None when the run cannot hold that many notes."""
    if pieces == 1:
        return []
    places = [k for k in range(1, len(run)) if _ENDS_RE.search(run[k - 1]) and _OPENS_RE.match(run[k])]
    if len(places) < pieces - 1:
        return None
    places.sort(key=lambda k: len(run[k - 1]))
    return sorted(places[: pieces - 1])


def assign_notes(entries: list[Entry]) -> dict[str, str] | None:
    """{number: text} for a block's lines, or None when the numbers and lines do not fit together
    (then the caller keeps its own reading)."""
    if any(not e.mark.isdigit() for e in entries if e.mark):
        return None
    lines, floating = _labelled(entries)
    if not lines:
        return None
    starts = [k for k, (n, _) in enumerate(lines) if n is not None]
    numbers = [lines[k][0] for k in starts]
    if numbers != sorted(set(numbers)):
        return None
    bounds = [0, *starts] if not starts or starts[0] else starts
    firsts: list[int] = []
    if not starts or starts[0]:  # lines before the first label: the floating numbers just below it
        top = numbers[0] - 1 if numbers else min(floating, default=0)
        if top not in floating:
            return None
        while numbers and top - 1 in floating:
            top -= 1
        firsts.append(top)
    firsts.extend(numbers)
    ends = [*bounds[1:], len(lines)]
    out: dict[str, str] = {}
    for g, (lo, hi) in enumerate(zip(bounds, ends)):
        first = firsts[g]
        run = [t for _, t in lines[lo:hi]]
        if g + 1 < len(firsts):
            cuts = _cuts(run, firsts[g + 1] - first)
        else:  # the last notes: as many as the floating numbers above run on (one may be a page's number)
            more = 0
            while first + more + 1 in floating:
                more += 1
            cuts = next((c for p in range(more + 1, 0, -1) if (c := _cuts(run, p)) is not None), None)
        if cuts is None:
            return None
        for j, (a, b) in enumerate(zip([0, *cuts], [*cuts, len(run)])):
            out[str(first + j)] = " ".join(run[a:b])
    return out
