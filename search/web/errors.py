"""HTTP statuses for paracite's errors, and the JSON body every API error has: ``{"error": "..."}``.

A client never sees a traceback: paracite's own errors keep their one-line message, anything
else becomes a 500 whose details go to the server's log only.
"""

from __future__ import annotations

import functools
import logging

from starlette.requests import Request
from starlette.responses import JSONResponse

from paracite.errors import IndexBusy, IndexMismatch, IndexNotFound, NotFound, ParaciteError

from .served import IndexUnavailable

log = logging.getLogger("paracite.serve")


def status_of(e: ParaciteError) -> int:
    """400 for a bad argument, 404 for something not in the index, 503 while no index answers."""
    if isinstance(e, (IndexUnavailable, IndexNotFound, IndexMismatch, IndexBusy)):
        return 503
    if isinstance(e, NotFound):
        return 404
    return 400  # a UsageError, or any other refusal of the request


def web_message(e: Exception) -> str:
    """The error in the web's words: the Python API shares its errors with the command line, whose
    flags (``--since``, ``-k``, ``--part 'annex I'``) and commands (`` `paracite docs` ``) a web user
    never typed; paracite's errors carry both wordings of such hints (``paracite.wording``)."""
    return e.web_text() if isinstance(e, ParaciteError) else str(e)


def error_response(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def json_errors(endpoint):
    """Wrap a (synchronous) API endpoint so paracite's errors become ``{"error"}`` responses."""

    @functools.wraps(endpoint)
    def wrapped(request: Request):
        try:
            return endpoint(request)
        except ParaciteError as e:
            return error_response(web_message(e), status_of(e))

    return wrapped


async def not_found(request: Request, exc) -> JSONResponse:
    return error_response(f"no such path: {request.url.path}", 404)


async def not_allowed(request: Request, exc) -> JSONResponse:
    return error_response(f"{request.method} is not allowed here; this server only reads (use GET)", 405)


async def internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("paracite serve: internal error on %s", request.url.path, exc_info=exc)
    return error_response("internal error (this is a bug in paracite; the server's log has the details)", 500)
