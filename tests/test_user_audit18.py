"""The eighteenth session's user audit (docs/user-audit-log.md, h-r18web): ask takes the same filters
on the command line, the API and the page, and refuses what only orders or sizes a search's hits
(``/api/ask?sort=date`` answered as if no order had been asked for); web errors name the query
parameters and the API's paths, never the command line's flags and commands."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest

from live_server import LiveServer
from search.cli import main
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


@pytest.mark.parametrize("cli, web", [
    ("A/80/38 has no paragraph 35; it has A/80/38, part three, para. 35 (--part 'part three')",
     "A/80/38 has no paragraph 35; it has A/80/38, part three, para. 35 (part=part three)"),
    ("S/2025/41 numbers its paragraphs by page; paragraph 3 is on pages 1-2: give the page (`--page N`)",
     "S/2025/41 numbers its paragraphs by page; paragraph 3 is on pages 1-2: give the page (page=N)"),
    ("E/2025/31 has no paragraph 9; it is cited by paragraph, from E/2025/31, draft resolution I, para. 1 "
     "(`show E/2025/31 1 --part 'draft resolution I'`)",
     "E/2025/31 has no paragraph 9; it is cited by paragraph, from E/2025/31, draft resolution I, para. 1"),
    ("give a paragraph number, or a part that is one chunk (`--part 'decision 56/101'`)",
     "give a paragraph number, or a part that is one chunk (part=decision 56/101)"),
])
def test_the_command_line_s_hints_in_the_web_s_words(cli, web):
    """Hints of documents with parts and pages (``search.missing_hint``, ``search.part_names``)."""
    assert web_message(ValueError(cli)) == web


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
