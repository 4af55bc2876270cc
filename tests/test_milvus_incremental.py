"""Incremental ingest on the Milvus backend (issue #17): upserts and deletes by document.

A re-ingest changes the served collections in place: only new and changed documents' rows are
written, and the result reads exactly as a fresh full ingest of the same files would (search in
every mode, filters, show, export, entities). A failure after the rows were written, with no
clean-up (as a killed process leaves it), leaves the served index as it was.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("pymilvus", reason="the Milvus backend needs the scale extra: pip install -e '.[scale]'")
pytest.importorskip("milvus_lite", reason="Milvus Lite needs the scale extra: pip install -e '.[scale]'")

from paracite.errors import IngestError, UsageError  # noqa: E402
from index.build import ingest  # noqa: E402
from index.cache import CACHE  # noqa: E402
from index.milvus import connect  # noqa: E402
from search import Searcher  # noqa: E402
from report_excerpts import report_excerpt as _report  # noqa: E402
from conftest import seeded  # noqa: E402

QUERIES = ["migrant workers' remittances", "protection of refugees in Lebanon", "ILO Convention No. 189",
           "How many international migrants were there in 2013?"]
FILTERS = [{}, {"org": ["ILO"]}, {"place": ["Lebanon"]}, {"doc": "A/69/902"}]


def _three(folder: Path) -> Path:
    folder.mkdir()
    _report(folder, "one.txt", "A/69/901", 1, 12)
    _report(folder, "two.txt", "A/69/902", 13, 30)
    _report(folder, "three.txt", "A/69/903", 31, 45)
    return folder


@pytest.fixture(scope="module")
def parsed(tmp_path_factory) -> Path:
    """An index whose cache holds every file these tests ingest (the three reports, a fourth, and the
    second with one paragraph more), read and embedded once for the module: the tests are about
    what Milvus is written and served, which a file read from the cache changes nothing of (a
    file's cache entry is keyed by its bytes and is what a fresh read gives)."""
    root = tmp_path_factory.mktemp("parsed")
    library = _three(root / "library")
    four = _report(root, "four.txt", "A/69/904", 46, 60)
    _ingest([library, four], root / "ix")
    _report(library, "two.txt", "A/69/902", 13, 31)  # the previous build's entries stay one generation
    _ingest([library, four], root / "ix")
    return root / "ix"


@pytest.fixture
def library(tmp_path, parsed) -> Path:
    """The three reports, and ``tmp_path / "ix"`` holding the cache of ``parsed``."""
    seeded(tmp_path / "ix", parsed)
    return _three(tmp_path / "library")


def _view(index: Path) -> dict:
    """What a user sees of an index: hits (every mode, with filters), show, export and entities."""
    with Searcher.open(index) as s:
        hits = {f"{q}|{mode}|{json.dumps(f)}": [(h.citation, round(h.score, 4)) for h in s.search(q, k=8, mode=mode, **f)]
                for q in QUERIES for mode in ("hybrid", "dense", "bm25") for f in FILTERS}
        docs = sorted(s.documents(), key=lambda d: d["symbol"])
        export = [json.dumps(r, sort_keys=True) for r in s.export()]
        firsts = {}
        for h in s.chunks():
            if h.kind == "paragraph":
                firsts.setdefault(h.symbol, h.number)
        shown = [h.text for sym in sorted(firsts) for h in s.context(sym, firsts[sym], k=2)]
        entities = [e.to_dict() for e in s.entities()]
        answer = s.ask(QUERIES[-1]).text
    return {"hits": hits, "docs": [(d["symbol"], d["title"]) for d in docs], "export": export, "shown": shown,
            "entities": entities, "answer": answer}


def _ingest(paths, folder, **kw):
    """An ingest in this process (no worker processes: the models load once for the whole file)."""
    return ingest(paths, folder, progress=False, jobs=0, **kw)


def _same(got: dict, want: dict) -> None:
    """``got == want``, naming the first differing searches when not."""
    bad = [(q, got["hits"][q], want["hits"][q]) for q in want["hits"] if got["hits"].get(q) != want["hits"][q]]
    assert not bad[:3], "\n".join(f"{q}\n  got  {g}\n  want {w}" for q, g, w in bad[:3])
    assert got == want


def _fresh(paths: list[Path], where: Path, cache_of: Path) -> dict:
    """A fresh full ingest into new collections (parse and embed reused from ``cache_of``'s cache)."""
    shutil.copytree(cache_of / CACHE, where / "ix" / CACHE)
    m = _ingest(paths, where / "ix", milvus=str(where / "m.db")).manifest
    assert m.backend["update"] == "new collections"
    return _view(where / "ix")


def _rows(backend: dict) -> int:
    client = connect(backend["uri"])
    try:
        name = backend["collections"]["chunks"]
        client.load_collection(name)
        return int(client.query(name, filter="id >= 0", output_fields=["count(*)"])[0]["count(*)"])
    finally:
        client.close()


def test_add_remove_change_one_document_read_as_a_fresh_ingest(library, tmp_path):
    folder, db = tmp_path / "ix", str(tmp_path / "m.db")
    first = _ingest([library], folder, milvus=db).manifest
    assert first.backend["update"] == "new collections"

    four = _report(tmp_path, "four.txt", "A/69/904", 46, 60)
    added = _ingest([four], folder, milvus=db, add=True)
    m = added.manifest
    assert (added.added, added.unchanged, m.backend["update"]) == (1, 3, "in place")
    assert m.backend["collections"] == first.backend["collections"]
    assert m.backend["next_chunk"] == first.chunks + m.documents[-1]["chunks"]  # only the new rows written
    files = sorted(library.glob("*.txt")) + [four]
    _same(_view(folder), _fresh(files, tmp_path / "fresh_add", folder))

    (library / "three.txt").unlink()
    removed = _ingest([library, four], folder, milvus=db)
    assert (removed.removed, removed.manifest.backend["update"]) == (1, "in place")
    _same(_view(folder), _fresh([library / "one.txt", library / "two.txt", four], tmp_path / "fresh_remove", folder))

    _report(library, "two.txt", "A/69/902", 13, 31, extra="")  # one paragraph more
    changed = _ingest([library, four], folder, milvus=db)
    m = changed.manifest
    assert (changed.changed, changed.unchanged, m.backend["update"]) == (1, 2, "in place")
    assert m.backend["stale"]["chunks"], "the changed document's old rows are excluded, deleted next time"
    assert _rows(m.backend) > m.chunks  # still there, and yet out of every search:
    _same(_view(folder), _fresh([library / "one.txt", library / "two.txt", four], tmp_path / "fresh_change", folder))

    again = _ingest([library, four], folder, milvus=db).manifest
    assert _rows(again.backend) == again.chunks  # the next ingest deleted them


def test_failure_after_rows_are_written_leaves_the_served_index(library, tmp_path, monkeypatch):
    """Rows inserted and flushed, then the ingest dies before the swap with no clean-up (a kill)."""
    from index import build
    from index.milvus.sink import MilvusSink

    folder, db = tmp_path / "ix", str(tmp_path / "m.db")
    _ingest([library], folder, milvus=db)
    before = _view(folder)
    _report(library, "two.txt", "A/69/902", 13, 31)
    _report(library, "four.txt", "A/69/904", 46, 60)

    def die(stage):
        if stage == "written":
            raise KeyboardInterrupt  # after the Milvus writes and their flush, before `current` moves

    monkeypatch.setattr(build, "_checkpoint", die)
    monkeypatch.setattr(MilvusSink, "abort", lambda self: None)  # a killed process cleans nothing up
    with pytest.raises(KeyboardInterrupt):
        _ingest([library], folder, milvus=db)
    monkeypatch.undo()
    with Searcher.open(folder) as s:
        backend, served = s.manifest.backend, s.manifest.chunks
    assert _rows(backend) > served  # the dead ingest's rows are in the collection ...
    _same(_view(folder), before)  # ... and out of every search

    done = _ingest([library], folder, milvus=db)
    assert (done.added, done.changed, done.manifest.backend["update"]) == (1, 1, "in place")
    _same(_view(folder), _fresh(sorted(library.glob("*.txt")), tmp_path / "fresh", folder))


def test_an_error_while_updating_leaves_the_served_index(library, tmp_path, monkeypatch):
    from index.milvus import update

    folder, db = tmp_path / "ix", str(tmp_path / "m.db")
    _ingest([library], folder, milvus=db)
    before = _view(folder)
    _report(library, "four.txt", "A/69/904", 46, 60)
    real = update.insert_batches

    def lost(client, name, records):
        if "_sentences_" in name:
            raise RuntimeError("connection lost")
        return real(client, name, records)

    monkeypatch.setattr(update, "insert_batches", lost)
    with pytest.raises(IngestError, match="the served index is unchanged"):
        _ingest([library], folder, milvus=db)
    monkeypatch.undo()
    _same(_view(folder), before)
    with Searcher.open(folder) as s:
        assert _rows(s.manifest.backend) == s.manifest.chunks  # the inserted chunk rows were deleted again


def test_rows_that_disagree_with_the_manifest_mean_a_full_rewrite(library, tmp_path):
    folder, db = tmp_path / "ix", str(tmp_path / "m.db")
    first = _ingest([library], folder, milvus=db).manifest
    client = connect(first.backend["uri"])
    try:
        name = first.backend["collections"]["chunks"]
        client.load_collection(name)
        client.delete(name, filter="id == 3")  # rows lost behind paracite's back
        client.flush(name)
    finally:
        client.close()
    _report(library, "four.txt", "A/69/904", 46, 60)
    m = _ingest([library], folder, milvus=db).manifest
    assert m.backend["update"] == "new collections"
    _same(_view(folder), _fresh(sorted(library.glob("*.txt")), tmp_path / "fresh", folder))


def test_add_and_remove_keep_a_milvus_index_in_milvus(library, tmp_path):
    """Fifteenth session's audit: ``paracite add FILE --index DIR`` (or ``remove``) without
    ``--milvus`` on an index kept in Milvus wrote a local FAISS build, silently leaving Milvus; a
    full ``ingest`` without it did until the twenty-first session (with a note): now it stays in
    Milvus too, saying so, and a ``--milvus`` naming another place is refused, the index unchanged."""
    from index.build import remove

    folder, db = tmp_path / "ix", str(tmp_path / "m.db")
    two = tmp_path / "two"
    two.mkdir()
    shutil.move(library / "three.txt", two / "three.txt")
    _ingest([library], folder, milvus=db)
    added = _ingest([two / "three.txt"], folder, add=True)
    assert added.manifest.backend["kind"] == "milvus" and added.added == 1
    with Searcher.open(folder) as s:
        assert s.search("protection of refugees", k=1, doc="A/69/903")
    removed = remove(["A/69/901"], folder, progress=False, jobs=0)
    assert removed.manifest.backend["kind"] == "milvus" and removed.removed == 1
    assert sorted(d["symbol"] for d in removed.manifest.documents) == ["A/69/902", "A/69/903"]
    again = _ingest([library, two], folder)
    assert again.manifest.backend["kind"] == "milvus" and again.manifest.backend["uri"] == db
    assert again.added == 1 and again.notes == [f"the vectors stay in Milvus at {db}, where {folder}'s build keeps "
                                                "them (no need to give --milvus again)"]
    before = (folder / "current").resolve()
    for other in (str(tmp_path / "other.db"), "http://localhost:19530"):
        with pytest.raises(UsageError, match=rf"keeps its vectors in Milvus at {db}, not {other}; drop --milvus"):
            _ingest([library, two], folder, milvus=other)
        with pytest.raises(UsageError, match="the index is unchanged"):
            remove(["A/69/903"], folder, progress=False, jobs=0, milvus=other)
    assert (folder / "current").resolve() == before and not (tmp_path / "other.db").exists()
    assert _ingest([library, two], folder, milvus=db).notes == []  # the same place, given: nothing to say
