"""The twenty-fifth session's user audit (docs/user-audit-log.md, h-r25ux): an analyst's first afternoon.
A citation pasted back into ``show`` (and ``Searcher.get``), a paragraph's footnotes on the command line,
dates typed as the documents print them, symbols typed loosely, and quotations to paste into a note."""

from __future__ import annotations

import pytest

from paracite.errors import NotFound, UsageError
from search.cli import main
from search.doc_filters import make_filter
from index.symbol_lookup import find_symbol, loosely_named, symbol_table
from search.typed_dates import AmbiguousDate, iso_date
from test_serve_browser import _missing, _wait, browser, server  # noqa: F401 (the browser tests' fixtures)
from test_ux_round21 import _exports


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """Two one-paragraph documents of 2025, issued in March and in June."""
    root = tmp_path_factory.mktemp("dated25")
    files = _exports(root, [("A/80/901", "Power grids", "2025-03-12", "General Assembly",
                             "Report A/80/901 on the power grid of the region."),
                            ("E/2025/902", "Solar power", "2025-06-01", "Economic and Social Council",
                             "The grid of E/2025/902 needs solar investment.")])
    assert main(["ingest", *map(str, files), "--index", str(root / "ix"), "--quiet"]) == 0
    return root / "ix"


# -- show: a citation as printed, pasted back; the paragraph's footnotes ---------------------------------

def test_show_takes_a_citation_pasted_as_printed_and_prints_its_footnotes(index_dir, capsys):
    """``paracite show "A/69/207, para. 49"`` (the form search, ask and the web's Copy button give) was
    "no document A/69/207, para. 49 in this index", exit 4; and ``show`` printed no footnote, where the
    web page lists them under the paragraph."""
    assert main(["show", "A/69/207, para. 49", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A/69/207, para. 49\n")
    assert "    Footnotes:\n      10 Ibid.\n      11 Kevin Watkins and Maria Quattri" in out
    assert main(["show", "a/69/207 paragraph 49", "--context", "1", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "A/69/207, para. 48\n" in out and "A/69/207, para. 49  <- asked for" in out and "para. 50\n" in out


def test_a_pasted_citation_that_names_nothing_is_one_line_and_exit_4(index_dir, capsys):
    assert main(["show", "A/69/207, para. 460", "--index", str(index_dir)]) == 4  # as `show A/69/207 460` says it
    err = capsys.readouterr().err
    assert err.startswith("paracite: error: A/69/207 has no paragraph 460 (its paragraphs are numbered 1 to ")
    assert err.count("\n") == 1
    assert main(["show", "A/69/207, table 9", "--index", str(index_dir)]) == 4
    assert capsys.readouterr().err.startswith("paracite: error: nothing in A/69/207 is cited as 'A/69/207, table 9'")
    assert main(["show", "A/69/208, para. 46", "--index", str(index_dir)]) == 4
    assert "no document A/69/208 in this index; did you mean A/69/207?" in capsys.readouterr().err


def test_the_searcher_finds_a_whole_citation(searcher):
    hit = searcher.cited("a/69/207 paragraph 46")
    assert hit.citation == "A/69/207, para. 46" and hit.number == 46
    with pytest.raises(NotFound):
        searcher.cited("A/69/207, para. 460")


# -- --quote: what a note pastes ----------------------------------------------------------------------

def test_quote_prints_each_paragraph_as_a_note_quotes_it(index_dir, capsys):
    assert main(["show", "A/69/207", "46", "--quote", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("“The International Fund for Agricultural Development (IFAD)")
    assert out.endswith("over US$ 40 billion.” (A/69/207, para. 46)\n\n") and "\n    " not in out
    assert main(["search", "remittance costs", "-k", "3", "--quote", "--index", str(index_dir)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line]
    assert len(lines) == 3 and all(line.startswith("“") and line.endswith(")") for line in lines)
    assert "score" not in " ".join(lines)


def test_quote_and_json_together_are_a_usage_error(index_dir, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["search", "remittances", "--quote", "--json", "--index", str(index_dir)])
    assert stop.value.code == 2 and "--quote and --json" in capsys.readouterr().err


# -- dates typed as the documents print them --------------------------------------------------------------

@pytest.mark.parametrize("typed, iso", [("12 March 2025", "2025-03-12"), ("March 12, 2025", "2025-03-12"),
                                        ("March 2025", "2025-03"), ("Mar. 2025", "2025-03"), ("sept 2024", "2024-09"),
                                        ("1st May 2025", "2025-05-01"), ("2025/03", "2025-03"),
                                        ("2025/3/12", "2025-03-12"), ("03/2025", "2025-03"),
                                        ("25/03/2025", "2025-03-25"), ("03/25/2025", "2025-03-25"),
                                        ("2025", "2025"), ("2025-03-12", "2025-03-12")])
def test_a_date_typed_another_way_reads_as_iso(typed, iso):
    """"--since 'March 2025'" was "must be a date as YYYY, YYYY-MM or YYYY-MM-DD", exit 2."""
    assert iso_date(typed) == iso
    assert make_filter(typed).since == iso


@pytest.mark.parametrize("typed", ["yesterday", "25", "Ma 2025", "12 13 March 2025", "2025 2026"])
def test_what_reads_as_no_date_is_still_refused(typed):
    with pytest.raises(UsageError, match="must be a date as YYYY"):
        make_filter(typed)


def test_a_day_and_month_that_could_be_swapped_are_refused_with_both_readings():
    with pytest.raises(AmbiguousDate):
        iso_date("04/03/2025")
    with pytest.raises(UsageError) as e:
        make_filter(until="12.03.2025")
    assert str(e.value) == "--until '12.03.2025' could be 2025-03-12 or 2025-12-03; type it as YYYY-MM-DD"
    with pytest.raises(UsageError, match="there is no 2025-02-30 in the calendar"):
        make_filter("30 February 2025")


def test_docs_and_search_narrow_by_a_date_as_printed(dated, capsys):
    assert main(["docs", "--since", "12 March 2025", "--until", "May 2025", "--index", str(dated)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A/80/901  2025-03-12") and "E/2025/902" not in out
    assert main(["search", "grid", "--since", "June 2025", "--index", str(dated)]) == 0
    out = capsys.readouterr().out
    assert "E/2025/902, para. 1" in out and "A/80/901" not in out


# -- symbols typed loosely ---------------------------------------------------------------------------------

def test_a_symbol_typed_loosely_names_the_one_document_it_can_be(searcher, dated, capsys):
    """``--doc "A 69 207"``, ``a69207``, ``A_69_207`` (as the file is named) or ``A/69/207.`` were each "no
    document ... did you mean A/69/207?", exit 4."""
    for typed in ("A 69 207", "a69207", "A_69_207", "A/69/207.", "a-69-207"):
        assert searcher.get(typed, 46).citation == "A/69/207, para. 46", typed
    assert main(["search", "grid", "--doc", "e 2025 902", "--index", str(dated)]) == 0
    out = capsys.readouterr().out
    assert "E/2025/902, para. 1" in out and "A/80/901" not in out


def test_a_loose_symbol_two_documents_could_be_or_a_typo_is_no_document():
    table = symbol_table({"A/80/62": {"symbols": ["A/80/62"]}, "A/806/2": {"symbols": []},
                          "E/CN.3/2025/8": {"symbols": []}})
    assert loosely_named(table, "a8062") is None  # both documents read so without separators
    assert find_symbol(table, "A 80 62") == "A/80/62" and find_symbol(table, "a 806 2") == "A/806/2"
    assert find_symbol(table, "E CN 3 2025 8") == "E/CN.3/2025/8"
    assert find_symbol(table, "A/8/062") is None  # the numbers grouped otherwise: a typo, not a spacing
    assert find_symbol(table, "...") is None


# -- a citation typed into the search box ----------------------------------------------------------------

def test_a_citation_searched_for_points_to_the_paragraph_it_cites(index_dir, capsys):
    """``search "A/69/207, para. 46"`` searched its words and listed other paragraphs, with no word of the
    paragraph cited; now a note says how to print it (the hits themselves are unchanged)."""
    assert main(["search", "A/69/207, para. 46", "-k", "2", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("paracite: note: that is a citation: `paracite show 'A/69/207, para. 46'` prints it")
    assert main(["search", "a/69/207 paragraph 46", "-k", "2", "--json", "--index", str(index_dir)]) == 0
    run = capsys.readouterr()
    assert "that is a citation" in run.err and run.out.lstrip().startswith("[")
    for words in ("A/69/207", "remittance costs", "A/69/207, para. 460"):  # a symbol alone, words, nothing cited
        assert main(["search", words, "-k", "1", "--index", str(index_dir)]) == 0
        assert "that is a citation" not in capsys.readouterr().out, words


def test_the_search_page_links_the_paragraph_a_typed_citation_names(index_dir):
    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(index_dir)) as client:
        page = client.get("/", params={"q": "A/69/207, para. 46"})
        assert page.status_code == 200
        assert 'That is a citation: <a href="/p/A/69/207/46">open A/69/207, para. 46</a>' in page.text
        assert "That is a citation" not in client.get("/", params={"q": "remittance costs"}).text
        api = client.get("/api/search", params={"q": "a/69/207 paragraph 46", "k": 2}).json()
        assert api["notes"][-1] == ("q is the citation A/69/207, para. 46: /api/paragraph?citation=A%2F69%2F207%2C+para.+46 "
                                    "gives that paragraph; the hits match its words")
        assert len(api["hits"]) == 2 and "notes" not in client.get("/api/search", params={"q": "remittances"}).json()


# -- a command or flag other tools have ---------------------------------------------------------------------

@pytest.mark.parametrize("argv, meant", [(["searhc", "x"], "did you mean `paracite search`?"),
                                         (["find", "x"], "did you mean `paracite search`?"),
                                         (["list"], "did you mean `paracite docs`?"),
                                         (["search", "x", "--limit", "3"], "--limit 3; did you mean -k?"),
                                         (["search", "x", "--from", "2025"], "--from 2025; did you mean --since?"),
                                         (["docs", "--sicne", "2025"], "--sicne 2025; did you mean --since?"),
                                         (["show", "A/69/207", "--cntext", "2"], "did you mean --context?")])
def test_a_command_or_flag_paracite_lacks_is_answered_with_the_one_it_has(argv, meant, capsys):
    """``paracite searhc`` listed the eleven commands; ``--limit 3`` said only "unrecognized arguments"."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err
    assert stop.value.code == 2 and meant in err and err.count("\n") == 1


@pytest.mark.parametrize("argv", [["xyz"], ["search", "x", "--zzz"], ["ask", "x", "--top", "3"]])
def test_nothing_is_offered_when_nothing_is_near(argv, capsys):
    with pytest.raises(SystemExit):
        main(argv)
    assert "did you mean" not in capsys.readouterr().err


# -- the paragraph page: Copy quote ---------------------------------------------------------------------------

def test_the_paragraph_page_offers_the_quotation_a_note_pastes(index_dir):
    """The page copied the citation alone; a note wants the words with it, as ``show --quote`` prints them."""
    import html

    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(index_dir)) as client:
        page = client.get("/p/A/69/207/46").text
    quoted = html.unescape(page.split('class="copy quote secondary" data-citation="')[1].split('"\n')[0])
    assert quoted.startswith("“The International Fund for Agricultural Development (IFAD)")
    assert quoted.endswith("over US$ 40 billion.” (A/69/207, para. 46)") and "  " not in quoted
    assert ">Copy quote</button>" in page and ">Copy citation</button>" in page


@pytest.mark.skipif(bool(_missing()), reason=_missing() or "ok")
def test_copy_quote_in_chromium_says_what_it_copied(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server.url + "/p/A/69/207/46")
    button = _wait(browser, "button.quote")
    WebDriverWait(browser, 30).until(lambda d: button.is_displayed())  # app.js ran
    button.click()
    WebDriverWait(browser, 30).until(lambda d: d.find_element(By.ID, "copied").text)
    said = browser.find_element(By.ID, "copied").text
    assert said in ("Copied the quotation with its citation",
                    "Selected: press Ctrl+C to copy the text (its citation is above)"), said
