"""Tell people from bodies and places, across a whole document (issue 4).

The small model calls many people organizations or places ("François-Xavier Nzuwonemeye",
"Petar Jojić") and some towns people ("Pristina's closures"). One mention decides little; the
document decides more: every span the model labels votes for its rare words, and a name right
after a title ("Mr. Kurti", "President Trendafilova", "Judge Gatti Santana") is a person's. A
name the model guessed is dropped when its words are voted people's at least as often as
places' or bodies'. Pure functions over strings and spaCy spans.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .instruments import is_common

PERSON, OTHER = "person", "other"
# spaCy labels that say "a person" or "a body or place"
FAMILIES = {"PERSON": PERSON, "GPE": OTHER, "LOC": OTHER, "ORG": OTHER, "FAC": OTHER}
_TITLE = (r"(?:(?:Mr|Ms|Mrs|Mme|Mmes|Messrs|Dr|Prof)\.?|Judge|Justice|President|Vice-President|Prosecutor|"
          r"Registrar|Minister|Ambassador|Professor|Sir|Dame|Senator|Commissioner|Rapporteur|Witness|"
          r"Sheikh|King|Queen|Prince|Princess|Archbishop|Bishop|Pope|Cardinal)")
_NAME_WORD = r"[A-Z\u00C0-\u00DE][\w'\u2019\-\u00C0-\u024F]*"
_TITLED = re.compile(r"\b" + _TITLE + r"\s+(" + _NAME_WORD + r"(?:\s+(?:de|da|van|von|der|del|bin|al|el)?\s*"
                     + _NAME_WORD + r"){0,3})")


@dataclass
class Votes:
    """How often each rare word of a document was part of a person's name, or of a body's or place's."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def add(self, family: str, name: str, weight: int = 1) -> None:
        for w in rare_words(name):
            self.counts.setdefault(w, Counter())[family] += weight

    def update(self, other: "Votes") -> None:
        for w, c in other.counts.items():
            self.counts.setdefault(w, Counter()).update(c)

    def names_person(self, name: str, prior: int = 0) -> bool:
        """Whether a guessed name is a person's: its words were people's at least as often (by
        ``prior`` more for a known town's name)."""
        person, other = 0, prior
        for w in rare_words(name):
            c = self.counts.get(w, Counter())
            person += c[PERSON]
            other += c[OTHER]
        return person > 0 and (person > other if prior else person >= other)


def rare_words(name: str) -> list[str]:
    """The capitalized words of a name that are not common English words (names, not "Office")."""
    return [w for w in re.split(r"[\s/]+", name.replace("\u2019s", "").replace("'s", ""))
            if len(w) > 2 and w[:1].isupper() and not w.isupper() and not is_common(w)]


def titled_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names that follow a personal title ("Mr. Kurti", "President Trendafilova")."""
    out = []
    for m in _TITLED.finditer(text):
        name = m.group(1)
        if name.split()[0] in ("of", "Of") or is_common(name.split()[0]) and len(name.split()) == 1:
            continue  # "President of the General Assembly", "Minister Counsellor"
        out.append((m.start(1), m.end(1)))
    return out


def chunk_votes(text: str, ents) -> Votes:
    """The votes of one chunk: the model's labels, and titles before names (worth two)."""
    votes = Votes()
    for ent in ents:
        family = FAMILIES.get(ent.label_)
        if family and not ent.id_:
            votes.add(family, ent.text)
    for s, e in titled_names(text):
        votes.add(PERSON, text[s:e], 2)
    return votes


def after_title(text: str, start: int) -> bool:
    """Whether a name starting at ``start`` follows a personal title ("Mr. ", "Judge ")."""
    return bool(re.search(r"\b" + _TITLE + r"\s+$", text[max(0, start - 20):start]))


def starts_with_title(name: str) -> bool:
    """ "Witness HH", "Judge Gatti Santana": a person's name with the title the model kept."""
    return bool(re.match(_TITLE + r"\s+[A-Z]", name)) and not re.match(_TITLE + r"\s+(?:of|for)\b", name)


_ROLE_OF = re.compile(r"\b(?:Mayor|Governor|President|Vice-President|Secretary-General|Minister|Director(?:-General)?|"
                      r"Chair(?:person|man|woman)?|Head|Ambassador|Representative|Executive Secretary|"
                      r"Administrator|Commissioner|Prosecutor)\s+of\s+[^;:.()\u201c\u201d\"]{1,80},\s*$")
_PLAIN_NAME = re.compile(r"[A-Z\u00C0-\u00DE][\w\-'\u2019\u00C0-\u024F]+(?:\s+[A-Z\u00C0-\u00DE][\w\-'\u2019\u00C0-\u024F]+){1,2}")


def after_role(text: str, start: int, end: int) -> bool:
    """ "the Mayor of Nice, Christian Estrosi": two or three capitalized words set off by a comma
    after "<role> of <body or place>," and ending the clause are the holder's name."""
    if not _PLAIN_NAME.fullmatch(text[start:end]) or not re.match(r"\s*(?:[;.,]|and\b|$)", text[end:end + 5]):
        return False
    return bool(_ROLE_OF.search(text[max(0, start - 120):start]))



# a one-word name right before a word that says it names a people ("the Sami people", "Rohingya refugees")
_PEOPLE_CUE = re.compile(r"(?<![\w\-])([A-Z][a-z\u00C0-\u024F]+(?:-[A-Z][a-z\u00C0-\u024F]+)?)\s+(?:people|peoples|"
                         r"refugees|communities|origin|descent|ethnic|ethnicity|tribes?|clans?|speakers)\b")


def named_peoples(texts: list[str]) -> set[str]:
    """One-word names a document writes as a people's somewhere ("Sami people"), so that its other
    mentions ("outside Sami control", "the Sami as a group") name the people too, not a body."""
    return {m.group(1) for text in texts for m in _PEOPLE_CUE.finditer(text)}
