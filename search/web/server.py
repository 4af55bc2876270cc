"""Run the app with uvicorn: loopback unless told otherwise, a warning when open to the network."""

from __future__ import annotations

import ipaddress
import signal
import socket
import sys
import threading
from pathlib import Path

from index.layout import refuse_build_folder, report_files_named
from paracite.errors import IndexNotFound, UsageError

from .served import IndexUnavailable, ServedIndex


def listens_everywhere(host: str) -> bool:
    """True for a wildcard address (0.0.0.0, ::, an empty host): every network can connect."""
    if host in ("", "*"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or a one-line ``UsageError`` (port taken, unknown host)."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535, got {port}")
    name = "" if host in ("", "*") else host.strip("[]")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(name or None, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as e:
        raise UsageError(f"cannot listen on {host}:{port}: {getattr(e, 'strerror', None) or e}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    return sock


def serve(index_dir: str | Path | None = None, *, host: str = "127.0.0.1", port: int = 8000,
          readers: int | None = None, log=None) -> None:
    """Open the index (building the default one if missing, as ``search`` does), then serve until
    interrupted. Requests are answered by ``readers`` ``Searcher``s at a time."""
    import uvicorn

    from .app import create_app

    log = log or (lambda m: print(m, file=sys.stderr))
    if index_dir is not None and Path(index_dir).is_file():  # no ingest can ever make a file an index
        raise IndexNotFound(f"{index_dir} is a file, not an index folder; --index takes the folder that "
                            "`paracite ingest PATH... --index DIR` built")
    if index_dir is not None:  # a build inside an index: no ingest would ever make it one (it was 503 for good)
        refuse_build_folder(Path(index_dir))
        if reports := report_files_named(Path(index_dir)):  # no ingest will make it one (it refuses): 503 for good
            raise IndexNotFound(f"{index_dir} holds PDF files ({reports}), not an index; build one with "
                                f"`paracite ingest {index_dir} --index DIR`, then serve --index DIR")
    sock = listen(host, port)
    served = ServedIndex(index_dir, readers=readers, build_missing=index_dir is None)
    try:
        with served.searcher():  # opens (and warms) the index now, not on the first request
            pass
    except IndexUnavailable as e:  # answer 503 until an ingest builds one; then serve it
        log(f"paracite: warning: {e}; answering 503 until `paracite ingest PATH --index {served.folder}` builds it")
    except BaseException:
        sock.close()
        raise
    if listens_everywhere(host):
        log(f"paracite: warning: listening on all interfaces ({host or '*'}): anyone who can reach this "
            "machine can search the index. Use --host 127.0.0.1 to keep it local.")
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(served), log_level="warning", access_log=False, server_header=False,
                            timeout_graceful_shutdown=5)
    previous, shared = _stop_on_sigterm(), None
    try:
        shared = _share_milvus_lite(served)  # so `paracite search` from another process reads through this one
        log(f"paracite: serving {served.folder} at http://{_url_host(host)}:{port}/ (Ctrl+C stops)")
        uvicorn.Server(config).run(sockets=[sock])
    except (KeyboardInterrupt, Stopped):  # Ctrl+C or `kill` is how a server is stopped: a normal end
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        sock.close()
        if shared is not None:
            from index.milvus.shared_lite import unshare

            unshare(shared)
    log("paracite: stopped")  # also when Ctrl+C was ignored (started with `&`) and a signal stopped it


class Stopped(Exception):
    """SIGTERM (``kill``, a service manager) reached the server: stop as Ctrl+C does."""


def _stop_on_sigterm():
    """Make SIGTERM end ``serve`` through its ``finally`` (the socket closed, a shared Milvus Lite
    address file removed, "stopped" said). uvicorn stops gracefully on SIGTERM, then raises the
    signal again for the handler it found: the default one ended the process at once, leaving
    ``m.db.serving.json`` behind, naming a dead process. Returns the handler replaced (None off the
    main thread, where no handler can be set)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):
        raise Stopped()

    return signal.signal(signal.SIGTERM, stop)


def _share_milvus_lite(served: ServedIndex) -> Path | None:
    """When the served index keeps its vectors in a Milvus Lite folder, which admits one process,
    say this process's Lite address beside it (``index.milvus.shared_lite``); None otherwise."""
    try:
        with served.searcher() as s:
            backend = s.manifest.backend or {}
    except IndexUnavailable:
        return None
    uri = backend.get("uri") if backend.get("kind") == "milvus" else None
    if not uri:
        return None
    from index.milvus import is_remote
    from index.milvus.shared_lite import share

    return None if is_remote(uri) else share(uri)


def _url_host(host: str) -> str:
    if listens_everywhere(host):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host
