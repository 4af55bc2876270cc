"""Find extraction damage left in a parsed document's clean text (issue #3).

A check, not a repair: ``find_broken_forms`` lists what still looks broken so that a benchmark
(``bench/check_clean.py``) and the tests can count it. Its tests are simpler than the repairs in
``clean`` and ``splitwords`` (a join the document itself prints, a piece no word list knows, a
letter left alone), so that it catches what they miss rather than repeating them. It leans
towards silence on a document's own spelling (``pre-trial`` beside ``pretrial``).
"""

from __future__ import annotations

import re
from collections import Counter

from ..models import Document
from .vocabulary import SOFT_HYPHEN, zipf

KINDS = ("furniture", "separators", "footnote_refs", "split_words", "lost_hyphens",
         "stray_spaces", "line_end_hyphens", "unknown_fragments")

_L = r"[^\W\d_]"
_JOB_RE = re.compile(r"\b\d{2}-\d{5}\b|\*\d{6,}\*")
_PAGE_LINE_RE = re.compile(r"^\s*(?:\S+\s+)?\d{1,3}/(\d{1,3})(?:\s+\S+)?\s*$", re.M)
_REF_RES = (
    re.compile(r"[a-z]{3}[,.;:”)]?\d{1,2}\b(?![/.,]\d)"),  # ``Families,8``
    re.compile(r"\)\d{1,2}\b(?![/.,]\d)"),  # ``(New York, 25 June 2013)1``
    re.compile(r"[a-z][.”] \d{1,2} [A-Z][a-z]"),  # ``Development. 6 Speakers``
    re.compile(r"[a-z][.”] \d{1,2}$"),  # ``processes. 3`` at the end
)
_STRAY_RES = (re.compile(r"\w -[A-Za-z]"), re.compile(r"\s[,;:]"), re.compile(r"\w \.(?!\d)"),
              re.compile(r"\(\s"), re.compile(r"\s\)"))
_TOKEN_RE = re.compile(rf"{_L}+(?:[-’']{_L}+)*")
_LONE_LETTER_RE = re.compile(r"(?<![\w(\[’'./-])([b-z])(?![\w)\]’'./-])")
_ARTICLES = ("a", "A", "I")


def find_broken_forms(doc: Document, raw_text: str = "") -> dict[str, list[str]]:
    """Each kind of damage (``KINDS``) with the snippets that show it; empty lists when clean.

    Only the summary and paragraphs are read (tables are cells, not prose). ``raw_text`` (the
    source text) gives the page count, so that a stray ``12/21`` is told from ``67/219``.
    """
    chunks = [c for c in doc.chunks if c.kind in ("summary", "paragraph")]
    found: dict[str, list[str]] = {k: [] for k in KINDS}
    tokens = Counter(t.lower() for c in chunks for t in _TOKEN_RE.findall(c.text))
    plain = Counter()
    for t, n in tokens.items():
        if "-" not in t:
            plain[t] += n
    pages = {m.group(1) for m in _PAGE_LINE_RE.finditer(raw_text)}
    for c in chunks:
        text, where = c.text, c.citation

        def add(kind: str, snippets) -> None:
            found[kind].extend(f"{where}: {s}" for s in snippets)

        add("furniture", (m.group(0) for m in _JOB_RE.finditer(text)))
        for total in pages:
            add("furniture", (m.group(0) for m in re.finditer(rf"\b\d{{1,3}}/{total}\b(?!/)", text)))
        if doc.symbol and re.search(rf"(?<!document )(?<!report ){re.escape(doc.symbol)}(?!\w)", text):
            add("furniture", [doc.symbol])
        add("separators", ("___" for _ in re.finditer(r"_{3,}", text)))
        for pat in _REF_RES:
            add("footnote_refs", (_around(text, m) for m in pat.finditer(text)))
        for pat in _STRAY_RES:
            add("stray_spaces", (_around(text, m) for m in pat.finditer(text)))
        add("split_words", _split_words(text, plain))
        add("lost_hyphens", _lost_hyphens(text, tokens))
        add("line_end_hyphens", _line_end_hyphens(text, plain, tokens))
        add("unknown_fragments", _unknown_fragments(text, tokens))
    return found


def _around(text: str, m: re.Match, width: int = 15) -> str:
    return text[max(0, m.start() - width): m.end() + width]


def _fragment(piece: str, plain: Counter) -> bool:
    """A piece no word list knows and the document prints nowhere else (``instru``, ``n``)."""
    if len(piece) == 1:
        return piece not in _ARTICLES
    return zipf(piece.lower()) < 2.5 and plain[piece.lower()] <= 1


def _split_words(text: str, plain: Counter) -> list[str]:
    """Pieces of one word: a join the document prints whole or that mends a fragment, and
    letters left alone. Two words are taken for pieces only when the joined word is far likelier
    than the pair (``al so``, ``be hind``; not ``in to``, ``are a``)."""
    out = []
    flagged: set[int] = set()
    toks = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]
    for (pa, a), (pb, b) in zip(toks, toks[1:]):
        la = re.search(rf"{_L}+$", a)
        lb = re.match(rf"([^\W\d_A-Z]{_L}*)(-?)", b)
        if not (la and lb) or lb.group(2) or pa in flagged:  # ``e-commerce``; one spot, once
            continue
        x, y = la.group(0), lb.group(1)
        if (len(x) > 1 and x.isupper()) or y in _ARTICLES or x in _ARTICLES[:2]:
            continue
        joined = (x + y).lower()
        if len(x) == len(y) == 1:  # ``t o``, ``o f``
            hit = plain[joined] >= 1
        elif _fragment(x, plain) or _fragment(y, plain):
            hit = len(joined) > 2 and (plain[joined] >= 1 or zipf(joined) >= 3.0)
        else:
            zx, zy = zipf(x.lower()), zipf(y.lower())
            common = min(zx, zy) >= 4.0 and min(len(x), len(y)) > 2  # ``per cent``
            hit = plain[joined] >= 1 and not common and zipf(joined) - (zx + zy - 9.0) >= 2.0
        if hit:
            out.append(f"{x} {y}")
            flagged.update((pa, pb))
    for m in _LONE_LETTER_RE.finditer(text):
        if m.start() not in flagged:
            out.append(_around(text, m, 10))
    return out


def _lost_hyphens(text: str, tokens: Counter) -> list[str]:
    """Compounds printed without their hyphen where the document prints the hyphenated form:
    run together at a capital (``SecretaryGeneral``), or less often than hyphenated
    (``Highlevel``)."""
    hyphenated = Counter()
    for t, n in tokens.items():
        if "-" in t:
            hyphenated[t.replace("-", "")] += n
    out = []
    for t in re.findall(r"\b[A-Za-z]{4,}\b", text):
        lt = t.lower()
        camel = re.search(r"[a-z][A-Z]", t) is not None
        if hyphenated[lt] > 0 if camel else hyphenated[lt] > tokens[lt] and zipf(lt) < 3.0:
            out.append(t)
    return out


def _line_end_hyphens(text: str, plain: Counter, tokens: Counter) -> list[str]:
    """Hyphens left from line-end hyphenation: soft ones, ``devel- opment``, ``devel-opment``
    (a piece that is no word, of a word the document prints joined at least as often)."""
    out = [f"soft hyphen in {_around(text, m)}" for m in re.finditer(SOFT_HYPHEN, text)]
    for m in re.finditer(rf"\b({_L}+)- ([a-z]+)", text):
        if m.group(2) not in ("and", "or", "nor"):
            out.append(m.group(0))
    for m in re.finditer(rf"\b({_L}+)-([a-z]+)\b", text):
        x, y = m.groups()
        joined = (x + y).lower()
        weak = any(zipf(p.lower()) < 3.0 and plain[p.lower()] <= 1 for p in (x, y))
        if weak and plain[joined] >= max(1, tokens[m.group(0).lower()]):
            out.append(m.group(0))
    return out


def _unknown_fragments(text: str, tokens: Counter) -> list[str]:
    """Lower-case words wordfreq has never seen, printed once: likely a piece of a word."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        t = m.group(0)
        base = re.sub(r"[’']s$", "", t).lower()
        in_url = text[max(0, m.start() - 1): m.start()] in "./" and m.start() > 0
        in_url = in_url or text[m.end(): m.end() + 1] in ("/", ".") and text[m.end() + 1: m.end() + 2].isalpha()
        if t[:1].islower() and "-" not in t and tokens[t.lower()] == 1 and zipf(base) == 0 and not in_url:
            out.append(t)
    return out
