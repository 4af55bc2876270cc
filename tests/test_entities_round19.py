"""Entity classes of the nineteenth session (docs/entities-log.md): an instrument whose head is "Instrument"
("International Tracing Instrument to Enable States ...", the round-19 instrument sample), a platform named
"... Marketplace" and "United Nations" in a publication's or product's title (the round-17 aside's leftovers) are
no bodies; with guards. Real sentences of A/80/1, DP/2025/12, CEB/2025/4 and DP/FPA/2025/6, tagged by the real
spaCy pipeline."""

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
    # a platform (DP/2025/12, para. 76) and "United Nations" in a publication's or product's title (CEB/2025/4,
    # para. 17; DP/FPA/2025/6; A/80/1) are no bodies
    ("4,000 – Personnel trained on preventing sexual harassment, exploitation and abuse • AI-enabled Talent "
     "Marketplace – Recognized as a platform that enables rapid deployment of talent to meet urgent business needs, "
     "while also supporting career growth.", [], ["Talent Marketplace"]),
    ("The Director of the Strategic Planning and Monitoring Unit of the Executive Office of the Secretary-General, "
     "Ayaka Suzuki, would introduce key findings from the forthcoming United Nations Global Risk Report.",
     [(O, "Strategic Planning and Monitoring Unit of the Executive Office of the Secretary-General")],
     ["United Nations"]),
    ("Additionally, a lack of proper registration of partners in the United Nations Partner Portal complicates "
     "tracking and monitoring partners.", [], ["United Nations"]),
    # guards: a body's head word between keeps the body; a body's own name stays
    ("The Commission took note of the United Nations Joint Investigative Mechanism Reports and thanked the United "
     "Nations Children's Fund.", [(O, "United Nations Joint Investigative Mechanism"),
                                  (O, "United Nations Children's Fund")], []),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES)
def test_round19_instrument_classes(text, expected, not_tagged):
    assert_tagged(text, expected, not_tagged)


def test_an_instrument_headed_instrument():
    """ "the International Tracing Instrument to Enable States ...": "Instrument" heads a title as "Convention"
    does (the span stops at the title's first comma, as long titles' spans do)."""
    found = primary(A80_1_108)
    assert any(k == I and t.startswith("International Tracing Instrument to Enable States") for k, t in found), found
