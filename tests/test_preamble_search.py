"""Preambular paragraphs in the index: show, get, export, and the kind prior (issue 20)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ingest.models import Chunk
from search.cli import main
from search.kind_prior import apply_kind_prior

SYMBOL = "S/RES/2776 (2025)"
CHUNKS = [
    Chunk(SYMBOL, "preamble", 1, "Recalling its previous resolutions on the situation in the region,"),
    Chunk(SYMBOL, "preamble", 2, "Recalling the importance of the full opening of the border crossings for "
                                 "humanitarian relief and commercial goods,"),
    Chunk(SYMBOL, "paragraph", 1, "Calls for the full opening of the border crossings for humanitarian relief "
                                  "and commercial goods;"),
    Chunk(SYMBOL, "paragraph", 2, "Decides to remain actively seized of the matter."),
]


@pytest.fixture(scope="module")
def res_index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("res")
    src = folder / "res.jsonl"
    src.write_text("\n".join(json.dumps(dict(c.to_dict(), title="Resolution 2776 (2025)")) for c in CHUNKS) + "\n")
    assert main(["ingest", str(src), "--index", str(folder / "ix"), "--quiet"]) == 0
    return folder / "ix"


def test_show_preamble_and_operative(res_index, capsys):
    assert main(["show", SYMBOL, "1", "--index", str(res_index)]) == 0
    assert "S/RES/2776 (2025), para. 1" in capsys.readouterr().out
    assert main(["show", SYMBOL, "--preamble", "2", "--index", str(res_index)]) == 0
    assert "S/RES/2776 (2025), preambular para. 2" in capsys.readouterr().out
    assert main(["show", SYMBOL, "--preamble", "9", "--index", str(res_index)]) == 4
    assert "has no preambular paragraph 9" in capsys.readouterr().err
    assert main(["show", SYMBOL, "1", "--preamble", "2", "--index", str(res_index)]) == 2


def test_get_and_export_carry_the_kind(res_index, capsys):
    from search import Searcher

    with Searcher.open(res_index) as s:
        assert s.get(SYMBOL, 2, kind="preamble").citation == "S/RES/2776 (2025), preambular para. 2"
        assert s.get(SYMBOL, "preamble 1").kind == "preamble"
        assert [h.kind for h in s.search("border crossings", k=4, kind="preamble")] == ["preamble", "preamble"]
        # What was decided ranks above the preamble that recalls the same words.
        assert s.search("full opening of the border crossings", k=1)[0].citation == "S/RES/2776 (2025), para. 1"
    assert main(["export", "--index", str(res_index)]) == 0
    kinds = [json.loads(l)["kind"] for l in capsys.readouterr().out.splitlines()]
    assert kinds.count("preamble") == 2


def test_kind_prior_lowers_only_preambles():
    ids = np.array([0, 1, 2, 3])
    scores = np.array([1.0, 1.0, 1.0, 1.0])
    out = apply_kind_prior(ids, scores, "hybrid", np.array([1, 2]))
    assert list(out) == [1.0, 0.5, 0.5, 1.0]
    assert list(apply_kind_prior(ids, scores, "bm25", np.array([3]))) == [1.0, 1.0, 1.0, 0.85]
    assert apply_kind_prior(ids, scores, "dense", np.array([], dtype="int64")) is scores


def test_web_links_to_a_preambular_paragraph_open_that_paragraph(res_index):
    """The page path of a preamble chunk reads back as the preamble, not operative para. N."""
    from search import Searcher
    from search.web.views import number_label

    with Searcher.open(res_index) as s:
        pre = s.get(SYMBOL, 2, kind="preamble")
        assert number_label(pre) == "preamble2"
        assert s.get(SYMBOL, number_label(pre)).citation == "S/RES/2776 (2025), preambular para. 2"
        op = s.get(SYMBOL, 2)
        assert s.get(SYMBOL, number_label(op)).citation == "S/RES/2776 (2025), para. 2"
