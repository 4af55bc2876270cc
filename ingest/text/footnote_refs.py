"""Inline footnote references: the bare numbers that tie a sentence to its footnote.

Extraction flattens the raised reference mark into the line (``Development. 6 Speakers``,
``Families,8``). Footnote numbers run 1, 2, 3… through a document, so a number is taken for a
reference only where it continues that sequence and sits where a reference sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_UNIT_AFTER_RE = re.compile(
    r"^\s*(?:(?:per\s*cent|million|billion|trillion|thousand|countries|years?|months?|days?|States|members|"
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

# A count follows a preposition, article or quantifier (``resulting in 11 proposals``); a
# footnote mark never directly does: it closes the word or phrase it annotates. Only the bare
# word counts: ``Equality for All,17`` is a title ending in ``All`` and the number its mark.
_COUNT_HEADS = {
    "in", "on", "at", "for", "into", "per", "around", "approximately", "under", "across", "among",
    "within", "after", "before", "including", "a", "an", "all", "another", "each", "every", "its",
    "their", "our", "his", "her", "more", "less", "fewer", "just", "roughly", "additional",
    "further", "another", "nearly", "up", "down", "reached", "totalling", "comprising",
}


_MARK_RE = re.compile(r"(?<=[A-Za-z\)\].,;:”’\"\d])(\s?)(\d{1,3})(?=[\s,.;:]|$)")
# The text reader's: after a digit only across a space or glued to a year (``199011``: 1990 and mark 11),
# so that a digit run's tail (``011``) is never matched in place of the mark after the year.
_TEXT_MARK_RE = re.compile(r"(?:(?<=[A-Za-z\)\].,;:”’\"])|(?<=\d)(?=\s)|(?<=\b(?:19|20)\d\d))(\s?)(\d{1,3})(?=[\s,.;:]|$)")


# A label and a dot that open the text or a sentence (``I.2 The Committee``, ``million. II.2 The``,
# ``9.1``, ``29A.3``, ``B.4``) open a paragraph numbered within its chapter: no mark can follow a
# label before any word.
_LEADING_LABEL_RE = re.compile(r"(?:^\s*|[.;:”’)]\s+)(?:\d{1,3}[A-Z]?|[IVXL]{1,6}|[A-Z])\.$")


@dataclass(frozen=True)
class MarkRules:
    """What a reader knows that settles whether a bare number is a mark.

    ``decimals``: a number glued to a decimal point or a thousands comma (``$8.4``, ``15,008``) is
    no mark, nor a number listed after a comma (text readers; see ``_TEXT_MARK_RE``). ``notes``: the
    footnote numbers the document prints (the PDF reader reads its footnote zones): a number no
    footnote has is no mark, so a figure (``7.3 dinars``, ``SDG 5.c.1``) is never cut for one.
    """

    decimals: bool = False
    notes: frozenset[int] | None = None


def remove_footnote_refs(text: str, next_ref: int, rules: MarkRules = MarkRules()) -> tuple[str, list[int], int]:
    """Take inline footnote numbers out of the text, keeping them as refs.

    Footnote numbers run 1, 2, 3… through a document, so a bare number is a reference only
    where it continues that sequence and sits where a reference sits: after a word or
    punctuation, not after ``table``/``No.`` and not before a unit. Returns the text, the refs
    found and the next expected reference number; ``rules`` says what else the reader knows.
    """
    decimals = rules.decimals
    refs: list[int] = []
    pattern = _TEXT_MARK_RE if decimals else _MARK_RE
    pos = 0
    pieces: list[str] = []
    for m in pattern.finditer(text):
        n = int(m.group(2))
        if not (next_ref <= n <= next_ref + 2) or (rules.notes is not None and n not in rules.notes):
            continue
        before = text[: m.start()]
        if not m.group(1) and _LEADING_LABEL_RE.search(before):
            continue
        prev_word = (before.split() or [""])[-1].lower().strip("(")
        if prev_word in _REF_BLOCKERS or prev_word.rstrip(".,") in _REF_BLOCKERS:
            continue
        if m.group(1) and prev_word in _COUNT_HEADS:
            continue
        year = re.search(r"\b(?:19|20)\d\d$", before)
        if before[-1:].isdigit() and not (year and (m.group(1) or (decimals and re.search(r"(?:^|\s)\d{4}$", before)))):
            continue  # (a text reading's ``in 1988 and 199011 authorized``: a mark glued to a year)
        after = text[m.end():]
        if _UNIT_AFTER_RE.match(after):
            continue
        if re.match(r"^[.,]\d", after) or (decimals and not m.group(1) and re.search(r"(?:^|[\s$€£(.])\d{1,3}[.,]$", before)):
            continue  # a decimal (``$8.4``), not a mark after a sentence's end (``in 2025,7``)
        if decimals and m.group(1) and before.endswith(",") and after.startswith(" ("):
            continue  # ``Goals 3 (good health), 5 (gender equality)``: a listed number, not a mark
        if not m.group(1) and re.search(r"\b(?:Add|Rev|Corr|Suppl|Amend)\.$", before):
            continue  # a symbol's part (``A/AC.237/18/Add.1``)
        if m.group(1) and re.search(r"[.;:]$", before) and re.match(r"^\.\s+\S", after):
            continue  # ``development. 11. Programme questions``, ``links: 1. https://``: a list's item, not a mark
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
