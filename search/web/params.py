"""Query-string arguments of the API and the page, checked once and turned into ``Searcher`` calls.

The filters a search accepts are read from ``Searcher.search``'s own signature, so a filter
added there (dates, bodies, sort order) is accepted here without a change.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from functools import lru_cache

from paracite.errors import UsageError
from search.listing_filters import API_WORDS, PAGE_WORDS, ListingFilters
from search.searcher import MAX_QUERY_CHARS, cut_note

#: Filters that may be given more than once (``?org=ILO&org=UNHCR`` keeps paragraphs naming both).
LIST_FILTERS = ("doc", "org", "place", "instrument")
#: Single-valued filters, passed on only where ``Searcher.search`` takes them.
OPTIONAL_FILTERS = ("kind", "since", "until", "body", "sort")
#: Of those, the ones that may repeat as alternatives (``?body=ECOSOC&body=GA``, as ``--body`` does);
#: the form ticks several (``pages.body_choices``), so they are not list filters riding hidden.
REPEATED_FILTERS = ("body",)
MAX_VALUE_CHARS = 2000
#: What orders or sizes a search's hits, and their values that change nothing: an answer has no hits
#: to order, so ``ask`` (CLI, API, page) takes none of them (``search_only``).
SEARCH_ONLY = {"sort": ("relevance",), "mode": ("hybrid",), "k": (), "per_doc": ()}
#: Options of a search's shape that are not ``Searcher.search`` filters: at most N hits of each document
#: (``search.per_document``); the form shows them with the filters.
SHAPE_OPTIONS = ("per_doc",)


@lru_cache(maxsize=1)
def search_keywords() -> frozenset[str]:
    """The keyword arguments ``Searcher.search`` accepts."""
    from search.searcher import Searcher

    return frozenset(inspect.signature(Searcher.search).parameters) - {"self", "query"}


def supported_filters() -> tuple[str, ...]:
    """The filters this paracite's search takes, list filters first."""
    keys = search_keywords()
    return tuple(f for f in LIST_FILTERS + OPTIONAL_FILTERS if f in keys)


@dataclass(frozen=True)
class SearchArgs:
    """One search as asked for in a query string."""

    query: str
    k: int = 10
    mode: str = "hybrid"
    filters: dict = field(default_factory=dict)
    cut: str | None = None  # the note on a query cut to its first MAX_QUERY_CHARS
    per_doc: int | None = None  # at most this many hits of each document (``search.per_document``)

    def kwargs(self) -> dict:
        return {"k": self.k, "mode": self.mode, **self.filters}

    def run(self, searcher) -> list:
        """The hits this query string asks for, as ``paracite search`` (with ``--per-doc``) gives them."""
        if self.per_doc is None:
            return searcher.search(self.query, **self.kwargs())
        from search.per_document import search_per_document

        return search_per_document(searcher, self.query, self.per_doc, **self.kwargs())

    def unknown_filters(self, searcher, entities: bool = True) -> list[tuple[str, str]]:
        """The (kind, value) organ and (with ``entities``) entity filters that name nothing in the
        searcher's index (the page and the API word the note each their own way). As on the CLI, unknown
        organs are named even when the other values found hits; entities only when none did (an unknown
        document is an error, 404, as on the CLI)."""
        f = self.filters
        return [("organ", value) for value in searcher.unknown_bodies(f.get("body"))] + \
            (searcher.unknown_filters(f.get("org", ()), f.get("place", ()), f.get("instrument", ())) if entities else [])

    def date_notes(self, searcher) -> list[str]:
        """What the date filter left out for want of a (full) date, as ``paracite search`` notes it:
        without it the web dropped undated documents silently."""
        f = self.filters
        selection = searcher.doc_selection(f.get("since"), f.get("until"), f.get("body"))
        return list(selection.notes) if selection else []

    def emptied(self, searcher, hits: bool, words: dict[str, str]) -> list[str]:
        """The line saying that the date and organ filters left no document to read, which of them and
        what the index holds (``ListingFilters.empty_line``, as ``paracite search`` says it), if they did."""
        f = self.filters
        body = f.get("body") or ()
        listing = ListingFilters(f.get("since"), f.get("until"), (body,) if isinstance(body, str) else tuple(body))
        if hits or not listing.active or listing.documents(searcher):
            return []
        return [line for line in [listing.empty_line(searcher, words)] if line]

    def api_notes(self, searcher, hits: bool) -> list[str]:
        """The ``notes`` of ``/api/search`` and ``/api/ask``."""
        return ([self.cut] if self.cut else []) + self.date_notes(searcher) + \
            [f"no {kind} named {value!r} in this index" for kind, value in self.unknown_filters(searcher, entities=not hits)] + \
            self.emptied(searcher, hits, API_WORDS)

    def page_notes(self, searcher, hits: bool) -> list[str]:
        """The notes the search and ask pages show above the results."""
        return [f"{n[0].upper()}{n[1:]}." for n in ([self.cut] if self.cut else []) + self.date_notes(searcher)] + \
            [f"No {kind} named “{value}” in this index." for kind, value in self.unknown_filters(searcher, entities=not hits)] + \
            self.emptied(searcher, hits, PAGE_WORDS)

    def ask_filters(self) -> dict:
        """The filters ``Searcher.ask`` narrows its evidence by: all but the order of hits."""
        return {name: value for name, value in self.filters.items() if name not in SEARCH_ONLY}

    def filter_pairs(self) -> list[tuple[str, str]]:
        """(name, value) of every filter given, for links that keep them."""
        out = []
        for name, value in self.filters.items():
            out += [(name, v) for v in value] if isinstance(value, list) else [(name, value)]
        return out + ([("per_doc", str(self.per_doc))] if self.per_doc is not None else [])


def _value(params, name: str) -> str:
    v = params.get(name, "")
    if len(v) > MAX_VALUE_CHARS:
        raise UsageError(f"{name} is longer than {MAX_VALUE_CHARS} characters")
    return v


def positive_int(params, name: str, default: int | None) -> int | None:
    """``name`` as a whole number of at least 1; the default when absent or empty."""
    raw = _value(params, name).strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise UsageError(f"{name} must be a positive whole number, got {raw!r}")
    return min(int(raw), 10**9)  # the Searcher clamps k further (to 1,000), as the CLI does


def search_args(params, what: str = "query") -> SearchArgs:
    """A ``SearchArgs`` from a query string; ``UsageError`` (HTTP 400) on a bad value. A query
    longer than the Searcher reads is cut, with a note, as on the CLI (a pasted paragraph was a 400)."""
    query = params.get("q", "").strip()
    if not query:
        raise UsageError("q is empty; give some words to search for (?q=...)")
    cut = cut_note(query, what)
    query = query[:MAX_QUERY_CHARS]
    k = positive_int(params, "k", 10)
    mode = _value(params, "mode").strip().lower() or "hybrid"
    accepted = search_keywords()
    filters: dict = {}
    for name in LIST_FILTERS:
        values = [v.strip() for v in params.getlist(name) if v.strip()] if name in accepted else []
        if any(len(v) > MAX_VALUE_CHARS for v in values):
            raise UsageError(f"{name} is longer than {MAX_VALUE_CHARS} characters")
        if values:
            filters[name] = values
    for name in OPTIONAL_FILTERS:
        values = [v.strip() for v in params.getlist(name) if v.strip()] if name in REPEATED_FILTERS else \
            [_value(params, name).strip()]
        if any(len(v) > MAX_VALUE_CHARS for v in values):
            raise UsageError(f"{name} is longer than {MAX_VALUE_CHARS} characters")
        values = [v for v in values if v]
        if values and name in accepted:
            filters[name] = values if len(values) > 1 else values[0]
    per_doc = positive_int(params, "per_doc", None)
    return SearchArgs(query=query, k=k, mode=mode, filters=filters, cut=cut, per_doc=per_doc)


def search_only(params) -> list[str]:
    """The parameters of ``params`` that only a search takes (``SEARCH_ONLY``), given a value that
    would change a search: ``/api/ask`` refuses them and the ask page says it did not use them
    (``/api/ask?sort=date`` used to answer as if no order had been asked for)."""
    return [name for name, idle in SEARCH_ONLY.items()
            if (value := _value(params, name).strip().lower()) and value not in idle]


def refuse_search_only(params) -> None:
    """``UsageError`` (HTTP 400) naming the search-only parameters ``/api/ask`` was given."""
    if names := search_only(params):
        them = "it" if len(names) == 1 else "them"
        raise UsageError(f"{' and '.join(names)} {'is' if len(names) == 1 else 'are'} for /api/search (an answer "
                         f"has no list of hits to order or size); drop {them}: /api/ask takes q, "
                         f"{', '.join(supported_filters_for_ask())}")


def supported_filters_for_ask() -> tuple[str, ...]:
    """The filters ``/api/ask`` and the ask page pass to ``Searcher.ask``."""
    return tuple(f for f in supported_filters() if f not in SEARCH_ONLY)


def listing_filters(params) -> ListingFilters:
    """The filters of ``/api/documents`` (``since``, ``until``, ``body``, which repeats), as ``paracite
    docs`` reads its options; ``UsageError`` (HTTP 400) on a value too long. Search's ``k`` and ``mode``
    mean nothing to a listing and are not read."""
    bodies = [v.strip() for v in params.getlist("body") if v.strip()]
    if any(len(v) > MAX_VALUE_CHARS for v in bodies):
        raise UsageError(f"body is longer than {MAX_VALUE_CHARS} characters")
    return ListingFilters(_value(params, "since").strip() or None, _value(params, "until").strip() or None,
                          tuple(bodies))


def listing_notes(searcher, listing: ListingFilters) -> list[str]:
    """The ``notes`` of ``/api/documents``, worded as those of ``/api/search``."""
    return listing.date_notes(searcher) + [f"no organ named {value!r} in this index"
                                           for value in listing.unknown_bodies(searcher)]


def paragraph_args(params) -> dict:
    """symbol, number, part, page for ``Searcher.get``."""
    symbol = _value(params, "symbol").strip()
    number = _value(params, "number").strip()
    if not symbol or not number:
        raise UsageError("give symbol and number (?symbol=A/69/207&number=46; number may be 'summary' or 'table 1')")
    return {"symbol": symbol, "number": number, "part": _value(params, "part").strip(),
            "page": positive_int(params, "page", None)}
