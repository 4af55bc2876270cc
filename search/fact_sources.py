"""Which sentence a fact answer cites, and which documents' figures it gives.

A fact the summary restates is cited from the numbered paragraph that states it; where another
document states a different figure for the same thing (two successive reports), both are given,
newest first, but only when the two sentences are about the same thing: the same places, the same
counted noun, many words in common.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answer_types import Span
from .evidence import ScoredSentence, Sentence
from .narrowing import counted_noun
from .subject import library
from .terms import tokenize

MIN_FACT_SCORE = 0.46     # below this sentence score a fact is no answer (calibrated on bench/data/, see README)
OTHER_MARGIN = 0.03       # another document's figure is given too when it scores this close to the best


@dataclass(frozen=True)
class Fact:
    """The spans that answer a fact question and the sentence that states them."""

    spans: tuple[Span, ...]
    where: ScoredSentence
    score: float
    focus: float = 1.0  # share of the question's subject words the sentence (and the one before) holds


def render_spans(spans: tuple[Span, ...], sentence: str) -> str:
    """The lead of a fact answer: spans joined as the sentence joins them ("X and Y", "X, Y")."""
    parts = [spans[0].text]
    for prev, cur in zip(spans, spans[1:]):
        gap = sentence[prev.end:cur.start]
        if prev.kind != cur.kind:
            sep = ", "
        elif re.search(r"\bor\b", gap):
            sep = " or "
        elif re.search(r"\band\b|\bas well as\b", gap):
            sep = " and "
        else:
            sep = ", "
        parts += [sep, cur.text]
    return "".join(parts)


def prefer_paragraph(searcher, best: Fact, facts: list[Fact]) -> Fact:
    """The same fact from a numbered paragraph rather than the summary that restates it: among the
    candidates, else the paragraph of the document that states the same figure in the same words."""
    if best.where.hit.kind != "summary":
        return best
    same = _value(best)
    for f in facts:
        if f.where.hit.symbol == best.where.hit.symbol and f.where.hit.kind == "paragraph" and _value(f) == same \
                and f.where.score >= MIN_FACT_SCORE:
            return f
    return _restated(searcher, best) or best


def _restated(searcher, fact: Fact) -> Fact | None:
    """The fact as a numbered paragraph of its document states it: the figure with the word after it
    ("14,631 United Nations Volunteers"), found in one paragraph's sentence."""
    from index.sentences import split_sentences

    span, text = fact.spans[0], fact.where.sentence.text
    if len(fact.spans) > 1 or not re.search(r"\d", span.text):
        return None
    nxt = re.match(r"\s*(\w+)", text[span.end:])
    phrase = span.text + (" " + nxt.group(1) if nxt else "")
    rows = searcher.store.execute("SELECT id FROM chunks WHERE symbol = ? AND kind = 'paragraph' AND instr(text, ?) > 0 "
                                 "ORDER BY id LIMIT 2", (fact.where.hit.symbol, phrase)).fetchall()
    if len(rows) != 1:
        return None  # nowhere, or in two paragraphs: the summary stays the citation
    hit = searcher._hit(rows[0][0], fact.where.hit.score)
    for a, b in split_sentences(hit.text):
        if (at := hit.text.find(phrase, a, b)) >= 0:
            lead = len(hit.text[a:b]) - len(hit.text[a:b].lstrip())
            sentence = Sentence(hit.text[a:b].strip(), a + lead, a + lead + len(hit.text[a:b].strip()))
            start = at - a - lead
            moved = Span(span.text, span.kind, start, start + len(span.text))
            return Fact((moved,), ScoredSentence(hit, sentence, (), fact.where.score, fact.where.cosine,
                                                 fact.where.coverage), fact.score, fact.focus)
    return None


def _value(fact: Fact) -> str:
    return re.sub(r"\W+", " ", render_spans(fact.spans, fact.where.sentence.text)).strip().lower()


def sources(searcher, best: Fact, facts: list[Fact]) -> list[Fact]:
    """The best fact and, where other documents state a different figure for the same thing about
    as well, theirs: one per document, newest document first."""
    if best.spans[0].kind not in ("count", "money", "percent", "date"):
        return [best]
    chosen, seen = [best], {best.where.hit.symbol}
    for f in facts:  # best first: each document's best candidate only
        if f.where.hit.symbol in seen:
            continue
        seen.add(f.where.hit.symbol)
        if f.where.score >= MIN_FACT_SCORE and f.score >= best.score - OTHER_MARGIN and f.focus >= best.focus \
                and {sp.kind for sp in f.spans} == {sp.kind for sp in best.spans} and _value(f) != _value(best) \
                and _same_thing(best, f):
            chosen.append(f)
    if len(chosen) == 1:
        return chosen
    profiles = library(searcher).profiles
    when = {f.where.hit.symbol: profiles[f.where.hit.symbol].when if f.where.hit.symbol in profiles else ""
            for f in chosen}
    return sorted(chosen, key=lambda f: when[f.where.hit.symbol], reverse=True)


def restating(best: Fact, facts: list[Fact]) -> Fact | None:
    """Another numbered paragraph of the best fact's document that states the same figure or date as a
    fact of the question (a judgment's date in the chapter on the Chambers and again in the Registry's), so
    that the answer cites both; None where no other candidate does, or the value is a bare small number."""
    value = _value(best)
    if best.spans[0].kind not in ("count", "money", "percent", "date") or not re.search(r"\d{2}", value):
        return None
    return next((f for f in facts if f.where.hit.symbol == best.where.hit.symbol and f.where.hit.kind == "paragraph"
                 and f.where.hit.citation != best.where.hit.citation and _value(f) == value
                 and f.where.score >= MIN_FACT_SCORE and f.focus >= best.focus), None)


def _same_thing(a: Fact, b: Fact) -> bool:
    """True if two facts' sentences state a figure for the same thing: they name the same places, the
    numbers count the same noun, and they share a good part of their words ("22.9 million people
    needed assistance in Afghanistan" in two successive reports; not refugees arriving in Libya and
    refugees crossing into South Sudan)."""
    if _places(a) != _places(b):
        return False
    nouns = [counted_noun(list(tokenize([f.where.sentence.text])[0]), _last_token(f), f.where.sentence.text)
             for f in (a, b)]
    if a.spans[0].kind == "count" and None not in nouns and nouns[0] != nouns[1]:
        return False
    words = [{t.stem for t in tokenize([f.where.sentence.text])[0] if not t.text.isdigit()} for f in (a, b)]
    return 2 * len(words[0] & words[1]) / max(1, len(words[0]) + len(words[1])) >= SAME_WORDS


SAME_WORDS = 0.3  # least share of words (Dice) two documents' sentences share to state the same figure


def _places(fact: Fact) -> set[str]:
    """The places the fact's sentence names, and the one its heading names ("Economic Commission for
    Africa region"): a region's figure is not the world's."""
    from .span_scores import heading_place

    s = fact.where
    a, b = s.sentence.start, s.sentence.end
    return {e.text.lower() for e in getattr(s.hit, "entities", ()) if e.kind == "place" and a <= e.start and e.end <= b} \
        | set(heading_place(tuple(getattr(s.hit, "section", ()))))


def _last_token(fact: Fact) -> int:
    toks = tokenize([fact.where.sentence.text])[0]
    end = fact.spans[0].end
    return max((i for i, t in enumerate(toks) if t.end <= end), default=0)


