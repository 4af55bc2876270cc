"""Adjacent query words held near each other in a chunk (``search.phrases``, issue #12 round 4)."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from search.bm25 import content_terms
from search.phrases import PAIR_BONUS, pair_expressions, pair_share
from search.ranking import Signals

# Real text: A/80/38 (CEDAW), part two, paras 37-38, and A/80/150 para. 174 (shortened).
TEXTS = [
    "The working group on inquiries met during the session. The task force on the Committee's "
    "working methods did not meet during the eighty-ninth session.",
    "The Committee decided that the task force would meet at its next session; the working group on "
    "communications met twice.",
    "Request for the granting of observer status in the General Assembly to the Brazilian-Argentine "
    "Agency for Accounting and Control of Nuclear Materials.",
]


@pytest.fixture()
def con():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE chunks_fts USING fts5(text, section, content='', "
                "tokenize='porter unicode61 remove_diacritics 2')")
    con.executemany("INSERT INTO chunks_fts(rowid, text, section) VALUES (?, ?, '')", enumerate(TEXTS))
    return con


def test_pair_expressions_are_consecutive_content_words():
    terms = content_terms("Which CEDAW task force did not meet during the eighty-ninth session?")
    assert terms == ["cedaw", "task", "force", "meet", "eighty", "ninth", "session"]
    assert pair_expressions(terms)[:2] == ['NEAR("cedaw" "task", 3)', 'NEAR("task" "force", 3)']
    assert pair_expressions(["one"]) == []


def test_pair_share_counts_pairs_held_near_each_other(con):
    terms = content_terms("task force did not meet during the session")  # task, force, meet, session
    share = pair_share(con, terms, np.array([0, 1, 2]))
    # chunk 0: "task force on the Committee's working methods did not meet during the eighty-ninth
    # session": task-force only (force ... meet 7 words apart, meet ... session 4)
    # chunk 1: "task force would meet at its next session": all three pairs within 3 words
    assert share.tolist() == pytest.approx([1 / 3, 1.0, 0.0])
    assert pair_share(con, terms, np.array([0, 2])).tolist() == pytest.approx([1 / 3, 0.0])  # only those asked for
    assert pair_share(con, ["session"], np.array([0, 1])).tolist() == [0.0, 0.0]


def test_hybrid_score_adds_the_pair_bonus():
    rng = np.random.default_rng(1)
    n = 40
    base = dict(ids=np.arange(n), chunk=rng.uniform(0.2, 0.6, n), sentence=rng.uniform(0.3, 0.7, n),
                bm25=np.where(rng.random(n) < 0.5, rng.uniform(1, 9, n), 0.0), coverage=np.full(n, 0.5))
    pairs = np.zeros(n)
    pairs[[3, 7]] = [1.0, 0.5]
    without, with_pairs = Signals(**base).scores("hybrid"), Signals(**base, pairs=pairs).scores("hybrid")
    assert np.allclose(with_pairs - without, PAIR_BONUS * pairs)
    assert np.allclose(Signals(**base, pairs=pairs).scores("bm25"), Signals(**base).scores("bm25"))
