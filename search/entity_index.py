"""Entities in an index: which chunks name one, and the list of all of them (issue 4).

A filter value matches an entity by its canonical name or any surface form (so "UNHCR" and
"Office of the United Nations High Commissioner for Refugees" find the same paragraphs), by the
gazetteer's canonical name ("Moldova" finds "Republic of Moldova"), and for instruments also as a
whole-word part of the name ("Convention No. 189" finds "ILO Convention No. 189 concerning
Decent Work for Domestic Workers (2011)").
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

KINDS = ("organization", "instrument", "place", "date", "money", "percent", "count", "quantity")
FILTER_KINDS = ("organization", "place", "instrument")
MIN_PART = 5  # shortest value matched as part of an instrument's name


@dataclass(frozen=True)
class EntityInfo:
    """One entity of an index: canonical name, kind, surface forms, and the chunks citing it."""

    name: str
    kind: str
    forms: tuple[str, ...]
    citations: tuple[str, ...]

    @property
    def paragraphs(self) -> int:
        return len(self.citations)

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "forms": list(self.forms), "paragraphs": self.paragraphs,
                "citations": list(self.citations)}


def _norm(text: str) -> str:
    t = " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).lower()
    return t[4:] if t.startswith("the ") else t


def matching_names(con: sqlite3.Connection, kind: str | None, value: str) -> set[tuple[str, str]]:
    """The (kind, canonical) pairs in the index that ``value`` names."""
    v = _norm(value)
    if not v:
        return set()
    wanted = {v}
    try:
        from ingest.entities.gazetteer import lookup, normalize

        known = lookup().get(normalize(value))
        if known and (kind is None or known.kind == kind):
            wanted.add(_norm(known.canonical))
    except ImportError:  # pragma: no cover - ingest ships with search
        pass
    part = re.compile(r"(?<![\w/])" + re.escape(v) + r"(?![\w/])") if len(v) >= MIN_PART else None
    sql, args = "SELECT DISTINCT kind, canonical, text FROM entities", ()
    if kind:
        sql, args = sql + " WHERE kind = ?", (kind,)
    out = set()
    for k, canonical, text in con.execute(sql, args):
        c, t = _norm(canonical), _norm(text)
        if c in wanted or t in wanted or (k == "instrument" and part and (part.search(c) or part.search(t))):
            out.add((k, canonical))
    return out


def chunk_ids(con: sqlite3.Connection, kind: str, value: str) -> set[int]:
    """Row ids of the chunks naming ``value`` as an entity of ``kind``."""
    names = matching_names(con, kind, value)
    if not names:
        return set()
    canon = sorted({c for _, c in names})
    rows = con.execute(f"SELECT DISTINCT chunk_id FROM entities WHERE kind = ? AND canonical IN "
                       f"({','.join('?' * len(canon))})", [kind, *canon])
    return {r[0] for r in rows}


def list_entities(con: sqlite3.Connection, kind: str | None = None, name: str | None = None) -> list[EntityInfo]:
    """Entities with their surface forms and citing chunks, most cited first.

    ``name`` keeps the entities it names (any kind unless ``kind`` is given); an unknown name
    gives an empty list.
    """
    where, args = [], []
    if kind:
        where.append("e.kind = ?")
        args.append(kind)
    if name is not None:
        names = matching_names(con, kind, name)
        if not names:
            return []
        where.append("(" + " OR ".join("(e.kind = ? AND e.canonical = ?)" for _ in names) + ")")
        for k, c in sorted(names):
            args += [k, c]
    # in the build's document order (row ids follow it, except after an incremental Milvus ingest)
    sql = ("SELECT e.kind, e.canonical, e.text, c.citation, c.id FROM entities e JOIN chunks c ON c.id = e.chunk_id "
           "LEFT JOIN documents d ON d.symbol = c.symbol"
           + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY d.rowid, c.id, e.start")
    forms: dict[tuple[str, str], dict[str, None]] = {}
    cites: dict[tuple[str, str], dict[str, None]] = {}
    for k, canonical, text, citation, _ in con.execute(sql, args):
        key = (k, canonical)
        forms.setdefault(key, {})[text] = None
        cites.setdefault(key, {})[citation] = None
    out = [EntityInfo(c, k, tuple(forms[(k, c)]), tuple(cites[(k, c)])) for (k, c) in forms]
    out.sort(key=lambda e: (-e.paragraphs, KINDS.index(e.kind) if e.kind in KINDS else 99, e.name.lower()))
    return out


def citing_ids(con: sqlite3.Connection, name: str, kind: str | None = None) -> list[int]:
    """Row ids, in document order, of the chunks citing the entities ``name`` names."""
    names = matching_names(con, kind, name)
    ids: set[int] = set()
    for k, c in names:
        ids.update(r[0] for r in con.execute(
            "SELECT DISTINCT chunk_id FROM entities WHERE kind = ? AND canonical = ?", (k, c)))
    return sorted(ids)
