"""The ``Searcher``'s document methods (issue #14): library view, contents, context, export, filters.

A mixin so that ``Searcher`` stays one screenful of retrieval; every method reads the index
through ``self._con`` and builds hits with ``self._hit``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterator, Sequence

from index.removal_history import removal_of
from index.symbol_lookup import find_symbol, nearest_symbols, symbol_table
from paracite.errors import NotFound, UsageError
from paracite.wording import Both, Said, option

from .arguments import whole_number
from .doc_filters import DocFilter, Selection, body_names, make_filter, matches_body, newest_first, select
from .documents import chunk_row, contents, list_documents, metadata, neighbours
from .models import Hit

MAX_CONTEXT = 50
MAX_LISTED = 8  # an unknown symbol's error lists the index's documents up to this many


class DocumentViews:
    """Documents as records: metadata, table of contents, neighbours, filtered export."""

    def __repr__(self) -> str:
        m = self.manifest
        return f"Searcher({str(self.folder)!r}: {len(m.documents)} document(s), {m.chunks} chunks)"

    def documents(self, since: str | None = None, until: str | None = None,
                  body: str | Sequence[str] | None = None) -> list[dict]:
        """The indexed documents, newest first: ``symbol, title, date, bodies, session, agenda_items,
        symbols, doc_type, pages, chunks`` (``paracite docs --json``); the date and organ filters of
        ``search`` keep those they pass (``doc_selection`` notes what they left out)."""
        docs = list_documents(self._con)
        selection = self.doc_selection(since, until, body)
        return docs if selection is None else [d for d in docs if d["symbol"] in selection.symbols]

    def document_record(self, symbol: str) -> dict | None:
        """One document's record as ``documents`` gives it (any case of ``symbol``), or ``None``."""
        found = find_symbol(self._symbol_table(), str(symbol))  # any spacing, a part's bare symbol too
        return None if found is None else self._doc_meta()[found]

    def _symbol_table(self) -> dict[str, str]:
        """Every symbol a document carries ("A/79/722 = S/2025/27"), its own first (``symbol_lookup``)."""
        if getattr(self, "_by_case", None) is None:
            self._by_case = symbol_table(self._doc_meta())
        return self._by_case

    def document(self, symbol: str) -> dict:
        """One document's record plus ``contents``: its sections with their first and last citations."""
        record = self._doc_meta().get(self._symbol(symbol))
        return dict(record, contents=contents(self._con, record["symbol"]))

    def context(self, symbol: str, number: int | str, k: int = 2, *, part: str = "",
                page: int | None = None) -> list[Hit]:
        """The chunk ``symbol``/``number`` with up to ``k`` chunks before and after it, in order."""
        k = whole_number(k, option("context"), 0)
        return self.around(self.get(symbol, number, part=part, page=page), k)

    def cited(self, citation: str) -> Hit:
        """The chunk a whole citation names, as paracite prints it (``"A/69/207, para. 46"``; spacing, case
        and "paragraph" for "para." aside); ``NotFound`` saying how the document's paragraphs are cited."""
        from .context import cited  # context builds on the Searcher

        return cited(self, citation)

    def around(self, hit: Hit, k: int = 2) -> list[Hit]:
        """``hit`` (a chunk of this index, as ``get`` or a search gives it) with up to ``k`` chunks
        before and after it, in order."""
        k = whole_number(k, option("context"), 0)
        rowid = chunk_row(self._con, hit)
        return [self._hit(i, 1.0) for i in neighbours(self._con, rowid, min(k, MAX_CONTEXT))]

    def export(self, doc: str | Sequence[str] | None = None, *, since: str | None = None, until: str | None = None,
               body: str | Sequence[str] | None = None) -> Iterator[dict]:
        """Every chunk as an export record: the hit's fields plus its document's metadata. An unknown
        ``doc`` is refused now, not at the first record."""
        self.check_documents(doc)
        return self._records(doc, self.doc_selection(since, until, body))

    def _records(self, doc, allowed: Selection | None) -> Iterator[dict]:
        meta = self._doc_meta()
        for h in self.chunks(doc=doc):
            if allowed is not None and h.symbol not in allowed.symbols:
                continue
            d = h.to_dict()
            d.pop("rank", None)
            d.pop("score", None)
            d.pop("weak", None)
            m = meta.get(h.symbol, {})
            d.update(title=h.title, date=m.get("date"), bodies=m.get("bodies", []), session=m.get("session"),
                     agenda_items=m.get("agenda_items", []), symbols=m.get("symbols", [h.symbol]),
                     doc_type=m.get("doc_type"), pages=m.get("pages"))
            yield d

    def resolve_documents(self, doc: str | Sequence[str] | None) -> tuple[list[str], list[str]]:
        """``--doc`` values as (the indexed symbols they name, the values that name none): any
        case, and any symbol a joint document carries, so ``s/2025/27`` finds ``A/79/722``."""
        values = [doc] if isinstance(doc, str) else list(doc or ())
        found, unknown = [], []
        for v in values:
            record = self.document_record(v)
            if record is None:
                unknown.append(v)
            elif record["symbol"] not in found:
                found.append(record["symbol"])
        return found, unknown

    def check_documents(self, doc: str | Sequence[str] | None) -> None:
        """``NotFound`` (exit 4, HTTP 404) for the first ``doc`` value that names no indexed document,
        as ``show`` and ``eval`` say it: a typo in ``--doc`` is not an empty result (it was a note
        and exit 0 on search, ask and export, so a script could not tell the two apart)."""
        _, unknown = self.resolve_documents(doc)
        if any(not str(v).strip() for v in unknown):  # `--doc ""`: a slip, not a symbol to look for
            raise UsageError("--doc needs a document symbol (e.g. A/69/207), got an empty value")
        if unknown:
            raise self.missing_document(unknown[0])

    def unknown_documents(self, doc: str | Sequence[str] | None) -> list[tuple[str, list[str]]]:
        """The ``--doc`` values that name no indexed document, each with the nearest symbols."""
        _, unknown = self.resolve_documents(doc)
        return [(v, nearest_symbols(self._symbol_table(), str(v))) for v in unknown]

    def doc_selection(self, since: str | None = None, until: str | None = None,
                      body: str | Sequence[str] | None = None) -> Selection | None:
        """The documents that pass the date and organ filters (``None`` when there are none)."""
        f = make_filter(since, until, body)
        if not f.active:
            return None
        return self._select(f)

    def filter_notes(self, *, doc: str | Sequence[str] | None = None, org: Sequence[str] = (),
                     place: Sequence[str] = (), instrument: Sequence[str] = (), since: str | None = None,
                     until: str | None = None, body: str | Sequence[str] | None = None) -> list[str]:
        """What the filters of a search or an answer set aside, in the words of the API's ``notes``:
        the documents a date filter left out for want of a (full) date, and each value that names
        nothing in this index. The CLI and the web say so; a Python caller had only an empty list."""
        selection = self.doc_selection(since, until, body)
        notes = list(selection.notes) if selection else []
        notes += [f"no document {v!r} in this index" + (f"; did you mean {' or '.join(near)}?" if near else "")
                  for v, near in self.unknown_documents(doc)]
        notes += [f"no organ named {v!r} in this index" for v in self.unknown_bodies(body)]
        return notes + [f"no {kind} named {v!r} in this index"
                        for kind, v in self.unknown_filters(org, place, instrument)]

    def names_organ(self, value: str, organ: str) -> bool:
        """Whether a ``--body`` value names ``organ`` as the filter reads it (its name, a phrase of
        it, an acronym: ``ECOSOC`` names "Economic and Social Council")."""
        return matches_body(body_names(value, _organ_acronyms()), [organ])

    def unknown_bodies(self, body: str | Sequence[str] | None) -> list[str]:
        """The ``--body`` values that name no organ of any indexed document."""
        values = [body] if isinstance(body, str) else list(body or ())
        return [v for v in values if not self._select(DocFilter(body=(v,))).symbols]

    def _select(self, f: DocFilter) -> Selection:
        """``select`` over this build's documents, kept per filter: a build's documents never
        change, and a search, its notes and a page's links ask for the same selection again."""
        cache = getattr(self, "_selections", None)
        if cache is None:
            cache = self._selections = {}
        if f not in cache:
            if len(cache) >= 64:  # a server sees many filters: keep the recent ones only
                cache.pop(next(iter(cache)))
            cache[f] = select(self._doc_meta().values(), f, _organ_acronyms())
        return cache[f]

    # -- helpers -----------------------------------------------------------------------------
    def _doc_meta(self) -> dict[str, dict]:
        if getattr(self, "_meta", None) is None:
            self._meta = metadata(self._con)
        return self._meta

    def _symbol(self, symbol: str) -> str:
        """The indexed spelling of ``symbol`` (any case); ``NotFound`` naming the index's documents."""
        record = self.document_record(symbol)
        if record is None:
            raise self.missing_document(symbol)
        return record["symbol"]

    def missing_document(self, symbol: str) -> NotFound:
        """The error for a symbol the index does not hold: that ``remove`` took it out, when the index remembers
        it (``index.removal_history``); else its documents when they are few, else the nearest symbols (a
        library of hundreds does not fit in one line)."""
        build = getattr(self, "folder", None)  # the build: its index folder keeps the removals
        gone = removal_of(Path(build).parent.parent, str(symbol)) if build is not None else None
        if gone is not None:
            error = NotFound(f"no document {symbol} in this index: {gone[0]} was removed on "
                             f"{gone[1].get('removed', '?')} (`paracite add` its file to index it again)")
            error.near = ()
            return error
        known = sorted(self._doc_meta())
        near = dict(self.unknown_documents(symbol)).get(symbol) or []
        hint = f"did you mean {' or '.join(near)}? " if near else ""
        if len(known) <= MAX_LISTED:
            error = NotFound(f"no document {symbol} in this index; {hint}(it holds {', '.join(known)})" if near else
                             f"no document {symbol} in this index (it holds {', '.join(known)})")
        else:
            error = NotFound(Said.of(f"no document {symbol} in this index of {len(known)} documents; {hint}",
                                     Both("see `paracite docs`", "/api/documents lists them")))
        error.near = tuple(near)
        return error


def sort_by_date(hits: list[Hit]) -> list[Hit]:
    """Hits newest first (undated last); hits of one date keep their relevance order."""
    return sorted(hits, key=lambda h: newest_first(h.date))


@functools.lru_cache(maxsize=1)
def _organ_acronyms() -> dict[str, str]:
    """Acronym → full name for the UN system bodies the entity gazetteer knows (``UNICEF``) and for the
    conventions whose bodies issue documents (``UNCCD`` → "Convention to Combat Desertification")."""
    from ingest.entities.gazetteer import convention_organs, organizations

    return {**convention_organs(), **{n.text: n.canonical for n in organizations() if n.acronym}}
