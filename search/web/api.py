"""The JSON API: each endpoint calls one ``Searcher`` method, like the CLI's commands.

Every error a client can cause is ``{"error": "..."}`` with its status (400 bad argument, 404
unknown paragraph or document, 503 no index); ``errors.json_errors`` does the mapping.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from search.context import citation_typed, cited, neighbours
from search.listing_filters import API_WORDS

from .errors import json_errors
from .params import listing_filters, listing_notes, paragraph_args, refuse_search_only, search_args
from .views import paragraph_record


def _json(data, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


@json_errors
def api_search(request: Request) -> JSONResponse:
    args = search_args(request.query_params)
    with request.app.state.index.searcher() as s:
        hits = args.run(s)
        body = {"query": args.query, "hits": [h.to_dict() for h in hits]}
        notes = args.api_notes(s, bool(hits))
        named = citation_typed(s, args.query)  # searched as words: say where the paragraph it cites is
        if named is not None:
            link = "/api/paragraph?" + urlencode({"citation": named.citation})
            notes = [*notes, f"q is the citation {named.citation}: {link} gives that paragraph; the hits match its words"]
        if notes:
            body["notes"] = notes
    return _json(body)


@json_errors
def api_ask(request: Request) -> JSONResponse:
    args = search_args(request.query_params, "question")
    refuse_search_only(request.query_params)  # ?sort=date, ?k=3: a search's, not an answer's
    index = request.app.state.index
    with index.searcher() as s, index.first_alone("ask"):
        body = s.ask(args.query, **args.ask_filters()).to_dict()  # ?doc=, dates, ... as on the CLI
        notes = args.api_notes(s, False)  # the filters narrow the evidence: name every value that matches nothing
        if notes:
            body["notes"] = notes
        return _json(body)


@json_errors
def api_paragraph(request: Request) -> JSONResponse:
    params = request.query_params
    with request.app.state.index.searcher() as s:
        if params.get("citation", "").strip():
            hit = cited(s, params["citation"])
        else:
            hit = s.get(**paragraph_args(params))
        before, after = neighbours(s, hit)
    return _json(paragraph_record(hit, before, after))


def _document(d: dict) -> dict:
    """A document record as ``paracite docs --json`` gives it; a source path, if any, only by file
    name: a client has no business knowing the server's folders."""
    record = dict(d)
    if record.get("source"):
        record["source"] = Path(record["source"]).name
    return record


@json_errors
def api_documents(request: Request) -> JSONResponse:
    """The documents, narrowed by ``since``, ``until`` and ``body`` as ``paracite docs`` is."""
    listing = listing_filters(request.query_params)
    with request.app.state.index.searcher() as s:
        docs = listing.documents(s)
        body = {"documents": [_document(d) for d in docs]}
        notes = listing_notes(s, listing)
        if not docs and listing.active:  # which filter emptied the list, as `paracite docs` says it
            notes += [line for line in [listing.empty_line(s, API_WORDS)] if line]
        if notes:
            body["notes"] = notes
        return _json(body)


@json_errors
def api_document(request: Request) -> JSONResponse:
    symbol = request.path_params["symbol"]
    with request.app.state.index.searcher() as s:
        doc = s.document_record(symbol)
        if doc is None:  # the index's documents, or the nearest symbols, as `paracite show` names them
            raise s.missing_document(symbol)
        chunks = [{"citation": h.citation, "kind": h.kind, "number": h.number, "part": h.part, "page": h.page}
                  for h in s.chunks(doc=doc["symbol"])]
    return _json(_document(doc) | {"citations": chunks})


@json_errors
def api_entities(request: Request) -> JSONResponse:
    params = request.query_params
    name = params.get("name", "").strip() or None
    kind = params.get("kind", "").strip() or None
    with request.app.state.index.searcher() as s:
        return _json({"entities": [e.to_dict() for e in s.entities(kind=kind, name=name)]})


@json_errors
def api_status(request: Request) -> JSONResponse:
    """Which build the server answers from (``build``), and how often it picked up a new one."""
    index = request.app.state.index
    with index.searcher():
        pass
    return _json({"build": index.build.name if index.build else None,
                  "reopens": index.reopens})


ROUTES = [
    Route("/api/search", api_search),
    Route("/api/ask", api_ask),
    Route("/api/paragraph", api_paragraph),
    Route("/api/documents", api_documents),
    Route("/api/documents/{symbol:path}", api_document),
    Route("/api/entities", api_entities),
    Route("/api/status", api_status),
]
