"""Retrieval quality and robustness (issue #5): query escaping, the three modes, sentence vectors,
acronym expansion, and the eval command, on the real report and a real index."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from index.acronym_table import find_acronyms, initials
from index.sentences import split_sentences
from search import InvalidQuery, Searcher
from search.bm25 import Acronyms, content_terms, fts_query, keyword_query
from search.cli import main
from search.evaluate import parse_queries

FIXTURES = Path(__file__).resolve().parent / "fixtures"

DEV = FIXTURES / "a69207_queries_dev.jsonl"
OWN = FIXTURES / "a69207_queries_own.jsonl"
MODES = ["hybrid", "dense", "bm25"]

# Text a user may type that is FTS5 syntax, or that trips tokenizers. None may raise.
NASTY = [
    '"unbalanced quote',
    'migrants AND',
    'AND OR NOT',
    'NEAR(migrants remittances, 3)',
    '*',
    'remit*',
    '-migrants -remittances',
    'text:migrants',
    'section : "Reduce the costs"',
    '(((migrants',
    ')]}',
    '[brackets] {braces} ^caret',
    '"',
    "'",
    '\\',
    'ILO/OHCHR + UN-Women',
    'A/68/190, sect. V',
    "don't won't can't",
    'migración y desarrollo sostenible',
    '移民与发展',
    'мигранты и денежные переводы',
    'remittances 💸 home',
    'e\u0301migre\u0301s',  # combining accents
    'a',
    'the of and',
    'migrants\x00remittances',
    'word ' * 600,  # very long: cut to the length limit
    'x' * 5000,  # one very long token
]


@pytest.mark.parametrize("query", NASTY)
@pytest.mark.parametrize("mode", MODES)
def test_free_text_never_raises(searcher, query, mode):
    if not any(c.isalnum() for c in query):  # '*', ')]}', '"': nothing to search for, one clear message
        with pytest.raises(InvalidQuery, match="has no words, only punctuation or symbols"):
            searcher.search(query, k=5, mode=mode)
        return
    hits = searcher.search(query, k=5, mode=mode)
    assert len(hits) <= 5
    assert all(h.citation.startswith("A/69/207") for h in hits)


@pytest.mark.parametrize("query", ["", "   ", "\n\t", "\x00"])
def test_empty_query_gets_a_clear_message(searcher, query):
    with pytest.raises(InvalidQuery, match="the query is empty"):
        searcher.search(query)


@pytest.mark.parametrize(
    "query, expected",
    [
        ('migrants AND "remittances"', '"migrants" OR "AND" OR "remittances"'),
        ("cross-border", '"cross" OR "border"'),
        ('say "hi', '"say" OR "hi"'),
        ("*", ""),
    ],
)
def test_fts_query_quotes_every_word(query, expected):
    assert fts_query(query) == expected


def test_fts_query_is_valid_fts5_for_every_nasty_query(searcher):
    for q in NASTY:
        expr = keyword_query(q, searcher._ranking().acronyms).expression
        if expr:
            searcher._con.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (expr,)).fetchone()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("How many members does the Global Migration Group have?", ["members", "global", "migration", "group"]),
        ("What is IOM doing with diaspora communities?", ["iom", "diaspora", "communities"]),
        ("good jobs so people aren't forced to emigrate", ["good", "jobs", "people", "forced", "emigrate"]),
        ("what is it", ["what", "is", "it"]),  # only stopwords: keep them
    ],
)
def test_content_terms_drop_stopwords(query, expected):
    assert content_terms(query) == expected


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_ranks_best_first(searcher, mode):
    hits = searcher.search("fees migrant workers pay to recruitment agencies", k=8, mode=mode)
    assert len(hits) == 8
    assert [h.rank for h in hits] == list(range(1, 9))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_default_mode_is_hybrid(searcher):
    q = "what was the third round table about"
    assert [h.citation for h in searcher.search(q, k=5)] == [h.citation for h in searcher.search(q, k=5, mode="hybrid")]


def test_bm25_mode_returns_only_chunks_sharing_a_word(searcher):
    assert searcher.search("zzyzx qwertyuiop", mode="bm25") == []
    assert len(searcher.search("zzyzx qwertyuiop", k=3, mode="hybrid")) == 3  # dense always ranks


# Each case needs what a part of the ranking adds; the expected paragraphs are read from the report.
@pytest.mark.parametrize(
    "query, para, why",
    [
        # only one sentence of para. 68 is about reading: the paragraph vector misses it
        ("children of migrants do worse at reading in school", 68, "sentence vectors"),
        # "third round table" is said in para. 34 only; the embedding confuses ordinals
        ("what was the third round table about", 34, "bm25 weight for a query in the report's words"),
        # para. 75 writes "International Organization for Migration", never "IOM"
        ("IOM partnerships with diaspora communities", 75, "acronym expansion"),
        # a paraphrase whose words the report does not use: the embeddings decide
        ("host populations still see immigrants in a bad light", 60, "dense for paraphrase"),
    ],
)
def test_hybrid_finds_the_paragraph(searcher, query, para, why):
    assert searcher.search(query, k=1)[0].number == para, why


def test_acronyms_expand_both_ways(searcher):
    acr = searcher._ranking().acronyms
    assert acr.expand("What is IOM doing?") == {"IOM": "International Organization for Migration"}
    assert acr.expand("iom") == {}  # only as typed in capitals
    assert "OHCHR" in acr.abbreviations("Office of the United Nations High Commissioner for Human Rights on borders")
    kw = keyword_query("IOM and diaspora", acr)
    assert "International Organization for Migration" in kw.expansions
    assert kw.groups[0] == '"iom" OR "International Organization for Migration"'


@pytest.mark.parametrize(
    "text, acronym, name",
    [
        ("the International Organization for Migration and the International Organization for Migration",
         "IOM", "International Organization for Migration"),  # spelled, never defined
        ("ILO, the Office of the United Nations High Commissioner for Human Rights (OHCHR) and",
         "OHCHR", "Office of the United Nations High Commissioner for Human Rights"),  # defined
    ],
)
def test_find_acronyms(text, acronym, name):
    rows = {r[0]: r[1] for r in find_acronyms([text])}
    assert rows[acronym] == name


def test_initials():
    assert initials("United Nations Office on Drugs and Crime") == "UNODC"
    assert initials("High-level Dialogue") == "HLD"
    assert Acronyms([("IOM", "International Organization for Migration", 0)]).abbreviations(
        "international organization for migration") == []  # the corpus never uses IOM


@pytest.mark.parametrize(
    "text, sentences",
    [
        # real excerpts: abbreviations with a full stop do not end a sentence
        ("As of July 2014, 55 Member States have ratified ILO Convention No. 97 concerning Migration. "
         "In total, 87 countries have ratified at least one.", 2),
        ("The Secretary-General’s eight-point agenda for action (A/68/190, sect. V), which expresses the "
         "common vision, is aligned with the Declaration. The High-level Dialogue also reflected it.", 2),
        ("Migration could be incorporated (see table 2). Other countries called for targets.", 2),
        ("UNHCR promotes access for refugees to migrant worker schemes.", 1),
        ("e.g. UNICEF and UNFPA. A report on migration.", 2),
    ],
)
def test_split_sentences(text, sentences):
    spans = split_sentences(text)
    assert len(spans) == sentences
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_every_chunk_has_sentence_vectors(searcher):
    r = searcher._ranking()
    index, chunk_of, matrix = r._sentences()
    assert index.ntotal == len(chunk_of) > searcher.manifest.chunks
    assert set(chunk_of.tolist()) == set(range(searcher.manifest.chunks))
    assert list(chunk_of) == sorted(chunk_of)  # contiguous per chunk: the ranking relies on it


def test_index_without_sentence_vectors_still_ranks(index_dir, tmp_path):
    """An index written before sentence vectors existed ranks by chunk vectors alone."""
    build = (index_dir / "current").resolve()
    old = tmp_path / "old"
    shutil.copytree(build, old / "builds" / build.name)
    (old / "current").symlink_to(old / "builds" / build.name)
    copy = old / "builds" / build.name
    (copy / "sentences.faiss").unlink()
    con = sqlite3.connect(copy / "paracite.sqlite")
    con.execute("DROP TABLE sentences")
    con.execute("DROP TABLE acronyms")
    con.commit()
    con.close()
    with Searcher.open(old) as s:
        for mode in MODES:
            assert len(s.search("cost of sending money home", k=3, mode=mode)) == 3


def test_eval_meets_the_issue_targets_on_the_dev_set(searcher):
    """Issue #5: MRR@10 ≥ 0.85 and Recall@5 ≥ 0.95, and ≥ 0.05 MRR@10 above the better baseline."""
    report = searcher.evaluate(DEV)
    paracite, bm25, dense = (report.overall[s] for s in ("paracite", "bm25", "dense"))
    assert report.queries == 25 and report.doc == "A/69/207"
    assert paracite["mrr@10"] >= 0.85 and paracite["recall@5"] >= 0.95
    assert paracite["mrr@10"] >= max(bm25["mrr@10"], dense["mrr@10"]) + 0.05


def test_eval_command_json_shape(index_dir, capsys):
    assert main(["eval", str(OWN), "--json", "--index", str(index_dir)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["doc"] == "A/69/207" and out["queries"] == 30 and out["all_docs"] is False
    assert out["systems"] == ["paracite", "bm25", "dense"]
    metrics = ["recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10"]
    assert out["metrics"] == metrics
    for system in out["systems"]:
        assert list(out["overall"][system]) == metrics
        assert all(0.0 <= v <= 1.0 for v in out["overall"][system].values())
    assert set(out["by_kind"]) == {"fact", "paraphrase", "keyword", "entity", "multi", "negative-ish"}
    assert sum(v["n"] for v in out["by_kind"].values()) == 30
    q = out["per_query"][0]
    assert {"id", "query", "kind", "doc", "relevant", "partial", "paracite", "bm25", "dense"} <= set(q)
    assert len(q["paracite"]["ranking"]) == 10


def test_eval_command_text_table(index_dir, capsys):
    assert main(["eval", str(OWN), "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("A/69/207: 30 queries")
    assert out[1].split() == ["kind", "n", "system", "R@1", "R@5", "R@10", "MRR@10", "nDCG@10"]
    assert [line.split()[-6] for line in out[3:6]] == ["paracite", "bm25", "dense"]


@pytest.mark.parametrize(
    "content, argv, code, message",
    [
        ('{"query": "x", "relevant": [1]}\nnot json\n', [], 2, "line 2: not a query line"),
        ('{"query": 5, "relevant": [1]}\n', [], 2, "query must be non-empty text"),
        ('{"query": "x"}\n', [], 2, "the line judges no paragraph"),
        ('[1, 2]\n', [], 2, "a line must be a JSON object"),
        ("", [], 2, "no queries in the file"),
        ('{"query": "migrants", "relevant": [1]}\n', ["--doc", "A/99/1"], 4, "no document A/99/1"),
        (None, [], 2, "no such file"),
    ],
)
def test_eval_command_errors(index_dir, tmp_path, capsys, content, argv, code, message):
    path = tmp_path / "q.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["eval", str(path), *argv, "--index", str(index_dir)]) == code
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_parse_queries_reads_optional_fields():
    (q,) = parse_queries(['{"id": "x", "query": "q", "relevant": [46], "partial": [49], "kind": "k", "doc": "A/1"}'])
    assert (q.id, q.relevant, q.partial, q.kind, q.doc) == ("x", (46,), (49,), "k", "A/1")
    (q,) = parse_queries(['{"query": "q", "relevant": [1]}'])
    assert (q.id, q.partial, q.kind, q.doc) == ("1", (), "", None)
