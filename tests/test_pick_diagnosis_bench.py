"""bench/pick_diagnosis.py (issue #19): the stage at which `ask` loses a labelled fact, and a leave-one-round-out
fit of the pick that reproduces the shipped pick at zero weights (docs/answers-log.md, seventeenth session)."""

from __future__ import annotations

import numpy as np
import pytest
from bench_modules import load_bench


@pytest.fixture(scope="module")
def pd():
    return load_bench("pick_diagnosis")


QUESTION = "Where did most of Oceania's new migrants come from between 2010 and 2013?"


def test_a_right_answer_is_ok_and_its_candidate_right(pd, searcher):
    row = {"id": "d01", "query": QUESTION, "symbol": "A/69/207", "para": 9, "answer": "Northern Europe"}
    d = pd.diagnose(searcher, "one", row)
    assert d.stage == "ok" and d.retrieved >= 0 and d.read >= 0 and d.kept >= 0
    assert d.candidates[0].right and d.candidates[0].citation == "A/69/207, para. 9"
    assert set(d.candidates[0].signals) == set(pd.SIGNALS)


def test_an_answer_its_paragraph_never_gives_is_a_wrong_span(pd, searcher):
    row = {"id": "x", "query": QUESTION, "symbol": "A/69/207", "para": 9, "answer": "Antarctica"}
    d = pd.diagnose(searcher, "one", row)
    assert d.outcome == "wrongfact" and d.stage == "wrong span" and not any(c.right for c in d.candidates)


def test_the_read_sentences_are_the_answers_own(pd):
    from search.answer import FACT_SENTENCES

    assert pd.FACT_SENTENCES == FACT_SENTENCES


def _d(pd, outcome="wrong", read=-1, kept=-1, cands=()):
    cs = [pd.Candidate(cit, "S", right, score, dict.fromkeys(pd.SIGNALS, 0.0)) for cit, right, score in cands]
    return pd.Diagnosis("r", "q", outcome, read=read, kept=kept, labels=("L",), candidates=cs)


@pytest.mark.parametrize("outcome, read, kept, cands, stage", [
    ("ok", 0, 0, [("L", True, 1.0)], "ok"),
    ("wrong", -1, -1, [("M", False, 1.0)], "not retrieved"),
    ("wrong", 3, -1, [("M", False, 1.0)], "gated"),
    ("wrong", 12, 12, [("M", False, 1.0)], "beyond the read"),
    ("refused", 2, 1, [], "no candidate"),
    ("wrong", 3, 3, [("M", False, 1.0), ("L", False, 0.6)], "wrong span"),
    ("wrong", 3, 3, [("M", False, 1.0), ("L", True, 0.6)], "out-picked"),
    ("refused", 0, 0, [("L", True, 0.2)], "after pick"),
])
def test_stages(pd, outcome, read, kept, cands, stage):
    assert _d(pd, outcome, read, kept, cands).stage == stage


def test_the_stretch_of_a_figure_stops_at_commas(pd):
    s = "Total expenses decreased by $16 million, to $85 million (2023: $101 million)."
    at = s.index("$85 million")
    assert "total" not in pd.stretch_stems(s, at, at + len("$85 million"))
    assert "total" in pd.stretch_stems(s, 0, len("Total expenses decreased by $16 million"))


def _set(pd, name, n):
    """Questions whose right candidate scores lower but holds more of the question in its clause."""
    out = []
    for i in range(n):
        wrong = pd.Candidate("M", "S", False, 1.0, {**dict.fromkeys(pd.SIGNALS, 0.0), "clause": 0.1})
        right = pd.Candidate("L", "S", True, 0.95, {**dict.fromkeys(pd.SIGNALS, 0.0), "clause": 0.9})
        out.append(pd.Diagnosis(name, f"{name}{i}", "wrong", labels=("L",), candidates=[wrong, right]))
    return out


def test_zero_weights_are_the_shipped_pick_and_a_signal_that_transfers_is_found(pd):
    found = _set(pd, "a", 5) + _set(pd, "b", 5) + _set(pd, "c", 5)
    assert pd.right_picks(found, np.zeros(len(pd.SIGNALS))) == 0
    rows = pd.leave_one_round_out(found)
    assert all(base == 0 and fitted == n for n, base, fitted in rows.values())
    moved = {(name, step): by for name, step, by in pd.sweep(found)}
    assert moved[("clause", 0.1)] == {"a": 5, "b": 5, "c": 5} and moved[("clause", -0.1)] == {}
