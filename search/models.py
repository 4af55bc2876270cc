"""What a search returns: hits, each with the citation of the paragraph it comes from."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ingest.models import Entity


@dataclass(frozen=True)
class Hit:
    """One ranked chunk. ``score`` is the ranking score of the mode used (higher is better)."""

    citation: str
    symbol: str
    number: int
    kind: str
    section: tuple[str, ...]
    text: str
    score: float
    entities: tuple[Entity, ...] = ()
    footnotes: tuple[str, ...] = ()
    part: str = ""
    page: int | None = None
    title: str = ""
    rank: int = 0
    date: str | None = None  # the document's date of issue, "YYYY-MM-DD" or "YYYY" (issue #14)
    bodies: tuple[str, ...] = ()  # the organs its page 1 prints (issue #14)
    also: tuple[str, ...] = ()  # citations of near-identical chunks ranked lower (issue #12)
    #: the hit barely treats the query (``search.match_strength``): its best sentence is far from it
    #: and it holds few of its words, whatever its score (the best of a few documents a filter left)
    weak: bool = False
    before: str = ""  # an answer's: the chunks before one opening by pointing back ("The process is ...", ``search.carried``)
    #: the chunk's row in its index, so that what is read about it later (the chunks before it, its
    #: sentences) is an indexed look-up, not a scan by citation; not part of the hit's value or its JSON
    chunk_id: int | None = field(default=None, compare=False, repr=False)

    def __repr__(self) -> str:
        """The citation, score and the text's start: the whole paragraph, section and entities made a
        printed list of hits unreadable (every field stays an attribute)."""
        score = f", score={float(self.score):.3f}" if self.rank else ""  # a search's hit, not ``get``'s paragraph
        weak = ", weak=True" if self.weak else ""
        text = textwrap.shorten(self.text, 72, placeholder=" ...")
        return f"Hit({self.citation!r}{score}{weak}, text={text!r})"

    def source_line(self, width: int = 90) -> str:
        """Which report the hit is from, its title shortened to ``width`` and its date: shown when
        the hits of one search come from several documents."""
        return " · ".join(x for x in (self.short_title(width), self.date) if x)

    def short_title(self, width: int = 90) -> str:
        """The report's title shortened to ``width`` characters ("" when it has none)."""
        return textwrap.shorten(self.title, width, placeholder=" ...") if self.title else ""

    def to_dict(self) -> dict:
        also = {"also": list(self.also)} if self.also else {}
        return {
            "rank": self.rank,
            "citation": self.citation,
            "symbol": self.symbol,
            "title": self.title,
            "date": self.date,
            "bodies": list(self.bodies),
            "kind": self.kind,
            "number": self.number,
            "part": self.part,
            "page": self.page,
            "section": list(self.section),
            "score": round(float(self.score), 6),
            "weak": self.weak,
            "text": self.text,
            "footnotes": list(self.footnotes),
            "entities": [e.to_dict() for e in self.entities],
        } | also


@dataclass(frozen=True)
class Evidence:
    """A sentence used in an answer, with the citation of its paragraph."""

    citation: str
    sentence: str

    def to_dict(self) -> dict:
        return {"citation": self.citation, "sentence": self.sentence}


@dataclass(frozen=True)
class Answer:
    """An extractive answer: every sentence of ``text`` ends with its citation.

    ``citations`` are in order of use; ``evidence`` holds the report's sentences the answer
    quotes. When the indexed documents do not answer, ``answered`` is False, ``citations`` and
    ``evidence`` are empty and ``closest`` holds the nearest paragraphs instead.
    """

    question: str
    text: str
    citations: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    answered: bool = True
    closest: tuple[Hit, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.text,
            "answered": self.answered,
            "citations": list(self.citations),
            "evidence": [e.to_dict() for e in self.evidence],
            "closest": [{"citation": h.citation, "text": h.text, "weak": h.weak} for h in self.closest],
        }
