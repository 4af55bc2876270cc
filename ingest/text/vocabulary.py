"""What a document itself says about its words: the evidence the text repairs rely on.

A broken form (``SecretaryGeneral``, ``migr ation``, ``devel-``/``opment``) is mended only when
the document prints the intact form elsewhere, or when a word-frequency list (wordfreq, offline)
knows it. Counting the document's own forms keeps its spelling (``labour``, ``programme``) and its
compounds (``post-2015``, ``High-level``) as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"
CONJUNCTIONS = ("and", "or", "nor")  # after a suspended hyphen: ``gender- and age-sensitive``
_L = r"[^\W\d_]"  # a letter, accented ones too
_WORD_RE = re.compile(rf"{_L}(?:{_L}|[’'])*")
_COMPOUND_RE = re.compile(rf"{_L}+(?:-{_L}+)+")
# A word split at a line end: ``devel-`` / ``opment`` or with a soft hyphen.
_LINE_SPLIT_RE = re.compile(rf"({_L}+)([-\u00ad])[ \t]*\n[ \t]*({_L}+)")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common an English word is (0 = unknown, 7 = 'the'), from wordfreq."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@dataclass
class Vocabulary:
    """Word forms seen in one document, lower-cased.

    ``words`` counts plain words, ``hyphenated`` compounds, ``pairs`` two-word sequences
    (``("per", "cent")``), so that a repair can ask whether the document writes a form apart.
    """

    words: Counter = field(default_factory=Counter)
    hyphenated: Counter = field(default_factory=Counter)
    pairs: Counter = field(default_factory=Counter)

    @classmethod
    def from_text(cls, text: str) -> "Vocabulary":
        """Count a document's forms, reading line-end hyphenation the way ``join_lines`` will.

        A first count leaves the words split at line ends out; it then decides each split
        (``devel-``/``opment`` joined, ``High-``/``level`` kept) so that the final counts are the
        same whichever lines the extractor happened to break.
        """
        first = cls._count(_LINE_SPLIT_RE.sub(" ", text))

        def resolve(m: re.Match) -> str:
            head, mark, tail = m.groups()
            if mark == SOFT_HYPHEN or should_dehyphenate(head, tail, first):
                return head + tail
            if tail in CONJUNCTIONS:
                return f"{head}- {tail}"
            return f"{head}-{tail}"

        return cls._count(_LINE_SPLIT_RE.sub(resolve, text))

    @classmethod
    def _count(cls, text: str) -> "Vocabulary":
        vocab = cls()
        text = text.replace(SOFT_HYPHEN, "")
        for tok in _COMPOUND_RE.findall(text):
            vocab.hyphenated[tok.lower()] += 1
        words = [w.lower() for w in _WORD_RE.findall(text)]
        vocab.words.update(words)
        for line in text.splitlines():
            toks = [t.lower() for t in re.findall(rf"{_L}+", line)]
            vocab.pairs.update(zip(toks, toks[1:]))
        return vocab

    def is_word(self, w: str, min_zipf: float = 2.5) -> bool:
        """A word the document uses twice or more, or a common English word."""
        lw = w.lower()
        return self.words.get(lw, 0) >= 2 or zipf(lw) >= min_zipf

    def is_piece_word(self, piece: str) -> bool:
        """Could this piece of a possibly split word stand as a word on its own?

        Single letters other than ``a`` and ``I`` cannot; longer pieces can when wordfreq knows
        them (zipf >= 3) or the document uses them twice or more (names such as ``Nansen``).
        """
        if len(piece) == 1:
            return piece in ("a", "A", "I")
        lp = piece.lower()
        return zipf(lp) >= 3.0 or self.words.get(lp, 0) >= 2

    def knows(self, word: str, seen: int = 1) -> bool:
        """Is ``word`` a real word: printed ``seen`` times in the document or common English?

        Short joins (``of``, ``to``) need the document's own use, since wordfreq also lists
        letter pairs such as ``xx`` or ``bc`` that appear where table cells run together.
        """
        lw = word.lower()
        if len(lw) <= 3:
            return self.words.get(lw, 0) >= max(seen, 2) or zipf(lw) >= 5.5
        return self.words.get(lw, 0) >= seen or zipf(lw) >= 3.0


def should_dehyphenate(head: str, tail: str, vocab: Vocabulary) -> bool:
    """Was ``head-`` / ``tail`` at a line end one word broken by hyphenation?

    No, when the document prints the compound ``head-tail`` elsewhere (``High-level``) or the
    tail is not a lower-case word start (``post-`` / ``2015``, ``South-`` / ``East``). Yes, when it prints the joined word
    (``development``), or when the joined form is an English word and the halves are not both
    common words (``follow-up``, ``well-being`` keep their hyphen).
    """
    if not (head.isalpha() and tail.isalpha()) or tail[:1].isupper():
        return False
    if vocab.hyphenated.get(f"{head}-{tail}".lower(), 0) > 0:
        return False
    joined = (head + tail).lower()
    if vocab.words.get(joined, 0) > 0:
        return True
    return zipf(joined) >= 2.0 and not (zipf(head.lower()) >= 3.0 and zipf(tail.lower()) >= 3.0)
