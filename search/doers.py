"""The name a question makes the doer of its deed must not be replaced by another name doing that deed.

"On what date did the *Warf Jérémie group* launch a seaborne assault on Port Lafito?" is not answered by "On 8 October
2022, *5 Segond* launched a seaborne assault on Port Lafito": both groups are named in the paragraph (the names gate
passes), the date is of the asked type and the deed is the asked one, but another did it. A question whose main verb
has a subject that is a name (spaCy's parse: proper nouns under the subject) asks that name's deed; a sentence that
says the same verb (its stem) with a subject naming proper nouns, none of them the question's, is another's deed.
A sentence whose doer of the verb is a common noun, a pronoun or absent ("the group launched", "it was launched") is
left to the other rules: only a named other doer is evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from .answer_types import parsed
from .terms import tokenize

_SUBJECTS = ("nsubj", "nsubjpass")
_LIGHT = frozenset({"be", "is", "ar", "wa", "were", "have", "ha", "had", "do", "doe", "did", "said", "sai", "say"})
_WH = frozenset({"which", "what", "who", "whose", "whom"})
_SKIP = frozenset({"the", "of", "and", "for", "on", "in"})


@dataclass(frozen=True)
class Doer:
    """The stem of a question's main verb and the words of its subject (lower-cased, with its initials)."""

    verb: str
    names: frozenset[str]

    def done_by_another(self, sentence: str) -> bool:
        """True if ``sentence`` says this verb with a subject naming proper nouns, none of which are the asked doer's."""
        for tok in parsed(sentence):
            if _stem(tok.text) != self.verb:  # its part of speech aside: spaCy tags "did X accede" a noun at times
                continue
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                named = _proper_words(subj)
                if named and not _same(named | _initials(subj), self.names):
                    return True
        return False


def asked_doer(question: str) -> Doer | None:
    """The doer a question names as the subject of its main verb ("did *Qatar* accede"), or None when the subject
    names no proper noun ("how many people were killed"), the verb is a light one ("have", "be") or passive ("when
    were the *Kosovo* election results announced": the subject is what was done, not who did it)."""
    doc = parsed(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or _stem(root.text) in _LIGHT or any(c.dep_ in ("auxpass", "nsubjpass") for c in root.children):
        return None
    for subj in (c for c in root.children if c.dep_ == "nsubj"):
        if any(w.text.lower() in _WH for w in subj.subtree):
            return None  # "which country's Vice-President addressed": the doer is what is asked
        if _proper_words(subj):
            words = {w.text.lower() for w in subj.subtree if w.is_alpha and len(w.text) > 1 and w.text.lower() not in _SKIP}
            return Doer(_stem(root.text), frozenset(words | _initials(subj)))
    return None


def _proper_words(subj) -> set[str]:
    """The proper nouns of a subject's phrase, lower-cased, its own clauses left out."""
    return {t.text.lower() for t in subj.subtree if t.pos_ == "PROPN" and t.text.lower() not in _SKIP
            and not any(a.dep_ in ("relcl", "acl", "appos") for a in t.ancestors if a in subj.subtree)}


def _initials(subj) -> set[str]:
    """The initials of the subject's run of capitalized words: "World Food Programme" -> "wfp" (a question's "WFP")."""
    owner = {w.i for o in subj.subtree if o.dep_ == "poss" for w in o.subtree}  # "UNFPA's": whose, not its name
    caps = [t.text for t in subj.subtree if t.text[:1].isupper() and t.is_alpha and t.i not in owner and t.dep_ != "det"]
    return {"".join(w[0] for w in caps).lower()} if len(caps) > 1 else set()


def _same(said: set[str], asked: frozenset[str]) -> bool:
    """True if a word of each side is one name: equal, one's first five letters the other's ("Syria" / "Syrian",
    "Russia" / "Russian"), or initials ("WFP")."""
    return any(a == b or len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5] for a in said for b in asked)


def _stem(word: str) -> str:
    toks = tokenize([word])[0]
    return toks[0].stem if toks else word.lower()
