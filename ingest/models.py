"""The data types that travel from ingest to index to search."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entity:
    """A named thing in a chunk's clean text, with its canonical name.

    ``start``/``end`` are character offsets into the chunk's ``text``.
    """

    text: str
    kind: str
    canonical: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "kind": self.kind, "canonical": self.canonical,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict) -> "Entity":
        """The inverse of ``to_dict`` (reads ``paracite export`` records)."""
        return cls(text=str(d["text"]), kind=str(d["kind"]), canonical=str(d.get("canonical", d["text"])),
                   start=int(d["start"]), end=int(d["end"]))


@dataclass(frozen=True)
class Chunk:
    """One citable unit of a document: the summary, a numbered paragraph, a table, a
    resolution's preambular paragraph (kind ``preamble``, numbered by position: issue 20), or the
    whole text of a part that numbers nothing (kind ``part``: a decision a report prints with no
    numbered paragraphs, cited by its label alone, ``E/2025/24, chap. I, decision 56/101``).

    ``number`` is the paragraph number as printed (tables: the table number; summary: 0);
    where a misprint broke the sequence (``25.`` between 124 and 126) it is the sequence's
    number and ``printed`` keeps the printed one (issue 15).
    ``part`` is ``""`` for the body, or the annex label (``"annex"``, ``"annex I"``) when a
    part of the document numbers its paragraphs afresh. ``page`` is set for documents that
    have no numbered paragraphs, where citations go by page. Text cited by page that is set in
    small type (a table's rows, a status table, a figure's source: kind ``note``) is counted in a
    series of its own on its page, ``A/80/192, annex I, p. 3, note 1``, so keeping more small type
    never renumbers a page's paragraphs (issue 15).
    """

    symbol: str
    kind: str  # "summary" | "paragraph" | "table" | "preamble" | "part" | "note"
    number: int
    text: str
    section: tuple[str, ...] = ()
    footnotes: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    span: tuple[int, int] = (0, 0)
    part: str = ""
    page: int | None = None
    title: str = ""
    printed: int | None = None

    @property
    def citation(self) -> str:
        return format_citation(self.symbol, self.kind, self.number, self.part, self.page)

    def to_dict(self) -> dict:
        return {
            "citation": self.citation,
            "symbol": self.symbol,
            "kind": self.kind,
            "number": self.number,
            "part": self.part,
            "page": self.page,
            "section": list(self.section),
            "text": self.text,
            "footnotes": list(self.footnotes),
            "entities": [e.to_dict() for e in self.entities],
            **({"printed": self.printed} if self.printed is not None else {}),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Chunk":
        """The inverse of ``to_dict``: the exported fields back as a chunk (``span`` is not exported)."""
        return cls(symbol=str(d["symbol"]), kind=str(d["kind"]), number=int(d["number"]), text=str(d["text"]),
                   section=tuple(map(str, d.get("section") or ())), footnotes=tuple(map(str, d.get("footnotes") or ())),
                   entities=tuple(Entity.from_dict(e) for e in d.get("entities") or ()),
                   part=str(d.get("part") or ""), page=None if d.get("page") is None else int(d["page"]),
                   title=str(d.get("title") or ""),
                   printed=None if d.get("printed") is None else int(d["printed"]))


@dataclass(frozen=True)
class Document:
    """A parsed source file: its symbol, title and chunks in reading order.

    The page-1 metadata fields (issue #14) are ``None``/``()`` where page 1 does not print them:
    ``date`` is ISO ``YYYY-MM-DD`` or ``YYYY`` when only a year is printed; ``bodies`` the organs
    printed, principal organs first; ``symbols`` every symbol of a joint document.
    A resolution or decision records when and where it was adopted (``adopted``: "14 March
    2025", ``meeting``: "9876th meeting"); a letter or note its ``signatory`` (issue 20).
    """

    symbol: str
    title: str
    source: str
    chunks: tuple[Chunk, ...] = field(default_factory=tuple)
    checksum: str = ""
    # -- page-1 metadata (issue #14) --
    date: str | None = None
    bodies: tuple[str, ...] = ()
    session: str | None = None
    agenda_items: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()
    doc_type: str | None = None
    pages: int | None = None

    def metadata(self) -> dict:
        """The page-1 metadata as JSON-ready values (``paracite docs --json`` field names)."""
        return {"date": self.date, "bodies": list(self.bodies), "session": self.session,
                "agenda_items": list(self.agenda_items), "symbols": list(self.symbols or (self.symbol,)),
                "title": self.title, "doc_type": self.doc_type, "pages": self.pages}
    adopted: str = ""
    meeting: str = ""
    signatory: str = ""
    unread_pages: tuple[int, ...] = ()  # pages that are images with no text layer (``pdf.unread``)

    @property
    def paragraphs(self) -> tuple[Chunk, ...]:
        return tuple(c for c in self.chunks if c.kind == "paragraph")


def format_citation(symbol: str, kind: str, number: int, part: str = "", page: int | None = None) -> str:
    """Cite a chunk the way UN documents are cited: ``A/69/207, para. 46``."""
    head = f"{symbol}, {part}" if part else symbol
    if kind == "summary":
        return f"{head}, summary"
    if kind == "part":
        return head
    if kind == "table":
        return f"{head}, table {number}"
    if kind == "preamble":
        return f"{head}, preambular para. {number}"
    if kind == "note":
        return f"{head}, p. {page}, note {number}"
    if page is not None:
        return f"{head}, p. {page}, para. {number}"
    return f"{head}, para. {number}"
