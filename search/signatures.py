"""Who signed a letter: the name its signature block prints, not a name its prose mentions.

The readers drop a letter's ``(Signed)`` mark and close its last paragraph with the signatory's
name and title ("... and of the Security Council. Andrii Melnyk Ambassador Permanent
Representative"; or, in a letter's last paragraph, the name alone: "... of the Security Council.
Vassily Nebenzia"), so "who signed the letter" is answered from that tail, in the letter the
question names ("the *first* of the letters annexed", "the letter in *annex II*") or its words reach:
the covering letter, or the annexed one the best paragraph is in.
"""

from __future__ import annotations

import re

from ingest.text.fragments import TITLE_WORD

from .models import Answer, Evidence, Hit
from .ordinals import ordinal_number

_ASKS = re.compile(r"(?i)^\s*(?:who\s+(?:signed|sent|wrote|transmitted)\b|whose\s+(?:signature|name)\s+"
                   r"(?:is|was|appears)\b|who\s+(?:is|was)\s+the\s+signatory\b)")
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|de|da|del|dos|das|van|von|bin|al|el|la|le)"
_TAIL = re.compile(r"(?:^|[.;:!?][”’\")]*\s+)(?P<name>[A-Z][\w.'’-]*(?:\s+" + _NAME_WORD + r"){1,4}?)\s+"
                   r"(?P<title>" + TITLE_WORD + r"\b(?:\s+(?:[A-Z][\w'’-]*|of|for|to|the|and|on|in|d[’']affaires|a\.\s?i\.|"
                   r"ad interim))*)\s*$")  # (a chargé's title: "Dmitry Polyanskiy Chargé d’affaires a.i.")
# A letter's last paragraph may close with the name alone ("... and of the Security Council. Vassily Nebenzia").
_BARE_TAIL = re.compile(r"[.!?][”’\")]*\s+(?P<name>[A-Z][\w.'’-]*(?:\s+" + _NAME_WORD + r"){1,3})\s*$")


# "Which Russian *chargé* d'affaires a.i. signed the first of the letters ...": a person asked by what they are.
_WHICH_SIGNER = re.compile(r"(?i)^\s*(?:which|what)\s+(?:[\w.'’-]+\s+){0,3}?(?:" + TITLE_WORD + r"|officials?|diplomats?|"
                           r"envoys?|persons?|representatives?|ambassadors?)\b(?:\s+[\w.'’-]+){0,3}?\s+(?:signed|sent)\b")
_A_LETTER = re.compile(r"(?i)\b(?:letter|note(?: verbale)?|communication|memorandum)s?\b")


def asks_signatory(question: str) -> bool:
    """True for "who signed / sent / wrote ...", "who is the signatory of ..." and "which <official> signed
    the letter ..." (a letter or note named: "which country signed the treaty" asks no signature block, "which
    Special Rapporteur wrote the report" its author)."""
    return bool(_ASKS.search(question)) or bool(_WHICH_SIGNER.search(question) and _A_LETTER.search(question))


_OF_A_DOCUMENT = re.compile(r"(?i)\b(?:letter|note(?: verbale)?|report|communication|document|memorandum|"
                            r"transmittal)s?\b")
# "the *first* of the letters annexed", "the *second* annexed letter", "the letter in the *third* annex".
_NTH_ANNEXED = re.compile(r"(?i)\b(first|second|third|fourth|fifth|sixth)\s+(?:of\s+the\s+)?(?:(?:annexed\s+)?(?:letters?|notes?|"
                          r"communications?)\s+(?:annexed|in\s+(?:the\s+)?annex)|annex(?:ed\s+(?:letter|note|communication))?\b)")
_ANNEX_NAMED = re.compile(r"\b(annex\s+[IVX]+|annex\s+\d+)\b", re.I)


def only_a_signature_answers(question: str) -> bool:
    """True when the question asks who signed a document ("who signed the *report* of ..."): with no
    signature block to read, no sentence answers it (the names a report mentions did not sign it)."""
    return asks_signatory(question) and bool(_OF_A_DOCUMENT.search(question))


def signature(text: str, closing: bool = False) -> tuple[str, str] | None:
    """The signatory's name and the whole signature (name and title) closing a chunk, if any; a name alone
    when the chunk is the last of its letter (``closing``), after a sentence's end."""
    m = _TAIL.search(text)
    if m is None or re.search(r"\b(?:is|are|was|were|has|have|had|will|shall)\b", m.group(0)):
        bare = _BARE_TAIL.search(text) if closing else None
        if bare is None or re.search(r"\b(?:is|are|was|were|has|have|had|will|shall|The|This|These|United|Nations|"
                                     r"Council|Assembly|Committee|Commission|Republic|Annex|Enclosure)\b", bare.group("name")):
            return None
        return bare.group("name"), bare.group("name")
    return m.group("name"), f"{m.group('name')} {' '.join(m.group('title').split())}"


def asked_part(question: str, parts: list[str]) -> str | None:
    """The part of a letter the question names ("the letter in *annex II*") or numbers ("the *first* of the
    letters annexed": the first annex), of the document's ``parts`` in order; None when it names none."""
    annexes = [p for p in parts if p.lower().startswith("annex")]
    if m := _ANNEX_NAMED.search(question):
        return next((p for p in annexes if p.lower() == " ".join(m.group(1).lower().split())), None)
    if m := _NTH_ANNEXED.search(question):
        n = ordinal_number(m.group(1))
        return annexes[n - 1] if len(annexes) >= n else None
    return None


def signatory_answer(searcher, question: str, hits: list[Hit], docs: list[str]) -> Answer | None:
    """The signature of the letter the question is about: in its document (the subject's, else the
    best hit's), the first signed paragraph of the part the best hit is in, else of the document."""
    from .answer import cite

    symbol = docs[0] if docs else hits[0].symbol
    best = next((h for h in hits if h.symbol == symbol), None)
    chunks = list(searcher.chunks(symbol))
    ends = {h.part: h.citation for h in chunks}  # each part's last paragraph closes its letter
    signed = [(h, sig) for h in chunks if (sig := signature(h.text, closing=ends[h.part] == h.citation))]
    if not signed:
        return None
    part = asked_part(question, list(ends)) or (best.part if best is not None else None)
    in_part = [x for x in signed if x[0].part == part]
    titled = [x for x in signed if x[1][0] != x[1][1]]  # elsewhere, a block with a title before a name alone
    hit, (name, whole) = (in_part or titled or signed)[0]
    text = f"{cite(name, hit.citation)} {cite(whole, hit.citation)}"
    return Answer(question, text, (hit.citation,), (Evidence(hit.citation, whole),))
