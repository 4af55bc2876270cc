"""Who attended a meeting is not who spoke at it.

Meeting reports list speakers item by item ("statements were made by the representatives of eight
States members of the Commission, six observer States and ..."), and rarely say how many attended.
A count question that asks who attended or took part ("How many observer States in all *attended* the
session?") is not answered by a count of speakers: they are a part of those present, at one meeting.
"""

from __future__ import annotations

import re

#: The stems of a question asking who attended or took part ("attended", "participants", "took part").
_ATTEND_STEMS = frozenset({"attend", "particip"})
_SPOKE = re.compile(r"\b(?:statements?|spoke|speakers?|took the floor|addressed|made by the representatives?)\b", re.I)
_ATTENDED = re.compile(r"\b(?:attend\w*|particip\w*|took part|taking part|present|represented)\b", re.I)


def asks_attendance(qstems: set[str]) -> bool:
    """True if the question's stems ask who attended or took part."""
    return bool(qstems & _ATTEND_STEMS) or {"part"} <= qstems and bool(qstems & {"took", "take"})


def speakers_only(sentence: str) -> bool:
    """True if the sentence tells who spoke and nothing of who attended ("statements ... were made by the
    representatives of ... six observer States")."""
    return bool(_SPOKE.search(sentence)) and not _ATTENDED.search(sentence)
