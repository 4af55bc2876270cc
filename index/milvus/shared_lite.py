"""A Milvus Lite folder read through the process that holds it (``paracite serve``).

Milvus Lite admits one process to its folder (an exclusive lock on ``LOCK``), but it answers that
process's client through a gRPC server on a loopback port (milvus-lite 3: threads of the holding
process). ``paracite serve`` writes that port beside the folder (``m.db.serving.json``: pid and
address) while it runs, so a ``paracite search`` or ``ask`` from another process on this machine
reads through it instead of being refused. Ingests are not let through: they write, and the
served index must not change under its readers (they are refused as before).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

LOOPBACK = "http://127.0.0.1:"


def shared_path(uri: str) -> Path:
    """Where the holder of the Lite folder ``uri`` says its address: beside the folder, not in it
    (the folder is Milvus Lite's own)."""
    return Path(uri + ".serving.json")


def share(uri: str) -> Path | None:
    """Say the address of this process's Milvus Lite server for ``uri`` (started already: the
    server's readers are open); the path to remove when the server stops, or None (no server here)."""
    from milvus_lite.server_manager import server_manager_instance

    address = server_manager_instance.start_and_get_uri(uri)  # the running one: one server per folder
    if not address or not address.startswith(LOOPBACK):
        return None
    path = shared_path(uri)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps({"pid": os.getpid(), "address": address}))
    os.replace(tmp, path)  # a reader never sees half a file
    return path


def unshare(path: Path | None) -> None:
    """Take the address back (the server stops); another process's file is left alone."""
    if path is None:
        return
    try:
        if json.loads(path.read_text()).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def shared_address(uri: str) -> str | None:
    """The loopback address the holder of ``uri`` said, if it is still running; else None (no
    file, a garbled one, or a server killed without taking it back)."""
    try:
        data = json.loads(shared_path(uri).read_text())
        pid, address = int(data["pid"]), str(data["address"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not address.startswith(LOOPBACK) or pid == os.getpid():
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:  # another user's process: alive
        pass
    return address
