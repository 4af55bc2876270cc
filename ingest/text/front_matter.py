"""What a UN document prints about itself on page 1: date, organs, session, agenda items (#14).

Every UN document opens with the same furniture: the masthead (``United Nations A/80/74-E/2025/53``
and the organs, ``General Assembly`` / ``Economic and Social Council``), the distribution block
(``Distr.: General`` / ``29 April 2025`` / ``Original: English``) and a session block (``Eightieth
session`` / ``Item 72 (b) of the provisional agenda`` / the item's title). Official Records
covers print ``General Assembly`` / ``Official Records`` / ``Eightieth Session`` instead, and only a
year (``Official Records, 2025`` or ``United Nations • New York, 2025`` on the title page).

``read_front_matter`` reads these from the lines of page 1 as text, so a PDF (whose reader hands
over the lines above the title, one blank line between visual blocks) and a ``.txt`` report use
the same rules. Lines may hold two columns run together (``General Assembly Distr.: General``)
or set apart by three or more spaces (``pdftotext -layout``); letter-spaced words
(``D i s t r.``, ``10 Ju ly 2007``) are read with their spaces squeezed out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Sequence

from .front_bodies import read_bodies
from .furniture import detect_symbol
from .page_marks import mark_pages
from .text_title import cover_title, opens_body, title_above, title_from
from .masthead_columns import unfold_masthead
from .front_lines import (AGENDA, DAY_MONTH_YEAR, MONTHS, Cell, cell_kind, header_end, masthead_symbols,  # noqa: F401
                          session_phrases, split_cells, squash)

# "Official Records, 2025", "Geneva 2024", "United Nations • New York, 2025": a year where no day is printed
_YEAR_IMPRINT = re.compile(r"^(?:United Nations\s*[•·,]?\s*)?(?:Official Records|(?!(?:" + "|".join(MONTHS) + r")\b)"
                           r"[A-Z][a-z]+(?: [A-Z][a-z]+)?),?\s+((?:19|20)\d\d)$")
_TITLE_PAGE_IMPRINT = re.compile(r"^United Nations\s*[•·]")


@dataclass(frozen=True)
class FrontMatter:
    """Page-1 metadata of one document; ``None``/``()`` where page 1 does not print it."""

    date: str | None = None  # "2025-04-29", or "2025" where only a year is printed
    bodies: tuple[str, ...] = ()
    session: str | None = None
    agenda_items: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()
    title: str = ""
    doc_type: str | None = None


def read_front_matter(lines: Sequence[str], *, title: str = "", later: Sequence[str] = ()) -> FrontMatter:
    """Read page 1's metadata from its lines (a blank line separates visual blocks).

    Args:
        lines: page 1's lines, top to bottom; for a PDF only those above the title, unless the
            page is an Official Records cover.
        title: the title when the caller knows it (the PDF reader does); else read from ``lines``.
        later: lines of the next pages, read only for a year when page 1 prints no date.
    """
    cells = split_cells(lines)
    symbols = next((s for k, c in enumerate(cells) if (k < 6 or c.text.startswith("United Nations "))
                    and (s := masthead_symbols(c.text))), ())
    cover = any(squash(c.text).lower().startswith("officialrecords") for c in cells)
    if not (symbols or cover or any(squash(c.text).lower().startswith("distr") for c in cells)):
        title = title or _headless_title(cells)  # no masthead: a copy that may still open with its title
        return FrontMatter(title=title, doc_type=doc_type(title) if title else None)
    title = title or _text_title(cells, cover)
    return FrontMatter(
        date=read_date(cells, later), bodies=read_bodies(cells, cover=cover),
        session=_session(cells, cover), agenda_items=_agenda_items(cells), symbols=symbols,
        title=title, doc_type=doc_type(title, [c.text for c in cells]))


def text_front_matter(text: str, max_lines: int = 80) -> FrontMatter:
    """The front matter of a text report: its first page (up to a form feed), at most ``max_lines``.
    The two pages after it are read for a title page's imprint year only (an Official Records
    cover's second page may be its spine, the symbol alone). Text without form feeds ends its
    first page at the first running header (``page_marks``)."""
    first, _, rest = mark_pages(unfold_masthead(text), detect_symbol(text)).partition("\f")
    lines = first.splitlines()[:max_lines]
    return read_front_matter(lines, later="\n".join(rest.split("\f", 2)[:2]).splitlines()[:max_lines] if rest else ())


# The job number at the foot of page 1 (``14-56609 (E)``, ``GE.25-00925 (E)``): its first two digits
# are the year the document was registered. (The six digits after it, ``120814``, are the day it was
# processed, 1 to 39 days after the date of issue over the 72 library PDFs: no date of issue.)
_JOB_YEAR_RE = re.compile(r"^\s*(?:GE\.)?(\d{2})-\d{5}\s*\*?\s*\([A-Z]\)", re.M)


def job_year(text: str, max_lines: int = 200) -> str | None:
    """The year of a text document's job number (``14-56609 (E)``: ``2014``), for a copy that has
    lost its page-1 masthead and date (A-69-207.txt starts in the summary); ``None`` without one.
    Over the 72 library PDFs the job number's year is the year of the printed date in all 53 that
    print one on page 1 (E/CN.3/2025/8: dated 12 December 2024, job ``24-``, processed in January)."""
    m = _JOB_YEAR_RE.search("\n".join(text.split("\f", 1)[0].splitlines()[:max_lines]))
    if not m:
        return None
    yy = int(m.group(1))
    return str(1900 + yy if yy >= 46 else 2000 + yy)


def read_date(cells: list[Cell], later: Sequence[str] = ()) -> str | None:
    """The date of issue under ``Distr.``, else a line that is only a date, else a printed year."""
    for k, c in enumerate(cells):
        if squash(c.text).lower().startswith("distr"):
            for d in cells[k:k + 6]:
                if (iso := _iso(d.text)) is not None:
                    return iso
    for c in cells:
        m = DAY_MONTH_YEAR.fullmatch(squash(c.text))
        if m:
            return _iso(c.text)
    imprints = [c.text for c in cells] + [l for l in later if _TITLE_PAGE_IMPRINT.match(l.strip())]
    for text in imprints:
        m = _YEAR_IMPRINT.match(" ".join(text.split()))
        if m:
            return m.group(1)
    return None


def iso_date(text: str) -> str | None:
    """ "14 March 2025" as ``2025-03-14``; ``None`` if the text holds no such date."""
    return _iso(text)


def _iso(text: str) -> str | None:
    m = DAY_MONTH_YEAR.search(squash(text))
    if not m:
        return None
    month = next(i for i, name in enumerate(MONTHS, 1) if name.lower() == m.group(2).lower())
    if not 1900 <= int(m.group(3)) <= 2100:
        return None  # overprinted digits (``9 June6 2025``): no year a UN document carries
    try:
        return date(int(m.group(3)), month, int(m.group(1))).isoformat()
    except ValueError:
        return None  # "31 February": not a date


def _session(cells: list[Cell], cover: bool) -> str | None:
    """Every session (and Security Council year) printed, in order; a cover's own session only."""
    found: list[str] = []
    after_records = False
    for c in cells:
        if squash(c.text).lower().startswith("officialrecords"):
            after_records = True
            continue
        if cover and not after_records:
            continue
        for s in session_phrases(c.text):
            if s not in found:
                found.append(s)
    return "; ".join(found) or None


def _agenda_items(cells: list[Cell]) -> tuple[str, ...]:
    """``Item 72 (b) of the provisional agenda`` → ``("72 (b)",)``; lists are split, in order."""
    out: list[str] = []
    for c in cells:
        m = AGENDA.match(squash(c.text).lower())
        if not m:
            continue
        number = ""
        for part in re.split(r",and|,|and", m.group(1)):
            if not part:
                continue
            if part.startswith("(") and number:
                part = number + part  # "13 (f) and (g)": (g) is item 13's
            number = re.match(r"\d*[a-z]?", part).group(0) or number
            item = re.sub(r"\(", " (", part).strip()
            if item not in out:
                out.append(item)
    return tuple(out)


_DOC_TYPES = tuple((re.compile(p, re.I), kind) for p, kind in (
    (r"^(?:identical )?letters? (?:dated|of)\b", "letter"),
    (r"^note verbale\b", "note verbale"),
    (r"\bdraft resolution\b", "draft resolution"),
    (r"\bdraft decision\b", "draft decision"),
    (r"^resolution \d|^resolution adopted by\b|^\d+/\d+\. ", "resolution"),
    (r"^decision adopted by\b|^decision \d", "decision"),
    (r"\bdraft report\b", "draft report"),
    (r"\bannotated provisional agenda\b", "annotated provisional agenda"),
    (r"^provisional agenda\b", "provisional agenda"),
    (r"\breport of the secretary-general\b", "report of the Secretary-General"),
    (r"\bnote by the secretary-general\b", "note by the Secretary-General"),
    (r"\bnote by the secretariat\b", "note by the Secretariat"),
)) + (
    # the author as printed: "Report of the Administrator", "Note by the Executive Board Secretariat"
    (re.compile(r"\b[Nn]ote by the ([A-Z][\w-]*(?: [A-Z][\w-]*)*)"), "note by the {0}"),
    (re.compile(r"\b[Rr]eport of the ([A-Z][\w/-]*(?: [A-Z][\w/-]*)*)"), "report of the {0}"),
    (re.compile(r"^(?:annual )?report (?:on|of) the ", re.I), "report"),
)


# read only when none of the kinds above is printed: a subtitle's own noun (``Concept paper prepared by
# the Secretariat``), a draft declaration, and a title that is a report on something (``Annual report on
# implementation of ...``, ``UNICEF report on the recommendations ...``), not one about a report
_OTHER_TYPES = tuple((re.compile(p, re.I), kind, where) for p, kind, where in (
    (r"^draft (?:\w+ )?declaration\b", "draft declaration", "any"),
    (r"^((?:draft )?(?:study|concept paper|discussion paper|background paper|position paper|paper|guidelines|"
     r"proposals?|compilation|summary|synthesis))\b", "{0}", "subtitle"),
    (r"(?<!\bthe )(?<!\bits )(?<!\bof )(?<!\bon )(?<!\bto )\breports? (?:on|to|for)\b", "report", "title"),
))


def doc_type(title: str, lines: Sequence[str] = ()) -> str | None:
    """What the document says it is (``letter``, ``report of the Secretary-General``, ...), or None.

    The title's bracketed subtitle is read first, then the title; a short page-1 line that
    states a kind (``Report of the Secretary-General``, ``Iraq: draft resolution``) also counts.
    """
    title = " ".join(title.replace("*", "").split())
    subtitle = _subtitle(title)
    # (text, may name an author, may be a bare "report"): a title's main text names its subject
    candidates = [(s, True, True) for s in subtitle] + [(title, False, True)]
    short = [(" ".join(l.replace("*", "").split()), True, False) for l in lines]
    for text, author, bare in candidates + [c for c in short if len(c[0]) < 80]:
        for pattern, kind in _DOC_TYPES:
            if ("{0}" in kind and not author) or (kind == "report" and not bare):
                continue
            m = pattern.search(text)
            if m:
                return kind.format(*m.groups()) if m.groups() else kind
    return _other_type(subtitle, title, [text for text, _, _ in short])


def _other_type(subtitle: list[str], title: str, lines: list[str]) -> str | None:
    """The kinds of ``_OTHER_TYPES``, from the subtitle, the title or any page-1 line as each allows."""
    texts = {"subtitle": subtitle, "title": [title], "any": subtitle + [title] + lines}
    for pattern, kind, where in _OTHER_TYPES:
        for text in texts[where]:
            m = pattern.search(text)
            if m:
                return kind.format(*(g.lower() for g in m.groups())) if m.groups() else kind
    return None


def _subtitle(title: str) -> list[str]:
    """The bracketed group that ends a title, brackets inside it kept (``Statistical Commission
    (Report on the fifty-sixth session (4–7 March 2025))``): ``[]`` if it ends in none."""
    if not title.endswith(")"):
        return []
    depth = 0
    for k in range(len(title) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(title[k], 0)
        if depth == 0:
            return [title[k + 1:-1].strip()] if k > 0 else []
    return []


_WHAT_IT_IS = re.compile(r"^(?:Report|Note) (?:of|by) the ")


def _headless_title(cells: list[Cell], within: int = 12) -> str:
    """The title of a text copy that has lost its masthead but opens with its session block or its
    title: read after the agenda item as ``_text_title`` reads it, or, with no agenda item, the
    first lines (up to four, no sentence) over ``Report of the Secretary-General``. ``""`` for
    a copy that starts in its text (A-69-207.txt starts inside its summary)."""
    head = cells[:within]
    if any(cell_kind(c.text) == "agenda" for c in head):
        return _text_title(cells)
    what = next((k for k, c in enumerate(head) if _WHAT_IT_IS.match(c.text)), None)
    if what is None or not 0 < what <= 4 or any(c.text.rstrip().endswith((".", ";", ":")) for c in head[:what]):
        return ""
    main = " ".join(c.text for c in head[:what])
    return f"{' '.join(main.split())} ({head[what].text.strip()})"


def _text_title(cells: list[Cell], cover: bool = False) -> str:
    """A ``.txt`` title: on a cover the lines above the organ's block, else where the header ends
    (``text_title``); where the header seems to end on a subtitle or the body (``Summary``, ``Report of
    the Secretary-General``, ``I. Introduction``), the block above it, when that reads as a title. ``""`` if unclear."""
    if cover and (title := cover_title(cells)):
        return title
    start = header_end(cells)
    if start >= len(cells):
        return ""
    if opens_body(cells[start].text):
        start = title_above(cells, start)
    return title_from(cells, start)
