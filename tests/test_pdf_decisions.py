"""Decisions a report prints under a heading holding only their number (issue 15, #15 in the brief).

E/2025/24, chapter I, section C: ``56/101`` (12 pt, plain, alone on its line), then the bold title
``National accounts``, then ``The Statistical Commission:`` and lettered items, no numbered
paragraph inside. The number joins the title on the section path and the decision is a part of
its own, one chunk cited by its number: ``E/2025/24, chap. I, decision 56/101``. Cases are rows of
the real PDF's lines (tests/fixtures/pdf_lines, printed by bench/dump_lines.py), some altered to
show what the rule must not do.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from ingest.models import format_citation
from ingest.pdf.layout import Line, Page
from ingest.pdf.segment import segment
from ingest.pdf.zones import _is_furniture
from ingest.text.part_heads import number_heading, number_kind
from layout_fixtures import read_lines

E_2025_24 = "E_2025_24_p7-9-11-23-24.tsv"  # chap. I paras 1-3, decisions 56/101-104 and 56/125-126, chap. II


def _parts(lines) -> list:
    return [b for b in segment(lines, 10.0)[0] if b.part.startswith("chap. I, ")]


def _decisions(lines) -> list:
    """The decisions of section C (section B's draft decision, introduced by para. 2, aside)."""
    return [b for b in _parts(lines) if b.part != "chap. I, draft decision"]


NUMBER_HEADINGS = [
    ("56/101", "56/101"),  # E/2025/24: the number alone
    ("56/101.", "56/101"),
    ("58/1. Situation of human rights in Myanmar", "58/1"),  # number and title on one line
    ("88/VII", "88/VII"),
    # never a heading's number: a fiscal period in a table, a date column, a reference in a sentence
    ("2024/25 1 – 1 23 164.00", ""),
    ("79/94 4 December 2024", ""),
    ("72/279 (repositioning the United Nations development system)", ""),
    ("2025/26 budget proposal, is provided in enclosure 1.", ""),
    ("79/519A and B", ""),
    ("56/101. National accounts ................................ .................. 7", ""),  # contents entry
]


@pytest.mark.parametrize("text,number", NUMBER_HEADINGS)
def test_number_heading(text, number):
    assert number_heading(text) == number


KINDS = [
    (["C. Decisions brought to the attention of the Council",
      "3. The following decisions adopted by the Commission are brought to the attention", "of the Council."],
     "decision"),
    (["A. Resolutions adopted by the Council at its fifty-eighth session"], "resolution"),
    (["The Council adopted the following resolutions and decisions:"], "decision"),  # the last named
    (["C. Matters brought to the attention of the Council", "3. The Commission adopted the following:"], ""),
]


@pytest.mark.parametrize("lead_in,kind", KINDS)
def test_number_kind(lead_in, kind):
    assert number_kind(lead_in) == kind


def test_each_decision_is_a_part_cited_by_its_number():
    """Decisions 56/101-104, 56/125 and 56/126 are one block each, of kind ``part``, labelled
    within chapter I, under their number and title; the report's paragraphs 1-3 before them
    and chapter II's after them keep their numbers. Section B's draft decision, which has no
    heading of its own (paragraph 2 introduces it: ``... the following draft decision:``), is
    the part ``draft decision``, under its bold title."""
    blocks = segment(read_lines(E_2025_24), 10.0)[0]
    drafts = _parts(read_lines(E_2025_24))
    assert [(b.kind, b.part) for b in drafts] == [("part", "chap. I, draft decision")] + [
        ("part", f"chap. I, decision 56/{n}") for n in (101, 102, 103, 104, 125, 126)]
    draft, decisions = drafts[0], drafts[1:]
    assert draft.section[-1] == ("Report of the Statistical Commission on its fifty-sixth session and provisional agenda "
                                 "and dates of the fifty-seventh session of the Commission")
    assert draft.lines[0] == "The Economic and Social Council:" and "13. Report of the Commission on its fifty-seventh session." in draft.lines
    assert [b.section[-1] for b in decisions][:4] == [
        "56/101. National accounts", "56/102. Population and housing censuses",
        "56/103. Working methods of the Statistical Commission", "56/104. Fundamental Principles of Official Statistics"]
    assert decisions[0].section[-2] == "C. Decisions brought to the attention of the Council"
    first = decisions[0].lines
    assert first[0] == "The Statistical Commission:" and first[-1].endswith("a report on the review to the Commission by 2027.")
    assert decisions[1].lines[-1] == "planning their censuses."  # 56/102 ends where 56/103 opens page 11
    assert decisions[2].lines[1].startswith("(a) Welcomed the report and the background document")
    assert [(b.part, b.number) for b in blocks if b.kind == "paragraph"] == (
        [("chap. I", n) for n in (1, 2, 3)] + [("chap. II", n) for n in range(1, 8)])
    assert format_citation("E/2025/24", "part", 0, decisions[0].part) == "E/2025/24, chap. I, decision 56/101"


def _retyped(pattern: str, **change) -> tuple[Line, ...]:
    return tuple(replace(l, **change) if re.fullmatch(pattern, l.text) else l for l in read_lines(E_2025_24))


def test_a_number_and_title_on_one_line_open_the_decision_too():
    """``56/101. National accounts`` printed as one heading line: the same part, the same section."""
    lines, out = read_lines(E_2025_24), []
    for k, l in enumerate(lines):
        if k and re.fullmatch(r"56/10\d", lines[k - 1].text):
            out[-1] = replace(out[-1], text=f"{lines[k - 1].text}. {l.text}", x1=l.x1, bold=True)
            continue
        out.append(l)
    decisions = _decisions(tuple(out))
    assert [b.part for b in decisions][:4] == [f"chap. I, decision 56/10{n}" for n in (1, 2, 3, 4)]
    assert decisions[0].section[-1] == "56/101. National accounts"


def test_the_section_heading_over_the_numbers_names_their_kind():
    """``C. Resolutions adopted by the Commission`` over the same numbers: each is a resolution,
    though the paragraph under the heading still speaks of decisions."""
    lines = tuple(replace(l, text="C. Resolutions adopted by the Commission") if l.text.startswith("C. Decisions") else l
                  for l in read_lines(E_2025_24))
    assert [b.part for b in _decisions(lines)][:2] == ["chap. I, resolution 56/101", "chap. I, resolution 56/102"]


@pytest.mark.parametrize("case,lines", [
    # the same numbers set as body type: lines of text, not headings
    ("body type", lambda: _retyped(r"56/1\d\d", size=10.0)),
    # a lead-in that names no kind: a bare number says nothing of what it numbers
    ("no kind", lambda: tuple(replace(l, text=re.sub(r"(?i)decisions", "texts", l.text)) for l in read_lines(E_2025_24))),
])
def test_bare_numbers_open_nothing_without_a_headings_type_or_a_kind(case, lines):
    got = lines()
    assert _decisions(got) == []
    blocks = segment(got, 10.0)[0]
    assert [b.part for b in blocks if b.kind == "part"] == ["chap. I, draft decision"]
    assert [(b.part, b.number) for b in blocks if b.kind == "paragraph" and b.page is None] == (
        [("chap. I", n) for n in (1, 2, 3)] + [("chap. II", n) for n in range(1, 8)])


def test_a_decision_number_atop_a_page_is_no_page_counter():
    """E/2025/24 p. 11 opens with ``56/103`` (12 pt, in the header band), shaped like the page
    counter ``9/31`` of the footer (7 pt): the counter is furniture, the number is text."""
    page = Page(number=11, width=612.0, height=792.0, lines=())
    number = Line(page=11, text="56/103", x0=123.4, x1=158.5, top=76.3, bottom=88.3, size=12.0)
    counter = Line(page=11, text="25-04747 9/31", x0=65.0, x1=120.0, top=749.0, bottom=756.0, size=7.0)
    bare = Line(page=11, text="9/31", x0=500.0, x1=520.0, top=749.0, bottom=756.0, size=10.0)
    assert not _is_furniture(number, page, ("E/2025/24",), set(), 10.0)
    assert _is_furniture(counter, page, ("E/2025/24",), set(), 10.0)
    assert _is_furniture(bare, page, ("E/2025/24",), set(), 10.0)


# -- end to end: E/2025/24's pages 1, 7, 9-11, 23-24 (tests/fixtures/E_2025_24_excerpt.en.pdf) -----
EXCERPT = Path(__file__).parent / "fixtures" / "E_2025_24_excerpt.en.pdf"


@pytest.fixture(scope="module")
def decisions_index(tmp_path_factory):
    from search.cli import main

    folder = tmp_path_factory.mktemp("decisions") / "ix"
    assert main(["ingest", str(EXCERPT), "--index", str(folder), "--quiet"]) == 0
    return folder


def test_the_report_keeps_every_body_line_and_cites_each_decision_once():
    from ingest import read_document
    from ingest.pdf.coverage import body_coverage

    doc = read_document(EXCERPT)
    cites = [c.citation for c in doc.chunks]
    assert [c for c in cites if "decision" in c] == ["E/2025/24, chap. I, draft decision"] + [
        f"E/2025/24, chap. I, decision 56/{n}" for n in (101, 102, 103, 104, 125, 126)]
    assert {c.kind for c in doc.chunks if "decision" in c.citation} == {"part"}
    assert len(set(cites)) == len(cites)
    assert body_coverage(EXCERPT, doc).lost == ()


def test_show_search_export_and_the_web_cite_a_decision_by_its_number(decisions_index, capsys):
    from starlette.testclient import TestClient

    from search import Searcher
    from search.cli import main
    from search.web import create_app
    from search.web.views import paragraph_path

    ix = ["--index", str(decisions_index)]
    assert main(["show", "E/2025/24", "--part", "decision 56/101", *ix]) == 0
    out = capsys.readouterr().out
    assert out.startswith("E/2025/24, chap. I, decision 56/101\n")
    assert "C. Decisions brought to the attention of the Council > 56/101. National accounts" in out
    assert "(b) Adopted the 2025 SNA as the updated international statistical standard" in " ".join(out.split())
    assert main(["show", "E/2025/24", "1", "--part", "decision 56/101", *ix]) == 4
    assert "it is one chunk, E/2025/24, chap. I, decision 56/101" in capsys.readouterr().err
    assert main(["show", "E/2025/24", "0", "--part", "decision 56/101", *ix]) == 4
    assert "decision 56/101 has no summary; it is one chunk" in capsys.readouterr().err
    assert main(["show", "E/2025/24", *ix]) == 0
    contents = capsys.readouterr().out
    assert "[chap. I, decision 56/103] 56/103. Working methods of the Statistical Commission  (decision 56/103)" in contents
    assert contents.count("C. Decisions brought to the attention of the Council") == 1
    assert main(["search", "timely translation of the 2025 SNA into the official languages", "-k", "1", *ix]) == 0
    assert capsys.readouterr().out.startswith("[1] E/2025/24, chap. I, decision 56/101")
    assert main(["export", *ix]) == 0
    records = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    whole = next(r for r in records if r["part"] == "chap. I, decision 56/102")
    assert (whole["citation"], whole["kind"], whole["page"]) == ("E/2025/24, chap. I, decision 56/102", "part", None)
    with Searcher.open(decisions_index) as s:
        hit = s.get("E/2025/24", None, part="Decision 56/104")
        assert hit.citation == "E/2025/24, chap. I, decision 56/104"
        path = paragraph_path(hit)
    assert path.startswith("/p/E/2025/24/part?part=chap.")
    from search.judgements import hit_key, parse_citation

    assert parse_citation(hit.citation).key("E/2025/24") == hit_key(hit)  # a judged query can name it
    with TestClient(create_app(decisions_index)) as client:
        page = client.get(path)
    assert page.status_code == 200 and "E/2025/24, chap. I, decision 56/104" in page.text
