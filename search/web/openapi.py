"""The OpenAPI 3.1 description served at ``/openapi.json``, written out rather than inferred.

The search filters listed are the ones this paracite's ``Searcher.search`` takes
(``params.supported_filters``), so the description matches what the server accepts.
"""

from __future__ import annotations

from ingest.export import KINDS as CHUNK_KINDS

from .params import LIST_FILTERS, REPEATED_FILTERS, supported_filters, supported_filters_for_ask

_FILTER_HELP = {
    "doc": "only this document (symbol, e.g. A/69/207); repeat for several",
    "org": "only paragraphs naming this organization (any of its names); repeat to require several",
    "place": "only paragraphs naming this place; repeat to require several",
    "instrument": "only paragraphs citing this convention, protocol, resolution or document; repeatable",
    "kind": "only chunks of this kind: " + ", ".join(CHUNK_KINDS),
    "since": "only documents dated on or after this date",
    "until": "only documents dated on or before this date",
    "body": "only documents of this body (its name or acronym); repeat for any of several",
    "sort": "order of the hits",
}
_ERRORS = {
    "400": {"$ref": "#/components/responses/BadArgument"},
    "503": {"$ref": "#/components/responses/NoIndex"},
}


def _param(name: str, description: str, *, required: bool = False, schema: dict | None = None,
           repeat: bool = False) -> dict:
    schema = schema or {"type": "string"}
    if repeat:
        schema = {"type": "array", "items": schema}
    out = {"name": name, "in": "query", "required": required, "description": description, "schema": schema}
    if repeat:
        out.update(style="form", explode=True)
    return out


def _get(summary: str, params: list[dict], schema: str, extra_errors: tuple[str, ...] = ()) -> dict:
    responses = {"200": {"description": "OK", "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{schema}"}}}}} | _ERRORS
    for code in extra_errors:
        responses[code] = {"$ref": "#/components/responses/NotFound"}
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _search_params() -> list[dict]:
    out = [_param("q", "what to look for, in your own words", required=True),
           _param("k", "number of hits (default 10, at most 1000)", schema={"type": "integer", "minimum": 1}),
           _param("mode", "ranking", schema={"type": "string", "enum": ["hybrid", "dense", "bm25"]}),
           _param("per_doc", "at most this many hits of each document (as `paracite search --per-doc`)",
                  schema={"type": "integer", "minimum": 1})]
    return out + [_param(f, _FILTER_HELP[f], repeat=f in LIST_FILTERS + REPEATED_FILTERS) for f in supported_filters()]


def _ask_filters() -> list[dict]:
    """The filters ``/api/ask`` narrows its evidence by: a search's, less what orders or sizes its hits
    (``k``, ``mode``, ``sort``, ``per_doc`` are refused there)."""
    return [_param(f, _FILTER_HELP[f], repeat=f in LIST_FILTERS + REPEATED_FILTERS) for f in supported_filters_for_ask()]


def _schemas() -> dict:
    string, integer = {"type": "string"}, {"type": "integer"}
    entity = {"type": "object", "properties": {k: string for k in ("text", "kind", "canonical")}
              | {"start": integer, "end": integer}}
    chunk = {"type": "object", "properties": {
        "citation": string, "symbol": string, "kind": {"enum": ["summary", "paragraph", "table", "preamble", "part", "note"]},
        "number": integer, "part": string, "page": {"type": ["integer", "null"]},
        "section": {"type": "array", "items": string}, "text": string,
        "footnotes": {"type": "array", "items": string}, "entities": {"type": "array", "items": entity}}}
    hit = {"allOf": [chunk, {"type": "object", "properties": {"rank": integer, "score": {"type": "number"}, "weak": {"type": "boolean", "description": "the hit barely treats the query: its best sentence is far from it and it holds few of its (rarer) words, whatever its score"}}}]}
    near = {"type": ["object", "null"], "properties": {k: string for k in ("citation", "path", "api")}}
    cite = {"type": "object", "properties": {"citation": string, "sentence": string, "text": string}}
    return {
        "Error": {"type": "object", "required": ["error"], "properties": {"error": string}},
        "SearchResult": {"type": "object", "properties": {
            "query": string, "hits": {"type": "array", "items": hit},
            "notes": {"type": "array", "items": string}}},
        "Answer": {"type": "object", "properties": {
            "question": string, "answer": string, "answered": {"type": "boolean"},
            "citations": {"type": "array", "items": string}, "evidence": {"type": "array", "items": cite},
            "closest": {"type": "array", "items": {"type": "object", "properties": {
                "citation": string, "text": string, "weak": {"type": "boolean", "description": "the paragraph barely treats the question (as a search hit's weak)"}}}},
            "notes": {"type": "array", "items": string}}},
        "Paragraph": {"allOf": [chunk, {"type": "object", "properties": {
            "title": string, "path": string, "previous": near, "next": near}}]},
        "Documents": {"type": "object", "properties": {"documents": {"type": "array", "items": {
            "type": "object", "properties": {"symbol": string, "title": string, "date": {"type": ["string", "null"]}, "bodies": {"type": "array", "items": string}, "session": {"type": ["string", "null"]},
                                             "agenda_items": {"type": "array", "items": string}, "symbols": {"type": "array", "items": string},
                                             "doc_type": {"type": ["string", "null"]}, "pages": {"type": ["integer", "null"]},
                                             "chunks": integer}}},
            "notes": {"type": "array", "items": string}}},
        "Document": {"type": "object", "properties": {"symbol": string, "title": string, "source": string,
                                                      "chunks": integer, "citations": {"type": "array"}}},
        "Entities": {"type": "object", "properties": {"entities": {"type": "array", "items": {
            "type": "object", "properties": {"name": string, "kind": string, "paragraphs": integer,
                                             "forms": {"type": "array", "items": string},
                                             "citations": {"type": "array", "items": string}}}}}},
        "Status": {"type": "object", "properties": {"build": string, "reopens": integer}},
    }


def openapi_spec() -> dict:
    """The API's description (OpenAPI 3.1)."""
    def err(text: str) -> dict:
        return {"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}

    paragraph = [_param("symbol", "document symbol, e.g. A/69/207"),
                 _param("number", "paragraph number, 'summary' or 'table N'"),
                 _param("part", "annex label for annex paragraphs, e.g. 'annex'"),
                 _param("page", "page, for documents cited by page", schema={"type": "integer", "minimum": 1}),
                 _param("citation", "instead of the above: a citation, e.g. 'A/69/207, para. 46'")]
    return {
        "openapi": "3.1.0",
        "info": {"title": "paracite", "version": "1",
                 "description": "Paragraph-cited search over UN reports. Read-only."},
        "paths": {
            "/api/search": _get("Rank paragraphs for a query (as `paracite search --json`)", _search_params(),
                                "SearchResult"),
            "/api/ask": _get("An answer whose every sentence is cited (as `paracite ask --json`)",
                             [_param("q", "a question", required=True)] + _ask_filters(), "Answer"),
            "/api/paragraph": _get("One chunk with its neighbours' citations", paragraph, "Paragraph", ("404",)),
            "/api/documents": _get("The indexed documents, newest first (as `paracite docs --json`)",
                                   [_param(name, _FILTER_HELP[name], repeat=name in REPEATED_FILTERS)
                                    for name in ("since", "until", "body")],
                                   "Documents"),
            "/api/documents/{symbol}": _get("One document and the citations of its chunks", [
                {"name": "symbol", "in": "path", "required": True, "schema": {"type": "string"}}],
                "Document", ("404",)),
            "/api/entities": _get("Organizations, places, instruments and the paragraphs citing them", [
                _param("name", "one entity by any of its names"),
                _param("kind", "only this kind (organization, instrument, place, date, money, ...)")], "Entities"),
            "/api/status": _get("The build the server answers from", [], "Status"),
        },
        "components": {
            "schemas": _schemas(),
            "responses": {"BadArgument": err("a bad argument: empty query, k not a positive integer, unknown mode"),
                          "NotFound": err("no such document, paragraph or path"),
                          "NoIndex": err("no index can be opened (yet)")},
        },
    }
