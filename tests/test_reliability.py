"""Reliability (issue #8): killed builds, concurrent builds, readers during a rebuild, damaged
indexes, bad arguments and the error hierarchy. Real ingests, real SQLite and FAISS throughout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.build import BUILDS, CURRENT, _remove_old_builds, build_index
from index.lock import build_lock, holder_words
from paracite import errors
from paracite.errors import IndexBusy, IndexMismatch, IndexNotFound, ParaciteError
from search import Searcher
from search.cli import main

from conftest import REPORT, ROOT, seeded

OLD_QUERY = "Universal Postal Union remittance initiative"
OLD_ANSWER = "A/69/207, para. 46"  # beyond the small report, so only the old index has it


# -- helpers ---------------------------------------------------------------------------------
SMALL_CHUNKS = 7  # summary, paras. 1-5, table 1


@pytest.fixture(scope="module")
def small_report(tmp_path_factory) -> Path:
    """The report cut before paragraph 6: a different, quick-to-embed corpus for rebuilds."""
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if re.match(r"\s*6\.(\s|$)", line))
    path = tmp_path_factory.mktemp("small") / "A-69-207-small.txt"
    path.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_parsed(small_report, tmp_path_factory) -> Path:
    """An index of the small report alone, built once: its cache seeds ``old_index``, so a rebuild
    (in this process or in a killed ``paracite ingest``) reads the small report's parse and vectors
    instead of reading it again. These tests are about builds locked, killed, swapped and damaged;
    a cache entry is keyed by the file's bytes and is what a fresh read gives."""
    folder = tmp_path_factory.mktemp("small-index")
    build_index([small_report], folder, progress=False)
    return folder


@pytest.fixture
def old_index(index_dir, small_parsed, tmp_path) -> Path:
    """A private copy of the session index (the symlink is relative, so the copy is whole), its
    cache holding the small report too."""
    folder = tmp_path / "ix"
    shutil.copytree(index_dir, folder, symlinks=True)
    return seeded(folder, small_parsed)


def builds(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / BUILDS).iterdir())


def assert_old_index_answers(folder: Path) -> None:
    """A fresh Searcher opens ``folder`` and finds the old index's paragraph 46, in every mode."""
    with Searcher.open(folder) as s:
        assert s.manifest.chunks == 90
        for mode in ("hybrid", "dense", "bm25"):
            assert s.search(OLD_QUERY, k=3, mode=mode)[0].citation == OLD_ANSWER


def run_cli(argv: list[str]) -> int:
    """``main`` with argparse's exits turned into return codes."""
    try:
        return main(argv)
    except SystemExit as e:
        return int(e.code)


class StoppedIngest:
    """A real ``paracite ingest`` subprocess that stops itself (SIGSTOP) at named build stages."""

    def __init__(self, source: Path, index: Path, stages: list[str], log: Path):
        env = dict(os.environ, PARACITE_STOP_AT=",".join(stages))
        self._log = log
        with open(log, "wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "search", "ingest", str(source), "--index", str(index), "--quiet"],
                env=env, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)

    def wait_stopped(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while True:
            pid, status = os.waitpid(self.proc.pid, os.WUNTRACED | os.WNOHANG)
            if pid and os.WIFSTOPPED(status):
                return
            if pid:
                raise AssertionError(f"ingest ended before its stage: {self._log.read_text()}")
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError("ingest never reached its stage")
            time.sleep(0.05)

    def resume(self) -> None:
        os.kill(self.proc.pid, signal.SIGCONT)

    def kill(self) -> int:
        os.kill(self.proc.pid, signal.SIGKILL)
        return self.proc.wait()


@pytest.mark.parametrize("text, words", [
    ("123 add", "another `paracite add` (pid 123)"), ("77 remove", "another `paracite remove` (pid 77)"),
    ("5", "another paracite build (pid 5)"), ("", "another paracite build"), ("x rm", "another paracite build")])
def test_the_busy_message_names_the_command_holding_the_lock(text, words) -> None:
    assert holder_words(text) == words


# -- atomic builds ---------------------------------------------------------------------------
def test_ingest_killed_mid_write_leaves_old_index_and_second_ingest_refuses(old_index, small_report, tmp_path, capsys):
    before = builds(old_index)
    ingest = StoppedIngest(small_report, old_index, ["locked", "store"], tmp_path / "ingest.log")
    try:
        ingest.wait_stopped()  # holds the lock, has not parsed yet
        with pytest.raises(IndexBusy):
            build_index([small_report], old_index, progress=False)
        assert run_cli(["ingest", str(small_report), "--index", str(old_index), "--quiet"]) == 1
        err = capsys.readouterr().err
        assert f"another `paracite ingest` (pid {ingest.proc.pid}) is changing this index" in err
        assert err.count("\n") == 1 and "Traceback" not in err

        ingest.resume()
        ingest.wait_stopped()  # the new database is written, half a build on disk
        tmp = [b for b in builds(old_index) if b.startswith(".tmp-")]
        assert len(tmp) == 1 and (old_index / BUILDS / tmp[0] / "paracite.sqlite").exists()
        assert_old_index_answers(old_index)
    finally:
        assert ingest.kill() == -signal.SIGKILL

    assert_old_index_answers(old_index)
    assert builds(old_index) == sorted(before + tmp)  # the leftover, until the next build
    # More leftovers of killed builds: a renamed build never swapped in, a half-made symlink.
    shutil.copytree(old_index / CURRENT, old_index / BUILDS / "b1")
    os.symlink("builds/b1", old_index / ".current-1")
    build_index([small_report], old_index, progress=False)  # the dead build's lock is gone
    assert len(builds(old_index)) == 1 and builds(old_index)[0] not in before + tmp + ["b1"]
    assert not (old_index / ".current-1").is_symlink()
    with Searcher.open(old_index) as s:
        assert s.manifest.chunks == SMALL_CHUNKS


def test_ingest_killed_between_rename_and_swap_leaves_old_index(old_index, small_report, tmp_path, capsys):
    ingest = StoppedIngest(small_report, old_index, ["written", "renamed"], tmp_path / "ingest.log")
    try:
        ingest.wait_stopped()  # complete new build in .tmp-*, not yet renamed
        assert_old_index_answers(old_index)
        ingest.resume()
        ingest.wait_stopped()  # renamed to builds/b*, `current` not yet swapped
        assert len(builds(old_index)) == 2
        assert_old_index_answers(old_index)
    finally:
        assert ingest.kill() == -signal.SIGKILL

    assert_old_index_answers(old_index)
    assert main(["search", OLD_QUERY, "-k", "1", "--index", str(old_index)]) == 0
    assert capsys.readouterr().out.startswith(f"[1] {OLD_ANSWER}")


def test_first_search_waits_for_a_running_build_of_the_default_index(index_dir, tmp_path):
    """Two first searches on a fresh checkout: the second waits for the first's build and uses it."""
    import threading

    folder = tmp_path / "default"
    locked, waiting = threading.Event(), threading.Event()

    def other_build():  # stands in for a first search that is building the index right now
        with build_lock(folder):
            locked.set()
            waiting.wait(60)
            shutil.copytree(index_dir / BUILDS, folder / BUILDS)
            os.symlink(os.readlink(index_dir / CURRENT), folder / CURRENT)

    thread = threading.Thread(target=other_build)
    thread.start()
    locked.wait(60)
    logs = []

    def log(msg):
        logs.append(msg)
        if "waiting" in msg:
            waiting.set()

    with Searcher.open(folder, build_missing=True, log=log) as s:
        assert s.get("A/69/207", 46).citation == OLD_ANSWER
    thread.join()
    assert any("Another paracite is building" in m for m in logs)


# -- readers during a rebuild ----------------------------------------------------------------
def test_searcher_opened_before_rebuild_keeps_answering(old_index, small_report):
    old = Searcher.open(old_index)  # nothing searched yet: files read lazily must survive the rebuild
    old_build = (old_index / CURRENT).resolve()
    build_index([small_report], old_index, progress=False)
    try:
        assert old_build.exists()  # held by the open reader, so the rebuild kept it
        for mode in ("hybrid", "dense", "bm25"):
            assert old.search(OLD_QUERY, k=3, mode=mode)[0].citation == OLD_ANSWER
        assert old.get("A/69/207", 46).citation == OLD_ANSWER
        assert len(list(old.chunks())) == 90
    finally:
        old.close()
    with Searcher.open(old_index) as new:
        assert new.manifest.chunks == SMALL_CHUNKS
        assert all(h.number <= 5 for h in new.search(OLD_QUERY, k=5))
    with build_lock(old_index):  # what the next build does first: the released build goes
        _remove_old_builds(old_index)
    assert not old_build.exists() and len(builds(old_index)) == 1


def test_reader_keeps_answering_even_if_its_build_is_deleted(old_index):
    """Belt and braces: with the build forcibly deleted, the open files still answer (POSIX)."""
    with Searcher.open(old_index) as old:
        shutil.rmtree((old_index / CURRENT).resolve())
        for mode in ("dense", "bm25"):
            assert old.search(OLD_QUERY, k=3, mode=mode)[0].citation == OLD_ANSWER
        assert old.get("A/69/207", 46).citation == OLD_ANSWER


def test_open_retries_when_a_rebuild_swaps_current_underneath(old_index, monkeypatch):
    import search.searcher as searcher_module

    first = (old_index / CURRENT).resolve()
    second = first.parent / "b-second"
    shutil.copytree(first, second)
    real_open_store = searcher_module.open_store
    calls = []

    def swap_then_open(path):
        if not calls:  # a rebuild lands between resolving `current` and opening the build
            os.symlink(f"{BUILDS}/{second.name}", old_index / ".swap")
            os.replace(old_index / ".swap", old_index / CURRENT)
            shutil.rmtree(first)
        calls.append(path)
        return real_open_store(path)

    monkeypatch.setattr(searcher_module, "open_store", swap_then_open)
    with Searcher.open(old_index) as s:
        assert s.folder == second and s.get("A/69/207", 46).citation == OLD_ANSWER


# -- damaged or foreign index ----------------------------------------------------------------
def _edit_manifest(**changes):
    def edit(build: Path) -> None:
        data = json.loads((build / "manifest.json").read_text())
        data.update(changes)
        (build / "manifest.json").write_text(json.dumps(data))
    return edit


def _overwrite(name: str, start: int, length: int | None = None):
    def edit(build: Path) -> None:
        data = bytearray((build / name).read_bytes())
        end = len(data) if length is None else start + length
        data[start:end] = bytes((i * 37 + 11) % 256 for i in range(end - start))
        (build / name).write_bytes(bytes(data))
    return edit


def _truncate(name: str, keep: float):
    def edit(build: Path) -> None:
        data = (build / name).read_bytes()
        (build / name).write_bytes(data[: int(len(data) * keep)])
    return edit


def _remove(name: str):
    return lambda build: (build / name).unlink()


DAMAGE = [
    # (case, damage to the current build, words the one-line message must hold)
    ("vectors truncated", _truncate("vectors.faiss", 0.5), "vectors.faiss is damaged"),
    ("vectors header only", _truncate("vectors.faiss", 0.0002), "vectors.faiss is damaged"),
    ("vectors garbage", _overwrite("vectors.faiss", 0), "vectors.faiss is damaged"),
    ("vectors body garbage", _overwrite("vectors.faiss", 4, 40), "vectors.faiss"),
    ("vectors missing", _remove("vectors.faiss"), "vectors.faiss is missing"),
    ("sentence vectors truncated", _truncate("sentences.faiss", 0.5), "sentences.faiss"),
    ("sqlite header garbage", _overwrite("paracite.sqlite", 0, 100), "paracite.sqlite is damaged"),
    ("sqlite pages garbage", _overwrite("paracite.sqlite", 4096), "paracite.sqlite is damaged"),
    ("sqlite truncated", _truncate("paracite.sqlite", 0.5), "paracite.sqlite is damaged"),
    ("sqlite empty", _truncate("paracite.sqlite", 0), "paracite.sqlite"),
    ("sqlite missing", _remove("paracite.sqlite"), "paracite.sqlite is missing"),
    ("manifest format", _edit_manifest(format_version=99), "index format version 99"),
    ("manifest model", _edit_manifest(model="bert-base-uncased", dimension=768), "built with bert-base-uncased"),
    ("manifest row count", _edit_manifest(chunks=89), "expected 89×384"),
    ("manifest bad type", _edit_manifest(chunks="many"), "manifest.json has a bad chunks"),
    ("manifest garbage", _overwrite("manifest.json", 0), "manifest.json is damaged"),
    ("manifest missing", _remove("manifest.json"), "manifest.json is missing"),
    ("current dangling", lambda build: shutil.rmtree(build), "`current` points to builds/"),
]


@pytest.mark.parametrize("case, damage, message", DAMAGE, ids=[c[0] for c in DAMAGE])
def test_damaged_index_is_one_line_exit_3(old_index, capsys, case, damage, message):
    damage((old_index / CURRENT).resolve())
    code = main(["search", "remittances", "--index", str(old_index)])
    err = capsys.readouterr().err
    assert code == 3, err
    assert message in err and "paracite ingest" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    with pytest.raises(IndexMismatch):
        with Searcher.open(old_index) as s:
            s.search("remittances", mode="hybrid")


def test_a_database_from_another_build_is_refused_not_listed(old_index, capsys):
    """A paracite.sqlite copied in from elsewhere (here: the same index's with half its chunks, as a
    restored older build would hold) passes its own checks; `docs` listed it as this index."""
    import sqlite3

    db = (old_index / CURRENT).resolve() / "paracite.sqlite"
    with sqlite3.connect(db) as con:
        con.execute("DELETE FROM chunks WHERE id >= 45")
    code = main(["docs", "--index", str(old_index)])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "paracite.sqlite holds 45 chunks of 1 documents, manifest.json 90 of 1" in err
    assert err.count("\n") == 1 and "paracite ingest" in err


def test_missing_index_is_index_not_found(tmp_path, capsys):
    assert main(["show", "A/69/207", "1", "--index", str(tmp_path / "none")]) == 3
    assert "no index here; run `paracite ingest" in capsys.readouterr().err
    with pytest.raises(IndexNotFound):
        Searcher.open(tmp_path / "none")


def test_damaged_index_is_rebuilt_by_ingest(old_index, small_report):
    _overwrite("paracite.sqlite", 0, 100)((old_index / CURRENT).resolve())
    build_index([small_report], old_index, progress=False)
    with Searcher.open(old_index) as s:
        assert s.manifest.chunks == SMALL_CHUNKS


def test_nothing_is_unpickled():
    """The index is SQLite, FAISS and JSON: no module reads pickles (or numpy's pickled arrays)."""
    code = "\n".join(p.read_text() for pkg in ("ingest", "index", "search") for p in (ROOT / pkg).rglob("*.py"))
    assert not re.search(r"\bimport pickle\b|\bpickle\.load|\bjoblib\b|allow_pickle\s*=\s*True|torch\.load", code)


# -- bad arguments ---------------------------------------------------------------------------
BAD_ARGS = [
    # (argv before --index, exit code, text on stderr or stdout)
    (["search", "migrants", "-k", "0"], 2, "-k must be at least 1, got 0"),
    (["search", "migrants", "-k", "-3"], 2, "-k must be at least 1, got -3"),
    (["search", "migrants", "-k", "ten"], 2, "-k must be a whole number, got 'ten'"),  # as -k 0 is told
    (["search", "migrants", "--colour"], 2, "unrecognized arguments: --colour"),
    (["search", "migrants", "--mode", "magic"], 2, "invalid choice: 'magic'"),
    (["frobnicate"], 2, "invalid choice: 'frobnicate'"),
    (["search", ""], 2, "the query is empty"),
    (["search", "\x00\x00 "], 2, "the query is empty"),
    (["show", "A/69/207", "99"], 4, "A/69/207 has no paragraph 99"),
    (["show", "A/69/207", "table 9"], 4, "A/69/207 has no table 9"),
    (["show", "A/99/1", "1"], 4, "no document A/99/1 in this index (it holds A/69/207)"),
    (["show", "A/69/207", "forty"], 2, "paragraph must be a number, 'summary' or 'table N', got 'forty'"),
    (["show", "A/69/207", "99999999999999999999999"], 2, "paragraph must be a number"),
    (["show", "A/69/207", "²"], 2, "paragraph must be a number"),
    (["show", "A/69/\udcff", "1"], 4, "no document A/69/\ufffd"),  # a non-UTF-8 byte from argv
    (["search", "migrants", "--doc", "\udcfe"], 4, "no document \ufffd in this index (it holds A/69/207)"),
]


@pytest.mark.parametrize("argv, code, text", BAD_ARGS, ids=[" ".join(a[0]).encode("unicode_escape").decode()
                                                           for a in BAD_ARGS])
def test_bad_arguments_get_one_clear_line(index_dir, capsys, argv, code, text):
    assert run_cli(argv + ["--index", str(index_dir)]) == code
    out, err = capsys.readouterr()
    if code:
        assert text in err and err.count("\n") == 1 and "Traceback" not in err
    else:
        assert text in out and not err


@pytest.mark.parametrize("query", [
    "remittance\udcff\udcfe costs",                      # undecodable argv bytes
    "remittance costs " * 6000,                           # ~100 KB
    'NEAR(remittance costs) AND "migrants* -IOM: ^x {text} col:y',  # FTS5 syntax
    "' OR 1=1; DROP TABLE chunks; --",
    "ﬁnancial inclusion of migrants",
])
@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_odd_queries_search(index_dir, capsys, query, mode):
    assert main(["search", query, "-k", "3", "--json", "--mode", mode, "--index", str(index_dir)]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 3 and all(h["citation"].startswith("A/69/207, ") for h in hits)


def test_k_above_the_index_returns_every_chunk(index_dir, capsys):
    assert main(["search", "migrants", "-k", "100000", "--json", "--index", str(index_dir)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 90


def test_non_utf8_argv_from_a_real_shell(index_dir):
    """The bytes reach Python as surrogate escapes; the search still runs on the rest."""
    out = subprocess.run([os.fsencode(sys.executable), b"-m", b"search", b"search", b"remittance \xff\xfe costs",
                          b"--mode", b"bm25", b"-k", b"1", b"--index", os.fsencode(index_dir)],
                         capture_output=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    assert out.stdout.startswith(b"[1] A/69/207, ") and b"Traceback" not in out.stderr


def test_ingest_into_a_file_is_a_usage_error(tmp_path, capsys):
    target = tmp_path / "not-a-folder"
    target.write_text("x")
    assert main(["ingest", str(REPORT), "--index", str(target), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "is a file, not an index folder" in err and err.count("\n") == 1


def test_unexpected_errors_are_one_line_from_the_command(monkeypatch, capsys):
    import search.cli as cli

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "export", broken)
    monkeypatch.setattr(sys, "argv", ["paracite", "export"])
    monkeypatch.delenv("PARACITE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    err = capsys.readouterr().err
    assert exit_.value.code == 70 and err.count("\n") == 1
    assert "internal error: RuntimeError: boom" in err and "please report" in err
    with pytest.raises(RuntimeError):  # main() itself never hides a bug
        cli.main(["export"])
    monkeypatch.setenv("PARACITE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.run()


# -- the Python API's errors -----------------------------------------------------------------
EXIT_CODES = {"ParaciteError": 1, "UsageError": 2, "InvalidQuery": 2, "IngestError": 1, "IndexNotFound": 3,
              "IndexMismatch": 3, "IndexBusy": 1, "NotFound": 4}


def test_one_error_hierarchy_with_documented_exit_codes():
    import search

    classes = {name: cls for name, cls in vars(errors).items()
               if isinstance(cls, type) and issubclass(cls, ParaciteError)}
    assert {name: cls.exit_code for name, cls in classes.items()} == EXIT_CODES
    for name, cls in classes.items():
        assert getattr(search, name) is cls and cls.__doc__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Errors", 1)[1].split("\n## ", 1)[0]
    for name, code in EXIT_CODES.items():
        assert re.search(rf"`{name}`[^\n|]*\|\s*{code}\b", section), f"README's Errors table lacks {name} → {code}"


def test_default_index_of_an_older_format_is_rebuilt(old_index, small_report, monkeypatch):
    """After an upgrade, the default index (derived from the bundled corpus) rebuilds itself;
    an index given with --index is refused instead (the user owns its sources)."""
    manifest = (old_index / CURRENT).resolve() / "manifest.json"
    data = json.loads(manifest.read_text())
    data["format_version"] = 1
    manifest.write_text(json.dumps(data))
    with pytest.raises(IndexMismatch, match="format version 1"):
        Searcher.open(old_index)
    monkeypatch.setenv("PARACITE_INDEX", str(old_index))
    monkeypatch.setenv("PARACITE_CORPUS", str(small_report.parent))
    logs: list[str] = []
    with Searcher.open(log=logs.append) as s:
        assert s.manifest.chunks == SMALL_CHUNKS
    assert any("rebuilding" in m for m in logs)


@pytest.mark.parametrize("column", [b"start INTEGER", b"canonical TEXT", b"chunk_id INTEGER", b"tokenize="])
def test_damaged_schema_text_is_refused_at_open(old_index, column):
    """A flipped byte in the schema's own text renames a column: refused when opened, not later
    as an SQL error in the middle of a search (found by the fuzz test)."""
    db = (old_index / CURRENT).resolve() / "paracite.sqlite"
    data = db.read_bytes()
    at = data.find(column)
    assert at > 0
    db.write_bytes(data[:at] + b"X" + data[at + 1:])
    with pytest.raises(IndexMismatch, match="rebuild"):
        Searcher.open(old_index)
