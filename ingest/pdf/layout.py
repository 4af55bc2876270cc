"""The lines of a PDF with their layout: position, font size, bold/italic, superscripts.

UN PDFs carry what a plain-text dump throws away: paragraph numbers sit at the left margin,
footnotes are set smaller at the page bottom, footnote references are raised and smaller,
headings are bold or italic. ``read_pages`` keeps all of it, one ``Line`` per printed line, so
that the parser can tell a heading, a footnote or a page header from paragraph text.

Reads with pypdfium2 (PDFium): the fastest of the readers measured (see bench/bench_ingest.py)
and it gives each character's box, baseline, font size, weight and whether a line-end hyphen
is a hyphenation point.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from paracite.errors import IngestError

from ..text.odd_chars import fold_odd_chars
from ..text.glued_numbers import unglue_number


@dataclass(frozen=True)
class Line:
    """One printed line: its text without superscripts, its geometry and its font.

    Coordinates are points from the page's top-left corner. ``size`` is the line's main font
    size (superscripts excluded); ``refs`` are the raised small marks (footnote references)
    that were taken out of ``text``, in reading order.
    """

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    refs: tuple[str, ...] = ()
    lead_mark: str = ""  # a raised mark opening the line (a footnote's number)
    gutters: tuple[int, ...] = ()  # words before each gap of a column's width (``GUTTER`` ems): a row's cells
    row: bool = False  # a cell of a table's row (``table_rows.mark_rows``): never a heading


@dataclass(frozen=True)
class Page:
    """A page's size and its lines in reading order."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    image_share: float = 0.0  # how much of the page images cover: a page scanned without OCR is all image


@dataclass
class _Char:
    ch: str
    x0: float
    x1: float
    y: float  # baseline, from the page bottom
    top: float  # box top, from the page bottom
    bottom: float
    size: float
    bold: bool
    italic: bool
    hidden: bool = False  # drawn invisibly: the OCR text layer over a scanned page


def open_pdf(path: Path):
    """Open a PDF with PDFium, turning its failures into one-line ``IngestError``s."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            raise IngestError(f"{path}: the PDF is encrypted; decrypt it first (e.g. `qpdf --decrypt`)") from None
        reason = msg.split("pdfium:")[-1].strip(" .)") or "unknown error"
        raise IngestError(f"{path}: cannot read the PDF (PDFium: {reason}); is the file complete?") from None


def read_pages(path: Path) -> list[Page]:
    """Every page of the PDF at ``path`` as lines with layout."""
    doc = open_pdf(path)
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            width, height = page.get_size()
            textpage = page.get_textpage()
            chars = _chars(textpage, width)
            lines = tuple(_line(i + 1, height, group) for group in _group_lines(chars))
            if 2 * sum(c.hidden for c in chars) > len(chars):
                lines = _reading_order(lines)
            kept = tuple(l for l in lines if l.text)
            pages.append(Page(i + 1, width, height, kept, _image_share(page, width * height)))
            textpage.close()
            page.close()
        return pages
    except IngestError:
        raise
    except Exception as e:  # PDFium raises on damaged pages
        raise IngestError(f"{path}: cannot read the PDF's pages ({type(e).__name__}); is the file complete?") from None
    finally:
        doc.close()


def _image_share(page, area: float) -> float:
    """The share of the page's area its images cover (overlaps counted twice: a rough measure)."""
    import pypdfium2.raw as pdfium_c

    covered = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, right - left) * max(0.0, top - bottom)
    return covered / area if area else 0.0


#: How near a page's left or right edge sideways type is the page's furniture (points).
SIDE_BAND = 60.0


def _sideways(angles: list[float], xs: list[tuple[float, float]], width: float) -> set[int]:
    """The characters set at an angle to the page's text in its side margins: the symbol, page
    number and job number a landscape page (a calendar, a table, a letter's annexed photographs)
    prints along its edge. Read as text they stack into one-character lines (``A``, ``/7``, ``9/``)
    or join the page number into a heading (``6A/``). Sideways type inside the page (a table's
    column labels) is kept."""
    rounded = [round(a, 1) for a in angles]
    side = [x1 <= SIDE_BAND or x0 >= width - SIDE_BAND for x0, x1 in xs]
    inside = [a for a, s in zip(rounded, side) if not s]
    main = max(set(inside), key=inside.count) if inside else 0.0  # a page of photographs: upright
    return {i for i, (a, s) in enumerate(zip(rounded, side)) if s and a != main}


def _chars(textpage, width: float = 0.0) -> list[_Char]:
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    fonts: dict[int, tuple[bool, bool, bool]] = {}
    rect = pdfium_c.FS_RECTF()
    box = ctypes.byref(rect)  # the loose box: the glyph's advance, so gaps between boxes are spacing
    ox, oy = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    out: list[_Char] = []
    angles: list[float] = []  # each kept character's, to drop the sideways margin type (``_sideways``)
    for i in range(n):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        if code in (10, 13, 0xFFFE, 0xFFFF, 0):
            continue
        angles.append(pdfium_c.FPDFText_GetCharAngle(raw, i) if width else 0.0)
        ch = "-" if code == 2 else chr(code)
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ctypes.byref(ox), ctypes.byref(oy))
        size = pdfium_c.FPDFText_GetFontSize(raw, i)
        if size < 3 and pdfium_c.FPDFText_GetMatrix(raw, i, ctypes.byref(matrix)):
            size *= math.hypot(matrix.c, matrix.d)  # an OCR layer sets 1-point type scaled up by its matrix
        if ch.isspace():
            out.append(_Char(" ", rect.left, rect.right, oy.value, rect.top, rect.bottom, 0.0, False, False))
            continue
        obj = pdfium_c.FPDFText_GetTextObject(raw, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        style = fonts.get(key)
        if style is None:
            style = fonts[key] = (*_font_style(pdfium_c, raw, i), pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == 3)
        out.append(_Char(ch, rect.left, rect.right, oy.value, rect.top, rect.bottom, size, *style))
    if not width:
        return out
    skip = _sideways(angles, [(c.x0, c.x1) for c in out], width)
    return [c for i, c in enumerate(out) if i not in skip]


def _font_style(pdfium_c, raw, i: int) -> tuple[bool, bool]:
    """(bold, italic) of the font of character ``i``, from its weight and name."""
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(raw, i, buf, 256, ctypes.byref(flags))
    name = buf.value.decode("latin-1").lower().split("+")[-1]
    weight = pdfium_c.FPDFText_GetFontWeight(raw, i)
    bold = weight >= 600 or any(w in name for w in ("bold", "black", "heavy", "semibold", "demi"))
    italic = any(w in name for w in ("italic", "oblique")) or bool(flags.value & 64)
    return bold, italic


def _reading_order(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """An OCR layer's lines in reading order: the engine writes its text blocks in an order of
    its own (a page's paragraph 3 before 2 before 1), so runs of lines that go down the page
    without a jump are put in order of where they start."""
    runs: list[list[Line]] = []
    for l in lines:
        if runs and -0.5 * l.size <= l.top - runs[-1][-1].top <= 3 * l.size:
            runs[-1].append(l)
        else:
            runs.append([l])
    runs.sort(key=lambda run: run[0].top)
    return tuple(l for run in runs for l in run)


def _group_lines(chars: list[_Char]) -> list[list[_Char]]:
    """Split the characters (in PDFium's reading order) into printed lines by their baselines.

    A character opens a new line when its baseline moves by more than about half the font size,
    or when it jumps back to the left; a raised small mark (a footnote reference) stays on the
    line it belongs to.
    """
    lines: list[list[_Char]] = []
    cur: list[_Char] = []
    base = None  # (baseline, size) of the current line's main text
    last = None
    for c in chars:
        if c.ch == " ":
            if cur:
                cur.append(c)
            continue
        if base is None:
            cur.append(c)
            base = (c.y, c.size)
            last = c
            continue
        y0, s0 = base
        big = max(s0, c.size)
        new = abs(c.y - y0) > 0.6 * big
        if not new and last is not None and c.x0 < last.x0 - 2 * big and abs(c.y - y0) > 0.1 * big:
            new = True
        if not new and last is not None and c.x0 < last.x0 - 6 * big:
            new = True  # same baseline, back at the left: a table cell read out of order
        if new:
            lines.append(cur)
            cur = [c]
            base = (c.y, c.size)
        else:
            cur.append(c)
            if c.size > s0 * 1.15 and c.y < y0:
                base = (c.y, c.size)  # the line began with a raised mark; this is its text
        last = c
    if cur:
        lines.append(cur)
    return lines


#: A gap between two words this many ems wide or wider parts two cells of a row (``ECA    Economic
#: Commission for Africa``, ``Fiji    Initial report    CMW/C/FJI/QPR/1``): a justified line spaces
#: its words well under one em, a heading's label stands about two ems from its title.
GUTTER = 2.0


def _line(page: int, height: float, chars: list[_Char]) -> Line:
    ink = [c for c in chars if c.ch != " "]
    sizes = Counter(round(c.size, 1) for c in ink)
    size = max(sizes, key=lambda s: (sizes[s] * s, s))  # the main text's size, by ink
    base = sorted(c.y for c in ink if c.size >= 0.85 * size)
    y = base[len(base) // 2] if base else ink[0].y
    parts: list[str] = []
    refs: list[str] = []
    lead = ""
    raised_run = ""
    prev: _Char | None = None
    ink_prev: _Char | None = None  # the last inked character on the line itself (no raised mark)
    gutters: list[int] = []
    # A visible word space with no space character: a gap well above the line's letter spacing
    # (justified and letter-spaced lines space their letters wider, so the median is the yardstick).
    tight = sorted(b.x0 - a.x1 for a, b in zip(chars, chars[1:]) if a.ch != " " and b.ch != " ")
    spacing = tight[len(tight) // 2] if tight else 0.0
    for c in chars:
        raised = c.ch != " " and c.size < 0.85 * size and c.y > y + 0.15 * size
        if raised and (c.ch.isdigit() or c.ch in "*†‡§"):
            raised_run += c.ch
            continue
        if prev is not None and c.ch != " " and prev.ch != " " and not raised_run and c.x0 - prev.x1 - spacing > 0.15 * size:
            parts.append(" ")
        prev = c
        if raised_run:
            if not "".join(parts).strip():
                lead = raised_run
            else:
                refs.append(raised_run)
            raised_run = ""
            if c.ch.isalnum() or c.ch in "(“‘\"":
                parts.append(" ")
        if c.ch != " ":
            if ink_prev is not None and c.x0 - ink_prev.x1 >= GUTTER * size:
                gutters.append(len("".join(parts).split()))
            ink_prev = c
        parts.append(c.ch)
    if raised_run:
        if "".join(parts).strip():
            refs.append(raised_run)
        else:
            lead = raised_run
    text = fold_odd_chars(" ".join("".join(parts).split()))
    spaced = unglue_number(text)  # ``12.The``, printed glued: the number is a word of its own
    if spaced != text:
        text, gutters = spaced, [g + 1 for g in gutters]
    letters = max(1, sum(c.ch.isalpha() for c in ink))
    # A line is bold (italic) when nearly all of it is: a few bold names inside a sentence are not.
    bold = sum(c.bold for c in ink if c.ch.isalpha()) >= 0.85 * letters
    italic = sum(c.italic for c in ink if c.ch.isalpha()) >= 0.85 * letters
    return Line(
        page=page, text=text,
        x0=min(c.x0 for c in ink), x1=max(c.x1 for c in ink),
        top=height - max(c.top for c in ink), bottom=height - min(c.bottom for c in ink),
        size=size, bold=bold, italic=italic, refs=tuple(refs), lead_mark=lead, gutters=tuple(gutters),
    )
