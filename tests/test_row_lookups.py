"""What ``ask`` and the web page read about a hit (the chunks before it, its stored sentences) is
found by the hit's own row id through an index, not by scanning every chunk or sentence for its
citation: on a 6,496-chunk library each scan cost 2-8 ms a hit (fifteenth session)."""

from __future__ import annotations

import dataclasses
import re
import sqlite3

import pytest

from paragraph_library import older_build
from search import Searcher
from search.carried import points_back, with_before
from search.context import best_sentences
from search.evidence import _stored


def _plans(con: sqlite3.Connection, run) -> list[str]:
    """The query plan lines of every statement ``run()`` sends to ``con``."""
    sent: list[str] = []
    con.set_trace_callback(sent.append)
    try:
        run()
    finally:
        con.set_trace_callback(None)
    return [" ".join(str(x) for x in row) for sql in sent if sql.lstrip().upper().startswith("SELECT")
            for row in con.execute("EXPLAIN QUERY PLAN " + sql)]


def _scans(plans: list[str]) -> list[str]:
    return [p for p in plans if re.search(r"\bSCAN (chunks|sentences|s|c)\b", p)]


@pytest.fixture(scope="module")
def pointing_back(searcher) -> list:
    """Paragraphs 10-14 of the report as if each opened by pointing back ("It was ...": the report
    has none that do; the look-up goes by the chunk, not by its words)."""
    hits = [searcher.get("A/69/207", n) for n in range(10, 15)]
    out = [dataclasses.replace(h, text="It was noted that " + h.text) for h in hits]
    assert all(points_back(h.text) for h in out)
    return out


def test_a_hit_carries_its_row_but_not_in_its_value_or_json(searcher):
    hit = searcher.search("cost of sending money home", k=1)[0]
    row = searcher._con.execute("SELECT id FROM chunks WHERE citation = ?", (hit.citation,)).fetchone()[0]
    assert hit.chunk_id == row
    assert searcher.get("A/69/207", 46).chunk_id is not None
    assert "chunk_id" not in hit.to_dict()
    assert dataclasses.replace(hit, chunk_id=None) == hit


def test_the_chunks_before_a_pointing_back_hit_are_read_by_its_row_without_a_scan(searcher, pointing_back):
    out: list = []
    plans = _plans(searcher._con, lambda: out.extend(with_before(searcher._con, pointing_back)))
    assert plans and not _scans(plans), _scans(plans)
    first = pointing_back[0]
    expected = [r[0] for r in searcher._con.execute(
        "SELECT text FROM chunks WHERE symbol = ? AND id < ? ORDER BY id DESC LIMIT 2", (first.symbol, first.chunk_id))]
    assert out[0].before.split() == " ".join(reversed(expected)).split()  # the chunks in order (joined by a break)


def test_a_hit_without_its_row_is_found_by_document_and_citation(searcher, pointing_back):
    """A hit made elsewhere (no row id) gets the same text, through the document's index."""
    bare = [dataclasses.replace(h, chunk_id=None) for h in pointing_back]
    out: list = []
    plans = _plans(searcher._con, lambda: out.extend(with_before(searcher._con, bare)))
    assert not _scans(plans), _scans(plans)
    assert [h.before for h in out] == [h.before for h in with_before(searcher._con, pointing_back)]


def test_a_build_indexes_sentences_by_chunk(index_dir):
    con = sqlite3.connect(f"file:{index_dir / 'current' / 'paracite.sqlite'}?mode=ro", uri=True)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        con.close()
    assert "sentences_by_chunk" in names


def test_an_answers_and_the_pages_sentence_lookups_scan_nothing(searcher):
    hits = searcher.search("remittance costs of migrant workers", k=10)
    store = _stored(searcher)
    assert store is not None
    spans: list = []
    plans = _plans(searcher._con, lambda: spans.extend(store.spans(h) for h in hits))
    assert plans and not _scans(plans), _scans(plans)
    assert all(spans)
    marked: list = []
    plans = _plans(searcher._con, lambda: marked.extend(best_sentences(searcher, "remittance costs", hits)))
    assert not _scans(plans), _scans(plans)
    assert any(marked)


def test_an_older_build_without_the_sentence_index_still_answers(index_dir, tmp_path):
    """Builds made before the index existed are read as before (a scan), with the same result."""
    copy = older_build(index_dir, tmp_path / "old", "DROP INDEX sentences_by_chunk")
    new, old = Searcher.open(index_dir), Searcher.open(copy)
    try:
        q = "remittance costs of migrant workers"
        assert [_stored(old).spans(h) for h in old.search(q, k=5)] == [_stored(new).spans(h) for h in new.search(q, k=5)]
    finally:
        new.close()
        old.close()
