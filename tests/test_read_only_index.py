"""An index folder the user cannot write (another user's, or a shared one): ``docs`` and ``show`` read it,
``add`` and ``remove`` refuse in one line, exit 1. Tested with real permissions: as root (who ignores the
mode bits) the commands run in a child process that has become the unprivileged user ``nobody``; as any
other user, on a folder made read-only."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from index.manifest import Manifest
from index.model_files import verify
from ingest.models import Chunk
from search.cli import main

NOBODY = 65534


def _as_user_who_cannot_write(argv: list[str], cache: Path) -> tuple[int, str]:
    """``main(argv)``'s exit code and stderr, run by a user without write permission on the index, whose own
    paracite cache (the exported model: root's ``~/.cache`` is closed to others) is ``cache``."""
    import index.build  # noqa: F401  (imported here: ``nobody`` cannot read the interpreter's own folder)
    import search.cli_docs  # noqa: F401

    if os.geteuid() != 0:
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            return main(argv), err.getvalue()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to nobody, run, report
        code = 99
        try:
            os.close(read)
            sys.stderr = os.fdopen(write, "w")  # not fd 2: pytest's capture holds sys.stderr
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.environ["PARACITE_CACHE"] = str(cache)
            code = main(argv)
        except BaseException as e:  # noqa: BLE001 (said to the parent, which fails the test)
            print(f"child: {e!r}", file=sys.stderr)
        finally:
            sys.stderr.flush()
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as f:
        said = f.read()
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), said


@pytest.fixture()
def shared_index():
    """A two-document index in a folder anyone may read and only its owner write, the model's export beside it."""
    top = Path(tempfile.mkdtemp(prefix="paracite-ro-"))  # not under pytest's 0700 folder: nobody must reach it
    try:
        top.chmod(0o755)
        src = top / "src"
        src.mkdir()
        for n, symbol in enumerate(("A/80/62", "A/80/275")):
            chunk = Chunk(symbol, "paragraph", 1, f"Report {n} on the power grid.")
            (src / f"r{n}.jsonl").write_text(json.dumps(chunk.to_dict()) + "\n")
        ix = top / "ix"
        assert main(["ingest", *map(str, sorted(src.iterdir())), "--index", str(ix), "--quiet"]) == 0
        if os.geteuid() != 0:  # root's child becomes nobody instead: the index stays its owner's, 755/644
            for p in [ix, *ix.rglob("*")]:
                if not p.is_symlink():
                    p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        cache = top / "cache"
        model = verify(Manifest.read(ix / "current").model_files, ix).folder
        shutil.copytree(model, cache / "models" / model.name)  # its files' times kept: the export is not redone
        for p in [top, *top.rglob("*")]:
            if not p.is_symlink():
                p.chmod(p.stat().st_mode | stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))
        yield ix, src, cache
    finally:
        for p in [top, *top.rglob("*")]:
            if not p.is_symlink():
                p.chmod(p.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(top)


def test_an_index_the_user_cannot_write_is_read_and_not_changed(shared_index, capsys):
    ix, src, cache = shared_index
    before = sorted(str(p.relative_to(ix)) for p in ix.rglob("*"))
    rc, err = _as_user_who_cannot_write(["docs", "--short", "--index", str(ix)], cache)
    assert rc == 0 and err == "", err
    rc, err = _as_user_who_cannot_write(["show", "A/80/62", "1", "--index", str(ix)], cache)
    assert rc == 0 and err == ""
    for argv in (["add", str(src / "r0.jsonl")], ["remove", "A/80/62"]):
        rc, err = _as_user_who_cannot_write(argv + ["--index", str(ix)], cache)
        assert (rc, err) == (1, f"paracite: error: {ix}: cannot write the index here (Permission denied)\n"), argv
    assert sorted(str(p.relative_to(ix)) for p in ix.rglob("*")) == before
    capsys.readouterr()
