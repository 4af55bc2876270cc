"""Documents as records, end to end (issue #14): metadata through ingest, index, export and search;
date and organ filters that never let an out-of-range document through; ``docs``, ``show``, context."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from conftest import FIXTURES
from index import build_index
from ingest import read_document, read_documents
from paracite.errors import NotFound, UsageError
from search import Searcher
from search.cli import main
from search.doc_filters import date_range

# (symbol, date, bodies): dates of every precision, one undated document
LIBRARY = [
    ("S/2025/101", "2025-03-10", ["Security Council"]),
    ("A/80/102", "2025", ["General Assembly"]),
    ("E/2024/103", "2024-07-01", ["Economic and Social Council", "Executive Board of the United Nations Children’s Fund"]),
    ("A/79/104", "2024-12-31", ["General Assembly", "Security Council"]),
    ("A/79/105", None, ["General Assembly"]),
]


@pytest.fixture(scope="module")
def library(tmp_path_factory, doc) -> Path:
    """An index of five small documents made from an export file whose records carry metadata."""
    folder = tmp_path_factory.mktemp("library")
    paras = [c for c in doc.chunks if c.kind == "paragraph"][:20]
    lines = []
    for n, (symbol, date, bodies) in enumerate(LIBRARY):
        for k, chunk in enumerate(paras[4 * n: 4 * n + 4], 1):
            lines.append(json.dumps({"symbol": symbol, "kind": "paragraph", "number": k, "text": chunk.text,
                                     "section": [f"I. Part of {symbol}"] if k < 3 else ["II. Later"],
                                     "title": f"Report {symbol}", "date": date, "bodies": bodies,
                                     "session": "Eightieth session", "agenda_items": ["72 (b)"],
                                     "symbols": [symbol], "doc_type": "report of the Secretary-General",
                                     "pages": 4}, ensure_ascii=False))
    source = folder / "library.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = folder / "index"
    build_index([source], index, progress=False)
    return index


@pytest.fixture(scope="module")
def lib(library):
    s = Searcher.open(library)
    yield s
    s.close()


def test_a_pdf_gives_its_page_one_metadata() -> None:
    d = read_document(FIXTURES / "A_80_275.en.pdf")
    assert (d.date, d.bodies, d.session, d.agenda_items, d.symbols, d.doc_type, d.pages) == (
        "2025-07-29", ("General Assembly", "Security Council"), "Eightieth session; Eightieth year", ("129",),
        ("A/80/275", "S/2025/491"), "note by the Secretary-General", 18)


def test_docs_json_has_exactly_the_fields_newest_first(library, capsys) -> None:
    assert main(["docs", "--json", "--index", str(library)]) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [set(d) for d in docs] == [{"symbol", "title", "date", "bodies", "session", "agenda_items", "symbols",
                                       "doc_type", "pages", "chunks"}] * len(LIBRARY)
    assert [d["symbol"] for d in docs] == ["S/2025/101", "A/80/102", "A/79/104", "E/2024/103", "A/79/105"]
    assert docs[0]["chunks"] == 4 and docs[0]["agenda_items"] == ["72 (b)"] and docs[-1]["date"] is None


def test_hits_carry_their_documents_date_and_organs(lib) -> None:
    hits = lib.search("migrants", k=30, mode="bm25")
    dates = {s: d for s, d, _ in LIBRARY}
    assert hits and all(h.date == dates[h.symbol] for h in hits)
    assert all(h.to_dict()["bodies"] == list(h.bodies) for h in hits)


BOUNDS = [None, "2024", "2024-07", "2024-07-01", "2024-07-02", "2024-12", "2025", "2025-03", "2025-03-10", "2025-06"]


@pytest.mark.parametrize("since,until", [(a, b) for a, b in itertools.product(BOUNDS, BOUNDS)
                                         if (a or b) and (not a or not b or date_range(a)[0] <= date_range(b)[1])])
def test_date_filters_never_let_an_out_of_range_document_through(lib, since, until) -> None:
    hits = lib.search("migrants development", k=50, mode="bm25", since=since, until=until)
    records = list(lib.export(since=since, until=until))
    for date in [h.date for h in hits] + [r["date"] for r in records]:
        assert date is not None
        lo, hi = date_range(date)
        assert not since or lo >= date_range(since)[0]
        assert not until or hi <= date_range(until)[1]
    # and nothing inside the range is dropped
    inside = {s for s, d, _ in LIBRARY if d and (not since or date_range(d)[0] >= date_range(since)[0])
              and (not until or date_range(d)[1] <= date_range(until)[1])}
    assert {r["symbol"] for r in records} == inside


def test_a_year_counts_as_the_whole_year(lib) -> None:
    kept = lib.doc_selection(since="2025").symbols
    assert kept == {"S/2025/101", "A/80/102"}
    sel = lib.doc_selection(until="2025-06")
    assert "A/80/102" not in sel.symbols and any("A/80/102" in n for n in sel.notes)
    assert any("A/79/105" in n and "no printed date" in n for n in sel.notes)


@pytest.mark.parametrize("body,want", [
    ("ECOSOC", {"E/2024/103"}),
    ("Security Council", {"S/2025/101", "A/79/104"}),
    ("security council", {"S/2025/101", "A/79/104"}),
    ("UNICEF", {"E/2024/103"}),
    ("Executive Board", {"E/2024/103"}),
    ("GA", {"A/80/102", "A/79/104", "A/79/105"}),
    (["ECOSOC", "SC"], {"E/2024/103", "S/2025/101", "A/79/104"}),
    ("Council of Nowhere", set()),
])
def test_body_filter_by_name_or_acronym(lib, body, want) -> None:
    assert {h.symbol for h in lib.search("migrants", k=50, mode="bm25", body=body)} <= want
    assert {r["symbol"] for r in lib.export(body=body)} == want


def test_sort_by_date_puts_the_newest_first(lib) -> None:
    by_relevance = lib.search("migrants development", k=10, mode="bm25")
    by_date = lib.search("migrants development", k=10, mode="bm25", sort="date")
    assert {h.citation for h in by_date} == {h.citation for h in by_relevance}
    keys = [date_range(h.date)[0] if h.date else "" for h in by_date]
    assert [k for k in keys if k] == sorted([k for k in keys if k], reverse=True)


@pytest.mark.parametrize("argv", [["search", "x", "--since", "2025-13"], ["search", "x", "--until", "25"],
                                  ["export", "--since", "2025-02-30"], ["ask", "why?", "--until", "05/04/2025"],
                                  ["search", "x", "--since", "2025", "--until", "2024"]])
def test_a_bad_date_is_a_usage_error(library, argv, capsys) -> None:
    assert main(argv + ["--index", str(library)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("paracite: error: ") and err.count("\n") == 1


def test_an_undated_document_left_out_says_so(library, capsys) -> None:
    assert main(["search", "migrants", "--since", "2024", "--index", str(library), "--mode", "bm25"]) == 0
    assert "A/79/105" in capsys.readouterr().out


def test_show_symbol_prints_metadata_and_contents(library, capsys) -> None:
    assert main(["show", "E/2024/103", "--index", str(library)]) == 0
    out = capsys.readouterr().out
    assert "2024-07-01" in out and "Executive Board of the United Nations Children’s Fund" in out
    assert "I. Part of E/2024/103  (paras. 1–2)" in out and "II. Later  (paras. 3–4)" in out


def test_show_with_context_cites_each_paragraph(library, lib, capsys) -> None:
    assert main(["show", "S/2025/101", "2", "--context", "1", "--index", str(library)]) == 0
    out = capsys.readouterr().out
    assert [l for l in out.splitlines() if l.startswith("S/2025/101")] == [
        "S/2025/101, para. 1", "S/2025/101, para. 2  <- asked for", "S/2025/101, para. 3"]
    assert [h.citation for h in lib.context("S/2025/101", 4, 2)] == ["S/2025/101, para. 2", "S/2025/101, para. 3",
                                                                   "S/2025/101, para. 4"]
    with pytest.raises(UsageError):
        lib.context("S/2025/101", 1, -1)


def test_show_with_context_marks_the_paragraph_asked_for_only(library, capsys) -> None:
    assert main(["show", "S/2025/101", "2", "--context", "1", "--json", "--index", str(library)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d.get("asked", False) for d in out] == [True if d["citation"].endswith("para. 2") else False for d in out]
    assert sum(d.get("asked", False) for d in out) == 1 and "asked" not in out[0]
    assert main(["show", "S/2025/101", "2", "--json", "--index", str(library)]) == 0
    assert "asked" not in json.loads(capsys.readouterr().out)  # alone, it needs no mark
    assert main(["show", "S/2025/101", "2", "--index", str(library)]) == 0
    assert "asked for" not in capsys.readouterr().out


def test_document_of_an_unknown_symbol_is_not_found(lib) -> None:
    with pytest.raises(NotFound):
        lib.document("A/1/1")


def test_export_round_trips_the_metadata(library, lib, tmp_path, capsys) -> None:
    assert main(["export", "--index", str(library)]) == 0
    path = tmp_path / "again.jsonl"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    again = {d.symbol: d for d in read_documents(path)}
    for symbol, date, bodies in LIBRARY:
        d = again[symbol]
        assert (d.date, list(d.bodies), d.session, d.agenda_items, d.doc_type, d.pages) == (
            date, bodies, "Eightieth session", ("72 (b)",), "report of the Secretary-General", 4)
    assert all(json.loads(l)["date"] == dict((s, d) for s, d, _ in LIBRARY)[json.loads(l)["symbol"]]
               for l in path.read_text(encoding="utf-8").splitlines())


def test_ask_takes_evidence_only_from_the_filtered_documents(lib) -> None:
    answer = lib.ask("How many international migrants were there?", body="ECOSOC")
    cited = list(answer.citations) + [h.citation for h in answer.closest]
    assert cited and all(c.startswith("E/2024/103,") for c in cited)


def test_docs_text_lists_each_document_with_its_facts(library, capsys) -> None:
    assert main(["docs", "--index", str(library)]) == 0
    out = capsys.readouterr().out
    assert out.index("S/2025/101  2025-03-10") < out.index("A/80/102  2025 ") < out.index("A/79/105  no date")
    assert "organs: Economic and Social Council; Executive Board of the United Nations Children’s Fund" in out
    assert "agenda items: 72 (b)" in out and "session: Eightieth session" in out


def test_docs_short_gives_one_line_per_document_newest_first(library, capsys) -> None:
    assert main(["docs", "--index", str(library)]) == 0
    full = capsys.readouterr().out
    assert main(["docs", "--short", "--index", str(library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    symbols = [line.split()[0] for line in lines]
    assert len(lines) == full.count("\n\n") and len(set(symbols)) == len(lines)
    assert symbols.index("S/2025/101") < symbols.index("A/80/102") < symbols.index("A/79/105")
    assert all(len(line) <= 120 for line in lines) and "2025-03-10" in lines[symbols.index("S/2025/101")]
    assert all(line == line.rstrip() for line in lines)
    assert main(["docs", "--short", "--since", "2030", "--index", str(library)]) == 0
    assert "No documents match --since 2030" in capsys.readouterr().out


def test_show_document_json_has_its_contents(library, capsys) -> None:
    assert main(["show", "a/80/102", "--json", "--index", str(library)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["symbol"] == "A/80/102" and d["date"] == "2025"
    assert [(c["section"], c["first"], c["last"]) for c in d["contents"]] == [
        (["I. Part of A/80/102"], "para. 1", "para. 2"), (["II. Later"], "para. 3", "para. 4")]
    assert main(["show", "A/80/102", "--context", "1", "--index", str(library)]) == 2


def test_an_old_masthead_organ_in_large_bold_type_is_not_the_title():
    """A/52/687 (1997, OCR layer): "General Assembly" in large bold above the "Distr." block is the
    masthead's organ; the metadata under it must still be read (the page-1 header stops at the
    title, and a "title" above "Distr." would leave no header at all)."""
    from ingest import read_document

    doc = read_document(Path(__file__).parent / "fixtures" / "A_52_687.en.pdf")
    assert doc.symbol == "A/52/687"
    assert (doc.date, doc.session, doc.agenda_items) == ("1997-11-18", "Fifty-second session", ("44",))
    assert doc.bodies == ("General Assembly",)


def test_docs_takes_the_date_and_organ_filters(library, capsys) -> None:
    """A library of hundreds: `paracite docs --since 2025 --body SC` lists what a search would search."""
    assert main(["docs", "--json", "--since", "2024-07", "--until", "2024", "--index", str(library)]) == 0
    out, err = capsys.readouterr()
    assert [d["symbol"] for d in json.loads(out)] == ["A/79/104", "E/2024/103"]
    assert "no printed date left out by the date filter: A/79/105" in err
    assert main(["docs", "--body", "SC", "--index", str(library)]) == 0
    out = capsys.readouterr().out
    assert "S/2025/101  2025-03-10" in out and "A/79/104  2024-12-31" in out and "A/80/102" not in out
    assert main(["docs", "--body", "UNHCR", "--index", str(library)]) == 0
    out = capsys.readouterr().out
    assert "No documents match --body 'UNHCR': the index's organs are " in out
    assert main(["docs", "--since", "2025-13", "--index", str(library)]) == 2
    with Searcher.open(library) as s:
        assert [d["symbol"] for d in s.documents(body="ECOSOC")] == ["E/2024/103"]


def test_search_per_document_keeps_each_documents_best_hits_in_the_searchs_order(lib) -> None:
    from search.per_document import search_per_document

    query = "remittances sent home by migrants"
    full = lib.search(query, k=20)
    assert len({h.symbol for h in full}) == len(LIBRARY) and len(full) > len(LIBRARY)  # several a document
    one = search_per_document(lib, query, per_doc=1)
    assert [h.citation for h in one] == [h.citation for h in full if h is next(x for x in full if x.symbol == h.symbol)]
    assert [h.rank for h in one] == list(range(1, len(LIBRARY) + 1))
    two = search_per_document(lib, query, per_doc=2, k=7)
    assert len(two) == 7 and max(sum(h.symbol == s for h in two) for s, _, _ in LIBRARY) == 2
    kept = [h for i, h in enumerate(full) if sum(x.symbol == h.symbol for x in full[:i]) < 2][:7]
    assert [h.citation for h in two] == [h.citation for h in kept]
    dated = search_per_document(lib, query, per_doc=1, sort="date", body="General Assembly")
    assert [h.symbol for h in dated] == ["A/80/102", "A/79/104", "A/79/105"]  # 2025, 2024-12-31, undated
    with pytest.raises(UsageError, match="per-doc must be at least 1"):
        search_per_document(lib, query, per_doc=0)


def test_search_per_doc_on_the_command_line(library, capsys) -> None:
    assert main(["search", "remittances sent home by migrants", "--per-doc", "1", "--json",
                 "--index", str(library)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert sorted(h["symbol"] for h in hits) == sorted(s for s, _, _ in LIBRARY)
    assert main(["search", "remittances", "--per-doc", "none", "--index", str(library)]) == 2
    assert capsys.readouterr().err.strip() == "paracite: error: --per-doc must be a whole number, got 'none'"
