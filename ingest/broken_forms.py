"""Find extraction damage left in a parsed document's clean text (issue #3).

A check, not a repair: ``find_broken_forms`` lists what still looks broken so that a benchmark
(``bench/check_clean.py``) and the tests can count it. Its tests are deliberately simpler than
the repairs in ``clean``/``splitwords`` (a join the document itself uses, a letter left alone, a
word wordfreq has never seen), so that it catches what they miss rather than repeating them.
"""

from __future__ import annotations

import re
from collections import Counter

from .models import Document
from .vocabulary import SOFT_HYPHEN, zipf

KINDS = ("furniture", "separators", "footnote_refs", "split_words", "lost_hyphens",
         "stray_spaces", "line_end_hyphens", "unknown_fragments")

_JOB_RE = re.compile(r"\b\d{2}-\d{5}\b|\*\d{6,}\*")
_PAGE_LINE_RE = re.compile(r"^\s*(?:\S+\s+)?\d{1,3}/(\d{1,3})(?:\s+\S+)?\s*$", re.M)
_REF_RES = (
    re.compile(r"[a-z]{3}[,.;:”)]?\d{1,2}\b(?![/.,]\d)"),  # ``Families,8``, ``2013)1`` is below
    re.compile(r"\)\d{1,2}\b(?![/.,]\d)"),
    re.compile(r"[a-z][.;:,”] \d{1,2} [A-Z][a-z]"),  # ``Development. 6 Speakers``
    re.compile(r"[a-z][.;:,”] \d{1,2}$"),  # ``processes. 3`` at the end
)
_STRAY_RES = (re.compile(r"\w -[A-Za-z]"), re.compile(r"\s[,;:]"), re.compile(r"\w \.(?!\d)"),
              re.compile(r"\(\s"), re.compile(r"\s\)"))
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:[-’'][A-Za-z]+)*")
_LABEL_RE = re.compile(r"\([a-z]\)")


def find_broken_forms(doc: Document, raw_text: str = "") -> dict[str, list[str]]:
    """Each kind of damage (``KINDS``) with the snippets that show it; empty lists when clean.

    ``raw_text`` (the source text) supplies the page count, so that a stray ``12/21`` is told
    from a resolution number like ``67/219``.
    """
    chunks = [c for c in doc.chunks if c.kind in ("summary", "paragraph")]
    texts = [c.text for c in chunks]
    found: dict[str, list[str]] = {k: [] for k in KINDS}
    tokens = Counter(t.lower() for text in texts for t in _TOKEN_RE.findall(text))
    plain = Counter(w for t, n in tokens.items() for w in [t] * n if "-" not in t)
    pages = {m.group(1) for m in _PAGE_LINE_RE.finditer(raw_text)}
    for c, text in zip(chunks, texts):
        where = c.citation
        for m in _JOB_RE.finditer(text):
            found["furniture"].append(f"{where}: {m.group(0)}")
        for total in pages:
            for m in re.finditer(rf"\b\d{{1,3}}/{total}\b(?!/)", text):
                found["furniture"].append(f"{where}: {m.group(0)}")
        if doc.symbol and re.search(rf"(?<!document )(?<!report ){re.escape(doc.symbol)}\b", text):
            found["furniture"].append(f"{where}: {doc.symbol}")
        found["separators"] += [f"{where}: ___" for _ in re.finditer(r"_{3,}", text)]
        for pat in _REF_RES:
            found["footnote_refs"] += [f"{where}: {_around(text, m)}" for m in pat.finditer(text)]
        for pat in _STRAY_RES:
            found["stray_spaces"] += [f"{where}: {_around(text, m)}" for m in pat.finditer(text)]
        found["split_words"] += [f"{where}: {s}" for s in _split_words(text, plain)]
        found["lost_hyphens"] += [f"{where}: {s}" for s in _lost_hyphens(text, tokens)]
        found["line_end_hyphens"] += [f"{where}: {s}" for s in _line_end_hyphens(text, plain, tokens)]
        for t in _TOKEN_RE.findall(text):
            if t[:1].islower() and "-" not in t and tokens[t.lower()] == 1 and zipf(t.lower()) == 0:
                found["unknown_fragments"].append(f"{where}: {t}")
    return found


def _around(text: str, m: re.Match, width: int = 15) -> str:
    return text[max(0, m.start() - width): m.end() + width]


def _split_words(text: str, plain: Counter) -> list[str]:
    """Two pieces whose join is a word the document prints whole, or a known word joining a
    fragment (``instru ment``), or a letter left alone."""
    out = []
    flagged: set[int] = set()
    toks = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]
    for (pa, a), (pb, b) in zip(toks, toks[1:]):
        la = re.search(r"[A-Za-z]+$", a)
        lb = re.match(r"[a-z]+", b)
        if not (la and lb) or pa in flagged:  # one spot of damage is counted once
            continue
        x, y = la.group(0), lb.group(0)
        if len(x) > 1 and x.isupper():
            continue
        joined = (x + y).lower()
        both_common = min(zipf(x.lower()), zipf(y)) >= 4.0 and min(len(x), len(y)) > 2
        article = x in ("a", "A")
        fragment = any(_fragment(p, plain) for p in (x, y)) and zipf(joined) >= 3.0
        letters = len(x) == len(y) == 1 and plain[joined] >= 1  # ``t o``, ``o f``
        if ((plain[joined] >= 1 or fragment) and len(joined) > 2 or letters) and not both_common \
                and not article:
            out.append(f"{x} {y}")
            flagged.update((pa, pb))
    for m in re.finditer(r"(?<![\w(’'])([b-z])(?![\w)’'.])", text):
        if m.start() not in flagged:
            out.append(_around(text, m, 10))
    return out


def _fragment(piece: str, plain: Counter) -> bool:
    """A piece no word list knows and the document prints nowhere else (``instru``, ``n``)."""
    if len(piece) == 1:
        return piece not in ("a", "A", "I")
    return zipf(piece.lower()) < 2.5 and plain[piece.lower()] <= 1


def _lost_hyphens(text: str, tokens: Counter) -> list[str]:
    """Compounds printed without their hyphen: ``SecretaryGeneral``, ``Highlevel``."""
    hyphen_free = {t.replace("-", ""): t for t in tokens if "-" in t}
    out = []
    for t in re.findall(r"\b[A-Za-z]{4,}\b", text):
        if re.search(r"[a-z][A-Z]", t) or (t.lower() in hyphen_free and zipf(t.lower()) < 3.0):
            out.append(t)
    return out


def _line_end_hyphens(text: str, plain: Counter, hyphened: Counter) -> list[str]:
    """Hyphens left from line-end hyphenation: ``devel-opment``, ``devel- opment``, soft ones.

    A hyphenated form is suspect when the document prints it joined at least as often.
    """
    out = [f"soft hyphen in {_around(text, m)}" for m in re.finditer(SOFT_HYPHEN, text)]
    for m in re.finditer(r"\b([A-Za-z]+)- ([a-z]+)", text):
        if m.group(2) not in ("and", "or", "nor"):
            out.append(m.group(0))
    for m in re.finditer(r"\b([A-Za-z]+)-([a-z]+)\b", text):
        joined = (m.group(1) + m.group(2)).lower()
        if plain[joined] >= max(1, hyphened[m.group(0).lower()]):
            out.append(m.group(0))
    return out
