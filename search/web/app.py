"""The ASGI application of ``paracite serve``: API routes, page routes, static files, headers.

A thin layer over ``Searcher`` (through ``ServedIndex``), as the CLI is. Endpoints are plain
functions that Starlette runs in its thread pool, so slow searches never block the event loop.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import api, document_pages, pages
from .errors import internal_error, not_allowed, not_found
from .openapi import openapi_spec
from .served import ServedIndex

#: No inline script or style, nothing from elsewhere: markup smuggled into a document cannot run.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """ASGI middleware: every response (pages, API, static files, errors) gets ``HEADERS``."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in HEADERS}
                message["headers"] = [h for h in message.get("headers", []) if h[0].lower() not in names] + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _openapi(request: Request) -> JSONResponse:
    return JSONResponse(openapi_spec())


async def _missing(request: Request, exc):
    """404: JSON for the API, the search page with a message for a person."""
    if request.url.path.startswith("/api/") or request.url.path.endswith(".json"):
        return await not_found(request, exc)
    return pages.page_not_found(request)


def create_app(index: ServedIndex | str | Path | None = None) -> Starlette:
    """The app serving ``index`` (a ``ServedIndex``, a folder, or None for the default index)."""
    served = index if isinstance(index, ServedIndex) else ServedIndex(index)
    routes = api.ROUTES + pages.ROUTES + document_pages.ROUTES + [
        Route("/openapi.json", _openapi),
        Mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static"),
    ]
    @asynccontextmanager
    async def lifespan(app):
        yield
        served.close()  # release the build's readers' lock so the next ingest can remove it

    app = Starlette(routes=routes, exception_handlers={404: _missing, 405: not_allowed, 500: internal_error},
                    lifespan=lifespan)
    app.state.index = served
    app.add_middleware(SecurityHeaders)
    return app
