"""The twenty-third session's user audit (docs/user-audit-log.md, h-r23ux): a new user's first hour.
Help that says where to start and gives examples, a README whose every command and flag exists,
Python objects that print readably, a typo'd organ said once with its correction, files an ingest
does not read named, and a page's unknown symbol offering the nearest documents as links."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from search.cli import build_parser, main
from search.cli_help import EXAMPLES
from search.models import Hit
from test_ux_round21 import _exports

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("small23")
    files = _exports(root, [("A/80/901", "Power grids", "2025-03-04", "Security Council",
                             "Report A/80/901 on the power grid of the region."),
                            ("E/2024/902", "Solar power", "2024-06-01", "Economic and Social Council",
                             "The grid of E/2024/902 needs solar investment.")])
    assert main(["ingest", *map(str, files), "--index", str(root / "ix"), "--quiet"]) == 0
    return root / "ix"


# -- --help: where to start, each command's purpose and examples ----------------------------------------

def test_help_says_where_to_start_and_each_command_gives_its_purpose_and_examples():
    """``paracite --help`` listed the commands and nothing else; a command's help had no example and
    no sentence saying what it does."""
    run = subprocess.run([sys.executable, "-m", "search", "--help"], capture_output=True, text=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert run.returncode == 0 and "start here:" in run.stdout
    assert "paracite ingest ~/reports --index ~/un-index" in run.stdout and "PARACITE_INDEX" in run.stdout
    parser = build_parser()
    assert set(EXAMPLES) == set(parser.commands)  # a new command gets its examples too
    for name, command in parser.commands.items():
        text = command.format_help()
        assert "examples:\n  paracite " + name in text, name
        assert command.description and command.description.endswith("."), name
    search_help = parser.commands["search"].format_help()
    assert "paracite search [-h]" in search_help and "QUERY" in search_help  # positionals in capitals, as flags' values


def test_every_example_in_the_help_parses_as_written():
    parser = build_parser()
    for name, lines in EXAMPLES.items():
        for line in lines:
            argv = shlex.split(line.split("  #")[0].split(">")[0])[1:]
            args, extra = parser.parse_known_args(argv)
            assert args.command == name and not extra, line


def test_every_command_and_flag_the_readme_names_exists():
    """The README is a first-time user's only guide: a flag it names that the parser lacks fails as
    written (checked by reading each ``paracite COMMAND ...`` up to its comment)."""
    commands = build_parser().commands
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    seen = 0
    for m in re.finditer(r"paracite ([a-z]+)([^\n`#]*)", text):
        if m.group(1) not in commands:
            continue
        flags = {o for a in commands[m.group(1)]._actions for o in a.option_strings}
        for flag in re.findall(r"(?<![\w/])(--[a-z][a-z-]*|-k)\b", m.group(2)):
            seen += 1
            assert flag in flags, m.group(0)
    assert seen > 50
    named = set(re.findall(r"`paracite ([a-z]+)", text)) - {"COMMAND"}
    assert named <= set(commands), named - set(commands)


# -- Python: readable objects, docstrings that say what to call first ------------------------------------

def test_a_hit_prints_as_its_citation_score_and_the_start_of_its_text():
    """A printed list of hits showed each whole paragraph, section and entity tuple."""
    text = ("The International Fund for Agricultural Development (IFAD) and the European Commission, in "
            "collaboration with the World Bank and the Universal Postal Union (UPU), have launched ...")
    hit = Hit("A/69/207, para. 46", "A/69/207", 46, "paragraph", ("III. Implementing",), text, 3.41497, rank=1)
    assert repr(hit) == ("Hit('A/69/207, para. 46', score=3.415, text='The International Fund for Agricultural "
                         "Development (IFAD) and the ...')")
    unranked = Hit("A/69/207, para. 46", "A/69/207", 46, "paragraph", (), "Short.", 1.0)  # ``get``'s: no score
    assert repr(unranked) == "Hit('A/69/207, para. 46', text='Short.')"
    assert unranked.text == "Short." and hit.section == ("III. Implementing",)  # the fields are all there


def test_a_searcher_prints_what_it_holds(small):
    from search import Searcher

    with Searcher.open(small) as s:
        assert re.fullmatch(r"Searcher\('.+': 2 document\(s\), 2 chunks\)", repr(s))


def test_help_of_the_packages_says_what_to_call_first():
    import paracite
    import search

    for doc in (search.__doc__, paracite.__doc__):
        assert "Searcher.open(" in doc and "ingest(" in doc
    assert "``search``" in search.Searcher.__doc__ and "``ask``" in search.Searcher.__doc__


# -- a typo'd organ is said once, with its correction ------------------------------------------------------

@pytest.mark.parametrize("command", ["search", "ask"])
def test_a_typod_organ_alone_is_said_once_with_the_organ_meant(small, capsys, command):
    """It was said twice: "no organ named 'Securty Council' ...; see `paracite docs`" and then the line
    "No documents match --body ...: did you mean Security Council? ..."."""
    assert main([command, "power grid", "--body", "Securty Council", "--index", str(small)]) == 0
    out = capsys.readouterr().out
    assert "no organ named" not in out
    assert out.count("Securty Council") == 1 and "did you mean Security Council?" in out


def test_a_typod_organ_beside_a_known_one_gets_its_correction_in_the_note(small, capsys):
    assert main(["search", "power grid", "--body", "Securty Council", "--body", "ECOSOC", "--index", str(small)]) == 0
    out = capsys.readouterr().out
    assert "paracite: no organ named 'Securty Council' in this index; did you mean 'Security Council'?" in out
    assert "E/2024/902" in out
    assert main(["search", "power grid", "--body", "XYZ", "--body", "ECOSOC", "--index", str(small)]) == 0
    assert "no organ named 'XYZ' in this index; see `paracite docs`" in capsys.readouterr().out


# -- an ingest names the files of its folders it does not read ---------------------------------------------

def test_an_ingest_names_the_files_it_does_not_read(small, tmp_path, capsys):
    """A folder with a .docx, a .csv and notes beside its reports: they were passed over silently."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in sorted(small.parent.glob("*.jsonl")):
        (folder / f.name.replace(".jsonl", ".txt")).write_text(
            f"Report\n\n1. {f.stem} holds a paragraph on grids and power.\n", encoding="utf-8")
    for name in ("notes.md", "figures.csv", "draft.docx", "more.odt"):
        (folder / name).write_text("x", encoding="utf-8")
    (folder / ".hidden.md").write_text("x", encoding="utf-8")
    assert main(["ingest", str(folder), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert ("paracite: note: 4 files in the folders given are not .pdf or .txt and were not read: "
            "draft.docx, figures.csv, more.odt and 1 more") in err
    assert ".hidden" not in err
    assert main(["add", str(folder), "--index", str(folder / "ix"), "--quiet"]) == 0  # an index inside the folder
    assert "4 files in the folders given" in capsys.readouterr().err  # its own files are not counted


def test_an_ingest_of_files_alone_has_no_such_note(tmp_path):
    from ingest.reader import passed_over

    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.html").write_text("x", encoding="utf-8")
    assert passed_over([tmp_path / "a.txt"]) == []
    assert passed_over([tmp_path]) == ["1 file in the folders given is not .pdf or .txt and was not read: b.html"]


# -- the web: a mistyped symbol offers the nearest documents as links --------------------------------------

def test_a_page_for_a_mistyped_symbol_links_the_nearest_documents(small):
    """The page said "did you mean A/80/901?" as text, to be retyped; the API is unchanged."""
    from starlette.testclient import TestClient

    from search.web.app import create_app

    with TestClient(create_app(small)) as client:
        for path in ("/d/A/80/90", "/p/A/80/90/1", "/?q=grid&doc=A/80/90", "/c?citation=A/80/90, para. 1"):
            page = client.get(path, follow_redirects=False)
            assert page.status_code == 404, path
            assert '<p class="near">Open <a href="/d/A/80/901">A/80/901</a></p>' in page.text, path
        assert 'class="near"' not in client.get("/d/Z/1").text  # nothing near: no empty line
        assert client.get("/api/search", params={"q": "grid", "doc": "A/80/90"}).json().keys() == {"error"}


def test_a_documents_page_names_its_summary_and_its_box_can_ask(tmp_path):
    """The contents' first row read "(no heading) (summary)"; the box in the page could only search."""
    import json

    from starlette.testclient import TestClient

    from ingest.models import Chunk
    from search.web.app import create_app

    rows = [Chunk("A/80/905", "summary", 0, "The present report describes the power grid."),
            Chunk("A/80/905", "paragraph", 1, "The grid of the region needs investment.", section=("I. Grids",))]
    path = tmp_path / "A_80_905.jsonl"
    path.write_text("".join(json.dumps(dict(c.to_dict(), symbols=["A/80/905"], title="Grids", date="2025-01-02"))
                            + "\n" for c in rows), encoding="utf-8")
    assert main(["ingest", str(path), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    with TestClient(create_app(tmp_path / "ix")) as client:
        page = client.get("/d/A/80/905").text
    assert '<a href="/c?citation=A%2F80%2F905%2C+summary">Summary</a></li>' in page and "(no heading)" not in page
    assert 'formaction="/ask"' in page.split('class="search-in"')[1].split("</form>")[0]


def test_a_file_that_is_no_report_is_skipped_with_its_reason_not_the_stage(tmp_path, capsys):
    """"skipped x.pdf (parse): not a PDF ..." named a stage a user need not know; a time limit or a
    fault of paracite's keeps it (``test_ingest_library``)."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "A_80_1.txt").write_text("Report\n\n1. The grid of the region needs investment.\n", encoding="utf-8")
    (folder / "page.pdf").write_text("<html>saved from a browser</html>", encoding="utf-8")
    assert main(["ingest", str(folder), "--index", str(tmp_path / "ix"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"paracite: skipped {folder / 'page.pdf'}: not a PDF (no %PDF- header)" in err and "(parse)" not in err
