"""The twentieth session's user audit (docs/user-audit-log.md, h-r20ux): the web page and the scale-out
backend as an analyst uses them. Each test fails without its fix."""

from __future__ import annotations

import json
import os

import pytest

import index.build
from test_serve_browser import browser  # noqa: F401  (the browser tests' Chromium fixture)
from search.cli import main


def _exports(folder, symbols):
    """One-paragraph documents, each in its own export file (cheap to ingest, real chunks)."""
    from ingest.models import Chunk

    for sym in symbols:
        row = dict(Chunk(sym, "paragraph", 1, f"Report {sym} on the power grid of the region.").to_dict(), symbols=[sym])
        (folder / f"{sym.replace('/', '_')}.jsonl").write_text(json.dumps(row) + "\n")
    return sorted(folder.glob("*.jsonl"))


# -- a failed first ingest removes only what paracite made ------------------------------------------

@pytest.fixture
def user_file_during_the_run(monkeypatch):
    """While the (failing) build reads its files, the user saves a file of their own into the index folder."""
    real = index.build.gather

    def gather(sources, cache, **kw):
        (cache.root.parent / "draft.docx").write_text("the user's own file")
        return real(sources, cache, **kw)

    monkeypatch.setattr(index.build, "gather", gather)
    monkeypatch.setenv("PARACITE_FAIL_AT", "parse")


@pytest.mark.parametrize("existed", [True, False])
def test_a_failed_first_ingest_keeps_a_file_saved_during_the_run(tmp_path, capsys, user_file_during_the_run, existed):
    """A failed first ingest removed every entry that appeared in the folder during the run (all of a
    folder it had made): a file the user saved there meanwhile went with paracite's `.lock` and `cache/`."""
    files = _exports(tmp_path, ["A/80/901"])
    folder = tmp_path / "reports" / "ix"
    if existed:
        folder.mkdir(parents=True)
        (folder / "notes.txt").write_text("there before")
    assert main(["ingest", *map(str, files), "--index", str(folder), "--quiet"]) == 1
    assert capsys.readouterr().err.startswith("paracite: error: nothing indexed")
    assert sorted(os.listdir(folder)) == (["draft.docx", "notes.txt"] if existed else ["draft.docx"])


def test_a_failed_first_ingest_still_removes_the_empty_folders_it_made(tmp_path, capsys, monkeypatch):
    files = _exports(tmp_path, ["A/80/901"])
    monkeypatch.setenv("PARACITE_FAIL_AT", "parse")
    assert main(["ingest", *map(str, files), "--index", str(tmp_path / "new" / "ix"), "--quiet"]) == 1
    assert not (tmp_path / "new").exists()


# -- the web page: the documents an analyst keeps, and which report a hit is from -------------------

def _dated_library(folder):
    """Two reports with a date, an organ and a title each, two paragraphs apiece (export files)."""
    from ingest.models import Chunk

    for sym, date, organ in (("A/80/901", "2025-03-04", "General Assembly"),
                             ("E/2025/902", "2025-06-01", "Economic and Social Council")):
        rows = [dict(Chunk(sym, "paragraph", n, text).to_dict(), symbols=[sym], date=date, bodies=[organ],
                     title=f"Power grids of the region ({sym})")
                for n, text in ((1, f"Report {sym} on the power grid of the region."),
                                (2, f"The grid of {sym} needs <b>solar</b> investment."))]
        (folder / f"{sym.replace('/', '_')}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return sorted(folder.glob("*.jsonl"))


@pytest.fixture(scope="module")
def dated_server(tmp_path_factory):
    from live_server import LiveServer

    root = tmp_path_factory.mktemp("dated")
    assert main(["ingest", *map(str, _dated_library(root)), "--index", str(root / "ix"), "--quiet"]) == 0
    live = LiveServer(root / "ix").start()
    yield live
    live.stop()


def _page(server, path: str) -> tuple[int, str]:
    status, _, body = server.get(path)
    return status, body.decode()


def test_the_documents_page_lists_each_document_with_its_date_and_organs(dated_server):
    """The page had no list of the documents an index holds (only /api/documents): an analyst could not
    see what was indexed, nor a report's date and organs."""
    status, html = _page(dated_server, "/docs")
    assert status == 200 and "2 documents" in html
    assert html.index("E/2025/902") < html.index("A/80/901")  # newest first, as `paracite docs`
    assert '<a href="/d/E/2025/902">E/2025/902</a>' in html and "2025-06-01" in html
    assert "Economic and Social Council" in html and "Power grids of the region (A/80/901)" in html
    assert '<a href="/docs" class="docs-link">Documents</a>' in _page(dated_server, "/")[1]  # on every page
    status, html = _page(dated_server, "/docs?" + "since=2025-05&body=ECOSOC")
    assert status == 200 and "1 document match the filters" in html and "A/80/901" not in html.split("<main")[1]
    status, html = _page(dated_server, "/docs?since=2025-13")
    assert status == 400 and 'role="alert"' in html and "Traceback" not in html


def test_a_document_page_shows_its_metadata_and_contents_linked_to_paragraphs(dated_server):
    import html as html_lib
    import re

    status, html = _page(dated_server, "/d/a/80/901")  # any case, as the command line
    assert status == 200 and "<h1 id=\"doc-h\">A/80/901</h1>" in html and "General Assembly" in html
    assert '<input type="hidden" name="doc" value="A/80/901">' in html  # search in it
    links = re.findall(r'<a href="(/c\?citation=[^"]+)">', html)
    assert links and all(dated_server.get(html_lib.unescape(link))[0] == 200 for link in links)
    status, html = _page(dated_server, "/d/S/2025/1")
    assert status == 404 and 'role="alert"' in html and "no document S/2025/1 in this index" in html


def test_hits_and_paragraphs_say_the_report_date_and_organ(dated_server):
    """A hit said neither the date nor the issuing organ of its report (the date only when the hits came
    from several reports; the paragraph page neither)."""
    _, html = _page(dated_server, "/?q=power+grid&doc=A/80/901")  # one report: said once, above the hits
    date = '<time class="nowrap" datetime="{0}">{0}</time>'.format  # kept on one line (twenty-first session)
    assert '<p class="one-source">From <a href="/d/A/80/901">A/80/901</a> · Power grids of the region (A/80/901) ' \
           f"· {date('2025-03-04')} · General Assembly</p>" in html
    _, html = _page(dated_server, "/?q=power+grid")  # several: each hit says its own
    assert ('<p class="source">Power grids of the region (E/2025/902) · '
            f"{date('2025-06-01')} · Economic and Social Council</p>") in html
    _, html = _page(dated_server, "/p/E/2025/902/2")
    assert '<a href="/d/E/2025/902">E/2025/902</a> · Power grids of the region (E/2025/902) · ' \
           f"{date('2025-06-01')} · Economic and Social Council</p>" in html
    assert "&lt;b&gt;solar&lt;/b&gt;" in html  # document text stays text


def test_each_hit_has_a_copy_citation_button(dated_server):
    """Copying a hit's citation took opening its paragraph page first."""
    _, html = _page(dated_server, "/?q=power+grid")
    assert html.count('class="copy small-copy" data-citation="') == 4
    assert 'data-citation="E/2025/902, para. 1" data-select="hit-' in html


# -- the same in a real Chromium: one click or one key copies a hit's citation; a phone's width --------

def _browser_ready():
    from test_serve_browser import _missing

    return _missing()


@pytest.mark.skipif(bool(_browser_ready()), reason=_browser_ready() or "ok")
def test_copy_a_hits_citation_with_the_keyboard_alone(browser, dated_server):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    from test_serve_browser import _wait

    browser.set_window_size(1100, 900)
    browser.get(dated_server.url + "/?q=power+grid")
    _wait(browser, "ol.hits li.hit")
    buttons = browser.find_elements(By.CSS_SELECTOR, "li.hit button.copy")
    WebDriverWait(browser, 30).until(lambda d: buttons[1].is_displayed())  # app.js shows them
    cite = browser.find_elements(By.CSS_SELECTOR, "li.hit a.citation")[1].text
    browser.find_elements(By.CSS_SELECTOR, "li.hit a.citation")[1].send_keys(Keys.TAB)  # from the citation, Tab
    assert browser.switch_to.active_element == buttons[1]
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    status = browser.find_elements(By.CSS_SELECTOR, "li.hit .copied")[1]
    WebDriverWait(browser, 30).until(lambda d: cite in status.text)  # copied, or selected for Ctrl+C
    assert not browser.find_elements(By.CSS_SELECTOR, "li.hit .copied")[0].text  # the other hits say nothing


@pytest.mark.skipif(bool(_browser_ready()), reason=_browser_ready() or "ok")
@pytest.mark.parametrize("path", ["/docs", "/d/E/2025/902", "/?q=power+grid"])
def test_the_new_pages_fit_a_phone(browser, dated_server, path):  # noqa: F811
    browser.set_window_size(390, 844)
    browser.get(dated_server.url + path)
    assert browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    browser.set_window_size(1100, 900)


# -- a renamed file is said to be renamed -----------------------------------------------------------

def test_a_renamed_file_is_renamed_not_added_and_removed(tmp_path, capsys):
    """Renaming a report's file (same bytes) and ingesting the folder said "1 added, ... 1 removed" and
    "added: A/80/902; removed: A/80/902": the same document, gone and back."""
    lib = tmp_path / "lib"
    lib.mkdir()
    _exports(lib, ["A/80/901", "A/80/902"])
    ix = str(tmp_path / "ix")
    files = lambda: sorted(map(str, lib.glob("*.jsonl")))  # noqa: E731  (a folder holds .pdf and .txt only)
    assert main(["ingest", *files(), "--index", ix, "--quiet"]) == 0
    capsys.readouterr()
    (lib / "A_80_902.jsonl").rename(lib / "grid-report.jsonl")
    assert main(["ingest", *files(), "--index", ix, "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(": 0 added, 0 changed, 1 unchanged, 1 renamed, 0 removed, 0 skipped")
    assert out[2] == "  renamed: A/80/902 (A_80_902.jsonl → grid-report.jsonl)"
    row = json.loads((lib / "grid-report.jsonl").read_text())  # renamed and changed: a new file, an old one gone
    (lib / "grid-report.jsonl").write_text(json.dumps(dict(row, text=row["text"] + " Revised.")) + "\n")
    (lib / "grid-report.jsonl").rename(lib / "grid-report-2.jsonl")
    assert main(["ingest", *files(), "--index", ix, "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(": 1 added, 0 changed, 1 unchanged, 1 removed, 0 skipped")
    (lib / "moved").mkdir()  # moved to another folder under its own name: the paths say where
    (lib / "A_80_901.jsonl").rename(lib / "moved" / "A_80_901.jsonl")
    assert main(["ingest", *files(), str(lib / "moved" / "A_80_901.jsonl"), "--index", ix, "--quiet"]) == 0
    assert capsys.readouterr().out.splitlines()[2] == \
        f"  renamed: A/80/901 ({lib / 'A_80_901.jsonl'} → {lib / 'moved' / 'A_80_901.jsonl'})"


# -- a Milvus-backed library: the page marks each hit's best sentence as the local one does ----------

def test_the_best_sentence_is_marked_on_a_milvus_backed_index_too(tmp_path):
    """On Milvus the page marked no sentence in any hit: the marking read the build's sentence file,
    which a Milvus build does not keep (its sentence vectors are in Milvus)."""
    pytest.importorskip("pymilvus", reason="the Milvus backend needs the scale extra: pip install -e '.[scale]'")
    pytest.importorskip("milvus_lite", reason="Milvus Lite needs the scale extra: pip install -e '.[scale]'")
    from ingest.models import Chunk
    from search import Searcher
    from search.context import best_sentences

    texts = ["The region's power grid failed twice in 2024. Solar farms were built in the north. "
             "Remittances paid for rooftop panels.",
             "Fishing quotas were cut by a third. The power grid reached every village by 2025.",
             "Schools reopened after the storm. Teachers were paid late."]
    rows = [dict(Chunk("A/80/950", "paragraph", n, t).to_dict(), symbols=["A/80/950"]) for n, t in enumerate(texts, 1)]
    source = tmp_path / "A_80_950.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    local, milvus = tmp_path / "local", tmp_path / "milvus"
    assert main(["ingest", str(source), "--index", str(local), "--quiet"]) == 0
    assert main(["ingest", str(source), "--index", str(milvus), "--milvus", str(tmp_path / "m.db"), "--quiet"]) == 0
    marked = []
    for folder in (local, milvus):
        with Searcher.open(folder) as s:
            hits = s.search("power grid", k=3)
            spans = best_sentences(s, "power grid", hits)
            marked.append([h.text[span[0]:span[1]] if span else None for h, span in zip(hits, spans)])
    assert marked[0] == marked[1]
    assert "The power grid reached every village by 2025." in marked[1]
