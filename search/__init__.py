"""Cited paragraph search: ``from search import Searcher; Searcher.open().search("...")``."""

from paracite.errors import (IndexBusy, IndexMismatch, IndexNotFound, IngestError, InvalidQuery,
                           NotFound, ParaciteError, UsageError)

from .models import Answer, Evidence, Hit
from .searcher import Searcher

__all__ = ["Searcher", "Hit", "Answer", "Evidence", "ParaciteError", "IndexNotFound", "IndexMismatch",
           "InvalidQuery", "IngestError", "NotFound", "UsageError", "IndexBusy"]
