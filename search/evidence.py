"""The evidence for an answer: retrieved paragraphs, their sentences, scored against a question.

A sentence scores by how close its meaning is to the question's (cosine of the embeddings;
the sentence vectors the index stores, or computed here for an index built without them), by
the share of the question's words it contains (weighted by their rarity in the index, so a
missing "Peru" weighs more than a missing "migrants"), and by its paragraph's rank. Paragraphs
that never name a proper name of the question are no evidence for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
import sqlite3
import weakref
from dataclasses import dataclass

import numpy as np

from .documents import chunk_row, chunk_sentences
from .models import Hit
from .names import _name_tokens
from .number_words import between, spelled
from .terms import Token, document_frequency, idf, tokenize

K_PARAGRAPHS = 8          # paragraphs of the hybrid search read for an answer
K_COUNTED = 2             # BM25's best paragraphs for what a "how many" question counts, in each subject document
K_KEYWORD = 4             # BM25's best paragraphs added when the hybrid search missed them
# Weights of a sentence's score: similarity of meaning, share of the question's (rare) words, rank.
W_COS, W_COVER, W_RANK = 0.55, 0.35, 0.10


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph, with its span in the paragraph text."""

    text: str
    start: int
    end: int
    heading: bool = False  # the paragraph's section heading ("A. Panel discussion (New York, 25 June 2013)")


@dataclass(frozen=True)
class QuestionTerm:
    """A content word of the question with its weight (rarity in the index)."""

    text: str
    stem: str
    weight: float
    df: int
    proper: bool
    adverb: bool = False  # an ordinal used as an adverb ("first piloted"), not naming one of a series


@dataclass(frozen=True)
class ScoredSentence:
    """A sentence of a retrieved paragraph with its score against the question."""

    hit: Hit
    sentence: Sentence
    tokens: tuple[Token, ...]
    score: float
    cosine: float
    coverage: float


def retrieve(searcher, question: str, k: int = K_PARAGRAPHS, *, docs: list[str] | None = None,
             within: str | None = None, counted: str | None = None, fact: str | None = None, **filters) -> list[Hit]:
    """The hybrid search's top ``k``, then BM25's best paragraphs it missed (exact wording counts).

    ``docs`` are the documents the question is about (``search.subject``): their paragraphs are
    read first, then the library's. ``filters`` (``doc=``, ``org=``, date or body filters, ...)
    pass through to ``Searcher.search`` unchanged and narrow both. ``within`` (the question less its
    documents' subject) is searched again in ``docs``: their paragraphs need not repeat the subject.
    ``counted`` (what a "how many" question counts, "ECE member States") is searched alone by BM25 in
    ``docs``: the paragraph that counts them may be a long list the question's other words drown.
    ``fact`` (the question less every name and title run of ``docs``, ``search.fact_part``) is searched
    in ``docs`` too: the paragraph that states the fact may name none of what picked its document.
    """
    hits: list[Hit] = []
    seen: set[str] = set()
    scopes: list[dict] = []
    if docs:
        wanted = filters.get("doc")
        wanted = {wanted.lower()} if isinstance(wanted, str) else {d.lower() for d in wanted or ()}
        mine = [d for d in docs if not wanted or d.lower() in wanted]
        if mine:
            scopes.append({**filters, "doc": mine})
    scopes.append(filters)
    reworded = paraphrased(question)
    for i, scope in enumerate(scopes):
        extra = searcher.search(reworded, k=K_KEYWORD, mode="bm25", **scope) if reworded != question else []
        if within and i == 0 and len(scopes) > 1:
            extra += searcher.search(within, k=K_KEYWORD, **scope) + searcher.search(within, k=K_KEYWORD, mode="bm25", **scope)
        if fact and fact != within and i == 0 and len(scopes) > 1:
            extra += searcher.search(fact, k=K_KEYWORD, **scope) + searcher.search(fact, k=K_KEYWORD, mode="bm25", **scope)
        if counted and i == 0 and len(scopes) > 1:  # in each document: one's long lists do not crowd out another's
            extra += [h for d in scope["doc"] for h in searcher.search(counted, k=K_COUNTED, mode="bm25", **{**scope, "doc": d})]
        for h in searcher.search(question, k=k, **scope) + searcher.search(question, k=K_KEYWORD, mode="bm25", **scope) \
                + extra:
            if h.citation not in seen:
                seen.add(h.citation)
                hits.append(h)
    return hits


def fact_hits(searcher, fact: str, hits: list[Hit], docs: list[str], **filters) -> list[Hit]:
    """``hits`` with the fact part's own paragraphs in ``docs`` (``retrieve``'s ``fact=``) put after the picked documents'
    hits, where ``retrieve`` puts them: searched only when a fact question's first pick found nothing (speed)."""
    wanted = filters.get("doc")
    wanted = {wanted.lower()} if isinstance(wanted, str) else {d.lower() for d in wanted or ()}
    mine = [d for d in docs if not wanted or d.lower() in wanted]
    if not mine:
        return hits
    scope = {**filters, "doc": mine}
    seen = {h.citation for h in hits}
    fresh = [h for h in searcher.search(fact, k=K_KEYWORD, **scope) + searcher.search(fact, k=K_KEYWORD, mode="bm25", **scope)
             if h.citation not in seen and not seen.add(h.citation)]
    if not fresh:
        return hits
    at = next((i for i, h in enumerate(hits) if h.symbol not in mine), len(hits))
    return hits[:at] + fresh + hits[at:]


def paraphrased(question: str) -> str:
    """The question with the words reports use for what it asks in other words: a superlative
    ("hosted *the most* volunteers") as "the highest number", "the largest"; a British spelling of
    an -ize word ("mobilized" / "mobilised") beside the American one. Unchanged when neither applies."""
    extra = []
    if _SUPERLATIVE.search(question):
        extra += ["highest", "largest", "number"]
    extra += [w[:-len(m.group(1))] + m.group(1).replace("z", "s") for w, m in
              ((w, re.search(r"(iz(?:e|ed|es|ing|ation|ations))$", w)) for w in re.findall(r"[a-z]{5,}", question)) if m]
    return f"{question} {' '.join(extra)}" if extra else question


_SUPERLATIVE = re.compile(r"\bthe (?:most|largest|highest|biggest|greatest)\b", re.I)


def question_terms(searcher, question: str) -> list[QuestionTerm]:
    """The question's content words, weighted by how rare they are in the index."""
    n = max(1, searcher.manifest.chunks)
    out: dict[str, QuestionTerm] = {}
    frame = [m.span(1) for m in _FRAME.finditer(question)]
    for i, tok in enumerate(tokenize([question])[0]):
        low = tok.text.lower()
        if low in stop_words() or tok.stem in out or len(low) < 2 and not low.isdigit():
            continue
        if any(a <= tok.start < b for a, b in frame):
            continue  # "how *big*", "what *share*": the kind of answer, not words the report uses
        df = document_frequency(searcher.store, tok.text)
        proper = i > 0 and tok.text[0].isupper() and not tok.text.isdigit()
        after = question[tok.end:].split()
        adverb = bool(after) and bool(re.fullmatch(r"[a-z]+ed\W*", after[0]))
        out[tok.stem] = QuestionTerm(tok.text, tok.stem, idf(df, n), df, proper, adverb)
    return list(out.values())


_FRAME = re.compile(r"\b(?:how|what|which|in what|in which)\s+((?:much|many|big|large|often|long|far|share|percentage|"
                    r"proportion|fraction|per ?cent|percent|year|date|month|day|amount|size|rate)\b)", re.I)


def stop_words() -> frozenset[str]:
    """spaCy's English stop words, less the words that pick one fact among several: ordinals and
    numbers ("the *first* Dialogue"), comparisons ("*below* 5 per cent"), before/after."""
    return _spacy_stop_words() - _KEEP


@lru_cache(maxsize=1)
def _spacy_stop_words() -> frozenset[str]:
    """spaCy's list, read from its data module without importing spaCy (and torch with it)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    scope: dict = {}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), scope)
    return frozenset(scope["STOP_WORDS"])


_KEEP = frozenset("first second third fourth fifth last next former latter".split()
                  + between(1, 12) + spelled(15, 20, 40, 50, 60, 100)
                  + "above below under over before after less least most more fewer without".split())


def local_context(s: ScoredSentence) -> str:
    """The sentence and the one before it in its paragraph ("... the Nansen Initiative. Norway and
    Switzerland ... initiated this consultative process"): where a fact's subject must be named."""
    if s.sentence.heading:
        return s.sentence.text
    from index.sentences import split_sentences

    before = [a for a, b in split_sentences(s.hit.text) if b <= s.sentence.start]
    return s.hit.text[before[-1] if before else s.sentence.start:s.sentence.end]


#: a paragraph of at most this many sentences is about what its first sentence names
SHORT_PARAGRAPH = 5


def named_context(s: ScoredSentence) -> str:
    """Where a fact's subject may be named: the sentence and the one before it, and in a short
    paragraph its opening sentence too ("The city of *Kharkiv* had a terrible night: *Russia* ...
    At least 43 buildings were damaged"): a short paragraph tells one event."""
    context = local_context(s)
    if s.sentence.heading:
        return context
    from index.sentences import split_sentences

    spans = split_sentences(s.hit.text)
    before = [(a, b) for a, b in spans if b <= s.sentence.start]
    if len(before) < 2:
        return context  # the opening sentence is already in the context
    if len(spans) <= SHORT_PARAGRAPH:
        return s.hit.text[spans[0][0]:spans[0][1]] + " " + context
    scene = [(a, b) for a, b in before[:-1] if _SCENE.match(s.hit.text, a)]
    if scene and not _SCENE.match(s.sentence.text):  # "In Kyiv, the attack killed ... Sixteen more rescuers were
        a, b = scene[-1]  # injured": the place a sentence opens with holds until another sentence opens with one
        return s.hit.text[a:b] + " " + context
    return context


def sentence_after(s: ScoredSentence) -> str:
    """The sentence right after ``s`` in its paragraph, or "": a question often joins two sentences of one
    statement ("the module, *which lets users carry out vendor assessments*, launched" / "... was launched in
    April 2024 ... *This module will allow users to perform basic vendor assessments*")."""
    if s.sentence.heading:
        return ""
    from index.sentences import split_sentences

    after = [(a, b) for a, b in split_sentences(s.hit.text) if a >= s.sentence.end]
    return s.hit.text[after[0][0]:after[0][1]] if after else ""


#: A sentence that sets the scene for those after it: "In Kyiv, ...", "In Lutsk, ...".
_SCENE = re.compile(r"\s*(?:In|At|Across|Throughout)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3},")


def score_sentences(searcher, question: str, hits: list[Hit], terms: list[QuestionTerm], *,
                    headings: bool = False, names: list[tuple[str, tuple[str, ...]]] = (),
                    given: dict[str, set[str]] | None = None) -> list[ScoredSentence]:
    """Every sentence of the retrieved paragraphs (tables excepted), best first.

    With ``headings``, section headings that carry a bracketed place or date ("Panel discussion
    (New York, 25 June 2013)") count as sentences of the first retrieved paragraph under them. A
    sentence that writes another form of a question's name ("the World Food Programme" for "WFP",
    ``names`` with their aliases) covers the name's words; so does a paragraph for the names
    ``given`` for it (by its citation): those its document is about, which it need not repeat.
    """
    paras = [(rank, h) for rank, h in enumerate(hits) if h.kind != "table"]
    units, vecs = sentence_vectors(searcher, [h for _, h in paras], headings=headings)
    if not units:
        return []
    ranks = {h.citation: rank for rank, h in paras}
    cosines = vecs @ _embed_question(searcher, question)
    texts = [s.text for _, s in units]
    token_lists = tokenize(texts + [h.text + " " + " ".join(h.section[-1:]) for _, h in paras])
    para_stems = {h.citation: {t.stem for t in toks} for (_, h), toks in zip(paras, token_lists[len(texts):])}
    total = sum(t.weight for t in terms) or 1.0
    out = []
    before: tuple[str, set[str]] = ("", set())  # the previous sentence's paragraph and stems
    for (hit, sent), toks, cos in zip(units, token_lists, cosines):
        own = {t.stem for t in toks}
        stems, context = _same_words(own), _same_words(para_stems[hit.citation])
        if before[0] == hit.citation and _REFERS_BACK.match(sent.text):
            stems |= _same_words(before[1])  # "At that meeting, which was held in Tashkent": the meeting named before
        before = (hit.citation, own)
        stems |= _alias_stems(sent.text, names) | _given_stems((given or {}).get(hit.citation, ()))
        context |= _alias_stems(hit.text, names)
        covered = sum(t.weight * (1.0 if t.stem in stems else 0.5 if t.stem in context else 0.0)
                      for t in terms) / total
        rank_prior = 1.0 - ranks[hit.citation] / max(1, len(hits))
        score = W_COS * float(cos) + W_COVER * covered + W_RANK * rank_prior
        out.append(ScoredSentence(hit, sent, tuple(toks), score, float(cos), covered))
    return sorted(out, key=lambda s: -s.score)


#: A sentence that opens by referring back to the one before ("*At that meeting*, which was held in
#: Tashkent", "*Of those*, 27 per cent"): the words of the sentence before are its own.
_REFERS_BACK = re.compile(r"(?:(?:At|During|In|After|Following|Before|By|Of|From|On|Among|For|Under)\s+"
                          r"(?:that|this|these|those|the same|such|them|which)\b|(?:That|This|These|Those|Such)\s+"
                          r"(?:meeting|session|event|conference|forum|dialogue|workshop|summit|report|year|decision)\b)")


def _given_stems(names) -> set[str]:
    return {t.stem for name in names for t in _name_tokens(name)}


def _alias_stems(text: str, names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The stems of each name of which ``text`` writes an alias (not the name itself)."""
    low = text.lower()
    return {t.stem for name, aliases in names
            if any(len(a) > 2 and re.search(r"\b" + re.escape(a.lower()) + r"\b", low) for a in aliases)
            for t in _name_tokens(name)}


def _same_words(stems: set[str]) -> set[str]:
    """``stems`` with the words reports use in their place: a superlative ("the *highest* number")
    stands for "the most", a British spelling ("mobilis") for the American stem ("mobil")."""
    out = set(stems)
    if stems & _SUPERLATIVE_STEMS:
        out.add("most")
    out.update(form for st in stems if st.endswith("is") and len(st) > 5 for form in (st[:-2], st[:-2] + "iz"))
    return out


_SUPERLATIVE_STEMS = frozenset("highest largest biggest greatest most".split())


def sentence_vectors(searcher, hits: list[Hit], *, headings: bool = False
                     ) -> tuple[list[tuple[Hit, Sentence]], np.ndarray]:
    """The sentences of ``hits`` and their unit vectors, from the index when it stores them."""
    store = _stored(searcher)
    units: list[tuple[Hit, Sentence]] = []
    rows: list[int] = []
    missing: list[int] = []
    for h in hits:
        spans = store.spans(h) if store else None
        if spans is not None:
            from index.sentences import join_initials

            spans = join_initials(h.text, list(spans))
        else:
            from index.sentences import split_sentences

            spans = [(-1, s, e) for s, e in split_sentences(h.text)]
        for row, s, e in spans:
            text = h.text[s:e].strip()
            if not text:
                continue
            lead = len(h.text[s:e]) - len(h.text[s:e].lstrip())
            units.append((h, Sentence(text, s + lead, s + lead + len(text))))
            rows.append(row)
            if row < 0:
                missing.append(len(units) - 1)
    seen: set[str] = set()
    for h in hits if headings else ():
        head = h.section[-1] if h.section else ""
        if head and head not in seen and re.search(r"\([^()]*\d[^()]*\)\s*$", head):
            seen.add(head)
            units.append((h, Sentence(head, -1, -1, heading=True)))
            rows.append(-1)
            missing.append(len(units) - 1)
    if not units:
        return [], np.zeros((0, 0), dtype="float32")
    vecs = store.vectors([r for r in rows if r >= 0]) if store and len(missing) < len(units) else None
    out = np.zeros((len(units), _dim(searcher)), dtype="float32")
    if vecs is not None:
        out[[i for i, r in enumerate(rows) if r >= 0]] = vecs
    if missing:
        from .dense import embed_texts

        out[missing] = embed_texts([units[i][1].text for i in missing], getattr(searcher, "_model", None))
    return units, out


def _embed_question(searcher, question: str) -> np.ndarray:
    return searcher.query_vector(question)[0]  # embedded once for all the searches of one question


def _dim(searcher) -> int:
    return int(getattr(searcher.manifest, "dimension", 384))


class _SentenceStore:
    """The ``sentences`` table and ``sentences.faiss`` of a build, opened on first use."""

    def __init__(self, con: sqlite3.Connection, path):
        import faiss

        self._con = con
        self._index = faiss.read_index(str(path))

    def spans(self, hit: Hit) -> list[tuple[int, int, int]] | None:
        rowid = chunk_row(self._con, hit)
        rows = chunk_sentences(self._con, rowid) if rowid is not None else []
        return [tuple(r) for r in rows] or None

    def vectors(self, rows: list[int]) -> np.ndarray:
        return np.vstack([self._index.reconstruct(int(r)) for r in rows]).astype("float32")


_STORES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _stored(searcher) -> _SentenceStore | None:
    """The searcher's stored sentence vectors, or None for an index built without them."""
    if searcher not in _STORES:
        try:
            from index.sentences import SENTENCES_NAME

            path = searcher.folder / SENTENCES_NAME
            _STORES[searcher] = _SentenceStore(searcher.store, path) if path.exists() else None
            if _STORES[searcher] is not None:
                searcher.store.execute("SELECT 1 FROM sentences LIMIT 1")
        except (ImportError, RuntimeError, sqlite3.Error):
            _STORES[searcher] = None
    return _STORES[searcher]
