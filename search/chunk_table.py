"""What the hybrid ranking reads of every chunk, read in one pass over the chunks table.

A fresh searcher's first hybrid search read the chunks table four times (each chunk's document,
its preambular and page-cited paragraphs, each chunk's document again for the dense reliability
factor; then a fifth for the titles ``search.title_words`` counts): each pass walks every page of the table, texts and all (~2-6 ms CPU each on a library of
6,671 chunks). One pass gives all of it; the values are those the separate queries gave
(``search.kind_prior``'s ``preamble_ids`` and ``page_cited_ids`` are the reference, kept for the
benches and tests).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np

from .bm25 import plain_rows


@dataclass(frozen=True)
class ChunkTable:
    """Every chunk's row id (ascending), document and title, and the ids the kind prior lowers."""

    ids: np.ndarray  # int64, ascending
    names: list[str]  # the documents' symbols, sorted, each once
    which: np.ndarray  # int32: each chunk's document as its place in ``names``, in ``ids``' order
    preamble: np.ndarray  # int64, ascending: kind 'preamble'
    page_cited: np.ndarray  # int64, ascending: paragraphs and notes cited by page in a numbered document
    titles: list[str]  # the chunks' titles, sorted, each once ('' left out)
    title_of: np.ndarray  # int32: each chunk's title as its place in ``titles`` (``len(titles)``: none), in ``ids``' order

    @classmethod
    def read(cls, con: sqlite3.Connection) -> "ChunkTable":
        rows = plain_rows(con, "SELECT id, symbol, kind, page, title FROM chunks ORDER BY id")
        numbered = {r[1] for r in rows if r[2] == "paragraph" and r[3] is None}
        names = sorted({r[1] for r in rows})
        place = {s: i for i, s in enumerate(names)}
        titles = sorted({r[4] for r in rows if r[4]})
        title_place = {t: i for i, t in enumerate(titles)}
        return cls(ids=np.fromiter((r[0] for r in rows), dtype="int64", count=len(rows)), names=names,
                   which=np.fromiter((place[r[1]] for r in rows), dtype="int32", count=len(rows)),
                   preamble=_ids([r[0] for r in rows if r[2] == "preamble"]),
                   page_cited=_ids([r[0] for r in rows if r[2] in ("paragraph", "note") and r[3] is not None
                                    and r[1] in numbered]),
                   titles=titles,
                   title_of=np.fromiter((title_place.get(r[4] or "", len(titles)) for r in rows), dtype="int32",
                                        count=len(rows)))


def _ids(values: list[int]) -> np.ndarray:
    return np.array(values, dtype="int64")
