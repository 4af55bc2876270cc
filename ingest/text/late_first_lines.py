"""A paragraph's first line that an extractor wrote after the rest of the paragraph, put back.

pdfminer.six orders text by boxes, and a paragraph's first line may be a box of its own that comes
out *below* the rest (DP/FPA/2025/4 (Part II), para. 33)::

    33.
    are addressed to the Executive Director and one to the legislative bodies.

    The report includes six formal recommendations, four of which are relevant to UNFPA. Three

Read as printed, the number stands over a lowercase line (no paragraph starts so) and its first
line is read as a paragraph or heading of its own. Where a bare ``N.`` line is followed by a
lowercase run that ends a sentence, and the next block (over at most two blank lines) is a few lines
of prose opening with a capital and ending no sentence, that block goes up under the number. Lines
are only reordered, so the line count (and every page break) stays. Pure.
"""

from __future__ import annotations

from .late_numbers import BARE_NUMBER_RE, STOP_END, prose_line, solid

_MAX_BLOCK = 3  # lines: a first line, perhaps broken into a few boxes


def _block_end(out: list[str], start: int) -> int:
    return next((j for j in range(start, len(out)) if not solid(out[j])), len(out))


def restore_late_first_lines(lines: list[str]) -> list[str]:
    """Each paragraph's lone first line written below its rest, moved up under the paragraph's number."""
    out = list(lines)
    for i, line in enumerate(out):
        if not BARE_NUMBER_RE.match(line) or i + 1 >= len(out) or not solid(out[i + 1]):
            continue
        if not out[i + 1].strip()[:1].islower():
            continue
        end = _block_end(out, i + 1)
        if end >= len(out) or out[end] == "\f" or not out[end - 1].rstrip().endswith(STOP_END):
            continue
        first = next((j for j in range(end, min(len(out), end + 3)) if out[j].strip()), None)
        if first is None or out[first] == "\f" or "\f" in out[end:first]:
            continue
        stop = _block_end(out, first)
        block = [s.strip() for s in out[first:stop]]
        if (len(block) > _MAX_BLOCK or not block[0][:1].isupper() or not prose_line(block[0])
                or block[-1].endswith(STOP_END) or BARE_NUMBER_RE.match(block[0])):
            continue
        out[i + 1:stop] = out[first:stop] + out[i + 1:first]
    return out
