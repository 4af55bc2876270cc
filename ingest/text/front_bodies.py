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

from .front_lines import Cell, cell_kind, header_end, organ_block_follows, principals

_ORGAN_WORD = re.compile(r"\b(?:Assembly|Council|Commission|Committee|Subcommittee|Board|Forum|Mechanism|Conference|"
                         r"Parties|Group|Panel|Tribunal|Court|Fund|Programme|Convention|Meeting|Entity|Platform|"
                         r"Authority|Unit)\b", re.I)
_NEW_ORGAN = re.compile(r"^(?:Special |Standing |Ad Hoc |Preparatory |Intergovernmental )?(?:Committee|Commission|"
                        r"Subcommittee|Expert Mechanism|Working Group|Executive Board|Board|Conference|Council)\b")
_NOT_ORGAN = re.compile(r"^(?:Report|Letter|Identical|Note|Draft|Request|Provisional|Annotated|Resolution|Decision|"
                        r"Calendar|Organization of work|Items?\b|Agenda|Convened|Summary|Contents)", re.I)


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

    for k, c in enumerate(zone):
        kind = cell_kind(c.text)
        if in_item_title and kind == "text" and c.block != zone[k - 1].block and organ_block_follows(zone, k):
            in_item_title = False  # a second organ's block under the item's title
        if kind == "text" and not in_item_title:
            if run and (c.block != run[-1].block or (_NEW_ORGAN.match(c.text) and _organ_shaped(_name(run, cover)))
                        or (_NOT_ORGAN.match(c.text) and _organ_shaped(_name(run, cover)))):  # the title under it
                close()
            run.append(c)
            continue
        close()
        if kind == "principal" and not in_item_title:
            principal += principals(c.text)
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
        found.append(_unshout(name))


_SMALL_WORDS = frozenset("a an and at by for in of on or the to with".split())


def _unshout(name: str) -> str:
    """An organ printed in capitals (``CONFERENCE OF THE PARTIES``) as the organ is written in
    running text, so it reads and filters like the same organ printed in mixed case; an acronym
    in brackets (``(CST)``) stays as printed."""
    if not name.isupper() or len(name.split()) < 2:
        return name
    words = []
    for i, w in enumerate(name.split()):
        low = w.lower()
        if w.startswith("(") or (i and low in _SMALL_WORDS):
            words.append(w if w.startswith("(") else low)
        else:
            words.append("-".join(part[:1] + part[1:].lower() for part in w.split("-")))
    return " ".join(words)


def _organ_shaped(name: str) -> bool:
    words = name.split()
    return (0 < len(words) <= 30 and not name.endswith(".") and (name[0].isupper() or name[0].isdigit())
            and not _NOT_ORGAN.match(name) and bool(_ORGAN_WORD.search(name)))
