"""A count of two things together does not answer how many of one of them there were.

"How many civilians were *killed* by explosive weapons in 2024?" is not answered by "a total of 61,353 *killed and
injured*", nor "how many *women* ..." by "265.7 million *women and girls*": the number counts a whole of which the
asked is a part, and the part is not given. Three shapes are read: nouns joined right after the number ("women and
girls", "students and educators": a union); participles joined by "or" within three words of it ("people killed or
injured"); and the harms a sentence counts together anywhere in it ("were killed and injured ..., along with two
peacekeepers"; "and" joins other participles as both done to the same people: "recruited and trained"). The question
must say one of the pair and not the other (what it leaves out, "not counting the injured", it does not say); one that
says both ("killed and injured") or neither ("how many casualties") is left alone.
"""

from __future__ import annotations

import re

from .terms import tokenize

#: "2,000 people killed or injured": participles joined by "or" within three words of the number.
_EITHER = re.compile(r"^\s+(?:[A-Za-z-]+\s+){0,2}?([a-z]+(?:ed|en))\s+or\s+([a-z]+(?:ed|en))\b")
#: "265.7 million women and girls", "900 students and educators": the counted noun and another plural one (not "three
#: ministries and *nine* municipalities", "850 projects and *produced*", "5 civilians and *injuring*": a new clause).
_NOUNS = re.compile(r"^\s+(?:million\s+|billion\s+|thousand\s+)?([a-z]+)\s+(?:and|or)\s+"
                    r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|"
                    r"others|more|several|many|some|all)\b)([a-z]+(?<!ing)(?<!ed)(?:s|men|children|people))\b")
#: Harms counted together: "killed and injured", "dead or wounded", "killing and maiming".
_HARMS = r"(?:killed|killing|dead|deaths|injured|injuring|injuries|wounded|wounding|maimed|maiming)"
_HARM_PAIR = re.compile(r"\b(" + _HARMS + r")\s+(?:and|or)\s+(" + _HARMS + r")\b")
_NOT_A_NOUN = frozenset("the a an of in on at to for by with from other others more its their his her".split())
#: "killed, *not counting the injured*": what the question leaves out is not asked.
_EXCLUDED = re.compile(r"(?i)\b(?:not counting|excluding|except(?: for)?|apart from|other than|leaving out)\s+"
                       r"(?:the\s+)?[a-z-]+")


def counts_more(question: str, sentence: str, span_text: str, end: int) -> bool:
    """True if the number ``span_text`` (ending at ``end`` in ``sentence``) counts a pair of which ``question`` asks
    only one."""
    noun = re.search(r"\s([a-z]+)$", span_text)  # "265.7 million women": the span holds its noun
    after = (f" {noun.group(1)}" if noun else "") + sentence[end:]
    pairs = [m.groups() for m in (_EITHER.match(sentence[end:]), _NOUNS.match(after)) if m]
    pairs += [m.groups() for m in _HARM_PAIR.finditer(sentence)]
    pairs = [(a, b) for a, b in pairs if a != b and not {a, b} & _NOT_A_NOUN]
    if not pairs:
        return False
    asked = {t.stem for t in tokenize([_EXCLUDED.sub("", question)])[0]}
    for a, b in pairs:
        sa, sb = (tokenize([w])[0][0].stem for w in (a, b))
        if sa != sb and (sa in asked) != (sb in asked):
            return True
    return False
