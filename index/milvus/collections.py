"""The two Milvus collections of an index and how a build fills them.

``chunks``: one record per chunk, keyed by its row id in the build's SQLite store: citation,
symbol, kind, number, part, page, section, text, footnotes, document title and source, the
entities (all of them as JSON, and the canonical organizations, places and instruments as
arrays a filter expression can test), the chunk vector, and ``bm25_text`` (the stemmed words of
text and section, see ``tokens``) whose sparse BM25 vector Milvus computes itself.
``sentences``: one record per sentence: its chunk's row id, symbol, span and vector.
"""

from __future__ import annotations

import json
from typing import Iterable, Sequence

import numpy as np

from .tokens import stem_texts

MAX_VARCHAR = 65_535  # bytes: Milvus's VARCHAR limit; SQLite keeps the full text of record
MAX_JSON = 60_000
ANN_THRESHOLD = 50_000  # as the local backend: exact (FLAT) below, HNSW above
HNSW = {"M": 16, "efConstruction": 128}
HNSW_EF = 128
BATCH = 1_000
FILTER_KINDS = {"organization": "organizations", "place": "places", "instrument": "instruments"}


def chunk_schema(dimension: int):
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    s = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    s.add_field("id", DataType.INT64, is_primary=True)
    for name, length in (("symbol", 256), ("kind", 32), ("part", 256), ("citation", 512),
                         ("title", 4096), ("source", 4096)):
        s.add_field(name, DataType.VARCHAR, max_length=length)
    s.add_field("number", DataType.INT64)
    s.add_field("page", DataType.INT64)  # -1: not cited by page
    s.add_field("text", DataType.VARCHAR, max_length=MAX_VARCHAR)
    s.add_field("section", DataType.JSON)
    s.add_field("footnotes", DataType.JSON)
    s.add_field("entities", DataType.JSON)
    for field in FILTER_KINDS.values():
        s.add_field(field, DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=1024, max_length=512)
    s.add_field("bm25_text", DataType.VARCHAR, max_length=MAX_VARCHAR, enable_analyzer=True)
    s.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    s.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
    s.add_function(Function(name="bm25", function_type=FunctionType.BM25,
                            input_field_names=["bm25_text"], output_field_names=["sparse"]))
    return s


def sentence_schema(dimension: int):
    from pymilvus import DataType, MilvusClient

    s = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    s.add_field("id", DataType.INT64, is_primary=True)
    s.add_field("chunk_id", DataType.INT64)
    s.add_field("symbol", DataType.VARCHAR, max_length=256)
    s.add_field("start", DataType.INT64)
    s.add_field("end", DataType.INT64)
    s.add_field("vector", DataType.FLOAT_VECTOR, dim=dimension)
    return s


def vector_index(client, rows: int, *, sparse: bool):
    """FLAT up to ``ANN_THRESHOLD`` rows, HNSW above (Lite builds both); BM25 on the sparse field."""
    params = client.prepare_index_params()
    if rows <= ANN_THRESHOLD:
        params.add_index("vector", index_type="FLAT", metric_type="IP")
    else:
        params.add_index("vector", index_type="HNSW", metric_type="IP", params=dict(HNSW))
    if sparse:
        params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    return params


def index_kind(rows: int) -> dict:
    return {"type": "FLAT"} if rows <= ANN_THRESHOLD else {"type": "HNSW", **HNSW, "ef": HNSW_EF}


def _clip(text: str, limit: int = MAX_VARCHAR) -> str:
    """``text`` cut to ``limit`` UTF-8 bytes on a character boundary."""
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[:limit].decode("utf-8", "ignore")


def _json(values: list, limit: int = MAX_JSON) -> list:
    """A list kept under Milvus's JSON size limit (entities of a huge table are cut, not refused)."""
    while values and len(json.dumps(values, ensure_ascii=False).encode()) > limit:
        values = values[: len(values) // 2]
    return values


def chunk_records(chunks: Sequence, titles: dict, sources: dict, vectors: np.ndarray,
                  ids: Sequence[int]) -> list[dict]:
    """Milvus rows for ``chunks`` under the row ids ``ids``."""
    stems = stem_texts(f"{c.text} {' '.join(c.section)}" for c in chunks)
    rows = []
    for i, (c, words) in enumerate(zip(chunks, stems)):
        row = {"id": int(ids[i]), "symbol": c.symbol, "kind": c.kind, "number": int(c.number),
               "part": c.part or "", "citation": _clip(c.citation, 512), "page": -1 if c.page is None else int(c.page),
               "title": _clip(c.title or titles.get(c.symbol, ""), 4096), "source": _clip(sources.get(c.symbol, ""), 4096),
               "text": _clip(c.text), "section": list(c.section), "footnotes": _json(list(c.footnotes)),
               "entities": _json([[e.text, e.kind, e.canonical, e.start, e.end] for e in c.entities]),
               "bm25_text": _clip(" ".join(words)), "vector": vectors[i].tolist()}
        for kind, field in FILTER_KINDS.items():
            row[field] = sorted({_clip(e.canonical, 512) for e in c.entities if e.kind == kind})[:1024]
        rows.append(row)
    return rows


def sentence_records(rows: Sequence[tuple[int, int, int]], symbols: dict[int, str], vectors: np.ndarray,
                     ids: Sequence[int]) -> list[dict]:
    """Milvus rows for sentences (chunk row id, start, end) under the ids ``ids``; ``symbols``:
    chunk row id → its document's symbol."""
    return [{"id": int(ids[i]), "chunk_id": cid, "symbol": symbols[cid], "start": s, "end": e,
             "vector": vectors[i].tolist()} for i, (cid, s, e) in enumerate(rows)]


def insert_batches(client, name: str, records: Iterable[list[dict]]) -> int:
    """Insert record batches, then flush once (unflushed data is searched slowly on Lite)."""
    n = 0
    for batch in records:
        if batch:
            client.insert(name, batch)
            n += len(batch)
    client.flush(name)
    return n
