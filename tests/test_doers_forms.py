"""Where the another-doer rule (``search.doers``) must not refuse a right fact (h-r22doers, issue #19): the asked doer
in one form, the sentence's in another — a French-order acronym for the English name, an organization's head for the
organization, a one-word title pointing back ("the Government"), a person's name for a title — while a really other
named doer still counts. Sentences copied from S/2025/346, S/2025/176 and A/80/1 (twin set ``doers22``)."""

from __future__ import annotations

import pytest

from search.doers import asked_doer

_YADE = ("MINUSCA launched a stabilization operation in February 2025 in the Yade region in the face of increased "
         "attacks against civilians by armed elements, covering areas and villages close to transhumance corridors.")
_KIVU = ("MONUSCO recorded 614 security incidents in Ituri and North Kivu, resulting in 1,044 civilians reportedly "
         "killed, including 126 women and 148 children, and 324 others injured, including 63 women and 57 children.")
_PLEDGE = ("In October 2024, the Secretary-General initiated a common pledge, which invites mediation actors to commit to "
           "actions supporting the goal of increased participation of women in such processes.")
_MISSION_CAR = "the United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic"
_MISSION_DRC = "the United Nations Organization Stabilization Mission in the Democratic Republic of the Congo"


def _refused(question: str, sentence: str) -> bool:
    doer = asked_doer(question)
    assert doer is not None, question  # each question here names its doer as its main verb's subject
    return doer.done_by_another(sentence)


@pytest.mark.parametrize("question, sentence, want", [
    # the same doer in another form: kept
    (f"When did {_MISSION_DRC} record 614 security incidents in Ituri and North Kivu?", _KIVU, False),
    (f"In what month did {_MISSION_CAR} launch a stabilization operation in the Yade region?", _YADE, False),
    ("In what month did the United Nations initiate a common pledge for mediation actors?", _PLEDGE, False),
    ("When did Mali adopt the national strategy?", "The Government adopted the national strategy in 2024.", False),
    ("When did the Special Envoy brief the Security Council?", "On 12 May, Hans Grundberg briefed the Security Council.",
     False),
    # a really other named doer: refused
    ("In what month did the United Nations Mission in South Sudan launch a stabilization operation in the Yade region?",
     _YADE, True),
    ("When did Hans Grundberg brief the Security Council?", "On 12 May, Rosemary DiCarlo briefed the Security Council.",
     True),
    ("When did Mali adopt the national strategy?", "The Government of Niger adopted the national strategy in 2024.",
     True),
])
def test_doer_forms(question, sentence, want):
    """The rule on real sentences: another form of the asked doer is no evidence; another named doer is."""
    assert _refused(question, sentence) is want
