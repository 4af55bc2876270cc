"""The test run's fork server is warm (``conftest.warm_fork_server``): an ingest worker forked from it
finds the tagging pipeline and the city names already loaded. If the server's preload stopped
importing ``warm_workers`` (it swallows an ImportError), the suite would silently be minutes slower."""

from __future__ import annotations

import multiprocessing as mp

import pytest

pytestmark = pytest.mark.skipif("forkserver" not in mp.get_all_start_methods(), reason="no fork server here")


def _what_a_worker_finds(conn) -> None:
    import sys

    import ingest.entities.cities as cities
    import ingest.entities.tagger as tagger

    conn.send((tagger._nlp is not None, cities._by_first_word.cache_info().currsize, "warm_workers" in sys.modules))
    conn.close()


def test_an_ingest_worker_starts_with_the_tagging_pipeline_loaded():
    from index.workers import _context

    ctx = _context()  # as `WorkerPool` gets it
    parent, child = ctx.Pipe()
    worker = ctx.Process(target=_what_a_worker_finds, args=(child,), daemon=True)
    worker.start()
    child.close()
    assert parent.poll(60), "the worker did not answer"
    assert parent.recv() == (True, 1, True)
    worker.join(10)
    assert worker.exitcode == 0
