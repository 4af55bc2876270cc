"""Reading UN reports into cited chunks: parsing, cleaning, entity tagging."""

from .errors import IngestError, ParaciteError
from .models import Chunk, Document, Entity, format_citation
from .paragraphs import parse_text
from .reader import read_document, iter_sources

__all__ = ["Chunk", "Document", "Entity", "IngestError", "ParaciteError", "format_citation",
           "parse_text", "read_document", "iter_sources"]
