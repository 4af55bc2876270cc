"""Instruments of the twenty-first session (docs/entities-log.md, issue #15): plural titles, resolutions cited by number
alone, "its Charter" by its owner, a bare "the Convention" before a bracketed count or "concerning the ...", a treaty's
acronym that names the treaty, and names that are no instruments (a treaty database, an office's section, a scorecard,
a calendar's row numbers). Real sentences of A/HRC/EMRIP/2025/2, E/2025/57, UNW/2025/2, E/ICEF/2025/AB/L.3, A/80/1, A/80/66,
A/80/38, A/80/48, A/80/75 and E/2025/76, tagged by the real spaCy pipeline, with guards for what must not change."""

from __future__ import annotations

import pytest

from ingest.entities.tagger import tag_texts

I = "instrument"

INUIT = ("In the Arctic, the Inuit Circumpolar Council has developed the Circumpolar Inuit Protocols for Equitable and "
         "Ethical Engagement and the National Inuit Strategy on Research, with its five priority areas, to support Inuit "
         "self-determination in science.")  # A/HRC/EMRIP/2025/2, para. 42
FRAMEWORKS = ("The first evaluation is focused on assessing progress made towards a new generation of United Nations "
              "country teams, which are a key element of United Nations development system repositioning (in accordance "
              "with General Assembly resolution 72/279), the aim being to ensure that lessons are learned from the "
              "implementation of United Nations Sustainable Development Cooperation Frameworks, which are in use in more "
              "than 120 countries.")  # E/2025/57, para. 10
RES_1325 = ("Marked by the thirtieth anniversary of the Beijing Declaration and Platform for Action, the twenty-fifth "
            "anniversary of Security Council resolution 1325, the eightieth anniversary of the United Nations and 15 years "
            "since the founding of UN-Women, the Strategic Plan 2026–2029 will span four decisive years.")  # UNW/2025/2, para. 92
COTONOU = ("United Nations-led youth governance dialogues on 3 and 4 December 2024, implemented by UNFPA, aimed to empower "
           "participants to champion the Cotonou Youth Action Agenda and Security Council resolution 2250 (2015) on youth, "
           "peace and security.")  # E/2025/76, para. 62

# (text, instrument spans that must be tagged with their canonical names)
NAMED = [
    (INUIT, {"Circumpolar Inuit Protocols for Equitable and Ethical Engagement":
             "Circumpolar Inuit Protocols for Equitable and Ethical Engagement",
             "National Inuit Strategy on Research": "National Inuit Strategy on Research"}),
    (FRAMEWORKS, {"United Nations Sustainable Development Cooperation Frameworks":
                  "United Nations Sustainable Development Cooperation Frameworks",
                  "General Assembly resolution 72/279": "resolution 72/279"}),
    (RES_1325, {"Security Council resolution 1325": "resolution 1325",
                "Beijing Declaration and Platform for Action": "Beijing Declaration and Platform for Action"}),
    (COTONOU, {"Cotonou Youth Action Agenda": "Cotonou Youth Action Agenda",
               "Security Council resolution 2250 (2015)": "resolution 2250"}),
    # versioned instruments keep their names (S/2025/194, annex, p. 27, para. 1; DP/2025/12, para. 72)
    ("In addition, the UNCT, building on the Funding Compact 2.0, will develop a funding compact. UNDP also maintained its "
     "rating against the United Nations System-wide Action Plan 2.0 and exceeded its targets.",
     {"Funding Compact": "Funding Compact", "United Nations System-wide Action Plan": "United Nations System-wide Action Plan"}),
    # a list of resolutions by number alone gives one each
    ("The Council recalled its resolutions 1325 and 1820 on women and peace and security.",
     {"resolutions 1325": "resolution 1325", "1820": "resolution 1820"}),
]


@pytest.mark.parametrize("text,want", NAMED, ids=["plural protocols", "plural frameworks", "resolution 1325",
                                                   "agenda before a body", "versioned", "resolutions by number"])
def test_named_instruments(text, want):
    got = {e.text: e.canonical for e in tag_texts([text])[0] if e.kind == I}
    assert {k: got.get(k) for k in want} == want, got


NOT_INSTRUMENTS = [
    # A/80/48, para. 9: a treaty database and an office's section
    ("The updated status of the Convention may be found in the United Nations Treaty Collection online at "
     "http://treaties.un.org, maintained by the Treaty Section of the Office of Legal Affairs.", ("Treaty",)),
    # UNW/2025/2, para. 65: the plan's name and acronym are a scorecard's
    ("In 2024, 116 United Nations Country Teams, up from 97 in 2023, reported on the United Nations Country Team "
     "System-wide Action Plan (UNCT-SWAP) Gender Equality Scorecard.", ("Action Plan", "UNCT-SWAP")),
    # numbers that are no resolution's: a decimal, a share, a calendar's row number, a session's year (A/AC.172/2025/2)
    ("The committee noted resolution 1234.5 of the technical annex and a resolution 3000 per cent higher.", ("resolution",)),
    ("General Assembly resolutions 297. Committee on the 45/124, 47/94, 62/218 and Elimination of 68/268", ("297",)),
    ("47. Special Committee on the General Assembly resolution 2025 session 18–26 February New York", ("2025",)),
    # A/80/48 (E/2025/24): a body's name ends in a plural head; a bare plural head; acronym-only modifiers
    ("The Expert Group on National Quality Assurance Frameworks met in February.", ("Frameworks",)),
    ("• Agreements between the United Nations and those countries contributing personnel will be required.",
     ("Agreements",)),
    ("The General Terms and Conditions of IP Agreements were revised.", ("IP Agreements",)),
]


@pytest.mark.parametrize("text,words", NOT_INSTRUMENTS, ids=["treaty collection", "scorecard",
                                                             "not a resolution number", "calendar row", "session year",
                                                             "body's plural", "bare plural", "acronym plural"])
def test_no_instrument(text, words):
    got = [e.text for e in tag_texts([text])[0] if e.kind == I]
    assert not [t for t in got if any(w in t for w in words)], got


def test_its_charter_by_its_owner():
    """ "its Charter" after the body that owns it: the OIAI Charter (E/ICEF/2025/AB/L.3, paras. 7 and 23, named only
    later) and the Charter of the United Nations (A/80/1, para. 98; A/80/66, annex, para. 5)."""
    oiai = tag_texts(["The mission of OIAI, as reflected in its Charter, is to provide independent and objective assurance, "
                      "investigative and consulting services through internal audits and investigations.",
                      "Staff are expected to comply with the OIAI Charter and other applicable UNICEF legislative "
                      "instruments."])
    assert [(e.text, e.canonical) for e in oiai[0] if e.kind == I] == [("Charter", "OIAI Charter")]
    un = tag_texts(["Chile reaffirms its commitment to fulfil the purposes of the Charter of the United Nations and the "
                    "Universal Declaration of Human Rights.",
                    "The purposes and principles of the United Nations are enshrined in the first two Articles of its "
                    "Charter, which include the maintenance of international peace and security."])
    assert [(e.text, e.canonical) for e in un[1] if e.kind == I] == [("Charter", "Charter of the United Nations")]


def test_its_charter_without_an_owners_charter_stays_untagged():
    """No charter named anywhere and no body before: nothing to refer to."""
    tagged = tag_texts(["The association adopted its Charter in 1990 and has grown since."])
    assert [e for e in tagged[0] if e.kind == I] == []


def test_bare_convention_before_a_count_and_concerning():
    """A/80/38, part two, para. 1: "the Convention (189 States Parties)" and "the Convention concerning the meeting time"
    are bare references; "Convention concerning Forced Labour" names one."""
    tagged = tag_texts(["The Committee monitors the Convention on the Elimination of All Forms of Discrimination against "
                        "Women.",
                        "As at 25 October 2024, the ratification status of the Convention (189 States Parties) and the "
                        "number of States Parties having accepted the amendment to article 20 (1) of the Convention "
                        "concerning the meeting time of the Committee (81) were as they had been on 31 May.",
                        "The Convention concerning Forced Labour applies."])
    assert [e.canonical for e in tagged[1] if e.kind == I] == [
        "Convention on the Elimination of All Forms of Discrimination against Women"] * 2
    assert [e.text for e in tagged[2] if e.kind == I] == ["Convention concerning Forced Labour"]


def test_treaty_acronym_where_its_committee_is_named():
    """UNW/2025/2, paras. 28 and 95: "the CEDAW Committee" is the body, "Grounded in CEDAW" the treaty."""
    tagged = tag_texts(["UN-Women supported 94 per cent of United Nations Country Teams to submit reports to the CEDAW "
                        "Committee.",
                        "Grounded in CEDAW, the Beijing Declaration and Platform for Action, the women, peace and security "
                        "agenda and the 2030 Agenda for Sustainable Development, the Strategic Plan 2026–2029 will "
                        "endeavour to accelerate the realization of the equality of all women and girls."])
    assert [e.kind for e in tagged[0] if e.text.startswith("CEDAW")] == ["organization"]
    assert [e.kind for e in tagged[1] if e.text == "CEDAW"] == [I]


def test_its_optional_protocols_still_name_the_parent():
    """A plural head must not make "its Optional Protocols" a title of its own (round 20's rule keeps the parent)."""
    tagged = tag_texts(["States welcomed the Convention on the Rights of the Child and its Optional Protocols."])
    assert "Optional Protocols to the Convention on the Rights of the Child" in [e.canonical for e in tagged[0]]


def test_the_conventions_possessive_refers_back():
    """ "the Convention’s provisions" is the convention named before, like a bare "the Convention" (A/80/48's treaty)."""
    tagged = tag_texts(["The Committee on Migrant Workers monitors the International Convention on the Protection of the "
                        "Rights of All Migrant Workers and Members of Their Families.",
                        "The Committee noted that the Convention’s provisions apply to all migrant workers."])
    assert [("Migrant Workers" in e.canonical) for e in tagged[1] if e.kind == I] == [True]
