"""A hit in its context: the chunks around it, the sentence of it that best matches a query, and
the chunk a citation string names.

These serve readers who see a paragraph on its own (the web page and API, issue #16): the
paragraph view shows the chunks before and after, a result marks the sentence that matched, and
an answer's citations link to their paragraphs. Each function takes an open ``Searcher``.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from ingest.compound_numbers import CHAPTER, chapter_part
from ingest.text.symbol_suffix import SUFFIX_RE, space_suffixes
from paracite.errors import NotFound, ParaciteError

from . import documents
from .models import Hit
from .arguments import valid_unicode
from .searcher import Searcher, _check_query


_COMPOUND_PARA = re.compile(r"\b(para(?:graph)?s?\.?|sect(?:ion)?s?\.?)\s*(" + CHAPTER + r")\.(\d{1,3})\b\.?$", re.I)


def chapter_form(cite: str) -> str:
    """A paragraph numbered within its chapter cited as the document prints it (``A/78/7, para. I.12``,
    ``ST/SGB/2019/8, sect. 1.1``) in the form paracite files it under (``A/78/7, chap. I, para. 12``,
    ``ST/SGB/2019/8, sect. 1, para. 1``: ``ingest.compound_numbers``); any other citation as it is."""
    m = _COMPOUND_PARA.search(cite)
    if not m:
        return cite
    return f"{cite[:m.start()].rstrip(' ,')}, {chapter_part(m.group(2).upper())}, para. {m.group(3)}"


def cited(searcher: Searcher, citation: str) -> Hit:
    """The chunk cited as ``citation`` (``"A/69/207, para. 46"``, spacing and case aside; a paragraph
    numbered within its chapter as printed, ``A/78/7, para. I.12``)."""
    cite = " ".join(valid_unicode(str(citation)).split())
    row = _exactly_cited(searcher.store, cite)
    if row is None and chapter_form(cite) != cite:
        cite = chapter_form(cite)
        row = _exactly_cited(searcher.store, cite)
    if row is None:
        row = _loosely_cited(searcher.store, cite)
    if row is None:  # "dp/fpa/2025/4(part ii), para 3", or the bare symbol of the one part indexed
        symbol, rest = cited_symbol(cite)
        record = searcher.document_record(symbol)
        if record is not None and record["symbol"] != symbol:
            row = _loosely_cited(searcher.store, record["symbol"] + rest)
    if row is None:
        raise _not_cited(searcher, cite)
    return searcher._hit(row[0], 1.0)


def citation_typed(searcher: Searcher, text: str) -> Hit | None:
    """The chunk ``text`` names when the whole of it is a citation of this index ("A/69/207, para. 46"
    typed or pasted into the search box), or None. A search reads a citation as words, and its symbol
    and numbers match other documents better than the paragraph cited, so the user is pointed to it.
    Only a citation of an indexed document whose symbol has a number: a query merely starting with a word
    that names a document is words (``show`` says why nothing is cited instead, ``pasted_citation``)."""
    symbol = pasted_citation(searcher, text)
    if symbol is None or not any(c.isdigit() for c in symbol) or searcher.document_record(symbol) is None:
        return None
    try:
        return cited(searcher, text)
    except ParaciteError:
        return None


def pasted_citation(searcher: Searcher, text: str) -> str | None:
    """The symbol of ``text`` when it reads as a whole citation, a symbol and more (``A/69/207, para. 46``,
    ``A/80/62, annex, para. 3``), or None: nothing after the symbol, or ``text`` is itself a document's
    symbol (``A 69 207``). The one rule ``show`` (which then cites it, or says why it cannot) and a
    search's note (``citation_typed``) follow."""
    text = " ".join(str(text).split())
    symbol, rest = cited_symbol(text)
    if not rest.strip(" .,;") or searcher.document_record(text) is not None:
        return None
    return symbol


def cited_symbol(cite: str) -> tuple[str, str]:
    """A typed citation's symbol, with a part suffix (``DP/FPA/2025/4 (Part II), para. 3``), and the rest."""
    spaced = space_suffixes(cite.strip())
    head = re.split(r"[,\s]", spaced, maxsplit=1)[0]
    m = SUFFIX_RE.match(spaced, len(head))
    end = m.end() if m else len(head)
    return spaced[:end], spaced[end:]


def _not_cited(searcher: Searcher, cite: str) -> ParaciteError:
    """Why nothing is cited so: an unknown document is named as ``show`` and ``--doc`` name it (with
    the nearest symbols); a paragraph number alone gets ``show``'s answer (its range, or the parts or
    pages that hold it); anything else an example of how the document's paragraphs are cited."""
    symbol, rest = cited_symbol(cite)
    record = searcher.document_record(symbol)
    if record is None:
        return searcher.missing_document(symbol)
    number = re.fullmatch(r"[\s,]*para(?:graph)?\.?\s*(\d+)[\s.]*", rest, re.I)
    if number:
        try:
            searcher.get(record["symbol"], int(number.group(1)))
        except ParaciteError as e:  # "A/69/207 has no paragraph 460 (its paragraphs are numbered 1 to 87)"
            return e
    first = searcher.store.execute("SELECT citation FROM chunks WHERE symbol = ? "
                                   "ORDER BY kind != 'paragraph', page IS NOT NULL, id LIMIT 1",
                                   (record["symbol"],)).fetchone()  # a numbered paragraph if it has one
    example = f"; its paragraphs are cited as {first[0]}" if first else ""
    return NotFound(f"nothing in {record['symbol']} is cited as {cite!r}{example}")


def _exactly_cited(con, cite: str):
    return con.execute("SELECT id FROM chunks WHERE citation = ? COLLATE NOCASE ORDER BY id LIMIT 1", (cite,)).fetchone()


def _loose(citation: str) -> str:
    """A citation as typed by hand: "A/69/207 paragraph 46" and "a/69/207, para 46" read as
    "A/69/207, para. 46" (punctuation, spaces and the long words aside)."""
    c = citation.lower().replace("paragraph", "para").replace("page", "p")
    return re.sub(r"[^0-9a-z/()]", "", c)


def _loosely_cited(con, cite: str):
    """The first chunk of the cited document whose citation reads as ``cite`` loosely, or None."""
    symbol = re.split(r"[,\s(]", cite, maxsplit=1)[0]  # a part suffix is matched loosely, with the rest
    if not symbol:
        return None
    key = _loose(cite)
    prefix = re.sub(r"([\\%_])", r"\\\1", symbol) + "%"
    rows = con.execute("SELECT id, citation FROM chunks WHERE citation LIKE ? ESCAPE '\\' ORDER BY id",
                       (prefix,)).fetchall()
    return next((r for r in rows if _loose(r[1]) == key), None)


def neighbours(searcher: Searcher, hit: Hit) -> tuple[Hit | None, Hit | None]:
    """The chunks just before and after ``hit`` in its document (None at either end)."""
    con = searcher.store
    rowid = documents.chunk_row(con, hit)
    if rowid is None:
        raise NotFound(f"{hit.citation} is not in this index")
    ids = documents.neighbours(con, rowid, 1)
    at = ids.index(rowid)
    before = ids[at - 1] if at > 0 else None
    after = ids[at + 1] if at + 1 < len(ids) else None
    return tuple(searcher._hit(i, 1.0) if i is not None else None for i in (before, after))


def best_sentences(searcher: Searcher, query: str, hits: Sequence[Hit]) -> list[tuple[int, int] | None]:
    """For each hit, (start, end) in its text of the sentence closest to ``query``, or None.

    Uses the sentence vectors stored at build time (the ranking's own sentences: the build's
    sentence file, or its Milvus collection), so marking costs one query embedding and a dot
    product per sentence. None for a chunk of one sentence and for an index built without
    sentence vectors.
    """
    if not hits:
        return []
    ranker = searcher._ranking()
    vectors_of = _sentence_vectors(ranker)
    if vectors_of is None:
        return [None] * len(hits)
    q = np.asarray(ranker._embed(_check_query(query)), dtype="float32").reshape(-1)
    spans = []
    for hit in hits:
        rowid = documents.chunk_row(searcher.store, hit)
        spans.append(documents.chunk_sentences(searcher.store, rowid) if rowid is not None else [])
    ids = np.array([r[0] for rows in spans if len(rows) > 1 for r in rows], dtype="int64")
    vecs = vectors_of(ids) if len(ids) else np.zeros((0, len(q)), dtype="float32")
    out: list[tuple[int, int] | None] = []
    at = 0
    for rows in spans:
        if len(rows) < 2:  # one sentence (or none): nothing to single out
            out.append(None)
            continue
        best = int(np.argmax(vecs[at:at + len(rows)] @ q))
        at += len(rows)
        out.append((int(rows[best][1]), int(rows[best][2])))
    return out


def _sentence_vectors(ranker):
    """A function from sentence ids to their vectors, or None for an index without them."""
    milvus = getattr(ranker, "milvus", None)  # a Milvus build keeps them in its sentences collection
    if milvus is not None:
        return milvus.vectors_of_sentences
    sentences = ranker._sentences()
    if not sentences:
        return None
    index, _, matrix = sentences
    return (lambda ids: matrix[ids]) if matrix is not None else index.reconstruct_batch
