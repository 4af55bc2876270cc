"""Ray ingest (issue #17): per-file parse, tag and embed as Ray tasks give the same index as a local ingest."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

ray = pytest.importorskip("ray", reason="Ray ingest needs the scale extra: pip install -e '.[scale]'")

from index import build_index  # noqa: E402
from index.ray_ingest import _init  # noqa: E402
from search import Searcher  # noqa: E402
from search.cli import main  # noqa: E402

REPORT = Path(__file__).resolve().parent.parent / "corpus" / "A-69-207.txt"


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray for the module, started as an ingest starts it: its start and its workers' first
    load of the models are paid once (an ingest joins a Ray already running, and leaves it running)."""
    started = _init(ray, "local")
    yield
    if started:
        ray.shutdown()


@pytest.fixture(scope="module")
def ray_indexes(tmp_path_factory, local_ray):
    """The report ingested through one local Ray: into SQLite + FAISS, and into Milvus Lite (if installed)."""
    root = tmp_path_factory.mktemp("ray")
    local = root / "local"
    build_index([REPORT], local, progress=False, ray="local")
    milvus = None
    try:
        import milvus_lite  # noqa: F401
    except ImportError:
        pass
    else:
        milvus = root / "milvus"
        build_index([REPORT], milvus, progress=False, ray="local", milvus=str(root / "m.db"))
    return local, milvus


def _export(folder: Path, capsys) -> str:
    assert main(["export", "--index", str(folder)]) == 0
    return capsys.readouterr().out


def test_ray_ingest_exports_what_a_local_ingest_exports(index_dir, ray_indexes, capsys):
    local_export = _export(index_dir, capsys)
    assert _export(ray_indexes[0], capsys) == local_export
    if ray_indexes[1] is not None:
        assert _export(ray_indexes[1], capsys) == local_export


def test_ray_vectors_equal_local_vectors(index_dir, ray_indexes):
    import faiss

    for name in ("vectors.faiss", "sentences.faiss"):
        a = faiss.read_index(str(index_dir / "current" / name))
        b = faiss.read_index(str(ray_indexes[0] / "current" / name))
        assert a.ntotal == b.ntotal
        assert np.allclose(a.reconstruct_n(0, a.ntotal), b.reconstruct_n(0, b.ntotal), atol=1e-5)
    if ray_indexes[1] is not None:
        with Searcher.open(ray_indexes[1]) as s:
            local = faiss.read_index(str(index_dir / "current" / "vectors.faiss"))
            stored = s._ranking().records.vectors(np.arange(s.manifest.chunks))
            assert np.allclose(stored, local.reconstruct_n(0, local.ntotal), atol=1e-5)
            assert s.search("cost of sending money home", k=3)[0].symbol == "A/69/207"



def test_under_ray_a_corrupt_pdf_and_a_crashing_reader_cost_those_files_only(tmp_path, monkeypatch, local_ray):
    """A Ray task whose worker died (a crash in native code) failed the whole ingest ("a Ray ingest
    task failed"): now it is its file's skip, as in a local ingest, and the other files are indexed."""
    from index.build import ingest
    from report_excerpts import report_excerpt

    folder = tmp_path / "library"
    folder.mkdir()
    report_excerpt(folder, "one.txt", "A/69/901", 1, 3)
    report_excerpt(folder, "three.txt", "A/69/903", 1, 3)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")  # cut short
    monkeypatch.setenv("PARACITE_FAIL_AT", "crash:three.txt")
    report = ingest([folder], tmp_path / "ix", progress=False, ray="local")
    skipped = {Path(s.source).name: s for s in report.skipped}
    assert sorted(skipped) == ["broken.pdf", "three.txt"]
    assert "Ray worker died" in skipped["three.txt"].reason
    assert skipped["three.txt"].trace  # not the reader's verdict on the file: tried again next time
    assert skipped["broken.pdf"].reason.startswith("cannot read the PDF") and not skipped["broken.pdf"].trace
    with Searcher.open(tmp_path / "ix") as s:
        assert [d["symbol"] for d in s.documents()] == ["A/69/901"]


def test_a_ray_worker_past_the_time_limit_ends_itself():
    """Under Ray no process of paracite's own can kill a task whose file hangs the parser: the
    worker's watchdog ends it at the time limit (exit 124), unless the parse ended in time."""
    import subprocess
    import sys

    code = ("import time; from index.ray_ingest import _Watchdog; w = _Watchdog({t}); {then}; "
            "time.sleep(3); print('alive')")
    root = Path(__file__).resolve().parent.parent
    run = lambda t, then: subprocess.run([sys.executable, "-c", code.format(t=t, then=then)],  # noqa: E731
                                         cwd=root, capture_output=True, text=True, timeout=60)
    hung = run(0.5, "pass")
    assert hung.returncode == 124 and "alive" not in hung.stdout
    done = run(0.5, "w.cancel()")
    assert done.returncode == 0 and "alive" in done.stdout


def test_a_local_ray_starts_its_workers_at_a_local_ingests_priority(monkeypatch):
    """Ray starts workers at niceness 15: on a shared machine a library ingest's Ray workers got 2% of
    a core each. The local Ray paracite starts is told niceness 0, unless the user set one."""
    from index.ray_ingest import NICENESS_ENV, _worker_priority

    monkeypatch.delenv(NICENESS_ENV, raising=False)
    with _worker_priority():
        assert os.environ[NICENESS_ENV] == "0"
    assert NICENESS_ENV not in os.environ
    monkeypatch.setenv(NICENESS_ENV, "5")
    with _worker_priority():
        assert os.environ[NICENESS_ENV] == "5"
    assert os.environ[NICENESS_ENV] == "5"
