"""Cited paragraph search over UN reports. Start here::

    from index.build import ingest          # once: your PDFs (files or folders) into an index folder
    ingest(["reports/"], "my-index")        # again later: only new or changed files are read

    from search import Searcher
    s = Searcher.open("my-index")           # Searcher.open() alone: the bundled report's index
    for hit in s.search("cost of sending money home", k=5, since="2025", body="ECOSOC"):
        print(hit.citation, hit.text)       # a Hit: citation "A/69/207, para. 46", section, text, score
    s.ask("How many international migrants were there in 2013?").text   # an Answer, every sentence cited
    s.get("A/69/207", 46)                   # one paragraph; s.documents() lists what the index holds

Errors are ``ParaciteError`` subclasses (``NotFound`` for an unknown symbol or paragraph, ``UsageError``
for a bad argument, ``IndexNotFound`` for a folder that holds no index), each with a one-line message.
"""

from paracite.errors import (IndexBusy, IndexMismatch, IndexNotFound, IngestError, InvalidQuery,
                           NotFound, ParaciteError, UsageError)

from .models import Answer, Evidence, Hit
from .searcher import Searcher

__all__ = ["Searcher", "Hit", "Answer", "Evidence", "ParaciteError", "IndexNotFound", "IndexMismatch",
           "InvalidQuery", "IngestError", "NotFound", "UsageError", "IndexBusy"]
