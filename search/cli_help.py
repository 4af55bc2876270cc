"""What ``paracite --help`` and each ``paracite COMMAND --help`` say beyond their flags: the
command's one-line purpose on top and a few examples below, so a first-time user can copy one.

Kept apart from ``search.cli`` so the parser's definition stays a list of flags.
"""

from __future__ import annotations

import argparse
import textwrap

#: what to run first, below ``paracite --help``'s list of commands
START = """\
start here:
  paracite ingest ~/reports --index ~/un-index     # your PDFs (or a folder of them) into an index
  paracite search "cost of remittances" --index ~/un-index
  paracite ask "How many migrants were there in 2013?" --index ~/un-index
  paracite docs --since 2025 --body ECOSOC --index ~/un-index
  paracite serve --index ~/un-index                # web page on http://127.0.0.1:8000

Without --index every command uses the bundled report's index (.paracite/, built on first use);
export PARACITE_INDEX=~/un-index to make your own the default. `paracite COMMAND --help` for more."""

EXAMPLES: dict[str, tuple[str, ...]] = {
    "search": ('paracite search "cost of sending money home"',
               'paracite search "domestic workers" --org ILO --since 2025 -k 5',
               'paracite search "peacekeeping budget" --body "General Assembly" --sort date --json',
               'paracite search "sanctions regime" --per-doc 1   # the best paragraph of each document'),
    "ask": ('paracite ask "How many international migrants were there in 2013?"',
            'paracite ask "Who chairs the committee?" --doc A/80/48'),
    "docs": ("paracite docs", "paracite docs --short", "paracite docs --since 2025-03 --until 2025-06 --body ECOSOC"),
    "ingest": ("paracite ingest ~/reports --index ~/un-index",
               "paracite ingest ~/reports --index ~/un-index    # again: only new or changed files are read"),
    "add": ("paracite add ~/Downloads/A_80_300.pdf --index ~/un-index",),
    "remove": ("paracite remove A/80/300 --index ~/un-index", "paracite remove A_80_300.pdf --index ~/un-index"),
    "show": ("paracite show A/69/207 46                 # one paragraph, cited",
             "paracite show A/69/207 46 --context 2     # with the 2 before and after",
             "paracite show 'A/69/207, para. 46'        # a citation as printed, pasted",
             "paracite show A/69/207                    # the document's metadata and contents",
             "paracite show 'S/RES/2776 (2025)' --preamble 4"),
    "entities": ("paracite entities --kind organization", "paracite entities UNHCR"),
    "export": ("paracite export > chunks.jsonl", "paracite export --doc A/69/207 --since 2014"),
    "eval": ("paracite eval queries.jsonl --doc A/69/207",),
    "serve": ("paracite serve --index ~/un-index              # then open http://127.0.0.1:8000",
              "paracite serve --index ~/un-index --port 8080"),
}


def describe(parser: argparse.ArgumentParser, commands: argparse._SubParsersAction) -> None:
    """Give the top parser its start-here lines and each command its purpose and examples."""
    parser.epilog = START
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    purposes = {action.dest: action.help for action in commands._choices_actions}
    for name, command in commands.choices.items():
        purpose = purposes.get(name) or ""
        command.description = textwrap.fill(purpose[:1].upper() + purpose[1:] + ".", 78) if purpose else None
        command.epilog = "examples:\n" + "\n".join(f"  {line}" for line in EXAMPLES.get(name, ()))
        command.formatter_class = argparse.RawDescriptionHelpFormatter
