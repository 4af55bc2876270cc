"""paracite: paragraph-cited search over UN reports. To use it, start with ``search``
(``help(search)``): ``from search import Searcher; Searcher.open("my-index").search("...")``, and
``index.build.ingest(["reports/"], "my-index")`` to index your own PDFs; on the command line,
``paracite --help``.

This package holds what every layer of paracite shares: the error hierarchy (``paracite.errors``) and
the wording of its messages for each front end (``paracite.wording``).

It sits below ``ingest``, ``index`` and ``search`` and imports none of them, so each layer can
raise and catch the same errors without importing the layer above or below it.
"""
