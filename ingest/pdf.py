"""Text from UN PDFs (placeholder reader; see issue 3 for the layout-aware one)."""

from __future__ import annotations

from pathlib import Path

from .errors import IngestError


def pdf_to_text(path: Path) -> str:
    """Extract a PDF's text page by page, separated by form feeds."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise IngestError(f"{path}: the PDF is encrypted")
        pages = [p.extract_text() or "" for p in reader.pages]
    except IngestError:
        raise
    except Exception as e:  # pypdf raises many kinds on corrupt files
        raise IngestError(f"{path}: cannot read the PDF ({type(e).__name__})") from None
    text = "\f".join(pages)
    if not text.strip():
        raise IngestError(f"{path}: the PDF has no text layer (scanned image?)")
    return text
