"""Paragraphs numbered within their chapter or section (``I.12``, ``VIII.3``, ``1.1``, ``29A.4``).

Some UN documents number paragraphs afresh in each chapter or section and print the chapter's
label before the number: the Advisory Committee's first report on a budget (``I.1`` ... ``VIII.12``),
a programme budget's sections (``29A.1``), a Secretary-General's bulletin or administrative
instruction (``1.1``, ``2.3``). Neither reader takes ``I.12`` for a paragraph number, so such a
document comes out cited by page, each label still at the head of its text. This pass, run on
either reader's chunks, cites them as numbered: ``A/78/7, chap. I, para. 12`` (a Roman label
is a chapter's) and ``ST/SGB/2019/8, sect. 1, para. 1`` (a number is a section's), with the text
that runs on from a labelled paragraph (its sub-items, its part on the next page) joined to it,
as the readers join a numbered paragraph's. It changes nothing unless the labels number most of
a part's text in sequence, so a letter's annex that numbers three of its paragraphs ``3.1`` to
``3.3`` keeps its page citations.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby

from .models import Chunk

#: A chapter's or section's label before the paragraph's own number: ``VIII`` of ``VIII.3``, ``29A`` of ``29A.4``.
CHAPTER = r"[IVXL]{1,6}|\d{1,3}[A-Z]?"
_LABEL_RE = re.compile(r"^(?P<prefix>" + CHAPTER + r")\.(?P<n>\d{1,3})\.?\s+(?=[A-Z“‘\"(])")
_SHARE = 0.6  # of a part's page-cited paragraphs that must carry a label
_LONE_PREFIX_RUN = 5  # labels needed when every one has the same chapter (a budget section)


def label_of(text: str) -> tuple[str, int] | None:
    """``("I", 12)`` for a text opening ``I.12 The Committee ...``, else None."""
    m = _LABEL_RE.match(text)
    return (m["prefix"], int(m["n"])) if m else None


def chapter_part(prefix: str) -> str:
    """The part a chapter's paragraphs are cited under: ``chap. I`` (a Roman label), ``sect. 29A`` (a number)."""
    return f"{'chap.' if re.fullmatch(r'[IVXL]+', prefix) else 'sect.'} {prefix}"


def without_label(text: str) -> str:
    """``text`` without the chapter-numbered label it opens with (the chunk keeps the number apart)."""
    return _LABEL_RE.sub("", text, count=1)


def cite_compound_numbers(chunks: tuple[Chunk, ...]) -> tuple[Chunk, ...]:
    """``chunks`` with each part whose page-cited text is numbered by chapter cited by those numbers."""
    out: list[Chunk] = []
    for _, run in groupby(chunks, key=lambda c: c.part):
        run = list(run)
        split = _split_run_ons(run)
        out.extend(_renumbered(split) if _numbered_by_chapter(split) else run)
    return tuple(out)


_INLINE_RE = re.compile(r"(?<=[.;:”’)] )(?P<prefix>" + CHAPTER + r")\.(?P<n>\d{1,3})\.?\s+(?=[A-Z“‘(])")


def _split_run_ons(run: list[Chunk]) -> list[Chunk]:
    """Page-cited text cut where the next label of the sequence opens a sentence inside it
    (``... new posts. II.10 The Committee ...``): a reader that sees no numbering may run two
    labelled paragraphs together."""
    out: list[Chunk] = []
    last: tuple[str, int] | None = None
    for c in run:
        if not _page_cited(c):
            out.append(c)
            continue
        last = label_of(c.text) or last
        while last is not None:
            cut = next((m for m in _INLINE_RE.finditer(c.text)
                        if (m["prefix"], int(m["n"])) == (last[0], last[1] + 1)
                        or (m["prefix"] != last[0] and m["n"] == "1")), None)
            if cut is None:
                break
            head = c.text[: cut.start()].rstrip()
            out.append(replace(c, text=head, entities=tuple(e for e in c.entities if e.end <= len(head))))
            c = replace(c, text=c.text[cut.start():], footnotes=(), entities=tuple(
                replace(e, start=e.start - cut.start(), end=e.end - cut.start()) for e in c.entities
                if e.start >= cut.start()))
            last = (cut["prefix"], int(cut["n"]))
        out.append(c)
    return out


def _page_cited(c: Chunk) -> bool:
    return c.kind == "paragraph" and c.page is not None


def _numbered_by_chapter(run: list[Chunk]) -> bool:
    """Whether most of the part's page-cited paragraphs open with a label and the labels of each
    chapter count up from where they start."""
    cited = [c for c in run if _page_cited(c)]
    labels = [lab for lab in (label_of(c.text) for c in cited) if lab]
    if not labels or len(labels) < _SHARE * len(cited):
        return False
    prefixes = {p for p, _ in labels}
    if len(labels) < 3 or (len(prefixes) == 1 and len(labels) < _LONE_PREFIX_RUN):
        return False
    seen: dict[str, int] = {}
    for prefix, n in labels:
        if prefix in seen and n != seen[prefix] + 1:
            return False  # a chapter whose numbers go back or jump: not this numbering
        if prefix not in seen and seen and n != 1:
            return False  # a chapter after the first starts at 1 (the first may be cut: an excerpt)
        seen[prefix] = n
    return _chapters_contiguous([p for p, _ in labels])


def _chapters_contiguous(prefixes: list[str]) -> bool:
    """A chapter's paragraphs come together: once left, a label does not come back."""
    done: set[str] = set()
    for prefix, _ in groupby(prefixes):
        if prefix in done:
            return False
        done.add(prefix)
    return True


def _renumbered(run: list[Chunk]) -> list[Chunk]:
    """The part's labelled paragraphs cited by chapter, with what runs on from each joined to it; the
    page-cited text left (an introduction above the first chapter) numbered again on its pages."""
    out: list[Chunk] = []
    open_at: int | None = None  # where in ``out`` the labelled paragraph text may still run on from
    for c in run:
        lab = label_of(c.text) if _page_cited(c) else None
        if lab:
            prefix, n = lab
            part = f"{c.part}, {chapter_part(prefix)}" if c.part else chapter_part(prefix)
            open_at = len(out)
            out.append(replace(c, text=without_label(c.text), number=n, part=part, page=None))
        elif open_at is not None and _page_cited(c) and c.section == out[open_at].section:
            out[open_at] = _joined(out[open_at], c)
        else:
            if c.kind != "note":  # small type on the page does not end the paragraph
                open_at = None
            out.append(c)
    counts: dict[int, int] = {}
    for i, c in enumerate(out):
        if _page_cited(c):
            counts[c.page] = counts.get(c.page, 0) + 1
            out[i] = replace(c, number=counts[c.page])
    return out


def _joined(head: Chunk, tail: Chunk) -> Chunk:
    """A labelled paragraph with the text that runs on from it (a sub-item, its next page)."""
    shift = len(head.text) + 1  # joined by a space, as the readers join a paragraph's lines
    return replace(head, text=f"{head.text} {tail.text}", footnotes=head.footnotes + tail.footnotes,
                   entities=head.entities + tuple(replace(e, start=e.start + shift, end=e.end + shift)
                                                  for e in tail.entities),
                   span=(head.span[0], max(head.span[1], tail.span[1])))
