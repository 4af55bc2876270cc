"""The indexed document a typed symbol names: any case, any spacing, any symbol of a joint document.

A report issued in parts carries its part in its symbol (``DP/FPA/2025/4 (Part II)``,
``ingest.text.symbol_suffix``). Users type it as they like (``dp/fpa/2025/4(part ii)``), or type the
bare report symbol (``DP/FPA/2025/4``). The bare symbol is taken for the part when the index holds
exactly one part of that report: every citation printed names the part, so nothing is hidden, and
the user who typed the report's symbol gets the only paragraphs the index has of it. When it holds
several parts the bare symbol names none of them and the error lists the parts ("did you mean").

Users also type a symbol loosely: with spaces, dashes or underscores for its slashes (``A 69 207``,
``A_69_207`` as the file is named), a full stop after it, or no separators at all (``a69207``). Such a
symbol is read as the one document whose symbol has the same letters and numbers in the same groups
(or, typed without separators, the same characters), and only when exactly one has: a typo is still
an error with the nearest symbols, never silently another document.
Pure functions over the index's metadata.
"""

from __future__ import annotations

import difflib
import os
import re

from ingest.text.symbol_suffix import bare_symbol, symbol_key


def symbol_table(meta: dict[str, dict]) -> dict[str, str]:
    """Every symbol the documents carry, by ``symbol_key``, to the document's own symbol; a
    document's own symbol wins over another's alias."""
    table: dict[str, str] = {}
    for main, record in meta.items():
        for alias in record.get("symbols") or ():
            table.setdefault(symbol_key(alias), main)
    table.update({symbol_key(s): s for s in meta})
    return table


def parts_named(table: dict[str, str], typed: str) -> list[str]:
    """The indexed documents whose symbol is ``typed`` plus a part suffix (``DP/FPA/2025/4`` ->
    ``DP/FPA/2025/4 (Part II)``), sorted."""
    want = symbol_key(typed)
    return sorted({main for key, main in table.items() if key != want and symbol_key(bare_symbol(main)) == want
                   and key == symbol_key(main)})


def find_symbol(table: dict[str, str], typed: str, loose: bool = True) -> str | None:
    """The document's own symbol that ``typed`` names, or ``None`` (unknown, or the bare symbol of a
    report the index holds several parts of); ``loose=False`` for ``remove``: a deletion takes no symbol
    typed with other separators (``loosely_named``)."""
    found = table.get(symbol_key(typed))
    if found is not None:
        return found
    parts = parts_named(table, typed)
    if len(parts) == 1:
        return parts[0]
    return loosely_named(table, typed) if loose else None


def nearest_symbols(table: dict[str, str], typed: str, n: int = 3) -> list[str]:
    """What a symbol the index does not hold may have meant, for a "did you mean": the parts held of a report
    typed by its bare symbol, else up to ``n`` of the documents' own symbols one slip away (``typo_distance``),
    the most alike first (then the longest shared beginning). Only a slip: "nearest by any measure" named
    unrelated documents of a library (``A/69/207`` removed: "did you mean A/79/907 or A/80/275?"), every
    report symbol being digits and slashes."""
    own = {symbol_key(s): s for s in set(table.values())}
    want = symbol_key(typed)
    slips = [k for k in own if typo_distance(want, k) <= 1]
    slips.sort(key=lambda k: (-difflib.SequenceMatcher(None, want, k).ratio(), -len(os.path.commonprefix([want, k])),
                              k))
    return parts_named(table, typed) or [own[k] for k in slips[:n]]


def typo_distance(a: str, b: str) -> int:
    """Edits between ``a`` and ``b``: a character left out, added, replaced, or two neighbours swapped
    (optimal string alignment distance)."""
    rows = [list(range(len(b) + 1))]
    for i, x in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def loosely_named(table: dict[str, str], typed: str) -> str | None:
    """The one document whose symbol is ``typed`` but for its separators (``A 69 207``, ``a69207``), or None."""
    groups = _groups(typed)
    if not groups:
        return None
    if len(groups) == 1:
        found = {main for key, main in table.items() if "".join(_groups(key)) == groups[0]}
    else:
        found = {main for key, main in table.items() if _groups(key) == groups}
    return found.pop() if len(found) == 1 else None


def _groups(symbol: str) -> list[str]:
    """The runs of letters and digits of a symbol, casefolded: ``A/69/207.`` -> ``['a', '69', '207']``."""
    return re.findall(r"[^\W_]+", str(symbol).casefold())
