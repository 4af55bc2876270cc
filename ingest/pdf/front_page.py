"""A UN PDF's symbol and title, read from its first page.

The masthead at the top of page 1 prints the symbol (``United Nations A/80/275-S/2025/491``;
a joint symbol names the primary document first, ``*`` marks a reissue). The title is the run
of large bold lines under the agenda block, and the bold line under it says what kind of
document it is (``Report of the Secretary-General``); we cite it as
``Title (Report of the Secretary-General)``.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from ..text.front_matter import masthead_symbols
from .layout import Line, Page


def read_symbols(first: Page) -> tuple[str, ...]:
    """The symbols in page 1's masthead, primary first; ``()`` if the page has none.

    The masthead reads ``United Nations A/80/62*−E/2025/12*``: a joint symbol joins two with a
    dash, ``*`` marks a reissue. Symbols are read as printed (``A/HRC/58/L.1``, ``A/79/PV.5``).
    """
    top = [l for l in first.lines if l.top < 0.2 * first.height]
    top.sort(key=lambda l: (l.top, l.x0))
    for line in top:
        text = line.text.split("United Nations", 1)[1] if "United Nations" in line.text else line.text
        found = masthead_symbols(text)
        if found:
            return found
    return ()


def read_title(first: Page, body_size: float) -> str:
    """``Title (Subtitle)`` from page 1's large bold lines; ``""`` if there are none.

    The masthead (``General Assembly``, the largest bold type, at the very top) and the agenda
    block (body size, left column) are not part of it.
    """
    found = _title_groups(first, body_size)
    if found is None:
        return _typed_title(first, body_size)
    main, after = found
    if any(l.text.startswith("Official Records") for l in first.lines):
        # An Official Records cover: the headline, and the line under it if it says what it is
        sub = next((_join(g) for g in after if g[0].size < main[0].size), "")
        return f"{_join(main)} ({sub})" if sub.startswith("Report") else _join(main)
    title_size = main[0].size
    subs = [_join(g) for g in after if g[0].size < title_size]
    title = _join(main)
    if len(subs) > 1:
        title = ": ".join([title, *subs[:-1]])
    if subs:
        title = f"{title} ({_transmitting(subs[-1], first)})"
    return title


_NOTE_RE = re.compile(r"^Note by the (?:Secretary-General|Secretariat)$")
_TRANSMITS_RE = re.compile(r"has the honour to transmit(?: to [^.]*?)?,? (?:herewith )?(the (?:[\w-]+ ){0,4}report\b[^.,;(]*?)"
                           r"(?=,| \(|\.| submitted| prepared| pursuant| in accordance)")


def _transmitting(sub: str, first: Page) -> str:
    """``Note by the Secretary-General transmitting the thirteenth annual report of ...``: a note
    whose first sentence transmits a report is titled by what it transmits, as the United Nations
    lists such notes; any other subtitle as printed."""
    if not _NOTE_RE.match(sub):
        return sub
    m = _TRANSMITS_RE.search(" ".join(" ".join(l.text for l in first.lines).split()))
    return f"{sub} transmitting {m.group(1)}" if m else sub


# Not a title: the masthead organ beside the Distr. block ("Convention to Combat Desertification"
# set larger than the title, above "ORIGINAL: ENGLISH"), and the text's first numbered heading
# ("I. Introduction" set larger than a title in 12-point bold).
_ORIGINAL = re.compile(r"(?i)\s*original\s*:")
_NUMBERED_HEADING = re.compile(r"\s*(?:[IVXL]+|[A-H])\.\s+[A-Z]")


def _numbered_headings(lines: list[Line]) -> set[int]:
    """The ids of the lines of numbered headings: the numbered line and the lines that carry it on."""
    out: set[int] = set()
    prev = None
    for l in lines:
        if _NUMBERED_HEADING.match(l.text) or (prev is not None and id(prev) in out and l.bold
                                               and abs(l.size - prev.size) < 0.3 and l.top - prev.bottom < 0.5 * l.size):
            out.add(id(l))
        prev = l
    return out


def _title_groups(first: Page, body_size: float) -> tuple[list[Line], list[list[Line]]] | None:
    """The title's lines and the groups of smaller bold lines after them (subtitles)."""
    lines = sorted(first.lines, key=lambda l: (l.top, l.x0))
    original = [l.bottom for l in lines if _ORIGINAL.match(l.text)]
    floor = min(original) if original else -1.0  # the Distr. block ends with "Original: English"
    skip = _numbered_headings(lines)
    eligible = {id(l) for l in lines if l.bold and l.top > floor and id(l) not in skip}
    bold = [l for l in lines if id(l) in eligible and l.size > body_size + 0.5]
    masthead = bold[0].size if bold and bold[0].size >= 16 else float("inf")
    if bold and masthead < max(l.size for l in bold) - 1 and any(l.text.startswith("Official Records") for l in lines):
        masthead = float("inf")  # a cover: "United Nations" over a larger headline
    heads = [l for l in bold if l.size < masthead]
    if not heads:
        return None
    title_size = max(l.size for l in heads)
    groups: list[list[Line]] = []
    for l in lines:
        qualifies = id(l) in eligible and body_size + 0.5 < l.size <= title_size and l.size < masthead
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
        return None
    return main, groups[groups.index(main) + 1:]


def title_line_ids(first_lines: list[Line], body_size: float) -> frozenset[int]:
    """The ids of page 1's title lines and of a subtitle saying what the document is (``Report of the
    Secretary-General``): a document's name, never a heading of its text, though set bold right above
    paragraph 1 (a treaty body's concluding observations, whose first heading is ``A. Introduction``)."""
    found = _title_groups(SimpleNamespace(lines=first_lines), body_size)
    if found is None:
        return frozenset()
    main, after = found
    named = [g for g in after if _WHAT_IT_IS.match(_join(g))]
    return frozenset(id(l) for g in [main, *named] for l in g)


#: A block saying what the document is, under its title: the subtitle (``Report of the Secretary-General``).
_WHAT_IT_IS = re.compile(r"^(?:Report|Note|Letter|Memorandum|Statement|Communication)\s+(?:of|by|from|dated)\b", re.I)


def _typed_blocks(first: Page, body_size: float) -> list[list[Line]]:
    """A typed page 1's (an older scan, no large bold type) blocks of body-type lines centred on
    the text column, under the masthead and the agenda block, up to the text's first heading or
    paragraph: an agenda item's title in capitals, the title, what the document is."""
    lines = sorted((l for l in first.lines if abs(l.size - body_size) <= 0.6), key=lambda l: (l.top, l.x0))
    original = [l.bottom for l in lines if _ORIGINAL.match(l.text)]
    if not original or not lines:
        return []
    left, right = min(l.x0 for l in lines), max(l.x1 for l in lines)
    middle = (left + right) / 2
    blocks: list[list[Line]] = []
    for l in (l for l in lines if l.top > min(original)):
        centred = l.x0 > left + 30 and abs((l.x0 + l.x1) / 2 - middle) < 0.08 * (right - left)
        if _NUMBERED_HEADING.match(l.text) or (blocks and not centred):
            break
        if not centred:
            continue
        if blocks and l.top - blocks[-1][-1].top < 1.6 * l.size:
            blocks[-1].append(l)
        else:
            blocks.append([l])
    return blocks


def _typed_title(first: Page, body_size: float) -> str:
    """``Title (Subtitle)`` of a typed page 1: the last centred block is the subtitle where it
    says what the document is; the block over it is the title."""
    blocks = _typed_blocks(first, body_size)
    if blocks and _WHAT_IT_IS.match(blocks[-1][0].text):
        *blocks, sub = blocks
        return f"{_join(blocks[-1])} ({_join(sub)})" if blocks else ""
    return _join(blocks[-1]) if blocks else ""


def title_floor(first: Page, body_size: float) -> float:
    """Where page 1's title block ends: under its last large bold line, or, on a typed page,
    its last centred block (``_typed_blocks``); 0 where there is none. Above it are the masthead,
    the agenda block and the title, which no chunk need hold."""
    heads = [l for l in first.lines if l.bold and l.size > body_size + 0.5 and l.top > 0.15 * first.height]
    if heads:
        start = min(l.top for l in heads)
        full = max((l.x1 - l.x0 for l in first.lines if abs(l.size - body_size) <= 0.6), default=0.0)
        prose = min((l.top for l in first.lines if l.top > start and _prose_line(l, body_size, full)), default=None)
        return max(l.bottom for l in heads if prose is None or l.top < prose)
    blocks = _typed_blocks(first, body_size)
    return blocks[-1][-1].bottom if blocks and _typed_title(first, body_size) else 0.0


def _prose_line(l: Line, body_size: float, full: float) -> bool:
    """A paragraph's line of running text: plain, in the body's type, ten words or more, as wide as
    the page's widest line of that type (not a dateline, ``New York, 20–24 and 29–31 January and 11
    February 2025``). The title block ends above the first such line; a large bold line under it
    heads the text (``Chapter I`` on page 1 of a document that starts its body there), and the
    text above that heading is body text."""
    return (not l.bold and abs(l.size - body_size) <= 0.6 and len(l.text.split()) >= 10
            and l.x1 - l.x0 >= 0.85 * full)


def header_lines(first: Page, body_size: float) -> list[str]:
    """Page 1's lines above the title, a blank line between visual blocks (for ``front_matter``).

    A block is a run of lines in one column with one size and weight, so a masthead organ set
    over several lines beside the ``Distr.`` block reads as one name. An Official Records cover
    (its metadata is under the headline) gives all its lines.
    """
    found = _title_groups(first, body_size)
    cover = any(l.text.startswith("Official Records") for l in first.lines)
    lines = sorted(first.lines, key=lambda l: (round(l.top), l.x0))
    distr = [l.top for l in lines if l.text.lstrip().startswith("Distr")]
    if found is not None and distr and found[0][0].top < min(distr):
        found = None  # large bold type above "Distr.": the masthead's organ (old documents), not a title
    if found is not None and not cover:
        lines = [l for l in lines if l.top < found[0][0].top - 1]
    blocks: list[list[Line]] = []
    for l in lines:
        home = next((b for b in reversed(blocks) if abs(b[-1].x0 - l.x0) < 4 and abs(b[-1].size - l.size) < 0.3
                     and b[-1].bold == l.bold
                     and 0 < l.top - b[-1].top < 1.6 * max(l.size, l.bottom - l.top)), None)
        if home is None:
            blocks.append([l])
        else:
            home.append(l)
    out: list[str] = []
    for b in blocks:
        out += [l.text for l in b] + [""]
    return out


def _join(lines: list[Line]) -> str:
    text = ""
    for l in lines:
        text = f"{text}{l.text}" if text.endswith("-") else f"{text} {l.text}"
    return re.sub(r"\s*\*+$", "", " ".join(text.split())).strip()
