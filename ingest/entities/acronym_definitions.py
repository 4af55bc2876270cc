"""Find where a report defines an acronym: "International Labour Organization (ILO)".

A definition ties the short form to its long form, so every paragraph of the document that uses
either gets the same canonical name (issue 4). The long form is found with the Schwartz-Hearst
rule (the acronym's letters appear in order in the words before the parenthesis, its first letter
starting a word), then widened over capitalized words right before it ("Global" in "Global
Knowledge Partnership on Migration and Development (KNOMAD)"). Pure functions over a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Bureau d'appui aux femmes et aux enfants – BAFE": an acronym set off by a dash after a body
_DASHED = re.compile(r"\s[\u2013\u2014\-]\s([A-Z][A-Z0-9&]{1,10})(?![\w\-])")
_PAREN = re.compile(r"\(([A-Za-z0-9][A-Za-z0-9&.\-]{1,13}(?: \d+(?:\.\d+)+)?)\)")  # "(UN-SWAP 2.0)" too
_ROMAN = re.compile(r"[IVXLC]+")
# The calendar of conferences writes a meeting's languages by their initials, in the order of the six
# official languages (Arabic, Chinese, English, French, Russian, Spanish): "(ACEFRS)", "(AEFRS)"
_LANGUAGES = re.compile(r"A?C?E?F?R?S?")
_STOP = re.compile(r"[.;:!?()\[\]\u201c\u201d\"]")
MAX_WORDS = 14


@dataclass(frozen=True)
class Definition:
    """An acronym defined in the text, with both spans (character offsets)."""

    acronym: str
    long_form: str
    long_start: int
    long_end: int
    start: int  # of the acronym inside the parentheses
    end: int
    named: bool = True  # False for "specific, measurable, ... (SMART)": no name, not an entity


def is_acronym(s: str) -> bool:
    """ "ILO", "UN-Women", "G8", "AfDB" are acronyms; "II", "2011", "Revised" are not."""
    if _ROMAN.fullmatch(s) or s.isdigit():
        return False
    upper = sum(c.isupper() for c in s)
    return s[0].isupper() and (upper >= 2 or (upper == 1 and any(c.isdigit() for c in s)))


def find_definitions(text: str, bodies: list[tuple[int, int]] = ()) -> list[Definition]:
    """Every "Long Form (ACRONYM)" in ``text`` whose long form spells the acronym, or that
    follows right after one of ``bodies`` (spans of organizations already found): an acronym of
    another language ("United Nations Integrated Office in Haiti (BINUH)") spells nothing.

    A definition whose long form is not a name ("time-bound (SMART)") has ``named`` False.
    """
    out = []
    ends = {e: s for s, e in bodies}
    for m in _DASHED.finditer(text):
        if m.start() in ends and is_acronym(m.group(1)):
            s = ends[m.start()]
            out.append(Definition(m.group(1), text[s:m.start()], s, m.start(), m.start(1), m.end(1)))
    for m in _PAREN.finditer(text):
        acr = m.group(1)
        before = text[:m.start()].rstrip()
        if _LANGUAGES.fullmatch(acr) and len(acr) >= 4:  # "(ACEFRS)": the languages a meeting has
            out.append(Definition(acr, "", len(before), len(before), m.start(1), m.end(1), False))
            continue
        window_start = _window_start(before)
        if not is_acronym(acr):
            short = _short_name(acr, before, window_start)
            if short is not None:  # "African Export-Import Bank (Afreximbank)"
                out.append(Definition(acr, before[short:], short, len(before), m.start(1), m.end(1)))
            continue
        long_start = _long_form_start(acr, before, window_start)
        if long_start is not None and _too_long(acr, before[long_start:]):
            long_start = None  # "Sarah ... was appointed ... at the Pacific Community (SPC)": "S" is no word of it
        if long_start is None:
            long_start = _title_start(acr, before, window_start)
        if long_start is None and len(before) in ends and acr.isupper() and len(acr) >= 3 and " " not in acr \
                and len(before[ends[len(before)]:].split()) >= 2:  # "21 Marchi (ACEFRS)": no body's acronym;
            # "(SDG 3.3)" after a body spells nothing and names a goal's target, not the body
            out.append(Definition(acr, before[ends[len(before)]:], ends[len(before)], len(before), m.start(1), m.end(1)))
            continue
        if long_start is None:
            prev = before.split()[-1:] or [""]
            if prev[0][:1].islower():  # "relevant and time-bound (SMART)": an acronym of no name
                out.append(Definition(acr, "", len(before), len(before), m.start(1), m.end(1), False))
            continue
        long_start = _widen(before, long_start, window_start)
        long_form = before[long_start:]
        named = long_form[:1].isupper() or long_form[:1].isdigit()
        out.append(Definition(acr, long_form, long_start, len(before), m.start(1), m.end(1), named))
    return out


def _short_name(word: str, before: str, floor: int) -> int | None:
    """Where the long form of a one-word short name built from its letters starts ("African
    Export-Import Bank (Afreximbank)"), or None: the word is rare, the long form titled and
    without the word itself ("Catalogue of ... (Catalogue)" names nothing new)."""
    if not re.fullmatch(r"[A-Z][a-z]{4,}", word) or _zipf(word) >= 2.0:
        return None
    start = _long_form_start(word, before, floor)
    if start is None or not before[start:start + 1].isupper() or word.lower() in before[start:].lower().split():
        return None
    return _widen(before, start, floor)


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en")


def _window_start(before: str) -> int:
    """Where the long form may start at the earliest: the sentence or bracket it sits in."""
    lo = max(0, len(before) - 300)
    stops = [m.end() for m in _STOP.finditer(before, lo)]
    stops += [lo + m.end() for m in re.finditer(r",\s+(?=[a-z])", before[lo:])]  # "UNICEF, the ..."
    stop = max(stops, default=0)
    words = list(re.finditer(r"\S+", before[stop:]))
    if len(words) > MAX_WORDS:
        return stop + words[-MAX_WORDS].start()
    return stop


def _long_form_start(acr: str, before: str, floor: int) -> int | None:
    """Schwartz-Hearst: match the acronym's letters right to left in the text before it."""
    short = [c.lower() for c in acr if c.isalnum()]
    text = before[floor:]
    low = text.lower()
    li = len(low) - 1
    for si in range(len(short) - 1, -1, -1):
        c = short[si]
        while li >= 0 and (low[li] != c or (si == 0 and li > 0 and low[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
    start = text.rfind(" ", 0, li + 2) + 1
    return floor + start


_FUNCTION_WORDS = {"of", "for", "on", "and", "the", "in", "to", "against", "a", "an", "de", "des", "du", "la", "et"}


def _too_long(acr: str, long_form: str) -> bool:
    """Schwartz-Hearst's bound: a long form has at most min(n + 5, 2n) words besides function
    words for an acronym of n letters; more means the first letter was found in an earlier clause."""
    n = sum(c.isalnum() for c in acr)
    words = [w for w in long_form.split() if w.lower() not in _FUNCTION_WORDS]
    return len(words) > min(n + 5, 2 * n)


def _title_start(acr: str, before: str, floor: int) -> int | None:
    """Fallback when the letters do not spell it out ("United Nations Population Fund (UNFPA)"):
    the capitalized phrase before the parenthesis, from its last word starting with the
    acronym's first letter."""
    words = list(re.finditer(r"[\w\-\u2019',]+", before[floor:]))
    start = None
    for w in reversed(words):
        t = w.group(0).rstrip(",")
        if t[:1].islower() and t not in ("of", "for", "on", "and", "the", "in", "to", "against"):
            break
        if t[:1].lower() == acr[0].lower() and t[:1].isupper():
            start = floor + w.start()
    return start


def _widen(before: str, start: int, floor: int) -> int:
    """Take in capitalized words right before the long form ("Global", "United Nations")."""
    while True:
        m = re.search(r"([A-Z][\w\-\u2019']*)\s+$", before[floor:start])
        if not m or m.group(1) in ("The", "In", "On", "At", "By", "For", "With", "Through", "And", "As"):
            return start
        start = floor + m.start(1)
