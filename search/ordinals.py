"""Ordinals as the reports write them: in words ("its fifty-second session"), rarely in figures.

A user types "UNFF's 20th session" or "the 52nd meeting"; the report says "twentieth" and
"fifty-second". Figures are spelled out before a question is read, so the ordinal is one the
paragraph must say (and not a subject word it must hold). Compound ordinals ("fifty-first") tell
sessions apart that their last word alone does not ("fifty-first" / "fifty-second" both end in an
ordinal, "first" / "second", that a short word list reads; "fifty-first" / "forty-first" do not).
"""

from __future__ import annotations

import re

_UNITS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
          "eighteenth", "nineteenth")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_TENTHS = ("", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
           "ninetieth")

_FIGURE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.I)
_COMPOUND = re.compile(r"\b(" + "|".join(_TENS[2:]) + r")[-‑\s](" + "|".join(_UNITS[1:]) + r")\b", re.I)


def ordinal_word(n: int) -> str | None:
    """``n`` as an ordinal in words ("fifty-second", "one hundred and first"); None past 199."""
    if n <= 0 or n >= 200:
        return None
    if n >= 100:
        rest = ordinal_word(n - 100) if n > 100 else None
        return "one hundredth" if n == 100 else f"one hundred and {rest}"
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENTHS[tens] if not unit else f"{_TENS[tens]}-{_UNITS[unit]}"


def spell_ordinals(text: str) -> str:
    """Ordinals written in figures spelled out as the reports write them ("20th" -> "twentieth")."""
    return _FIGURE.sub(lambda m: ordinal_word(int(m.group(1))) or m.group(0), text)


def compound_ordinals(text: str) -> frozenset[str]:
    """The compound ordinals ``text`` says, in words or figures, as "fifty-first"."""
    found = {f"{m.group(1).lower()}-{m.group(2).lower()}" for m in _COMPOUND.finditer(text)}
    found |= {w for m in _FIGURE.finditer(text) if (w := ordinal_word(int(m.group(1)))) and "-" in w}
    return frozenset(found)


_WHOLE_TENS = re.compile(r"\b(" + "|".join(_TENTHS[3:]) + r")\b", re.I)


def series_ordinals(text: str) -> frozenset[str]:
    """The ordinals past "twentieth" ``text`` says: compound ones ("fifty-first") and whole tens ("the Assembly's
    *eightieth* session", "its 80th"). Like a compound one, a whole tens ordinal names one of a series that the
    short list below does not hold, so a paragraph (or its title) must say it to be about that one."""
    found = {m.group(1).lower() for m in _WHOLE_TENS.finditer(text)}
    found |= {w for m in _FIGURE.finditer(text) if (w := ordinal_word(int(m.group(1)))) in _TENTHS[3:]}
    return compound_ordinals(text) | found


#: The ordinals a series is told apart by in one word, "first" to "twentieth".
ORDINALS = frozenset(ordinal_word(n) for n in range(1, 21))
_NUMBER_OF = {ordinal_word(n): n for n in range(1, 200)}


def ordinal_number(word: str) -> int | None:
    """The number an ordinal in words stands for ("sixth": 6); None for any other word."""
    return _NUMBER_OF.get(word.lower())
