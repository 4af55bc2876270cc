"""Rough edges a new user met walking through the README (round 5, ux5): each test fails if one comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.build import CURRENT, ingest
from search import Searcher
from search.cli import main
from report_excerpts import report_excerpt


@pytest.fixture
def two_docs(tmp_path) -> Path:
    """An index of two small reports."""
    folder = tmp_path / "library"
    folder.mkdir()
    report_excerpt(folder, "one.txt", "A/69/901", 1, 3)
    report_excerpt(folder, "two.txt", "A/69/902", 1, 3)
    index = tmp_path / "ix"
    ingest([folder], index, progress=False)
    return index


def test_add_to_an_index_with_a_damaged_manifest_refuses_rather_than_drop_its_documents(two_docs, tmp_path, capsys):
    """`add` promises to keep what the index holds; when it cannot tell what that is, it must say so."""
    (two_docs / CURRENT / "manifest.json").write_text("{", encoding="utf-8")
    new = report_excerpt(tmp_path, "three.txt", "A/69/903", 1, 3)
    assert main(["add", str(new), "--index", str(two_docs), "--quiet"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"paracite: error: cannot add to {two_docs}: the index is damaged")
    assert "manifest.json is damaged" in err[0] and "paracite ingest PATH" in err[0]
    assert (two_docs / CURRENT / "manifest.json").read_text(encoding="utf-8") == "{"  # left as it was
    # `ingest` naming every file is the way out, and it works
    assert main(["ingest", str(tmp_path / "library"), str(new), "--index", str(two_docs), "--quiet"]) == 0
    with Searcher.open(two_docs) as s:
        assert sorted(d["symbol"] for d in s.documents()) == ["A/69/901", "A/69/902", "A/69/903"]
