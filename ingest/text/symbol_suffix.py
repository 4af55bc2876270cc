"""A UN symbol's printed suffix: ``DP/FPA/2025/4 (Part II)``, ``A/79/6 (Sect. 29A)``, ``A/78/5 (Vol. I)``.

A report issued in parts, sections or volumes keeps one symbol and tells the parts apart by a
suffix in parentheses after it, sometimes followed by an addendum or corrigendum
(``A/77/6 (Sect. 3)/Add.1``). The suffix belongs to the symbol: without it Part I and Part II of
one report would be read as one document. Users type it in any case and spacing
(``dp/fpa/2025/4(part ii)``), so lookups compare ``symbol_key``s. Pure functions, no I/O.
"""

from __future__ import annotations

import re

# The words a part suffix opens with, as the UN prints them; the part's number or letter follows
# (``Part II``, ``Sect. 29A``, ``Vol. I``) except in ``(Supp.)``. Any case: users type ``(part ii)``.
SUFFIX_WORDS = ("Part", "Sect.", "Section", "Vol.", "Volume", "Supp.", "Chap.")
_WORDS = "|".join(re.escape(w) for w in SUFFIX_WORDS)
_ID = r"[IVXLC]{1,6}|\d{1,3}[A-Z]?|[A-Z]"
SUFFIX_RE = re.compile(rf"\s*\((?P<word>{_WORDS})(?:\s*(?P<id>{_ID}))?\)(?P<tail>(?:/(?:Add|Corr|Rev)\.\d{{1,3}})*)", re.I)
# A suffix run on to the symbol (``DP/FPA/2025/4(Part II)``): spaced apart before a line is read.
_RUN_ON_RE = re.compile(rf"(?<=[A-Za-z0-9.])\((?=(?:{_WORDS})(?:\s*(?:{_ID}))?\))", re.I)


def suffix_at(text: str) -> str:
    """The suffix ``text`` opens with, as cited (``" (Part II)"``, ``" (Sect. 29A)/Add.1"``), else ``""``."""
    m = SUFFIX_RE.match(text)
    if not m:
        return ""
    ident = f" {m.group('id')}" if m.group("id") else ""
    return f" ({m.group('word')}{ident}){m.group('tail')}"


def space_suffixes(text: str) -> str:
    """``text`` with a run-on suffix set apart from its symbol: ``A/79/6(Sect. 3)`` -> ``A/79/6 (Sect. 3)``."""
    return _RUN_ON_RE.sub(" (", text)


def with_suffix(symbol: str, after: str) -> str:
    """``symbol`` with the suffix printed right after it on its line (``after``), if there is one."""
    return symbol + suffix_at(after) if symbol else symbol


def symbol_key(symbol: str) -> str:
    """The form typed symbols are compared in: casefolded, without spaces or a reissue's ``*``
    (``dp/fpa/2025/4(part ii)`` and ``DP/FPA/2025/4 (Part II)`` are one document)."""
    return "".join(str(symbol).replace("*", "").split()).casefold()


def bare_symbol(symbol: str) -> str:
    """``symbol`` without its part suffix: ``DP/FPA/2025/4 (Part II)`` -> ``DP/FPA/2025/4``."""
    m = re.search(r"\s*\((?:" + _WORDS + r")", symbol, re.I)
    return symbol[:m.start()] if m else symbol
