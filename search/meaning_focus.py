"""A question's subject word that a sentence says in other words (issue #19: the focus check by meaning).

The focus check (``search.answer._focus``) asks that a fact's sentence hold the question's subject words, matched by
spelling and stems. A user who asks in their own words ("the *vendors*' rating") defeats it: the report writes
"supplier evaluation". Here a subject word the sentence does not spell counts as held when the embedding model the
index already has (the one its sentences were embedded with) puts it close to a word the sentence does write.
Words are embedded one by one and cached for the process: a sentence costs only its words not seen before.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

#: least cosine between a subject word and a word of the sentence for the word to count as said (chosen on
#: rounds 24-25 dev and the tuning questions the focus check fired on: docs/answers-log.md, h-r24sem)
SAME_MEANING = 0.62
#: the environment variable that overrides ``SAME_MEANING`` (for the bench's threshold sweep; "off" turns it off)
ENV = "PARACITE_SAME_MEANING"

_WORD = re.compile(r"[A-Za-z][a-z]{2,}(?:-[a-z]{3,})*")
_FUNCTION_WORDS = frozenset("""the and for with that this these those from into onto over under upon which what who whom
whose was were are been being has have had its their his her our your than then there here also such other more most
less least some any each all both not nor but per via about after before during between within without among""".split())


def sentence_words(text: str) -> list[str]:
    """The lower-case content words a sentence writes, each once: capitalised ones too ("Ethics" in "the Ethics
    Office"), not acronyms ("UNFPA", "ERP": names, which the names check matches, not subject words)."""
    seen: dict[str, None] = {}
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w not in _FUNCTION_WORDS:
            seen.setdefault(w)
    return list(seen)


def threshold() -> float | None:
    """The cosine a word needs: ``SAME_MEANING`` unless the environment says otherwise (None: matching by meaning off)."""
    raw = os.environ.get(ENV, "").strip()
    if raw.lower() == "off":
        return None
    return float(raw) if raw else SAME_MEANING


@dataclass
class WordMeaning:
    """Whether a text says a word in other words, by the index's embedding model (``embed``: texts -> unit rows)."""

    embed: Callable[[list[str]], np.ndarray]
    least: float = SAME_MEANING
    said: int = 0  # words found said in other words so far (the bench's trace of where this matters)
    _cache: dict[str, np.ndarray] = field(default_factory=dict)

    def _vectors(self, words: list[str]) -> np.ndarray:
        new = [w for w in words if w not in self._cache]
        if new:
            self._cache.update(zip(new, np.asarray(self.embed(new), dtype="float32")))
        return np.stack([self._cache[w] for w in words])

    def closest(self, word: str, text: str) -> tuple[float, str]:
        """The cosine of ``word`` with the word of ``text`` nearest in meaning, and that word (other spellings
        of ``word`` itself are the stem match's business; they count too)."""
        words = [w for w in sentence_words(text) if w != word.lower()]
        if not words:
            return 0.0, ""
        cos = self._vectors(words) @ self._vectors([word.lower()])[0]
        best = int(np.argmax(cos))
        return float(cos[best]), words[best]

    def says(self, word: str, text: str) -> bool:
        """``text`` writes a word at least ``least`` close in meaning to ``word``."""
        cos, near = self.closest(word, text)
        if os.environ.get("PARACITE_MEANING_DEBUG"):
            import sys
            print(f"MEANING\t{cos:.3f}\t{word}\t{near}\t{text!r}", file=sys.stderr)
        self.said += cos >= self.least
        return cos >= self.least


def word_meaning(searcher) -> WordMeaning | None:
    """The searcher's ``WordMeaning`` (one per searcher, its word cache kept across questions); None when off.
    Nothing is loaded until a word is embedded."""
    least = threshold()
    if least is None:
        return None
    found = getattr(searcher, "_word_meaning", None)
    if found is None or found.least != least:
        from .dense import embed_texts

        model = getattr(searcher, "_model", None)
        found = WordMeaning(lambda texts: embed_texts(texts, model), least)
        searcher._word_meaning = found
    return found
