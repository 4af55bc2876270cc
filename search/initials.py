"""An acronym the index never writes, found as the words it abbreviates: "HLPF" in a library that
only writes "high-level political forum" (issue #15: a question using an acronym its document
spells out must not be refused as "never mentioned").

The gazetteer knows the common acronyms; this reads the others off the library itself: the phrase
whose words' initials spell the acronym, in order ("of", "the", "and" may stand between), written
at least ``MIN_TIMES`` times (a recurring name, not a chance run of words).
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

MIN_TIMES = 2
_LINKS = r"(?:(?:of|the|and|for|on|in|to)\s+){0,2}"
#: words that stand between a name's words, never for one of its letters
_STOP = r"(?:of|the|and|for|on|in|to|from|at|by|with|a|an|as|is|are|was|were|be|its|their|that|this|which|or|per)"


def spelled_out(con: sqlite3.Connection, acronym: str, limit: int = 1500) -> str | None:
    """The phrase the index writes most often whose initials are ``acronym``'s letters, or None."""
    letters = acronym.lower()
    if not (3 <= len(letters) <= 8 and letters.isalpha()):
        return None
    expr = "NEAR(" + " ".join(f"{c}*" for c in letters) + f", {2 * len(letters)})"
    if len(letters) == 3:  # as phrases: three initials are near each other in most chunks of a library
        expr = f"({letters[0]}* + {letters[1]}* + {letters[2]}*) OR ({letters[0]}* + {letters[1]}* + and + {letters[2]}*)"
    try:
        texts = [t for (t,) in con.execute("SELECT c.text FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid "
                                           "WHERE chunks_fts MATCH ? LIMIT ?", (expr, limit))]
    except sqlite3.Error:
        return None
    # "STI": three words in a row or listed ("science, technology and innovation"), no "of the" between
    joiner = r"[\s-]+" + _LINKS if len(letters) > 3 else r"(?:[\s-]+|,\s+|,?\s+and\s+)"
    pattern = re.compile(r"(?<![\w’'-])" + joiner.join(rf"(?!{_STOP}\b){c}[\w’']*" for c in letters)
                         + r"(?![\w-])", re.I)
    found = Counter(m.group(0).lower() for t in texts for m in pattern.finditer(t))
    if not found:
        return None
    phrase, times = found.most_common(1)[0]
    return phrase if times >= MIN_TIMES else None


_ACRONYM = re.compile(r"\b[A-Z]{3,8}\b")


def written(con: sqlite3.Connection, word: str) -> bool:
    """True if some chunk holds ``word``."""
    try:
        return con.execute("SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT 1",
                           ('"' + word.replace('"', "") + '"',)).fetchone() is not None
    except sqlite3.Error:
        return True


def unwritten_acronyms(con: sqlite3.Connection, query: str, known, memo: dict[str, str | None]) -> dict[str, str]:
    """Each acronym of ``query`` that the index never writes and ``known`` (the acronym table) lacks,
    with the phrase it abbreviates in the index ("HLPF" → "high-level political forum"): BM25 then
    looks for either, as for an acronym the documents define. ``memo`` keeps earlier lookups."""
    out = {}
    for word in dict.fromkeys(_ACRONYM.findall(query)):
        if word in known:
            continue
        if word not in memo:
            memo[word] = None if written(con, word) else spelled_out(con, word)
        if memo[word]:
            out[word] = memo[word]
    return out
