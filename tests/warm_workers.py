"""Imported by the test run's fork server only (``conftest.warm_fork_server``): it reads and tags a
short real text once, so the ingest workers forked from that server start with what a worker loads
on its first file (the spaCy pipeline, the city names, the word frequencies, compiled patterns)
already in memory. Without it each in-process ingest's worker loads them itself: 4-6 s a time on
these machines, some 150 ingests in the suite. The ingests run as subprocesses (Ctrl-C, kill, a
user's script) still start cold."""

import tempfile
from pathlib import Path

from index.workers import read_one
from report_excerpts import report_excerpt


def _warm() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = report_excerpt(Path(folder), "warm.txt", "A/69/901", 1, 3)
        read_one(str(path), "warm", tag=True)  # a Skip would only mean less is warm
    try:
        import pypdfium2  # noqa: F401  (what the PDF reader imports on its first page)
        import pypdfium2.raw  # noqa: F401
    except ImportError:
        pass


_warm()
