"""Checks of what a caller passes (counts: ``-k``, ``--context``; text with stray bytes), written once for
every command."""

from __future__ import annotations

import re

from paracite.errors import UsageError
from paracite.wording import Both, Said


def whole_number(value, flag: str | Both, minimum: int, maximum: int | None = None) -> int:
    """``value`` as an int of at least ``minimum`` (clamped to ``maximum``); ``UsageError`` naming
    ``flag`` (an ``option``, for a check the web makes too)."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise UsageError(Said.of(flag, f" must be a whole number, got {value!r}")) from None
    if n < minimum:
        limit = "0 or more" if minimum == 0 else f"at least {minimum}"
        raise UsageError(Said.of(flag, f" must be {limit}, got {n}"))
    return n if maximum is None else min(n, maximum)


_SURROGATES = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes from argv) replaced by U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)
