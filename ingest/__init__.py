"""Reading UN reports into cited chunks: parsing, cleaning, entity tagging."""

from paracite.errors import IngestError, ParaciteError
from .export import from_export
from .models import Chunk, Document, Entity, format_citation
from .text.paragraphs import parse_text
from .reader import iter_sources, read_document, read_documents

__all__ = ["Chunk", "Document", "Entity", "IngestError", "ParaciteError", "format_citation",
           "parse_text", "read_document", "read_documents", "iter_sources", "from_export"]
