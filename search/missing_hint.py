"""Where a paragraph asked for under the wrong part or page is: the hint after "has no paragraph N".

A user who asks for ``A/80/38 35`` when the report numbers that paragraph in "part three", or
for ``--page 3`` of a report cited without pages, learns from a bare "has no paragraph 35"
only that something is wrong; the chunks with the same number elsewhere say what to type.
"""

from __future__ import annotations

import sqlite3

from paracite.wording import Both, Said, option

SHOWN = 3  # citations named in a hint; the rest are counted


def _flags(part: str, page: int | None) -> Said:
    """``--part 'part three' --page 3`` on the command line, ``part=part three page=3`` on the web."""
    flags: list[str | Both] = [option("part", part)] if part else []
    if page is not None:
        flags += [" ", option("page", page)] if flags else [option("page", page)]
    return Said.of(*flags) if flags else Said.of(Both("no --part or --page", "no part or page"))


def elsewhere(con: sqlite3.Connection, symbol: str, kind: str, num: int, part: str, page: int | None) -> str | Said:
    """``"; it has A/80/38, part three, para. 35 (--part 'part three')"``, else how far the part's
    paragraph numbers go, or ``""``; led by a list of the document's parts when ``part`` names none
    (a typo in ``--part`` is the first thing to fix)."""
    unknown = _unknown_part(con, symbol, part)
    rows = con.execute("SELECT citation, part, page FROM chunks WHERE symbol = ? COLLATE NOCASE AND kind = ? "
                       "AND number = ? ORDER BY id", (symbol, kind, num)).fetchall()
    rows = [r for r in rows if (r[1].lower(), r[2]) != (part.lower(), page)]
    if rows:
        named = [Said.of(", " if i else "", f"{c} (", _flags(p, pg), ")") for i, (c, p, pg) in enumerate(rows[:SHOWN])]
        more = f" and {len(rows) - SHOWN} more" if len(rows) > SHOWN else ""
        return Said.of(f"{unknown}; it has ", *named, more)
    if page is None and kind == "paragraph":  # the number is nowhere: say how far the numbers go
        low, high = con.execute("SELECT min(number), max(number) FROM chunks WHERE symbol = ? COLLATE NOCASE "
                                "AND kind = 'paragraph' AND part = ? COLLATE NOCASE", (symbol, part)).fetchone()
        if high is not None:
            return f" (its paragraphs are numbered {low} to {high})"
    return unknown


def _unknown_part(con: sqlite3.Connection, symbol: str, part: str) -> str:
    """``"; A/80/48 has no part 'nope' (its parts: annex I, ...)"`` when ``part`` names none, else ``""``."""
    if not part:
        return ""
    parts = [p for (p,) in con.execute("SELECT DISTINCT part FROM chunks WHERE symbol = ? COLLATE NOCASE "
                                       "AND part != '' ORDER BY id", (symbol,))]
    if any(p.lower() == part.lower() for p in parts):
        return ""
    return f"; {symbol} has no part {part!r}" + (f" (its parts: {', '.join(parts)})" if parts else "")


def page_runs(pages: list[int]) -> str:
    """``[5, 6, 7, 9]`` as ``"5-7, 9"``: a paragraph number repeated on 45 pages reads in one line."""
    runs: list[list[int]] = []
    for p in sorted(set(pages)):
        if runs and p == runs[-1][1] + 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return ", ".join(str(a) if a == b else f"{a}, {b}" if b == a + 1 else f"{a}-{b}" for a, b in runs)
