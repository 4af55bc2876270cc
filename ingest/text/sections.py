"""Section paths of a PDF from its headings' labels and type styles.

A labelled heading takes the level of its label (``IV.`` 1, ``B.`` 2, ``3.`` 3, ``(c)`` 4). An
unlabelled heading set in the same style (size, weight, slant, indent) as a heading already on
the path is its sibling; in a new style it nests under the last heading. So the unlabelled
``Report of the Board of Auditors for ... 2020`` replaces ``... 2019`` instead of nesting in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ROMAN_RE = re.compile(r"^([IVXL]{1,6})\.\s+\S")
_LETTER_RE = re.compile(r"^([A-Z])\.\s+\S")
_NUMBER_RE = re.compile(r"^(\d{1,2})\.\s+\S")
_SUB_RE = re.compile(r"^\(([a-z]{1,2}|[ivx]{1,5})\)\s+\S")
TOP_HEADING_RE = re.compile(r"^(?:Introduction|Summary|Background|Conclusions?|Recommendations?|Overview|"
                            r"Conclusions? and recommendations?|Observations|Executive summary|Context)$", re.I)


def unlabelled_level(heading: str, otherwise: int) -> int:
    """The level of a heading with no label: 1 for the usual top-level ones (``Introduction``,
    ``Conclusions``: top level though unnumbered, issue 15), else ``otherwise``."""
    return 1 if TOP_HEADING_RE.match(heading) else otherwise


def _labelled(heading: str) -> bool:
    """True for a heading that carries a label (``III.``, ``B.``, ``2.``, ``Chapter II``)."""
    return bool(_ROMAN_RE.match(heading) or _LETTER_RE.match(heading) or _NUMBER_RE.match(heading)
                or re.match(r"(?i)chapter\s+[IVXL\d]+\b", heading))


def _size(style: str) -> int:
    """The type size a style key (``12b``, ``10i``) starts with; 0 for a key without one."""
    m = re.match(r"\d+", style)
    return int(m.group()) if m else 0


@dataclass
class SectionPath:
    """The headings above the current point of one part of a document."""

    path: list[tuple[int, str, str]] = field(default_factory=list)  # (level, style, heading)
    last_letter: str = ""

    def add(self, heading: str, style: str) -> None:
        """Put a heading on the path, dropping the headings at its level and below."""
        heading = " ".join(heading.split())
        if not heading:
            return
        level = self._label_level(heading)
        if level == 0:
            same = [lv for lv, st, _ in self.path if st == style]
            otherwise = same[-1] if same else (self.path[-1][0] + 1 if self.path else 1)
            larger = [lv for lv, st, text in self.path if _size(st) > _size(style) and _labelled(text)]
            # an "Introduction" set smaller than a numbered heading above it is that heading's own (one
            # NGO's report in a compilation, a chapter's): under it, not the document's top level
            level = max(otherwise, larger[-1] + 1) if larger else unlabelled_level(heading, otherwise)
        self.path = [p for p in self.path if p[0] < level] + [(level, style, heading)]

    def extend(self, more: str, joint: str = " ") -> None:
        """Add a heading's next line to the last heading (``joint`` between them: ``". "`` after
        a number heading, ``56/101. National accounts``)."""
        if self.path:
            level, style, text = self.path[-1]
            joint = " " if text.endswith((".", ":")) else joint
            joined = f"{text}{more}" if text.endswith("-") else f"{text}{joint}{more}"
            self.path[-1] = (level, style, " ".join(joined.split()))

    def _label_level(self, heading: str) -> int:
        rm = _ROMAN_RE.match(heading)
        lm = _LETTER_RE.match(heading)
        if rm and not (len(rm.group(1)) == 1 and self.last_letter and ord(rm.group(1)) == ord(self.last_letter) + 1):
            self.last_letter = ""
            return 1
        if lm:
            self.last_letter = lm.group(1)
            return 2
        if _NUMBER_RE.match(heading):
            return 3
        if _SUB_RE.match(heading):
            return 4
        return 0

    @property
    def headings(self) -> tuple[str, ...]:
        return tuple(h for _, _, h in self.path)
