"""The one exception hierarchy of paracite.

Every error a user can cause is a ``ParaciteError``; the CLI catches the base class once and maps
each subclass to a one-line message and an exit code (see ``search.cli``).
"""

from __future__ import annotations


class ParaciteError(Exception):
    """Base class of every error paracite raises on purpose."""

    exit_code = 1


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
    """A document or paragraph asked for is not in the index."""

    exit_code = 4
