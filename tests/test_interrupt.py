"""Ctrl-C during an ingest: one line, exit 130, no traceback from any process, the index as it was.

A terminal sends SIGINT to the whole foreground process group, so each test starts a real
``paracite ingest`` in a session of its own and signals the group, as a terminal would. The
moment is made certain with ``PARACITE_FAIL_AT`` (``index.workers``): a file whose parse hangs
in a worker, or whose embedding stalls for a few seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.build import CURRENT, ingest
from index.cache import CACHE
from report_excerpts import report_excerpt

ROOT = Path(__file__).resolve().parent.parent


def _start(paths: list[Path], index: Path, fail: str) -> subprocess.Popen:
    env = dict(os.environ, PARACITE_FAIL_AT=fail, PYTHONPATH=str(ROOT))
    env.pop("PARACITE_DEBUG", None)
    return _with_ctrl_c_live([sys.executable, "-m", "search", "ingest", *map(str, paths), "--index", str(index),
                              "--quiet"], env=env, start_new_session=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)


def _with_ctrl_c_live(args: list[str], **popen) -> subprocess.Popen:
    """Start ``args`` as a terminal would, with Ctrl-C live, however pytest itself was started.

    A shell without job control starts background commands with SIGINT ignored (POSIX), and an
    ignored signal stays ignored across exec: run so (``pytest &`` in a script, some CI runners),
    the ingest would rightly ignore the test's Ctrl-C. A Python handler, unlike SIG_IGN, is reset
    to the default by exec, so one installed around the start gives the child a live SIGINT.
    """
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(args, **popen)
    finally:
        signal.signal(signal.SIGINT, before)


def _entries(index: Path) -> list[Path]:
    folder = index / CACHE
    return [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.exists() else []


def _wait_for(condition, seconds: float = 120.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "the ingest never reached the moment to interrupt"
        time.sleep(0.2)


def test_ctrl_c_while_a_worker_parses_prints_one_line_and_keeps_the_index(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    index = tmp_path / "ix"
    first = report_excerpt(lib, "one.txt", "A/69/901", 1, 3)
    ingest([first], index, progress=False)
    before = os.readlink(index / CURRENT)
    report_excerpt(lib, "two.txt", "A/69/902", 1, 3)
    report_excerpt(lib, "zz.txt", "A/69/903", 1, 3)  # read last: after two.txt
    proc = _start([lib], index, "hang:zz.txt")  # two.txt is parsed and stored; zz.txt never ends
    _wait_for(lambda: len(_entries(index)) >= 2 or proc.poll() is not None)
    time.sleep(2.0)  # zz.txt is in a worker's hands by now
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip() == "paracite: interrupted", err  # no worker's KeyboardInterrupt traceback
    assert os.readlink(index / CURRENT) == before


def test_ctrl_c_while_embedding_waits_for_the_thread_and_exits_130(tmp_path):
    """Seen once by hand: Ctrl-C while the main thread waited for the embedding thread ended in
    SIGABRT from onnxruntime (exit -6). That race could not be made to happen on demand, so this
    checks the outcome the fix (``index.library._finish``) guarantees, not the race itself."""
    lib = tmp_path / "lib"
    lib.mkdir()
    index = tmp_path / "ix"
    report_excerpt(lib, "one.txt", "A/69/901", 1, 3)
    proc = _start([lib / "one.txt"], index, "stall:one.txt")
    assert proc.stderr.readline().startswith("paracite: test: stalling"), "the embedding never started"
    os.killpg(proc.pid, signal.SIGINT)  # the main thread is waiting for the embedding thread
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err  # not SIGABRT from onnxruntime torn down under the thread
    assert err.strip() == "paracite: interrupted", err
    # the thread finished its group before the process ended: that file's work is kept
    assert len(_entries(index)) == 1
    assert not (index / CURRENT).exists()


def test_the_ingest_starts_with_ctrl_c_live_even_when_the_tests_run_with_it_ignored():
    """The tests above must not depend on how pytest was started: under a shell without job control
    (``pytest &`` in a script) SIGINT arrives ignored, and a child would inherit that."""
    show = [sys.executable, "-c", "import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"]
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a background job of such a shell
    try:
        plain = subprocess.run(show, capture_output=True, text=True, timeout=60).stdout.strip()
        live = _with_ctrl_c_live(show, stdout=subprocess.PIPE, text=True).communicate(timeout=60)[0].strip()
    finally:
        signal.signal(signal.SIGINT, before)
    assert plain == "True"  # the trap: an ignored SIGINT is inherited across exec
    assert live == "False"


def test_ctrl_c_while_waiting_for_the_embedding_thread_waits_for_it_to_end():
    """Python 3.11's ``Thread.join`` interrupted by Ctrl-C marks the thread stopped while it runs on;
    the ingest then ended under a thread inside onnxruntime (exit -6, ``terminate called without an
    active exception``; seen at a Ctrl-C 18 s into an ``add``). ``_finish`` must return only once
    the thread's work has returned, raising the Ctrl-C then."""
    import threading
    import time

    from index import library

    stop, finished, done = threading.Event(), threading.Event(), []
    main_thread = threading.main_thread().ident

    def embedding() -> None:  # stands for a group inside onnxruntime
        time.sleep(0.3)  # the main thread is in _finish by now
        signal.pthread_kill(main_thread, signal.SIGINT)  # a real signal: it wakes the waiting call
        time.sleep(0.5)
        done.append(stop.is_set())

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as the CLI runs, whatever pytest was given
    try:
        threading.Thread(target=library._run_then_set, args=(finished, embedding), daemon=True).start()
        with pytest.raises(KeyboardInterrupt):
            library._finish(finished, stop)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert done == [True]  # the thread ended before _finish did, and was told to stop
