"""A small library indexed from hand-picked real paragraphs, for answer tests over several documents,
and what those tests share: the library as a module fixture, the check of a fact answer, and a copy
of an index as a build made before a table or index existed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ingest.models import Chunk


def index_paragraphs(folder: Path, docs) -> Path:
    """Index ``docs`` — (symbol, number, title, text) of real paragraphs — through `paracite ingest`
    of an export, and return the index folder."""
    return index_chunks(folder, [(Chunk(sym, "paragraph", n, text), title) for sym, n, title, text in docs])


def index_chunks(folder: Path, chunks) -> Path:
    """Index ``chunks`` — (Chunk, its document's title), for paragraphs that carry their sections or
    parts — through `paracite ingest` of an export, and return the index folder."""
    from search.cli import main

    src = folder / "docs.jsonl"
    src.write_text("\n".join(json.dumps(dict(chunk.to_dict(), symbols=[chunk.symbol], title=title))
                             for chunk, title in chunks) + "\n")
    assert main(["ingest", str(src), "--index", str(folder / "ix"), "--quiet"]) == 0
    return folder / "ix"


def asked(lib, question: str) -> tuple[str, str] | None:
    """The answer's first sentence and first citation, None when it refuses."""
    answer = lib.ask(question)
    return (answer.text.split(" [")[0], answer.citations[0]) if answer.answered else None


def by_document(table: dict[str, tuple[str, dict[int, str]]]) -> list[tuple[int, str, str, str]]:
    """``index_paragraphs``'s docs from a table by document: symbol → (title, {number: text})."""
    return [(symbol, n, title, text) for symbol, (title, paragraphs) in table.items() for n, text in paragraphs.items()]


def libraries_fixture(tables: dict):
    """A module-scoped fixture: ``libraries(name)`` is a ``Searcher`` over ``tables[name]`` (the docs of
    ``index_paragraphs``), indexed on first use, so one parametrized table can span several libraries."""

    @pytest.fixture(scope="module")
    def libraries(tmp_path_factory):
        from search import Searcher

        opened: dict = {}

        def library(name: str):
            if name not in opened:
                opened[name] = Searcher.open(index_paragraphs(tmp_path_factory.mktemp(name), tables[name]))
            return opened[name]

        yield library
        for s in opened.values():
            s.close()

    return libraries


def sectioned_library_fixture(docs: dict, name: str):
    """A module-scoped ``library`` fixture: a ``Searcher`` over ``docs`` (symbol → (title, rows)), each
    row a real paragraph as (number, section, text) or (part, number, section, text), indexed through
    `paracite ingest` with its headings and part."""

    @pytest.fixture(scope="module")
    def library(tmp_path_factory):
        from search import Searcher

        chunks = [(Chunk(symbol, "paragraph", row[-3], row[-1], section=row[-2],
                         **({"part": row[0]} if len(row) == 4 else {})), title)
                  for symbol, (title, rows) in docs.items() for row in rows]
        searcher = Searcher.open(index_chunks(tmp_path_factory.mktemp(name), chunks))
        yield searcher
        searcher.close()

    return library


def assert_fact(answer, lead: str, cited: str, first: bool = True) -> None:
    """The answer gives ``lead`` in its first sentence (opening it, or anywhere in it with
    ``first=False``) and cites ``cited``."""
    said = answer.text.split(" [")[0]
    assert answer.answered and (said.startswith(lead) if first else lead in said), answer.text
    assert cited in answer.citations, answer.citations


def older_build(index: Path, folder: Path, sql: str) -> Path:
    """A copy of ``index`` in ``folder`` whose store has had ``sql`` run on it (``DROP TABLE x``): a
    build made before paracite wrote ``x``."""
    shutil.copytree(index, folder, symlinks=True)
    con = sqlite3.connect(folder / "current" / "paracite.sqlite")
    con.execute(sql)
    con.commit()
    con.close()
    return folder
