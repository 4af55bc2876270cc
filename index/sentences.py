"""Sentences of each chunk, embedded on their own so one sentence can carry a long paragraph.

A paragraph of a UN report often packs several topics, and the sentence that answers a query
may sit past the embedding model's 256-token window or be diluted by the rest. So, beside the
one-vector-per-chunk FAISS index, a build writes ``sentences.faiss`` (one vector per sentence)
and a ``sentences`` table mapping each vector row to its chunk and character span. Search scores
a chunk by its best sentence as well as by the whole (see ``search.searcher``).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Sequence

import numpy as np

SENTENCES_NAME = "sentences.faiss"

# Words whose final period does not end a sentence ("Convention No. 143", "para. 46", "e.g. ILO").
_ABBREV = {"no", "nos", "para", "paras", "sect", "art", "arts", "vol", "p", "pp", "e.g", "i.e", "mr", "mrs",
           "ms", "dr", "st", "rev", "corr", "add", "fig", "cf", "vs", "etc", "approx", "op", "cit", "ibid",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
           "co", "u.s", "u.n"}
# A candidate boundary: end punctuation, optional closing quote/bracket, space, then a capital,
# digit or opening quote/bracket.
_BOUNDARY = re.compile(r"([.!?])([”’\"')\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")
_SHORTEST = 20  # characters; shorter pieces join their neighbour (list labels, stray numbers)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, in order, covering every non-space character.

    A regular expression, not a model: a period ends a sentence unless it follows a known
    abbreviation or initials ("J.", "M.O. Kah", "H.E. Youssef Balla"), and very short pieces are merged.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        word = re.search(r"(\S+)$", text[start:m.start(1)])
        last = word.group(1).lower().lstrip("(“\"'") if word else ""
        if m.group(1) == "." and (last in _ABBREV or re.fullmatch(r"[a-z]|(?:[a-z]\.){1,3}[a-z]", last)):
            continue
        end = m.end(2)
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return _merge_short(spans, text)


_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}$")


def join_initials(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(row, start, end) sentence spans of an index built before initials were kept in their sentence
    ("... the Chair, Muhammadou M.O." | "Kah (Gambia), opened ..."), joined again; a joined span has row -1."""
    out: list[tuple[int, int, int]] = []
    for span in spans:
        if out and out[-1][2] <= span[1] and _INITIALS_END.search(text[out[-1][1]:out[-1][2]].rstrip()) \
                and not text[out[-1][2]:span[1]].strip():
            out[-1] = (-1, out[-1][1], span[2])
        else:
            out.append(span)
    return out


def _merge_short(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and (e - s < _SHORTEST or out[-1][1] - out[-1][0] < _SHORTEST):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def sentence_rows(chunks: Sequence) -> list[tuple[int, int, int]]:
    """(chunk row id, start, end) for every sentence of every chunk; row id = position in ``chunks``."""
    rows = []
    for rowid, c in enumerate(chunks):
        for s, e in split_sentences(c.text):
            rows.append((rowid, s, e))
    return rows


def store_sentences(folder: Path, db_path: Path, rows: Sequence[tuple[int, int, int]], vectors: np.ndarray,
                    store_vectors=None, ids=None) -> int:
    """Write ``sentences.faiss`` (or hand the vectors to ``store_vectors``) and the ``sentences``
    table, from sentences embedded already; sentence ids are positions unless ``ids`` are given."""
    from .vectors import write_vectors

    if store_vectors is None:
        write_vectors(folder / SENTENCES_NAME, vectors)
    else:
        store_vectors(rows, vectors)
    con = sqlite3.connect(db_path)
    try:
        con.execute("CREATE TABLE sentences (id INTEGER PRIMARY KEY, chunk_id INTEGER NOT NULL, "
                    "start INTEGER NOT NULL, end INTEGER NOT NULL)")
        con.executemany("INSERT INTO sentences VALUES (?,?,?,?)", [(i if ids is None else int(ids[i]), *r) for i, r in enumerate(rows)])
        # an answer and the web page read a hit's sentences by its chunk: without this, a scan of them all per hit
        con.execute("CREATE INDEX sentences_by_chunk ON sentences(chunk_id)")
        con.commit()
    finally:
        con.close()
    return len(rows)
