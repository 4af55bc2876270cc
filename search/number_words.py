"""Numbers as the reports write them in words ("fifteen", "a 46-page report", "in two parts"): one list.

Several rules read a count written in words, each over the range its cases need (a rule that reads
"one" as a count of the noun after it would count "one of the ..."), so each asks for the values it
reads by number; the words themselves live here only.
"""

from __future__ import annotations

_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: word -> value: zero to nineteen, the tens, "hundred"
CARDINALS: dict[str, int] = {**{w: n for n, w in enumerate(_UNITS)}, **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
                             "hundred": 100}
_WORD = {n: w for w, n in CARDINALS.items()}

#: "sixty-four", "twenty‑one": a compound cardinal (a regex; a word boundary after it)
COMPOUND = "(?:" + "|".join(_TENS) + r")[-‑]\s?(?:" + "|".join(_UNITS[1:10]) + r")\b"


def spelled(*values: int) -> list[str]:
    """The words of ``values``, in the order given (``spelled(2, 3)`` -> ["two", "three"])."""
    return [_WORD[n] for n in values]


def between(low: int, high: int) -> list[str]:
    """The words of the values ``low`` to ``high`` that have one word ("twenty", not "twenty-one")."""
    return [w for w, n in CARDINALS.items() if low <= n <= high]


def alternation(words: list[str]) -> str:
    """``words`` as a regex alternation ("two|three"), to be grouped by the caller."""
    return "|".join(words)
