"""Where a title found by its shape really starts and ends, for shapes the head-word scan misreads.

The scan in ``instruments.find_titles`` reads capitalized words on both sides of a head word.
Three things UN text puts beside a title are not part of it: the town where an organ met ("the
Conference of the Parties to the United Nations Framework Convention on Climate Change in Baku"),
a one-word section heading the PDF reader glued to the paragraph ("Charter Afreximbank operates
under ..."), and the words of a body named after an agenda ("Platform Agenda 2030", a network of
civil society). A table of audit recommendations prints each as fields ("Business unit responsible
Supply Chain Management Unit Status Under implementation Priority High"): the next field's label
ends the body's name. Pure functions over a string; offsets are character offsets into it.
"""

from __future__ import annotations

import re

# Heads of bodies that, written right before an instrument's title, name a body after it
# ("Platform Agenda 2030", "Coalition Agenda 21"), not a longer title.
BODY_FIRST_WORDS = {"Platform", "Coalition", "Alliance", "Network", "Partnership", "Movement", "Association",
                    "Foundation", "Society", "Forum", "Group"}
_IN_WORD = re.compile(r"\s+in\s+")


def cut_meeting_town(text: str, start: int, end: int) -> int:
    """The end of a title once a town it closes on is cut off with its "in": the place an organ
    met ("... on Climate Change in Sharm el-Sheikh, Egypt") is no part of the treaty's name.

    Only a town the title ends inside or with counts; a region ("... in Latin America and the
    Caribbean") or a phrase going on after the town ("in Time of War") stays in the title.
    """
    from .cities import find_cities

    span = text[start:end]
    for m in reversed(list(_IN_WORD.finditer(span))):
        town_start = start + m.end()
        towns = [c for c in find_cities(text[town_start:town_start + 60]) if c.start == 0]
        if any(town_start + c.end >= end for c in towns) and _name_words(text[start:start + m.start()]) >= 2:
            return start + m.start()
    return end


def _name_words(s: str) -> int:
    return sum(1 for w in s.split() if w[:1].isupper())


def glued_heading(words: list[str], h: int, first_offset: int) -> bool:
    """A head word that opens the chunk alone, then a name and a lowercase verb ("Charter
    Afreximbank operates under ..."): a section heading the reader joined to the paragraph, not
    a title's first word. A title's own words after its head are joined by a connector ("Convention
    Relating to the Status of Refugees") or are a number ("Agenda 2063")."""
    if first_offset != 0 or h != 0 or len(words) < 3:
        return False
    name, after = words[1], words[2]
    return name[:1].isupper() and not name[:1].isdigit() and after[:1].islower() and after.isalpha() \
        and after not in ("of", "for", "on", "and", "or", "the", "in", "to", "against", "by", "with", "from",
                          "at", "concerning", "relating", "between", "under", "among")


def body_named_after(title: str) -> bool:
    """ "Platform Agenda 2030": a body's head word before an instrument's own title words makes the
    whole a body's name. "Platform for Action" is the instrument's head itself, not a body's."""
    words = title.split()
    return len(words) >= 2 and words[0] in BODY_FIRST_WORDS and words[1][:1].isupper()


# the "Status" field of a recommendation, then its value
_STATUS_FIELD = re.compile(r"\s+Status\s+(?:Under\s+implementation|Closure\s+requested|Implemented|In\s+progress|"
                           r"Not\s+implemented|Partially\s+implemented|Overtaken|Closed|Open|Withdrawn)\b")


def before_field_label(text: str, start: int, end: int) -> int:
    """The end of a name once a table's next field label ("... Unit Status Under implementation")
    is cut off; ``end`` when none starts inside the span."""
    m = _STATUS_FIELD.search(text, start, min(len(text), end + 40))
    return m.start() if m and start < m.start() < end else end
