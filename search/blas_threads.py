"""A ranking's matrix-vector products on one BLAS thread.

A query's cosines with every chunk and every sentence of an index are matrix-vector products of
a few million multiply-adds: a fraction of a millisecond on one core. OpenBLAS splits them over
every core, and when other processes hold the cores its threads wait for one another: on the
shared 2-core machine at load average 12, the two products of a library search took p50 0.21 /
p95 64 ms on OpenBLAS's threads and p50 0.39 / p95 8.6 ms on one (seventeenth session,
docs/user-audit-log.md), with bit-identical results (each cosine is one row's dot product either
way). The query encoder runs on one thread for the same reason (``index.onnx_encoder``).

The limit holds only while a ranking runs, so ingest's large products (hubness) keep every core.
Searches in several threads (``paracite serve``) share one limit: the first to start sets it, the
last to end restores it. Without ``threadpoolctl`` nothing is limited.
"""

from __future__ import annotations

import threading
import warnings
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_active = 0  # rankings running now
_limiter = None  # threadpoolctl's limiter while any runs
_controller: object = False  # threadpoolctl's controller, made on first use; None without threadpoolctl


def _get_controller():
    global _controller
    if _controller is False:
        try:
            from threadpoolctl import ThreadpoolController

            with warnings.catch_warnings():  # e.g. two OpenMP runtimes loaded: not the user's concern here
                warnings.simplefilter("ignore")
                _controller = ThreadpoolController()
        except Exception:  # not installed, or a library it cannot read: leave the threads alone
            _controller = None
    return _controller


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Run the block with BLAS on one thread (every BLAS the process has loaded)."""
    global _active, _limiter
    with _lock:
        controller = _get_controller()
        if controller is not None and _active == 0:
            _limiter = controller.limit(limits=1, user_api="blas")
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _limiter is not None:
                _limiter.restore_original_limits()
                _limiter = None
