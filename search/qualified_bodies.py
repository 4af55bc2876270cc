"""A body the question names by its qualifier is not answered by another body sharing its head noun.

"Who chairs the Special Committee *on decolonization*?" is not answered by the report of the Special Committee on
Peacekeeping Operations ("the delegation of Nigeria ... to serve as Chair"): both are "the Special Committee", and the
names gate (``search.names``) reads only the capitalized run, so the lower-case qualifier ("on decolonization", "on
enforced disappearances", "on arbitrary detention") went unread. A paragraph answers such a question only if the
qualifier's words are said by the paragraph, its headings, the chunk it goes on from, or its document's title or
subject (the report *of* the Special Committee on Peacekeeping Operations need not repeat "peacekeeping"), each word
by its family (``answer.word_forms``: "decolonization" by "Colonial Countries"), or if
its document writes the qualifier somewhere: a body known in its own documents by another name than the question's
(the Special Committee on decolonization is the "Special Committee on the Situation with regard to the Implementation
of the Declaration on the Granting of Independence to Colonial Countries and Peoples") is still recognized by its
documents' speaking of decolonization, where the peacekeeping Committee's report never does. Where neither tells,
refusing is better than answering from the wrong body. A capitalized qualifier ("the Committee on
the Rights of the Child") is part of the name the names gate already reads.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .carried import chunk_before
from .terms import tokenize

#: the head nouns of bodies (capitalized, as a body's name writes them)
_HEADS = (r"(?:Committee|Council|Commission|Working Group|Group|Forum|Board|Panel|Mechanism|Conference|Task Force|"
          r"Subcommittee|Sub-Commission|Tribunal|Network|Platform)")  # not "the General Assembly on X": a topic
#: what ends a qualifier: a time, a place or a clause ("on decolonization *in* 2025", "on inquiries *under* ...")
_STOP = (r"(?:in|at|during|since|by|from|to|with|under|over|before|after|for|who|whom|which|that|is|was|are|were|has|"
         r"have|had|did|does|do|will|would|can|could|should|be|been|this|its|their|as|when|where|how|what|why|whose|on|"
         r"about|chaired|"
         r"led|held|met|meet|meets|said|found|made|took|gave|chair|chairs|serve|serves|(?:recommend|decide|adopt|note|say|"
         r"find|hold|approve|express|welcome|consider|conclude|examine|review|issue|publish|propose|agree|establish|launch|"
         r"endorse|call|urge|request|report|state|observe|highlight|stress|identify|receive|submit|convene|elect|appoint|"
         r"take|make|give|discuss|address|emphasi[sz]e|underline|reaffirm|recogni[sz]e|acknowledge|accept|reject|plan|"
         r"require|include|cover|consist|comprise|list|contain|provide|produce|prepare|transmit|send|mention|describe|"
         r"conduct|organi[sz]e|host|visit|hear|invite|decline|postpone|defer|extend|renew|designate|nominate|vote)"
         r"(?:s|es|d|ed|ing)?)")
_WORD = r"(?!" + _STOP + r"\b)[a-z][\w'’-]*"
#: "Special Committee on decolonization", "Working Group on enforced or involuntary disappearances"
_QUALIFIED = re.compile(r"(?<![\w-])(?:[A-Z][\w'’-]*\s+)*" + _HEADS + r"\s+(?:on|of|for)\s+(?:(?:the|an?)\s+)?"
                        r"(" + _WORD + r"(?:(?:,?\s+(?:and|or|of|the)\s+|\s+)" + _WORD + r"){0,5})")


@lru_cache(maxsize=512)
def qualifier_phrases(question: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each lower-case qualifier the question gives a body, as written and as stems ("decolonization", {"decolon"}
    for "the Special Committee on decolonization"); a phrase with no word to stem is none. Empty
    when the question gives none."""
    out = []
    for m in _QUALIFIED.finditer(question):
        if _TOLD.search(question[:m.start()]):
            continue  # "what did the Secretary-General *brief* the Security Council on": the topic, no qualifier
        text = re.sub(r"['’]s?$", "", m.group(1))  # "the Special Committee on *decolonization's* seminar"
        stems = frozenset(t.stem for t in tokenize([text])[0] if t.text.lower() not in _LINKS)
        if stems:
            out.append((text, stems))
    return tuple(out)


_LINKS = frozenset("and or of the a an".split())
#: a verb whose object the body is, and whose complement the "on ..." is: "briefed the Council on the situation"
_TOLD = re.compile(r"(?i)\b(?:brief\w*|inform\w*|report\w*|updat\w*|told|tell\w*|address\w*|advis\w*|consult\w*|"
                   r"submit\w*|present\w*|wr[io]t\w*|appeal\w*|call\w*|urg\w*|request\w*|ask\w*|remind\w*|"
                   r"notif\w*|warn\w*|assur\w*)(?:\s+to)?\s+(?:the\s+)?$")


def of_the_body(searcher, question: str, hit) -> bool:
    """True if the paragraph ``hit`` (with its headings, the chunk it goes on from, and its document's title and
    subject) says every qualifier the question gives a body, or its document writes the qualifier as written in the
    question ("decolonization" in the Special Committee's own note, whose title and paragraphs name it otherwise)."""
    wanted = qualifier_phrases(question)
    if not wanted:
        return True
    from .subject import document_cites, library  # (they read the index: only for a question that qualifies a body)
    profile = library(searcher).profiles.get(hit.symbol)
    context = " ".join([hit.text, *hit.section, chunk_before(hit)])
    stems = {t.stem for t in tokenize([context])[0]}
    if profile is not None:
        stems |= profile.title_stems | profile.subject_stems
    return all(all(_said(t, stems) for t in tokenize([text])[0] if t.text.lower() not in _LINKS)
               or document_cites(searcher, hit.symbol, text) for text, _ in wanted)


def _said(token, stems: set[str]) -> bool:
    """True if ``stems`` say the qualifier's word or, by a stem's start, a word of its family ("decolonization": the
    "Colonial Countries" of a heading, ``answer.word_forms``)."""
    from .answer import word_forms

    return token.stem in stems or any(st.startswith(f) for f in word_forms(token.text, token.stem) - {token.stem}
                                      for st in stems)
