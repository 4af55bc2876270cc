"""Row ids of a Milvus-backed build that stay put across ingests (issue #17, incremental changes).

A full build numbers chunks and sentences by position, as the local index does. An incremental
ingest keeps the ids of every document it finds unchanged (same cache key, same symbol) and gives
new and changed documents fresh ids from the counters ``next_chunk`` / ``next_sentence``; ids are
never reused. A document's chunks (and its sentences) stay consecutive, so a document filter is
still one id range, and the rows of dropped documents are one range each (``stale``).

What a served manifest says is in Milvus is therefore exact: every id below the counters that is
not in a ``stale`` range belongs to one of its documents. Rows above the counters (a killed
ingest's) and stale rows may exist in the collections, but searches exclude them
(``live_expressions``) and the next ingest deletes them first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Layout:
    """The ids of one build's rows and which documents must be written to Milvus."""

    chunk_ids: np.ndarray  # per chunk position
    sentence_ids: np.ndarray  # per sentence position
    sentence_rows: list[tuple[int, int, int]]  # (chunk id, start, end) per sentence position
    rows: list[list[int]] = field(default_factory=list)  # per document: [chunk base, sentence base, sentences]
    fresh_chunks: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="int64"))  # positions to write
    fresh_sentences: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype="int64"))
    next_chunk: int = 0
    next_sentence: int = 0
    stale: dict = field(default_factory=lambda: {"chunks": [], "sentences": []})  # [first, last] id ranges
    kept: int = 0  # documents whose rows are kept as they are

    def entry(self, i: int) -> dict:
        """The manifest's record of document ``i``'s rows."""
        return {"rows": list(self.rows[i])}


def plan(documents, keys: list[str], sentence_rows, previous: list[dict] | None,
         counters: tuple[int, int] = (0, 0)) -> Layout:
    """Ids for ``documents`` (cache ``keys`` per document; sentences with chunk positions in
    ``sentence_rows``).

    ``previous``: the served manifest's document entries (with ``rows``) whose rows are in the
    collections, or ``None`` for a full build (ids are positions). ``counters``: the served
    build's ``next_chunk`` and ``next_sentence``.
    """
    reusable = {}
    for d in previous or []:
        if isinstance(d.get("rows"), list) and len(d["rows"]) == 3:
            reusable.setdefault((d.get("key", ""), d.get("symbol", "")), d)
    per_doc = _sentences_per_document(documents, sentence_rows)
    next_chunk, next_sentence = counters if previous is not None else (0, 0)
    chunk_ids, sentence_ids, rows, fresh_c, fresh_s, used = [], [], [], [], [], set()
    at_c = at_s = 0
    for d, key, n_sent in zip(documents, keys, per_doc):
        n = len(d.chunks)
        old = reusable.get((key, d.symbol))
        if old is not None and old["chunks"] == n and old["rows"][2] == n_sent and id(old) not in used:
            used.add(id(old))
            cbase, sbase = old["rows"][0], old["rows"][1]
        else:
            cbase, sbase = next_chunk, next_sentence
            next_chunk, next_sentence = next_chunk + n, next_sentence + n_sent
            fresh_c.extend(range(at_c, at_c + n))
            fresh_s.extend(range(at_s, at_s + n_sent))
        chunk_ids.extend(range(cbase, cbase + n))
        sentence_ids.extend(range(sbase, sbase + n_sent))
        rows.append([cbase, sbase, n_sent])
        at_c, at_s = at_c + n, at_s + n_sent
    ids = np.asarray(chunk_ids, dtype="int64")
    layout = Layout(ids, np.asarray(sentence_ids, dtype="int64"),
                    [(int(ids[c]), s, e) for c, s, e in sentence_rows], rows,
                    np.asarray(fresh_c, dtype="int64"), np.asarray(fresh_s, dtype="int64"),
                    next_chunk, next_sentence, kept=len(used))
    for d in previous or []:
        if id(d) not in used and isinstance(d.get("rows"), list) and len(d["rows"]) == 3:
            cbase, sbase, n_sent = d["rows"]
            if d.get("chunks"):
                layout.stale["chunks"].append([cbase, cbase + d["chunks"] - 1])
            if n_sent:
                layout.stale["sentences"].append([sbase, sbase + n_sent - 1])
    return layout


def _sentences_per_document(documents, sentence_rows) -> list[int]:
    """How many sentences each document has (sentence rows come document by document)."""
    ends = np.cumsum([len(d.chunks) for d in documents])
    owners = np.searchsorted(ends, [c for c, _, _ in sentence_rows], side="right")
    return np.bincount(owners, minlength=len(documents)).tolist() if len(documents) else []


def live_expressions(backend: dict) -> tuple[str, str]:
    """Filter expressions for the rows a manifest serves, in the chunks and the sentences
    collection: below the counters and outside the stale ranges (``""`` for builds before them)."""
    if "next_chunk" not in backend:
        return "", ""
    stale = backend.get("stale") or {}
    return (_live(int(backend["next_chunk"]), stale.get("chunks", [])),
            _live(int(backend["next_sentence"]), stale.get("sentences", [])))


def _live(limit: int, ranges: list) -> str:
    parts = [f"id < {limit}"]
    parts += [f"not (id >= {int(a)} and id <= {int(b)})" if a != b else f"id != {int(a)}" for a, b in ranges]
    return " and ".join(parts)


def dead_expression(limit: int, ranges: list) -> str:
    """The rows to delete before an incremental write: a killed ingest's and the stale ones."""
    parts = [f"id >= {limit}"] + [f"(id >= {int(a)} and id <= {int(b)})" for a, b in ranges]
    return " or ".join(parts)
