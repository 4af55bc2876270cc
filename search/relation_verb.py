"""The verb a do-support question ends its clause with, when the parser took it for a noun of the name before it.

"What period does the Global Strategy for Sustainable Consumption and Production *cover*, as named in ...?": spaCy
reads "Production cover" as a compound noun, so "cover" counted as a subject word the answer's sentence must hold.
It is the question's relation (the sentence says "...Production 2023–2030"), a verb paraphrased or left unsaid
like every other verb of the question. In a question whose wh-phrase takes "do" ("what period *does* ..."), the
clause's bare verb comes after the subject; a clause with no verb after the "do" has mis-read that verb as a noun:
it is the clause's last word.
"""

from __future__ import annotations

_CLAUSE_END = frozenset({",", ";", ":", "?", "!", "."})


def misread_verb(doc) -> str | None:
    """The lower-case last word of the clause after an interrogative "do" holding no verb, else None."""
    aux = next((t for t in doc[:6] if t.lemma_.lower() == "do" and t.tag_ in ("VBZ", "VBD", "VBP")), None)
    if aux is None or not any(t.tag_ in ("WDT", "WP", "WRB") for t in doc[:aux.i]):
        return None  # not "What ... does": a statement's "do", or a yes/no question
    clause = []
    for t in doc[aux.i + 1:]:
        if t.text in _CLAUSE_END or t.dep_ == "mark":  # ", as named in ...": another clause
            break
        clause.append(t)
    if len(clause) < 2 or any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None  # "What does the report say about costs": its verb is read as one
    last = clause[-1]
    if not last.is_alpha or not last.text.islower() or not (last.i > 0 and doc[last.i - 1].text[:1].isupper()):
        return None  # only right after a name, which the parser carries on into
    if last.tag_ == "NNS":
        return None  # "did the incumbent party win in the Kosovo *elections*": a plural is a noun (a bare verb has no -s)
    return last.text
