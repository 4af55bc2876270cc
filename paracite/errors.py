"""The one exception hierarchy of paracite.

Every error a user can cause is a ``ParaciteError``; the CLI catches the base class once and maps
each subclass to a one-line message and an exit code (see ``search.cli``).
"""

from __future__ import annotations

from .wording import Said


class ParaciteError(Exception):
    """Base class of every error paracite raises on purpose. Its message is text, or a ``Said``
    that words its hints for each front end (``str(e)`` is the command line's, ``web_text`` the web's)."""

    exit_code = 1
    said: Said | None = None

    def __init__(self, *args):
        if args and isinstance(args[0], Said):
            self.said, args = args[0], (args[0].cli, *args[1:])
        super().__init__(*args)

    def web_text(self) -> str:
        """The message in the web's words: query parameters and paths, not flags and commands."""
        return self.said.web if self.said is not None else str(self)


class UsageError(ParaciteError):
    """An argument or option has a value paracite cannot use."""

    exit_code = 2


class InvalidQuery(UsageError):
    """A query is empty or cannot be searched."""


class IngestError(ParaciteError):
    """A source file cannot be read or holds nothing paracite can index."""


class IndexNotFound(ParaciteError):
    """No index exists at the given folder; `paracite ingest` builds one."""

    exit_code = 3


class IndexMismatch(ParaciteError):
    """The index was built by another format version or model, or is damaged."""

    exit_code = 3


class IndexBusy(ParaciteError):
    """Another process is building this index right now."""

    exit_code = 1


class NotFound(ParaciteError):
    """A document or paragraph asked for is not in the index. ``near``: the indexed symbols nearest
    a mistyped one, which the web page offers as links."""

    exit_code = 4
    near: tuple[str, ...] = ()
