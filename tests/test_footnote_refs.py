"""Inline footnote marks vs counts and list items, on sentences from real UN PDFs."""

import pytest

from ingest.text.footnote_refs import remove_footnote_refs

CASES = [
    # (text, next expected ref, refs found, text kept)
    ("with activities in the four northern municipalities resulting in 11 community-driven proposals",
     9, [], "resulting in 11 community-driven proposals"),
    ("killing 2 people and injuring at least 55 others, including 3 children: a 6-year-old boy",
     3, [], "including 3 children"),
    ("Additional photographs and videos are available at the following links: 1. https://example.org/a",
     1, [], "links: 1. https://"),
    ("the 2030 Agenda for Sustainable Development. 6 Speakers noted", 6, [6], "Development. Speakers"),
    ("the Convention on the Rights of the Child,7 which", 7, [7], "the Child, which"),
    ("with 11 community-driven proposals", 10, [], "with 11 community-driven"),
    ("Achieving Equality for All, 17 published by UNESCO in early 2014", 17, [17], "for All, published"),
    # compound paragraph numbers (an ACABQ report's chapter-numbered paragraphs, a bulletin's sections)
    ("I.2 The Committee notes that the proposed resources amount to $3,587.9 million", 2, [], "I.2 The Committee"),
    ("VIII.3 The Advisory Committee recalls its previous recommendation", 3, [], "VIII.3 The Advisory"),
    ("2.1 The present bulletin applies to all staff members", 1, [], "2.1 The present"),
    ("29A.2 The resources proposed for the section", 2, [], "29A.2 The resources"),
    ("as set out in annex I.3 The Committee", 3, [3], "annex I. The Committee"),
    ("amount to $104.5 million. II.2 The Advisory Committee recalls", 2, [], "million. II.2 The Advisory"),
]


@pytest.mark.parametrize("text,next_ref,refs,kept", CASES)
def test_marks_and_counts(text: str, next_ref: int, refs: list[int], kept: str) -> None:
    out, found, _ = remove_footnote_refs(text, next_ref)
    assert found == refs
    assert kept in out
