"""The paragraph parser on the real report, A/69/207 (issue #2)."""

from __future__ import annotations

import re

import pytest


def test_symbol_is_read_from_the_text(doc):
    assert doc.symbol == "A/69/207"


def test_paragraphs_are_numbered_1_to_87_in_order(doc):
    numbers = [c.number for c in doc.chunks if c.kind == "paragraph"]
    assert numbers == list(range(1, 88))


def test_one_summary_and_two_tables(doc):
    kinds = [c.kind for c in doc.chunks]
    assert kinds.count("summary") == 1
    assert [c.number for c in doc.chunks if c.kind == "table"] == [1, 2]
    summary = next(c for c in doc.chunks if c.kind == "summary")
    assert summary.text.startswith("In its resolution 67/219 of 21 December 2012")
    assert summary.citation == "A/69/207, summary"


@pytest.mark.parametrize(
    "number, section",
    [
        # Heading whose letter follows its title ("Panel discussion ... / A.").
        (11, ("II. The 2013 High-level Dialogue and its preparations",
              "A. Panel discussion (New York, 25 June 2013)")),
        # The lone "1." before para 19 is a sub-section label, title before it.
        (19, ("II. The 2013 High-level Dialogue and its preparations",
              "C. The High-level Dialogue (New York, 3 and 4 October 2013)",
              "1. Summary of the plenary debate")),
        # The lone "2." before para 29 is a label, title after it.
        (29, ("II. The 2013 High-level Dialogue and its preparations",
              "C. The High-level Dialogue (New York, 3 and 4 October 2013)",
              "2. Summary of the round tables")),
        (46, ("III. Implementing the eight-point agenda: assessing progress, identifying gaps",
              "B. Reduce the costs of labour migration")),
        # "I." after "H." is the letter I, not the Roman numeral one.
        (76, ("III. Implementing the eight-point agenda: assessing progress, identifying gaps",
              "I. Following up the 2013 High-level Dialogue: the role of civil society")),
        (87, ("IV. The 2013 High-level Dialogue: follow-up and next steps",)),
    ],
)
def test_section_paths(paras, number, section):
    assert paras[number].section == section


@pytest.mark.parametrize(
    "number, starts, contains, ends",
    [
        # Runs on across a footnote block and a page break.
        (14, "Panellists drew attention to the progress", "good practices. Participants affirmed",
         "into the post-2015 development agenda."),
        (47, "Several new initiatives are under way", "in collaboration with several members of the Global",
         "reducing recruitment costs for migrant workers."),
        # Runs on across footnote texts caught between footer lines.
        (51, "In the period since the issuance of document A/68/190", "including through legislative assistance",
         "providing effective remedies to victims."),
        (69, "The Global Migration Group continues", "well-being of migrants around the world in its World",
         "International Migration Barometer in 2014."),
        (9, "Between 2010 and 2013", "between 2010 and 2013 was driven", "from East and South-East Asia."),
    ],
)
def test_paragraphs_run_on_across_page_breaks(paras, number, starts, contains, ends):
    text = paras[number].text
    assert text.startswith(starts)
    assert contains in text
    assert text.endswith(ends)


def test_citations(paras, doc):
    assert paras[46].citation == "A/69/207, para. 46"
    assert next(c for c in doc.chunks if c.kind == "table").citation == "A/69/207, table 1"


FURNITURE = [r"14-56609", r"\*1456609\*", r"\b\d{1,2}/21\b", r"_{3,}", r"^A/69/207$", r"120814"]


def test_no_page_furniture_in_any_text(doc):
    for c in doc.chunks:
        for pat in FURNITURE:
            assert not re.search(pat, c.text, re.M), (c.citation, pat)
        # The symbol may be cited in prose, never as a running header inside a paragraph.
        assert "A/69/207" not in c.text, c.citation


def test_footnote_texts_kept_beside_the_paragraph(paras):
    assert paras[49].footnotes[0] == "10 Ibid."
    assert paras[49].footnotes[1].startswith("11 Kevin Watkins and Maria Quattri")
    assert "Ibid." not in paras[49].text and "Kevin Watkins" not in paras[49].text
    assert paras[51].text.startswith("In the period") and "Ibid." not in paras[51].text
