"""Parts named the short way: ``decision 56/101`` for ``chap. I, decision 56/101``.

A draft or decision inside a report is labelled with the part it stands in (``chap. I, decision
56/101``, ``part two, annex``), yet a reader names it as it is cited in the report's own text,
``decision 56/101``. A part that numbers nothing is one chunk (kind ``part``) cited by its label
alone; asked for with a number it has none of, the error says how it is cited.
"""

from __future__ import annotations

import shlex
import sqlite3

from paracite.errors import UsageError
from paracite.wording import Both, Said, option


class NotOneChunk(UsageError):
    """A part asked for as one chunk (no paragraph number) that is not one: cited by paragraph,
    or no part of the document."""


def whole_part_label(con: sqlite3.Connection, symbol: str, part: str) -> str:
    """The document's part ``part`` names: itself where a part has that label (any case), else the
    one part whose label ends with it (``decision 56/101``); ``part`` unchanged otherwise."""
    if not part:
        return part
    parts = [p for (p,) in con.execute("SELECT DISTINCT part FROM chunks WHERE symbol = ? COLLATE NOCASE "
                                       "AND part != ''", (symbol,))]
    want = " ".join(part.split()).casefold()
    if any(p.casefold() == want for p in parts):
        return part
    ending = [p for p in parts if p.casefold().endswith(", " + want)]
    return ending[0] if len(ending) == 1 else part


def whole_part_id(con: sqlite3.Connection, symbol: str, part: str) -> int:
    """The chunk id of ``part`` where it is one chunk (kind ``part``); ``NotOneChunk`` saying how its
    chunks are cited otherwise."""
    if not part:
        raise NotOneChunk(Said.of("give a paragraph number, or a part that is one chunk (",
                                  option("part", "decision 56/101", code=True), ")"))
    row = con.execute("SELECT id FROM chunks WHERE symbol = ? COLLATE NOCASE AND part = ? COLLATE NOCASE "
                      "AND kind = 'part' ORDER BY id LIMIT 1", (symbol, part)).fetchone()
    if row is None:
        raise NotOneChunk(Said.of(f"{symbol}, {part} is not one chunk", part_cited_as(con, symbol, part)))
    return row[0]


def part_cited_as(con: sqlite3.Connection, symbol: str, part: str) -> str | Said:
    """How the chunks of ``part`` are cited when it is not one chunk: ``"; it is cited by paragraph:
    E/2025/31, draft resolution I, para. 1 (show E/2025/31 1 --part 'draft resolution I')"``; the web
    drops the command (the citation says it)."""
    row = con.execute("SELECT citation, kind, number, page FROM chunks WHERE symbol = ? COLLATE NOCASE "
                      "AND part = ? COLLATE NOCASE ORDER BY id LIMIT 1", (symbol, part)).fetchone()
    if row is None:
        parts = [p for (p,) in con.execute("SELECT DISTINCT part FROM chunks WHERE symbol = ? COLLATE NOCASE "
                                           "AND part != '' ORDER BY id", (symbol,))]
        return f"; {symbol} has no part {part!r}" + (f" (its parts: {', '.join(parts)})" if parts else "")
    citation, kind, number, page = row
    what = {"summary": "summary", "table": f"'table {number}'", "note": f"'note {number}'", "preamble": f"--preamble {number}"}.get(kind, str(number))
    flags = f"--part {shlex.quote(part)}" + (f" --page {page}" if page is not None else "")
    return Said.of(f"; it is cited by paragraph, from {citation}", Both(f" (`show {symbol} {what} {flags}`)", ""))



def whole_part_hint(con: sqlite3.Connection, symbol: str, part: str) -> str | Said:
    """``"; it is one chunk, E/2025/24, chap. I, decision 56/101 (`show E/2025/24 --part '...'`)"``
    when ``part`` is a part that numbers nothing, asked for with a number; else ``""``."""
    if not part:
        return ""
    row = con.execute("SELECT citation, part FROM chunks WHERE symbol = ? COLLATE NOCASE AND part = ? COLLATE NOCASE "
                      "AND kind = 'part' LIMIT 1", (symbol, part)).fetchone()
    return Said.of(f"; it is one chunk, {row[0]}", Both(f" (`show {symbol} --part {shlex.quote(row[1])}`)", "")) \
        if row else ""
