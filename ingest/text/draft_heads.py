"""Which lines open a draft or decision inside a report: one walk for PDF and text input.

The PDF reader (``ingest.pdf.drafts``) knows a heading by its type, the text reader
(``ingest.text.plain_drafts``) by the line and the ones around it; both give this walk what they
see through a ``HeadReader`` and get the same heads back, labelled alike:

- a draft's or decision's labelled heading (``Draft resolution I``, ``Decision 88/I``) after the
  report's numbered paragraphs in its part, or ahead of them where it is a decision or resolution
  that numbers nothing (A/80/38's decisions before a volume's ``1.``);
- a heading that prints only the number (``56/101``, E/2025/24), where the lines leading in to
  the run of them, or the labelled section heading over it, name the kind (``C. Decisions
  brought to the attention of the Council``): ``decision 56/101``;
- a draft with no label of its own, whose title follows a report's paragraph that introduces
  it (``... the adoption of the following draft decision:`` / ``Report of the Statistical
  Commission on its fifty-sixth session ...``): ``draft decision``, as a lone ``Draft decision``
  heading would be labelled.
"""

from __future__ import annotations

import re
from typing import Generic, Protocol, TypeVar

from .part_heads import draft_label, number_heading, number_kind

LONG_DRAFT = 3500  # characters: an unnumbered draft longer than this is split like other page-cited text
LEAD_IN = 6  # lines before the first of a run of bare-numbered headings that may name their kind
SECTION_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.\s+\S")  # a section's labelled heading (``C. Decisions ...``)
#: A paragraph introducing the one draft printed after it (plural: each draft has its own heading).
_FOLLOWING_RE = re.compile(r"\bfollowing\s+(draft\s+decision|draft\s+resolution|decision|resolution)\s*:\s*$", re.I)

R = TypeVar("R")


class HeadReader(Protocol, Generic[R]):
    """What a reader tells the walk about line i of a document (or of its body)."""

    def text(self, i: int) -> str: ...

    def heading(self, i: int) -> bool:
        """Set as a heading: a draft's label, a section's, an annex's (not a contents entry)."""

    def number_ok(self, i: int) -> bool:
        """A line printing only a number (``56/101``) stands as a heading."""

    def title(self, i: int) -> bool:
        """Line i opens a draft's title (set as a heading, or followed by its enacting formula)."""

    def resets(self, i: int) -> bool:
        """An annex, volume or chapter heading: the part after it numbers afresh."""

    def starts_para(self, i: int) -> bool:
        """Line i opens a numbered paragraph of the report."""

    def restart(self, i: int) -> R | None:
        """Where the draft opened at line i numbers its paragraphs from 1 (None: it numbers nothing)."""


def lead_in_label(before: str) -> str:
    """``draft decision`` where the text before a line ends by introducing one draft (``the
    adoption of the following draft decision:``), else ``""``."""
    m = _FOLLOWING_RE.search(" ".join(before.split()))
    return " ".join(m.group(1).lower().split()) if m else ""


def find_heads(n: int, read: HeadReader[R]) -> dict[int, tuple[str, R | None]]:
    """The lines among ``n`` that open a draft or decision: their label and ``read.restart``.

    A draft heading counts only after the report's numbered paragraphs of its part began (an
    annex, or a volume or chapter that numbers afresh, starts again); ahead of them only a
    decision or resolution that numbers nothing opens a part. A bare number opens nothing where
    the lead-in names no kind."""
    out: dict[int, tuple[str, R | None]] = {}
    seen = False
    kind, lead_in = "", []  # the kind of the run of bare-numbered headings, the lines before it
    for i in range(n):
        text = read.text(i)
        label = draft_label(text)
        number = "" if label else number_heading(text)
        if number and read.number_ok(i):
            kind = kind or number_kind(lead_in[-LEAD_IN:])
            restart = read.restart(i)
            if kind and (seen or restart is None):
                out[i] = (f"{kind} {number}", restart)
            continue
        heading = read.heading(i)
        if heading and SECTION_RE.match(text):
            kind = number_kind([text])  # ``B. Decisions adopted ...`` starts a run of its own kind
        introduced = "" if label or not seen else lead_in_label(" ".join(read.text(j) for j in range(max(0, i - 2), i)))
        restart = read.restart(i) if (label and heading) or (introduced and read.title(i)) else None
        if label and heading and (seen or (restart is None and not label.startswith("draft"))):
            out[i] = (label, restart)  # ahead of the report's paragraphs: a decision that numbers nothing
            kind = ""
        elif introduced and read.title(i):
            out[i] = (introduced, restart)
        elif heading and read.resets(i):
            seen, kind = False, ""
        elif not seen:
            seen = read.starts_para(i)
        if not kind:
            lead_in.append(text)
    return out
