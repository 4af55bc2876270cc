"""Judged queries for ``paracite eval``: what a query line says is the right answer.

Two line formats, mixed freely in one file (JSON Lines)::

    {"id": "d13", "query": "Universal Postal Union remittance initiative",
     "relevant": [46], "partial": [49], "kind": "keyword", "doc": "A/69/207"}

    {"id": "L07", "query": "...", "symbol": "A/80/62", "para": 12, "part": "",
     "also": ["A/80/62/Add.1, para. 3", {"symbol": "E/2025/57", "para": 4}],
     "kind": "paraphrase", "split": "dev"}

The first (document format) gives paragraph numbers of one document (0 = its summary) and is
searched within that document unless the whole index is asked for. The second (library format,
issue #12) names the document and paragraph (``para``: a number, a list of numbers, ``"summary"``,
``"table N"`` or ``"part"``, the whole of a part that is one chunk; ``part`` names an annex or a
decision) and other acceptable chunks (``also``: citations as printed, ``{"symbol", "para",
"part"}`` objects, or numbers of the same document); it is always ranked over the whole index,
so another document's hit is a miss. ``split`` ("dev"/"heldout") lets an evaluation pick the
lines it tunes on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from paracite.errors import UsageError


@dataclass(frozen=True)
class Ref:
    """One judged chunk: its document (None = the query's own), kind, annex part and number."""

    symbol: str | None
    kind: str
    number: int
    part: str = ""
    page: int | None = None  # text cited by page ("p. 4, para. 1"): the page is part of its address

    def key(self, default_symbol: str) -> tuple[str, str, str, int, int | None]:
        """What a hit must match (case-insensitive symbol and part). The page keeps the first
        block of text cited by page 4 from counting as the document's numbered paragraph 1."""
        return ((self.symbol or default_symbol).lower(), self.kind, self.part.lower(), self.number, self.page)


@dataclass(frozen=True)
class Query:
    """One judged query. ``relevant``/``partial`` are paragraph numbers of ``doc`` (document
    format); ``refs`` and ``partial_refs`` name chunks anywhere (library format)."""

    id: str
    query: str
    relevant: tuple[int, ...]
    partial: tuple[int, ...] = ()
    kind: str = ""
    doc: str | None = None
    refs: tuple[Ref, ...] = ()
    partial_refs: tuple[Ref, ...] = ()
    split: str = ""

    @property
    def library(self) -> bool:
        """A library-format query: ranked over the whole index."""
        return bool(self.refs)

    def judged(self, symbol: str) -> tuple[set, set]:
        """(relevant keys, partial keys) with ``symbol`` as the query's own document."""
        rel = {number_ref(n).key(symbol) for n in self.relevant} | {r.key(symbol) for r in self.refs}
        part = {number_ref(n).key(symbol) for n in self.partial} | {r.key(symbol) for r in self.partial_refs}
        return rel, part - rel


def hit_key(hit) -> tuple[str, str, str, int, int | None]:
    """The key of a search hit, comparable with ``Ref.key``."""
    return (hit.symbol.lower(), hit.kind, (hit.part or "").lower(), hit.number, getattr(hit, "page", None))


def number_ref(n: int) -> Ref:
    return Ref(None, "summary", 0) if n == 0 else Ref(None, "paragraph", n)


_CITATION = re.compile(r"^(?P<head>.+?),\s*(?:(?:p\.\s*(?P<page>\d+),\s*)?(?:para(?:graph)?s?\.?\s*(?P<para>\d+)"
                       r"|note\s+(?P<note>\d+))|(?P<summary>summary)|table\s+(?P<table>\d+))\s*$", re.IGNORECASE)


_WHOLE_PART = re.compile(r"^[^,]+,(?:[^,]+,)*\s*(?:draft\s+)?(?:decision|resolution)\b[^,]*$", re.IGNORECASE)


def parse_citation(text: str) -> Ref:
    """A citation as paracite prints it (``A/80/62, annex I, para. 3``) as a ``Ref``."""
    m = _CITATION.match(text.strip())
    if not m and _WHOLE_PART.match(text.strip()):  # a part that is one chunk: ``E/2025/24, chap. I, decision 56/101``
        symbol, _, part = text.strip().partition(",")
        return Ref(symbol.strip(), "part", 0, part.strip())
    if not m:
        raise ValueError(f"not a citation: {text!r} (expected e.g. 'A/80/62, para. 12')")
    symbol, _, part = m["head"].partition(",")
    kind, number = ("summary", 0) if m["summary"] else ("table", int(m["table"])) if m["table"] else (
        ("note", int(m["note"])) if m["note"] else ("paragraph", int(m["para"])))
    return Ref(symbol.strip(), kind, number, part.strip(), int(m["page"]) if m["page"] else None)


def _para_refs(para, symbol: str | None, part: str, page: int | None = None) -> list[Ref]:
    """``para`` (number, "summary", "table N", or a list of them) of ``symbol`` as refs; ``page`` for
    text cited by page ("p. 6, para. 2")."""
    out = []
    for p in para if isinstance(para, list) else [para]:
        s = str(p).strip().lower()
        if isinstance(p, bool):
            raise ValueError(f"para must be a number, got {p!r}")
        if s in ("0", "summary"):
            out.append(Ref(symbol, "summary", 0, part))
        elif s == "part":  # a part that is one chunk (a decision with no numbered paragraphs)
            out.append(Ref(symbol, "part", 0, part))
        elif s.startswith("table"):
            out.append(Ref(symbol, "table", int(s[5:]), part))
        elif s.startswith("note"):  # small type cited by page ("p. 4, note 1")
            out.append(Ref(symbol, "note", int(s[4:]), part, page))
        else:
            out.append(Ref(symbol, "paragraph", int(s.removeprefix("para.").removeprefix("para")), part, page))
    return out


def _also_refs(items, symbol: str | None, part: str = "", page: int | None = None) -> list[Ref]:
    """``also`` (or ``partial``) entries as refs: a bare number is another paragraph of the line's
    own document *and part* (and page), as the format says; a citation or object names its own."""
    out = []
    for a in items or ():
        if isinstance(a, dict):
            out += _para_refs(a["para"], a.get("symbol") or symbol, str(a.get("part") or ""))
        elif isinstance(a, str) and "," in a:
            out.append(parse_citation(a))
        else:
            out += _para_refs(a, symbol, part, page)
    return out


def parse_line(d: dict, n: int) -> Query:
    """One decoded query line (either format) as a ``Query``."""
    if not isinstance(d, dict):
        raise TypeError(f"a line must be a JSON object, got {type(d).__name__}")
    if not isinstance(d.get("query"), str) or not d["query"].strip():
        raise ValueError(f"query must be non-empty text, got {d.get('query')!r}")
    if not any(d.get(key) for key in ("relevant", "para", "also")):
        raise ValueError("the line judges no paragraph: give relevant, or para (and also)")
    symbol = d.get("symbol") or d.get("doc") or None
    if "para" in d:
        page = int(d["page"]) if d.get("page") is not None else None  # text the document cites by page
        part = str(d.get("part") or "")
        refs = _para_refs(d["para"], symbol, part, page) + _also_refs(d.get("also"), symbol, part, page)
        relevant, partial_refs = (), tuple(_also_refs(d.get("partial"), symbol, part, page))
    else:
        refs = _also_refs(d.get("also"), symbol)
        relevant, partial_refs = tuple(int(x) for x in d.get("relevant", ())), ()
    partial = () if "para" in d else tuple(int(x) for x in d.get("partial", ()) or ())
    return Query(id=str(d.get("id", n)), query=str(d["query"]), relevant=relevant, partial=partial,
                 kind=str(d.get("kind") or ""), doc=symbol, refs=tuple(refs), partial_refs=partial_refs,
                 split=str(d.get("split") or ""))


def parse_queries(lines: Iterable[str], source: str = "queries", split: str | None = None) -> list[Query]:
    """Queries from JSON Lines text; blank lines are skipped, a bad line is a ``UsageError``.

    With ``split``, only the lines whose ``split`` field equals it.
    """
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            q = parse_line(json.loads(line), n)
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise UsageError(f"{source}, line {n}: not a query line ({type(e).__name__}: {e}); "
                             'expected {"id", "query", "relevant": [N, ...], "partial": [...], "kind"} '
                             'or {"query", "symbol", "para", "also": [...]}') from None
        if split is None or q.split == split:
            out.append(q)
    if not out:
        raise UsageError(f"{source}: no queries in the file" + (f" with split {split!r}" if split else ""))
    return out


def read_queries(path: str | Path, split: str | None = None) -> list[Query]:
    """Queries from a JSON Lines file (see the module docstring for the fields)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; give a JSON Lines file of judged queries") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder; give a JSON Lines file of judged queries") from None
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read it ({e})") from None
    return parse_queries(text.splitlines(), source=str(path), split=split)
