"""A report's contents list: the lines under ``Contents`` that list its chapters and annexes.

Its entries look like the body's own starts (``1. The OAIS charter``, ``Annexes``), so read as
running text they open paragraphs and parts early. The list runs from its heading to the body's
first heading, which the list names first (``I. Introduction ..... 5`` then ``I. Introduction``),
and never past the heading's page and any following pages that go on with entries (the body
may open with paragraphs before its first listed heading).
"""

from __future__ import annotations

import re

from .layout import Line

_HEAD_RE = re.compile(r"^\s*(?:Contents|CONTENTS|Table of [Cc]ontents|TABLE OF CONTENTS)(?:\s+Page)?\s*$")
_COLUMNS_RE = re.compile(r"^\s*(?:(?:Chapter|Section|Item|Paragraphs?|Page|Title)\s*)+$", re.I)
_ENTRY_END_RE = re.compile(r"(?:[.…]{3,}\s*|\s)\d{1,3}\s*$")
_LEADERS_RE = re.compile(r"[\s.…]*\d{0,3}\s*$")


def _entry(text: str) -> bool:
    """A contents entry's last line: dot leaders or a page number at its end."""
    return bool(_ENTRY_END_RE.search(text)) or "....." in text


def _norm(text: str) -> str:
    return " ".join(_LEADERS_RE.sub("", text).lower().split())


def contents_lines(lines: tuple[Line, ...], pages: int = 6) -> set[int]:
    """Indices of the lines of the document's contents list (heading included), if it has one
    on its first ``pages`` pages."""
    head = next((k for k, l in enumerate(lines) if l.page <= pages and _HEAD_RE.match(l.text)), None)
    if head is None:
        return set()
    first = next((k for k in range(head + 1, min(len(lines), head + 6)) if not _COLUMNS_RE.match(lines[k].text)), None)
    if first is None or not any(_entry(lines[k].text) for k in range(first, min(len(lines), first + 4))):
        return set()
    title = _norm(lines[first].text)
    end = _page_end(lines, head)
    start = _body_start(lines, first, title) if len(title) >= 6 else None
    return set(range(head, min(end, start) if start is not None else end))


def _body_start(lines: tuple[Line, ...], first: int, title: str) -> int | None:
    """The line where the first listed heading is printed in the body, not as an entry."""
    limit = lines[first].page + 8
    for k in range(first + 1, len(lines)):
        l = lines[k]
        if l.page > limit:
            return None
        if _entry(l.text):
            continue
        t = _norm(l.text)
        if len(t) >= 6 and (t == title or (title.startswith(t) and len(t) >= 12) or t.startswith(title)):
            return k
    return None


def _page_end(lines: tuple[Line, ...], head: int) -> int:
    """After the heading's page, through following pages that open with an entry."""
    k, page = head, lines[head].page
    while k < len(lines):
        if lines[k].page != page:
            if not _entry(lines[k].text):
                break
            page = lines[k].page
        k += 1
    return k


_RECORDS_RE = re.compile(r"^Official Records\b")
_SUPPLEMENT_RE = re.compile(r"^Supplement No\.\s*\d+")


def title_pages(lines: tuple[Line, ...] | list[Line]) -> set[int]:
    """The indices of the lines of the pages after page 1 that repeat an Official Records cover (the title, the session, the
    organ, ``Official Records``, ``Supplement No. 19``): a title page, not text. Read as text its
    bold lines head the document's first sections (``Report of ... > 2025 substantive session >
    General Assembly > Note``)."""
    records = {l.page for l in lines if l.page > 1 and _RECORDS_RE.match(l.text.strip())}
    pages = {l.page for l in lines if l.page in records and _SUPPLEMENT_RE.match(l.text.strip())}
    return {i for i, l in enumerate(lines) if l.page in pages}
