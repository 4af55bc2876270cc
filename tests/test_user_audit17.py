"""The seventeenth session's user audit (docs/user-audit-log.md, h-r17web): an answer's closest
paragraphs say when they are weak matches, as a search's hits do; bad input found by the audit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from live_server import LiveServer
from paragraph_library import index_paragraphs
from search import Searcher
from search.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
#: refused (no date is given), its closest paragraphs the remittance one and the peace operation's
NEAR = "When will remittance costs fall to 3 per cent?"
#: refused, and nothing indexed treats it
FAR = "How many volcanoes erupted in 2013?"


@pytest.fixture(scope="module")
def costs_library(tmp_path_factory) -> Path:
    """Seven real paragraphs: two on the costs of remittances (A/69/207), two on a peace operation's
    one-off costs (A/79/907), three on other things (tests/test_user_audit16.py's)."""
    docs = json.loads((FIXTURES / "weak_match_paragraphs.json").read_text())
    return index_paragraphs(tmp_path_factory.mktemp("weak17"), [tuple(d) for d in docs])


def test_closest_paragraphs_of_a_refusal_are_marked_weak_where_they_barely_treat_the_question(costs_library):
    """A refusal sent the reader to its "closest paragraphs" with nothing saying that some were on
    another subject (a peace operation's costs for remittance costs); each is now measured against
    the question as a search hit is (``search.match_strength.marked``)."""
    with Searcher.open(costs_library) as s:
        near = s.ask(NEAR)
        assert not near.answered
        weak = {h.citation: h.weak for h in near.closest}
        assert weak["A/69/207, para. 46"] is False
        assert any(w for c, w in weak.items() if c.startswith("A/79/907"))
        assert [c["weak"] for c in near.to_dict()["closest"]] == [h.weak for h in near.closest]
        far = s.ask(FAR)
        assert not far.answered and far.closest and all(h.weak for h in far.closest)


def test_the_cli_and_its_json_mark_a_weak_closest_paragraph(costs_library, capsys):
    assert main(["ask", NEAR, "--index", str(costs_library)]) == 0
    out = capsys.readouterr().out
    lines = {m.group(1): bool(m.group(2)) for m in re.finditer(r"^(?:\[\d+\] )?(\S+, para\. \d+)(  \(weak match\))?$", out, re.M)}
    assert lines["A/69/207, para. 46"] is False and any(w for c, w in lines.items() if c.startswith("A/79/907"))
    assert main(["ask", FAR, "--json", "--index", str(costs_library)]) == 0
    closest = json.loads(capsys.readouterr().out)["closest"]
    assert closest and all(c["weak"] is True for c in closest)


def test_the_ask_page_and_api_mark_a_weak_closest_paragraph(costs_library):
    live = LiveServer(costs_library).start()
    try:
        status, _, body = live.get("/ask?q=" + NEAR.replace(" ", "+").replace("?", "%3F"))
        assert status == 200
        items = re.findall(r"<li><a class=\"citation\"[^>]*>([^<]+)</a>( <span class=\"weak\">weak match</span>)?",
                           body.decode())
        marked = {c: bool(w) for c, w in items}
        assert marked["A/69/207, para. 46"] is False and any(w for c, w in marked.items() if c.startswith("A/79/907"))
        status, data = live.json("/api/ask?q=" + FAR.replace(" ", "+").replace("?", "%3F"))
        assert status == 200 and data["closest"] and all(c["weak"] is True for c in data["closest"])
        status, spec = live.json("/openapi.json")
        assert "weak" in spec["components"]["schemas"]["Answer"]["properties"]["closest"]["items"]["properties"]
    finally:
        live.stop()


# -- bad input found by the audit: one line, an exit code, the index untouched ---------------------
def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("paracite: error: ") and "Traceback" not in err[0], err
    return err[0]


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != ".lock"}  # the build lock's file holds the last builder's pid


def test_search_takes_every_chunk_kind_an_index_holds(tmp_path, capsys):
    """`search --kind note` was refused by the command line ("invalid choice") though the library holds
    126 notes (small type cited by page) and the web page and the API offer the kind."""
    from ingest.models import Chunk

    rows = [dict(Chunk("X/2026/7", "paragraph", 1, "The budget of the mission rose.", page=1).to_dict(), symbols=["X/2026/7"]),
            dict(Chunk("X/2026/7", "note", 1, "Budget in thousands of United States dollars.", page=1).to_dict(),
                 symbols=["X/2026/7"])]
    (tmp_path / "notes.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert main(["ingest", str(tmp_path / "notes.jsonl"), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["search", "budget", "--kind", "note", "--json", "--index", str(tmp_path / "ix")]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["kind"] for h in hits] == ["note"] and hits[0]["citation"] == "X/2026/7, p. 1, note 1"


@pytest.mark.parametrize("command", ["ingest", "add", "remove", "search"])
def test_an_index_s_build_folder_given_as_index_is_refused_and_left_alone(costs_library, capsys, command):
    """`--index DIR/current` (one build inside the index): an ingest of a bad file there wrote its lock
    and cache into the build readers use, a good one would have nested an index in it, and a search
    answered "no index here; run `paracite ingest PATH --index DIR/current`". Now each names the index."""
    build = costs_library / "current"
    before = _tree(build.resolve())
    report = str(FIXTURES / "weak_match_paragraphs.json")
    argv = {"ingest": ["ingest", report, "--quiet"], "add": ["add", report, "--quiet"],
            "remove": ["remove", "A/69/207", "--quiet"], "search": ["search", "remittances"]}[command]
    assert main(argv + ["--index", str(build)]) == 3
    line = _one_error_line(capsys)
    assert "one build inside the index" in line and line.endswith(f"give --index {costs_library.resolve()}")
    assert _tree(build.resolve()) == before and sorted(p.name for p in build.iterdir()) == sorted(before)


def test_serve_refuses_a_build_folder_before_it_listens(costs_library):
    """`paracite serve --index DIR/current` answered 503 for good: no ingest ever makes a build an index.
    (A port no socket takes: were the folder not refused first, listening would fail instead.)"""
    from paracite.errors import IndexNotFound
    from search.web import serve

    with pytest.raises(IndexNotFound, match="one build inside the index"):
        serve(costs_library / "current", port=70000)


def test_adding_only_files_that_fail_leaves_the_index_as_it_was(costs_library, tmp_path, capsys):
    """`paracite add bad.pdf` where every named file failed rebuilt the index as it was (a new build,
    `current` swapped, the "0 added ... 1 skipped" line); like `ingest`, it now refuses with the index unchanged."""
    bad = tmp_path / "bad.pdf"
    bad.write_text("<html>not a report</html>")
    was = (costs_library / "current").resolve()
    builds = sorted(p.name for p in (costs_library / "builds").iterdir())
    assert main(["add", str(bad), "--index", str(costs_library), "--quiet"]) == 1
    line = _one_error_line(capsys)
    assert line.startswith("paracite: error: nothing added, the index is unchanged: ") and "not a PDF" in line
    assert (costs_library / "current").resolve() == was
    assert sorted(p.name for p in (costs_library / "builds").iterdir()) == builds


@pytest.mark.parametrize("argv,said", [
    (["show", ""], "the document symbol is empty"),
    (["show", "A/69/207", "46", "--page", "0"], "--page must be at least 1, got 0"),
    (["show", "A/69/207", "46", "--page", "-2"], "--page must be at least 1, got -2"),
    (["show", "A/69/207", "--preamble", "0"], "--preamble must be at least 1, got 0"),
])
def test_show_s_impossible_values_are_usage_errors(costs_library, capsys, argv, said):
    """They were looked up as if an index could hold them ("no document  in this index", "no
    paragraph 46 on page 0", exit 4)."""
    assert main(argv + ["--index", str(costs_library)]) == 2
    assert said in _one_error_line(capsys)


def test_a_named_pipe_given_as_a_report_is_refused_at_once(tmp_path, capsys):
    """`paracite ingest x.pdf` where x.pdf is a named pipe blocked for good (past --timeout): the file's
    checksum is read before any worker starts. Now one line, exit 1, and no index folder made."""
    import os

    pipe = tmp_path / "report.pdf"
    os.mkfifo(pipe)
    assert main(["ingest", str(pipe), "--index", str(tmp_path / "ix"), "--timeout", "5", "--quiet"]) == 1
    assert "not a regular file" in _one_error_line(capsys)
    assert not (tmp_path / "ix").exists()


@pytest.mark.parametrize("argv,hint", [(["search"], "paracite search --help"), (["show", "A/69/207", "--pge", "2"],
                                                                             "paracite show --help"),
                                       (["frobnicate"], "paracite --help")])
def test_a_usage_error_points_to_the_help_of_the_command_typed(capsys, argv, hint):
    """`paracite search` with no query said "see `paracite --help`", whose page lists the commands
    but not the query the user left out; the command's own help says what it takes."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2 and _one_error_line(capsys).endswith(f"(see `{hint}`)")
