"""Reaching Milvus: a local Milvus Lite folder or a server/cluster URI, with its token.

The token comes from the environment (``PARACITE_MILVUS_TOKEN``), never from the command line,
where other users of the machine could read it. pymilvus is imported here, lazily, so paracite
without the ``scale`` extra never needs it.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

from paracite.errors import IndexMismatch, IngestError, UsageError

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
    """A ``MilvusClient`` for ``uri``; a clear ``ParaciteError`` when the extra is missing or the
    server cannot be reached."""
    error = IngestError if for_ingest else IndexMismatch
    try:
        from pymilvus import MilvusClient
    except ImportError:
        raise error("this index needs Milvus: install the scale extra (pip install 'paracite[scale]')") from None
    if not is_remote(uri):
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(1 if is_remote(uri) else LITE_STARTS):
        try:
            return MilvusClient(uri=uri, token=os.environ.get(TOKEN_ENV, ""))
        except Exception as e:  # pymilvus raises its own types, and Lite a RuntimeError when locked
            why = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
            if "Fail connecting" not in why:
                break
            time.sleep(1 + attempt)  # Lite's server process started too slowly on a busy machine
    raise error(f"cannot open Milvus at {uri} ({why}); a Milvus Lite .db is usable by one process at a time")
