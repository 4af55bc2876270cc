"""The eighteenth session's user audit (docs/user-audit-log.md, h-r18web): ask takes the same filters
on the command line, the API and the page, and refuses what only orders or sizes a search's hits
(``/api/ask?sort=date`` answered as if no order had been asked for); web errors name the query
parameters and the API's paths, never the command line's flags and commands."""

from __future__ import annotations

import json
import re
import sqlite3
from urllib.parse import urlencode

import pytest

from live_server import LiveServer
from paracite.errors import ParaciteError, UsageError
from paracite.wording import Said, option
from search.arguments import whole_number
from search.cli import main
from search.doc_filters import make_filter
from search.missing_hint import elsewhere
from search.part_names import whole_part_hint, whole_part_id
from search.web.errors import web_message

QUESTION = "How much did migrants and their families save from lower remittance costs?"


@pytest.fixture(scope="module")
def live(index_dir):
    server = LiveServer(index_dir).start()
    yield server
    server.stop()


def test_api_ask_refuses_what_only_orders_or_sizes_hits(live):
    for params, named in (({"sort": "date"}, "sort"), ({"k": "3", "mode": "bm25"}, "mode and k")):
        status, body = live.json("/api/ask?" + urlencode({"q": QUESTION, **params}))
        assert status == 400 and body["error"].startswith(named + " ") and "/api/search" in body["error"]
        assert "--" not in body["error"] and "since" in body["error"]  # names what it does take
    status, body = live.json("/api/ask?" + urlencode({"q": QUESTION, "sort": "relevance", "mode": "hybrid"}))
    assert status == 200 and body["answered"]  # the values that change nothing, as the form sends them


def test_the_ask_page_answers_and_says_it_did_not_use_the_search_only_fields(live):
    """Ask submits the search form as it stands, so the page answers and says what it left aside."""
    status, _, page = live.get("/ask?" + urlencode({"q": QUESTION, "sort": "date", "mode": "hybrid", "k": ""}))
    page = page.decode()
    assert status == 200 and "A/69/207, para. 46" in page
    assert "“Sort” applies to a search&#39;s results; the answer did not use it." in page
    _, _, plain = live.get("/ask?" + urlencode({"q": QUESTION, "mode": "hybrid", "k": ""}))
    assert "did not use" not in plain.decode()


def test_openapi_lists_the_filters_ask_takes(live):
    _, spec = live.json("/openapi.json")
    names = [p["name"] for p in spec["paths"]["/api/ask"]["get"]["parameters"]]
    assert names[0] == "q" and {"doc", "org", "place", "instrument", "kind", "since", "until", "body"} <= set(names)
    assert not {"sort", "k", "mode"} & set(names)


def test_cli_ask_takes_the_entity_and_kind_filters_the_api_takes(live, index_dir, capsys):
    """``paracite ask --org/--place/--instrument/--kind`` (the API and page took them, the CLI did not):
    the same answer as ``/api/ask`` with the same filters, and a note for a name that matches nothing."""
    assert main(["ask", QUESTION, "--org", "IFAD", "--index", str(index_dir), "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    status, api = live.json("/api/ask?" + urlencode({"q": QUESTION, "org": "IFAD"}))
    assert status == 200 and cli == {k: v for k, v in api.items() if k != "notes"}
    assert cli["answered"] and "A/69/207, para. 46" in cli["citations"]  # para. 46 names IFAD
    assert main(["ask", QUESTION, "--org", "Nonexistent Agency", "--kind", "table", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "paracite: no organization named 'Nonexistent Agency' in this index" in out


def test_web_errors_name_parameters_not_command_line_flags(live, monkeypatch):
    import search.document_views

    monkeypatch.setattr(search.document_views, "MAX_LISTED", 0)  # an unknown symbol's "see `paracite docs`"
    for path in ("/api/paragraph?symbol=A/69/207&number=abc", "/api/paragraph?symbol=A/69/207&number=46&page=2",
                 "/api/paragraph?symbol=NOPE&number=1", "/api/search?q=migrants&since=2025&until=2024",
                 "/api/search?q=migrants&k=0", "/api/ask?q=migrants&sort=date"):
        status, body = live.json(path)
        assert status in (400, 404) and not re.search(r"(?<!\w)--?\w|`paracite|`show", body["error"]), (path, body)
    _, body = live.json("/api/paragraph?symbol=NOPE&number=1")
    assert body["error"].endswith("/api/documents lists them")
    _, _, page = live.get("/p/A/69/207/46?page=2")
    assert "(no part or page)" in page.decode() and "--" not in page.decode().split("role=\"alert\"")[1][:300]


def _hint_store() -> sqlite3.Connection:
    """Chunks of documents with parts and pages, in the index's own table (``index.store``)."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE chunks (id INTEGER PRIMARY KEY, symbol TEXT, kind TEXT, number INTEGER, "
                "part TEXT NOT NULL DEFAULT '', page INTEGER, citation TEXT)")
    con.executemany("INSERT INTO chunks (symbol, kind, number, part, page, citation) VALUES (?, ?, ?, ?, ?, ?)", [
        ("A/80/38", "paragraph", 35, "part three", None, "A/80/38, part three, para. 35"),
        ("E/2025/31", "paragraph", 1, "draft resolution I", None, "E/2025/31, draft resolution I, para. 1"),
        ("E/2025/24", "part", 0, "chap. I, decision 56/101", None, "E/2025/24, chap. I, decision 56/101"),
        ("S/2025/41", "paragraph", 3, "annex", 2, "S/2025/41, annex, p. 2, para. 3"),
        ("A/69/207", "paragraph", 46, "", None, "A/69/207, para. 46"),
    ])
    return con


def _raised(call):
    try:
        call()
    except ParaciteError as e:
        return e
    raise AssertionError("no error")


@pytest.mark.parametrize("make, cli, web", [
    (lambda con: Said.of("A/80/38 has no paragraph 35", elsewhere(con, "A/80/38", "paragraph", 35, "", None)),
     "A/80/38 has no paragraph 35; it has A/80/38, part three, para. 35 (--part 'part three')",
     "A/80/38 has no paragraph 35; it has A/80/38, part three, para. 35 (part=part three)"),
    (lambda con: Said.of("S/2025/41 has no paragraph 3", elsewhere(con, "S/2025/41", "paragraph", 3, "", None)),
     "S/2025/41 has no paragraph 3; it has S/2025/41, annex, p. 2, para. 3 (--part annex --page 2)",
     "S/2025/41 has no paragraph 3; it has S/2025/41, annex, p. 2, para. 3 (part=annex page=2)"),
    (lambda con: Said.of("A/69/207 has no paragraph 46 on page 2", elsewhere(con, "A/69/207", "paragraph", 46, "", 2)),
     "A/69/207 has no paragraph 46 on page 2; it has A/69/207, para. 46 (no --part or --page)",
     "A/69/207 has no paragraph 46 on page 2; it has A/69/207, para. 46 (no part or page)"),
    (lambda con: _raised(lambda: whole_part_id(con, "E/2025/31", "draft resolution I")),
     "E/2025/31, draft resolution I is not one chunk; it is cited by paragraph, from E/2025/31, draft resolution I, "
     "para. 1 (`show E/2025/31 1 --part 'draft resolution I'`)",
     "E/2025/31, draft resolution I is not one chunk; it is cited by paragraph, from E/2025/31, draft resolution I, "
     "para. 1"),
    (lambda con: _raised(lambda: whole_part_id(con, "E/2025/31", "")),
     "give a paragraph number, or a part that is one chunk (`--part 'decision 56/101'`)",
     "give a paragraph number, or a part that is one chunk (part=decision 56/101)"),
    (lambda con: Said.of("E/2025/24 has no paragraph 2", whole_part_hint(con, "E/2025/24", "chap. I, decision 56/101")),
     "E/2025/24 has no paragraph 2; it is one chunk, E/2025/24, chap. I, decision 56/101 "
     "(`show E/2025/24 --part 'chap. I, decision 56/101'`)",
     "E/2025/24 has no paragraph 2; it is one chunk, E/2025/24, chap. I, decision 56/101"),
    (lambda con: _raised(lambda: make_filter("2025", "2024")),
     "--since 2025 is after --until 2024; swap them", "since 2025 is after until 2024; swap them"),
    (lambda con: _raised(lambda: make_filter("Mai 2025")),  # "May 2025" is read since the twenty-fifth session
     "--since must be a date as YYYY, YYYY-MM or YYYY-MM-DD (or 12 March 2025), got 'Mai 2025'",
     "since must be a date as YYYY, YYYY-MM or YYYY-MM-DD (or 12 March 2025), got 'Mai 2025'"),
    (lambda con: _raised(lambda: whole_number("0", option("k"), 1)), "-k must be at least 1, got 0",
     "k must be at least 1, got 0"),
    (lambda con: Said.of("give the page (", option("page", "N", code=True), ")"), "give the page (`--page N`)",
     "give the page (page=N)"),
])
def test_the_command_line_s_hints_in_the_web_s_words(make, cli, web):
    """Hints of documents with parts and pages (``search.missing_hint``, ``search.part_names``), dates and
    counts: each error carries both wordings (``paracite.wording``), ``str`` the command line's."""
    said = make(_hint_store())
    error = said if isinstance(said, ParaciteError) else UsageError(said)
    assert str(error) == cli and web_message(error) == web


def test_plain_messages_read_the_same_on_the_web():
    assert web_message(UsageError("unknown sort 'x'; choose relevance or date")) == "unknown sort 'x'; choose relevance or date"
    assert web_message(ValueError("--since as typed")) == "--since as typed"  # no rewriting of other text


@pytest.mark.parametrize("argv, helped", [(["ask", "Who?", "--sort", "date"], "paracite ask --help"),
                                          (["search", "migrants", "--nope"], "paracite search --help"),
                                          (["--nope"], "paracite --help")])
def test_an_unknown_option_points_to_its_command_s_help(argv, helped, capsys):
    """``paracite ask "..." --sort date`` said "see `paracite --help`", whose page lists no command's
    options; the command's own help does."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err.strip()
    assert exit_.value.code == 2 and err.startswith("paracite: error: unrecognized arguments: ")
    assert err.endswith(f"(see `{helped}`)") and len(err.splitlines()) == 1
