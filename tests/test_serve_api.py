"""`paracite serve` (issue #16): the JSON API against a real uvicorn server on a free local port,
over a real index built from an export (real report paragraphs plus a note whose text is markup).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import redirect_stdout
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from index.build import build_index
from paracite.errors import UsageError
from search.cli import main

from conftest import FIXTURES, REPORT, ROOT
from live_server import LiveServer

CHUNKS = FIXTURES / "serve_chunks.jsonl"


@pytest.fixture(scope="module")
def server(serve_index):
    live = LiveServer(serve_index).start()
    yield live
    live.stop()


def _cli_json(*argv) -> object:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(list(argv)) == 0
    return json.loads(out.getvalue())


def q(**params) -> str:
    return urlencode(params, doseq=True)


# -- the API answers as the CLI does ---------------------------------------------------------
def test_search_hits_are_the_cli_json(server, serve_index):
    status, body = server.json("/api/search?" + q(q="cost of sending money home", k=3))
    assert status == 200
    assert body["query"] == "cost of sending money home"
    assert body["hits"] == _cli_json("search", "cost of sending money home", "-k", "3", "--json",
                                     "--index", str(serve_index))
    assert body["hits"][0]["citation"] == "A/69/207, para. 46"


def test_search_filters_pass_through(server):
    _, body = server.json("/api/search?" + q(q="remittances", doc="X/2026/1"))
    assert body["hits"] and {h["symbol"] for h in body["hits"]} == {"X/2026/1"}
    _, body = server.json("/api/search?" + q(q="remittances", org="International Fund for Agricultural Development"))
    assert [h["citation"] for h in body["hits"]] == ["A/69/207, para. 46"]
    _, body = server.json("/api/search?" + q(q="remittances", org="No Such Body"))
    assert body["hits"] == [] and "No Such Body" in body["notes"][0]


def test_search_per_doc_is_the_cli_per_doc_and_ask_refuses_it(server, serve_index):
    status, body = server.json("/api/search?" + q(q="remittances", per_doc=1))
    assert status == 200 and sorted(h["symbol"] for h in body["hits"]) == ["A/69/207", "X/2026/1"]
    assert body["hits"] == _cli_json("search", "remittances", "--per-doc", "1", "--json", "--index", str(serve_index))
    status, body = server.json("/api/search?" + q(q="remittances", per_doc="none"))
    assert status == 400 and "per_doc" in body["error"]
    status, body = server.json("/api/ask?" + q(q="remittances", per_doc=1))
    assert status == 400 and "per_doc is for /api/search" in body["error"]
    status, _, page = server.get("/?" + q(q="remittances", per_doc=1))
    assert status == 200 and b'<option value="1" selected>' in page and page.count(b'class="hit"') == 2


def test_ask_is_the_cli_json(server, serve_index):
    question = "How many international migrants were there in 2013?"
    status, body = server.json("/api/ask?" + q(q=question))
    assert status == 200
    assert body == _cli_json("ask", question, "--json", "--index", str(serve_index))
    assert body["answered"] and "A/69/207, para. 4" in body["citations"]


def test_paragraph_with_its_neighbours(server):
    status, body = server.json("/api/paragraph?" + q(symbol="A/69/207", number="46"))
    assert status == 200
    assert body["citation"] == "A/69/207, para. 46"
    assert body["section"][-1] == "B. Reduce the costs of labour migration"
    assert body["previous"]["citation"] == "A/69/207, para. 45" and body["next"]["citation"] == "A/69/207, para. 47"
    assert any(e["canonical"] == "International Fund for Agricultural Development" for e in body["entities"])
    # the neighbour links lead to the neighbours
    _, before = server.json(body["previous"]["api"])
    assert before["citation"] == "A/69/207, para. 45" and before["next"]["citation"] == "A/69/207, para. 46"
    _, summary = server.json("/api/paragraph?" + q(symbol="a/69/207", number="summary"))
    assert summary["citation"] == "A/69/207, summary" and summary["previous"] is None
    _, cited = server.json("/api/paragraph?" + q(citation="A/69/207, para. 4"))
    assert cited["number"] == 4


def test_documents_and_entities(server):
    _, body = server.json("/api/documents")
    assert {d["symbol"] for d in body["documents"]} == {"A/69/207", "X/2026/1"}
    assert all("/" not in d.get("source", "") for d in body["documents"])  # no server folders
    assert all({"date", "bodies", "session", "chunks"} <= set(d) for d in body["documents"])
    _, doc = server.json("/api/documents/X/2026/1")
    assert [c["citation"] for c in doc["citations"]] == [f"X/2026/1, para. {i}" for i in (1, 2, 3)]
    _, body = server.json("/api/entities?" + q(name="IFAD"))
    assert body["entities"][0]["name"] == "International Fund for Agricultural Development"
    assert "A/69/207, para. 46" in body["entities"][0]["citations"]
    _, body = server.json("/api/entities?" + q(kind="organization"))
    assert body["entities"] and {e["kind"] for e in body["entities"]} == {"organization"}


def test_documents_take_the_docs_filters(server, serve_index):
    """``/api/documents`` narrows as ``paracite docs --since/--until/--body`` does, with the notes."""
    _, body = server.json("/api/documents?" + q(since="2020"))
    assert body["documents"] == _cli_json("docs", "--since", "2020", "--json", "--index", str(serve_index)) == []
    assert any("no printed date" in n for n in body["notes"])  # neither test document prints a date
    _, body = server.json("/api/documents?" + q(body="No Such Organ"))
    assert "no organ named 'No Such Organ' in this index" in body["notes"]
    status, body = server.json("/api/documents?" + q(since="2025-13"))
    assert status == 400 and "since" in body["error"]
    _, spec = server.json("/openapi.json")
    assert {p["name"] for p in spec["paths"]["/api/documents"]["get"]["parameters"]} == {"since", "until", "body"}
    status, body = server.json("/api/documents?" + q(k="many", mode="nope"))  # a search's arguments, not a listing's
    assert status == 200 and {d["symbol"] for d in body["documents"]} == {"A/69/207", "X/2026/1"}


def test_documents_read_their_own_filters_and_body_repeats_as_on_the_cli():
    """A listing reads dates and organs alone; ``?body=`` repeats as alternatives, as ``--body`` does."""
    import argparse

    from starlette.datastructures import QueryParams

    from search.listing_filters import ListingFilters
    from search.web import params

    web = params.listing_filters(QueryParams("body=ECOSOC&body=+SC+&body=&since=2025&q=&k=0"))
    cli = ListingFilters.from_options(argparse.Namespace(since="2025", until=None, body=["ECOSOC", "SC"]))
    assert web == cli == ListingFilters("2025", None, ("ECOSOC", "SC")) and web.active
    assert not params.listing_filters(QueryParams("")).active
    with pytest.raises(UsageError):
        params.listing_filters(QueryParams(f"body={'x' * (params.MAX_VALUE_CHARS + 1)}"))


def test_openapi_describes_every_endpoint(server):
    status, spec = server.json("/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    assert {"/api/search", "/api/ask", "/api/paragraph", "/api/documents", "/api/entities"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "k", "mode", "doc", "org", "place", "instrument"} <= names


# -- errors: JSON, the right status, never a traceback ---------------------------------------
@pytest.mark.parametrize("path, status, words", [
    ("/api/search?q=", 400, "empty"),
    ("/api/search?q=%20%20", 400, "empty"),
    ("/api/search", 400, "empty"),
    ("/api/search?q=migrants&k=0", 400, "positive"),
    ("/api/search?q=migrants&k=ten", 400, "positive"),
    ("/api/search?q=migrants&k=-3", 400, "positive"),
    ("/api/search?q=migrants&mode=magic", 400, "unknown mode"),
    ("/api/ask?q=", 400, "empty"),
    ("/api/paragraph?symbol=A/69/207", 400, "number"),
    ("/api/paragraph?symbol=A/69/207&number=forty", 400, "paragraph must be a number"),
    ("/api/paragraph?symbol=A/69/207&number=46&page=x", 400, "page"),
    ("/api/paragraph?symbol=A/69/207&number=460", 404, "no paragraph 460"),
    ("/api/paragraph?symbol=A/1/1&number=1", 404, "no document A/1/1"),
    ("/api/paragraph?citation=A/69/207,%20para.%20999", 404, "A/69/207 has no paragraph 999"),
    ("/api/paragraph?citation=A/69/207,%20table%209", 404, "nothing in A/69/207 is cited as"),
    ("/api/documents/A/1/1", 404, "no document"),
    ("/api/entities?kind=person", 400, "unknown entity kind"),
    ("/api/nothing-here", 404, "no such path"),
    ("/openapi.yaml.json", 404, "no such path"),
])
def test_bad_requests_get_json_errors(server, path, status, words):
    got, headers, raw = server.get(path)
    assert got == status, raw
    body = json.loads(raw)
    assert set(body) == {"error"} and words in body["error"]
    assert b"Traceback" not in raw


def test_the_server_only_reads(server):
    for method in ("POST", "PUT", "DELETE"):
        status, body = server.json("/api/search?q=x", method=method)
        assert status == 405 and "only reads" in body["error"]


def test_every_response_has_the_security_headers(server):
    for path in ("/", "/?q=migrants", "/api/search?q=migrants", "/api/search?q=", "/static/app.js", "/nowhere"):
        _, headers, _ = server.get(path)
        csp = headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp, path
        assert headers.get("x-content-type-options") == "nosniff"


# -- the page ----------------------------------------------------------------------------------
def test_page_renders_results_for_a_shared_link(server):
    status, _, raw = server.get("/?" + q(q="cost of sending money home", k=3))
    html = raw.decode()
    assert status == 200
    assert 'href="/p/A/69/207/46"' in html and "A/69/207, para. 46</a>" in html
    assert "<mark>Between 2009 and 2013, the reduction in the costs of transferring remittances" in html
    # entities are links that add a filter to the same search
    assert 'href="/?q=cost+of+sending+money+home&amp;k=3&amp;org=International+Fund+for+Agricultural+Development"' in html
    assert "<script>" not in html.replace('<script src="/static/app.js" defer></script>', "")


def test_kind_and_sort_are_picked_from_their_values(server):
    """The form offers every chunk kind and both orders to pick, not a box to type a guess in,
    and shows the one in force."""
    from ingest.export import KINDS

    html = server.get("/?" + q(q="remittances", kind="table", sort="date"))[2].decode()
    kind = re.search(r'<select id="f-kind" name="kind">(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"', kind) == ["", *KINDS]
    assert '<option value="table" selected>' in kind
    sort = re.search(r'<select id="f-sort" name="sort">(.*?)</select>', html, re.S).group(1)
    assert '<option value="date" selected>newest first</option>' in sort
    assert "Kind: table" in html and "Sort: newest first" in html  # the chips, as the fields word the values


def test_hits_from_several_reports_say_which_report(server):
    status, _, raw = server.get("/?" + q(q="delegation reported markup migration", k=10))
    html = raw.decode()
    assert status == 200 and "X/2026/1, para." in html and "A/69/207, para." in html
    assert '<p class="source">International migration and development</p>' in html
    assert '<p class="source">A test note with &lt;em&gt;markup&lt;/em&gt;</p>' in html   # a title is text too
    status, _, raw = server.get("/?" + q(q="delegation reported markup migration", k=10, doc="A/69/207"))
    assert 'class="source"' not in raw.decode()          # one report's hits keep the short form
    hits = json.loads(server.get("/api/search?" + q(q="cost of sending money home", k=1))[2])
    assert hits["hits"][0]["title"] == "International migration and development"


def test_page_errors_are_pages_with_the_api_status(server):
    status, _, raw = server.get("/?q=migrants&k=0")
    assert status == 400 and 'role="alert"' in raw.decode() and "positive" in raw.decode()
    status, _, raw = server.get("/p/A/69/207/460")
    assert status == 404 and "no paragraph 460" in raw.decode()
    status, _, raw = server.get("/no/such/page")
    assert status == 404 and "There is no page at /no/such/page" in raw.decode()


def test_ask_page_links_each_citation(server):
    status, _, raw = server.get("/ask?" + q(q="How many international migrants were there in 2013?"))
    html = raw.decode()
    assert status == 200 and "232 million" in html
    link = re.search(r'<a class="citation" href="([^"]+)">\[A/69/207, para\. 4\]</a>', html).group(1)
    status, headers, _ = server.get(link.replace("&amp;", "&"))
    assert status == 200  # urllib follows the redirect to /p/A/69/207/4


def test_paragraph_page_shows_neighbours(server):
    status, _, raw = server.get("/p/A/69/207/46")
    html = raw.decode()
    assert status == 200 and '<h1 id="cite">A/69/207, para. 46</h1>' in html
    assert 'href="/p/A/69/207/45" rel="prev"' in html and 'href="/p/A/69/207/47" rel="next"' in html
    assert 'data-citation="A/69/207, para. 46"' in html
    status, _, raw = server.get("/p/A/69/207/table1")
    assert status == 200 and "A/69/207, table 1" in raw.decode()


@pytest.mark.parametrize("path", ["/?q=Atlantis+remittance+corridors", "/p/X/2026/1/1", "/p/X/2026/1/2",
                                  "/ask?q=What+did+Atlantis+report%3F"])
def test_document_markup_is_shown_as_text(server, path):
    status, _, raw = server.get(path)
    html = raw.decode()
    assert status == 200
    assert "<script>window" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "<em>markup</em>" not in html and "<i>Markup</i>" not in html
    if path.endswith("/1/1") or path.startswith("/?"):
        assert "&lt;script&gt;window.__xss = &#39;script&#39;;&lt;/script&gt;" in html


# -- serving while the index changes ----------------------------------------------------------
def test_no_index_is_503_until_an_ingest_builds_one(tmp_path):
    live = LiveServer(tmp_path / "later").start()
    try:
        status, body = live.json("/api/search?q=migrants")
        assert status == 503 and "no index" in body["error"]
        status, _, raw = live.get("/?q=migrants")
        assert status == 503 and 'role="alert"' in raw.decode()
        build_index([CHUNKS], tmp_path / "later", progress=False, tag_entities=False)
        deadline = time.monotonic() + 10
        while (status := live.json("/api/search?q=migrants")[0]) == 503 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert status == 200
    finally:
        live.stop()


def test_an_ingest_is_picked_up_without_failing_a_request(tmp_path):
    folder = tmp_path / "idx"
    build_index([CHUNKS], folder, progress=False, tag_entities=False)
    live = LiveServer(folder).start()
    failures, done, count = [], threading.Event(), [0]

    def client():
        while not done.is_set():
            status, _, raw = live.get("/api/search?q=remittances&k=3")
            count[0] += 1
            if status != 200:
                failures.append((status, raw[:200]))

    threads = [threading.Thread(target=client) for _ in range(4)]
    try:
        for t in threads:
            t.start()
        old = live.json("/api/status")[1]["build"]
        build_index([REPORT], folder, progress=False, tag_entities=False)  # the whole report this time
        deadline = time.monotonic() + 20
        while live.json("/api/status")[1]["build"] == old and time.monotonic() < deadline:
            time.sleep(0.1)
        status, body = live.json("/api/paragraph?symbol=A/69/207&number=60")  # only in the new build
        assert status == 200 and body["citation"] == "A/69/207, para. 60"
        time.sleep(0.5)
        first = folder / "builds" / old
        assert first.exists()  # kept on disk while the server held it
        # the old build's readers were closed once their requests ended, so the next build removes it
        build_index([CHUNKS], folder, progress=False, tag_entities=False)
        assert not first.exists()
    finally:
        done.set()
        for t in threads:
            t.join()
        live.stop()
    assert count[0] > 10 and failures == []


def test_cli_serve_warns_when_listening_everywhere(tmp_path, serve_index):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "search", "serve", "--index", str(serve_index),
                             "--host", "0.0.0.0", "--port", str(port)], cwd=ROOT,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        lines = [proc.stderr.readline() for _ in range(2)]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert "warning: listening on all interfaces" in lines[0]
    assert f"http://127.0.0.1:{port}/" in lines[1]


def test_cli_serve_stopped_by_ctrl_c_is_a_normal_end(serve_index):
    import signal
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    before = signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C live in the child (test_interrupt)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "search", "serve", "--index", str(serve_index), "--port",
                                 str(port)], cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    finally:
        signal.signal(signal.SIGINT, before)
    try:
        assert "(Ctrl+C stops)" in proc.stderr.readline()
        for _ in range(200):  # answering: uvicorn has taken over Ctrl+C
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents", timeout=5).close()
                break
            except OSError:
                time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        rc = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert rc == 0
    assert proc.stderr.read() == "paracite: stopped\n"


def test_wildcard_hosts():
    from search.web.server import listens_everywhere

    assert listens_everywhere("0.0.0.0") and listens_everywhere("::") and listens_everywhere("")
    assert not listens_everywhere("127.0.0.1") and not listens_everywhere("localhost")
    assert not listens_everywhere("::1") and not listens_everywhere("192.168.1.10")


# -- the pieces the page is made of ----------------------------------------------------------
def test_answer_citations_are_cut_out_of_the_text():
    from search.models import Answer
    from search.web.views import answer_pieces

    a = Answer(question="?", text="232 million [A/69/207, para. 4]. More [sic] text [A/69/207, table 1].",
               citations=("A/69/207, para. 4", "A/69/207, table 1"))
    assert answer_pieces(a) == [("232 million ", None), ("A/69/207, para. 4", "A/69/207, para. 4"),
                                (". More [sic] text ", None), ("A/69/207, table 1", "A/69/207, table 1"), (".", None)]


def test_marked_sentence_pieces():
    from search.web.views import marked

    assert marked("One. Two. Three.", (5, 9)) == [("One. ", False), ("Two.", True), (" Three.", False)]
    assert marked("One.", None) == [("One.", False)]
    assert marked("One.", (3, 99)) == [("One.", False)]  # a span outside the text marks nothing


@pytest.mark.parametrize("path, status", [
    ("/api/search?q=caf%e9", 200),                   # an undecodable byte is searched as U+FFFD, as on the CLI
    ("/api/search?q=%ff", 400),                      # ... but U+FFFD alone has no word to search for
    ("/api/search?q=%00", 400),
    ("/api/search?q=migrants&k=99999999999999999999", 200),   # clamped, as on the CLI
    ("/api/paragraph?symbol=A/69/207&number=46&page=99999999999999999999", 404),
    ("/p/A/69/207/46?page=99999999999999999999", 404),
    ("/p/%ff/1", 404),
    ("/p/", 400),
    ("/static/../search/web/app.py", 404),
])
def test_odd_input_is_answered_not_crashed(server, path, status):
    got, _, raw = server.get(path)
    assert got == status, raw[:300]
    assert b"Traceback" not in raw and b"internal error" not in raw


def test_cli_serve_port_taken_is_one_line(serve_index):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "search", "serve", "--index", str(serve_index), "--port", str(port)],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert r.stderr.strip() == f"paracite: error: cannot listen on 127.0.0.1:{port}: Address already in use"


def test_filters_the_searcher_takes_are_passed_through(monkeypatch):
    """Filters added to Searcher.search later (dates, bodies) need no change here."""
    from starlette.datastructures import QueryParams

    from search.web import params

    args = params.search_args(QueryParams("q=food&since=2020&body=WFP&org=WFP&org=FAO&doc="))
    assert "since" not in args.filters or "since" in params.search_keywords()
    assert args.filters["org"] == ["WFP", "FAO"] and "doc" not in args.filters
    monkeypatch.setattr(params, "search_keywords", lambda: frozenset({"k", "mode", "org", "since", "body"}))
    args = params.search_args(QueryParams("q=food&since=2020&body=WFP&org=WFP&sort=date"))
    assert args.kwargs() == {"k": 10, "mode": "hybrid", "org": ["WFP"], "since": "2020", "body": "WFP"}
    assert params.supported_filters() == ("org", "since", "body")


def test_the_date_filter_says_what_it_left_out_for_want_of_a_date(server):
    """`paracite search --since` notes the undated documents it leaves out; the web said nothing."""
    left_out = "2 documents with no printed date left out by the date filter: A/69/207, X/2026/1"
    status, body = server.json("/api/search?" + q(q="remittances", since="2025"))
    assert status == 200 and body["hits"] == [] and body["notes"] == [left_out]
    status, body = server.json("/api/ask?" + q(q="What are remittances?", until="2025-06"))
    assert status == 200 and body["notes"] == [left_out]
    for path in ("/?", "/ask?"):
        status, _, page = server.get(path + q(q="remittances", since="2025"))
        assert status == 200 and f'<p class="note">{left_out[0].upper() + left_out[1:]}.</p>' in page.decode()


def test_an_unknown_document_beside_a_known_one_is_refused(server):
    """As `paracite search --doc A/69/207 --doc A/80/6` refuses it (exit 4): a typo, not an empty result."""
    status, body = server.json("/api/search?" + q(q="remittances", doc=["A/69/207", "A/80/6"]))
    assert status == 404 and body["error"].startswith("no document A/80/6 in this index")
    _, body = server.json("/api/search?" + q(q="remittances"))
    assert "notes" not in body
