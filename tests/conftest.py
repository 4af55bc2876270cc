"""Shared fixtures: the real report, its parse, and one real index built once per test session."""

from __future__ import annotations

from pathlib import Path

import fcntl
import os
import shutil

import pytest
from hypothesis import settings

# Property tests run a fixed, repeatable set of examples by default, so a test run (and CI) is
# the same every time; `PARACITE_HYPOTHESIS=explore pytest` draws new random examples to hunt bugs.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("PARACITE_HYPOTHESIS", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "corpus" / "A-69-207.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def warm_fork_server():
    """Start this process's fork server for ingest workers now, with the tagging pipeline loaded
    (``warm_workers``): the workers of every in-process ingest fork from it with the model in memory
    instead of loading it each (the server starts once per process; later ingests reuse it)."""
    import multiprocessing as mp

    if "forkserver" not in mp.get_all_start_methods():
        return
    from multiprocessing import forkserver

    from index.workers import FORKSERVER_PRELOAD, interrupts_ignored

    mp.get_context("forkserver").set_forkserver_preload([*FORKSERVER_PRELOAD, "warm_workers"])
    before = os.environ.get("PYTHONPATH")
    # the server imports its preload on its own sys.path (the parent's is not passed on): add ours
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(FIXTURES.parent), str(ROOT), before) if p)
    try:
        with interrupts_ignored():  # as `WorkerPool` starts it: Ctrl-C is the main process's
            forkserver.ensure_running()
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


@pytest.fixture(scope="session")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def doc(report_text):
    from ingest import parse_text

    return parse_text(report_text, source=str(REPORT))


@pytest.fixture(scope="session")
def paras(doc) -> dict[int, object]:
    return {c.number: c for c in doc.chunks if c.kind == "paragraph" and not c.part}


# The bundled report beside three real UN PDFs: the small library several modules search or build from.
SMALL_LIBRARY_PDFS = ("A_80_275.en.pdf", "A_52_687.en.pdf", "A_HRC_EMRIP_2025_2.en.pdf")


def built_once(tmp_path_factory, name: str, build) -> Path:
    """The folder ``build(folder)`` fills, built once per test run even when pytest-xdist runs the
    tests in several processes: the first worker builds it under a lock in the run's shared temporary
    folder, the others wait for it and read the same folder (its users only read it)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    root = tmp_path_factory.getbasetemp().parent  # shared by the workers of one run
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker that failed half-way
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def seeded(folder: Path, *built: Path) -> Path:
    """``folder`` holding a copy of the per-file cache of the ``built`` indexes, so a build there
    reads those files' parse and vectors (keyed by their bytes, exactly what a fresh read gives)
    instead of reading and embedding them again. Returns ``folder``."""
    from index.cache import CACHE

    for index in built:
        shutil.copytree(index / CACHE, folder / CACHE, dirs_exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    from index import build_index

    return built_once(tmp_path_factory, "index", lambda folder: build_index([REPORT], folder, progress=False))


@pytest.fixture(scope="session")
def small_library_dir(tmp_path_factory) -> Path:
    """The report and ``SMALL_LIBRARY_PDFS`` in one index, built once; readers only (writers build
    from its cache with ``seeded``, or copy the folder)."""
    from index import build_index

    paths = [REPORT, *(FIXTURES / p for p in SMALL_LIBRARY_PDFS)]
    return built_once(tmp_path_factory, "small-library", lambda folder: build_index(paths, folder, progress=False))


@pytest.fixture(scope="session")
def searcher(index_dir):
    from search import Searcher

    s = Searcher.open(index_dir)
    yield s
    s.close()


@pytest.fixture(scope="session")
def serve_index(tmp_path_factory) -> Path:
    """A small index for the `paracite serve` tests, built as a user would:
    `paracite ingest chunks.jsonl --index DIR` (real report paragraphs and a note made of markup)."""
    from search.cli import main

    def build(folder: Path) -> None:
        assert main(["ingest", str(FIXTURES / "serve_chunks.jsonl"), "--index", str(folder), "--quiet"]) == 0

    return built_once(tmp_path_factory, "serve-index", build)
