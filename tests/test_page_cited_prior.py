"""Text outside a document's numbered paragraphs ranks below them (issue #15 keeps it, #12 ranks it).

An infographic or a calendar printed between numbered paragraphs is kept and cited by page; when
it repeats a numbered paragraph's words, the numbered paragraph is what a reader cites. A letter
with no numbered paragraphs at all is cited by page throughout and keeps its full score.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from ingest.models import Chunk
from search import Searcher
from search.cli import main
from search.kind_prior import PAGE_CITED_PENALTY, apply_kind_prior, page_cited_ids

REPORT, LETTER = "A/80/900", "S/2025/901"
CHUNKS = [
    Chunk(REPORT, "paragraph", 1, "The country team delivered safe drinking water and sanitation to "
                                  "returning refugees in the northern provinces during 2025."),
    Chunk(REPORT, "paragraph", 2, "Budget discussions continued with the host Government."),
    # An infographic's labels on page 4 of the same report, repeating paragraph 1's words.
    Chunk(REPORT, "paragraph", 1, "Safe drinking water and sanitation | returning refugees | northern provinces",
          page=4),
    Chunk(LETTER, "paragraph", 1, "I have the honour to transmit a note on drinking water for returning "
                                  "refugees in the northern provinces.", page=1),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("paged")
    src = folder / "docs.jsonl"
    src.write_text("\n".join(json.dumps(c.to_dict()) for c in CHUNKS) + "\n")
    assert main(["ingest", str(src), "--index", str(folder / "ix"), "--quiet"]) == 0
    return folder / "ix"


def test_only_a_numbered_documents_page_cited_text_is_lowered(index):
    with Searcher.open(index) as s:
        rows = dict(s._con.execute("SELECT citation, id FROM chunks").fetchall())
        assert list(page_cited_ids(s._con)) == [rows[f"{REPORT}, p. 4, para. 1"]]
        hits = s.search("safe drinking water and sanitation for returning refugees", k=3)
    assert hits[0].citation == f"{REPORT}, para. 1"
    assert f"{REPORT}, p. 4, para. 1" in [h.citation for h in hits]


def test_the_page_prior_applies_to_the_fused_ranking_only():
    ids, scores = np.array([0, 1, 2]), np.array([2.0, 2.0, 2.0])
    out = apply_kind_prior(ids, scores, "hybrid", np.array([], dtype="int64"), np.array([2]))
    assert list(out) == [2.0, 2.0, 2.0 - PAGE_CITED_PENALTY]
    for mode in ("bm25", "dense"):
        assert apply_kind_prior(ids, scores, mode, np.array([], dtype="int64"), np.array([2])) is scores
