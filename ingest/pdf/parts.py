"""Parts of a UN PDF that number their paragraphs afresh: annexes, and volumes and chapters that restart.

An ``Annex``, ``Enclosure`` or ``Appendix`` heading always opens a part (``A/80/84, annex,
para. 1``). ``Part One`` / ``Part Two`` (a committee's report holding the reports of several
sessions) and ``Chapter II`` (a commission's report on its session) open one only where the
numbering starts again at 1 under one of them after numbered paragraphs; in most reports
chapters and parts run on, and then none of them is a part. An annex
inside a volume is cited with it (``part two, annex``), so the annexes of two sessions do not
clash; a label that comes again in one document (two sessions' ``Annex I`` with no volume
headings) takes the page it opens on (``annex I (p. 31)``). A contents entry (``ANNEX I .....``)
opens nothing; an ``ANNEX I`` set alone flush right does.
"""

from __future__ import annotations

import re

from .geometry import ends_sentence
from .line_kinds import NUM_RE, LineKinds
from ..text.part_heads import LEADERS_RE, ALONE_RE, CHAPTER_RE, VOLUME_RE, annex_label  # shared with the text reader


class Parts:
    """Which headings of a document open a part numbered afresh, and the part's label."""

    def __init__(self, kinds: LineKinds, contents: set[int]):
        self.kinds = kinds
        self.contents = contents
        self.typed = self._typed_labels()
        self.volumes = self._restarts(VOLUME_RE, None)
        self.chapters = self._restarts(CHAPTER_RE, VOLUME_RE if self.volumes else None)

    def _heading(self, i: int) -> bool:
        """Bold or large, at the margin or alone at the right (``ANNEX I`` set flush right), and
        not a contents entry (dot leaders)."""
        l, geo = self.kinds.lines[i], self.kinds.geo
        if i in self.typed and i not in self.contents:
            return True
        if i in self.contents or LEADERS_RE.search(l.text) or not (l.bold or l.size > geo.body + 0.6):
            return False
        return l.x0 <= geo.left[l.page] + 40 or (l.x1 >= geo.right[l.page] - 10 and bool(ALONE_RE.match(l.text)))

    def _typed_labels(self) -> set[int]:
        """``ANNEX`` typed in capitals alone atop a page, in plain type of any size (a typed report,
        A/47/466, sets its annex label in the annex's small type): a part's heading, unless the same
        label tops several pages (a running head)."""
        lines = self.kinds.lines
        tops = [i for i, l in enumerate(lines) if (i == 0 or lines[i - 1].page != l.page)
                and ALONE_RE.match(l.text.strip()) and l.text.strip().isupper() and not l.bold]
        texts = [lines[i].text.strip() for i in tops]
        return {i for i in tops if texts.count(lines[i].text.strip()) == 1}

    def _first_number(self, i: int) -> int:
        """The number of the first paragraph start after line i (0 if none)."""
        lines = self.kinds.lines
        for j in range(i + 1, len(lines)):
            m = NUM_RE.match(lines[j].text)
            if m and self.kinds.starts_para(j, int(m.group(1))):
                return int(m.group(1))
        return 0

    def _restarts(self, heading_re: re.Pattern, reset_re: re.Pattern | None) -> bool:
        """Does a heading of this kind start the numbering again at ``1.`` after numbered
        paragraphs (since the last ``reset_re`` heading, a volume for chapters)? Only then do
        such headings open parts: in most reports parts and chapters run on."""
        seen = False
        for i, l in enumerate(self.kinds.lines):
            if reset_re is not None and reset_re.match(l.text) and self._heading(i):
                seen = False
            elif heading_re.match(l.text) and self._heading(i):
                if seen and self._first_number(i) == 1:
                    return True
            elif not seen:
                m = NUM_RE.match(l.text)
                seen = bool(m) and self.kinds.starts_para(i, int(m.group(1)))
        return False

    def label(self, i: int, volume: str, in_front: bool) -> tuple[str, str]:
        """(part label, volume label) if line i opens a part, else ``("", volume)``."""
        l = self.kinds.lines[i]
        if not self._heading(i):
            return "", volume
        v = VOLUME_RE.match(l.text) if self.volumes else None
        if v:
            name = f"part {v.group(1).lower()}"
            return name, name
        c = CHAPTER_RE.match(l.text) if self.chapters else None
        if c:
            return f"{volume}, chap. {c.group(1)}" if volume else f"chap. {c.group(1)}", volume
        name = annex_label(l.text, volume)
        if not name or (in_front and (l.page == 1 or ends_sentence(l.text))):
            return "", volume  # the front matter's own lines (a contents list, a summary's sentence)
        return name, volume
