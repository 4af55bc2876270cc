"""An ordinal the query names must be in the paragraph (issue #12, ``search.ordinal_match``): which
words count, the share each chunk holds through the real FTS5 index, and the ranker using it."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

import search.ordinal_match as om
from search.ordinal_match import ordinal_penalty, ordinal_share, query_ordinals
from search.ordinals import spell_ordinals

# (query, the ordinals a paragraph must hold)
CASES = [
    ("what was the third round table about", ["third"]),
    ("the 3rd round table", ["third"]),  # figures are spelled out before ranking, as the searcher does
    ("Which task force did not meet during the eighty-ninth session?", []),  # a session: the document says it
    ("the first and second regular sessions of the Board", ["first"]),
    ("OPCW's second team deployment to Syria", ["second"]),
    ("tenth STI forum and its tenth anniversary", ["tenth"]),
    ("the Fourth International Decade", ["fourth"]),
    ("a 19th-century treaty", ["nineteenth"]),
    ("joint work by UNHCR and IOM", []),
    ("first", ["first"]),
]


@pytest.mark.parametrize("query, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_query_ordinals(query, expected):
    assert query_ordinals(spell_ordinals(query)) == expected


def _row(searcher, number: int) -> int:
    return int(searcher._con.execute("SELECT id FROM chunks WHERE symbol = 'A/69/207' AND number = ?",
                                     (number,)).fetchone()[0])


def test_the_share_is_read_from_the_index(searcher):
    """In the report, paragraph 34 says "The third round table", 32 "The second round table"."""
    ids = np.arange(searcher._ranking().n, dtype="int64")
    share = ordinal_share(searcher._con, ["third"], ids)
    assert share[_row(searcher, 34)] == 1.0 and share[_row(searcher, 32)] == 0.0
    both = ordinal_share(searcher._con, ["second", "third"], ids)
    assert both[_row(searcher, 32)] == 0.5
    assert ordinal_share(searcher._con, [], ids) is None
    assert ordinal_share(searcher._con, ["third"], np.zeros(0, dtype="int64")).shape == (0,)


def test_the_fused_score_loses_the_penalty_for_the_share_lacking(searcher):
    rk = searcher._ranking()
    sig = rk.signals("what did the fourth round table say about recruitment costs", "hybrid", None, 10)
    assert sig.ordinals is not None
    lost = replace(sig, ordinals=None).scores("hybrid") - sig.scores("hybrid")
    assert np.allclose(lost, om.PENALTY * (1 - sig.ordinals))
    assert lost[np.searchsorted(sig.ids, _row(searcher, 36))] == 0.0  # "The fourth round table discussed ..."
    plain = rk.signals("recruitment costs of migrant workers", "hybrid", None, 10)
    assert plain.ordinals is None and ordinal_penalty(None) == 0.0


def test_the_paragraph_naming_the_round_table_ranks_first(searcher, monkeypatch):
    """Without the rule a paragraph on recruitment costs that names no round table ranks first."""
    query = "fourth round table recruitment costs"
    assert searcher.search(query, k=1)[0].number == 36
    monkeypatch.setattr(om, "PENALTY", 0.0)
    assert searcher.search(query, k=1)[0].number != 36
