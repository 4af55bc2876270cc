"""The titles that open an annex or enclosure in text, without the part's own label lines.

An annex to a letter opens with its label and the letter it belongs to, then its title::

    Annex I to the letter dated 21 July 2025 from the Chargé d'affaires
    a.i. of the Permanent Mission of ... to the United Nations addressed to the Secretary-General
    Special communiqué on the recent heinous attack ...

and an enclosure with its label and the languages it was sent in (``Enclosure`` / ``[Original:
Arabic, Chinese, ...]``). The text reader read the whole block as one heading, so every paragraph
of the annex had ``Annex I to the letter dated ... Special communiqué ...`` as its path; the PDF
reader's path holds the title alone (the part is in the citation). Here the label lines go: the
label line, the lines of the letter it names up to its addressee (``addressed to`` and what runs on
from it: ``... and`` / ``the President of the Security Council``), and an ``[Original: ...]`` line.
What is left is read as titles, one under the other: a line opening with a capital after a line that
ends on a word that is no connector starts the next one (``Report by the Director General of the
Organisation for the`` / ``Prohibition of Chemical Weapons`` is one title, ``Progress in the
elimination ...`` under it another, as the PDF reader nests them; a line under a title that leaves a
quotation or bracket open runs on in it). A block with a labelled heading
left in it (``I. Introduction``) is left to the heading reader. Pure. Issue 15.
"""

from __future__ import annotations

import re

_PART_LABEL_RE = re.compile(r"^(?:Annex(?:es)?|Enclosure|Appendix)(?:\s+(?:[IVXL]{1,6}|\d{1,2}))?"
                            r"(?:\s*$|\s+to\s+the\s+\w)", re.I)
_ADDRESSED_RE = re.compile(r"\baddressed\s+to\b", re.I)
_ORIGINAL_RE = re.compile(r"^\[\s*Original\s*:[^\]]*\]$", re.I)
_LABELLED_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.(?:\s|$)|^Chapter\s+[IVXL\d]+\b|^\([a-z]{1,2}\)\s")
_CONNECTOR_END_RE = re.compile(r"(?:\b(?:the|of|and|or|for|to|on|in|by|with|from|a|an|at)|[,:;(\-–])$", re.I)
_MAX_LETTER_LINES = 6


def part_titles(lines: list[str]) -> list[str] | None:
    """The titles under a part's label lines, outermost first; None if ``lines`` open with no part
    label, or a labelled heading is left among them."""
    if not lines or not _PART_LABEL_RE.match(lines[0].strip()):
        return None
    end = _label_end(lines)
    rest = [s.strip() for s in lines[end:] if not _ORIGINAL_RE.match(s.strip())]
    if end < 1 or any(_LABELLED_RE.match(s) for s in rest):
        return None
    titles: list[str] = []
    for s in rest:
        if titles and (s[:1].islower() or _CONNECTOR_END_RE.search(titles[-1]) or _open(titles[-1])):
            titles[-1] = f"{titles[-1]} {s}"
        else:
            titles.append(s)
    return titles


def _label_end(lines: list[str]) -> int:
    """The index of the first line after the part's label (and the letter it names); -1 if the
    letter's addressee is not found in its first lines."""
    if re.match(r"^\S+(?:\s+\S+)?\s*$", lines[0].strip()):  # ``Annex I`` / ``Enclosure`` alone
        return 1
    for k in range(min(len(lines), _MAX_LETTER_LINES)):
        if _ADDRESSED_RE.search(lines[k]):
            end = k + 1
            while end < len(lines) and (_CONNECTOR_END_RE.search(lines[end - 1].strip())
                                         or lines[end].strip()[:1].islower()):
                end += 1
            return end
    return -1


_MAX_TITLES = 3
_SENTENCE_END_RE = re.compile(r"[.,;:!?][”\"’)]?$")  # ``The General Assembly,``: a resolution's opening


def _open(title: str) -> bool:
    """Does a title leave a quotation or bracket open (``on the theme “Advancing sustainable,``)? Its
    next line runs on in it, whatever its first letter."""
    return title.count("“") > title.count("”") or title.count("(") > title.count(")")


def titles_only(lines: list[str]) -> bool:
    """Is a block of many lines a part's label and its titles (``Annex`` / ``Co-Chairs’ summary ...``
    / a five-line title on a theme), not text? At most ``_MAX_TITLES`` titles, none ending a
    sentence or a clause (``The General Assembly,`` opens a resolution's text): kept as headings, not
    cited by page as text the walk found no paragraph for."""
    titles = part_titles(lines)
    return (bool(titles) and len(titles) <= _MAX_TITLES
            and not any(_SENTENCE_END_RE.search(t) for t in titles))
