"""The pieces of a UN document's page-1 header, as text (issue #14): cells, and what kind each is.

A page-1 line is cut into cells (columns set apart by three or more spaces, and a masthead organ
run together with ``Distr.: General``); each cell is then furniture (masthead, distribution and
language lines, job numbers), a principal organ, a session line, an agenda item, a place or date
line, or other text. ``front_matter`` and ``front_bodies`` read the fields from these cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .resolution import printed_symbol
from .symbol_suffix import space_suffixes, suffix_at

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(" + "|".join(MONTHS) + r")(\d{4})", re.I)
_ORDINAL = r"[A-Z][a-z]+(?:-[a-z]+)?"
_SESSION = re.compile(
    r"(?:(?:Annual|First regular|Second regular|Third regular|Regular|Special|Organizational|Resumed)"
    r" [Ss]ession(?: of)? \d{4}"
    r"|\d{4} (?:(?:regular|resumed|substantive|organizational|special) )?[Ss]ession"
    r"|" + _ORDINAL + r"(?: (?:emergency special|special|resumed|regular|substantive|organizational))? [Ss]ession"
    r"|" + _ORDINAL + r" year)\b")
_ITEM = r"\d{1,3}[a-z]?(?:\([a-z]{1,5}\))*|\([a-z]{1,5}\)(?:\([a-z]{1,5}\))*"
AGENDA = re.compile(r"^(?:provisional)?(?:agenda)?items?((?:" + _ITEM + r")(?:(?:,|and|,and)(?:" + _ITEM + r"))*)"
                     r"(?=\*|ofthe|$|\d{1,2}(?:" + "|".join(MONTHS).lower() + r"))")
_SYMBOL_PART = r"[A-Za-z0-9.()]+(?:-\d+)?"
_SYMBOL_TOKEN = re.compile(r"^[A-Z][A-Za-z0-9.()]*(?:-\d+)?(?:/" + _SYMBOL_PART + r")+$")
_JOINT = re.compile(r"\**[−–-](?=[A-Z][A-Za-z0-9.]*/)")

PRINCIPAL = ("General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council",
             "Human Rights Council", "International Court of Justice")
_TITLE_START = re.compile(r"^(?:(?:Identical )?[Ll]etters? (?:dated|of)\b|Note verbale\b|Report of the Secretary-General|"
                          r"Note by the\b|Summary$|Contents$|I\.\s|\d{1,3}\.\s|Resolution adopted\b|Resolution \d|"
                          r"Decision adopted\b)")
_MONTH = "(?:" + "|".join(MONTHS) + ")"
_PLACE_DATE = re.compile(r"\d.*" + _MONTH + r"|" + _MONTH + r".*\d{4}")
_LANGUAGES = r"(?:english|french|spanish|russian|arabic|chinese)"
_FURNITURE = re.compile(
    r"^(?:unitednations(?:system)?|united|nations|original:.*|" + _LANGUAGES + r"(?:,|and|" + _LANGUAGES + r")*(?:only)?|"
    r"general|limited|restricted|for(?:information|decision|action|discussion)|supplementno\..*|officialrecords.*|"
    r"(?:ge\.)?\d{2}-\d{5}.*|\*\d{6,}\*|\*+)$")


@dataclass(frozen=True)
class Cell:
    """One column of one line of page 1; ``block`` counts the blank lines above it."""

    text: str
    block: int


def squash(text: str) -> str:
    """``text`` without whitespace: letter-spaced (``D i s t r.``) and set words read alike."""
    return re.sub(r"\s+", "", text)


def split_cells(lines: Sequence[str]) -> list[Cell]:
    """Lines to cells: columns set apart by 3+ spaces split, and a masthead organ run together with
    ``Distr.: General`` (``General Assembly Distr.: General``) split from it."""
    cells: list[Cell] = []
    block = 0
    for line in lines:
        if not line.strip():
            block += 1 if cells and cells[-1].block == block else 0
            continue
        for part in re.split(r"\s{3,}", line.strip()):
            for piece in re.split(r"\s+(?=D\s?i\s?s\s?t\s?r\s?\.)", part):
                if piece.strip():
                    cells.append(Cell(" ".join(piece.split()), block))
    return cells


def is_furniture(text: str) -> bool:
    """Masthead, distribution and language lines, job numbers: what names no organ."""
    sq = squash(text).lower()
    return bool(_FURNITURE.match(sq)) or sq.startswith("distr") or _is_symbols(text) or _only_date(text)


def _is_symbols(text: str) -> bool:
    return bool(masthead_symbols(text))


def _only_date(text: str) -> bool:
    return bool(DAY_MONTH_YEAR.fullmatch(squash(text)))


def cell_kind(text: str) -> str:
    """``furniture``, ``principal``, ``session``, ``agenda``, ``place`` (a date or place line) or ``text``."""
    if is_furniture(text):
        return "furniture"
    if principals(text):
        return "principal"
    if session_phrases(text):
        return "session"
    if AGENDA.match(squash(text).lower()):
        return "agenda"
    if text.startswith("Convened under") or (len(text) < 90 and _PLACE_DATE.search(text)
                                              and not text.rstrip().endswith(".") and "session" not in text.lower()):
        return "place"
    return "text"


def principals(text: str) -> list[str]:
    """The principal organs a cell consists of (``General Assembly Security Council`` gives two)."""
    sq, out = squash(text).lower(), []
    while sq:
        name = next((p for p in PRINCIPAL if sq.startswith(squash(p).lower())), None)
        if name is None:
            return []
        out.append(name)
        sq = sq[len(squash(name)):]
    return out


def header_end(cells: list[Cell]) -> int:
    """Where a text page's header ends: the title's first cell (``len(cells)`` if none is seen).

    After a session block (a session, place or agenda line), a new block of text is the title unless
    a session, place or agenda line follows it: then it is a second organ's block (``High-level
    political forum ...`` / ``Convened under the auspices ...``), whose own block is read as one."""
    item_title = None  # the block holding the agenda item's title
    session_block = None  # the block of the last session or place line
    for k, c in enumerate(cells):
        if _TITLE_START.match(c.text):
            return k
        kind = cell_kind(c.text)
        if kind == "agenda":
            item_title = c.block + 1 if k + 1 == len(cells) or cells[k + 1].block != c.block else c.block
            item_title += _item_count(c.text) - 1  # one title per item, each a block of its own at most
        elif kind in ("session", "place"):
            session_block = c.block
        elif kind == "text" and _new_block(c, item_title, session_block):
            if not organ_block_follows(cells, k):
                return k  # the block after the agenda item's title or the session block
            item_title = session_block = None
    return len(cells)


def _item_count(text: str) -> int:
    """How many agenda items a line lists (``Agenda items 62, 67, 80 and 135``: 4)."""
    m = AGENDA.match(squash(text).lower())
    return max(1, len(re.findall(r"(?:^|,|and)(?=\d)", m.group(1)))) if m else 1


def _new_block(c: Cell, item_title: int | None, session_block: int | None) -> bool:
    return ((item_title is not None and c.block > item_title)
            or (item_title is None and session_block is not None and c.block > session_block))


def organ_block_follows(cells: list[Cell], k: int) -> bool:
    """Whether the text run opening at ``k`` (one block) is followed by a session, place or agenda line."""
    end = next((j for j in range(k, len(cells)) if cells[j].block != cells[k].block
                or _TITLE_START.match(cells[j].text) or cell_kind(cells[j].text) != "text"), len(cells))
    return end < len(cells) and cell_kind(cells[end].text) in ("session", "place", "agenda")


def masthead_symbols(text: str) -> tuple[str, ...]:
    """The symbols of a masthead line (``United Nations A/80/62*−E/2025/12*``), primary first.

    A joint symbol joins two with a dash; ``*`` marks a reissue; ``()`` if the line is not one. A part
    suffix stays on its symbol (``DP/FPA/2025/4 (Part II)``: ``symbol_suffix``).
    """
    text = space_suffixes(re.sub(r"^(?:United Nations)?\s*(?:System\s)?\s*", "", text.strip()))
    tokens = text.split()
    if not tokens or len(tokens) > 3:
        return ()
    found = [p.strip("*.,;") for p in _JOINT.split(tokens[0])]
    if all(_SYMBOL_TOKEN.match(p) and any(ch.isdigit() for ch in p) for p in found):
        if len(found) == 1 and len(tokens) > 1:
            suffix = suffix_at(text[len(tokens[0]):])
            # printed ``S/RES/2776 (2025)`` (issue 20)
            found = [found[0] + suffix if suffix else printed_symbol(found[0], tokens[1])]
        return tuple(found)
    return ()


def session_phrases(text: str) -> list[str]:
    """The session phrases a cell consists of (``Seventy-ninth session Eightieth year`` gives two)."""
    text = " ".join(text.split())
    out, pos = [], 0
    while pos < len(text):
        m = _SESSION.match(text, pos)
        if not m or not _ordinal_ok(m.group(0)):
            break
        out.append(_lower_session(m.group(0)))
        pos = m.end()
        while pos < len(text) and text[pos] == " ":
            pos += 1
    if pos < len(text) and not re.match(r"\(", text[pos:]):
        return []  # a sentence that happens to start like a session ("Fifth session of the ...")
    return out


def _ordinal_ok(phrase: str) -> bool:
    first = phrase.split()[0]
    if first[0].isdigit() or first in ("Annual", "Regular", "Special", "Organizational", "Resumed"):
        return True
    if first in ("First", "Second", "Third"):
        return True
    return bool(re.search(r"(?:first|second|third|th)$", first.lower()))


def _lower_session(phrase: str) -> str:
    words = phrase.split()
    return " ".join([words[0]] + [w.lower() if w in ("Session", "Year") else w for w in words[1:]])
