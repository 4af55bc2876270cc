"""Reading a UN PDF: characters to lines to page zones to numbered blocks to a ``Document``.

``layout`` reads each page's characters with pypdfium2 into lines that keep position, size and
weight; ``zones`` splits a page into header, body, footnotes and footer; ``front_page`` reads the
masthead symbol and title; ``geometry`` measures the page's margins and indents; ``segment``
turns body lines into numbered paragraph blocks and ``unnumbered`` splits text that has no numbers;
``document`` puts it together (``read_pdf``). May import ``ingest.text`` (cleaning, paragraph
chunks) and ``ingest.models``; never ``ingest.entities``, ``index`` or ``search``.
"""

from .document import pdf_to_text, read_pdf

__all__ = ["read_pdf", "pdf_to_text"]
