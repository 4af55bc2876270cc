"""Row ids that stay put across incremental Milvus ingests (``index.milvus.layout``); no Milvus needed."""

from __future__ import annotations

from types import SimpleNamespace

from index.milvus.layout import dead_expression, live_expressions, plan


def _doc(symbol: str, n: int):
    return SimpleNamespace(symbol=symbol, chunks=[object()] * n)


def _sentences(sizes: list[int], per_chunk: int = 2) -> list[tuple[int, int, int]]:
    return [(c, 0, 1) for c in range(sum(sizes)) for _ in range(per_chunk)]


def test_a_full_build_numbers_by_position():
    docs = [_doc("A", 2), _doc("B", 3)]
    lay = plan(docs, ["ka", "kb"], _sentences([2, 3]), None)
    assert lay.chunk_ids.tolist() == [0, 1, 2, 3, 4] and lay.sentence_ids.tolist() == list(range(10))
    assert lay.rows == [[0, 0, 4], [2, 4, 6]] and (lay.next_chunk, lay.next_sentence) == (5, 10)
    assert lay.fresh_chunks.tolist() == [0, 1, 2, 3, 4] and lay.stale == {"chunks": [], "sentences": []}


def test_unchanged_documents_keep_their_ids_and_dropped_ones_become_stale():
    first = plan([_doc("A", 2), _doc("B", 3), _doc("C", 1)], ["ka", "kb", "kc"], _sentences([2, 3, 1]), None)
    previous = [{"symbol": s, "key": k, "chunks": n, "rows": r}
                for s, k, n, r in zip("ABC", ["ka", "kb", "kc"], [2, 3, 1], first.rows)]
    # B changed (new key, 4 chunks), C removed, D added, A unchanged
    docs = [_doc("A", 2), _doc("B", 4), _doc("D", 1)]
    lay = plan(docs, ["ka", "kb2", "kd"], _sentences([2, 4, 1]), previous, (first.next_chunk, first.next_sentence))
    assert lay.chunk_ids.tolist() == [0, 1, 6, 7, 8, 9, 10]  # A kept, B and D fresh from the counter
    assert lay.fresh_chunks.tolist() == [2, 3, 4, 5, 6] and lay.kept == 1
    assert lay.sentence_rows[4] == (6, 0, 1)  # sentences point at the chunks' new ids
    assert lay.stale == {"chunks": [[2, 4], [5, 5]], "sentences": [[4, 9], [10, 11]]}
    assert (lay.next_chunk, lay.next_sentence) == (11, 22)


def test_live_and_dead_expressions():
    backend = {"next_chunk": 11, "next_sentence": 22, "stale": {"chunks": [[2, 4], [5, 5]], "sentences": []}}
    chunks, sentences = live_expressions(backend)
    assert chunks == "id < 11 and not (id >= 2 and id <= 4) and id != 5" and sentences == "id < 22"
    assert live_expressions({"kind": "milvus"}) == ("", "")  # a build before stable ids
    assert dead_expression(11, [[2, 4]]) == "id >= 11 or (id >= 2 and id <= 4)"
