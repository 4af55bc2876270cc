"""An acronym table read a short at a time, for a build whose ``acronyms`` table is indexed by it.

A library's table holds tens of thousands of rows (20,437 for 73 reports), nearly all of them
phrases whose initials spell a word, and a query types a handful of acronyms: loading every row
cost a fresh searcher ~12 ms of its first search (twenty-first session). A build that writes the
``ACRONYM_INDEX`` index is asked for each acronym a query types, once; one built before it is
read whole, as it always was (``search.bm25.Acronyms.load``).
"""

from __future__ import annotations

import sqlite3

from index.acronym_table import ACRONYM_INDEX, SPELLED


def has_short_index(con: sqlite3.Connection) -> bool:
    """Whether the build indexes its acronym table by the acronym (a build from before does not)."""
    found = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?",
                        (ACRONYM_INDEX,)).fetchone()
    return found is not None


class ShortLookup:
    """Each acronym's rows, asked of the index once: the first row's name (the one a whole-table
    read keeps) and whether any row is defined or listed rather than spelled by initials."""

    def __init__(self, con: sqlite3.Connection):
        self._con = con
        self._seen: dict[str, tuple[str | None, bool]] = {}

    def row(self, short: str) -> tuple[str | None, bool]:
        if short not in self._seen:
            cursor = self._con.cursor()
            cursor.row_factory = None  # plain tuples, whatever the store's connection makes
            rows = cursor.execute("SELECT long, source FROM acronyms WHERE short = ? ORDER BY rowid", (short,)).fetchall()
            self._seen[short] = (rows[0][0] if rows else None, any(r[1] != SPELLED for r in rows))
        return self._seen[short]


class LookedUpNames:
    """Acronym → name as a dict of the whole table answers it, for the calls search makes (``in``,
    ``[]``, ``get``, ``update``); names added by ``update`` (``search.initials``) come first."""

    def __init__(self, lookup: ShortLookup):
        self._lookup = lookup
        self._added: dict[str, str] = {}

    def __contains__(self, short: object) -> bool:
        return isinstance(short, str) and (short in self._added or self._lookup.row(short)[0] is not None)

    def __getitem__(self, short: str) -> str:
        name = self.get(short)
        if name is None:
            raise KeyError(short)
        return name

    def get(self, short: str, default: str | None = None) -> str | None:
        if short in self._added:
            return self._added[short]
        name = self._lookup.row(short)[0]
        return default if name is None else name

    def update(self, names: dict[str, str]) -> None:
        self._added.update(names)


class LookedUpNamed:
    """The acronyms the corpus defines or the gazetteer lists, as ``short in named`` asks it."""

    def __init__(self, lookup: ShortLookup):
        self._lookup = lookup

    def __contains__(self, short: object) -> bool:
        return isinstance(short, str) and self._lookup.row(short)[1]
