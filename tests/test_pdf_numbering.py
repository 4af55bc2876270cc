"""Paragraph numbers as printed, on real pages where the printed sequence is not 1, 2, 3 ... plain.

Each case is an excerpt of a real UN PDF's lines (tests/fixtures/pdf_lines, printed by
bench/dump_lines.py) and the paragraphs the layout parser must find in it, as (part, number).
Excerpts that open mid-document start the parser at their first printed number.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from ingest.pdf.segment import segment
from layout_fixtures import read_lines


def _paragraphs(name: str, first: int) -> list[tuple[str, int]]:
    blocks = segment(read_lines(name), 10.0, first=first)[0]
    return [(b.part, b.number) for b in blocks if b.kind == "paragraph" and b.page is None]


def _body(numbers) -> list[tuple[str, int]]:
    return [("", n) for n in numbers]


CASES = [
    # a number printed without its full stop ("44 With that adjustment ..."): paragraph 44 all the same
    ("DP_OPS_2025_3_p6-7.tsv", 42, _body([42, 43, 44, 45, 46])),
    # "81. facilitate ..." (lower case) is printed as paragraph 81; 82-87 follow under headings
    ("E_ICEF_2025_AB_L.3_p22.tsv", 79, _body(range(79, 88))),
    # an agenda hanging its numbers left of the sub-items, whose pages set the margin further in
    ("A_80_150_p5-7.tsv", 49, _body(range(49, 89))),
    # a commission's report: each chapter numbers afresh, cited chap. I, chap. II ...
    ("E_2025_24_p7-24-28.tsv", 1, [("chap. I", 1), ("chap. I", 2)] + [("chap. II", n) for n in range(1, 8)]
     + [("chap. III", n) for n in range(1, 4)]),
    # a committee's report holding two sessions' reports: Part One, Part Two restart at 1
    ("A_80_38_p9-12-23-26.tsv", 1, [("part one", n) for n in range(1, 11)] + [("part two", n) for n in range(1, 11)]),
]


@pytest.mark.parametrize("name, first, expected", CASES, ids=[c[0] for c in CASES])
def test_paragraphs_numbered_as_printed(name, first, expected):
    assert _paragraphs(name, first) == expected


def test_chapters_that_run_on_are_not_parts():
    """Chapters whose paragraphs run on (most reports) stay one part: only a restart at 1 splits."""
    lines = read_lines("E_2025_24_p7-24-28.tsv")
    shift = {"1.": "4.", "2.": "5.", "3.": "6.", "4.": "7.", "5.": "8.", "6.": "9.", "7.": "10."}
    later = tuple(l for l in lines if l.page > 7)
    renumbered = tuple(l if l.page != 24 or l.text[:3].strip() not in shift else
                       type(l)(**{**l.__dict__, "text": shift[l.text[:3].strip()] + l.text[2:]}) for l in later)
    parts = {b.part for b in segment(tuple(l for l in lines if l.page == 7) + renumbered[:40], 10.0)[0]
             if b.kind == "paragraph"}
    assert parts == {""}


def test_figure_text_between_paragraphs_is_cited_by_page():
    """UNW/2025/2, pp. 4-5: an infographic of results in body type, two columns, between
    paragraphs 12 and 13. Its statements land in page-cited text (each column read down), not
    in a paragraph and not lost; the chart's legend and its ``TOTAL`` label make no text."""
    lines = read_lines("UNW_2025_2_p4-6.tsv")
    blocks, _, loose, _ = segment(lines, 10.0, first=12)
    assert [b.number for b in blocks if b.kind == "paragraph"][:3] == [12, 13, 14]
    figure = [l.text for _, l, _ in loose[""]]
    assert "325 laws adopted, revised or repealed to" in figure
    column = figure.index("325 laws adopted, revised or repealed to")
    assert figure[column + 1] == "further advance and protect the rights of women and"  # down the column
    assert not any(t.startswith(("TOTAL", "Met 2025 Target")) for t in figure)
    assert not any("325 laws adopted" in t for b in blocks if b.kind == "paragraph" for t in b.lines)


def test_volumes_that_run_on_are_not_parts():
    """``Part One`` / ``Part Two`` over paragraphs numbered straight through (A/80/38's pages with
    part two's numbers carried on from part one's): one part, cited without ``part one``."""
    lines = read_lines("A_80_38_p9-12-23-26.tsv")
    out = []
    for l in lines:
        m = re.match(r"^(\d{1,2})\. ", l.text)
        if l.page == 26 and m:
            l = replace(l, text=f"{int(m.group(1)) + 10}." + l.text[m.end() - 1:])
        out.append(l)
    assert _paragraphs_of(tuple(out)) == [("", n) for n in range(1, 21)]


def _paragraphs_of(lines) -> list[tuple[str, int]]:
    return [(b.part, b.number) for b in segment(lines, 10.0)[0] if b.kind == "paragraph" and b.page is None]


def _without_44(lines):
    """DP/OPS/2025/3's pages 6-7 as if paragraph 44 had no number at all (a number skipped in print)."""
    return tuple(replace(l, text=l.text[3:]) if l.text.startswith("44 With") else l for l in lines)


def test_a_number_skipped_in_print_is_cited_as_printed():
    """No 44 printed: 45 and 46 are cited as printed, not run into 43 (and the text stays in 43)."""
    blocks = segment(_without_44(read_lines("DP_OPS_2025_3_p6-7.tsv")), 10.0, first=42)[0]
    assert [b.number for b in blocks if b.kind == "paragraph" and b.page is None] == [42, 43, 45, 46]


@pytest.mark.parametrize("skip, expected", [(False, [42, 43, 44, 45, 46]), (True, [42, 43, 45, 46])])
def test_text_parser_cites_numbers_as_printed_too(skip, expected):
    """The same rules for text input: DP/OPS/2025/3's lines as a text dump (a stand-in opening, then
    its pages 6-7 from 42): "44 With ..." printed without its full stop is paragraph 44; with no 44
    printed at all, 43 then 45 and 46, as printed."""
    from ingest import parse_text

    lines = read_lines("DP_OPS_2025_3_p6-7.tsv")
    body = [l.text for l in (_without_44(lines) if skip else lines)]
    opening = ["DP/OPS/2025/3", "", "1. The first paragraph opens the report.", "",
               *[f"{n}. Paragraph {n} of the report." for n in range(2, 42)], ""]
    doc = parse_text("\n".join(opening + body), source="DP_OPS_2025_3.txt")
    numbers = [c.number for c in doc.chunks if c.kind == "paragraph"]
    assert numbers[-len(expected):] == expected
