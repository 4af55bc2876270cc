"""Who signed a letter: the name its signature block prints, not a name its prose mentions.

The readers drop a letter's ``(Signed)`` mark and close its last paragraph with the signatory's
name and title ("... and of the Security Council. Andrii Melnyk Ambassador Permanent
Representative"), so "who signed the letter" is answered from that tail, in the letter the
question's words reach: the covering letter, or the annexed one the best paragraph is in.
"""

from __future__ import annotations

import re

from ingest.text.fragments import TITLE_WORD

from .models import Answer, Evidence, Hit

_ASKS = re.compile(r"(?i)^\s*(?:who\s+(?:signed|sent|wrote|transmitted)\b|whose\s+(?:signature|name)\s+"
                   r"(?:is|was|appears)\b|who\s+(?:is|was)\s+the\s+signatory\b)")
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|de|da|del|dos|das|van|von|bin|al|el|la|le)"
_TAIL = re.compile(r"(?:^|[.;:!?][”’\")]*\s+)(?P<name>[A-Z][\w.'’-]*(?:\s+" + _NAME_WORD + r"){1,4}?)\s+"
                   r"(?P<title>" + TITLE_WORD + r"\b(?:\s+(?:[A-Z][\w'’-]*|of|for|to|the|and|on|in))*)\s*$")


def asks_signatory(question: str) -> bool:
    """True for "who signed / sent / wrote ..." and "who is the signatory of ...". """
    return bool(_ASKS.search(question))


_OF_A_DOCUMENT = re.compile(r"(?i)\b(?:letter|note(?: verbale)?|report|communication|document|memorandum|"
                            r"transmittal)s?\b")


def only_a_signature_answers(question: str) -> bool:
    """True when the question asks who signed a document ("who signed the *report* of ..."): with no
    signature block to read, no sentence answers it (the names a report mentions did not sign it)."""
    return asks_signatory(question) and bool(_OF_A_DOCUMENT.search(question))


def signature(text: str) -> tuple[str, str] | None:
    """The signatory's name and the whole signature (name and title) closing a chunk, if any."""
    m = _TAIL.search(text)
    if m is None or re.search(r"\b(?:is|are|was|were|has|have|had|will|shall)\b", m.group(0)):
        return None
    return m.group("name"), f"{m.group('name')} {' '.join(m.group('title').split())}"


def signatory_answer(searcher, question: str, hits: list[Hit], docs: list[str]) -> Answer | None:
    """The signature of the letter the question is about: in its document (the subject's, else the
    best hit's), the first signed paragraph of the part the best hit is in, else of the document."""
    from .answer import cite

    symbol = docs[0] if docs else hits[0].symbol
    best = next((h for h in hits if h.symbol == symbol), None)
    signed = [(h, sig) for h in searcher.chunks(symbol) if (sig := signature(h.text))]
    if not signed:
        return None
    in_part = [x for x in signed if best is not None and x[0].part == best.part]
    hit, (name, whole) = (in_part or signed)[0]
    text = f"{cite(name, hit.citation)} {cite(whole, hit.citation)}"
    return Answer(question, text, (hit.citation,), (Evidence(hit.citation, whole),))
