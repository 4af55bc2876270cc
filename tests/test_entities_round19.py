"""Entity classes from the round-19 instrument sample (docs/entities-log.md, nineteenth session): an
instrument whose head is "Instrument" ("International Tracing Instrument to Enable States ..."), with guards.
Real sentences of A/80/1, tagged by the real spaCy pipeline."""

from __future__ import annotations

import pytest

from entity_checks import assert_tagged, primary

O, I, P = "organization", "instrument", "place"

A80_1_108 = ("We helped States to accelerate the implementation of the Programme of Action to Prevent, Combat and "
             "Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its Aspects, as well as the "
             "International Tracing Instrument to Enable States to Identify and Trace, in a Timely and Reliable Manner, "
             "Illicit Small Arms and Light Weapons. We also convened technical experts on arms manufacturing, "
             "technology and design.")

# (text, entities the tagger must give, texts it must not tag)
CASES = [
    # guards: "Instrument" needs words of a title before it
    ("Instrument of ratification deposited with the Secretary-General on 3 May 2024.", [], ["Instrument"]),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES)
def test_round19_instrument_classes(text, expected, not_tagged):
    assert_tagged(text, expected, not_tagged)


def test_an_instrument_headed_instrument():
    """ "the International Tracing Instrument to Enable States ...": "Instrument" heads a title as "Convention"
    does (the span stops at the title's first comma, as long titles' spans do)."""
    found = primary(A80_1_108)
    assert any(k == I and t.startswith("International Tracing Instrument to Enable States") for k, t in found), found
