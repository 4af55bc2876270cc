"""The nineteenth session's user audit (docs/user-audit-log.md, h-r19ux): what a policy analyst adding
documents every week tripped over. Each test fails without its fix."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest

from live_server import LiveServer
from pdf_samples import write_pdf
from search.cli import main
from search.searcher import MAX_QUERY_CHARS
from test_serve_browser import _missing, browser  # noqa: F401  (the browser tests' Chromium fixture)

LONG = "remittance costs " * 300  # a pasted paragraph's length: 5,100 characters


def _exports(folder, symbols):
    """One-paragraph documents, each in its own export file (cheap to ingest, real chunks)."""
    from ingest.models import Chunk

    for sym in symbols:
        row = dict(Chunk(sym, "paragraph", 1, f"Report {sym} on the power grid of the region.").to_dict(), symbols=[sym])
        (folder / f"{sym.replace('/', '_')}.jsonl").write_text(json.dumps(row) + "\n")
    return sorted(folder.glob("*.jsonl"))


# -- a library of more than 20 documents: which document did the new file become? ------------------

def test_add_names_the_documents_added_changed_and_removed(tmp_path, capsys):
    """Above 20 documents the summary listed none, so `paracite add A_80_300.pdf` said "1 added" and
    never which symbol the file was indexed under; `remove` and a changed file likewise."""
    lib = tmp_path / "lib"
    lib.mkdir()
    files = _exports(lib, [f"A/80/{n}" for n in range(901, 922)])  # 21 documents
    ix = str(tmp_path / "ix")
    assert main(["ingest", *map(str, files), "--index", ix, "--quiet"]) == 0
    first = capsys.readouterr().out.splitlines()
    assert len(first) == 1 and "21 added" in first[0]  # a first ingest lists nothing: every document is new
    new = _exports(tmp_path, ["S/2025/999"])[0]
    assert main(["add", str(new), "--index", ix, "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "1 added" in out[0] and out[1:] == ["  added: S/2025/999"]
    row = json.loads(files[0].read_text())
    files[0].write_text(json.dumps(dict(row, text=row["text"] + " Revised.")) + "\n")
    assert main(["add", str(files[0]), "--index", ix, "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["  changed: A/80/901"]
    assert main(["remove", "A/80/902", "s/2025/999", "--index", ix, "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()  # 20 left: listed, then which went
    assert out[-1] == "  removed: A/80/902, S/2025/999" and "  A/80/901 (1 chunk), A/80/903 (1 chunk)," in out[1]


def test_the_ingest_report_carries_the_symbols_behind_its_counts(tmp_path):
    from index.build import ingest

    files = _exports(tmp_path, ["A/80/901", "A/80/902"])
    ix = tmp_path / "ix"
    ingest(files[:1], ix, progress=False, jobs=0)
    report = ingest(files[1:], ix, progress=False, jobs=0, add=True)
    assert (report.added, report.added_symbols, report.changed_symbols, report.removed_symbols) == \
        (1, ["A/80/902"], [], [])


def test_a_file_without_a_symbol_is_noted_when_read_not_on_every_later_ingest(tmp_path, capsys):
    """Each weekly `add` repeated "no UN document symbol; indexed as 'brief'" for every brief the
    library already held (the note was replayed from the cache with the unchanged file)."""
    brief = write_pdf(tmp_path / "brief.pdf", [[(72, 72, 10, False, "Remittance costs fell in 2024 in most corridors.")]])
    other = _exports(tmp_path, ["A/80/901"])[0]
    ix = str(tmp_path / "ix")
    assert main(["ingest", str(brief), "--index", ix, "--quiet"]) == 0
    assert "no UN document symbol; indexed as 'brief'" in capsys.readouterr().err
    assert main(["add", str(other), "--index", ix, "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert "1 added" in out and err == ""
    brief.write_bytes(brief.read_bytes() + b"\n% revised\n")  # read again: said again
    assert main(["add", str(brief), "--index", ix, "--quiet"]) == 0
    assert "no UN document symbol" in capsys.readouterr().err


# -- eval over a set written for a larger library ---------------------------------------------------

def test_eval_counts_a_document_the_index_does_not_hold_as_a_miss_and_names_it(tmp_path, capsys):
    """The README: a judged chunk the index does not hold, a document not ingested included, counts as a
    miss and is named in a warning. A line naming such a document stopped the whole run (exit 4)."""
    ix = str(tmp_path / "ix")
    assert main(["ingest", *map(str, _exports(tmp_path, ["A/80/901", "A/80/902"])), "--index", ix, "--quiet"]) == 0
    queries = tmp_path / "q.jsonl"
    queries.write_text("".join(json.dumps(q) + "\n" for q in (
        {"query": "power grid report 901", "symbol": "A/80/901", "para": 1},
        {"query": "power grid report 950", "symbol": "A/80/950", "para": 3},
        {"query": "power grid report 902", "doc": "A/80/977", "relevant": [1]})))
    capsys.readouterr()
    assert main(["eval", str(queries), "--index", ix]) == 0
    out = capsys.readouterr().out
    assert "3 queries about 1 of them and 2 it does not hold" in out
    assert "warning: 2 document(s) the queries name are not in the index" in out and "A/80/950, A/80/977" in out
    assert "A/80/950, para. 3" in out  # the judged citation too, as a miss
    assert main(["eval", str(queries), "--index", ix, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["absent"] == ["A/80/950", "A/80/977"]
    assert [r["paracite"]["recall@10"] for r in report["per_query"]][1:] == [0.0, 0.0]


# -- a pasted paragraph as a query -----------------------------------------------------------------

def test_cli_says_when_a_long_query_is_cut(index_dir, capsys):
    assert main(["search", LONG, "-k", "1", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"paracite: note: the query is {len(LONG.strip()):,} characters long; "
                          f"only its first {MAX_QUERY_CHARS:,} were used\n") and "[1] A/69/207" in out
    assert main(["search", "remittance costs", "-k", "1", "--index", str(index_dir)]) == 0
    assert "note" not in capsys.readouterr().out


@pytest.fixture(scope="module")
def live(index_dir):
    server = LiveServer(index_dir).start()
    yield server
    server.stop()


def test_the_web_searches_a_long_query_cut_with_a_note_instead_of_refusing_it(live):
    """The page and the API answered "q is longer than 2000 characters" (400) to a pasted paragraph,
    which the CLI searches (cut at 2,000 characters, as the README says)."""
    status, body = live.json("/api/search?" + urlencode({"q": LONG, "k": 3}))
    assert status == 200 and body["hits"] and len(body["query"]) == MAX_QUERY_CHARS
    assert body["notes"] == [f"the query is {len(LONG.strip()):,} characters long; only its first 2,000 were used"]
    status, body = live.json("/api/ask?" + urlencode({"q": LONG}))
    assert status == 200 and body["notes"][0].startswith("the question is 5,099 characters long")
    status, _, page = live.get("/?" + urlencode({"q": LONG}))
    assert status == 200 and "The query is 5,099 characters long; only its first 2,000 were used." in page.decode()
    assert "A/69/207, para." in page.decode()
    status, body = live.json("/api/search?" + urlencode({"q": "remittance costs", "k": 1}))
    assert status == 200 and "notes" not in body


# -- small wording -----------------------------------------------------------------------------------

def test_an_impossible_date_is_named_as_one(index_dir, capsys):
    """"--since must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got '2025-02-30'": it is in that form."""
    assert main(["search", "remittances", "--since", "2025-02-30", "--index", str(index_dir)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "there is no 2025-02-30 in the calendar" in err
    assert main(["docs", "--until", "2025-13", "--index", str(index_dir)]) == 2
    assert "there is no 2025-13 in the calendar" in capsys.readouterr().err
    assert main(["docs", "--until", "soon", "--index", str(index_dir)]) == 2
    assert "got 'soon'" in capsys.readouterr().err


def test_docs_and_ingest_say_1_page_and_1_chunk(capsys):
    from search.cli_docs import print_documents

    doc = {"symbol": "brief", "symbols": ["brief"], "date": None, "chunks": 4, "pages": 1, "title": "",
           "bodies": [], "session": None, "agenda_items": [], "doc_type": None}
    print_documents([doc, dict(doc, symbol="memo", symbols=["memo"], pages=2)])
    out = capsys.readouterr().out
    assert "brief  no date  (4 chunks, 1 page)" in out and "memo  no date  (4 chunks, 2 pages)" in out
    print_documents([dict(doc, chunks=1)])
    assert "brief  no date  (1 chunk, 1 page)" in capsys.readouterr().out


# -- Ray -----------------------------------------------------------------------------------------------

def test_a_local_ray_start_prints_no_token_notice():
    """Every `ingest --ray` printed Ray's "Token authentication is enabled for this Ray cluster. Set
    RAY_AUTH_MODE=disabled to opt out ..." once a token existed: the notice is silenced while paracite
    starts its own Ray, and only then."""
    setup = pytest.importorskip("ray._private.authentication.authentication_token_setup")
    from index.ray_ingest import RAY_TOKEN_LOGGER, quiet_token_notice

    assert setup.logger.name == RAY_TOKEN_LOGGER  # the logger Ray's notice goes through
    seen: list[str] = []
    catch = logging.Handler()
    catch.emit = lambda record: seen.append(record.getMessage())
    setup.logger.addHandler(catch)
    try:
        with quiet_token_notice():
            setup._warn_token_auth_enabled()
        assert seen == []
        setup._warn_token_auth_enabled()  # outside paracite's own start, Ray's logging is left alone
        assert seen and seen[0].startswith("Token authentication is enabled")
    finally:
        setup.logger.removeHandler(catch)
    assert logging.getLogger(RAY_TOKEN_LOGGER).level == logging.NOTSET


def test_a_ray_address_nothing_answers_on_is_refused_at_once(tmp_path):
    """`--ray 127.0.0.1:1` was still waiting for Ray's GCS after 11 minutes (killed: "...: 15")."""
    pytest.importorskip("ray")
    import socket
    import time

    from index.ray_ingest import parse_with_ray
    from paracite.errors import IngestError

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.monotonic()
    with pytest.raises(IngestError, match=rf"cannot reach Ray at 127.0.0.1:{port} \((\S+:{port}: )?Connection "
                                          r"refused\); is its head node running"):
        parse_with_ray([("x.pdf", "k")], f"127.0.0.1:{port}")
    assert time.monotonic() - start < 15


def test_python_callers_can_ask_why_a_filtered_search_found_nothing(searcher):
    """`s.search("remittances", body="ECOSOC")` returned [] and nothing said why; the CLI and the web
    note each value that names nothing. ``Searcher.filter_notes`` gives the same notes."""
    assert searcher.search("remittances", body="ECOSOC", doc="A/69/207", org="NOPE") == []
    assert searcher.filter_notes(body="ECOSOC", doc="A/69/208", org="NOPE") == [
        "no document 'A/69/208' in this index; did you mean A/69/207?",
        "no organ named 'ECOSOC' in this index", "no organization named 'NOPE' in this index"]
    assert searcher.filter_notes(since="2014-05") == [  # as `paracite search --since 2014-05` notes it
        "1 document dated only by year or month, which may fall outside the dates, left out: A/69/207"]
    assert searcher.filter_notes(doc="a/69/207", org=["IFAD"], until="2025") == []



@pytest.mark.skipif(bool(_missing()), reason=_missing() or "ok")
def test_a_pasted_paragraph_searched_in_chromium_at_phone_width(live, browser):
    """The page in a real headless Chromium at 390 px: a 5,100-character query typed in the box is
    searched (it was a red "q is longer than 2000 characters"), the note says it was cut, the first
    hit is a citation link, and nothing scrolls sideways."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(390, 844)
    browser.get(live.url + "/")
    box = browser.find_element(By.ID, "q")
    browser.execute_script("arguments[0].value = arguments[1];", box, LONG.strip())
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".hit a"))
    text = browser.find_element(By.TAG_NAME, "body").text
    assert "The query is 5,099 characters long; only its first 2,000 were used." in text
    assert "longer than" not in text and "A/69/207, para." in text
    assert browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


def test_the_ray_address_check_accepts_a_head_on_the_address_ray_makes_of_localhost():
    """Ray replaces 127.0.0.1 by this machine's reachable address, where `ray start --head` listens:
    a head there must not be refused because nothing answers on the loopback address itself."""
    services = pytest.importorskip("ray._private.services")
    import socket

    from index.ray_ingest import _check_reachable
    from paracite.errors import IngestError

    ip = services.resolve_ip_for_localhost("127.0.0.1")
    if ip.startswith("127.") or ":" in ip:
        pytest.skip(f"Ray keeps 127.0.0.1 here ({ip})")
    with socket.socket() as head:
        head.bind((ip, 0))
        head.listen()
        _check_reachable(f"127.0.0.1:{head.getsockname()[1]}")  # no IngestError
    with socket.socket() as other:  # something on the loopback address only: Ray would not reach it
        other.bind(("127.0.0.1", 0))
        other.listen()
        with pytest.raises(IngestError, match=f"{ip}:{other.getsockname()[1]}: Connection refused"):
            _check_reachable(f"127.0.0.1:{other.getsockname()[1]}")
