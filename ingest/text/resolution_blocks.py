"""A resolution read from plain text: the front matter split at the enacting formula (issue 20).

``paragraphs._segment`` finds the numbered operative paragraphs as in any report; everything
before paragraph 1 lands in the front block. For a resolution that block holds the title and
adoption line, the enacting formula (``The Security Council,``) and the preamble: here the
preamble becomes ``preamble`` blocks numbered by position, and nothing of it is read as a summary.
"""

from __future__ import annotations

from .blocks import _Block
from dataclasses import replace

from .resolution import Adoption, adoption, formula_index, split_preamble, strip_closing


def resolution_blocks(blocks: list[_Block]) -> tuple[list[_Block], Adoption] | None:
    """The blocks with the preamble split out of the front block, and the adoption; ``None`` if
    the text is not a resolution (no enacting formula before operative paragraph 1)."""
    if not blocks or blocks[0].kind != "front" or not any(b.kind == "paragraph" for b in blocks[1:]):
        return None
    front = blocks[0]
    k = formula_index(front.lines)
    if k is None:
        return None
    lines = front.lines[k + 1:]
    headings: list[str] = []
    while lines and len(lines[-1]) < 80 and not lines[-1].rstrip().endswith((",", ";", ".", ":")):
        headings.insert(0, lines.pop())  # a sub-heading over the operative part (``General provisions``)
    preamble = [_Block("preamble", number=n, lines=ls) for n, ls in enumerate(split_preamble(lines), 1)]
    head = _Block("summary", first_line=front.first_line)
    rest = blocks[1:]
    if headings and rest and rest[0].kind == "heading":
        rest[0].lines[:0] = headings
    elif headings:
        rest.insert(0, _Block("heading", lines=headings))
    last = [b for b in rest if b.kind == "paragraph" and not b.part]
    meeting = ""
    if last:
        last[-1].lines, meeting = strip_closing(last[-1].lines)
        tail = [t for b in rest[rest.index(last[-1]) + 1:] for t in b.lines]  # closing lines read as headings
        meeting = meeting or strip_closing(["", *tail])[1]
    adopted = adoption("\n".join(front.lines[:k]))
    return [head, *preamble, *rest], replace(adopted, meeting=adopted.meeting or meeting)
