"""Turn a path on disk into a parsed ``Document``: text files now, PDFs through ``pdf``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterator

from paracite.errors import IngestError
from .text.furniture import detect_symbol
from .compound_numbers import cite_compound_numbers
from .models import Document
from .text.front_matter import iso_date, job_year, text_front_matter
from .text.odd_chars import fold_odd_chars
from .text.paragraphs import parse_text
from .skips import NOT_FOUND_PAGE, fallback_symbol, is_not_found_page

SUPPORTED = (".txt", ".pdf")


def iter_sources(paths: list[str | Path]) -> Iterator[Path]:
    """Expand files and folders into the supported source files, in a stable order."""
    for p in map(Path, paths):
        if not p.exists():
            raise IngestError(f"{p}: no such file or folder")
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith("."):
                    yield f
        elif not p.is_file():  # a named pipe read as a report blocked the ingest, --timeout or not
            raise IngestError(f"{p}: not a regular file (a pipe, socket or device); give report files or folders")
        else:
            yield p


def passed_over(paths: list[str | Path], index_dir: str | Path | None = None, shown: int = 3) -> list[str]:
    """A note naming the files in the given folders that an ingest does not read (a ``.docx``, a
    ``.html``): they were left out without a word, and a user took them for indexed. Hidden files
    and folders are not counted, nor the files of ``index_dir`` when it lies inside a folder given
    (``paracite ingest . --index idx``); [] when there are none."""
    inside = Path(index_dir).resolve() if index_dir is not None else None
    left = []
    for p in map(Path, paths):
        if p.is_dir():
            left += [f for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() not in SUPPORTED
                     and not any(part.startswith(".") for part in f.relative_to(p).parts)
                     and not (inside and inside in f.resolve().parents)]
    if not left:
        return []
    names = ", ".join(f.name for f in left[:shown]) + (f" and {len(left) - shown} more" if len(left) > shown else "")
    kinds = " or ".join(sorted(SUPPORTED))
    return [f"{len(left)} file{'s' * (len(left) != 1)} in the folders given {'are' if len(left) != 1 else 'is'} "
            f"not {kinds} and {'were' if len(left) != 1 else 'was'} not read: {names}"]


def read_text(path: Path) -> str:
    """The text of a source file, or an ``IngestError`` naming the file."""
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(f"{path}: the file is empty")
    if path.suffix.lower() == ".pdf" or data[:5] == b"%PDF-":
        from .pdf.document import pdf_to_text

        return pdf_to_text(path)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark (Windows' "Unicode" text)
        try:
            return fold_odd_chars(data.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise IngestError(f"{path}: not UTF-16 text (byte {e.start})") from None
    if b"\x00" in data[:4096]:
        raise IngestError(f"{path}: not a text file (binary content)")
    try:
        return fold_odd_chars(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        text = windows_1252(data)
        if text is None:
            raise IngestError(f"{path}: not UTF-8 text (byte {e.start}); save it as UTF-8 and add it again") from None
        return fold_odd_chars(text)


def windows_1252(data: bytes) -> str | None:
    """``data`` read as Windows-1252, the "ANSI" text of Windows tools, when it is English text
    in that encoding: every byte defined there, and nearly all of it ASCII (a curly quote, a dash,
    an accented name). ``None`` otherwise: another encoding would be misread, so it is refused."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = sum(b >= 0x80 for b in data)
    return text if high <= 0.02 * len(data) else None


def encoding_note(doc: Document) -> str:
    """The note for a text file read as Windows-1252 (not UTF-8), or ``""``."""
    path = Path(doc.source)
    if path.suffix.lower() in (".pdf", ".jsonl") or not path.is_file():
        return ""
    data = path.read_bytes()
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return ""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return f"{doc.source}: not UTF-8; read as Windows-1252 text (check its accented letters and quotes)"
    return ""


def _check_pdf_head(path: Path) -> None:
    """Say plainly what PDFium would call a "data format error": empty, or not a PDF at all."""
    with path.open("rb") as f:
        head = f.read(1024)  # readers accept a PDF header anywhere in the first 1,024 bytes
    if not head.strip():
        raise IngestError(f"{path}: the file is empty")
    if b"%PDF-" not in head:
        raise IngestError(f"{path}: not a PDF (no %PDF- header); is it a web page or another format saved as .pdf?")


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError as e:
        raise IngestError(f"{path}: cannot read the file ({e.strerror})") from None


def read_documents(path: str | Path) -> list[Document]:
    """The documents in one source file: one for a report, any number for a ``.jsonl`` export."""
    path = Path(path)
    if path.suffix.lower() == ".jsonl":
        from .export import from_export

        return from_export(path)
    return [read_document(path)]


def read_document(path: str | Path) -> Document:
    """Read and parse one source file.

    A readable file that prints no UN symbol is read under ``skips.fallback_symbol`` (see
    ``no_symbol_note``); a scan or a "does not exist" page raises ``IngestError`` saying so.
    """
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        _check_pdf_head(path)
    if path.suffix.lower() == ".pdf" or _is_pdf(path):
        return _read_pdf(path)
    text = read_text(path)
    if is_not_found_page(text):
        raise IngestError(f"{path}: {NOT_FOUND_PAGE}")
    fm = text_front_matter(text)
    symbol = None if detect_symbol(text) else fallback_symbol(path)
    doc = parse_text(text, source=str(path), title=fm.title, symbol=symbol)
    doc = replace(doc, chunks=cite_compound_numbers(doc.chunks))
    if not doc.chunks:
        raise IngestError(f"{path}: no paragraphs found; is this a UN report?")
    date = fm.date or (iso_date(doc.adopted) if doc.adopted else None)  # a resolution: its adoption
    date = date or job_year(text)  # a copy without its masthead: the year of its job number
    return replace(doc, date=date, bodies=fm.bodies, session=fm.session, agenda_items=fm.agenda_items,
                   symbols=fm.symbols or (doc.symbol,), doc_type=fm.doc_type, pages=text.count("\f") + 1 if "\f" in text else None)


def _read_pdf(path: Path) -> Document:
    from .pdf.document import read_pdf

    doc = read_pdf(path, fallback_symbol=fallback_symbol(path))  # says itself if a scan or a "does not exist" page
    doc = replace(doc, chunks=cite_compound_numbers(doc.chunks))
    if sum(len(c.text) for c in doc.chunks) < 6000 and is_not_found_page(" ".join(c.text for c in doc.chunks)):
        raise IngestError(f"{path}: {NOT_FOUND_PAGE}")
    return doc


def unread_note(doc: Document) -> str:
    """The note for a PDF with pages that hold only pictures, or ``""``.

    The pictures may be photographs (a letter's annexed photos of a site) or scanned text (an annex
    scanned without OCR): the note says what is certain, that nothing on them is indexed.
    """
    from .pdf.unread import page_span

    if not doc.unread_pages:
        return ""
    many = len(doc.unread_pages) > 1
    return (f"{doc.source}: page{'s' if many else ''} {page_span(doc.unread_pages)} hold{'' if many else 's'} "
            f"only pictures, no text: not indexed (if scanned text, run OCR on the file first)")


def no_symbol_note(doc: Document) -> str:
    """The note for a document read under its file name, or ``""`` for a UN document."""
    if doc.symbol != fallback_symbol(doc.source):
        return ""
    return (f"{doc.source}: no UN document symbol; indexed as {doc.symbol!r}, "
            f"cited by page and paragraph ({doc.chunks[0].citation if doc.chunks else doc.symbol})")
