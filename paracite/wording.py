"""An error's message as each front end words it.

The Python API raises one error for the command line and the web alike, but their users typed
different things: flags and commands on the command line (``--part 'annex I'``, `` `paracite docs` ``),
query parameters and paths on the web (``part=annex I``, ``/api/documents``). A message is built of
plain text and ``Both`` stretches that carry the two wordings, so each front end reads its own
(``str(error)`` is the command line's) instead of rewriting the other's text.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass


@dataclass(frozen=True)
class Both:
    """A stretch said one way on the command line and another on the web ("" drops it there)."""

    cli: str
    web: str


@dataclass(frozen=True)
class Said:
    """A message as pieces: plain text and ``Both`` stretches. Joins with ``+`` to text or another."""

    pieces: tuple[str | Both, ...] = ()

    @classmethod
    def of(cls, *parts: "str | Both | Said") -> "Said":
        pieces: list[str | Both] = []
        for p in parts:
            pieces.extend(p.pieces if isinstance(p, Said) else [p] if p else [])
        return cls(tuple(pieces))

    @property
    def cli(self) -> str:
        return "".join(p if isinstance(p, str) else p.cli for p in self.pieces)

    @property
    def web(self) -> str:
        return "".join(p if isinstance(p, str) else p.web for p in self.pieces)

    def __add__(self, other: "str | Both | Said") -> "Said":
        return Said.of(self, other)

    def __radd__(self, other: "str | Both") -> "Said":
        return Said.of(other, self)

    def __bool__(self) -> bool:
        return bool(self.cli)

    def __str__(self) -> str:
        return self.cli


def option(name: str, value: object = None, *, code: bool = False) -> Both:
    """A flag and its value: ``--part 'part three'`` (``code``: in backticks) on the command line,
    ``part=part three`` on the web; a flag alone is ``-k`` / ``k``, ``--since`` / ``since``."""
    cli = ("-" if len(name) == 1 else "--") + name + ("" if value is None else " " + shlex.quote(str(value)))
    return Both(f"`{cli}`" if code else cli, name if value is None else f"{name}={value}")


def web_text(message: "str | Said") -> str:
    """The web's wording of a message (plain text is the same for both)."""
    return message.web if isinstance(message, Said) else str(message)
