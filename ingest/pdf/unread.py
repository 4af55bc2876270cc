"""Pages a PDF shows only as images: their text is in no chunk, and the user is told so.

A letter whose annex was scanned without OCR (A/ES-10/1022: a one-page letter, then 34 pages
of images under a running header) reads as a letter and nothing else. Ingest cannot read those
pages; it can say which they are, so that a user does not take the annex's silence for absence.
"""

from __future__ import annotations

from .layout import Line, Page

#: A page whose images cover this share of it and which holds no body text is a picture of text.
IMAGE_SHARE = 1 / 3


def unread_pages(pages: list[Page], body: tuple[Line, ...]) -> tuple[int, ...]:
    """Numbers of the pages mostly covered by images with no body line (furniture aside) on them."""
    with_text = {l.page for l in body}
    return tuple(p.number for p in pages if p.image_share >= IMAGE_SHARE and p.number not in with_text)


def page_span(numbers: tuple[int, ...]) -> str:
    """``(3, 4, 5, 9)`` as ``3-5, 9``: runs of pages as a reader writes them."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
