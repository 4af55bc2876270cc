"""Why a file is not indexed, in words its owner understands (issue #18).

A library folder holds what people saved: pages of the UN document system that say a document
does not exist, scans without a text layer, notes and briefs that print no UN symbol. The first
two are skipped with a reason that says what to do; a readable file without a symbol is indexed
under a name taken from its file name (``fallback_symbol``) and cited by page and paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

NOT_FOUND_PAGE = "not a document: a 'does not exist' page from the UN document system"
SCANNED = "scanned: no text layer, run OCR first"

# The document system's error page, saved as a PDF or text in place of the document asked for.
_NOT_FOUND = re.compile(r"(?:document|page)\s+you\s+are\s+looking\s+for\s+(?:does\s+not|doesn.t)\s+exist"
                        r"|requested\s+document\s+(?:does\s+not|doesn.t)\s+exist", re.I)
_LANG = re.compile(r"\.(?:en|fr|es|ar|ru|zh)$", re.I)


@dataclass(frozen=True)
class Skip:
    """One file left out: where, at which stage (read, parse, tag, embed, time limit), and why."""

    source: str
    stage: str
    reason: str
    trace: str = ""  # the traceback of an unexpected error, shown with PARACITE_DEBUG=1

    def line(self) -> str:
        """The one line a user sees: ``FILE: reason`` when the file itself could not be read or parsed
        (the stage, "(parse)", meant nothing to a user: the reason says what is wrong with the file);
        ``FILE (stage): reason`` for a time limit, and for a fault of paracite's (a traceback kept, an
        embedding or tagging failure), where the stage helps a report."""
        if self.stage in ("read", "parse") and not self.trace:
            return f"{self.source}: {self.reason}"
        return f"{self.source} ({self.stage}): {self.reason}"


def is_not_found_page(text: str) -> bool:
    """True for the UN document system's "does not exist" page (a short page saying so)."""
    return len(text) < 6000 and bool(_NOT_FOUND.search(text))


def fallback_symbol(path: str | Path) -> str:
    """A stable name for a document without a UN symbol: its file name without extensions.

    ``policy brief 12.en.pdf`` → ``policy-brief-12``. It contains no ``/``, so it never
    collides with a UN symbol.
    """
    stem = _LANG.sub("", Path(path).stem)
    name = re.sub(r"[^\w.\-]+", "-", stem).strip("-.")
    return name or "document"


def strip_source(message: str, source: str) -> str:
    """A reader's message without the file name it starts with (the skip line names the file):
    ``"x.jsonl, line 3: not JSON"`` becomes ``"line 3: not JSON"``."""
    if message.startswith(f"{source}: "):
        return message[len(source) + 2:]
    return message[len(source) + 2:] if message.startswith(f"{source}, line ") else message
