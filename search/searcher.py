"""The ``Searcher``: cited paragraph search over one index folder."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path
from typing import Iterator, Sequence

from paracite.errors import IndexBusy, IndexMismatch, IndexNotFound, InvalidQuery, NotFound, UsageError
from paracite.wording import Both, Said, option
from ingest.models import Entity
from index.layout import CURRENT, refuse_build_folder, report_files_named
from index.lock import hold_build, release_build, wait_for_build
from index.manifest import Manifest
from index.store import DB_NAME, check_rows, open_store
from index.vectors import VECTORS_NAME, open_vectors, read_vectors

from .ordinals import spell_ordinals
from .match_strength import weak_rows
from .arguments import valid_unicode, whole_number
from .document_views import DocumentViews, sort_by_date
from .rankers import Rankers
from .entity_index import chunk_ids
from .entity_views import EntityViews
from .missing_hint import elsewhere, page_runs
from .part_names import whole_part_hint, whole_part_id, whole_part_label
from ingest.export import KINDS
from .models import Hit
from .paths import default_corpus, default_index

MODES = ("hybrid", "dense", "bm25")
MAX_K = 1000
MAX_QUERY_CHARS = 2000


class Searcher(DocumentViews, EntityViews, Rankers):
    """Search one index folder. Open with ``Searcher.open()`` (the default index) or a path, then
    call ``search`` (hits), ``ask`` (a cited answer), ``get`` (one paragraph) or ``documents``."""

    def __init__(self, folder: Path, manifest: Manifest, con: sqlite3.Connection):
        self.folder = folder
        self.manifest = manifest
        self._con = con
        self._vectors = None
        self._vector_file = None  # set by open(): the FAISS file, opened with the build
        self._hold = None  # set by open(): the reader's lock that keeps the build on disk
        self._model = None  # set by open(): the checked model files the index was built with

    @classmethod
    def open(cls, index_dir: str | Path | None = None, *, build_missing: bool | None = None,
             log=None) -> "Searcher":
        """Open an index; the default one is built from the bundled corpus on first use."""
        log = log or (lambda m: print(m, file=sys.stderr))
        is_default = index_dir is None
        folder = Path(index_dir) if index_dir is not None else default_index()
        build_missing = is_default if build_missing is None else build_missing
        if not (folder / CURRENT).exists():
            if not build_missing or (folder / CURRENT).is_symlink() or folder.is_file():
                raise _no_index(folder)
            _build_default(folder, log)
        rebuilt = False
        for attempt in range(4):
            build = (folder / CURRENT).resolve()
            try:
                return cls._open_build(build)
            except IndexMismatch as e:
                # A rebuild may have swapped `current` and removed this build while we opened it.
                if attempt < 3 and (folder / CURRENT).resolve() != build:
                    continue
                # The default index is derived from the bundled corpus: after an upgrade of
                # paracite (or damage), rebuild it rather than send the user to `ingest`.
                if is_default and build_missing and not rebuilt:
                    log(f"The default index cannot be used ({_first_clause(e)}); rebuilding it.")
                    _build_default(folder, log, force=True)
                    rebuilt = True
                    continue
                raise
        raise IndexMismatch(f"{folder}: the index keeps changing while it is opened; try again")

    @classmethod
    def _open_build(cls, build: Path) -> "Searcher":
        """Open one build: manifest, database and (lazily loaded) vectors, all checked now.

        The build is held (a shared lock) until ``close``, so a rebuild meanwhile keeps it on
        disk and every file of it, read now or later, stays readable.
        """
        hold = hold_build(build)
        try:
            manifest = Manifest.read(build)
            con = open_store(build / DB_NAME)
        except BaseException:
            release_build(hold)
            raise
        s = cls(build, manifest, con)
        s._hold = hold
        try:
            s._check_model()
            if not manifest.backend:  # Milvus holds the vectors (issue #17): reached on the first ranking
                s._vector_file = open_vectors(build / VECTORS_NAME, manifest.chunks, manifest.dimension, manifest.faiss)
            check_rows(con, manifest.chunks, len(manifest.documents), build)  # a database from another build
        except BaseException:
            s.close()
            raise
        return s

    def _check_model(self) -> None:
        from index.embed import MODEL_NAME, DIMENSION
        from paracite.errors import IndexMismatch

        if self.manifest.model != MODEL_NAME or self.manifest.dimension != DIMENSION:
            raise IndexMismatch(
                f"{self.folder}: index built with {self.manifest.model} ({self.manifest.dimension}-d), "
                f"this paracite uses {MODEL_NAME}; run `paracite ingest` to rebuild the index")
        from index.model_files import verify

        self._model = verify(self.manifest.model_files, self.folder)  # issue #7: same ONNX, tokenizer, weights

    @property
    def store(self) -> sqlite3.Connection:
        """The index's SQLite store (chunks, documents, entities, the BM25 tables), which every backend
        keeps: the answer's readers query it directly."""
        return self._con

    # -- retrieval -------------------------------------------------------------------------
    @property
    def vectors(self):
        if self._vectors is None:
            vf = self._vector_file  # opened with the build, so it survives the build's deletion
            self._vectors = vf.load() if vf else read_vectors(
                self.folder / VECTORS_NAME, self.manifest.chunks, self.manifest.dimension)
        return self._vectors

    def search(self, query: str, k: int = 10, *, mode: str = "hybrid", doc: str | Sequence[str] | None = None,
               org: Sequence[str] = (), place: Sequence[str] = (), instrument: Sequence[str] = (),
               kind: str | None = None, since: str | None = None, until: str | None = None,
               body: str | Sequence[str] | None = None, sort: str = "relevance") -> list[Hit]:
        """Rank the chunks for ``query``; filters narrow the candidates before ranking.

        ``since``/``until``/``body`` keep the documents of those dates and organs (issue #14,
        ``search.doc_filters``); ``sort="date"`` puts the top ``k`` newest first.
        """
        query = _check_query(query)
        k = _check_k(k)
        mode = _check_options(mode, sort, kind)
        self.check_documents(doc)
        selection = self.doc_selection(since, until, body)
        allowed = self._allowed(doc, org, place, instrument, kind, selection and selection.symbols)
        if allowed is not None and not allowed:
            return []
        # near-duplicates folded (#12); "20th session" searched as the reports write it, "twentieth"
        ranked = self._ranking().rank_distinct(spelled := spell_ordinals(query), mode, allowed, k)
        weak = weak_rows(self._ranking(), spelled, [rowid for rowid, _, _ in ranked], mode, allowed is not None)
        hits = [replace(hit, also=also, weak=rowid in weak) for hit, (rowid, _, also)
                in zip(self._hits([(rowid, score) for rowid, score, _ in ranked]), ranked)]
        return sort_by_date(hits) if sort == "date" else hits

    def ask(self, question: str, *, k: int = 8, since: str | None = None, until: str | None = None,
            body: str | Sequence[str] | None = None, **filters):
        """An extractive ``Answer`` whose every sentence cites its paragraph (``search.answer``, #6);
        ``since``/``until``/``body`` (#14) and ``search``'s other filters (``doc=``, ``org=``, ...)
        narrow the documents evidence may come from."""
        from .answer import answer_question

        question = _check_query(question, "question")
        self.check_documents(filters.get("doc"))
        filters.update({k: v for k, v in (("since", since), ("until", until), ("body", body)) if v})
        filters = {k: v for k, v in filters.items() if v}
        return answer_question(self, question, k=k, **filters)

    def evaluate(self, queries, *, doc: str | None = None, all_docs: bool = False, split: str | None = None):
        """Recall@1/5/10, MRR@10, nDCG@10 on judged queries (a JSONL path or ``Query`` list), for
        the default ranking, BM25-only and dense-only; an ``EvalReport`` (``search.evaluate``, #5, #12)."""
        from .evaluate import evaluate

        return evaluate(self, queries, doc=doc, all_docs=all_docs, split=split)

    def _allowed(self, doc, org, place, instrument, kind, symbols: set[str] | None = None) -> set[int] | None:
        clauses, args = [], []
        if symbols is not None:  # the documents the date and organ filters keep (issue #14)
            clauses.append(f"symbol IN ({','.join('?' * len(symbols))})" if symbols else "0")
            args += sorted(symbols)
        if doc:
            docs, _ = self.resolve_documents(doc)  # any case, any of a joint document's symbols
            clauses.append(f"symbol IN ({','.join('?' * len(docs))})" if docs else "0")
            args += docs
        if kind:
            clauses.append("id IN (SELECT id FROM chunks WHERE kind = ?)")
            args.append(kind)
        found = None  # entity filters (issue 4): every value must be named, by any of its forms
        for ekind, values in (("organization", org), ("place", place), ("instrument", instrument)):
            for v in ([values] if isinstance(values, str) else values or ()):
                ids = chunk_ids(self._con, ekind, valid_unicode(v))
                found = ids if found is None else found & ids
        if not clauses:
            return found
        args = [valid_unicode(a) if isinstance(a, str) else a for a in args]
        rows = self._con.execute("SELECT id FROM chunks WHERE " + " AND ".join(clauses), args).fetchall()
        return {r[0] for r in rows} if found is None else {r[0] for r in rows} & found

    # -- reading ---------------------------------------------------------------------------
    def _hit(self, rowid: int, score: float, rank: int = 0) -> Hit:
        return self._hits([(rowid, score)], rank)[0]

    def _hits(self, ranked: Sequence[tuple[int, float]], first: int = 1) -> list[Hit]:
        """The hits of (row id, score) pairs, ranked ``first``, ``first`` + 1, ...: their chunks and
        entities read in two queries, not two a hit (twentieth session: 0.9 -> 0.7 ms CPU of a warm
        library search)."""
        ids = [int(rowid) for rowid, _ in ranked]
        marks = ",".join("?" * len(ids))
        rows = {r["id"]: r for r in self._con.execute(f"SELECT * FROM chunks WHERE id IN ({marks})", ids)}
        ents: dict[int, list[Entity]] = {}
        for e in self._con.execute(f"SELECT chunk_id, text, kind, canonical, start, end FROM entities "
                                   f"WHERE chunk_id IN ({marks}) ORDER BY chunk_id, start, rowid", ids).fetchall():
            ents.setdefault(e[0], []).append(Entity(*tuple(e)[1:]))
        return [self._hit_of(rows.get(rowid), tuple(ents.get(rowid, ())), rowid, score, first + n)
                for n, (rowid, (_, score)) in enumerate(zip(ids, ranked))]

    def _hit_of(self, r, ents: tuple[Entity, ...], rowid: int, score: float, rank: int) -> Hit:
        """A ``Hit`` of a chunk's row (None: missing) and its entities in order."""
        if r is None:  # a vector or FTS row with no chunk behind it: the files disagree
            raise IndexMismatch(f"{self.folder}: chunk {rowid} is missing from {DB_NAME}; "
                                "run `paracite ingest` to rebuild the index")
        meta = self._doc_meta().get(r["symbol"], {})
        return Hit(citation=r["citation"], symbol=r["symbol"], number=r["number"], kind=r["kind"],
                   section=tuple(json.loads(r["section"])), text=r["text"], score=score, entities=ents,
                   footnotes=tuple(json.loads(r["footnotes"])), part=r["part"], page=r["page"],
                   title=r["title"], rank=rank, date=meta.get("date"), bodies=tuple(meta.get("bodies", ())),
                   chunk_id=int(rowid))

    def get(self, symbol: str, number: int | str | None, part: str = "", page: int | None = None,
            kind: str | None = None) -> Hit:
        """One chunk by symbol and number (``0`` or ``"summary"`` = the summary). ``part`` names an
        annex (``"annex I"``) or a draft (``"draft resolution I"``; its last words do: ``"decision
        56/101"``); with no number, a part that is one chunk. ``page`` picks a paragraph cited by
        page (``S/2025/41, p. 2, para. 3``), numbered afresh on every page; ``kind="preamble"``
        (or ``"preamble 4"`` as the number) a resolution's preambular paragraph."""
        symbol, part = valid_unicode(str(symbol)), valid_unicode(str(part or ""))
        found, _ = self.resolve_documents(symbol)  # any case, any symbol of a joint document
        if not found and not self._con.execute("SELECT 1 FROM chunks WHERE symbol = ? COLLATE NOCASE LIMIT 1",
                                                (symbol,)).fetchone():
            raise self.missing_document(symbol)
        symbol = found[0] if found else symbol
        part = whole_part_label(self._con, symbol, part)
        if number is None or str(number).strip().lower() in ("", "part"):
            return self._hit(whole_part_id(self._con, symbol, part), 1.0)
        parsed, num = _parse_number(number)
        kind = kind or parsed
        if kind not in KINDS:
            raise UsageError(f"unknown chunk kind {kind!r}; choose one of {', '.join(KINDS)}")
        rows = self._con.execute(
            "SELECT id, page FROM chunks WHERE symbol = ? COLLATE NOCASE AND kind = ? AND number = ? "
            "AND part = ? COLLATE NOCASE AND (? IS NULL OR page = ?) ORDER BY page IS NOT NULL, id",
            (symbol, kind, num, part, page, page)).fetchall()
        where = f"{symbol}, {part}" if part else symbol
        if not rows:
            label = {"summary": "summary", "preamble": f"preambular paragraph {num}"}.get(kind, f"{kind} {num}")
            raise NotFound(Said.of(f"{where} has no {label}" + (f" on page {page}" if page is not None else ""),
                                   whole_part_hint(self._con, symbol, part) or elsewhere(self._con, symbol, kind, num, part, page)))
        if page is None and rows[0][1] is not None and len(rows) > 1:
            pages = page_runs([r[1] for r in rows])
            raise UsageError(Said.of(f"{where} numbers its paragraphs by page; {kind} {num} is on pages {pages}: "
                                     "give the page (", option("page", "N", code=True), ")"))
        return self._hit(rows[0][0], 1.0)

    def chunks(self, doc: str | Sequence[str] | None = None) -> Iterator[Hit]:
        """Every chunk in index order (for export): documents as the build laid them out (an
        incremental Milvus ingest gives a changed document new row ids, not a new place).
        ``doc`` is one symbol or several (alternatives, as ``--doc`` repeated on ``search``)."""
        sql, args = "SELECT c.id FROM chunks c LEFT JOIN documents d ON d.symbol = c.symbol", ()
        if doc:
            found, _ = self.resolve_documents(doc)  # any case, any of a joint document's symbols
            sql, args = sql + f" WHERE c.symbol IN ({', '.join('?' * len(found))})", tuple(found)
        for (rowid,) in self._con.execute(sql + " ORDER BY d.rowid, c.id", args).fetchall():
            yield self._hit(rowid, 1.0)

    def close(self) -> None:
        if hasattr(getattr(self, "_ranker", None), "close"):
            self._ranker.close()
        self._con.close()
        if self._vector_file:
            self._vector_file.close()
        release_build(self._hold)
        self._hold = None

    def __enter__(self) -> "Searcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _no_index(folder: Path) -> IndexMismatch | IndexNotFound:
    """The error for a folder with no index (its ``current`` missing): a dangling link, a file, one build
    inside an index, a folder of report files (the two folders swapped), or an empty place."""
    if (folder / CURRENT).is_symlink():
        return IndexMismatch(f"{folder}: `current` points to {os.readlink(folder / CURRENT)}, which is missing; "
                             "run `paracite ingest` to rebuild the index")
    if folder.is_file():  # e.g. a report's PDF given as --index: ingesting into it fails too
        return IndexNotFound(f"{folder} is a file, not an index folder; --index takes the folder that "
                             "`paracite ingest PATH... --index DIR` built")
    refuse_build_folder(folder)
    if reports := report_files_named(folder):
        return IndexNotFound(f"{folder} holds PDF files ({reports}), not an index; build one with "
                             f"`paracite ingest {folder} --index DIR`, then give --index DIR")
    return IndexNotFound(f"{folder}: no index here; run `paracite ingest PATH --index {folder}` to build one")


def _build_default(folder: Path, log, force: bool = False) -> None:
    """Build the default index; if another process is building it, wait and use theirs."""
    from index.build import build_index  # the build machinery only when a build is needed

    refuse_build_folder(folder)  # one build inside an index is no place for another
    corpus = default_corpus()
    log(f"Building the default index from {corpus}" + ("" if force else " (first run)") + ", takes a minute...")
    try:
        build_index([corpus], folder)
    except IndexBusy:
        log("Another paracite is building the default index; waiting for it...")
        wait_for_build(folder)
        if not (folder / CURRENT).exists():
            build_index([corpus], folder, wait=True)


def _first_clause(e: Exception) -> str:
    """An error's message without its advice to run `paracite ingest` (we are doing it)."""
    return str(e).split("; run `paracite ingest`")[0]


def _check_options(mode, sort: str, kind: str | None) -> str:
    """``mode`` in lower case ("Dense" is dense); ``UsageError`` for an unknown mode, sort or
    chunk kind (a kind typed wrong used to match nothing, silently)."""
    mode = mode.lower() if isinstance(mode, str) else mode
    if mode not in MODES:
        raise UsageError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    if sort not in ("relevance", "date"):
        raise UsageError(f"unknown sort {sort!r}; choose relevance or date")
    if kind and kind not in KINDS:
        raise UsageError(f"unknown chunk kind {kind!r}; choose one of {', '.join(KINDS)}")
    return mode


def _check_query(query: str, what: str = "query") -> str:
    """``what`` names it as the user typed it: a search's query, an ask's question."""
    if not isinstance(query, str):
        raise InvalidQuery(f"the {what} must be text")
    query = valid_unicode(query).replace("\x00", " ").strip()
    if not query:
        raise InvalidQuery(f"the {what} is empty; type some words to {'ask' if what == 'question' else 'search for'}")
    if not any(c.isalnum() for c in query):  # "?" would rank paragraphs by noise, as if it were a query
        raise InvalidQuery(f"the {what} {query[:40]!r} has no words, only punctuation or symbols; "
                           f"type some words to {'ask' if what == 'question' else 'search for'}")
    return query[:MAX_QUERY_CHARS]


def cut_note(query: str, what: str = "query") -> str | None:
    """What the CLI and the web say of a query longer than ``MAX_QUERY_CHARS``: it is searched, cut
    there (a pasted paragraph is a fair query), and the user is told so instead of silently."""
    n = len(query.strip()) if isinstance(query, str) else 0
    if n <= MAX_QUERY_CHARS:
        return None
    return f"the {what} is {n:,} characters long; only its first {MAX_QUERY_CHARS:,} were used"


def _check_k(k) -> int:
    return whole_number(k, option("k"), 1, MAX_K)


def _parse_number(number: int | str) -> tuple[str, int]:
    s = str(number).strip().lower()
    if s in ("0", "summary"):
        return "summary", 0
    if s == "part":
        return "part", 0
    if s.startswith("table"):
        s, kind = s[5:].strip(), "table"
    elif s.startswith("note"):  # small type cited by page: ``p. 4, note 1``
        s, kind = s[4:].strip(), "note"
    elif s.startswith(("preamble", "preambular")):
        s, kind = s.removeprefix("preambular").removeprefix("preamble").strip(), "preamble"
        s = s.removeprefix("para.").removeprefix("para").strip()
    else:
        kind = "paragraph"
        s = s.removeprefix("para.").removeprefix("para").strip()
    if not (s.isascii() and s.isdigit()) or len(s) > 9:
        raise UsageError(Said.of(f"paragraph must be a number, 'summary' or 'table N', got {number!r} "
                                 "(a preambular paragraph: 'preamble N'", Both(" or --preamble N", ""), ")"))
    return kind, int(s)
