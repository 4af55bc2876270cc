"""A UN symbol's part suffix (``DP/FPA/2025/4 (Part II)``) is part of the symbol, wherever a symbol
is read or typed (twenty-third session).

The reader took a symbol's first word, so Part II of a report was indexed as the bare report
symbol and Part I beside it would have been one document. The cases are masthead lines as page 1
prints them (the first is DP/FPA/2025/4 (Part II)'s own; the others are UN symbols of the same
forms: a section of the programme budget, a volume of the auditors' report, an addendum to a
section); the text document below is made of that report's real paragraphs.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from ingest.text.front_matter import masthead_symbols
from ingest.text.furniture import detect_symbol, is_furniture
from ingest.text.paragraphs import _symbol_from_name, parse_text
from ingest.text.symbol_suffix import bare_symbol, symbol_key
from search.cli import main
from search.context import cited_symbol
from index.symbol_lookup import find_symbol, parts_named, symbol_table

MASTHEADS = [
    ("United Nations DP/FPA/2025/4 (Part II)", ("DP/FPA/2025/4 (Part II)",)),
    ("United Nations DP/FPA/2025/4(Part II)", ("DP/FPA/2025/4 (Part II)",)),
    ("United Nations A/79/6 (Sect. 29A)", ("A/79/6 (Sect. 29A)",)),
    ("United Nations A/77/6 (Sect. 3)/Add.1", ("A/77/6 (Sect. 3)/Add.1",)),
    ("United Nations A/78/5 (Vol. I)", ("A/78/5 (Vol. I)",)),
    ("United Nations E/2024/15 (Part I)*", ("E/2024/15 (Part I)",)),
    ("United Nations A/79/6 (Supp.)", ("A/79/6 (Supp.)",)),
    # without a suffix nothing changes: addenda, corrigenda, a resolution's year, a joint symbol
    ("United Nations A/78/5/Add.1", ("A/78/5/Add.1",)),
    ("United Nations A/79/6/Corr.1", ("A/79/6/Corr.1",)),
    ("S/RES/2776 (2025)", ("S/RES/2776 (2025)",)),
    ("United Nations A/80/62*−E/2025/12*", ("A/80/62", "E/2025/12")),
    ("ICCD/COP(8)/CST/8", ("ICCD/COP(8)/CST/8",)),
    ("United Nations A/80/275 (English only)", ("A/80/275",)),
]


@pytest.mark.parametrize("line,want", MASTHEADS, ids=[m[0] for m in MASTHEADS])
def test_a_masthead_symbol_keeps_its_part(line: str, want: tuple) -> None:
    assert masthead_symbols(line) == want


_PARAS = [
    "The present report provides a summary of the five reports issued by the Joint Inspection Unit (JIU) that are "
    "of relevance to UNFPA and were received since the previous report to the Executive Board [DP/FPA/2024/4 "
    "(Part II)] and before the drafting this report.",
    "This report evaluates the effectiveness and challenges of flexible working arrangements across United Nations "
    "system organizations.",
    "This report evaluates the governance structures of the executive boards of UNDP, UNFPA, UNOPS, UNICEF and "
    "UN-Women, providing an in-depth analysis of existing oversight and accountability mechanisms.",
]
TEXT = ("DP/FPA/2025/4 (Part II)\n\nI. Overview of Joint Inspection Unit reports and notes\n"
        f"1.\n{_PARAS[0]}\n2.\n{_PARAS[1]}\n\n25-04747 (E)\n\f\nDP/FPA/2025/4 (Part II)\n\n3.\n{_PARAS[2]}\n")


def test_a_text_document_is_read_under_its_symbol_with_the_part_and_its_page_headers_are_dropped() -> None:
    doc = parse_text(TEXT, source="report.txt")
    assert doc.symbol == "DP/FPA/2025/4 (Part II)"
    paras = [c for c in doc.chunks if c.kind == "paragraph"]
    assert [c.citation for c in paras] == [f"DP/FPA/2025/4 (Part II), para. {n}" for n in (1, 2, 3)]
    assert [c.text for c in paras] == _PARAS  # the header on page 2 is no text


@pytest.mark.parametrize("text,want", [
    (TEXT, "DP/FPA/2025/4 (Part II)"),
    ("A/79/6(Sect. 29A)\n\n1.\nThe programme of work.\n\fA/79/6(Sect. 29A)\n", "A/79/6 (Sect. 29A)"),
    ("A/69/207\n\n1.\nIn its resolution 67/219 ...\n", "A/69/207"),
    ("Recalling its decision in DP/FPA/2024/4 (Part II), the Board ...", "DP/FPA/2024/4 (Part II)"),
])
def test_detect_symbol_keeps_the_part(text: str, want: str) -> None:
    assert detect_symbol(text) == want


def test_a_header_is_furniture_however_it_spaces_the_part() -> None:
    for line in ("DP/FPA/2025/4 (Part II)", "DP/FPA/2025/4(Part II)", "DP/FPA/2025/4 (Part  II)"):
        assert is_furniture(line, "DP/FPA/2025/4 (Part II)")
    assert not is_furniture("DP/FPA/2025/4 (Part I)", "DP/FPA/2025/4 (Part II)")


def test_the_file_name_fallback_keeps_the_part() -> None:
    assert _symbol_from_name("/x/DP_FPA_2025_4 (Part II).en.txt") == "DP/FPA/2025/4 (Part II)"


def test_typed_symbols_match_in_any_case_and_spacing() -> None:
    forms = ("DP/FPA/2025/4 (Part II)", "dp/fpa/2025/4 (part ii)", "DP/FPA/2025/4(Part II)", " DP/FPA/2025/4  (Part II) ")
    assert len({symbol_key(f) for f in forms}) == 1
    assert symbol_key("DP/FPA/2025/4 (Part I)") != symbol_key("DP/FPA/2025/4 (Part II)")
    assert bare_symbol("A/77/6 (Sect. 3)/Add.1") == "A/77/6" and bare_symbol("S/RES/2776 (2025)") == "S/RES/2776 (2025)"


@pytest.mark.parametrize("held,typed,want", [
    (["DP/FPA/2025/4 (Part II)", "A/69/207"], "dp/fpa/2025/4(part ii)", "DP/FPA/2025/4 (Part II)"),
    (["DP/FPA/2025/4 (Part II)", "A/69/207"], "DP/FPA/2025/4", "DP/FPA/2025/4 (Part II)"),  # the one part held
    (["E/2024/15 (Part I)", "E/2024/15 (Part II)"], "E/2024/15", None),                     # which part? see below
    (["E/2024/15", "E/2024/15 (Part II)"], "E/2024/15", "E/2024/15"),                        # the report itself
    (["DP/FPA/2025/4 (Part II)"], "DP/FPA/2025/4 (Part I)", None),
])
def test_find_symbol(held: list[str], typed: str, want: str | None) -> None:
    assert find_symbol(symbol_table({s: {"symbols": [s]} for s in held}), typed) == want


def test_the_bare_symbol_of_a_report_held_in_parts_names_its_parts() -> None:
    table = symbol_table({s: {} for s in ("E/2024/15 (Part I)", "E/2024/15 (Part II)", "E/2024/150")})
    assert parts_named(table, "e/2024/15") == ["E/2024/15 (Part I)", "E/2024/15 (Part II)"]


@pytest.mark.parametrize("cite,want", [
    ("DP/FPA/2025/4 (Part II), para. 3", ("DP/FPA/2025/4 (Part II)", ", para. 3")),
    ("dp/fpa/2025/4(part ii) para 3", ("dp/fpa/2025/4 (part ii)", " para 3")),
    ("A/69/207, para. 46", ("A/69/207", ", para. 46")),
])
def test_a_typed_citation_s_symbol_keeps_its_part(cite: str, want: tuple) -> None:
    assert cited_symbol(cite) == want


@pytest.fixture(scope="module")
def part_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("part")
    (root / "DP_FPA_2025_4 (Part II).txt").write_text(TEXT, encoding="utf-8")
    assert main(["ingest", str(root / "DP_FPA_2025_4 (Part II).txt"), "--index", str(root / "ix"), "--quiet"]) == 0
    return root / "ix"


@pytest.mark.parametrize("typed", ["DP/FPA/2025/4 (Part II)", "dp/fpa/2025/4 (part ii)", "DP/FPA/2025/4(Part II)",
                                   "DP/FPA/2025/4"])
def test_show_takes_the_symbol_as_users_type_it(part_index, typed: str, capsys) -> None:
    assert main(["show", typed, "3", "--index", str(part_index), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["citation"] == "DP/FPA/2025/4 (Part II), para. 3"


def test_search_doc_export_and_remove_take_it_too(part_index, tmp_path, capsys) -> None:
    assert main(["search", "governance structures", "--doc", "dp/fpa/2025/4(part ii)", "--index", str(part_index),
                 "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    hits = hits["results"] if isinstance(hits, dict) else hits
    assert hits and all(h["symbol"] == "DP/FPA/2025/4 (Part II)" for h in hits)
    assert main(["export", "--doc", "DP/FPA/2025/4(Part II)", "--index", str(part_index)]) == 0
    rows = [json.loads(l) for l in capsys.readouterr().out.splitlines() if l.strip()]
    assert {r["symbol"] for r in rows} == {"DP/FPA/2025/4 (Part II)"} and len(rows) >= 3
    assert main(["show", "DP/FPA/2025/4 (Part I)", "3", "--index", str(part_index)]) == 4
    assert "no document DP/FPA/2025/4 (Part I)" in capsys.readouterr().err


def test_the_web_page_links_a_symbol_with_spaces_and_parentheses(part_index) -> None:
    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(part_index)) as client:
        page = client.get("/d/DP/FPA/2025/4%20%28Part%20II%29")
        assert page.status_code == 200 and "DP/FPA/2025/4 (Part II)" in page.text
        results = client.get("/", params={"q": "governance structures of the executive boards"})
        links = sorted(set(re.findall(r'href="(/[pd]/DP/FPA[^"]*)"', results.text)))
        assert any(l.startswith("/p/") for l in links) and any(l.startswith("/d/") for l in links)
        for link in links:  # every link a result page prints opens
            assert client.get(html.unescape(link)).status_code == 200, link
        cite = client.get("/c", params={"citation": "dp/fpa/2025/4(part ii), para 3"}, follow_redirects=False)
        assert cite.status_code in (200, 302, 303, 307) and "governance" in client.get("/c", params={
            "citation": "dp/fpa/2025/4(part ii), para 3"}).text
        api = client.get("/api/paragraph", params={"symbol": "dp/fpa/2025/4(part ii)", "number": "3"})
        assert api.status_code == 200 and api.json()["citation"] == "DP/FPA/2025/4 (Part II), para. 3"


def test_the_bare_symbol_of_a_report_held_in_two_parts_is_an_error_naming_both() -> None:
    from search.document_views import DocumentViews

    views = DocumentViews()
    views._meta = {s: {"symbol": s, "symbols": [s]} for s in ("E/2024/15 (Part I)", "E/2024/15 (Part II)", "A/69/207")}
    assert views.resolve_documents(["e/2024/15 (part ii)", "E/2024/15"]) == (["E/2024/15 (Part II)"], ["E/2024/15"])
    said = str(views.missing_document("E/2024/15"))
    assert "no document E/2024/15 in this index; did you mean E/2024/15 (Part I) or E/2024/15 (Part II)?" in said


@pytest.fixture()
def parts_library(tmp_path):
    """One export file a document: a report held in one part, another held in two, a third whole."""
    from ingest.models import Chunk

    held = {"DP/FPA/2025/4 (Part II)": _PARAS[0], "E/2024/15 (Part I)": _PARAS[1], "E/2024/15 (Part II)": _PARAS[2],
            "A/69/207": "In its resolution 67/219, the General Assembly requested a report on migration."}
    for n, (symbol, text) in enumerate(held.items()):
        row = dict(Chunk(symbol, "paragraph", 1, text).to_dict(), symbols=[symbol])
        (tmp_path / f"doc{n}.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    ix = tmp_path / "ix"
    assert main(["ingest", *map(str, sorted(tmp_path.glob("*.jsonl"))), "--index", str(ix), "--quiet"]) == 0
    return ix


def _held(ix) -> list[str]:
    from search import Searcher

    with Searcher.open(ix) as s:
        return sorted(d["symbol"] for d in s.documents())


def test_remove_takes_a_symbol_as_search_doc_does(parts_library, capsys) -> None:
    """``remove`` built its own alias table, so ``remove DP/FPA/2025/4`` was refused though
    ``search --doc DP/FPA/2025/4`` searched the one part held; both now follow ``find_symbol``."""
    ix = str(parts_library)
    for typed, code in (("DP/FPA/2025/4", 0), ("E/2024/15", 4), ("e/2024/15(part i)", 0), ("A/69/2077", 4)):
        assert main(["search", "evaluation", "--doc", typed, "--index", ix, "--json"]) == code, typed
    capsys.readouterr()
    assert main(["remove", "E/2024/15", "--index", ix]) == 4  # which part? the one-line error names both
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean E/2024/15 (Part I) or E/2024/15 (Part II)?" in err
    assert main(["remove", "A/69/2077", "--index", ix]) == 4
    assert "did you mean A/69/207?" in capsys.readouterr().err
    assert main(["search", "evaluation", "--doc", "A 69 207", "--index", ix, "--json"]) == 0  # a search reads it
    assert main(["remove", "A 69 207", "--index", ix]) == 4  # a deletion does not guess at a loose symbol
    capsys.readouterr()
    assert len(_held(ix)) == 4  # refused: nothing changed
    assert main(["remove", "DP/FPA/2025/4", "e/2024/15(part i)", "--index", ix, "--quiet"]) == 0
    assert _held(ix) == ["A/69/207", "E/2024/15 (Part II)"]
    assert main(["remove", "doc2.jsonl", "--index", ix, "--quiet"]) == 0  # a file's name still names it
    assert _held(ix) == ["A/69/207"]
