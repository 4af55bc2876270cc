"""Document filters: by date of issue and by organ (issue #14).

``--since`` and ``--until`` take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a date as the documents
print it, "12 March 2025": ``search.typed_dates``). Each bound is a range of
days: ``since 2024-03`` starts on 2024-03-01, ``until 2025-06`` ends on 2025-06-30. A document's
date is a range too: a full date is one day, a year alone (``2025``, an Official Records cover)
is the whole year. **A document passes only when all of its range lies inside the filter's**, so
a document dated only ``2025`` passes ``--since 2025`` and ``--until 2025`` but not
``--until 2025-06``: it may be from December. Documents with no printed date never pass a date
filter. Either way a note says how many were left out for that reason, so nothing out of range
gets through and nothing is dropped silently.

``--body`` names an organ printed on page 1, by its full name or an acronym (``ECOSOC``,
``UNICEF``): a document passes when one of its organs is that name or holds it as a whole-word
phrase (``UNICEF`` = "United Nations Children's Fund" is in "Executive Board of the United
Nations Children's Fund"). Repeated ``--body`` flags are alternatives (any of them).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from paracite.errors import UsageError
from paracite.wording import Both, Said, option

from .typed_dates import AmbiguousDate, iso_date

# Organ acronyms the entity gazetteer does not hold (``ECOSOC``, ``ICJ``, ``UNICEF`` ... come from
# it: ``search.document_views._organ_acronyms``); ``CEB`` is here too because the gazetteer's name
# for it is longer ("United Nations System Chief Executives Board ...") than some mastheads print.
ORGAN_ACRONYMS = {
    "GA": "General Assembly", "UNGA": "General Assembly", "SC": "Security Council", "UNSC": "Security Council",
    "HRC": "Human Rights Council", "HLPF": "High-level political forum on sustainable development",
    "CEB": "Chief Executives Board for Coordination",
    # acronyms the gazetteer leaves out because they also name a treaty or a UNDP document
    "CEDAW": "Committee on the Elimination of Discrimination against Women",
    "CRC": "Committee on the Rights of the Child", "CPD": "Commission on Population and Development",
}


@dataclass(frozen=True)
class DocFilter:
    """The document-level filters of one search: date bounds (inclusive) and organ names."""

    since: str | None = None
    until: str | None = None
    body: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.body)


@dataclass
class Selection:
    """The documents a ``DocFilter`` keeps, and notes on those it left out for want of a date."""

    symbols: set[str]
    notes: list[str] = field(default_factory=list)


def make_filter(since: str | None = None, until: str | None = None,
                body: str | Sequence[str] | None = None) -> DocFilter:
    """A checked ``DocFilter``; ``UsageError`` for a date that is not YYYY, YYYY-MM or YYYY-MM-DD."""
    bodies = (body,) if isinstance(body, str) else tuple(body or ())
    f = DocFilter(since=_check_date(since, option("since")), until=_check_date(until, option("until")),
                  body=tuple(b for b in bodies if b.strip()))
    if f.since and f.until and date_range(f.since)[0] > date_range(f.until)[1]:
        raise UsageError(Said.of(option("since"), f" {f.since} is after ", option("until"), f" {f.until}; swap them"))
    return f


def _check_date(value: str | None, flag: Both) -> str | None:
    """The date as ISO (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), also when typed as the documents print it
    ("12 March 2025") or with slashes (``search.typed_dates``); ``UsageError`` for no date or no such day."""
    if value is None or not str(value).strip():
        return None
    typed = str(value).strip()
    try:
        value = iso_date(typed)
    except AmbiguousDate as e:
        raise UsageError(Said.of(flag, f" {typed!r} could be {e}; type it as YYYY-MM-DD")) from None
    except ValueError:
        raise UsageError(Said.of(flag, f" must be a date as YYYY, YYYY-MM or YYYY-MM-DD (or 12 March 2025), "
                                       f"got {typed!r}")) from None
    try:
        date_range(value)
    except ValueError:
        raise UsageError(Said.of(flag, f" must be a date as YYYY, YYYY-MM or YYYY-MM-DD; there is no {value} "
                                       "in the calendar")) from None
    return value


def date_range(value: str) -> tuple[str, str]:
    """The first and last day (ISO) a ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` date covers; ``ValueError`` if none."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not m:
        raise ValueError(value)
    year = int(m.group(1))
    if m.group(2) is None:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(value)
    last = calendar.monthrange(year, month)[1]
    if m.group(3) is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    day = int(m.group(3))
    if not 1 <= day <= last:
        raise ValueError(value)
    return (f"{year:04d}-{month:02d}-{day:02d}",) * 2


def select(documents: Iterable[dict], f: DocFilter, acronyms: dict[str, str] | None = None) -> Selection:
    """The symbols of ``documents`` (rows with ``symbol``, ``date``, ``bodies``) that pass ``f``."""
    keep: set[str] = set()
    undated: list[str] = []
    partial: list[str] = []
    wanted = [body_names(b, acronyms) for b in f.body]
    for d in documents:
        if wanted and not any(matches_body(names, d["bodies"]) for names in wanted):
            continue
        if f.since or f.until:
            if not d["date"]:
                undated.append(d["symbol"])
                continue
            if not _within(d["date"], f):
                if len(d["date"]) < 10 and _overlaps(d["date"], f):
                    partial.append(d["symbol"])
                continue
        keep.add(d["symbol"])
    notes = []
    if undated:
        notes.append(f"{_count(undated)} with no printed date left out by the date filter: {', '.join(undated)}")
    if partial:
        notes.append(f"{_count(partial)} dated only by year or month, which may fall outside the dates, left out: "
                     f"{', '.join(partial)}")
    return Selection(keep, notes)


def _count(symbols: list[str]) -> str:
    return f"{len(symbols)} document{'s' if len(symbols) != 1 else ''}"


def _within(date: str, f: DocFilter) -> bool:
    try:
        lo, hi = date_range(date)
    except ValueError:
        return False  # a date we cannot read is no date
    return (not f.since or lo >= date_range(f.since)[0]) and (not f.until or hi <= date_range(f.until)[1])


def _overlaps(date: str, f: DocFilter) -> bool:
    try:
        lo, hi = date_range(date)
    except ValueError:
        return False
    return (not f.since or hi >= date_range(f.since)[0]) and (not f.until or lo <= date_range(f.until)[1])


def normalize(name: str) -> str:
    """The form organ names are compared in: casefolded, straight quotes, single spaces."""
    return " ".join(name.replace("\u2019", "'").replace("\u2018", "'").casefold().split())


def body_names(value: str, acronyms: dict[str, str] | None = None) -> tuple[str, ...]:
    """A ``--body`` value and what it stands for (``ECOSOC`` → ``Economic and Social Council``)."""
    value = " ".join(value.split())
    names = [value]
    for table in (ORGAN_ACRONYMS, acronyms or {}):
        full = table.get(value) or table.get(value.upper())
        if full and full not in names:
            names.append(full)
    return tuple(normalize(n) for n in names)


def matches_body(names: Sequence[str], bodies: Sequence[str]) -> bool:
    """Whether one of ``bodies`` is one of ``names`` or holds it as a whole-word phrase."""
    for b in map(normalize, bodies):
        for n in names:
            if b == n or re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", b):
                return True
    return False


def newest_first(date: str | None) -> tuple:
    """A sort key putting later dates first and undated documents last."""
    return (date is None, "" if date is None else _invert(date))


def _invert(date: str) -> str:
    return "".join(chr(255 - ord(ch)) for ch in date.ljust(10, " "))
