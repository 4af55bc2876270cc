"""Rejoin words that text extraction split with a space: ``co ntributed``, ``W hile``, ``t o``.

PDF extractors insert a space wherever the letters of a word are set apart (kerning, justified
lines), anywhere in the word. A space is taken out only where the document's own words say so:
the joined form is a word (wordfreq or the document), and at least one piece is not a word on
its own (``migr ation``, ``school s``). Two real words (``a round``, ``per cent``, ``health care``)
are joined only when the document prints the joined form elsewhere, never writes the pair
apart elsewhere, and the joined word is far more likely than the pair (``al so``, ``be hind``).

Each run of tokens is segmented by a small dynamic programme, so a piece goes with the neighbour
that makes a word of it: ``in c ollecting`` → ``in collecting``, not ``inc ollecting``.
"""

from __future__ import annotations

import re

from .vocabulary import Vocabulary, zipf

_L = r"[^\W\d_]"  # a letter, accented ones too (``Côte``, ``Türkiye``)
_LEFT_RE = re.compile(rf"^(.*?)({_L}+)$")
_RIGHT_RE = re.compile(rf"^([^\W\d_A-Z]{_L}*)(.*)$")
_CORE_RE = re.compile(rf"^[\W\d_]*({_L}+)[\W\d_]*$")
_MAX_PIECES = 3
_UNKNOWN = 1.0  # cost of leaving a piece that is not a word
_JOIN = 0.2  # cost of taking out a space next to a non-word piece
_EVIDENCE_JOIN = -0.5  # reward for joining two words the document shows are one (``al so``)


def rejoin_split_words(text: str, vocab: Vocabulary) -> str:
    """Take out the spaces that split words, keeping every other character as it is."""
    tokens = text.split(" ")
    if len(tokens) < 2:
        return text
    n = len(tokens)
    best = [0.0] + [float("inf")] * n  # best[i]: cost of tokens[:i]
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        for k in range(1, min(_MAX_PIECES, i) + 1):
            cost = _group_cost(tokens[i - k: i], vocab)
            if cost is not None and best[i - k] + cost < best[i]:
                best[i], back[i] = best[i - k] + cost, i - k
    out: list[str] = []
    i = n
    while i > 0:
        out.append("".join(tokens[back[i]: i]))
        i = back[i]
    return " ".join(reversed(out))


def _group_cost(group: list[str], vocab: Vocabulary) -> float | None:
    """The cost of printing ``group`` as one token, or ``None`` if it cannot be one word."""
    if len(group) == 1:
        core = _CORE_RE.match(group[0])
        if core and not vocab.is_piece_word(core.group(1)):
            return _UNKNOWN
        return 0.0
    left = _LEFT_RE.match(group[0])
    right = _RIGHT_RE.match(group[-1])
    if not (left and right) or any(not t.isalpha() for t in group[1:-1]):
        return None
    lead = left.group(2)
    if len(lead) > 1 and lead.isupper():  # an acronym (``UNHCR s``) does not take a suffix
        return None
    pieces = [lead, *group[1:-1], right.group(1)]
    if any(not p[:1].islower() for p in pieces[1:]):
        return None
    word = "".join(pieces)
    if not (vocab.knows(word) or _mends_unknown(pieces, word)):
        return None
    cost = 0.0
    for a, b in zip(pieces, pieces[1:]):
        if not (vocab.is_piece_word(a) and vocab.is_piece_word(b)):
            cost += _JOIN
        elif len(pieces) == 2 and _document_joins(a, b, word, vocab):
            cost += _EVIDENCE_JOIN
        else:
            return None
    return cost


def _mends_unknown(pieces: list[str], word: str) -> bool:
    """A piece wordfreq has never seen (``mmutations``) is damage; a rarer join will do."""
    return any(len(p) >= 3 and zipf(p.lower()) == 0.0 for p in pieces) and zipf(word.lower()) >= 1.5


def _document_joins(a: str, b: str, word: str, vocab: Vocabulary) -> bool:
    """Two words that the document shows to be one word split (``al so`` → ``also``)."""
    if len(a) == 1:  # ``a round``, ``a long``: the article stays
        return False
    la, lb, lw = a.lower(), b.lower(), word.lower()
    if vocab.words.get(lw, 0) < 1 or vocab.pairs.get((la, lb), 0) > 1:
        return False
    if min(zipf(la), zipf(lb)) >= 4.0 and min(len(la), len(lb)) > 2:
        return False  # two common words (``some times``) are more likely meant apart
    # The joined word must be far likelier than the two words in a row (as if independent).
    return zipf(lw) - (zipf(la) + zipf(lb) - 9.0) >= 2.0
