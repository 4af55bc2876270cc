"""Ray ingest (issue #17): per-file parse, tag and embed as Ray tasks give the same index as a local ingest."""

from __future__ import annotations

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
def ray_indexes(tmp_path_factory):
    """The report ingested through one local Ray: into SQLite + FAISS, and into Milvus Lite (if installed)."""
    root = tmp_path_factory.mktemp("ray")
    started = _init(ray, "local")
    try:
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
    finally:
        if started:
            ray.shutdown()
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
