"""Resolution and decision numbers that continue a list far from the word "resolutions".

"General Assembly resolutions 79/1 of 22 September 2024, in which the Assembly adopted ..., and
79/194 of 19 December 2024 on ..., 78/160 of 19 December 2023 on ...": each number is a
resolution, but a clause stands between it and the word, so the list rule (which needs only
dates and commas between) stops at the first. A session-numbered symbol dated to the day is a
resolution or a decision wherever the text has named one before; the nearest such word says
which. A PDF can glue a footnote's link to the number ("..._en.pdf78/160"), so a letter may
precede it. A calendar of conferences prints its cells in scrambled order ("General Assembly
resolutions 297. Committee on the 45/124, 47/94 and Elimination of 68/268"), and a table lists
resolutions by row ("Western Sahara 79/98 4 December 2024"): there a bare number of the General
Assembly's or the Human Rights Council's shape, or of the Economic and Social Council's (a year and a
number, "1992/24 and 1993/32"; not a budget period "2026/27"), in a chunk that names resolutions or
decisions, is one too. Pure functions over a string.
"""

from __future__ import annotations

import re

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATED_NUMBER = re.compile(r"(?<![\d/.\-\u2013])((?:19|20)?\d\d/\d{1,3}(?:\s[A-H])?)"
                           r"(?=\s+of\s+\d{1,2}\s+(?:" + _MONTHS + r")\s+(?:19|20)\d\d\b)")
_WORD = re.compile(r"\b([Rr]esolution|[Dd]ecision|RESOLUTION|DECISION)S?s?\b")
# session 31 on: numbering by session began in 1976 (the 31st), and "24/7" or "1/3" are no resolutions
_BARE_NUMBER = re.compile(r"(?<![\w/.\-\u2013\u2014])(?<!No\. )((?:3[1-9]|[4-9]\d)/\d{1,3}(?:\s[A-H](?:\u2013[A-H])?)?"
                          r"|\d{3,4}(?:\s[A-H])?\s\((?:ES-|S-)?[IVXL]+\)"
                          r"|(?:19[4-9]\d|20[0-4]\d)/\d{1,3})(?![\w/\-\u2013\u2014])")


def _period(number: str) -> bool:
    """"2026/27" is a budget period, not a resolution: the Economic and Social Council's year-numbered
    resolutions ("1992/24") are the only bare numbers whose second part can be the next year's last digits."""
    year, _, rest = number.partition("/")
    return len(year) == 4 and len(rest) == 2 and int(rest) == (int(year) + 1) % 100


def dated_list_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of every dated session number after the word "resolution(s)"
    or "decision(s)", named by the nearest such word before it ("resolution 79/194")."""
    words = [(m.start(), m.group(1).lower()) for m in _WORD.finditer(text)]
    out = []
    for m in _DATED_NUMBER.finditer(text):
        before = [w for pos, w in words if pos < m.start()]
        if before:
            out.append((m.start(1), m.end(1), f"{before[-1]} {m.group(1)}"))
    return out


def stray_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of every bare session-numbered resolution or decision in a chunk
    that names resolutions or decisions anywhere (a calendar's scrambled cells, a table's rows),
    named by the nearest such word before it, else the first after ("resolution 45/124")."""
    words = [(m.start(), m.group(1).lower()) for m in _WORD.finditer(text)]
    if not words:
        return []
    out = []
    for m in _BARE_NUMBER.finditer(text):
        if _period(m.group(1)):
            continue
        before = [w for pos, w in words if pos < m.start()]
        word = before[-1] if before else words[0][1]
        out.append((m.start(1), m.end(1), f"{word} {m.group(1)}"))
    return out
