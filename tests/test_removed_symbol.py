"""``paracite remove`` of a symbol the index does not hold: a removed one is named as removed (the index
remembers its removals, ``index.removal_history``), any other gets a "did you mean" only for a close spelling
(``symbol_lookup.nearest_symbols``). Removing a symbol twice suggested an unrelated document."""

from __future__ import annotations

import json

import pytest

from index.symbol_lookup import nearest_symbols, symbol_table, typo_distance
from ingest.models import Chunk
from search.cli import main

REPORTS = {"A/80/62": "Report on the power grid restoration programme.",
           "A/80/275": "Note on the residual mechanism for criminal tribunals.",
           "E/CN.3/2025/8": "Review of progress towards the Sustainable Development Goals."}
LIBRARY = ["A/79/907", "A/80/275", "A/79/873", "A/80/75", "A/80/62", "A/80/66", "E/2025/24", "E/2025/42",
           "DP/2025/12", "E/C.2/2025/2/Add.5"]


@pytest.fixture()
def index(tmp_path):
    src = tmp_path / "reports"
    src.mkdir()
    for n, (symbol, text) in enumerate(REPORTS.items()):
        (src / f"r{n}.jsonl").write_text(json.dumps(Chunk(symbol, "paragraph", 1, text).to_dict()) + "\n")
    assert main(["ingest", *map(str, sorted(src.iterdir())), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    return src, tmp_path / "ix"


def test_a_removed_symbol_is_named_as_removed_not_as_another_document(index, capsys):
    src, ix = index
    assert main(["remove", "E/CN.3/2025/8", "--index", str(ix), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["remove", "e/cn.3/2025/8", "--index", str(ix)]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "did you mean" not in err
    assert f"no document 'e/cn.3/2025/8' in {ix}: E/CN.3/2025/8 was removed on " in err
    assert f"(from {src / 'r2.jsonl'}; `paracite add` it to index it again); the index is unchanged" in err
    for argv in (["show", "E/CN.3/2025/8", "1"], ["search", "goals", "--doc", "E/CN.3/2025/8"]):  # they say it too
        assert main(argv + ["--index", str(ix)]) == 4
        assert capsys.readouterr().err.startswith("paracite: error: no document E/CN.3/2025/8 in this index: "
                                                  "E/CN.3/2025/8 was removed on "), argv
    assert main(["add", str(src / "r2.jsonl"), "--index", str(ix), "--quiet"]) == 0  # indexed again: forgotten
    assert main(["remove", "E/CN.3/2025/8", "--index", str(ix), "--quiet"]) == 0
    assert main(["remove", "A/80/62", "--index", str(ix), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["remove", "A/80/62", "--index", str(ix)]) == 4
    assert "A/80/62 was removed on" in capsys.readouterr().err


def test_a_symbol_never_indexed_gets_a_close_spelling_or_nothing(index, capsys):
    _, ix = index
    assert main(["remove", "A/80/276", "--index", str(ix)]) == 4
    assert "did you mean A/80/275? the index is unchanged" in capsys.readouterr().err
    assert main(["remove", "A/69/207", "--index", str(ix)]) == 4  # A/80/62 and A/80/275 were suggested
    err = capsys.readouterr().err
    assert "did you mean" not in err and "was removed" not in err and "no document 'A/69/207'" in err
    assert not (ix / "removed.json").exists()  # nothing removed yet


@pytest.mark.parametrize("typed, meant", [("A/69/207", []), ("A/80/1", []), ("A/80/276", ["A/80/275"]),
                                          ("A/80/6", ["A/80/62", "A/80/66"]), ("E/2025/2", ["E/2025/24", "E/2025/42"]),
                                          ("E/2025/4", ["E/2025/24", "E/2025/42"]), ("DP/2025/21", ["DP/2025/12"]),
                                          ("E/C.2/2025/2/Add.6", ["E/C.2/2025/2/Add.5"]), ("S/2025/122", [])])
def test_nearest_symbols_are_one_slip_away(typed, meant):
    """A library's symbols are all digits and slashes: "nearest by any measure" named A/79/907 for A/69/207."""
    assert sorted(nearest_symbols(symbol_table({s: {} for s in LIBRARY}), typed)) == meant


def test_typo_distance_counts_a_swap_as_one():
    assert [typo_distance(a, b) for a, b in [("a/80/62", "a/80/26"), ("a/80/62", "a/80/621"), ("a/80/62", "a/80/6"),
                                             ("a/69/207", "a/79/907"), ("", "ab")]] == [1, 1, 1, 2, 2]
