"""The twenty-first session's user audit (docs/user-audit-log.md, h-r21ux): the rough edges the
twentieth left (an unknown ``--doc``, the index's backend forgotten by a re-ingest, a date broken at
its hyphen on a phone) and those a fresh analyst met on a small index of three PDFs."""

from __future__ import annotations

import json
import re

import pytest

from search.cli import main
from test_serve_browser import browser  # noqa: F401  (the browser tests' Chromium fixture)


def _exports(folder, rows):
    """One export file per document: (symbol, title, date, organ, paragraph text)."""
    from ingest.models import Chunk

    for sym, title, date, organ, text in rows:
        row = dict(Chunk(sym, "paragraph", 1, text).to_dict(), symbols=[sym], title=title, date=date, bodies=[organ])
        (folder / f"{sym.replace('/', '_')}.jsonl").write_text(json.dumps(row) + "\n")
    return sorted(folder.glob("*.jsonl"))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    files = _exports(root, [("A/80/901", "Power grids", "2025-03-04", "General Assembly",
                             "Report A/80/901 on the power grid of the region."),
                            ("E/2025/902", "Solar power", "2025-06-01", "Economic and Social Council",
                             "The grid of E/2025/902 needs solar investment.")])
    assert main(["ingest", *map(str, files), "--index", str(root / "ix"), "--quiet"]) == 0
    return root / "ix"


# -- an unknown --doc: the same error, exit code and wording on every command ------------------------

def test_eval_refuses_an_unknown_doc_as_search_does_and_still_scores_a_set_naming_an_absent_one(small, tmp_path, capsys):
    """``eval --doc NOPE`` was already exit 4; a set written over a larger library (a line naming a document
    the index lacks) must still be scored (its hits are misses, the report names it), not refused, now
    that ``Searcher.search`` refuses an unknown document."""
    queries = tmp_path / "q.jsonl"
    queries.write_text(json.dumps({"id": "1", "query": "power grid", "relevant": [1], "doc": "A/80/901"}) + "\n" +
                       json.dumps({"id": "2", "query": "solar", "relevant": [1], "doc": "A/99/999"}) + "\n")
    capsys.readouterr()
    assert main(["eval", str(queries), "--doc", "E/2025/90", "--index", str(small)]) == 4
    assert main(["search", "grid", "--doc", "E/2025/90", "--index", str(small)]) == 4
    err = capsys.readouterr().err.splitlines()
    assert err[0] == err[1] == ("paracite: error: no document E/2025/90 in this index; did you mean E/2025/902? "
                                "(it holds A/80/901, E/2025/902)")
    assert main(["eval", str(queries), "--json", "--index", str(small)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["absent"] == ["A/99/999"] and report["per_query"][0]["paracite"]["recall@1"] == 1.0


# -- an index remembers where it keeps its vectors ----------------------------------------------------

def test_a_local_index_refuses_a_milvus_flag_and_stays_as_it_was(small, tmp_path, capsys):
    """A re-ingest with ``--milvus`` on an index kept in its folder (FAISS) wrote a Milvus build: an explicit
    flag that contradicts what the index keeps is a usage error now, and nothing is touched (no Lite folder made)."""
    before = (small / "current").resolve()
    files = sorted(small.parent.glob("*.jsonl"))
    capsys.readouterr()
    assert main(["ingest", *map(str, files), "--index", str(small), "--milvus", str(tmp_path / "m.db"), "--quiet"]) == 2
    assert main(["remove", "A/80/901", "--index", str(small), "--milvus", str(tmp_path / "m.db"), "--quiet"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line == f"paracite: error: {small} keeps its vectors in the index folder (FAISS), not "
                                         "in Milvus; drop --milvus, or give a new --index folder for an index kept "
                                         "in Milvus; the index is unchanged" for line in err)
    assert (small / "current").resolve() == before and not (tmp_path / "m.db").exists()
    assert main(["add", str(files[0]), "--index", str(small), "--quiet"]) == 0  # no flag: as it was, no note
    assert capsys.readouterr().err == ""


# -- the web page: a report's date is never broken at its hyphens --------------------------------------

@pytest.fixture(scope="module")
def titled_server(tmp_path_factory):
    """Twelve reports whose titles grow a letter at a time, so that at 390 pixels some date falls at
    the end of a line, where the browser broke ``2025-05-02`` after a hyphen."""
    from live_server import LiveServer

    root = tmp_path_factory.mktemp("titled")
    from ingest.models import Chunk

    rows = [(f"A/80/{910 + n}", "Power grids of the region and their " + "w" * n, f"2025-05-{n + 1:02d}",
             "General Assembly", f"Report {n} on the power grid.") for n in range(12)]
    files = _exports(root, rows)
    long = [dict(Chunk("A/80/930", "paragraph", n, f"Paragraph {n} of a long report on the grid. " * 25).to_dict(),
                 symbols=["A/80/930"], title="A long report", date="2025-07-01", bodies=["General Assembly"])
            for n in (1, 2, 3)]  # paragraphs of some 1,100 characters: the one before fills a phone's screen
    (root / "A_80_930.jsonl").write_text("".join(json.dumps(r) + "\n" for r in long))
    assert main(["ingest", *map(str, files), str(root / "A_80_930.jsonl"), "--index", str(root / "ix"), "--quiet"]) == 0
    live = LiveServer(root / "ix").start()
    yield live
    live.stop()


def test_the_date_of_a_hits_report_is_marked_to_stay_on_one_line(titled_server):
    status, _, body = titled_server.get("/?q=power+grid&k=20")
    html = body.decode()
    assert status == 200 and len(re.findall(r'<p class="source">', html)) >= 12
    assert '· <time class="nowrap" datetime="2025-05-01">2025-05-01</time> · General Assembly</p>' in html
    _, _, css = titled_server.get("/static/style.css")
    assert re.search(rb"\.nowrap \{ white-space: nowrap; \}", css)


def _browser_ready():
    from test_serve_browser import _missing

    return _missing()


_WRAPPED_DATES = r"""
const re = /\b\d{4}-\d{2}-\d{2}\b/g, out = [];
const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
let n, count = 0;
while ((n = walk.nextNode())) { let m; re.lastIndex = 0;
  while ((m = re.exec(n.data))) { count++; const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
    if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) out.push(m[0]); } }
return [count, out];
"""


@pytest.mark.skipif(bool(_browser_ready()), reason=_browser_ready() or "ok")
@pytest.mark.parametrize("width", [390, 1280])
def test_no_date_breaks_across_lines_in_chromium(browser, titled_server, width):  # noqa: F811
    """Twentieth session's leftover: at 390 pixels a hit's "title · 2025-05-02 · organ" line broke the date
    after its first hyphen ("2025-" / "05-02"); it did at 1280 too where a title ended near the edge."""
    browser.set_window_size(width, 900)
    try:
        for path in ("/?q=power+grid&k=20", "/p/A/80/915/1", "/?q=power+grid&doc=A/80/921"):
            browser.get(titled_server.url + path)
            count, wrapped = browser.execute_script(_WRAPPED_DATES)
            assert count and wrapped == [], (path, wrapped)
    finally:
        browser.set_window_size(1100, 900)


@pytest.mark.skipif(bool(_browser_ready()), reason=_browser_ready() or "ok")
def test_a_paragraph_page_shows_the_paragraph_asked_for_on_a_phones_first_screen(browser, titled_server):  # noqa: F811
    """A citation opened on a phone showed the paragraph before it first (open, in full): the one asked for
    started below the first screen. The paragraph before folds there (app.js, as the filters do), its
    citation still shown and linked; a wide screen keeps it open."""
    from selenium.webdriver.common.by import By
    from test_serve_browser import _wait

    long_before = titled_server.url + "/p/A/80/930/2"
    browser.set_window_size(390, 844)
    try:
        browser.get(long_before)
        _wait(browser, "h1#cite")
        top = browser.execute_script("return document.getElementById('cite').getBoundingClientRect().top")
        fold = browser.find_element(By.CSS_SELECTOR, "section.context details.fold")
        assert top < 700 and fold.get_attribute("open") is None, top
        assert fold.find_element(By.CSS_SELECTOR, "summary a").text == "A/80/930, para. 1"
        browser.set_window_size(1100, 900)
        browser.get(long_before)
        _wait(browser, "h1#cite")
        assert browser.find_element(By.CSS_SELECTOR, "details.fold").get_attribute("open") is not None
    finally:
        browser.set_window_size(1100, 900)


@pytest.mark.parametrize("flags, said", [(["-k", "ten"], "-k must be a whole number, got 'ten'"),
                                         (["-k", "0"], "-k must be at least 1, got 0")])
def test_a_count_typed_wrong_is_told_as_a_count_out_of_range_is(small, capsys, flags, said):
    """`-k ten` got argparse's "argument -k: invalid int value: 'ten'" where `-k 0` got paracite's own line."""
    assert main(["search", "grid", *flags, "--index", str(small)]) == 2
    assert capsys.readouterr().err == f"paracite: error: {said}\n"


@pytest.mark.parametrize("flags, said", [(["1", "--page", "two"], "--page must be a whole number, got 'two'"),
                                         (["1", "--context", "x"], "--context must be a whole number, got 'x'"),
                                         (["--preamble", "1.5"], "--preamble must be a whole number, got '1.5'")])
def test_shows_counts_typed_wrong_are_one_line(small, capsys, flags, said):
    assert main(["show", "A/80/901", *flags, "--index", str(small)]) == 2
    assert capsys.readouterr().err == f"paracite: error: {said}\n"
