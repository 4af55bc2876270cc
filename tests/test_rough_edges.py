"""Rough edges a new user met walking through the README (round 5, ux5): each test fails if one comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.build import CURRENT, ingest
from search import Searcher
from search.cli import main
from report_excerpts import report_excerpt


@pytest.fixture
def two_docs(tmp_path) -> Path:
    """An index of two small reports."""
    folder = tmp_path / "library"
    folder.mkdir()
    report_excerpt(folder, "one.txt", "A/69/901", 1, 3)
    report_excerpt(folder, "two.txt", "A/69/902", 1, 3)
    index = tmp_path / "ix"
    ingest([folder], index, progress=False)
    return index


def test_add_to_an_index_with_a_damaged_manifest_refuses_rather_than_drop_its_documents(two_docs, tmp_path, capsys):
    """`add` promises to keep what the index holds; when it cannot tell what that is, it must say so."""
    (two_docs / CURRENT / "manifest.json").write_text("{", encoding="utf-8")
    new = report_excerpt(tmp_path, "three.txt", "A/69/903", 1, 3)
    assert main(["add", str(new), "--index", str(two_docs), "--quiet"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"paracite: error: cannot add to {two_docs}: the index is damaged")
    assert "manifest.json is damaged" in err[0] and "paracite ingest PATH" in err[0]
    assert (two_docs / CURRENT / "manifest.json").read_text(encoding="utf-8") == "{"  # left as it was
    # `ingest` naming every file is the way out, and it works
    assert main(["ingest", str(tmp_path / "library"), str(new), "--index", str(two_docs), "--quiet"]) == 0
    with Searcher.open(two_docs) as s:
        assert sorted(d["symbol"] for d in s.documents()) == ["A/69/901", "A/69/902", "A/69/903"]


def test_a_paragraph_page_shows_a_bare_footnote_mark_as_a_mark_not_as_note_1(index_dir):
    """Para. 46 keeps only its footnote mark "9": an <ol> showed it as "1. 9", a note 1 reading "9"."""
    from starlette.testclient import TestClient

    from search.web import create_app

    with TestClient(create_app(index_dir)) as client:
        page = client.get("/p/A/69/207/46")
    assert page.status_code == 200
    assert "<li>Footnote 9 (its text is not in the index)</li>" in page.text
    assert '<ol class="footnotes">' not in page.text


@pytest.mark.parametrize("query", ["?", "...", " -- ", "«»"])
def test_a_query_of_punctuation_only_is_refused_in_one_line(query, index_dir, capsys):
    """"?" has nothing to search for: it used to rank paragraphs by the embedding of a question mark."""
    for command, what in (("search", "query"), ("ask", "question")):
        assert main([command, query, "--index", str(index_dir)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1
        assert err.startswith(f"paracite: error: the {what} ") and "has no words" in err
    from paracite.errors import InvalidQuery
    from search.searcher import _check_query

    with pytest.raises(InvalidQuery, match="has no words, only punctuation or symbols"):
        _check_query(query)
    assert _check_query("¿qué?") == "¿qué?" and _check_query("232") == "232"  # any letter or digit is a word


def test_progress_bars_stay_out_of_a_log_file(monkeypatch):
    """`paracite ingest ... 2> ingest.log` wrote screens of \\r-redrawn bars into the log."""
    import io

    from index.library import _Bars

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", io.StringIO())
    bars = _Bars(True, 3)
    assert bars.files is None and bars.chunks is None
    monkeypatch.setattr("sys.stderr", Terminal())
    bars = _Bars(True, 3)
    assert bars.files is not None and bars.chunks is not None
    bars.close()


def test_a_paragraph_asked_for_under_the_wrong_part_or_page_says_where_it_is(index_dir, capsys):
    for extra in (["--page", "3"], ["--part", "annex"]):
        assert main(["show", "A/69/207", "46", "--index", str(index_dir), *extra]) == 4
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.rstrip().endswith("; it has A/69/207, para. 46 (no --part or --page)")
    assert main(["show", "A/69/207", "460", "--index", str(index_dir)]) == 4  # nowhere: how far the numbers go
    assert capsys.readouterr().err == "paracite: error: A/69/207 has no paragraph 460 (its paragraphs are numbered 1 to 87)\n"


def test_the_hint_names_the_parts_and_pages_that_hold_the_number():
    import sqlite3

    from search.missing_hint import elsewhere

    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE chunks (id INTEGER PRIMARY KEY, symbol, kind, number, part, page, citation)")
    rows = [("A/80/38", "paragraph", 35, "part two", None, "A/80/38, part two, para. 35"),
            ("A/80/38", "paragraph", 35, "part three", None, "A/80/38, part three, para. 35")]
    rows += [("A/AC.172/2025/2", "paragraph", 2, "annex", p, f"A/AC.172/2025/2, annex, p. {p}, para. 2")
             for p in range(5, 10)]
    con.executemany("INSERT INTO chunks (symbol, kind, number, part, page, citation) VALUES (?, ?, ?, ?, ?, ?)", rows)
    assert str(elsewhere(con, "A/80/38", "paragraph", 35, "", None)) == (
        "; it has A/80/38, part two, para. 35 (--part 'part two'), A/80/38, part three, para. 35 (--part 'part three')")
    assert str(elsewhere(con, "A/AC.172/2025/2", "paragraph", 2, "", None)) == (
        "; it has A/AC.172/2025/2, annex, p. 5, para. 2 (--part annex --page 5), A/AC.172/2025/2, annex, p. 6, "
        "para. 2 (--part annex --page 6), A/AC.172/2025/2, annex, p. 7, para. 2 (--part annex --page 7) and 2 more")
    assert str(elsewhere(con, "A/80/38", "paragraph", 99, "annex", None)) == (
        "; A/80/38 has no part 'annex' (its parts: part two, part three)")
    assert str(elsewhere(con, "A/80/38", "paragraph", 99, "part two", None)) == " (its paragraphs are numbered 35 to 35)"
    assert str(elsewhere(con, "A/80/38", "table", 9, "", None)) == ""  # no such table, and nothing else to say


def test_a_file_given_as_index_is_named_a_file(tmp_path, capsys):
    """`--index report.pdf` used to say "no index here; run `paracite ingest PATH --index report.pdf`",
    advice that fails in turn (a file is no index folder)."""
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert main(["search", "migrants", "--index", str(pdf)]) == 3
    assert capsys.readouterr().err == (f"paracite: error: {pdf} is a file, not an index folder; --index takes the "
                                       "folder that `paracite ingest PATH... --index DIR` built\n")
    assert pdf.read_bytes() == b"%PDF-1.7\n"


def test_eval_of_a_folder_says_it_is_a_folder(tmp_path, index_dir, capsys):
    assert main(["eval", str(tmp_path), "--index", str(index_dir)]) == 2
    assert capsys.readouterr().err == f"paracite: error: {tmp_path} is a folder; give a JSON Lines file of judged queries\n"


def test_serve_refuses_a_file_as_index_rather_than_wait_for_an_ingest_that_cannot_come(tmp_path, capsys):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert main(["serve", "--index", str(pdf), "--port", "0"]) == 3
    assert capsys.readouterr().err == (f"paracite: error: {pdf} is a file, not an index folder; --index takes the "
                                       "folder that `paracite ingest PATH... --index DIR` built\n")


def test_filters_that_match_nothing_together_say_they_are_anded(index_dir, capsys):
    """The README's filter example printed only "No paragraphs match" on the bundled report."""
    base = ["search", "domestic workers", "--index", str(index_dir)]
    assert main(base + ["--org", "ILO", "--place", "Lebanon"]) == 0  # the README's example finds paragraphs
    assert "[1] A/69/207, para. 42" in capsys.readouterr().out
    assert main(base + ["--instrument", "Convention No. 189"]) == 0
    assert "[1] A/69/207, para. 40" in capsys.readouterr().out
    assert main(base + ["--org", "ILO", "--place", "Lebanon", "--instrument", "Convention No. 189"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["No paragraphs match the filters --org 'ILO', --place 'Lebanon', --instrument 'Convention No. 189'.",
                   "A paragraph must match every filter at once; drop one to see what the others match."]
    assert main(base + ["--place", "Atlantis"]) == 0  # one filter: nothing to drop, no hint
    assert "drop one" not in capsys.readouterr().out


@pytest.mark.parametrize("flag", [["--page", "2"], ["--part", "annex"], ["--context", "1"]])
def test_show_without_a_number_refuses_a_flag_it_would_ignore(flag, index_dir, capsys):
    """`show A/69/207 --page 2` printed the table of contents as if --page had not been given."""
    assert main(["show", "A/69/207", *flag, "--index", str(index_dir)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"paracite: error: {flag[0]} needs a paragraph number: `paracite show SYMBOL N {flag[0]} ...`")
    if flag[0] == "--part":  # alone, --part gets a part that is one chunk (a decision): this one is no part
        assert err.endswith("unless the part is one chunk (A/69/207, annex is not one chunk; A/69/207 has no part 'annex')\n")
    else:
        assert err.endswith("...`\n")


def test_pages_of_a_repeated_number_read_as_runs():
    from search.missing_hint import page_runs

    assert page_runs(list(range(5, 50))) == "5-49"
    assert page_runs([1, 2]) == "1, 2"
    assert page_runs([9, 3, 4, 5, 7]) == "3-5, 7, 9"


@pytest.mark.parametrize("typed, citation", [
    ("A/69/207 para 46", "A/69/207, para. 46"), ("a/69/207, paragraph 46", "A/69/207, para. 46"),
    ("A/69/207 para 4", "A/69/207, para. 4"), ("A/69/207 table 1", "A/69/207, table 1"),
    ("A/69/207, summary", "A/69/207, summary")])
def test_a_citation_typed_by_hand_finds_its_paragraph(typed, citation, searcher):
    """/c?citation=A/69/207 para 46 (no comma, no dot) answered "no chunk is cited as ..."."""
    from search.context import cited

    assert cited(searcher, typed).citation == citation


def test_a_loose_citation_of_nothing_is_still_not_found(searcher):
    from paracite.errors import NotFound
    from search.context import cited

    # the twenty-first session's wording: an unknown document as `show` names it, a known one with an example
    # since the twenty-fifth session a paragraph number alone gets `show`'s answer (its range)
    for typed, said in (("A/69/207 para 460", "A/69/207 has no paragraph 460 (its paragraphs are numbered 1 to "),
                        ("A/69/207 table 9", "nothing in A/69/207 is cited as 'A/69/207 table 9'; its paragraphs "
                                             "are cited as A/69/207, para. 1"),
                        ("A/69/20 para 46", "no document A/69/20 in this index"), ("% para 46", "no document % in"),
                        ("A/69/2077 para 46", "no document A/69/2077 in")):
        with pytest.raises(NotFound) as e:
            cited(searcher, typed)
        assert str(e.value).startswith(said)
    # since the twenty-fifth session a symbol typed loosely names the one document it can be (search.symbol_lookup)
    assert cited(searcher, "A/69/207_ para 46").citation == "A/69/207, para. 46"


def test_an_empty_question_is_called_a_question(index_dir, capsys):
    assert main(["ask", "  ", "--index", str(index_dir)]) == 2
    assert capsys.readouterr().err.strip() == "paracite: error: the question is empty; type some words to ask"


def test_a_mode_typed_in_capitals_is_the_mode(index_dir, capsys):
    assert main(["search", "remittances", "--mode", "BM25", "-k", "1", "--index", str(index_dir), "--json"]) == 0
    capsys.readouterr()
    with Searcher.open(index_dir) as s:
        assert [h.citation for h in s.search("remittances", k=3, mode="Dense")] == \
            [h.citation for h in s.search("remittances", k=3, mode="dense")]


def test_web_errors_name_query_parameters_not_command_line_flags(index_dir):
    from starlette.testclient import TestClient
    from search.web import create_app

    client = TestClient(create_app(index_dir))
    r = client.get("/api/search", params={"q": "remittances", "since": "soon"})
    assert r.status_code == 400 and r.json()["error"].startswith("since must be a date")
    page = client.get("/", params={"q": "remittances", "until": "2025-13"})
    assert page.status_code == 400 and "until must be a date" in page.text and "--until" not in page.text


def test_a_folder_of_reports_given_as_index_is_left_alone_and_named(tmp_path, capsys):
    """The two folders swapped (`add new.txt --index ~/reports`): an index was made among the reports
    (`.lock`, `cache/`, `builds/` beside them), and `search` advised building one there; `serve`
    waited for good. Each now refuses in one line and the folder keeps only the user's files."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "one.pdf").write_bytes((Path(__file__).parent / "fixtures" / "A_80_275.en.pdf").read_bytes())
    (reports / "notes.txt").write_text("a .txt of one's own in an index folder is allowed (test_ux_round20)")
    new = report_excerpt(tmp_path, "new.txt", "A/69/902", 1, 3)
    assert main(["add", str(new), "--index", str(reports), "--quiet"]) == 2
    assert main(["ingest", str(reports), "--index", str(reports), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and f"{reports} holds PDF files (one.pdf) and no index" in err
    assert sorted(p.name for p in reports.iterdir()) == ["notes.txt", "one.pdf"]
    for argv in (["search", "migrants"], ["docs"], ["serve", "--port", "0"]):
        assert main([*argv, "--index", str(reports)]) == 3
        err = capsys.readouterr().err
        assert err.startswith(f"paracite: error: {reports} holds PDF files (one.pdf), not an index; "
                              f"build one with `paracite ingest {reports} --index DIR`"), err
