"""A country's or people's adjective in a question ("Korean", "Rwandan", "Chinese", "Pakistani")
names a place the documents may write only as a noun ("the Korea Institute of ...", "Rwanda").

Without this, ``ask`` refused "Which Korean institute ...?" with "They never mention Korean"
although the paragraph names the Korea Institute. The adjective's place forms are guessed from its
ending and kept only when a known place name ends in that word and the index holds it.
"""

from __future__ import annotations

from functools import lru_cache

from ingest.entities.gazetteer import PLACE, lookup

from .terms import document_frequency

_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "n")  # Brazil-ian, Kore-an, Chin-ese, Pakistan-i, Rwanda-n
_ENDINGS = ("", "a", "o", "y", "ia", "e")  # what the place adds back: Chin-a, Mexic-o, Ital-y, Ethiop-ia


def place_forms(word: str) -> list[str]:
    """The place names ``word`` may be the adjective of, by its ending (most are no place at all)."""
    out: list[str] = []
    for suffix in _SUFFIXES:
        if word[:1].isupper() and word.lower().endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[:-len(suffix)]
            out += [base + ending for ending in _ENDINGS if base + ending not in out and base + ending != word]
    return out


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The last word of every known place name ("Korea" of "Republic of Korea"), case-folded."""
    return frozenset(name.split()[-1].casefold() for name, entry in lookup().items() if entry.kind == PLACE)


def adjective_of_indexed_place(con, word: str) -> str | None:
    """The indexed place ``word`` is the adjective of ("Korean" → "Korea"), or ``None``."""
    for form in place_forms(word):
        if form.casefold() in _place_words() and document_frequency(con, form) > 0:
            return form
    return None
