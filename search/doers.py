"""The name a question makes the doer of its deed must not be replaced by another name doing that deed.

"On what date did the *Warf Jérémie group* launch a seaborne assault on Port Lafito?" is not answered by "On 8 October
2022, *5 Segond* launched a seaborne assault on Port Lafito": both groups are named in the paragraph (the names gate
passes), the date is of the asked type and the deed is the asked one, but another did it. A question whose main verb
has a subject that is a name (spaCy's parse: proper nouns under the subject) asks that name's deed; a sentence that
says the same verb (its stem) with a subject naming proper nouns, none of them the question's, is another's deed.
A sentence whose doer of the verb is a common noun, a pronoun or absent ("the group launched", "it was launched") is
left to the other rules: only a named other doer is evidence. Nor is a name that may be the asked doer's in another
form: a definite one-word title that points back ("the Government", "the Secretary-General": whose, the paragraph
said before), a person's name for a title asked or the reverse ("the Special Envoy" / "Hans Grundberg"), an acronym
whose letters are all initials of the other side's name in whatever order (MINUSCA, written in French word order, for
the English "United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic").
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
    titled: bool = False  # "the Special Envoy": a title, which a person's name in the sentence may be
    person: bool = False  # "Roza Otunbayeva": a person, whom a title in the sentence may be

    def done_by_another(self, sentence: str) -> bool:
        """True if ``sentence`` says this verb with a subject naming proper nouns, none of which are the asked doer's."""
        for tok in parsed(sentence):
            if _stem(tok.text) != self.verb:  # its part of speech aside: spaCy tags "did X accede" a noun at times
                continue
            for run in _joined([c for c in tok.children if c.dep_ == "nsubj"]):
                named = set().union(*(_proper_words(subj) for subj in run))
                if not named or any(_points_back(subj) or self._other_form(subj) for subj in run):
                    continue
                if not _same(named | set().union(*(_initials(subj) | _acronyms(subj) for subj in run)), self.names):
                    return True
        return False

    def _other_form(self, subj) -> bool:
        """True if the sentence names a person where a title is asked, or a title where a person is asked."""
        return (self.titled and _person(subj)) or (self.person and _definite(subj) and not _person(subj))


def asked_doer(question: str) -> Doer | None:
    """The doer a question names as the subject of its main verb ("did *Qatar* accede"), or None when the subject
    names no proper noun ("how many people were killed"), the verb is a light one ("have", "be") or passive ("when
    were the *Kosovo* election results announced": the subject is what was done, not who did it)."""
    doc = parsed(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or _stem(root.text) in _LIGHT or any(c.dep_ in ("auxpass", "nsubjpass") for c in root.children):
        return None
    for run in _joined([c for c in root.children if c.dep_ == "nsubj"]):
        if any(w.text.lower() in _WH for subj in run for w in subj.subtree):
            return None  # "which country's Vice-President addressed": the doer is what is asked
        if any(_proper_words(subj) for subj in run):
            words = {w.text.lower() for subj in run for w in subj.subtree
                     if w.is_alpha and len(w.text) > 1 and w.text.lower() not in _SKIP}
            extra = set().union(*(_initials(subj) | _acronyms(subj) for subj in run))
            return Doer(_stem(root.text), frozenset(words | extra), _definite(run[0]), any(_person(subj) for subj in run))
    return None


def _proper_words(subj) -> set[str]:
    """The proper nouns of a subject's phrase, lower-cased, its own clauses left out."""
    return {t.text.lower() for t in subj.subtree if t.pos_ == "PROPN" and t.text.lower() not in _SKIP
            and not any(a.dep_ in ("relcl", "acl", "appos") for a in t.ancestors if a in subj.subtree)}


def _joined(subjects: list) -> list[list]:
    """The subjects of one verb, those written as one word joined: spaCy parses "UN-Women supported" as three
    subjects ("UN", "-", "Women"), which are one name."""
    runs: list[list] = []
    for subj in subjects:
        if runs and not runs[-1][-1].whitespace_ and runs[-1][-1].i + 1 == subj.i:
            runs[-1].append(subj)
        else:
            runs.append([subj])
    return runs


def _initials(subj) -> set[str]:
    """The initials of the subject's run of capitalized words: "World Food Programme" -> "wfp" (a question's "WFP")."""
    owner = {w.i for o in subj.subtree if o.dep_ == "poss" for w in o.subtree}  # "UNFPA's": whose, not its name
    caps = [t.text for t in subj.subtree if t.text[:1].isupper() and t.is_alpha and t.i not in owner and t.dep_ != "det"]
    return {"".join(w[0] for w in caps).lower()} if len(caps) > 1 else set()


def _definite(subj) -> bool:
    """True if the subject opens with "the" ("the Special Envoy"): a title or a body, not a person's name."""
    return any(c.dep_ == "det" and c.text.lower() == "the" for c in subj.children)


def _person(subj) -> bool:
    """True if spaCy reads a person's name of two words or more in the subject's phrase ("Hans Grundberg"; one word
    alone is too often a country read as a person: "Mali")."""
    words = {t.i for t in subj.subtree}
    return any(e.label_ == "PERSON" and len(e) > 1 and e.start in words for e in subj.doc.ents)


def _points_back(subj) -> bool:
    """True if the subject is "the" and one capitalized word, hyphens joined ("the Government", "the
    Secretary-General"): a body or office the paragraph named before, as a pronoun would, not a name of its own."""
    proper = [t for t in subj.subtree if t.pos_ == "PROPN"]
    if (not proper or proper[-1].i != subj.i or not _definite(subj) or subj.text.isupper()
            or any(t.pos_ in ("ADJ", "NUM") and t.text[:1].isupper() for t in subj.subtree)):
        return False  # "the Kosovo authorities", "the SPO", "the Ivorian Government": a name of its own
    return " " not in subj.doc[proper[0].i:proper[-1].i + 1].text


def _acronyms(subj) -> set[str]:
    """The subject's acronyms, marked ("=minusca") so that only initials match them (``_same``)."""
    return {"=" + t.text.lower() for t in subj.subtree if len(t.text) >= 4 and t.text.isupper() and t.is_alpha}


def _same(said: set[str], asked: frozenset[str]) -> bool:
    """True if a word of each side is one name: equal, one's first five letters the other's ("Syria" / "Syrian",
    "Russia" / "Russian"), or initials ("WFP")."""
    if any(a == b or len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5] for a in said for b in asked):
        return True
    return _spells(said, asked) or _spells(asked, said)


def _spells(acronyms: set[str] | frozenset[str], words: set[str] | frozenset[str]) -> bool:
    """True if an acronym of one side has only letters that begin words of the other's name (three words at least),
    in any order: "MINUSCA" / "United Nations Multidimensional Integrated Stabilization Mission in the Central
    African Republic"."""
    plain = [w for w in words if not w.startswith("=") and w.isalpha()]
    firsts = {w[0] for w in plain}
    return len(plain) >= 3 and any(a.startswith("=") and set(a[1:]) <= firsts for a in acronyms)


def _stem(word: str) -> str:
    toks = tokenize([word])[0]
    return toks[0].stem if toks else word.lower()
