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
from pathlib import Path

from paracite.errors import IngestError
from .front_page import read_symbols, read_title
from ..text.furniture import detect_symbol
from .layout import Line, Page, read_pages
from ..models import Document
from .zones import split_zones
from ..text.paragraphs import _Block, _to_chunks
from .geometry import Geometry, ends_sentence
from .segment import segment
from .unnumbered import split_paragraphs
from ..text.clean import Vocabulary

_SUMMARY_RE = re.compile(r"^\s*Summary\s*$")


def read_pdf(path: str | Path, fallback_symbol: str = "") -> Document:
    """Parse a UN PDF into a ``Document``; ``IngestError`` (naming the file) if it cannot be.

    ``fallback_symbol`` names a readable document that prints no UN symbol (issue #18).
    """
    path = Path(path)
    pages = read_pages(path)
    if not any(p.lines for p in pages):
        raise IngestError(f"{path}: the PDF has no text layer (a scanned image?); run OCR on it first")
    symbols = read_symbols(pages[0]) if pages else ()
    symbol = symbols[0] if symbols else detect_symbol("\n".join(l.text for p in pages for l in p.lines))
    symbol = symbol or fallback_symbol
    if not symbol:
        raise IngestError(f"{path}: no UN document symbol found (like A/69/207); is this a UN document?")
    zones = split_zones(pages, symbols or (symbol,))
    title = read_title(pages[0], zones.body_size)
    blocks, front, loose, geo = segment(zones.lines, zones.body_size)
    blocks = _insert_unnumbered(blocks, loose, geo)
    numbered = any(b.kind == "paragraph" and not b.part for b in blocks)
    summary = _summary(front, geo) if numbered else []
    if not numbered:  # a letter or note: its own paragraphs, cited by page, then any annexes
        prose = _front_prose(front, pages[0], geo)
        blocks = blocks[:1] + [b for _, b in split_paragraphs(prose, geo)] + blocks[1:]
    head = _Block("summary", lines=[l.text for l in summary], refs=[r for l in summary for r in l.refs])
    blocks[0] = head
    if not zones.has_raised_refs:
        for b in blocks:
            b.refs = None  # references are printed inline: find them in the text
    vocab = Vocabulary.from_text("\n".join(l.text for l in zones.lines))
    chunks = _to_chunks(blocks, symbol, vocab, zones.footnotes, title)
    if not chunks:
        raise IngestError(f"{path}: no paragraphs found in the PDF's text; is this a UN report?")
    checksum = hashlib.sha256(path.read_bytes()).hexdigest()
    return Document(symbol=symbol, title=title, source=str(path), chunks=tuple(chunks), checksum=checksum)


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
            elif l.size < geo.body - 0.6:
                break
            continue
        if l.size > geo.body + 0.6 or (l.bold and not out[-1].bold):
            break
        if (l.italic or l.bold) and len(l.text) < 60 and not ends_sentence(l.text) and ends_sentence(out[-1].text):
            break
        if plain or l.italic:
            out.append(l)
    return out


def _front_prose(front: list[Line], first: Page, geo: Geometry) -> list[Line]:
    """Body lines of a document with no numbered paragraphs, under its page-1 title block."""
    heads = [l for l in first.lines if l.bold and l.size > geo.body + 0.5 and l.top > 0.15 * first.height]
    floor = max((l.bottom for l in heads), default=0.0)
    return [l for l in front
            if abs(l.size - geo.body) <= 0.6 and not l.bold and (l.page > 1 or l.top > floor)]


def _insert_unnumbered(blocks: list[_Block], loose: dict[str, list[tuple[int, Line, tuple[str, ...]]]],
                       geo: Geometry) -> list[_Block]:
    """Put the page-cited paragraphs of unnumbered parts where they stand among the headings."""
    placed: dict[int, list[_Block]] = {}
    for part, entries in loose.items():
        lines = [l for _, l, _ in entries]
        breaks = {k for k in range(1, len(entries)) if entries[k][0] != entries[k - 1][0]}
        for k, block in split_paragraphs(lines, geo, part, breaks):
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
        raise IngestError(f"{path}: the PDF has no text layer (a scanned image?); run OCR on it first")
    return text
