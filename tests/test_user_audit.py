"""Defects a demanding new user found (thirteenth session's user audit): each test fails without its fix."""

from __future__ import annotations

from search.cli import main


def test_same_bytes_under_another_suffix_are_read_again_not_taken_from_the_cache(tmp_path, capsys):
    """The cache key hashed the bytes only, so ``hello.txt`` got ``hello.pdf``'s remembered skip
    ("not a PDF") although a ``.txt`` is read as text: the reading depends on the suffix too."""
    (tmp_path / "hello.pdf").write_text("hello\n", encoding="utf-8")
    (tmp_path / "hello.txt").write_text("hello\n", encoding="utf-8")
    ix = str(tmp_path / "ix")
    assert main(["ingest", str(tmp_path / "hello.pdf"), "--index", ix, "--quiet"]) == 1
    assert "not a PDF" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "hello.txt"), "--index", ix, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no paragraphs found" in err and "PDF" not in err and err.count("\n") == 1
