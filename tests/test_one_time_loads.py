"""A searcher's one-time loads made cheaper without changing what they load: a search imports no
build machinery, and FAISS vectors mapped from their files hold what a plain read holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from index.sentences import SENTENCES_NAME
from index.vectors import VECTORS_NAME

ROOT = Path(__file__).resolve().parent.parent


def test_importing_search_leaves_the_build_machinery_alone():
    code = "import sys, search, search.cli; print(sorted(m for m in ('index.build', 'index.library', 'index.workers') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    from index import FORMAT_VERSION, build_index  # still there, imported when asked for

    assert callable(build_index) and FORMAT_VERSION >= 3


def test_mapped_vectors_equal_a_plain_read_and_rank_alike(searcher, index_dir):
    import faiss

    rk = searcher._ranking()
    build = index_dir / "current"
    for name, matrix in ((SENTENCES_NAME, rk._sentences()[2]), (VECTORS_NAME, rk._vectors_of(np.arange(rk.n)))):
        plain = faiss.read_index(str(build / name))
        want = faiss.rev_swig_ptr(plain.get_xb(), plain.ntotal * plain.d).reshape(plain.ntotal, plain.d)
        assert matrix.tobytes() == want.tobytes() and matrix.ctypes.data % 4 == 0, name
        assert not matrix.flags.writeable
    qvec = rk._embed("remittance costs for migrant workers")
    for index, name in ((rk._sentences()[0], SENTENCES_NAME), (searcher.vectors, VECTORS_NAME)):
        plain = faiss.read_index(str(build / name))
        got, want = index.search(qvec, 25), plain.search(qvec, 25)
        assert np.array_equal(got[1], want[1]) and got[0].tobytes() == want[0].tobytes(), name


def test_vectors_asked_for_by_several_threads_at_once_load_once(index_dir):
    """The first reader closes the file's handle: a second thread reading at the same moment found it
    closed and called the file damaged (seen once in CI: a server's threads on a fresh searcher)."""
    import threading

    from index.vectors import open_vectors

    import faiss

    build = (index_dir / "current").resolve()
    plain = faiss.read_index(str(build / VECTORS_NAME))
    rows, dim = plain.ntotal, plain.d
    for _ in range(5):
        vf = open_vectors(build / VECTORS_NAME, rows, dim)
        start, got, errors = threading.Barrier(6), [], []

        def load():
            start.wait()
            try:
                got.append(vf.load())
            except Exception as e:  # shown by the assertion below
                errors.append(e)

        threads = [threading.Thread(target=load) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and len({id(ix) for ix in got}) == 1
