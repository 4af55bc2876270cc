"""Figures that answer a narrower question than the one asked, and the noun a number counts.

"In 2024, there were 167 United Nations Volunteers *aged 60 and above*" does not say how many
volunteers there were; "*In Ukraine*, we coordinated life-saving assistance to 8.5 million people"
does not say how many people the Organization reached; "the ratio of women *in the five missions
with the largest participation*" is no share of all volunteers. A figure is narrowed when the
thing it measures carries a qualifier (a place, an age, a group) that the question does not name
and that is not what the whole document is about. ``search.span_scores`` lowers such figures so
that the one about the question's own subject wins.
"""

from __future__ import annotations

import re

from .answer_types import BULLETS, Span
from .evidence import ScoredSentence, stop_words
from .names import _demonym_in, mentions
from .number_words import CARDINALS
from .terms import Token, tokenize

# Words that open a qualifier of a counted noun: "volunteers *aged* 60", "women *with* disabilities",
# "missions *in* Africa". ("in"/"across" with a number extends rather than narrows: "in 169 countries".)
_LEADS = frozenset("in with without aged under above below between among from outside living born based "
                   "residing excluding".split())
_EXTENT_LEADS = frozenset("in across".split())
# A share's measured noun: "the *ratio of* women in the five missions ... increased to 47 per cent".
_MEASURE = re.compile(r"\b(?:proportion|share|ratio|percentage|rate|number)\s+of\s+", re.I)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_RUN = 5  # words of the counted noun phrase walked before its qualifier


def counted_noun(toks: list[Token], last: int, text: str) -> str | None:
    """The stem of the noun a number counts: the last word of the noun phrase right after it
    ("11 peacekeeping *operations*", "63 *municipalities*, including", "26 United Nations *entities*",
    "404 United Nations *Volunteers* served", "one of 141 voter registration *centres*"); None when
    punctuation or a bracket follows."""
    run = counted_words(toks, last, text)
    return run[-1].stem if run else None


def counted_words(toks: list[Token], last: int, text: str) -> list[Token]:
    """The noun phrase a number counts (see ``counted_noun``), its words in order: the nouns,
    adjectives and modifying participles right after the number, read from spaCy's parse ("More than
    100 Member States *took* the floor": the verb ends it)."""
    if last + 1 >= len(toks):
        return []
    if toks[last + 1].text == "of" and last + 2 < len(toks):  # "one of 141 voter registration *centres*"
        nxt = last + 3 if toks[last + 2].text in ("the", "all") and last + 3 < len(toks) else last + 2
        if any(c.isdigit() for c in toks[nxt].text) or toks[nxt].text.lower() in CARDINALS:
            # (a spelled whole too: "two of the four active common back *offices*")
            while nxt + 1 < len(toks) and text[toks[nxt].end:toks[nxt + 1].start] in (",", "."):
                nxt += 1  # "1,000" is two tokens
            last = nxt
    start = toks[last].end
    if _PARTITIVE.search(re.sub(r"[\d.,]*$", "", text[:toks[last].start])) and (after := re.match(r"\s*\)\s*(?:were|are|was|is)\s+",
                                                                                text[start:])):
        start += after.end()  # "The majority (1,588) were international *volunteers*"
    end = _phrase_end(text, start)
    return [t for t in toks if t.start >= start and t.end <= end and t.text.isalpha()]


# A bracketed figure after a word for a part counts what the part "were": "The majority (1,588) were ...".
_PARTITIVE = re.compile(r"\b(?:majority|most|rest|remainder|others|many|some|half)\s*\(\s*$", re.I)


def _phrase_end(text: str, start: int) -> int:
    """Where the noun phrase that starts after character ``start`` ends (its last noun)."""
    from .answer_types import parsed

    end = start
    words = [t for t in parsed(text) if t.idx >= start]
    for i, t in enumerate(words[:_RUN + 1]):
        if text[(words[i - 1].idx + len(words[i - 1].text)) if i else start:t.idx].strip():
            break  # punctuation or a bracket: "(1,588) were"
        if t.text in ("-", "‑"):
            continue  # a hyphen joins: "four first-*generation plans*"
        if t.pos_ in ("NOUN", "PROPN"):
            end = t.idx + len(t.text)
        elif i and words[i - 1].text in ("-", "‑") and t.tag_ in ("VBN", "VBG", "JJ"):
            continue  # a compound modifier's end: "418 humanitarian access-*related* incidents"
        elif t.tag_ == "POS" or t.text in ("’s", "'s", "’", "'"):
            continue  # "103 women’s *organizations*": a possessive counts the noun after it
        elif not (t.pos_ == "ADJ" or end == start and t.tag_ in ("VBG", "VBN") and i + 1 < len(words)
                  and words[i + 1].pos_ in ("NOUN", "PROPN", "ADJ")):
            break  # a participle modifies only before the noun ("*developing* countries", not "people *requiring*")
    return end


def narrowed(span: Span, s: ScoredSentence, qstems: set[str], about: frozenset[str] = frozenset(),
             places: list[tuple[int, int]] = ()) -> bool:
    """True if the figure ``span`` measures something the question did not ask about (see module doc).

    ``qstems`` are the question's stems, ``about`` the stems of the document's subject (its title and
    main names), ``places`` the (start, end) of the place names of the sentence.
    """
    toks, text = list(s.tokens), s.sentence.text
    inside = [i for i, t in enumerate(toks) if span.start <= t.start and t.end <= span.end]
    if not inside:
        return False
    known = qstems | about
    if span.kind == "percent":
        before = text[:span.start]
        starts = [m.end() for m in _MEASURE.finditer(before) if not re.search(r"[;:]", before[m.end():])]
        if starts and _qualified(toks, next((i for i, t in enumerate(toks) if t.start >= starts[-1]), len(toks)),
                                 text, known):
            return True
    elif _qualified(toks, inside[-1] + 1, text, known):
        return True
    where = qualifying_place(span, text, places)
    return where is not None and not _place_known(where, toks, known)


def place_conflict(span: Span, s: ScoredSentence, qplaces: frozenset[str], known: set[str],
                   places: list[tuple[int, int]] = ()) -> bool:
    """True if the figure is about another place than the one the question asks about: "around 10,000
    schools closed *in Burkina Faso*" for South Sudan, "292 staff were stationed *in Tripoli*" for
    Benghazi (even in the report on Libya, whose subject Tripoli is). A place set after the asked one
    ("Izium, Kharkiv region") says where the asked place is. ``qplaces`` are the stems of the
    question's place names, ``known`` the question's stems."""
    if not qplaces:
        return False
    where = qualifying_place(span, s.sentence.text, places)
    if where is None or _place_known(where, list(s.tokens), known):
        return False
    def stems(a: int, b: int) -> set[str]:
        return {t.stem for t in s.tokens if a <= t.start and t.end <= b}

    if any(re.fullmatch(r"\s*,\s*", s.sentence.text[b:where[0]]) and stems(a, b) & qplaces for a, b in places):
        return False  # "the central part of *Izium*, Kharkiv region, killing at least 5": the asked place's region
    return not stems(*where) & qplaces


def qualifying_place(span: Span, text: str, places: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The place a figure is about: the place right after it ("2 in *Benghazi*", "schools closed in
    *Burkina Faso*"), else the place named last before it in its clause ("*In Ukraine*, ... 8.5 million";
    always so for a bracketed figure: "*Asia* (71 million)")."""
    bracketed = text[:span.start].rstrip().endswith("(")
    after = [(a, b) for a, b in places if a >= span.end and a - span.end <= _AFTER
             and not re.search(r"[,;:.()]", text[span.end:a])]
    if after and not bracketed:
        return min(after)
    before = [(a, b) for a, b in places if b <= span.start and not _BREAK.search(text, b, span.start)]
    return max(before, key=lambda p: p[1]) if before else None


_AFTER = 60  # characters after a figure within which a place qualifies it


def _place_known(where: tuple[int, int], toks: list[Token], known: set[str]) -> bool:
    """True if the question or the document's subject names the place ("United Kingdom" is not "United States")."""
    stems = [t.stem for t in toks if where[0] <= t.start and t.end <= where[1] and t.text.lower() not in stop_words()]
    return not stems or all(st in known or _demonym_in(st, known) for st in stems)


def _qualified(toks: list[Token], start: int, text: str, known: set[str]) -> bool:
    """True if the noun phrase starting at token ``start`` carries a qualifier with words not ``known``."""
    i = start
    while i < len(toks) and i < start + _RUN and toks[i].text.lower() not in _LEADS:
        if i > start and text[toks[i - 1].end:toks[i].start].strip():
            return False  # "volunteers, a 14 per cent increase": an aside, not a qualifier
        i += 1
    if i >= len(toks) or toks[i].text.lower() not in _LEADS or i > start and text[toks[i - 1].end:toks[i].start].strip():
        return False
    lead = toks[i].text.lower()
    words: list[Token] = []
    for t in toks[i + 1:i + 7]:
        if re.search(rf"[,;:(){BULLETS}–—]", text[toks[i].end:t.start]):
            break
        if words and t.text.lower() in stop_words() and t.text.lower() not in ("and", "of"):
            break  # "with disabilities *across* 26 entities": the qualifier ends at the next preposition
        words.append(t)
    if lead in _EXTENT_LEADS and words and words[0].text[0].isdigit():
        return False  # "in 169 countries": where they served, not which of them
    new = [t for t in words if t.text.lower() not in stop_words() and not _YEAR.fullmatch(t.text)
           and t.stem not in known and t.text.lower() not in _DEGREE]
    return bool(new)


# Words of amount, not of a narrower group: "mobilizes $7.4 *in additional* funding" is the funding asked about.
_DEGREE = frozenset("additional new further extra total overall other more".split())
_BREAK = re.compile(r"[;:]|\.\s|,\s*(?:whereas|while|but|although|though|however|yet)\b", re.I)


# Words that open a list of examples: a name that only appears in it does not say whose the figure is
# ("404 volunteers served in special political missions, *mainly* ... in Afghanistan").
_EXAMPLES = re.compile(r"\b(?:such as|including|mainly|primarily|notably|in particular|particularly|e\.g\.|"
                       r"for example|for instance|among them)\b", re.I)


def without_examples(text: str, keep: tuple[int, int]) -> str:
    """``text`` without its lists of examples (from "such as", "including", "mainly" ... to the end of
    the clause), except the one that holds the figure at ``keep`` ("22.9 million people, including
    *12 million* in Kabul"), and without the sentences that enumerate names apart from the figure
    ("agreements were concluded with Australia, Canada, ..., Germany, ...": a fund's total is not
    Germany's contribution)."""
    text = "".join(" " * len(part) if not (start <= keep[0] < start + len(part)) and _enumerates(part) else part
                   for start, part in _sentences_at(text))
    out, at = [], 0
    for m in _EXAMPLES.finditer(text):
        if m.start() < at:
            continue
        end = re.search(r"[;.](?:\s|$)|$", text[m.end():])
        stop = m.end() + end.start()
        if not (m.start() <= keep[0] and keep[1] <= stop):
            out.append(text[at:m.start()])
            at = stop
    return "".join(out) + text[at:]


def _sentences_at(text: str) -> list[tuple[int, str]]:
    """``text`` cut after each full stop, each part with its offset (the parts join back to ``text``)."""
    parts, at = [], 0
    for m in re.finditer(r"[.;](?:\s+|$)", text):
        parts.append((at, text[at:m.end()]))
        at = m.end()
    return parts + ([(at, text[at:])] if at < len(text) else [])


def _enumerates(sentence: str) -> bool:
    """True if the sentence lists four or more capitalized names in a row ("Australia, Canada, Chile, the
    Czech Republic, ... and the European Union")."""
    items = [p.strip() for p in re.split(r",|\band\b", sentence)]
    run = best = 0
    for item in items:
        run = run + 1 if re.match(r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w'’.-]*)*\W*$", item) else 0
        best = max(best, run)
    return best >= 4


_LABEL_NUMBER = re.compile(r"\d{1,3}(?:[./]\d+)*[a-z]?")


def label_conflict(span: Span, s: ScoredSentence, terms) -> bool:
    """True if the figure belongs to another numbered item than the one asked: "Goal 17, partnerships
    (*17 per cent*)" for a question on Goal 16, "Recommendation 4 ... *accepted*" for Recommendation 3.
    The numbered item nearest the figure in its sentence is the one it belongs to; a question naming
    "Goal 16" wants the figure whose nearest "Goal N" is 16 (years are no item numbers)."""
    asked = {(t.stem, u.text) for t, u in zip(terms, terms[1:])
             if t.text.isalpha() and _LABEL_NUMBER.fullmatch(u.text)}
    if not asked:
        return False
    words = {w for w, _ in asked}
    toks = list(s.tokens)
    labels = [(i, toks[i].stem, toks[i + 1].text) for i in range(len(toks) - 1)
              if toks[i].stem in words and _LABEL_NUMBER.fullmatch(toks[i + 1].text)]
    inside = [i for i, t in enumerate(toks) if span.start <= t.start and t.end <= span.end]
    if not labels or not inside:
        return False
    first, last = inside[0], inside[-1]
    def gap(i: int) -> int:
        return first - (i + 1) if i + 1 < first else (i - last if i > last else 0)
    best = min(gap(i) for i, _, _ in labels)
    nearest = {(w, n) for i, w, n in labels if gap(i) == best}
    return not nearest & asked


_JUST_BEFORE = re.compile(r"\s*(?:(?:in|on|at|of|since|during|from|for)\s+)?(?:the\s+)?", re.I)


def body_conflict(span: Span, s: ScoredSentence, names, entities: list[tuple[str, str, int, int]]) -> bool:
    """True if the figure or date is another body's than the one asked, in a sentence naming both:
    "adopted by the Human Rights Council *in 2021* and the General Assembly in 2022" for the year
    the General Assembly adopted it. The body right before a figure ("the Council in 2021") is
    the one it belongs to."""
    if not names:
        return False
    text = s.sentence.text
    before = [(a, b) for _, kind, a, b in entities if kind == "organization" and b <= span.start
              and _JUST_BEFORE.fullmatch(text[b:span.start])]
    if not before:
        return False
    a, b = before[-1]
    owner = text[a:b]
    if any(mentions(owner, _stems(owner), n, al) for n, al in names):
        return False
    rest = text[:a] + " " + text[b:]
    return any(mentions(rest, _stems(rest), n, al) for n, al in names)


def _stems(text: str) -> set[str]:
    return {t.stem for t in tokenize([text])[0]}
