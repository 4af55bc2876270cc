"""The documents an analyst keeps: ``/docs`` lists them (newest first, as ``paracite docs``) and
``/d/SYMBOL`` shows one, its metadata and table of contents (as ``paracite show SYMBOL``).

Without these the page offered no way to see what the index holds, nor a report's date, organs
and sections, short of the JSON API; each contents entry links to its first paragraph.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from paracite.errors import ParaciteError

from search.listing_filters import PAGE_WORDS

from .errors import status_of, web_message
from .params import listing_filters, listing_notes
from .views import citation_path


def document_path(symbol: str) -> str:
    """``/d/A/80/84``: a document's own page."""
    return f"/d/{quote(symbol, safe='/')}"


def contents_links(symbol: str, contents: list[dict]) -> list[dict]:
    """The table of contents as the page shows it, as ``paracite show SYMBOL`` prints it: a heading
    above others once, as its own row; each run of chunks under a heading with its span of citations
    and a link to its first chunk (``/c?citation=``)."""
    from search.cli_docs import span, within_part

    rows, shown = [], set()
    for entry in contents:
        path, part, first = tuple(entry["section"]), entry["part"], entry["first"]
        within = within_part(entry)
        for depth in range(len(path) - 1):
            if (within, path[:depth + 1]) not in shown:
                shown.add((within, path[:depth + 1]))
                rows.append({"depth": depth, "heading": path[depth], "part": "", "span": "", "link": ""})
        shown.add((within, path))
        one_chunk_part = part and first == entry["last"] and part.rsplit(", ", 1)[-1] == first
        cite = ", ".join(x for x in (symbol, part, "" if one_chunk_part else first) if x)
        summary = not path and first == entry["last"] == "summary"  # was "(no heading) (summary)"
        rows.append({"depth": max(0, len(path) - 1), "part": part, "link": citation_path(cite),
                     "heading": path[-1] if path else "Summary" if summary else "(no heading)",
                     "span": "" if summary else span(first, entry["last"])})
    return rows


def _render(template: str, status: int, **ctx) -> HTMLResponse:
    from .pages import form_context, render

    return render(template, status, **(form_context(QueryParams("")) | ctx))


def _header(s) -> dict:
    """The search form's document and body choices, as every page's header offers them."""
    from .pages import body_choices

    listed = s.documents()
    return {"documents": [d["symbol"] for d in listed], "bodies": body_choices(listed, [], s.names_organ)}


def page_documents(request: Request) -> HTMLResponse:
    """Every document, newest first, narrowed by ``since``, ``until`` and ``body`` as ``/api/documents``."""
    params = request.query_params
    ctx, status = {"listed": [], "listing_notes": [], "since": params.get("since", ""),
                   "until": params.get("until", ""), "body": params.get("body", ""), "filtered": False, "empty": ""}, 200
    try:
        listing = listing_filters(params)
        ctx["filtered"] = bool(listing.since or listing.until or listing.body)
        with request.app.state.index.searcher() as s:
            ctx.update(_header(s))
            ctx["listed"] = [dict(d, path=document_path(d["symbol"])) for d in listing.documents(s)]
            ctx["listing_notes"] = listing_notes(s, listing)
            if ctx["filtered"] and not ctx["listed"]:  # which field emptied the list, and what the index holds
                ctx["empty"] = listing.empty_line(s, PAGE_WORDS)  # (an unknown organ's note said within it)
                ctx["listing_notes"] = listing.date_notes(s)
    except ParaciteError as e:
        status = page_error(ctx, e)
    return _render("documents.html", status, title="Documents – paracite", **ctx)


def page_error(ctx: dict, e: ParaciteError) -> int:
    """Put a page's error in ``ctx`` (its message, and the documents a mistyped symbol may have meant,
    as links: the page said "did you mean A/80/275?" and left the user to retype it); its status."""
    ctx["error"] = web_message(e)
    ctx["near"] = [(symbol, document_path(symbol)) for symbol in getattr(e, "near", ())]
    return status_of(e)


def page_document(request: Request) -> HTMLResponse:
    """One document: its metadata, a box to search in it, and its contents linked to the paragraphs."""
    symbol = request.path_params["symbol"].strip("/")
    ctx, status = {"doc": None}, 200
    try:
        with request.app.state.index.searcher() as s:
            ctx.update(_header(s))
            doc = s.document(symbol)  # NotFound names the index's documents, or the nearest symbols
            ctx["doc"] = doc
            ctx["rows"] = contents_links(doc["symbol"], doc["contents"])
    except ParaciteError as e:
        status = page_error(ctx, e)
    title = f"{ctx['doc']['symbol']} – paracite" if ctx["doc"] else "Document – paracite"
    return _render("document.html", status, title=title, **ctx)


ROUTES = [
    Route("/docs", page_documents),
    Route("/d/{symbol:path}", page_document),
]
