"""Run the app with uvicorn: loopback unless told otherwise, a warning when open to the network."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from paracite.errors import UsageError

from .served import IndexUnavailable, ServedIndex


def listens_everywhere(host: str) -> bool:
    """True for a wildcard address (0.0.0.0, ::, an empty host): every network can connect."""
    if host in ("", "*"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def serve(index_dir: str | Path | None = None, *, host: str = "127.0.0.1", port: int = 8000,
          readers: int | None = None, log=None) -> None:
    """Open the index (building the default one if missing, as ``search`` does), then serve until
    interrupted. Requests are answered by ``readers`` ``Searcher``s at a time."""
    import uvicorn

    from .app import create_app

    log = log or (lambda m: print(m, file=sys.stderr))
    if not 0 <= port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, got {port}")
    served = ServedIndex(index_dir, readers=readers, build_missing=index_dir is None)
    try:
        with served.searcher():  # opens (and warms) the index now, not on the first request
            pass
    except IndexUnavailable as e:  # answer 503 until an ingest builds one; then serve it
        log(f"paracite: warning: {e}; answering 503 until `paracite ingest PATH --index {served.folder}` builds it")
    if listens_everywhere(host):
        log(f"paracite: warning: listening on all interfaces ({host or '*'}): anyone who can reach this "
            "machine can search the index. Use --host 127.0.0.1 to keep it local.")
    log(f"paracite: serving {served.folder} at http://{_url_host(host)}:{port}/ (Ctrl+C stops)")
    uvicorn.run(create_app(served), host=host, port=port, log_level="warning", access_log=False,
                server_header=False, timeout_graceful_shutdown=5)


def _url_host(host: str) -> str:
    if listens_everywhere(host):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host
