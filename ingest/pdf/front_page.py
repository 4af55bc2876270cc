"""A UN PDF's symbol and title, read from its first page.

The masthead at the top of page 1 prints the symbol (``United Nations A/80/275-S/2025/491``;
a joint symbol names the primary document first, ``*`` marks a reissue). The title is the run
of large bold lines under the agenda block, and the bold line under it says what kind of
document it is (``Report of the Secretary-General``); we cite it as
``Title (Report of the Secretary-General)``.
"""

from __future__ import annotations

import re

from .layout import Line, Page


_SYMBOL_TOKEN_RE = re.compile(r"^[A-Z][A-Za-z0-9.()]*(?:/[A-Za-z0-9.()-]+)+$")
_YEAR_TOKEN_RE = re.compile(r"^\(\d{4}\)$")
_JOINT_RE = re.compile(r"\**[−–-](?=[A-Z][A-Za-z0-9.]*/)")


def read_symbols(first: Page) -> tuple[str, ...]:
    """The symbols in page 1's masthead, primary first; ``()`` if the page has none.

    The masthead reads ``United Nations A/80/62*−E/2025/12*``: a joint symbol joins two with a
    dash, ``*`` marks a reissue. Symbols are read as printed (``A/HRC/58/L.1``, ``A/79/PV.5``).
    """
    top = [l for l in first.lines if l.top < 0.2 * first.height]
    top.sort(key=lambda l: (l.top, l.x0))
    for line in top:
        text = line.text.split("United Nations", 1)[1] if "United Nations" in line.text else line.text
        tokens = text.split()
        if not tokens or len(tokens) > 3:
            continue
        found = [p.strip("*.,;") for p in _JOINT_RE.split(tokens[0])]
        if all(_SYMBOL_TOKEN_RE.match(p) and any(ch.isdigit() for ch in p) for p in found):
            if len(found) == 1 and len(tokens) > 1 and _YEAR_TOKEN_RE.match(tokens[1]):
                found = [f"{found[0]} {tokens[1]}"]  # printed ``S/RES/2776 (2025)`` (issue 20)
            return tuple(found)
    return ()


def read_title(first: Page, body_size: float) -> str:
    """``Title (Subtitle)`` from page 1's large bold lines; ``""`` if there are none.

    The masthead (``General Assembly``, the largest bold type, at the very top) and the agenda
    block (body size, left column) are not part of it.
    """
    lines = sorted(first.lines, key=lambda l: (l.top, l.x0))
    bold = [l for l in lines if l.bold and l.size > body_size + 0.5]
    masthead = bold[0].size if bold and bold[0].size >= 16 else float("inf")
    heads = [l for l in bold if l.size < masthead]
    if not heads:
        return ""
    title_size = max(l.size for l in heads)
    groups: list[list[Line]] = []
    for l in lines:
        qualifies = l.bold and body_size + 0.5 < l.size <= title_size and l.size < masthead
        has_main = any(g[0].size == title_size for g in groups)
        if not qualifies:
            if has_main:
                break
            continue
        if has_main and l.size == title_size and groups[-1][0].size != title_size:
            break  # a heading of the text (``I. Introduction``) right under the subtitle
        if groups and groups[-1][-1].size == l.size and l.top - groups[-1][-1].bottom < 0.5 * l.size:
            groups[-1].append(l)
        else:
            groups.append([l])
    main = next((g for g in groups if g[0].size == title_size), None)
    if main is None:
        return ""
    after = groups[groups.index(main) + 1:]
    subs = [_join(g) for g in after if g[0].size < title_size]
    title = _join(main)
    if len(subs) > 1:
        title = ": ".join([title, *subs[:-1]])
    if subs:
        title = f"{title} ({subs[-1]})"
    return title


def _join(lines: list[Line]) -> str:
    text = ""
    for l in lines:
        text = f"{text}{l.text}" if text.endswith("-") else f"{text} {l.text}"
    return re.sub(r"\s*\*+$", "", " ".join(text.split())).strip()
