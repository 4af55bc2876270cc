"""Every command has help text and a place in the README (habit 9 of STYLE.md)."""

from __future__ import annotations

import argparse

import pytest

from conftest import ROOT
from search.cli import COMMANDS, build_parser


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_is_wired_to_a_function():
    assert set(_subcommands()) == set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_and_readme_entry(name):
    sub = _subcommands()[name]
    helps = {a.help for a in build_parser()._subparsers._group_actions[0]._choices_actions if a.dest == name}
    assert helps and all(h and len(h) > 10 for h in helps)
    for action in sub._actions:
        if action.dest != "help":
            assert action.help, f"paracite {name}: option {action.dest} has no help text"
    assert f"paracite {name}" in (ROOT / "README.md").read_text(encoding="utf-8")
