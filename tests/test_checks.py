"""The answer checks' switches (issue #19, ``search.checks``): off by default, one named check off at a time in
process or from the environment, and a trace of which checks refused something, on the real report's index."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from search import checks
from search.checks import CHECKS, ENV, checks_off, refuses, switched_off, traced, unknown_checks

ANSWER = Path(checks.__file__).resolve().parent / "answer.py"


def _named_in_answer() -> set[str]:
    """The check names ``search.answer`` passes to ``refuses``."""
    tree = ast.parse(ANSWER.read_text(encoding="utf-8"))
    return {node.args[0].value for node in ast.walk(tree) if isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "refuses" and isinstance(node.args[0], ast.Constant)}


def test_every_check_in_the_table_is_asked_by_the_answer_and_no_other():
    assert _named_in_answer() == set(CHECKS)


def test_by_default_a_check_refuses_what_it_judges(monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    assert switched_off() == frozenset()
    assert refuses("names", True) and not refuses("names", False)


def test_a_check_switched_off_refuses_nothing_and_the_others_still_do():
    with checks_off("focus"):
        assert not refuses("focus", True)
        assert refuses("names", True)
    assert refuses("focus", True)  # the block's end restores it


def test_the_environment_switches_checks_off_when_no_block_does(monkeypatch):
    monkeypatch.setenv(ENV, "focus, says_asked")
    assert switched_off() == {"focus", "says_asked"}
    assert not refuses("says_asked", True)
    with checks_off("names"):  # the block wins over the environment
        assert refuses("focus", True) and not refuses("names", True)


def test_an_unknown_check_name_is_an_error_not_a_silent_no_op():
    assert unknown_checks(["focus", "fokus"]) == ["fokus"]
    with pytest.raises(ValueError, match="fokus"):
        with checks_off("fokus"):
            pass


def test_the_trace_records_the_checks_that_refused_and_only_those():
    with traced() as fired:
        refuses("series", False)
        refuses("another_year", True)
    assert fired == {"another_year"}
    with checks_off("another_year"), traced() as fired:
        assert not refuses("another_year", True)
    assert fired == {"another_year"}  # fired, though switched off: the bench reruns the questions it fired on


def test_a_name_the_report_never_writes_is_refused_and_switched_off_it_is_not(searcher):
    question = "How much did Zorblatvia pay for remittance transfers?"
    with traced() as fired:
        refused = searcher.ask(question)
    assert "unknown" in fired and not refused.answered and "Zorblatvia" in refused.text
    with checks_off("unknown"):
        asked = searcher.ask(question)
    assert "never mention" not in asked.text


def test_an_acronym_no_gazetteer_knows_is_read_as_the_words_the_report_spells_out(searcher):
    """The unknown-word check refused the tuning facts it fired on, and no trap: an acronym the report never writes
    but spells out ("civil society organizations", no name of the gazetteer) is those words, not unknown."""
    with traced() as fired:
        answer = searcher.ask("What did CSO contribute to the High-level Dialogue?")
    assert "unknown" not in fired and "never mention" not in answer.text


def test_an_acronym_the_report_neither_writes_nor_spells_out_is_still_unknown(searcher):
    answer = searcher.ask("What did ZQXV contribute to the High-level Dialogue?")
    assert not answer.answered and "never mention ZQXV" in answer.text


def test_the_bench_sorts_each_moved_outcome_by_what_it_costs_or_saves():
    from bench_modules import load_bench

    changes = load_bench("gate_ablation").changes
    base = {"a": {"o": "refused", "kind": "fact", "got": ""}, "b": {"o": "ok", "kind": "fact", "got": "6"},
            "c": {"o": "refused", "kind": "none", "got": ""}, "d": {"o": "answered", "kind": "none", "got": "4"},
            "e": {"o": "ok", "kind": "fact", "got": "9"}, "f": {"o": "wrong", "kind": "fact", "got": "1"}}
    after = {"a": {"o": "ok", "kind": "fact", "got": "5"}, "b": {"o": "wrong", "kind": "fact", "got": "7"},
             "c": {"o": "answered", "kind": "none", "got": "3"}, "d": {"o": "refused", "kind": "none", "got": ""},
             "e": {"o": "ok", "kind": "fact", "got": "9 million"}, "f": {"o": "refused", "kind": "fact", "got": ""}}
    assert changes(base, after) == {"facts gained": ["a"], "facts lost": ["b"], "refusals lost": ["c"],
                                    "refusals gained": ["d"], "other": ["e", "f"]}
