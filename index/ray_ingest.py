"""Per-file ingest work (parse, tag, embed) as Ray tasks, on a local Ray or a cluster (issue #17).

Each source file is one task: it reads, parses and tags the file (``workers.read_one``) and embeds
its chunks and sentences (``library.embed_documents``), as a local ingest does. The driver stores
each result in the index's cache in source order, so duplicate symbols resolve as in a local
ingest, and writes the build as usual: same chunks, same entities and notes, vectors equal within
float tolerance (ONNX batches pad differently). Workers must run the same model files as the
driver; a mismatch is refused.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

from paracite.errors import IngestError
from ingest.skips import Skip
from .workers import Parsed

LOCAL = "local"
LOCAL_CPUS = 2
REACH_TIMEOUT = 10  # seconds to wait for a cluster's head to answer before any Ray call
LOCAL_STARTS = 3  # Ray gives a starting node 30 s; on a busy machine a second try may be needed
ROOT = Path(__file__).resolve().parent.parent  # the folder holding paracite's packages
RETRIES = 1  # a task whose worker died runs once more (a lost node); a file that crashes it costs two tries
TIME_LIMIT_EXIT = 124  # the exit code of a worker past a file's time limit
NICENESS_ENV = "RAY_worker_niceness"
RAY_TOKEN_LOGGER = "ray._private.authentication.authentication_token_setup"


def _work(path: str, key: str, tag_entities: bool, timeout: float | None = None, fail: str | None = None):
    """One file → (``Parsed``, its ``embed_documents`` results or None, model file hashes).

    Runs in a Ray worker: the same ``read_one`` (parse, tag, notes, skips) and ``embed_documents``
    as a local ingest, so its cache entry is built the same way. Reading and parsing get ``timeout``
    seconds, as in a local worker process: past it the worker ends itself (``_Watchdog``) and the
    driver skips the file. An embedding failure skips this file only, as a local ingest's does.
    """
    from index import embed
    from index.library import embed_documents
    from index.workers import injected_failure, read_one
    import ingest.reader  # noqa: F401  (imported before the clock starts, as a local worker has it)

    watchdog = _Watchdog(timeout)
    try:
        parsed = read_one(path, key, tag_entities, fail, on_parsed=watchdog.cancel)
    finally:
        watchdog.cancel()
    if parsed.skip:
        return parsed, None, {}
    try:
        injected_failure("embed", path, fail)
        embedded = embed_documents(parsed.documents)
    except Exception as e:
        return Parsed(path, key, skip=Skip(path, "embed", f"{type(e).__name__}: {e}", traceback.format_exc())), None, {}
    return parsed, embedded, embed.model_files()


class _Watchdog:
    """Ends the worker process when a file's reading and parsing passes its time limit (a PDF that
    hangs the parser would hold its Ray task, and so the whole ingest, for ever). Ray then reports
    the task's worker dead, which the driver turns into this file's skip."""

    def __init__(self, timeout: float | None):
        self._timer = None
        if timeout:
            self._timer = threading.Timer(timeout, os._exit, (TIME_LIMIT_EXIT,))
            self._timer.daemon = True
            self._timer.start()

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def parse_with_ray(files: Sequence[tuple[str, str]], address: str | None, *, tag_entities: bool = True,
                   timeout: float | None = None, fail: str | None = None):
    """Per (file, cache key), in order: ``(Parsed, embed_documents results or None)``, each given as
    soon as it and the files before it are done (so the caller caches it at once). A task that
    fails (its worker died: a crash in native code, out of memory, the time limit) skips its file
    only, as a local ingest's worker process does. Ray is started or reached here, at the call."""
    ray = _ray()
    return _results(ray, _init(ray, address), files, tag_entities, timeout, fail)


def _results(ray, started: bool, files: Sequence[tuple[str, str]], tag_entities: bool, timeout: float | None,
             fail: str | None):
    try:
        from . import embed

        local_model = embed.model_files()
        task = ray.remote(num_cpus=1, max_retries=RETRIES)(_work)
        refs = [task.remote(str(p), key, tag_entities, timeout, fail) for p, key in files]
        for (path, key), ref in zip(files, refs):
            parsed, embedded, model = _outcome(ray, ref, str(path), key, timeout)
            if model and model != local_model:
                raise IngestError("a Ray worker embeds with other model files than this machine; "
                                  "install the same paracite on every worker")
            yield parsed, embedded
    finally:
        if started:
            ray.shutdown()


def _outcome(ray, ref, path: str, key: str, timeout: float | None):
    """The task's result, or a skip of its file when the task failed."""
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as e:
        limit = f", or more than {timeout:g} s to read and parse (the time limit)" if timeout else ""
        why = f"the Ray worker died before it returned (a crash in native code, out of memory{limit})"
        if not isinstance(e, (ray.exceptions.WorkerCrashedError, ray.exceptions.TaskCancelledError)):
            why = f"the Ray task failed: {str(e).strip().splitlines()[-1][:300]}"
        return Parsed(path, key, skip=Skip(path, "parse", why, trace=str(e) or type(e).__name__)), None, {}


def _ray():
    try:
        import ray
    except ImportError:
        raise IngestError("--ray needs Ray: install the scale extra (pip install 'paracite[scale]')") from None
    return ray


@contextmanager
def quiet_token_notice():
    """Silence Ray's notice on its token authentication while paracite starts a Ray of its own.

    Ray 2.60 logs "Token authentication is enabled for this Ray cluster. Set RAY_AUTH_MODE=..."
    at WARNING on every local start once a token exists (``~/.ray/auth_token``, made by the first
    start), through Python's last-resort handler: a line about Ray's security set-up under every
    ``paracite ingest --ray`` whose Ray only this process uses. Joining a cluster keeps it.
    """
    log = logging.getLogger(RAY_TOKEN_LOGGER)
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


@contextmanager
def _worker_priority():
    """Start a local Ray whose workers run at the priority a local ingest's do (niceness 0).

    Ray starts its workers at niceness 15 (``RAY_worker_niceness``), which on a cluster of its own
    only puts them behind Ray's control processes; on a machine shared with other work they yield
    to everything else: at load average 17-28 on 2 cores the Ray workers of a library ingest got
    2% of a core each while the local ingest beside them got its share (36 s of CPU in 14 min).
    A niceness the user set in the environment is kept; a cluster's workers are the cluster's.
    """
    if NICENESS_ENV in os.environ:
        yield
        return
    os.environ[NICENESS_ENV] = "0"  # read by the raylet this ``ray.init`` starts
    try:
        yield
    finally:
        os.environ.pop(NICENESS_ENV, None)


def _check_reachable(address: str) -> None:
    """Refuse at once a cluster address nothing answers on: Ray itself kept waiting for its GCS
    (`--ray 127.0.0.1:1`: still waiting after 11 minutes, printing C++ log lines, until killed)."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():  # "auto" and other forms Ray resolves itself
        return
    host = host.strip("[]")
    reached = _as_ray_resolves(host)  # where Ray will connect
    try:
        socket.create_connection((reached, int(port)), timeout=REACH_TIMEOUT).close()
    except OSError as e:
        why = (f"{reached}:{port}: " if reached != host else "") + (e.strerror or type(e).__name__)
        raise IngestError(f"cannot reach Ray at {address} ({why}); is its head node running (`ray start "
                          "--head`), and is the address right?") from None


def _as_ray_resolves(host: str) -> str:
    """Ray replaces a loopback host (``127.0.0.1``, ``localhost``) by this machine's reachable address,
    where a head started with ``ray start --head`` listens: the check tries the address Ray will."""
    try:
        from ray._private.services import resolve_ip_for_localhost

        return resolve_ip_for_localhost(host)
    except Exception:  # a private helper: gone in another Ray, the check keeps the host as given
        return host


def _init(ray, address: str | None) -> bool:
    """Start or join Ray; True when this call started it (and so shuts it down)."""
    if ray.is_initialized():
        return False
    opts = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    local = address in (None, "", LOCAL)
    if not local:
        _check_reachable(address)
    for attempt in range(LOCAL_STARTS if local else 1):
        try:
            if local:
                # Workers import this checkout's packages and embed with one thread each.
                env = {"PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
                with quiet_token_notice(), _worker_priority():
                    ray.init(num_cpus=LOCAL_CPUS, runtime_env={"env_vars": env}, **opts)
            else:
                ray.init(address=address, **opts)
            return True
        except (Exception, SystemExit) as e:  # Ray exits the process when it cannot reach a cluster
            ray.shutdown()
            why = str(e).splitlines()[0][:300] if str(e) else type(e).__name__
    raise IngestError(f"cannot start or reach Ray at {address or LOCAL}: {why}")
