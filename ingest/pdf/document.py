"""UN PDFs read directly: layout-aware paragraphs, symbol and title (issue 3).

``read_pdf`` reads each line's position and type with PDFium (``layout``), drops page furniture
and moves footnotes aside by position and size (``pagezones``), reads the symbol and title from
the first page (``front``), and splits the running text into numbered paragraphs, headings,
tables and asides (``pdfparse``). The chunks are built and cleaned by the same code as for text
files (``paragraphs``), so a PDF and its text dump cite the same way.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from paracite.errors import IngestError
from ..skips import NOT_FOUND_PAGE, SCANNED, is_not_found_page
from .front_page import header_lines, read_symbols, read_title, title_floor
from ..text.front_matter import iso_date, read_front_matter
from ..text.furniture import detect_symbol
from .layout import Line, Page, read_pages
from ..models import Document
from .zones import split_zones
from ..text.paragraphs import _Block, _to_chunks
from .geometry import Geometry, ends_sentence
from .orphans import keep_orphan_headings
from .segment import segment
from .unnumbered import split_paragraphs
from ..text.sections import TOP_HEADING_RE, SectionPath
from .unread import unread_pages
from .note_numbers import number_opening_run
from .captions import scope_table_titles
from .preamble import find_formula, preamble_blocks, read_adoption
from ..text.resolution import strip_closing
from ..text.fragments import tidy_unnumbered
from ..text.clean import Vocabulary
from ..text.footnote_refs import MarkRules

_SUMMARY_RE = re.compile(r"^\s*Summary\s*$")


def read_pdf(path: str | Path, fallback_symbol: str = "") -> Document:
    """Parse a UN PDF into a ``Document``; ``IngestError`` (naming the file) if it cannot be.

    ``fallback_symbol`` names a readable document that prints no UN symbol (issue #18).
    """
    path = Path(path)
    pages = read_pages(path)
    if not any(p.lines for p in pages):
        raise IngestError(f"{path}: {SCANNED}")
    symbols = read_symbols(pages[0]) if pages else ()
    symbol = symbols[0] if symbols else detect_symbol("\n".join(l.text for p in pages for l in p.lines))
    symbol = symbol or fallback_symbol
    if not symbol:
        _fail(path, pages, "no UN document symbol found (like A/69/207); is this a UN document?")
    zones = split_zones(pages, symbols or (symbol,))
    title = read_title(pages[0], zones.body_size)
    resolution = find_formula(zones.lines) is not None
    blocks, front, loose, geo = segment(zones.lines, zones.body_size, resolution)
    blocks = _insert_unnumbered(blocks, loose, geo)
    scope_table_titles(blocks)
    numbered = any(b.kind == "paragraph" and not b.part for b in blocks)
    preamble: list[_Block] = []
    closing_meeting = ""
    if resolution and numbered:
        front, preamble = preamble_blocks(front, geo)
        last = [b for b in blocks if b.kind == "paragraph" and not b.part][-1]
        last.lines, closing_meeting = strip_closing(last.lines)
    summary = _summary(front, geo) if numbered and not preamble else []
    if numbered and not preamble:
        preamble = _heading_over_text(_front_notes(front, pages[0], geo, summary), blocks)
    if not numbered:  # a letter or note: its own paragraphs, cited by page, then any annexes
        prose = _front_prose(front, pages[0], geo, keep_small=True)
        own = _prose_blocks(prose, _own_leading([l for l, _ in prose], geo))
        number_opening_run(own)  # a note's ``1.``, ``2.`` set in other type than its annex's
        blocks = blocks[:1] + own + blocks[1:]
    head = _Block("summary", lines=[l.text for l in summary], refs=[r for l in summary for r in l.refs])
    blocks[0:1] = [head, *preamble]
    rest, signatory = tidy_unnumbered(blocks[1:])
    blocks[1:] = rest
    keep_orphan_headings(blocks, zones.lines, zones.body_size)
    if not zones.has_raised_refs:
        for b in blocks:
            b.refs = None  # references are printed inline: find them in the text
    vocab = Vocabulary.from_text("\n".join(l.text for l in zones.lines))
    notes = frozenset(int(k) for k in zones.footnotes if k.isdigit())
    chunks = _to_chunks(blocks, symbol, vocab, zones.footnotes, title, MarkRules(decimals=True, notes=notes))
    if not chunks:
        _fail(path, pages, "no paragraphs found in the PDF's text; is this a UN report?")
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    meta = _front_matter(pages, zones.body_size, title, symbols or (symbol,))
    adopted = read_adoption(pages[0]) if resolution else None
    if not meta["date"] and adopted and adopted.date:
        meta["date"] = iso_date(adopted.date)  # a resolution dated only by its adoption
    return Document(symbol=symbol, title=title, source=str(path), chunks=tuple(chunks), checksum=checksum,
                    adopted=adopted.date if adopted else "",
                    meeting=(adopted.meeting if adopted else "") or closing_meeting,
                    signatory=signatory, unread_pages=unread_pages(pages, zones.lines), **meta)


def _fail(path: Path, pages: list[Page], reason: str) -> None:
    """Raise ``IngestError`` with the reason, or saying it is the "does not exist" page it is."""
    if is_not_found_page("\n".join(l.text for p in pages for l in p.lines)):
        reason = NOT_FOUND_PAGE
    raise IngestError(f"{path}: {reason}")


def read_pdf_metadata(path: str | Path) -> dict:
    """Only the page-1 metadata of a PDF, as ``Document`` fields (for measuring the reader, #14)."""
    pages = read_pages(Path(path))
    symbols = read_symbols(pages[0]) if pages else ()
    zones = split_zones(pages, symbols or ("X/1",))
    return _front_matter(pages, zones.body_size, read_title(pages[0], zones.body_size), symbols)


def _front_matter(pages: list[Page], body_size: float, title: str, symbols: tuple[str, ...]) -> dict:
    """Page 1's date, organs, session, agenda items and kind (issue #14) as ``Document`` fields."""
    later = [l.text for p in pages[1:3] for l in p.lines]
    fm = read_front_matter(header_lines(pages[0], body_size), title=title, later=later)
    return {"date": fm.date, "bodies": fm.bodies, "session": fm.session, "agenda_items": fm.agenda_items,
            "symbols": fm.symbols or symbols, "doc_type": fm.doc_type, "pages": len(pages)}


def _summary(front: list[Line], geo: Geometry) -> list[Line]:
    """The prose under the front matter's ``Summary`` heading, up to the next heading."""
    start = next((k for k, l in enumerate(front) if _SUMMARY_RE.match(l.text)), None)
    if start is None:
        return []
    out: list[Line] = []
    for l in front[start + 1:]:
        plain = abs(l.size - geo.body) <= 0.6 and not l.bold
        if not out:
            if plain:
                out.append(l)
            elif geo.small(l.size):
                break
            continue
        if l.size > geo.body + 0.6 or (l.bold and not out[-1].bold):
            break
        if (l.italic or l.bold) and len(l.text) < 60 and not ends_sentence(l.text) and ends_sentence(out[-1].text):
            break
        if plain or l.italic:
            out.append(l)
    return out


def _front_notes(front: list[Line], first: Page, geo: Geometry, summary: list[Line]) -> list[_Block]:
    """Prose of the front matter outside the summary (a note transmitting a report, a letter of
    transmittal): paragraphs cited by page rather than lost (issue 15)."""
    taken = {id(l) for l in summary} | {id(l) for l in front if summary and _SUMMARY_RE.match(l.text)}  # its heading too
    return _prose_blocks([(l, sect) for l, sect in _front_prose(front, first, geo) if id(l) not in taken], geo)


_TYPED_HEAD_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.\s+[A-Z][A-Z ,'’-]+$")  # ``I. INTRODUCTION``, typed in capitals


def _heading_over_text(notes: list[_Block], blocks: list[_Block]) -> list[_Block]:
    """A typed report's first heading (``I. INTRODUCTION``, plain capitals centred over para. 1,
    A/52/687) found last among page 1's notes heads the paragraphs under it, as its later headings
    do, instead of standing as a chunk of its own."""
    if not notes or len(notes[-1].lines) != 1 or not _TYPED_HEAD_RE.match(notes[-1].lines[0].strip()):
        return notes
    for b in blocks[1:]:
        if b.section or b.kind == "heading":
            break
        b.section = (notes[-1].lines[0].strip(),)
    return notes[:-1]


def _prose_blocks(prose: list[tuple[Line, tuple[str, ...]]], geo: Geometry) -> list[_Block]:
    """Page-cited paragraphs of front-matter prose, each under its section path; a new section
    starts a new paragraph."""
    breaks = {k for k in range(1, len(prose)) if prose[k][1] != prose[k - 1][1]}
    lines = [l for l, _ in prose]
    split = split_paragraphs(lines, geo, "", breaks, _own_body_size(lines, geo.body))
    for k, b in split:
        b.section = prose[k][1]
    return [b for _, b in split]


def _front_prose(front: list[Line], first: Page, geo: Geometry,
                 keep_small: bool = False) -> list[tuple[Line, tuple[str, ...]]]:
    """Body lines of a document with no numbered paragraphs, under its page-1 title block, each
    with the section path of the bold headings above it (``Item 3`` > ``Internal audit``); with
    ``keep_small``, its plain small type too (a letter's table, its ``Note:``), which is cited as
    notes apart from the letter's paragraphs (``split_paragraphs``)."""
    # a letter or note (``keep_small``) set larger than its annex (three paragraphs over a 52-page
    # calendar in small type, A/AC.172/2025/2): its own type, not the annex's, tells its title from
    # its text; a report's front matter is its masthead and title, whose large type is no text type
    own = max(geo.body, _own_body_size(front, geo.body)) if keep_small else geo.body
    floor = title_floor(first, own)
    path = SectionPath()
    out: list[tuple[Line, tuple[str, ...]]] = []
    prev: Line | None = None
    body = _own_body_size([l for l in front if l.page > 1 or l.top > floor], geo.body)
    for l in front:
        if not (l.page > 1 or l.top > floor) or l.size < body - 0.6 and not (keep_small and not l.bold):
            continue
        if l.size < body - 0.6:
            out.append((l, path.headings))
            continue
        if l.bold and len(l.text) < 120 and not ends_sentence(l.text) and not l.row:
            if (prev is not None and prev.bold and prev.page == l.page and round(prev.size) == round(l.size)
                    and 0 < l.top - prev.top < 1.8 * l.size and not TOP_HEADING_RE.match(l.text.strip())):
                path.extend(l.text)  # its next line; ``Introduction`` under a status line is a heading of its own
            else:
                path.add(l.text, f"{round(l.size)}{'i' if l.italic else ''}")
        elif abs(l.size - body) <= 0.6 and (not l.bold or l.row):  # a row's cells (``table_rows``) are text
            out.append((l, path.headings))
        prev = l
    return out


def _own_body_size(lines: list[Line], default: float) -> float:
    """The type most of these lines are set in: a letter's own, when its annex (most of the
    pages) is set smaller or larger."""
    weight: dict[float, int] = {}
    for l in lines:
        if not l.bold:
            key = round(l.size * 2) / 2
            weight[key] = weight.get(key, 0) + len(l.text)
    return max(weight, key=weight.get) if weight else default


def _own_leading(lines: list[Line], geo: Geometry) -> Geometry:
    """The geometry with the line spacing of these lines (a letter set apart from its annex)."""
    steps: dict[float, int] = {}
    for a, b in zip(lines, lines[1:]):
        d = round((b.top - a.top) * 2) / 2
        if a.page == b.page and 0 < d < 3 * a.size:
            steps[d] = steps.get(d, 0) + 1
    return replace(geo, leading=max(steps, key=steps.get)) if steps else geo


def _insert_unnumbered(blocks: list[_Block], loose: dict[str, list[tuple[int, Line, tuple[str, ...]]]],
                       geo: Geometry) -> list[_Block]:
    """Put the page-cited paragraphs of unnumbered parts where they stand among the headings.

    Among numbered paragraphs, type smaller than the document's body is small; a part that numbers
    nothing is measured against its own type (an annex set wholly in small type is that annex's text)."""
    placed: dict[int, list[_Block]] = {}
    numbered = {b.part for b in blocks if b.kind == "paragraph" and b.page is None}
    for part, entries in loose.items():
        lines = [l for _, l, _ in entries]
        breaks = {k for k in range(1, len(entries)) if entries[k][0] != entries[k - 1][0]}
        body = geo.body if part in numbered else _own_body_size(lines, geo.body)
        for k, block in split_paragraphs(lines, geo, part, breaks, body, own_pages=part not in numbered):
            block.section = entries[k][2]
            placed.setdefault(entries[k][0], []).append(block)
    out: list[_Block] = []
    for position, block in enumerate(blocks):
        out.extend(placed.get(position, []))
        out.append(block)
    out.extend(placed.get(len(blocks), []))
    return out


def pdf_to_text(path: Path) -> str:
    """A PDF's text, page by page, separated by form feeds (one line per printed line)."""
    pages = read_pages(Path(path))
    text = "\f".join("\n".join(l.text for l in p.lines) for p in pages)
    if not text.strip():
        raise IngestError(f"{path}: {SCANNED}")
    return text
