"""Dates as a user types them, read as the ISO forms the date filters take (``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``).

An analyst copies a date from the document itself ("12 March 2025", as UN documents print it under
``Distr.``), from a note ("March 2025") or from a habit ("2025/03", "03/2025"). Each of these names
one day or one month, so refusing it only makes the user retype it. A date with two small numbers
before the year ("04/03/2025") is day-month in some countries and month-day in others: it is read
only when one of the two cannot be a month, and otherwise refused with both readings spelled out,
never guessed. Pure functions.
"""

from __future__ import annotations

import re

from .terms import MONTH_NAMES

MONTHS = tuple(name.casefold() for name in MONTH_NAMES)
_ISO = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{4})")
_TWO_BEFORE_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


class AmbiguousDate(ValueError):
    """A date whose day and month could be either way round ("04/03/2025")."""


def iso_date(typed: str) -> str:
    """``typed`` as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (not checked against the calendar);
    ``AmbiguousDate`` when day and month could be swapped, ``ValueError`` when it reads as no date."""
    value = " ".join(str(typed).split())
    if _ISO.fullmatch(value):
        return value
    m = _YEAR_FIRST.fullmatch(value)
    if m:
        return _join(m.group(1), m.group(2), m.group(3))
    m = _MONTH_YEAR.fullmatch(value)
    if m:
        return _join(m.group(2), m.group(1))
    m = _TWO_BEFORE_YEAR.fullmatch(value)
    if m:
        return _day_month(int(m.group(1)), int(m.group(2)), m.group(3))
    return _worded(value)


def _join(year: str, month: str | int, day: str | int | None = None) -> str:
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day is not None else "")


def _day_month(a: int, b: int, year: str) -> str:
    """``a/b/year``: day-month or month-day, whichever is the only one possible (the same when a == b)."""
    if a == b or b > 12:
        return _join(year, a, b)
    if a > 12:
        return _join(year, b, a)
    raise AmbiguousDate(f"{_join(year, b, a)} or {_join(year, a, b)}")


def _worded(value: str) -> str:
    """A date with its month in words: "12 March 2025", "March 12, 2025", "Mar. 2025", "March 2025"."""
    words = [w for w in re.split(r"[\s,]+", value.replace(".", " ")) if w]
    years = [w for w in words if re.fullmatch(r"\d{4}", w)]
    months = [_month(w) for w in words if re.fullmatch(r"[^\W\d_]+", w)]
    days = [re.match(r"\d+", w).group() for w in words if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", w, re.I)]
    if len(years) != 1 or len(months) != 1 or months[0] is None or len(days) > 1 or len(words) != 2 + len(days):
        raise ValueError(value)
    return _join(years[0], months[0], days[0] if days else None)


def _month(word: str) -> int | None:
    """A month's number from its name or an abbreviation of at least three letters ("Sept", "mar")."""
    w = word.casefold()
    found = [i for i, name in enumerate(MONTHS, 1) if len(w) >= 3 and name.startswith(w)]
    return found[0] if len(found) == 1 else None
