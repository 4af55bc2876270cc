"""Overlapping rule spans never crash the tagger (issue #18: spaCy's E1010 on a real letter).

The letter's first paragraph lists Security Council resolutions with one comma not followed by
a space ("1639 (2005),1722 (2006)"); two instrument spans met in one token and the whole ingest
stopped. The lists below are drawn with every separator a real document uses.
"""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.entities.tagger import disjoint_spans, tag_texts

LETTER = ("Pursuant to Security Council resolutions 1575 (2004), 1639 (2005),1722 (2006), 1785 (2007), "
          "1845 (2008), 1895 (2009), 2706 (2023) and 2757 (2024), I have the honour to transmit "
          "herewith a letter dated 4 July 2025 from the High Representative.")


def test_the_letter_tags_every_resolution_of_its_list():
    ents = tag_texts([LETTER])[0]
    resolutions = {e.canonical for e in ents if e.kind == "instrument"}
    assert {"resolution 1639", "resolution 1722", "resolution 2757"} <= resolutions
    assert [e.text for e in ents if e.canonical == "resolution 1722"] == ["1722 (2006)"]


def test_disjoint_spans_longer_then_earlier():
    doc = spacy.blank("en")("a b c d e f")
    spans = [doc[0:2], doc[1:4], doc[3:5], doc[4:6]]
    assert [(s.start, s.end) for s in disjoint_spans(spans)] == [(1, 4), (4, 6)]
    # ties in length: the earlier wins, whatever order they come in
    assert [(s.start, s.end) for s in disjoint_spans([doc[3:5], doc[2:4]])] == [(2, 4)]


_SEPARATORS = st.sampled_from([", ", ",", " , ", ",\n", "\n", "; ", ";", " and ", ", and ", " - ", "-", "\u2013",
                               " \u2014 ", "/", ""])
_NUMBER = st.integers(min_value=1, max_value=2800)
_YEAR = st.integers(min_value=1945, max_value=2030)


@st.composite
def _item(draw) -> str:
    n, y = draw(_NUMBER), draw(_YEAR)
    shape = draw(st.sampled_from(["{n} ({y})", "{n}({y})", "{n} [{y}]", "{n}", "{s}/RES/{n} ({y})", "{n}\n({y})",
                                  "{y}/{n}", "{n}-{y}", "({y}) {n}"]))
    return shape.format(n=n, y=y, s=draw(st.sampled_from(["S", "A"])))


_HEADS = st.sampled_from(["Pursuant to Security Council resolutions ", "General Assembly resolutions ",
                          "the Convention on the Rights of the Child and Optional Protocols ", "resolutions\n",
                          "conventions Nos. ", "ILO Conventions Nos. ", "", "(resolutions "])
_TAILS = st.sampled_from(["", ", I have the honour", ")", "]", " of the Convention (1989)", ".", "\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=_HEADS, items=st.lists(_item(), min_size=1, max_size=8), seps=st.lists(_SEPARATORS, min_size=8, max_size=8),
       tail=_TAILS)
def test_lists_of_instruments_never_raise(head, items, seps, tail):
    text = head + "".join(i + s for i, s in zip(items, seps)) + tail
    ents = tag_texts([text])[0]
    spans = sorted((e.start, e.end) for e in ents)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "entities overlap"
    assert all(text[e.start:e.end] == e.text for e in ents)
