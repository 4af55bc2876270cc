"""HTTP statuses for paracite's errors, and the JSON body every API error has: ``{"error": "..."}``.

A client never sees a traceback: paracite's own errors keep their one-line message, anything
else becomes a 500 whose details go to the server's log only.
"""

from __future__ import annotations

import functools
import logging
import re
import shlex

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
    """The error in the web's words: the Python API shares its messages with the command line,
    whose flags (``--since``, ``-k``, ``--part 'annex I'``) and commands (`` `paracite docs` ``,
    `` `show A/80/38 3 --part ...` ``) a web user never typed; here they are the query parameters
    and the API's paths."""
    message = str(e)
    for pattern, replacement in _CLI_WORDING:
        message = pattern.sub(replacement, message)
    return _FLAG.sub(r"\1", message)


def _as_parameter(match: re.Match) -> str:
    """``--part 'part three'`` (shell-quoted) as ``part=part three``."""
    value = match.group(2)
    try:
        value = " ".join(shlex.split(value))
    except ValueError:  # an unbalanced quote: shown as typed
        pass
    return f"{match.group(1)}={value}"


# the flags that are query parameters on the web (not ``--index``, which the server was started with)
_FLAG = re.compile(r"(?<![\w-])--?(since|until|body|k|context|doc|mode|sort|page|part|org|place|instrument)\b")

# the command line's advice, reworded for the page and the API (applied in order, before _FLAG)
_CLI_WORDING = [
    (re.compile(r" \(`show [^`]*`\)"), ""),  # "(`show A/80/38 3 --part ...`)": the citation before it says it
    (re.compile(r"see `paracite docs`"), "/api/documents lists them"),
    (re.compile(r"`paracite docs` lists"), "/api/documents lists"),
    (re.compile(r" or --preamble N\b"), ""),  # "('preamble N' or --preamble N)"
    (re.compile(r"--preamble (\d+)"), r"'preamble \1'"),
    (re.compile(r"\bno --part or --page\b"), "no part or page"),
    (re.compile(r"`?--(part|page) ('[^']*'|\S+?)`?(?=[),;]|$| )"), _as_parameter),
]


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
