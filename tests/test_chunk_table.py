"""A fresh searcher's per-chunk facts read in one pass (``search.chunk_table``) equal what the
separate queries read, and a hybrid search no longer imports ``numpy.ma`` (``search.sorted_unique``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ingest.models import Chunk
from search import Searcher
from search.chunk_table import ChunkTable
from search.cli import main
from search.doc_reliability import chunk_scales
from search.fusion import bm25_scale
from search.kind_prior import page_cited_ids, preamble_ids
from search.sorted_unique import sorted_union, sorted_unique

ROOT = Path(__file__).resolve().parent.parent
RESOLUTION, REPORT, LETTER = "A/RES/69/229", "A/69/207", "S/2014/901"
CHUNKS = [  # real sentences of A/69/207, in three documents and every kind the kind prior reads
    Chunk(RESOLUTION, "preamble", 1, "Recalling the High-level Dialogue on International Migration and Development "
                                     "held in New York on 3 and 4 October 2013,"),
    Chunk(RESOLUTION, "preamble", 2, "Recognizing the important contribution of migrants and migration to "
                                     "development in countries of origin, transit and destination,"),
    Chunk(RESOLUTION, "paragraph", 1, "Reaffirms the Declaration of the High-level Dialogue on International "
                                      "Migration and Development."),
    Chunk(REPORT, "paragraph", 1, "The present report is submitted pursuant to General Assembly resolution 67/219."),
    Chunk(REPORT, "paragraph", 2, "Remittances sent by migrants to developing countries reached an estimated "
                                  "$404 billion in 2013."),
    Chunk(REPORT, "paragraph", 1, "Remittances | developing countries | $404 billion", page=4),
    Chunk(REPORT, "note", 1, "Source: World Bank, Migration and Development Brief 22.", page=4),
    Chunk(LETTER, "paragraph", 1, "I have the honour to transmit the summary of the Global Forum on Migration "
                                  "and Development.", page=1),
    Chunk(LETTER, "note", 1, "Annex to the letter dated 3 November 2014.", page=2),
]


@pytest.fixture(scope="module")
def three_documents(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("chunk_table")
    src = folder / "docs.jsonl"
    src.write_text("\n".join(json.dumps(c.to_dict()) for c in CHUNKS) + "\n")
    assert main(["ingest", str(src), "--index", str(folder / "ix"), "--quiet"]) == 0
    return folder / "ix"


def _per_query_scales(con) -> np.ndarray:
    """The reliability factors computed as before the one pass: their own read of the chunks."""
    rr = {r[0]: (float(r[1]), r[2]) for r in con.execute("SELECT symbol, rr, sentences FROM dense_reliability")}
    counts = np.array([c for _, c in rr.values()], dtype="float64")
    index_rr = float(np.dot([r for r, _ in rr.values()], counts) / max(counts.sum(), 1.0))
    rows = con.execute("SELECT id, symbol FROM chunks").fetchall()
    out = np.ones(max(r[0] for r in rows) + 1)
    for i, symbol in rows:
        if symbol in rr:
            out[i] = bm25_scale(np.array([rr[symbol][0]]), index_rr)[0]
    return out


@pytest.mark.parametrize("which", ["three_documents", "index_dir"])
def test_one_pass_reads_what_the_separate_queries_read(which, request):
    with Searcher.open(request.getfixturevalue(which)) as s:
        con = s._con
        table = ChunkTable.read(con)
        assert table.ids.tolist() == [r[0] for r in con.execute("SELECT id FROM chunks ORDER BY id")]
        assert np.array_equal(table.preamble, preamble_ids(con)) and table.preamble.dtype == np.int64
        assert np.array_equal(table.page_cited, page_cited_ids(con)) and table.page_cited.dtype == np.int64
        symbols = [r[0] for r in con.execute("SELECT symbol FROM chunks ORDER BY id")]
        want = np.unique(np.array(symbols, dtype=object), return_inverse=True)[1].astype("int32")
        rk = s._ranking()
        assert np.array_equal(rk._documents(), want) and rk._documents().dtype == np.int32
        got = chunk_scales(con, table)
        if con.execute("SELECT count(*) FROM dense_reliability").fetchone()[0]:
            assert np.allclose(got, _per_query_scales(con), rtol=0, atol=1e-15)
        assert (got is None and chunk_scales(con) is None) or np.array_equal(got, chunk_scales(con))
    if which == "three_documents":  # every kind present, so the comparison above compared something
        assert len(table.preamble) == 2 and len(table.page_cited) == 2 and len(table.names) == 3


def test_sorted_unique_and_union_answer_as_numpy():
    rng = np.random.default_rng(22)
    for n in (0, 1, 2, 7, 500):
        a, b = rng.integers(0, 50, n), rng.integers(0, 50, n // 2 + 1)
        for got, want in ((sorted_unique(a), np.unique(a)), (sorted_union(a, b), np.union1d(a, b))):
            assert np.array_equal(got, want) and got.dtype == want.dtype
    empty = np.array([], dtype="int64")
    assert sorted_union(empty, empty).dtype == np.union1d(empty, empty).dtype and not len(sorted_union(empty, empty))


def test_a_hybrid_search_leaves_numpy_ma_unimported(index_dir):
    code = ("import sys; from search import Searcher; s = Searcher.open(sys.argv[1]); "
            "s.search('remittances to developing countries'); s.search('migrant workers', mode='bm25'); "
            "print('numpy.ma' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(index_dir)], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
