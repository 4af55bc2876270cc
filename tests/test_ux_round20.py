"""The twentieth session's user audit (docs/user-audit-log.md, h-r20ux): the web page and the scale-out
backend as an analyst uses them. Each test fails without its fix."""

from __future__ import annotations

import json
import os

import pytest

import index.build
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
