"""Small reports cut from the bundled one, for tests that need a library of several documents."""

from __future__ import annotations

import re
from pathlib import Path

REPORT = Path(__file__).resolve().parent.parent / "corpus" / "A-69-207.txt"


def report_excerpt(folder: Path, name: str, symbol: str, first: int, last: int, extra: str = "") -> Path:
    """The report's front matter and its paragraphs ``first``..``last``, renumbered from 1 and
    printed as ``symbol``, written to ``folder/name``; ``extra`` is appended."""
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    at = lambda n: next(i for i, l in enumerate(lines) if re.match(rf"\s*{n}\.(\s|$)", l))  # noqa: E731
    body = [re.sub(r"^(\s*)(\d+)\.(?=\s|$)", lambda m: f"{m.group(1)}{int(m.group(2)) - first + 1}.", line)
            for line in lines[at(first):at(last + 1)]]
    text = "\n".join(lines[:at(1)] + body).replace("A/69/207", symbol) + "\n" + extra
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
