"""Small PDFs written byte by byte for the tests: a letter with no numbered paragraphs, an
image-only scan, a truncated file and an encrypted copy (issue 3).

Text is placed with the standard Times fonts, so PDFium reads each line's position, size and
weight as it does in a real UN PDF.
"""

from __future__ import annotations

from pathlib import Path

WIDTH, HEIGHT = 612, 792

# (x, top, size, bold, text) per line; ``top`` is measured from the page's top edge, as in
# ingest.layout.
Line = tuple[float, float, float, bool, str]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content(lines: list[Line]) -> bytes:
    ops = []
    for x, top, size, bold, text in lines:
        font = "F2" if bold else "F1"
        ops.append(f"BT /{font} {size} Tf 1 0 0 1 {x} {HEIGHT - top - size} Tm ({_escape(text)}) Tj ET")
    return "\n".join(ops).encode("latin-1")


_IMAGE = b"q 200 0 0 200 150 400 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"


# A page scanned without OCR: a picture of text over most of the page, under a printed running header.
_SCANNED_PAGE = b"q 480 0 0 600 66 90 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q"


def write_pdf(path: Path, pages: list[list[Line]] | None = None, *, image_only: bool = False,
              scanned: tuple[int, ...] = ()) -> Path:
    """Write a PDF of text pages (or one page holding only an image) to ``path``.

    ``scanned`` pages (1-based) also carry a picture over most of the page, as a page scanned without OCR does.
    """
    streams = [_IMAGE] if image_only else [
        (_SCANNED_PAGE + b"\n" if k + 1 in scanned else b"") + _content(p) for k, p in enumerate(pages or [])]
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for stream in streams:
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (WIDTH, HEIGHT, content))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _para(first_top: float, lines: list[str], indent: float = 147.0, margin: float = 124.0) -> list[Line]:
    """Body lines of one paragraph, its first line indented, 12 points apart."""
    return [(indent if k == 0 else margin, first_top + 12 * k, 10, False, t) for k, t in enumerate(lines)]


def letter_pages() -> list[list[Line]]:
    """A two-page Security Council letter: masthead, bold title, unnumbered paragraphs."""
    page1: list[Line] = [
        (123, 43, 14, False, "United Nations S/2025/41"),
        (124, 72, 20, True, "Security Council"),
        (397, 80, 10, False, "Distr.: General"),
        (397, 92, 10, False, "20 January 2025"),
        (124, 215, 14, True, "Letter dated 17 January 2025 from the Permanent Representative"),
        (124, 231, 14, True, "of Norway addressed to the President of the Security Council"),
    ]
    page1 += _para(270, [
        "I have the honour to transmit herewith the summary of the open debate of the Security",
        "Council on the protection of civilians in armed conflict, held on 10 January 2025 under",
        "the presidency of Norway.",
    ])
    page1 += _para(312, [
        "Speakers stressed that humanitarian access must be safe, rapid and unimpeded, and that",
        "the protection of humanitarian workers and medical facilities is an obligation under",
        "international humanitarian law which all parties to armed conflict must respect in",
    ])
    page1.append((65, 740, 7, False, "25-00001 (E)"))
    page2: list[Line] = [(60, 53, 8.5, True, "S/2025/41")]
    page2 += _para(90, [
        "every circumstance, including in densely populated areas.",
    ], indent=124)
    page2 += _para(114, [
        "I should be grateful if the present letter could be circulated as a document of the",
        "Security Council.",
    ])
    page2 += [(124, 160, 10, False, "(Signed) Tore Hattrem"), (60, 749, 7, False, "2/2 25-00001")]
    return [page1, page2]


def encrypt_copy(src: Path, dst: Path, password: str = "secret") -> Path:
    """An encrypted copy of ``src`` that opens only with ``password``."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(src)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")  # RC4 needs no `cryptography` package
    with dst.open("wb") as f:
        writer.write(f)
    return dst


def letter_with_annex_pages() -> list[list[Line]]:
    """The letter, then an annex on a page of its own whose paragraphs are numbered 1, 2, 3."""
    pages = letter_pages()
    annex: list[Line] = [
        (60, 53, 8.5, True, "S/2025/41"),
        (60, 75, 14, True, "Annex"),
        (124, 96, 14, True, "Summary of the open debate"),
    ]
    top = 130.0
    for n, lines in enumerate([
        ["The open debate was attended by representatives of 74 Member States and of the",
         "International Committee of the Red Cross."],
        ["Several speakers called for accountability for attacks on hospitals and schools."],
        ["The President closed the debate by thanking all participants for their contributions."],
    ], start=1):
        annex.append((124, top, 10, False, f"{n}. {lines[0]}"))
        annex += [(124, top + 12 * k, 10, False, t) for k, t in enumerate(lines[1:], start=1)]
        top += 12 * len(lines) + 6
    annex.append((60, 749, 7, False, "3/3 25-00001"))
    return pages + [annex]
