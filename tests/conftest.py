"""Shared fixtures: the real report, its parse, and one real index built once per test session."""

from __future__ import annotations

from pathlib import Path

import os

import pytest
from hypothesis import settings

# Property tests run a fixed, repeatable set of examples by default, so a test run (and CI) is
# the same every time; `PARACITE_HYPOTHESIS=explore pytest` draws new random examples to hunt bugs.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("PARACITE_HYPOTHESIS", "repeatable"))

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "corpus" / "A-69-207.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def report_text() -> str:
    return REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def doc(report_text):
    from ingest import parse_text

    return parse_text(report_text, source=str(REPORT))


@pytest.fixture(scope="session")
def paras(doc) -> dict[int, object]:
    return {c.number: c for c in doc.chunks if c.kind == "paragraph" and not c.part}


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    from index import build_index

    folder = tmp_path_factory.mktemp("index")
    build_index([REPORT], folder, progress=False)
    return folder


@pytest.fixture(scope="session")
def searcher(index_dir):
    from search import Searcher

    s = Searcher.open(index_dir)
    yield s
    s.close()


@pytest.fixture(scope="session")
def serve_index(tmp_path_factory) -> Path:
    """A small index for the `paracite serve` tests, built as a user would:
    `paracite ingest chunks.jsonl --index DIR` (real report paragraphs and a note made of markup)."""
    from search.cli import main

    folder = tmp_path_factory.mktemp("serve-index")
    assert main(["ingest", str(FIXTURES / "serve_chunks.jsonl"), "--index", str(folder), "--quiet"]) == 0
    return folder
