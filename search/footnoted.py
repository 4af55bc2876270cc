"""The document a sentence cites by its footnote: the symbol a "which document" question asks for.

United Nations documents name the documents they cite in footnotes ("the Council applies the rules of
procedure established for committees of the General Assembly[1]" / "1 A/520/Rev.17."), so the sentence
that says what the document is never writes its symbol. Extraction drops the footnote mark, so which
sentence a footnote belongs to is unknown: only a paragraph with a single footnote that holds symbols
lends them to its sentences (with two, a symbol could be another sentence's).
"""

from __future__ import annotations

from dataclasses import replace

from .answer_types import symbol_spans
from .evidence import ScoredSentence
from .terms import tokenize

#: how an appended footnote is shown in the quoted sentence
_MARK = " [footnote: {}]"


def with_footnote(s: ScoredSentence) -> ScoredSentence | None:
    """``s`` with its paragraph's one symbol-bearing footnote appended to its text, or None when the
    sentence writes a symbol of its own or the paragraph has no such footnote, or more than one."""
    if symbol_spans(s.sentence.text):
        return None
    noted = [f.strip() for f in s.hit.footnotes if symbol_spans(f)]
    if len(noted) != 1:
        return None
    text = s.sentence.text + _MARK.format(noted[0])
    return replace(s, sentence=replace(s.sentence, text=text), tokens=tuple(tokenize([text])[0]))
