"""A library folder: one bad file never sinks an ingest (#18), and a re-ingest redoes only what changed (#13).

Documents are small cuts of the bundled report under their own symbols, so each build is quick;
failures are injected into one stage with ``PARACITE_FAIL_AT`` (see ``index.workers``).
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from index.build import CURRENT, ingest
from index.cache import CACHE, decode
from ingest.models import Chunk, Document, Entity
from paracite.errors import IngestError
from search import Searcher
from search.cli import main
from report_excerpts import report_excerpt



def _report(folder: Path, name: str, symbol: str, paragraphs: int = 3, extra: str = "") -> Path:
    """The report's first ``paragraphs`` paragraphs, printed as ``symbol``."""
    return report_excerpt(folder, name, symbol, 1, paragraphs, extra)


@pytest.fixture
def library(tmp_path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    _report(folder, "one.txt", "A/69/901")
    _report(folder, "two.txt", "A/69/902")
    _report(folder, "three.txt", "A/69/903")
    return folder


def _symbols(index: Path) -> list[str]:
    with Searcher.open(index) as s:
        return sorted(d["symbol"] for d in s.documents())


@pytest.mark.parametrize("stage", ["read", "parse", "tag", "embed"])
def test_a_failure_at_any_stage_costs_one_file(library, tmp_path, monkeypatch, capsys, stage):
    monkeypatch.setenv("PARACITE_FAIL_AT", f"{stage}:two.txt")
    index = tmp_path / "ix"
    assert main(["ingest", str(library), "--index", str(index), "--quiet"]) == 1  # 1: some were skipped
    out, err = capsys.readouterr()
    skipped = [l for l in err.splitlines() if l.startswith("paracite: skipped")]
    assert skipped == [f"paracite: skipped {library / 'two.txt'} ({stage}): RuntimeError: injected failure at {stage}"]
    assert "Traceback" not in err
    assert "2 added, 0 changed, 0 unchanged, 0 removed, 1 skipped" in out
    assert _symbols(index) == ["A/69/901", "A/69/903"]


def test_debug_shows_the_traceback_of_a_skipped_file(library, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARACITE_FAIL_AT", "tag:one.txt")
    monkeypatch.setenv("PARACITE_DEBUG", "1")
    assert main(["ingest", str(library), "--index", str(tmp_path / "ix"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "injected_failure" in err


def test_when_nothing_can_be_read_the_old_index_is_untouched(library, tmp_path, monkeypatch, capsys):
    index = tmp_path / "ix"
    ingest([library / "one.txt"], index, progress=False)
    before = os.readlink(index / CURRENT)
    monkeypatch.setenv("PARACITE_FAIL_AT", "parse")
    (library / "one.txt").write_text((library / "one.txt").read_text() + "\nChanged.\n")  # not in the cache
    assert main(["ingest", str(library), "--index", str(index), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("paracite: error: nothing indexed, the index is unchanged: ") and "(and 2 more skipped)" in err
    assert os.readlink(index / CURRENT) == before and _symbols(index) == ["A/69/901"]


def test_a_failed_first_ingest_leaves_no_folder_behind(library, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARACITE_FAIL_AT", "parse")
    index = tmp_path / "new" / "ix"  # both folders made by this run
    assert main(["ingest", str(library), "--index", str(index), "--quiet"]) == 1
    assert capsys.readouterr().err.startswith("paracite: error: nothing indexed")
    assert not (tmp_path / "new").exists()
    kept = tmp_path / "mine"  # a folder that was there keeps what it held; only this run's entries go
    kept.mkdir()
    (kept / "notes.txt").write_text("mine")
    assert main(["ingest", str(library), "--index", str(kept), "--quiet"]) == 1
    assert sorted(os.listdir(kept)) == ["notes.txt"]
    monkeypatch.delenv("PARACITE_FAIL_AT")  # then a build, and a failed rebuild touches nothing
    ingest([library / "one.txt"], kept, progress=False)
    held = sorted(os.listdir(kept))
    monkeypatch.setenv("PARACITE_FAIL_AT", "parse")
    (library / "one.txt").write_text((library / "one.txt").read_text() + "\nChanged.\n")
    assert main(["ingest", str(library), "--index", str(kept), "--quiet"]) == 1
    assert sorted(os.listdir(kept)) == held and _symbols(kept) == ["A/69/901"]


def test_a_file_over_the_time_limit_is_skipped(library, tmp_path, monkeypatch):
    monkeypatch.setenv("PARACITE_FAIL_AT", "hang:three.txt")
    # long enough for a small text on a loaded machine; the hang never ends
    report = ingest([library], tmp_path / "ix", progress=False, timeout=20)
    assert [(s.source, s.stage) for s in report.skipped] == [(str(library / "three.txt"), "time limit")]
    assert "took longer than 20 s" in report.skipped[0].reason and "--timeout" in report.skipped[0].reason
    assert _symbols(tmp_path / "ix") == ["A/69/901", "A/69/902"]


def test_timeout_must_be_positive(library, tmp_path, capsys):
    assert main(["ingest", str(library), "--index", str(tmp_path / "ix"), "--timeout", "0"]) == 2
    assert "--timeout must be a positive number" in capsys.readouterr().err


def test_reingest_reuses_unchanged_files_and_follows_the_folder(library, tmp_path, monkeypatch):
    index = tmp_path / "ix"
    first = ingest([library], index, progress=False)
    assert (first.added, first.changed, first.unchanged, first.removed) == (3, 0, 0, 0)
    monkeypatch.setenv("PARACITE_FAIL_AT", "parse")  # nothing unchanged may be parsed again
    again = ingest([library], index, progress=False)
    assert (again.added, again.changed, again.unchanged, again.removed, again.skipped) == (0, 0, 3, 0, [])
    monkeypatch.delenv("PARACITE_FAIL_AT")
    (library / "one.txt").unlink()
    _report(library, "two.txt", "A/69/902", paragraphs=4)  # changed
    _report(library, "four.txt", "A/69/904")  # new
    third = ingest([library], index, progress=False)
    assert (third.added, third.changed, third.unchanged, third.removed) == (1, 1, 1, 1)
    assert _symbols(index) == ["A/69/902", "A/69/903", "A/69/904"]
    with Searcher.open(index) as s:
        assert s.get("A/69/902", 4).citation == "A/69/902, para. 4"
    # the cache holds what this build and the one before it hold, nothing more
    assert len([p for p in (index / CACHE).iterdir()]) == 5
    ingest([library], index, progress=False)
    assert len([p for p in (index / CACHE).iterdir()]) == 3


def test_add_keeps_what_the_index_holds(library, tmp_path, capsys):
    index = tmp_path / "ix"
    ingest([library / "one.txt", library / "two.txt"], index, progress=False)
    elsewhere = tmp_path / "new"
    elsewhere.mkdir()
    _report(elsewhere, "five.txt", "A/69/905")
    assert main(["add", str(elsewhere / "five.txt"), "--index", str(index), "--quiet"]) == 0
    assert "1 added, 0 changed, 2 unchanged, 0 removed, 0 skipped" in capsys.readouterr().out
    assert _symbols(index) == ["A/69/901", "A/69/902", "A/69/905"]


def _contents(index: Path) -> tuple[list, list]:
    with Searcher.open(index) as s:
        hits = [(h.citation, round(h.score, 4)) for h in s.search("international migrants", k=5)]
        ents = sorted((e.name, e.kind, e.citations) for e in s.entities())
    return hits, ents


def test_a_build_from_the_cache_searches_like_a_fresh_one(library, tmp_path):
    index = tmp_path / "ix"
    ingest([library], index, progress=False)
    fresh = _contents(index)
    other = tmp_path / "other"
    other.mkdir()
    ingest([library, _report(other, "six.txt", "A/69/906", paragraphs=1)], index, progress=False)
    ingest([library], index, progress=False)  # the three documents again, from the cache
    assert _contents(index) == fresh


@dataclasses.dataclass(frozen=True)
class _Meta:
    bodies: tuple[str, ...] = ()
    session: int | None = None


@dataclasses.dataclass(frozen=True)
class _RicherDocument(Document):
    """Stands in for fields another change adds to ``Document``: they must round-trip untouched."""

    meta: _Meta = _Meta()
    date: str = ""


def test_cache_records_round_trip_every_field():
    chunk = Chunk("A/1", "paragraph", 3, "UNHCR met.", section=("I. Intro", "A. Sub"), footnotes=("1 See.",),
                  entities=(Entity("UNHCR", "organization", "UNHCR", 0, 5),), span=(10, 20), part="annex",
                  page=2, title="T")
    doc = _RicherDocument("A/1", "T", "a.pdf", (chunk,), "abc", meta=_Meta(("GA",), 80), date="2025-01-02")
    assert decode(_RicherDocument, json.loads(json.dumps(dataclasses.asdict(doc)))) == doc


def test_all_files_failing_is_an_error(library, tmp_path, monkeypatch):
    monkeypatch.setenv("PARACITE_FAIL_AT", "embed")
    with pytest.raises(IngestError, match="nothing indexed"):
        ingest([library], tmp_path / "ix", progress=False)


def test_a_damaged_cache_entry_is_read_again(library, tmp_path):
    index = tmp_path / "ix"
    ingest([library], index, progress=False)
    entry = next((index / CACHE).iterdir())
    (entry / "chunks.jsonl").write_text("{not json\n")
    (index / CACHE / ".tmp-leftover-1").mkdir()  # what a killed cache write leaves
    report = ingest([library], index, progress=False)
    assert (report.unchanged, report.skipped) == (3, [])
    assert _symbols(index) == ["A/69/901", "A/69/902", "A/69/903"]
    assert not (index / CACHE / ".tmp-leftover-1").exists()


def test_a_does_not_exist_page_is_skipped_in_plain_words(tmp_path):
    """The UN document system's error page, saved in place of a document (issue #18)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from pdf_samples import write_pdf
    from ingest.reader import read_document

    page = [[(72, 72, 10, False, "Official Document System of the United Nations"),
             (72, 90, 10, False, "The document you are looking for does not exist."),
             (72, 108, 10, False, "Please check the symbol and try again.")]]
    for path in (write_pdf(tmp_path / "A_79_999.pdf", page), tmp_path / "A_79_998.txt"):
        if path.suffix == ".txt":
            path.write_text("A/79/998\nThe document you are looking for does not exist.\n", encoding="utf-8")
        with pytest.raises(IngestError, match="not a document: a 'does not exist' page from the UN document system"):
            read_document(path)


def test_documents_dropped_for_not_being_named_are_noted(library, tmp_path, capsys):
    """A weekly user types `ingest new.pdf` meaning `add`: the summary's "2 removed" was all they saw."""
    index = tmp_path / "ix"
    assert main(["ingest", str(library), "--index", str(index), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["ingest", str(library / "one.txt"), "--index", str(index), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert "0 added, 0 changed, 1 unchanged, 2 removed" in out
    assert ("paracite: note: 2 documents dropped although their files are still on disk, not among the paths "
            "given: A/69/902, A/69/903; `paracite add FILE...` adds files and keeps the rest") in err
    (library / "two.txt").unlink()  # a file taken out of the folder: dropped as asked, no note
    assert main(["ingest", str(library), "--index", str(index), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert "1 added, 0 changed, 1 unchanged, 0 removed" in out and "note" not in err
