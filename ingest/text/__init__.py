"""Turning extracted text into clean, numbered, sectioned paragraphs (``parse_text``).

``furniture`` strips page headers, footers and job numbers; ``clean`` and its helpers
(``splitwords``, ``broken_forms``, ``footnote_refs``, ``vocabulary``) repair what extraction broke;
``sections`` tracks the heading path; ``paragraphs`` cuts the numbered paragraphs, summary and
tables into chunks. Pure functions of text: may import ``ingest.models`` only, never
``ingest.pdf``, ``ingest.entities``, ``index`` or ``search``.
"""

from .paragraphs import parse_text

__all__ = ["parse_text"]
