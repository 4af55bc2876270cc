"""What a user probably meant by a command or flag paracite does not have, added to argparse's error.

A first afternoon's typos are of two kinds: a misspelling (``paracite searhc``, ``--sicne``), which
the nearest name fixes, and a word other tools use (``paracite find``, ``--limit 5``, ``--from
2025``), which no spelling distance reaches; both are named with the option paracite does have.
Pure functions over the parser's own names, so a new command or flag is offered without a change here.
"""

from __future__ import annotations

import difflib
import re

#: words other tools use for a command paracite names otherwise
COMMAND_WORDS = {"find": "search", "query": "search", "grep": "search", "question": "ask", "answer": "ask",
                 "list": "docs", "ls": "docs", "documents": "docs", "index": "ingest", "build": "ingest",
                 "import": "ingest", "delete": "remove", "rm": "remove", "del": "remove", "get": "show",
                 "cite": "show", "open": "show", "view": "show", "web": "serve", "server": "serve", "dump": "export"}
#: flags other tools use, and paracite's for the same thing
FLAG_WORDS = {"--limit": "-k", "--top": "-k", "-n": "-k", "--num": "-k", "--max": "-k", "--count": "-k",
              "--results": "-k", "--from": "--since", "--after": "--since", "--start": "--since",
              "--to": "--until", "--before": "--until", "--end": "--until", "--document": "--doc",
              "--symbol": "--doc", "--organ": "--body", "--format": "--json", "--organization": "--org",
              "--country": "--place", "--type": "--kind"}


def command_meant(message: str, choices) -> str:
    """``"; did you mean search?"`` for argparse's "invalid choice: 'searhc'" among the commands, else ""."""
    m = re.search(r"argument COMMAND: invalid choice: '([^']*)'", message)
    if not m:
        return ""
    typed = m.group(1).casefold()
    meant = COMMAND_WORDS.get(typed) or next(iter(difflib.get_close_matches(typed, list(choices), n=1, cutoff=0.6)), None)
    return f"; did you mean `paracite {meant}`?" if meant in choices else ""


def flag_meant(extra: list[str], known) -> str:
    """``"; did you mean -k?"`` for the first unknown flag of ``extra`` that names one of ``known``, else ""."""
    longs = [k for k in known if k.startswith("--")]
    for token in extra:
        if not token.startswith("-"):
            continue
        name = token.split("=", 1)[0]
        meant = FLAG_WORDS.get(name.casefold())
        if meant not in known:
            meant = next(iter(difflib.get_close_matches(name, longs, n=1, cutoff=0.75)), None)
        if meant:
            return f"; did you mean {meant}?"
    return ""
