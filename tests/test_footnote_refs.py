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
]


@pytest.mark.parametrize("text,next_ref,refs,kept", CASES)
def test_marks_and_counts(text: str, next_ref: int, refs: list[int], kept: str) -> None:
    out, found, _ = remove_footnote_refs(text, next_ref)
    assert found == refs
    assert kept in out
