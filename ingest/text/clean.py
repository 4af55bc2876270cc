"""Repairs of PDF-to-text damage inside a paragraph's text (issue #3).

Each repair is a pure function of the text and a ``Vocabulary`` of the whole document, so that
evidence from the document itself (``Secretary-General`` printed elsewhere) decides how a broken
form (``SecretaryGeneral``) is mended; a word-frequency list (wordfreq) is the second witness.
``clean_text`` runs them in order: join the lines (undoing line-end hyphenation), take out
footnote references, tidy stray spaces, rejoin split words, restore lost hyphens.
"""

from __future__ import annotations

import re

from .footnote_refs import MarkRules, remove_footnote_refs
from .splitwords import rejoin_split_words
from .vocabulary import CONJUNCTIONS, SOFT_HYPHEN, Vocabulary, should_dehyphenate, zipf

__all__ = ["Vocabulary", "clean_text", "join_lines", "rejoin_split_words", "remove_footnote_refs",
           "restore_lost_hyphens", "tidy_spacing", "zipf"]

_HEAD_RE = re.compile(r"([^\W\d_]+)-$")
_TAIL_RE = re.compile(r"[^\W\d_]+")


def join_lines(lines: list[str], vocab: Vocabulary) -> str:
    """Join a paragraph's lines with single spaces, undoing line-end hyphenation of split words.

    A soft hyphen (U+00AD) at a line end always marks a split word; a plain hyphen does when
    ``should_dehyphenate`` says so, and otherwise stays as the compound's hyphen with no space
    after it (``post-`` / ``2015`` → ``post-2015``). A hyphen before ``and``/``or`` is a
    suspended one and keeps its space (``gender-`` / ``and age-sensitive``).
    """
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if out.endswith(SOFT_HYPHEN):
            out = out[:-1] + line
            continue
        if out.endswith("-") and line[:1].isalnum():
            head = _HEAD_RE.search(out)
            tail = _TAIL_RE.match(line)
            if head and tail and should_dehyphenate(head.group(1), tail.group(0), vocab):
                out = out[:-1] + line
                continue
            if (head and tail and tail.group(0) in CONJUNCTIONS) or not (head or out[-2:-1].isdigit()):
                out = f"{out} {line}"  # ``gender-`` / ``and age-sensitive``: a suspended hyphen
            else:
                out += line
            continue
        out = f"{out} {line}" if out else line
    return _rejoin_spaced_hyphenation(out.replace(SOFT_HYPHEN, ""), vocab)


def _rejoin_spaced_hyphenation(text: str, vocab: Vocabulary) -> str:
    """``identi- fying`` → ``identifying``: a line-end split that reached us already joined with a
    space (headings, reflowed text). A suspended hyphen (``gender- and``) stays."""

    def fix(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        if tail in CONJUNCTIONS or not should_dehyphenate(head, tail, vocab):
            return m.group(0)
        return head + tail

    return re.sub(r"\b([^\W\d_]+)- ([^\W\d_]+)", fix, text)


def restore_lost_hyphens(text: str, vocab: Vocabulary) -> str:
    """``SecretaryGeneral`` → ``Secretary-General``, ``Highlevel`` → ``High-level``.

    A word is given back its hyphen when the document prints the hyphenated compound elsewhere
    and the joined form is not a word of its own (``southeast`` is, but ``SouthEast`` with its
    inner capital is not), or when it is two capitalised words run together.
    """

    def fix(m: re.Match) -> str:
        word = m.group(0)
        lw = word.lower()
        camel = re.search(r"[a-z][A-Z]", word) is not None
        if not camel and (vocab.words.get(lw, 0) > 1 or zipf(lw) >= 3.0):
            return word
        for i in range(2, len(word) - 1):
            if f"{lw[:i]}-{lw[i:]}" in vocab.hyphenated and (not camel or word[i].isupper()):
                return f"{word[:i]}-{word[i:]}"
        pair = re.match(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$", word)
        if pair and zipf(lw) < 2.0 and vocab.is_word(pair.group(1)) and vocab.is_word(pair.group(2)):
            return f"{pair.group(1)}-{pair.group(2)}"
        return word

    return re.sub(r"\b[A-Za-z]{5,}\b", fix, text)


def tidy_spacing(text: str) -> str:
    """Remove stray spaces before hyphens and punctuation: ``foreign -born``, ``statistics ,``."""
    text = re.sub(r"(\w) -(?=[A-Za-z])", r"\1-", text)
    text = re.sub(r"\s+([,;:.)](?!\d))", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def clean_text(lines: list[str], vocab: Vocabulary, next_ref: int,
               rules: MarkRules = MarkRules()) -> tuple[str, list[int], int]:
    """All repairs, in order, for one paragraph's lines. Returns text, refs, next ref number."""
    text = join_lines(lines, vocab)
    text, refs, next_ref = remove_footnote_refs(text, next_ref, rules)
    text = tidy_spacing(text)
    text = rejoin_split_words(text, vocab)
    text = restore_lost_hyphens(text, vocab)
    return tidy_spacing(text), refs, next_ref
