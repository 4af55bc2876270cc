"""The warm search's faster paths give exactly what the slower ones gave (twentieth session, issue #12).

- BM25 looked up phrase by phrase (``bm25.phrase_bm25_matches``, each phrase's scores kept across
  queries) sums FTS5's per-phrase terms in the expression's order: the scores of the OR query to
  the last bit, on the titled table and on ``chunks_fts``.
- A ranking served from the kept FTS5 matches (``search.postings``) equals the ranking of the
  former code path (one OR query, nothing kept), ids and scores, in every mode, with and without
  filters, searched twice (the second time from the cache).
- A search's hits read in two queries (``Searcher._hits``) equal the hits read one by one.
Real components throughout: the bundled report's index built by ``build_index`` (spaCy, FAISS,
SQLite FTS5).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest

from search import Searcher
from search.bm25 import bm25_matches, bm25_table, keyword_query, matching_arrays, phrase_bm25_matches
from search.postings import PostingCache

FIXTURES = Path(__file__).resolve().parent / "fixtures"
QUERIES = [json.loads(x)["query"] for name in ("a69207_queries_dev.jsonl", "a69207_queries_own.jsonl")
           for x in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if x.strip()]
# Acronyms the report defines (their names join the query as multi-word phrases), a one-word
# query, words that match nothing, FTS5 syntax typed as words.
QUERIES += ["ILO and IOM work on recruitment", "International Labour Organization", "remittances",
            "zzqx unheardofword", 'NEAR("migrant" workers) AND -OR *', "UNHCR refugees"]


def _sorted(ids: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(ids, kind="stable")
    return ids[order], scores[order]


@pytest.mark.parametrize("titled", [True, False])
def test_phrase_by_phrase_bm25_equals_the_or_query_to_the_bit(searcher, titled):
    con = searcher.store
    table = bm25_table(con) if titled else "chunks_fts"
    acronyms = searcher._ranking().acronyms
    cache, several = PostingCache(), 0
    for query in QUERIES * 2:  # the second time from the cache
        kw = keyword_query(query, acronyms)
        several += any(" " in p for p in kw.phrases)
        want = _sorted(*bm25_matches(con, kw.expression, None, table))
        got = phrase_bm25_matches(con, kw.phrases, table, cache)
        assert np.array_equal(got[0], want[0]), query
        assert got[1].tobytes() == want[1].tobytes(), query  # the same floats, not merely close
    assert several, "no query tried a multi-word phrase"
    assert cache.hits and len(cache)


def test_the_titled_table_is_the_one_tried(searcher):
    assert bm25_table(searcher.store) == "titled_fts"


class FormerLookups:
    """The ranking's keyword look-ups as before the twentieth session: one OR query, nothing kept."""

    kept = None

    def __init__(self, con):
        self._con = con

    def matches(self, kw, limit):
        return bm25_matches(self._con, kw.expression if kw else "", limit, bm25_table(self._con))


@pytest.fixture(scope="module")
def former(index_dir):
    """A second searcher on the same index ranking by the former code path."""
    s = Searcher.open(index_dir)
    ranker = s._ranking()
    ranker._keywords = FormerLookups(ranker._con)
    yield s
    s.close()


def _ranked(s, query, **kw):
    return [(h.chunk_id, h.score, h.weak, h.also) for h in s.search(query, **kw)]


@pytest.mark.parametrize("options", [{}, {"mode": "bm25"}, {"mode": "dense"}, {"k": 30},
                                     {"kind": "paragraph"}, {"org": ["ILO"]}])
def test_a_ranking_from_kept_matches_equals_the_former_ranking(searcher, former, options):
    for query in QUERIES:
        want = _ranked(former, query, **options)
        assert _ranked(searcher, query, **options) == want, query
        assert _ranked(searcher, query, **options) == want, query  # now from the cache
    assert searcher._ranking()._keywords.kept.hits


def test_searches_from_several_threads_equal_one_at_a_time(index_dir, former):
    s = Searcher.open(index_dir)
    want = {q: _ranked(former, q) for q in QUERIES[:20]}
    got, errors = {}, []

    def run(queries):
        try:
            for q in queries:
                got[(threading.get_ident(), q)] = _ranked(s, q)
        except Exception as e:  # pragma: no cover - shown by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(QUERIES[:20][i::2] + QUERIES[:20],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    s.close()
    assert not errors
    assert all(ranked == want[q] for (_, q), ranked in got.items())


def _hit_read_alone(s, rowid, score, rank):
    """A hit as ``Searcher._hit`` read it before the twentieth session: two queries for one chunk."""
    from dataclasses import replace

    from ingest.models import Entity

    con = s.store
    r = con.execute("SELECT * FROM chunks WHERE id = ?", (rowid,)).fetchone()
    ents = tuple(Entity(e["text"], e["kind"], e["canonical"], e["start"], e["end"]) for e in
                 con.execute("SELECT * FROM entities WHERE chunk_id = ? ORDER BY start", (rowid,)))
    meta = s._doc_meta().get(r["symbol"], {})
    return replace(s._hits([(rowid, score)])[0], citation=r["citation"], symbol=r["symbol"], number=r["number"],
                   kind=r["kind"], section=tuple(json.loads(r["section"])), text=r["text"], score=score,
                   entities=ents, footnotes=tuple(json.loads(r["footnotes"])), part=r["part"], page=r["page"],
                   title=r["title"], rank=rank, date=meta.get("date"), bodies=tuple(meta.get("bodies", ())),
                   chunk_id=int(rowid))


def test_hits_read_together_equal_hits_read_one_by_one(searcher):
    n = searcher.manifest.chunks
    for start in range(0, n, 10):
        ranked = [(i, 1.0 / (1 + i)) for i in range(start, min(n, start + 10))][::-1]
        want = [_hit_read_alone(searcher, i, sc, r + 1) for r, (i, sc) in enumerate(ranked)]
        assert searcher._hits(ranked) == want
        assert [searcher._hit(i, sc, r + 1) for r, (i, sc) in enumerate(ranked)] == want
    hits = searcher.search("domestic workers' rights")
    assert [h.entities for h in hits] == [_hit_read_alone(searcher, h.chunk_id, 1.0, 0).entities for h in hits]
    assert any(h.entities for h in hits)


def test_a_missing_chunk_is_a_mismatch_not_a_traceback(searcher):
    from paracite.errors import IndexMismatch

    with pytest.raises(IndexMismatch, match="missing"):
        searcher._hits([(0, 1.0), (10**9, 0.5)])


def test_kept_matches_are_the_look_ups_and_cannot_be_changed(searcher):
    con, cache = searcher.store, PostingCache()
    groups = ['"migrant"', '"remittances" OR "remittance"', '"zzqx"']
    first = matching_arrays(con, groups, cache)
    again = matching_arrays(con, groups, cache)
    plain = matching_arrays(con, groups)
    assert all(a is b for a, b in zip(first, again))
    assert all(np.array_equal(a, b) for a, b in zip(first, plain))
    assert (cache.hits, cache.misses) == (3, 3)
    with pytest.raises(ValueError):
        first[0][0] = -1


def test_the_cache_drops_the_least_recently_used_past_its_size():
    cache = PostingCache(max_bytes=3 * 800)
    make = lambda: (np.zeros(100, dtype="int64"),)  # 800 bytes
    for key in "abc":
        cache.get(key, make)
    cache.get("a", make)  # a is now the most recently used
    cache.get("d", make)  # b goes
    assert len(cache) == 3 and cache.bytes == 2400
    looked = []
    cache.get("b", lambda: looked.append("b") or make())
    assert looked == ["b"]
    cache.get("a", lambda: looked.append("a") or make())
    assert looked == ["b"]  # still kept
    big = PostingCache(max_bytes=100)
    assert len(big.get("x", make)[0]) == 100 and len(big) == 0  # too big to keep, still answered


def test_a_first_search_runs_one_or_query_and_later_ones_keep_phrases(index_dir, former, monkeypatch):
    import search.keyword_lookups as lookups

    calls = []
    real = lookups.phrase_bm25_matches
    monkeypatch.setattr(lookups, "phrase_bm25_matches", lambda *a: calls.append(a[1]) or real(*a))
    query = "recruitment fees paid by migrant workers"
    with Searcher.open(index_dir) as s:
        first = _ranked(s, query)
        kept = lambda: [key for key in s._ranking()._keywords.kept._kept if key[0] == "bm25"]
        assert calls == [] and kept() == []  # a one-off search scores no phrase alone
        second = _ranked(s, query)
        assert len(calls) == 1 and len(kept()) == 5  # recruitment fees paid migrant workers
    assert first == second == _ranked(former, query)
