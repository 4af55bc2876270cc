"""Library evaluation (issue #12): query lines that name a document and paragraph, ranked over the
whole index, with the split a line belongs to; the old document format keeps working."""

from __future__ import annotations

import json

import pytest

from paracite.errors import UsageError
from search.cli import main
from search.judgements import Ref, hit_key, parse_citation, parse_queries
from search.models import Hit

LIB_LINES = [
    '{"id": "L1", "query": "Universal Postal Union remittances", "symbol": "A/69/207", "para": 46, '
    '"kind": "keyword", "split": "dev"}',
    '{"id": "L2", "query": "recruitment fees paid by migrant workers", "symbol": "A/69/207", "para": [40, 41], '
    '"also": ["A/69/207, para. 42", {"symbol": "E/2025/57", "para": 3}], "split": "heldout"}',
    '{"id": "L3", "query": "what the report is about", "symbol": "a/69/207", "para": "summary", "split": "dev"}',
]


@pytest.mark.parametrize("text, ref", [
    ("A/80/62, para. 12", Ref("A/80/62", "paragraph", 12)),
    ("A/80/62, annex I, para. 3", Ref("A/80/62", "paragraph", 3, "annex I")),
    ("E/2025/57, summary", Ref("E/2025/57", "summary", 0)),
    ("S/2025/41, p. 2, para. 3", Ref("S/2025/41", "paragraph", 3, page=2)),
    ("DP/FPA/2025/2, table 4", Ref("DP/FPA/2025/2", "table", 4)),
])
def test_parse_citation(text, ref):
    assert parse_citation(text) == ref


def test_library_lines_name_their_chunks():
    q1, q2, q3 = parse_queries(LIB_LINES)
    assert q1.library and q1.doc == "A/69/207" and q1.split == "dev" and q1.relevant == ()
    assert q1.refs == (Ref("A/69/207", "paragraph", 46),)
    rel, _ = q2.judged("A/69/207")
    assert rel == {("a/69/207", "paragraph", "", n, None) for n in (40, 41, 42)} | {("e/2025/57", "paragraph", "", 3, None)}
    assert q3.judged("A/69/207")[0] == {("a/69/207", "summary", "", 0, None)}
    hit = Hit(citation="A/69/207, para. 46", symbol="A/69/207", number=46, kind="paragraph", section=(),
              text="", score=1.0)
    assert hit_key(hit) in q1.judged("A/69/207")[0]


def test_text_cited_by_page_is_not_the_numbered_paragraph():
    """The first block of text cited by page 4 ("p. 4, para. 1") is not the document's para. 1."""
    (q,) = parse_queries(['{"query": "q", "symbol": "A/80/143", "para": 5, "part": "annex I"}'])
    numbered = Hit(citation="A/80/143, annex I, para. 5", symbol="A/80/143", number=5, kind="paragraph",
                   section=(), text="", score=1.0, part="annex I")
    by_page = Hit(citation="A/80/143, annex I, p. 2, para. 5", symbol="A/80/143", number=5, kind="paragraph",
                  section=(), text="", score=1.0, part="annex I", page=2)
    relevant, _ = q.judged("A/80/143")
    assert hit_key(numbered) in relevant and hit_key(by_page) not in relevant
    assert parse_citation(by_page.citation).key("") == hit_key(by_page)  # folded duplicates keep their page


def test_split_keeps_only_its_lines_and_old_lines_still_parse():
    assert [q.id for q in parse_queries(LIB_LINES, split="dev")] == ["L1", "L3"]
    with pytest.raises(UsageError, match="no queries in the file with split 'heldout'"):
        parse_queries(LIB_LINES[:1], split="heldout")
    (old,) = parse_queries(['{"query": "q", "relevant": [3], "partial": [4], "doc": "A/1"}'])
    assert not old.library and old.judged("A/1") == ({("a/1", "paragraph", "", 3, None)}, {("a/1", "paragraph", "", 4, None)})


@pytest.mark.parametrize("line", ['{"query": "q", "symbol": "A/1", "para": "twelve"}',
                                  '{"query": "q", "symbol": "A/1", "para": 1, "also": ["A/1 para 2x"]}'])
def test_bad_library_lines_are_usage_errors(line):
    with pytest.raises(UsageError, match="line 1: not a query line"):
        parse_queries([line])


def test_library_eval_ranks_the_whole_index_and_scores_citations(searcher):
    report = searcher.evaluate(parse_queries(LIB_LINES))
    assert report.library == 3 and report.documents == 1
    row = report.per_query[0]
    assert row["relevant"] == ["A/69/207, para. 46"]
    assert row["paracite"]["ranking"][0] == "A/69/207, para. 46" and row["paracite"]["mrr@10"] == 1.0
    assert all(isinstance(c, str) and c.startswith("A/69/207, ") for c in row["bm25"]["ranking"])


def test_eval_command_split(index_dir, tmp_path, capsys):
    path = tmp_path / "lib.jsonl"
    path.write_text("\n".join(LIB_LINES) + "\n", encoding="utf-8")
    assert main(["eval", str(path), "--split", "dev", "--json", "--index", str(index_dir)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["queries"] == 2 and out["split"] == "dev" and out["library"] == 2
    assert main(["eval", str(path), "--split", "heldout", "--index", str(index_dir)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("library of 1 documents: 1 queries about 1 of them (heldout)")


def test_a_line_with_a_page_judges_only_that_pages_paragraph():
    (q,) = parse_queries(['{"query": "q", "symbol": "S/2025/346", "para": 2, "page": 6, '
                          '"also": ["S/2025/346, p. 4, para. 3"]}'])
    relevant, _ = q.judged("S/2025/346")
    assert relevant == {("s/2025/346", "paragraph", "", 2, 6), ("s/2025/346", "paragraph", "", 3, 4)}


def test_a_label_naming_no_chunk_is_reported(index_dir, tmp_path, capsys):
    """A judged paragraph the index lacks scores 0; the report says so instead of hiding it."""
    path = tmp_path / "typo.jsonl"
    path.write_text(json.dumps({"query": "cost of remittances", "symbol": "A/69/207", "para": 9999,
                                "also": [46]}) + "\n", encoding="utf-8")
    assert main(["eval", str(path), "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "warning: 1 judged citation(s) name no chunk of the index" in out and "A/69/207, para. 9999" in out
    assert main(["eval", str(path), "--json", "--index", str(index_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["unknown"] == ["A/69/207, para. 9999"]


def test_only_labels_outside_the_index_are_reported(searcher):
    """E/2025/57 is not in the one-report index; the lower-case symbol and the summary are."""
    assert searcher.evaluate(parse_queries(LIB_LINES)).unknown == ("E/2025/57, para. 3",)


def test_also_numbers_are_paragraphs_of_the_lines_own_part():
    """`also` numbers are other paragraphs of the same part (S/2025/258's enclosure), not the body's."""
    [q] = parse_queries(['{"query": "q", "symbol": "S/2025/258", "para": 37, "also": [36, "S/2025/258, para. 2"], '
                         '"part": "enclosure"}'])
    assert q.refs == (Ref("S/2025/258", "paragraph", 37, "enclosure"), Ref("S/2025/258", "paragraph", 36, "enclosure"),
                      Ref("S/2025/258", "paragraph", 2))
