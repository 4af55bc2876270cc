"""Reaching Milvus: a local Milvus Lite folder or a server/cluster URI, with its token.

The token comes from the environment (``PARACITE_MILVUS_TOKEN``), never from the command line,
where other users of the machine could read it. pymilvus is imported here, lazily, so paracite
without the ``scale`` extra never needs it.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import re
import time
from pathlib import Path

from paracite.errors import IndexBusy, IndexMismatch, IngestError, UsageError

from .light_import import milvus_client_class

TOKEN_ENV = "PARACITE_MILVUS_TOKEN"
LITE_STARTS = 3  # tries to start a Milvus Lite server (its start-up can time out under load)
ROLES = ("chunks", "sentences")


def is_remote(uri: str) -> bool:
    """A server or cluster (``http(s)://``, ``tcp://``) rather than a Milvus Lite folder."""
    return bool(re.match(r"^(https?|tcp|grpc)://", uri))


def normalise_uri(uri: str) -> str:
    """A Lite path made absolute (so ``search`` from another folder finds it); a URL unchanged."""
    if not uri or not isinstance(uri, str):
        raise UsageError("--milvus needs a URI: a local path (Milvus Lite, e.g. milvus.db) or http://host:19530")
    if is_remote(uri):
        return uri
    if not uri.endswith(".db"):
        raise UsageError(f"--milvus {uri}: a Milvus Lite path must end in .db (or give http://host:19530)")
    return str(Path(uri).expanduser().resolve())


def collection_prefix(index_dir: Path) -> str:
    """Collection names for one index folder: its name plus a hash of its path, so two indexes
    sharing a cluster never touch each other's collections."""
    path = str(Path(index_dir).resolve())
    name = re.sub(r"[^A-Za-z0-9]+", "_", Path(path).name).strip("_")[:40] or "index"
    return f"paracite_{name}_{hashlib.sha1(path.encode()).hexdigest()[:8]}"


def connect(uri: str, *, for_ingest: bool = False):
    """A ``MilvusClient`` for ``uri``; a clear one-line ``ParaciteError`` when the extra is
    missing, the server cannot be reached or another process has the Milvus Lite folder open."""
    error = IngestError if for_ingest else IndexMismatch
    os.environ.setdefault("GRPC_VERBOSITY", "NONE")  # read when grpc's core starts: before pymilvus is imported
    try:
        MilvusClient = milvus_client_class()  # without pandas: ~2 s of a fresh process's search
    except ImportError:
        need = "--milvus needs" if for_ingest else "this index keeps its vectors in Milvus and needs"
        raise error(f"{need} pymilvus: install the scale extra (pip install 'paracite[scale]')") from None
    _quiet_reconnects()
    if not is_remote(uri):
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
        _quiet_lite_log()
        if not for_ingest and (client := _through_holder(uri, MilvusClient)):
            return client
    for attempt in range(1 if is_remote(uri) else LITE_STARTS):
        try:
            return MilvusClient(uri=uri, token=os.environ.get(TOKEN_ENV, ""))
        except Exception as e:  # pymilvus raises its own types, and Lite a RuntimeError when locked
            why = _reason(e)
            if "Fail connecting" not in why:
                break
            time.sleep(1 + attempt)  # Lite's server process started too slowly on a busy machine
    if not is_remote(uri):
        if lite_in_use(uri):  # the failure's usual cause (a process of ours would have shared it)
            raise lite_busy(uri, reading=not for_ingest)
        raise error(f"cannot open Milvus Lite at {uri} ({why})")
    raise error(f"cannot reach Milvus at {uri} ({why}); is the server running, and is the address right?")


def _through_holder(uri: str, client_class):
    """A client of the ``paracite serve`` that holds the Lite folder ``uri`` (``shared_lite``), when
    one does and answers; None otherwise (the folder is then opened, or refused, as before)."""
    from .shared_lite import shared_address

    address = shared_address(uri) if lite_in_use(uri) else None
    if address is None:
        return None
    try:
        return client_class(uri=address)
    except Exception:  # a server gone meanwhile: the one-line refusal says what to do
        return None


def _reason(e: Exception) -> str:
    """pymilvus's own message (its exceptions print as ``<ConnectionConfigException: (code=1, ...)>``)."""
    text = str(getattr(e, "message", "") or e or type(e).__name__)
    return text.splitlines()[0][:200]


def _quiet_lite_log() -> None:
    """Milvus Lite logs a full traceback when it cannot start (a locked folder); paracite says
    why in one line instead."""
    logging.getLogger("milvus_lite").addHandler(logging.NullHandler())
    logging.getLogger("milvus_lite").propagate = False


def _quiet_reconnects() -> None:
    """An idle connection (an ingest parsing for minutes, a server between requests) is closed by
    Milvus Lite's gRPC server for its client's keep-alive pings ("too_many_pings"); pymilvus then
    reconnects and the call goes through, but it printed gRPC's log lines and a 40-line traceback
    ("Connection recovery failed") on the way. A failure that stays reaches paracite as an error
    and is said in one line; the chatter is not shown (``GRPC_VERBOSITY`` set by the user wins; it is
    set before pymilvus is imported, and this after: importing pymilvus configures its loggers)."""
    logging.getLogger("pymilvus.client.connection_manager").setLevel(logging.CRITICAL)


def lite_in_use(uri: str) -> bool:
    """Whether another process holds the Milvus Lite folder's lock (Lite's own ``LOCK`` file)."""
    lock = Path(uri) / "LOCK"
    if not lock.exists():
        return False
    with open(lock, "a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(f, fcntl.LOCK_UN)
    return False


def lite_busy(uri: str, reading: bool = False) -> IndexBusy:
    """What a process refused by a held Milvus Lite folder is told; a search or answer also hears
    what still works: the commands that read the index folder alone. (A ``paracite serve`` holding
    the folder lets searches through, ``shared_lite``: the holder here is an ingest, a search, or a
    server that did not say its address.)"""
    meanwhile = "; `paracite docs`, `show`, `export` and `entities` work meanwhile" if reading else ""
    return IndexBusy(f"the Milvus Lite folder {uri} is open in another process (a `paracite serve`, search or "
                     "ingest on this index?); Milvus Lite serves one process at a time: stop that one and run "
                     f"yours again, or keep the index on a Milvus server (--milvus http://host:19530){meanwhile}")
