"""The organs a UN document's page 1 prints: masthead organs and the session block's organs (#14).

Page 1 names its organs in two places: the masthead (``General Assembly`` / ``Security Council``,
or ``Executive Board of the United Nations Development Programme, ...`` over several lines) and
the head of the session block (``Human Rights Council`` / ``Expert Mechanism on the Rights of
Indigenous Peoples`` / ``Eighteenth session``; ``Statistical Commission``; ``United Nations
Children's Fund`` / ``Executive Board``). An Official Records cover names the principal organ over
``Official Records`` and the reporting body in its headline (``Statistical Commission``, ``Report
of the Special Committee on Peacekeeping Operations``).

Principal organs are known by name; any other organ by its shape: a short name holding an organ
word (Committee, Commission, Board, Forum, Mechanism, Conference, ...) standing in the header,
above the session line or the agenda item, never in an agenda item's title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

PRINCIPAL = ("General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council",
             "Human Rights Council", "International Court of Justice")
_ORGAN_WORD = re.compile(r"\b(?:Assembly|Council|Commission|Committee|Subcommittee|Board|Forum|Mechanism|Conference|"
                         r"Parties|Group|Panel|Tribunal|Court|Fund|Programme|Convention|Meeting|Entity|Platform|"
                         r"Authority|Unit)\b", re.I)
_NEW_ORGAN = re.compile(r"^(?:Special |Standing |Ad Hoc |Preparatory |Intergovernmental )?(?:Committee|Commission|"
                        r"Subcommittee|Expert Mechanism|Working Group|Executive Board|Board|Conference|Council)\b")
_NOT_ORGAN = re.compile(r"^(?:Report|Letter|Identical|Note|Draft|Request|Provisional|Annotated|Resolution|Decision|"
                        r"Calendar|Organization of work|Items?\b|Agenda|Convened|Summary|Contents)", re.I)
_TITLE_START = re.compile(r"^(?:(?:Identical )?[Ll]etters? (?:dated|of)\b|Note verbale\b|Report of the Secretary-General|"
                          r"Note by the\b|Summary$|Contents$|I\.\s|\d{1,3}\.\s|Resolution adopted\b|Resolution \d|"
                          r"Decision adopted\b)")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
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
    from .front_matter import masthead_symbols

    return bool(masthead_symbols(text))


def _only_date(text: str) -> bool:
    from .front_matter import _DAY_MONTH_YEAR

    return bool(_DAY_MONTH_YEAR.fullmatch(squash(text)))


def _kind(text: str) -> str:
    """``furniture``, ``principal``, ``session``, ``agenda``, ``place`` (a date or place line) or ``text``."""
    from .front_matter import _AGENDA, session_phrases

    if is_furniture(text):
        return "furniture"
    if _principals(text):
        return "principal"
    if session_phrases(text):
        return "session"
    if _AGENDA.match(squash(text).lower()):
        return "agenda"
    if text.startswith("Convened under") or (len(text) < 90 and _PLACE_DATE.search(text)
                                              and not text.rstrip().endswith(".") and "session" not in text.lower()):
        return "place"
    return "text"


def _principals(text: str) -> list[str]:
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
    """Where a text page's header ends: the title's first cell (``len(cells)`` if none is seen)."""
    item_title = None  # the block holding the agenda item's title
    for k, c in enumerate(cells):
        if _TITLE_START.match(c.text):
            return k
        kind = _kind(c.text)
        if kind == "agenda":
            item_title = c.block + 1 if k + 1 == len(cells) or cells[k + 1].block != c.block else c.block
        elif item_title is not None and c.block > item_title and kind == "text":
            return k  # the block after the agenda item's title
    return len(cells)


def read_bodies(cells: list[Cell], *, cover: bool = False) -> tuple[str, ...]:
    """The organs printed in the header, principal organs first, each once, in print order."""
    zone = cells if cover else cells[:header_end(cells)]
    principal: list[str] = []
    others: list[str] = []
    run: list[Cell] = []
    in_item_title = False

    def close() -> None:
        if run and not in_item_title:
            _add_organ(_name(run, cover), others)
        run.clear()

    for c in zone:
        kind = _kind(c.text)
        if kind == "text" and not in_item_title:
            if run and (c.block != run[-1].block or (_NEW_ORGAN.match(c.text) and _organ_shaped(_name(run, cover)))):
                close()
            run.append(c)
            continue
        close()
        if kind == "principal" and not in_item_title:
            principal += _principals(c.text)
        elif kind == "agenda":
            in_item_title = not cover
        elif kind == "session":
            in_item_title = False
    close()
    out: list[str] = []
    for name in principal + others:
        if name.casefold() not in {o.casefold() for o in out}:
            out.append(name)
    return tuple(out)


def _name(run: list[Cell], cover: bool) -> str:
    """A run of cells as one name; a cover's headline ``Report of the X`` names X."""
    name = re.sub(r"\s*\*+$", "", " ".join(" ".join(c.text for c in run).split()))
    return re.sub(r"^Report of the ", "", name) if cover else name


def _add_organ(name: str, found: list[str]) -> None:
    if name == "Executive Board" and found:
        found[-1] = "Executive Board of the " + re.sub(r"^the ", "", found[-1])
        return
    m = re.match(r"^(.+?)\s+Executive Board$", name)
    if m:
        name = "Executive Board of the " + re.sub(r"^the ", "", m.group(1))
    if _organ_shaped(name):
        found.append(name)


def _organ_shaped(name: str) -> bool:
    words = name.split()
    return (0 < len(words) <= 30 and not name.endswith(".") and (name[0].isupper() or name[0].isdigit())
            and not _NOT_ORGAN.match(name) and bool(_ORGAN_WORD.search(name)))
