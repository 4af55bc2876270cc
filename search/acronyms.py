"""Whether a run of words spells an acronym ("gross domestic product": GDP; "Committee on the
Elimination of Discrimination against Women": CEDAW).

One reading for the three places that ask it (span scoring, the answer's focus gate, name
matching); they differ only in which words count for a letter, so each passes its own filter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: Which words give a letter; the others are passed over ("of", "the" in most names).
Counts = Callable[[str], bool]

#: Small words some acronyms keep ("Committee on the Elimination of Discrimination *against* Women": CEDAW).
KEPT_SMALL_WORDS = frozenset({"against", "in", "to", "with"})


def every_word(word: str) -> bool:
    return True


def starts_with_letter(word: str) -> bool:
    """A word, not a number or a mark: "0.5 per cent of *gross domestic product*"."""
    return word[:1].isalpha()


def capitalised(word: str) -> bool:
    """A word of a proper name: "International Organization for Migration" gives IOM."""
    return word[:1].isupper()


def in_a_name(word: str) -> bool:
    """A capitalised word, or a small word a name's acronym keeps (CEDAW's "against")."""
    return word[:1].isupper() or word in KEPT_SMALL_WORDS


def initials(words: Sequence[str]) -> str:
    """The words' first letters, upper-cased."""
    return "".join(w[:1].upper() for w in words)


def spelling_runs(words: Sequence[str], acronym: str, counts: Counts = every_word) -> list[list[int]]:
    """Each run of consecutive counted words whose initials are ``acronym``, as indexes into ``words``;
    words ``counts`` refuses are passed over (they neither give a letter nor break the run)."""
    kept = [i for i, w in enumerate(words) if counts(w)]
    n, wanted = len(acronym), acronym.upper()
    return [kept[i:i + n] for i in range(len(kept) - n + 1)
            if initials([words[j] for j in kept[i:i + n]]) == wanted]


def spells(words: Sequence[str], acronym: str, counts: Counts = every_word) -> bool:
    """True if some consecutive counted words of ``words`` spell ``acronym``."""
    return bool(acronym) and bool(spelling_runs(words, acronym, counts))
