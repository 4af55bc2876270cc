"""Entities of the twenty-second session's round-23 samples (docs/entities-log.md, issue #15): the Economic and Social
Council's year-numbered resolutions in a calendar's scrambled cells ("1992/24 and 1993/32"), a bare "the Convention
for signature", a body named for the application of conventions ("ILO Committee of Experts on the Application of
Conventions and Recommendations"), "United Nations" inside a day's name ("International Day of United Nations
Peacekeepers") and a title's "May Be" ("... Weapons Which May Be Deemed ..."). Real sentences of A/AC.172/2025/2,
A/79/907, A/80/150, A/47/466, A/80/48, E/C.2/2025/2/Add.9, E/2025/15, E/2025/76 and E/C.2/2025/2, tagged by the real
spaCy pipeline, with guards."""

from __future__ import annotations

from ingest.entities.tagger import tag_texts

I, O = "instrument", "organization"

CALENDAR = ("3–14 February Vienna 104 G I T – One session per year (ACEFRS) 1. 28. Regional Preparatory General Assembly "
            "resolutions Latin American and 46/152, 56/119, 70/174 and Caribbean Regional Meeting for the Fifteenth 78/223 "
            "and Economic and Preparatory Meeting United Nations Congress on Social Council resolutions for the Fifteenth "
            "Crime Prevention and 1992/24 and 1993/32 United Nations Criminal Justice: Latin Congress on Crime America and "
            "the Caribbean Prevention and Criminal Justice")  # A/AC.172/2025/2, annex, p. 7, para. 9
BUDGET = ("Taking into account budget formulation timelines, the United Nations Secretariat and the African Union "
          "Commission could continue to work together, with a view to submitting a single budget under the framework "
          "established by resolution 2719 (2023) for the 2026/27 budget period.")  # A/79/907, annex, para. 36
TITLE = "2. Completion and signature of the United Nations Framework Convention on Climate Change"  # A/47/466, p. 3
SIGNATURE = ("The signature of the Convention by 156 States encourages the expectation that the required number of "
             "ratifications or equivalent instruments will be achieved. Estimates vary of the time that this will take; "
             "two years from the opening of the Convention for signature may be taken as a prudent working "
             "hypothesis.")  # A/47/466, para. 21
ILO = ("The Committee regularly benefits from the expertise of ILO through the confidential contribution to and "
       "participation in the Committee’s sessions, including regarding the conclusions and recommendations of the ILO "
       "Committee of Experts on the Application of Conventions and Recommendations on the implementation of relevant "
       "ILO conventions for migrant workers.")  # A/80/48, para. 50
CHEMICALS = ("– AJED-Congo is accredited to the Conferences of the Parties to the Basel, Stockholm and Rotterdam "
             "Conventions.")  # E/C.2/2025/2, p. 6, para. 1
PEACEKEEPERS = ("Established in 1988, the International Association of Soldiers for Peace has enjoyed consultative status "
                "with the Economic and Social Council since 1995, and has commemorated the International Day of United "
                "Nations Peacekeepers every 29 May since 2002.")  # E/C.2/2025/2/Add.9, p. 2, para. 1
ENTITIES = ("At the community level, United Nations entities led initiatives to reinforce governance through conflict "
            "prevention and resolution programmes in Burkina Faso, Cameroon, Guinea, Mali and Mauritania.")  # E/2025/76


def _of(text: str, kind: str) -> dict[str, str]:
    return {e.text: e.canonical for e in tag_texts([text])[0] if e.kind == kind}


def test_year_numbered_resolutions_in_a_calendar_cell():
    """The Council's resolutions printed away from "resolutions" in a scrambled cell are each one."""
    got = _of(CALENDAR, I)
    assert {k: got.get(k) for k in ("1992/24", "1993/32", "78/223")} == {
        "1992/24": "resolution 1992/24", "1993/32": "resolution 1993/32", "78/223": "resolution 78/223"}, got


def test_a_budget_period_is_no_resolution():
    got = _of(BUDGET, I)
    assert "resolution 2719 (2023)" in got and not any("2026/27" in k for k in got), got


def test_convention_for_signature_refers_back():
    """ "the opening of the Convention for signature": "for" and a lowercase word name no convention."""
    ents = tag_texts([TITLE, SIGNATURE])[1]
    backs = [e for e in ents if e.kind == I and e.text == "Convention"]
    assert len(backs) == 2 and {e.canonical for e in backs} == {"United Nations Framework Convention on Climate Change"}


def test_a_title_on_for_is_not_bare():
    """ "for" and a capitalized word still go on a title (E/2025/15, para. 20)."""
    text = ("At the same meeting, the Forum addressed the specific needs of Caribbean countries, emphasizing the synergy "
            "between the 2030 Agenda and the Antigua and Barbuda Agenda for Small Island Developing States.")
    assert "Antigua and Barbuda Agenda for Small Island Developing States" in _of(text, I)


def test_body_for_the_application_of_conventions():
    """ "Conventions and Recommendations" with no name of its own is no set of instruments: the body's name goes on."""
    assert not _of(ILO, I)
    assert "ILO Committee of Experts on the Application of Conventions and Recommendations" in _of(ILO, O)


def test_named_conventions_stay_instruments():
    assert "Basel, Stockholm and Rotterdam Conventions" in _of(CHEMICALS, I)


def test_united_nations_inside_an_event_name():
    got = _of(PEACEKEEPERS, O)
    assert "United Nations" not in got and "Economic and Social Council" in got, got


def test_united_nations_entities_still_tagged():
    assert "United Nations" in _of(ENTITIES, O)


def test_a_title_runs_over_may_be():
    """ "Which May Be Deemed ...": the verb, not the month, so the convention's full title is one span (A/80/150,
    para. 104)."""
    text = ("Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons Which May Be Deemed to "
            "Be Excessively Injurious or to Have Indiscriminate Effects (resolutions 35/153 and 79/75).")
    got = _of(text, I)
    assert ("Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons Which May Be Deemed "
            "to Be Excessively Injurious or to Have Indiscriminate Effects") in got, got
