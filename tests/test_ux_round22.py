"""The twenty-second session's user audit (docs/user-audit-log.md, h-r22ux): the search box's hint
from the index served, an empty listing that says which filter emptied it, and the rough edges a
fresh user met on a small library."""

from __future__ import annotations

import json
import re

import pytest

from search.cli import main
from test_serve_browser import browser  # noqa: F401  (the browser tests' Chromium fixture)
from test_ux_round21 import _WRAPPED_DATES, _browser_ready, _exports  # one export-file writer for both rounds


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("small22")
    files = _exports(root, [("A/80/901", "Power grids", "2025-03-04", "General Assembly",
                             "Report A/80/901 on the power grid of the region."),
                            ("E/2024/902", "Solar power", "2024-06-01", "Economic and Social Council",
                             "The grid of E/2024/902 needs solar investment.")])
    assert main(["ingest", *map(str, files), "--index", str(root / "ix"), "--quiet"]) == 0
    return root / "ix"


def _placeholder(html: str) -> str:
    return re.search(r'id="q"[^>]*placeholder="([^"]*)"', html, re.S).group(1)


# -- the search box's hint comes from the index served -------------------------------------------------

def test_the_search_box_hint_names_the_index_served_not_one_report(small, index_dir):
    """The hint was the bundled report's example query ("cost of sending money home") on every index."""
    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(small)) as client:
        assert _placeholder(client.get("/").text) == "Search 2 documents"
        assert _placeholder(client.get("/docs").text) == "Search 2 documents"
        assert _placeholder(client.get("/nowhere").text) == "Words or a question"
    with TestClient(create_app(index_dir)) as client:
        assert _placeholder(client.get("/").text) == "Search A/69/207"


# -- an empty listing says which filter emptied it and what the index holds ----------------------------

def test_docs_names_the_filter_that_emptied_the_list_and_what_the_index_holds(small, capsys):
    assert main(["docs", "--since", "2026", "--index", str(small)]) == 0
    assert capsys.readouterr().out.strip() == (
        "No documents match --since 2026: the index's 2 documents are dated 2024-06-01 to 2025-03-04.")
    assert main(["docs", "--until", "2023-12", "--body", "Economic and Social Councl", "--index", str(small)]) == 0
    assert capsys.readouterr().out.strip() == (
        "No documents match --until 2023-12 --body 'Economic and Social Councl': the index's 2 documents are dated "
        "2024-06-01 to 2025-03-04; did you mean Economic and Social Council? the index's organs are "
        "Economic and Social Council; General Assembly.")
    assert main(["docs", "--since", "2025", "--body", "ECOSOC", "--index", str(small)]) == 0
    assert capsys.readouterr().out.strip() == (
        "No documents match --since 2025 --body 'ECOSOC' together: the 1 document --body 'ECOSOC' keeps is "
        "dated 2024-06-01.")
    assert main(["docs", "--json", "--since", "2026", "--index", str(small)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and err.startswith("paracite: note: No documents match --since 2026: ")


def test_the_documents_page_and_api_say_the_same_in_their_own_words(small):
    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(small)) as client:
        page = client.get("/docs?since=2026")
        assert page.status_code == 200
        assert ("No documents match From date 2026: the index&#39;s 2 documents are dated "
                '<time class="nowrap" datetime="2024-06-01">2024-06-01</time> to '
                '<time class="nowrap" datetime="2025-03-04">2025-03-04</time>.' in page.text)
        both = client.get("/docs?since=2026&body=Generl+Assembly").text  # the organ's note said once, in the line
        assert "No documents match From date 2026, Body &#39;Generl Assembly&#39;: " in both
        assert "did you mean General Assembly?" in both and "no organ named" not in both
        api = client.get("/api/documents?body=UNHCR").json()
        assert api["documents"] == [] and api["notes"][-1] == (
            "No documents match body='UNHCR': the index's organs are Economic and Social Council; General Assembly.")
        assert "notes" not in client.get("/api/documents?since=2024").json()


def test_search_ask_and_export_say_when_the_filters_leave_no_document(small, capsys):
    """A search said "No paragraphs match the filters --since '2026'.", an answer "The indexed documents
    do not answer this question." and an export printed nothing, as though the documents had been read."""
    line = "No documents match --since 2026: the index's 2 documents are dated 2024-06-01 to 2025-03-04."
    assert main(["search", "power grid", "--since", "2026", "--index", str(small)]) == 0
    assert capsys.readouterr().out.strip() == line
    assert main(["ask", "What does the grid need?", "--since", "2026", "--index", str(small)]) == 0
    assert capsys.readouterr().out.strip() == line
    assert main(["export", "--since", "2026", "--index", str(small)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == f"paracite: note: {line}"
    assert main(["search", "power grid", "--body", "Generl Assembly", "--json", "--index", str(small)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and "did you mean General Assembly?" in err
    assert main(["search", "power grid", "--since", "2025", "--index", str(small)]) == 0
    assert "A/80/901, para. 1" in capsys.readouterr().out


def test_the_search_page_and_api_say_it_too(small):
    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(small)) as client:
        page = client.get("/?q=grid&until=2023")
        assert ("No documents match To date 2023: the index&#39;s 2 documents are dated "
                '<time class="nowrap" datetime="2024-06-01">') in page.text
        notes = client.get("/api/search?q=grid&until=2023").json()["notes"]
        assert notes == ["No documents match until=2023: the index's 2 documents are dated 2024-06-01 to 2025-03-04."]
        assert "notes" not in client.get("/api/search?q=grid&until=2024").json()


# -- `kill` stops `paracite serve` as Ctrl+C does ------------------------------------------------------

def _answering(url: str, wait: float = 30.0) -> None:
    """Return once ``url`` answers: "serving" is said just before uvicorn starts its loop, and a signal
    in between stops it before it ran (cleanly, but with asyncio's "never awaited" warning)."""
    import time
    import urllib.request

    deadline = time.monotonic() + wait
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serve_stopped_by_sigterm_ends_through_its_cleanup(serve_index):
    """uvicorn stops on SIGTERM, then raises it again for the default handler, which ended the process
    before ``serve``'s ``finally``: a Milvus Lite index's ``m.db.serving.json`` stayed behind, naming a
    dead process, and "stopped" was never said."""
    import signal
    import subprocess
    import sys

    from conftest import ROOT

    proc = subprocess.Popen([sys.executable, "-m", "search", "serve", "--index", str(serve_index), "--port", "0"],
                            cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = proc.stderr.readline()
        assert "paracite: serving" in line
        _answering(re.search(r"http://\S+/", line).group(0))  # a running server, not one still starting
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=30)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and rest.strip() == "paracite: stopped"


# -- pymilvus imported without pandas -------------------------------------------------------------------

def _python(code: str, *path) -> str:
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([*map(str, path), str(ROOT)]))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_pymilvus_comes_in_without_pandas_which_it_still_gets_when_it_uses_it():
    pytest.importorskip("pymilvus")
    out = _python("import sys\n"
                  "from index.milvus.light_import import milvus_client_class\n"
                  "client = milvus_client_class()\n"
                  "import pymilvus\n"
                  "print(client is pymilvus.MilvusClient, 'pandas' in sys.modules, 'pyarrow' in sys.modules)\n"
                  "from pymilvus.orm import schema, types\n"
                  "import pandas\n"  # the real one: the stand-ins are gone
                  "print(types.is_scalar(3), types.is_list_like([1]), types.infer_dtype([1.5]),\n"
                  "      schema.is_valid_insert_data(pandas.DataFrame({'a': [1]})), schema.is_valid_insert_data(3))")
    assert out.splitlines() == ["True False False", "True True floating True False"]


def test_a_pymilvus_that_reads_pandas_otherwise_is_imported_whole(tmp_path):
    """A pymilvus that imports a pandas submodule the stand-ins lack is imported again, with pandas."""
    pytest.importorskip("pandas")
    fake = tmp_path / "pymilvus"
    fake.mkdir()
    (fake / "__init__.py").write_text("from pandas.core.frame import DataFrame\n\nclass MilvusClient:\n"
                                      "    frame = DataFrame\n")
    out = _python("import sys\n"
                  "from index.milvus.light_import import milvus_client_class\n"
                  "client = milvus_client_class()\n"
                  "print(client.__module__, client.frame is sys.modules['pandas'].DataFrame, type(sys.modules['pandas']).__name__)",
                  tmp_path)
    assert out == "pymilvus True module"


# -- the documents page on a phone and a wide screen ------------------------------------------------------

_LAYOUT = r"""
const box = document.getElementById('q'), style = getComputedStyle(box), ctx = document.createElement('canvas').getContext('2d');
ctx.font = style.font;
const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
const apart = [...document.querySelectorAll('form.listing label')].map(l => {
  const a = l.getBoundingClientRect(), b = document.getElementById(l.htmlFor).getBoundingClientRect();
  return Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) > 4 || a.height > b.height ? l.textContent : null; }).filter(x => x);
return [ctx.measureText(box.placeholder).width <= room, apart];
"""


@pytest.mark.skipif(bool(_browser_ready()), reason=_browser_ready() or "ok")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_documents_page_keeps_hint_labels_and_dates_whole(browser, small, width):  # noqa: F811
    """At 390 pixels the box cut the hint ("3 documents: words or"), the "To date" label ended one line
    and its box began the next; at 1280 a listing's "2025-01-17" broke at its hyphen."""
    from live_server import LiveServer

    live = LiveServer(small).start()
    browser.set_window_size(width, 900)
    try:
        browser.get(live.url + "/docs?since=2026&body=Generl+Assembly")
        hint_whole, apart = browser.execute_script(_LAYOUT)
        count, wrapped = browser.execute_script(_WRAPPED_DATES)
        assert hint_whole and apart == [] and count == 2 and wrapped == []
    finally:
        browser.set_window_size(1100, 900)
        live.stop()
