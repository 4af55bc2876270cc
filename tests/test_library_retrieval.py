"""Retrieval in a small library (issue #12): the bundled report beside three real UN PDFs.

Queries about each PDF (``tests/fixtures/library_small_queries.jsonl``: the A/80/275 dev lines of
``bench/data/pdf_dev_queries.jsonl`` and lines written for A/52/687, each checked against the
printed paragraph) are ranked over the whole index, so another document's paragraph is a miss;
the report's own query sets must keep their figures beside the other documents (the issue's
goal: lose at most 0.02 MRR@10).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SMALL_LIBRARY_PDFS
from search import Searcher
from search.evaluate import evaluate, read_queries
from search.judgements import hit_key

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORT = Path(__file__).resolve().parent.parent / "corpus" / "A-69-207.txt"
PDFS = SMALL_LIBRARY_PDFS
QUERIES = FIXTURES / "library_small_queries.jsonl"
REPORT_QUERIES = (FIXTURES / "a69207_queries_dev.jsonl", FIXTURES / "a69207_queries_own.jsonl")


@pytest.fixture(scope="module")
def small_library(small_library_dir):
    """The report and ``PDFS`` in one index (conftest's, built once per run)."""
    s = Searcher.open(small_library_dir)
    yield s
    s.close()


@pytest.mark.parametrize("query", read_queries(QUERIES), ids=lambda q: q.id)
def test_a_query_about_one_document_finds_its_paragraph_first(small_library, query):
    hit = small_library.search(query.query, k=1)[0]
    relevant, _ = query.judged(query.doc)
    assert hit_key(hit) in relevant, hit.citation


def test_the_default_ranking_is_at_least_as_good_as_either_baseline(small_library):
    report = evaluate(small_library, QUERIES)
    mrr = {name: scores["mrr@10"] for name, scores in report.overall.items()}
    assert report.library == report.queries == len(read_queries(QUERIES))
    assert mrr["paracite"] >= 0.95
    assert mrr["paracite"] >= max(mrr["bm25"], mrr["dense"])


def test_the_reports_queries_lose_little_beside_other_documents(small_library, searcher):
    """All the report's judged queries (dev and own, 55) over the report alone and over the small
    library: the issue's goal, lose at most 0.02 MRR@10. (Per set at aa9f937: dev 0.897 → 0.903,
    own 0.967 → 0.944, one query, "what was the third round table about", from rank 1 to 3.)"""
    queries = [q for path in REPORT_QUERIES for q in read_queries(path)]
    alone = evaluate(searcher, queries, systems={"paracite": None}).overall["paracite"]["mrr@10"]
    beside = evaluate(small_library, queries, doc="A/69/207", all_docs=True,
                      systems={"paracite": None}).overall["paracite"]["mrr@10"]
    assert len(queries) == 55
    assert beside >= alone - 0.02, (alone, beside)


def test_who_signed_a_letter_is_answered_from_its_signature(small_library):
    """The covering letter of A/80/275 closes with its signatory's name and title (the reader drops the
    "(Signed)" mark): the answer is the name, cited to that paragraph."""
    answer = small_library.ask("Who signed the letter transmitting the annual report of the International "
                               "Residual Mechanism for Criminal Tribunals?")
    assert answer.answered and answer.text.startswith("Graciela Gatti Santana [A/80/275, p. 2, para. 1]")
