"""The web page: a search box, results, the cited answer, and one paragraph with its neighbours.

Rendered on the server (Jinja2, autoescaped), so ``/?q=...`` is a link anyone can share and the
page works without JavaScript; ``static/app.js`` only adds the copy-citation button and the
``/`` shortcut. Each page shows the same data as its API twin.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ingest.export import KINDS as CHUNK_KINDS
from paracite.errors import ParaciteError, UsageError
from search.context import best_sentences, citation_typed, cited, neighbours

from .params import LIST_FILTERS, REPEATED_FILTERS, positive_int, SHAPE_OPTIONS, search_args, search_only, supported_filters
from .document_pages import document_path, page_error
from .views import (answer_pieces, citation_path, date_pieces, document_line, entity_links, marked, paragraph_path,
                    search_placeholder)

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
    autoescape=True,  # every value is escaped: document text is untrusted (issue #16)
    undefined=jinja2.StrictUndefined,
)
TEMPLATES.filters["dates"] = date_pieces
# the form's fields that only a search uses, as the ask page names them when it did not use them
SEARCH_ONLY_LABELS = {"sort": "Sort", "mode": "Ranking", "k": "Results", "per_doc": "Per document"}
LABELS = {"doc": "Document", "org": "Organization", "place": "Place", "instrument": "Instrument",
          "kind": "Kind", "since": "From date", "until": "To date", "body": "Body", "sort": "Sort",
          "per_doc": "Per document"}
# a typed field's hint, inside its box: "From date (YYYY-MM-DD)" as a label widened the form's label column so
# far that the Ranking and Document lists were cut at 800 and 1280 pixels ("meaning and keyw")
PLACEHOLDERS = {"since": "YYYY-MM-DD", "until": "YYYY-MM-DD"}
# filters with a fixed set of values are picked from a list, not typed: (value, shown) pairs, the first the default
CHOICES = {"kind": (("", "Any kind"), *((k, k) for k in CHUNK_KINDS)),
           "sort": (("", "by relevance"), ("date", "newest first")),
           "per_doc": (("", "all hits"), ("1", "the best one"), ("2", "the best two"))}


def page_fields() -> tuple[str, ...]:
    """The form's filters and options: the search's filters, then how many hits of each document."""
    return supported_filters() + SHAPE_OPTIONS


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    context.setdefault("placeholder", search_placeholder(context.get("documents") or []))
    return HTMLResponse(TEMPLATES.get_template(name).render(**context), status_code=status)


def form_context(params) -> dict:
    """What the search form shows: the query, mode, k and the filters in force."""
    active = [(n, v) for n in LIST_FILTERS for v in params.getlist(n) if v.strip()]
    active += [(n, v) for n in page_fields() if n not in LIST_FILTERS
               for v in (params.getlist(n) if n in REPEATED_FILTERS else [params.get(n, "")]) if v.strip()]
    base = [("q", params.get("q", ""))] + [(n, params[n]) for n in ("mode", "k") if params.get(n)]
    chips = [{"name": n, "label": LABELS.get(n, n).split(" (")[0], "value": v,  # "Kind: note", not its hint
              "shown": dict(CHOICES.get(n, ())).get(v, v),  # "Sort: newest first", as the field words it
              "remove": "/?" + urlencode(base + [p for p in active if p != (n, v)]),
              "hidden": n in LIST_FILTERS} for n, v in active]  # list filters ride hidden; bodies are ticked
    return {"q": params.get("q", ""), "mode": params.get("mode", "hybrid") or "hybrid", "k": params.get("k", ""),
            "active": chips, "filters": page_fields(), "labels": LABELS, "placeholders": PLACEHOLDERS,
            "choices": CHOICES,
            "list_filters": LIST_FILTERS, "documents": [], "error": None, "near": [], "results": None, "notes": [],
            "answer": None, "bodies": [], "one_source": None, "cited": None}


def body_choices(documents: list[dict], chosen: list[str], names) -> list[tuple[str, bool]]:
    """The Body field's boxes, (organ, ticked): every organ the indexed documents print, those of
    most documents first, each ticked when a value of the link names it (``names(value, organ)``:
    "ECOSOC" ticks "Economic and Social Council"), then any value that names none of them, ticked,
    so that several can be picked and each one given stays ticked until it is lifted."""
    counts: dict[str, int] = {}
    for d in documents:
        for b in dict.fromkeys(d.get("bodies") or ()):
            counts[b] = counts.get(b, 0) + 1
    organs = sorted(counts, key=lambda b: (-counts[b], b.lower()))
    named = {v: {b for b in organs if names(v, b)} for v in dict.fromkeys(chosen)}
    ticked = set().union(*named.values()) if named else set()
    return [(b, b in ticked) for b in organs] + [(v, True) for v, found in named.items() if not found]


def _page(request: Request, template: str, fill) -> HTMLResponse:
    """Render ``template`` with the form, plus what ``fill(searcher, context)`` adds; errors show in
    the page (``role=alert``) with the API's status."""
    ctx, status = form_context(request.query_params), 200
    try:
        with request.app.state.index.searcher() as s:
            listed = s.documents()
            ctx["documents"] = [d["symbol"] for d in listed]
            ctx["bodies"] = body_choices(listed, [c["value"] for c in ctx["active"] if c["name"] == "body"],
                                         s.names_organ)
            fill(s, ctx, request)
    except ParaciteError as e:
        status = page_error(ctx, e)
    ctx.setdefault("title", "paracite")
    return render(template, status, **ctx)


def _fill_search(s, ctx: dict, request: Request) -> None:
    params = request.query_params
    ctx["results"] = None
    if not params.get("q", "").strip():
        if any(params.get(n) for n in LIST_FILTERS):
            raise UsageError("type some words to search for; the filters narrow a search")
        return
    args = search_args(params)
    hits = args.run(s)
    spans = best_sentences(s, args.query, hits)
    base = [("q", args.query)] + [(n, request.query_params[n]) for n in ("mode", "k") if params.get(n)]
    base += args.filter_pairs()
    several = len({h.symbol for h in hits}) > 1  # in a library, say which report each paragraph is from
    # hits of one report: which report (title, date, organs) once, above them
    ctx["one_source"] = {"symbol": hits[0].symbol, "path": document_path(hits[0].symbol),
                         "line": document_line(hits[0])} if hits and not several else None
    ctx["results"] = [{"hit": h, "path": paragraph_path(h), "pieces": marked(h.text, span),
                       "document": document_line(h) if several else "",
                       "entities": entity_links(h, base, args.query)} for h, span in zip(hits, spans)]
    ctx["notes"] = args.page_notes(s, bool(hits))
    named = citation_typed(s, args.query)  # a citation typed in the box: link its paragraph above the hits
    ctx["cited"] = {"citation": named.citation, "path": paragraph_path(named)} if named else None
    if hits and hits[0].weak:  # a score of 2 or 3 says nothing across searches (search.match_strength)
        ctx["notes"].append("Weak match: no paragraph searched is close to the query"
                            + ("; the filters may have left only documents that do not treat it."
                               if args.filter_pairs() else " (none of the indexed documents seems to treat it)."))
    ctx["title"] = f"{args.query} – paracite"


def page_search(request: Request) -> HTMLResponse:
    return _page(request, "search.html", _fill_search)


def _fill_ask(s, ctx: dict, request: Request) -> None:
    ctx["answer"] = None
    if not request.query_params.get("q", "").strip():
        return
    args = search_args(request.query_params, "question")
    with request.app.state.index.first_alone("ask"):
        answer = s.ask(args.query, **args.ask_filters())
    ctx["answer"] = answer
    ctx["notes"] = args.page_notes(s, False) + _unused_by_ask(request.query_params)
    ctx["pieces"] = [(text, citation_path(cite) if cite else None) for text, cite in answer_pieces(answer)]
    ctx["evidence"] = [(e, citation_path(e.citation)) for e in answer.evidence]
    ctx["closest"] = [(h, paragraph_path(h)) for h in answer.closest]
    ctx["title"] = f"{args.query} – paracite"


def _unused_by_ask(params) -> list[str]:
    """The ask page's note on the search-only fields set in the shared form (``/api/ask`` refuses
    them; the page answers and says so, since Ask submits the form as it stands)."""
    names = [f"“{SEARCH_ONLY_LABELS[n]}”" for n in search_only(params)]
    if not names:
        return []
    one = len(names) == 1
    return [f"{' and '.join(names)} appl{'ies' if one else 'y'} to a search's results; the answer did not use "
            f"{'it' if one else 'them'}."]


def page_ask(request: Request) -> HTMLResponse:
    return _page(request, "ask.html", _fill_ask)


def _fill_paragraph(s, ctx: dict, request: Request) -> None:
    ref = request.path_params["ref"].strip("/")
    symbol, _, number = ref.rpartition("/")
    if not symbol:
        raise UsageError("a paragraph page is /p/SYMBOL/NUMBER, e.g. /p/A/69/207/46")
    page = positive_int(request.query_params, "page", None)
    hit = s.get(symbol, number, part=request.query_params.get("part", ""), page=page)
    before, after = neighbours(s, hit)
    ctx.update(hit=hit, before=before, after=after, paths={"before": before and paragraph_path(before),
                                                           "after": after and paragraph_path(after)},
               entities=entity_links(hit, [], None), title=f"{hit.citation} – paracite",
               source={"path": document_path(hit.symbol), "line": document_line(hit, 200)})


def page_paragraph(request: Request) -> HTMLResponse:
    return _page(request, "paragraph.html", _fill_paragraph)


def page_cite(request: Request) -> Response:
    """``/c?citation=A/69/207, para. 46`` → that paragraph's page (answers cite by string)."""
    citation = request.query_params.get("citation", "").strip()
    try:
        if not citation:
            raise UsageError("give a citation, e.g. /c?citation=A/69/207, para. 46")
        with request.app.state.index.searcher() as s:
            hit = cited(s, citation)
    except ParaciteError as e:
        ctx = form_context(request.query_params) | {"title": "paracite"}
        return render("paragraph.html", page_error(ctx, e), **ctx)
    return RedirectResponse(paragraph_path(hit), status_code=303)


def page_not_found(request: Request) -> HTMLResponse:
    return render("search.html", 404, **(form_context(request.query_params) | {
        "error": f"There is no page at {request.url.path}.", "results": None, "title": "Not found – paracite"}))


ROUTES = [
    Route("/", page_search),
    Route("/ask", page_ask),
    Route("/p/{ref:path}", page_paragraph),
    Route("/c", page_cite),
]
