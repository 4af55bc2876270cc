"""Repairs of PDF-to-text damage inside a paragraph's text.

Each repair is a pure function of the text and a ``Vocabulary`` of the whole document, so that
evidence from the document itself (``Secretary-General`` printed elsewhere) decides how a broken
form (``SecretaryGeneral``) is mended; a word-frequency list (wordfreq) is the second witness.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’']*")
_TOKEN_RE = re.compile(r"\S+")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common an English word is (0 = unknown, 7 = 'the'), from wordfreq."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


@dataclass
class Vocabulary:
    """Word forms seen in one document: plain words and hyphenated compounds, lower-cased."""

    words: Counter = field(default_factory=Counter)
    hyphenated: Counter = field(default_factory=Counter)

    @classmethod
    def from_text(cls, text: str) -> "Vocabulary":
        vocab = cls()
        for tok in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", text):
            vocab.hyphenated[tok.lower()] += 1
        for tok in _WORD_RE.findall(text):
            vocab.words[tok.lower()] += 1
        return vocab

    def is_word(self, w: str, min_zipf: float = 2.5) -> bool:
        lw = w.lower()
        return self.words.get(lw, 0) >= 2 or zipf(lw) >= min_zipf


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    """Join a paragraph's lines with single spaces, undoing line-end hyphenation of split words."""
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if out.endswith("-") and line[:1].isalpha() and not out.endswith(" -"):
            head = re.search(r"([A-Za-z]+)-$", out)
            tail = re.match(r"[A-Za-z]+", line)
            if head and tail and _should_dehyphenate(head.group(1), tail.group(0), vocab):
                out = out[:-1] + line
                continue
            out += line
            continue
        out = f"{out} {line}" if out else line
    return out


def _should_dehyphenate(head: str, tail: str, vocab: Vocabulary) -> bool:
    joined = (head + tail).lower()
    if f"{head}-{tail}".lower() in vocab.hyphenated and vocab.hyphenated[f"{head}-{tail}".lower()] > 0:
        return False
    if vocab.words.get(joined, 0) > 0:
        return True
    return zipf(joined) >= 2.0 and not (zipf(head.lower()) >= 3.0 and zipf(tail.lower()) >= 3.0)


def restore_lost_hyphens(text: str, vocab: Vocabulary) -> str:
    """``SecretaryGeneral`` → ``Secretary-General``, ``Highlevel`` → ``High-level``."""

    def fix(m: re.Match) -> str:
        word = m.group(0)
        lw = word.lower()
        if vocab.words.get(lw, 0) > 1 and not re.search(r"[a-z][A-Z]", word):
            return word
        for i in range(2, len(word) - 1):
            if f"{lw[:i]}-{lw[i:]}" in vocab.hyphenated:
                return f"{word[:i]}-{word[i:]}"
        camel = re.match(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$", word)
        if camel and zipf(lw) < 2.0 and vocab.is_word(camel.group(1)) and vocab.is_word(camel.group(2)):
            return f"{camel.group(1)}-{camel.group(2)}"
        return word

    return re.sub(r"\b[A-Za-z]{5,}\b", fix, text)


def rejoin_split_words(text: str, vocab: Vocabulary) -> str:
    """``co ntributed`` → ``contributed``, ``W hile`` → ``While``, ``t o`` → ``to``.

    Two neighbouring pieces are joined when the joined form is a word and at least one piece is
    not; two real words (``a round``) are left alone.
    """
    tokens = text.split(" ")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        a = tokens[i]
        if i + 1 < len(tokens):
            b = tokens[i + 1]
            ma = re.match(r"^(.*?)([A-Za-z]+)$", a)
            mb = re.match(r"^([A-Za-z]+)(.*)$", b)
            if ma and mb:
                left, right = ma.group(2), mb.group(1)
                joined = left + right
                if _is_split(left, right, joined, vocab):
                    out.append(ma.group(1) + joined + mb.group(2))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return " ".join(out)


def _is_split(left: str, right: str, joined: str, vocab: Vocabulary) -> bool:
    if right[:1].isupper() or (left[:1].isupper() and len(left) > 1 and left.isupper()):
        return False
    lj = joined.lower()
    if not (vocab.words.get(lj, 0) > 0 or zipf(lj) >= 3.0):
        return False
    left_word = _piece_is_word(left, vocab)
    right_word = _piece_is_word(right, vocab)
    return not (left_word and right_word)


def _piece_is_word(piece: str, vocab: Vocabulary) -> bool:
    lp = piece.lower()
    if len(lp) == 1:
        return lp in {"a", "i"} and piece in {"a", "I", "A"}
    if vocab.words.get(lp, 0) >= 3 and zipf(lp) >= 2.0:
        return True
    return zipf(lp) >= 3.3


def tidy_spacing(text: str) -> str:
    """Remove stray spaces before hyphens and punctuation: ``foreign -born``, ``statistics ,``."""
    text = re.sub(r"(\w) -(?=[A-Za-z])", r"\1-", text)
    text = re.sub(r"(\w)- (?=(?:and|or)\b)", r"\1- ", text)
    text = re.sub(r"\s+([,;:.)](?!\d))", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return re.sub(r"\s{2,}", " ", text).strip()


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_UNIT_AFTER_RE = re.compile(
    r"^\s*(?:(?:per\s*cent|million|billion|thousand|countries|years?|months?|days?|States|members|"
    r"participants|per|" + _MONTHS + r")\b|%|and\s+\d|to\s+\d|-\d|/\d|\))"
)
_REF_BLOCKERS = {
    "and", "or", "to", "from", "between", "of", "the", "than", "by", "over", "about", "some",
    "nearly", "with", "almost", "only", "first", "last", "top", "least", "these", "those",
    "table", "figure", "box", "annex", "chapter", "section", "article", "paragraph", "para",
    "paras", "goal", "target", "no", "no.", "phase", "step", "level", "volume", "vol", "part",
    "number", "item", "resolution", "decision", "rule", "principle", "option", "page", "p.",
    "pp.", "tier", "pillar", "objective", "outcome", "output", "indicator", "recommendation",
}


def remove_footnote_refs(text: str, next_ref: int) -> tuple[str, list[int], int]:
    """Take inline footnote numbers out of the text, keeping them as refs.

    Footnote numbers run 1, 2, 3… through a document, so a bare number is a reference only
    where it continues that sequence and sits where a reference sits: after a word or
    punctuation, not after ``table``/``No.`` and not before a unit. Returns the text, the refs
    found and the next expected reference number.
    """
    refs: list[int] = []
    pattern = re.compile(r"(?<=[A-Za-z\)\].,;:”’\"\d])(\s?)(\d{1,3})(?=[\s,.;:]|$)")
    pos = 0
    pieces: list[str] = []
    for m in pattern.finditer(text):
        n = int(m.group(2))
        if not (next_ref <= n <= next_ref + 2):
            continue
        before = text[: m.start()]
        prev_word = (before.split() or [""])[-1].lower().strip("(")
        if prev_word in _REF_BLOCKERS or prev_word.rstrip(".,") in _REF_BLOCKERS:
            continue
        if before[-1:].isdigit() and not (m.group(1) and re.search(r"\b(?:19|20)\d\d$", before)):
            continue
        after = text[m.end():]
        if _UNIT_AFTER_RE.match(after):
            continue
        if re.match(r"^[.,]\d", after):
            continue
        # A bare number after a space must follow the end of a sentence, clause or a word that
        # cannot take a number (``Child, 7 speakers``); after a letter directly it is a ref.
        if m.group(1) and not re.search(r"[.,;:”’\")]$", before) and not re.match(r"^(?:\s+[A-Za-z]|\s*$)", after):
            continue
        pieces.append(text[pos: m.start()])
        pos = m.end()
        refs.append(n)
        next_ref = n + 1
    pieces.append(text[pos:])
    return "".join(pieces), refs, next_ref


def clean_text(lines: list[str], vocab: Vocabulary, next_ref: int) -> tuple[str, list[int], int]:
    """All repairs, in order, for one paragraph's lines. Returns text, refs, next ref number."""
    text = join_lines(lines, vocab)
    text, refs, next_ref = remove_footnote_refs(text, next_ref)
    text = tidy_spacing(text)
    text = rejoin_split_words(text, vocab)
    text = restore_lost_hyphens(text, vocab)
    return tidy_spacing(text), refs, next_ref
