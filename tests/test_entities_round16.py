"""Entity classes fixed on the round-16 dev sample (bench/data/entities_sample_round16.jsonl): real
cells of A/AC.172/2025/2 (the calendar of conferences, printed in scrambled order), a table of
A/AC.109/2025/L.1, a list of A/80/150, the audit-status notes of DP/FPA/2025/2 and a list of
abbreviations of S/2025/176, tagged by the real spaCy pipeline; and acronym linking."""

from __future__ import annotations

import pytest

from ingest.entities.tagger import tag_texts

from entity_checks import assert_tagged

# S/2025/176, para. 25 defines the acronym; p. 9, note 1 lists it again as "CODECO, Coopérative ..."
CODECO_DEFINED = (
    "In Ituri, reciprocal attacks between Coopérative pour le développement du Congo (CODECO) factions and Zaire "
    "increased, in particular in Djugu and Mahagi territories, with attacks targeting civilians near sites for "
    "internally displaced persons, on farmland and in mining areas.")
ABBREVIATIONS = ("Source: MONUSCO/United Nations Joint Human Rights Office. Abbreviations: ADF, Allied Democratic "
                 "Forces; CODECO, Coopérative pour le développement du Congo.")

# S/2025/194, annex, p. 17, para. 1 defines FGS as a government; p. 18, para. 1 uses it
FGS_DEFINED = (
    "On 30 October 2024, the Security Council adopted resolution 2753, by which it determined that effective 1 November "
    "2024, the United Nations Mission in Somalia (UNSOM) would be called the United Nations Transitional Assistance "
    "Mission in Somalia (UNTMIS), and that UNTMIS would begin the formal transition of its functions to the Federal "
    "Government of Somalia (FGS), the UN Country Team (UNCT) and other stakeholders in line with the request by the FGS "
    "for a two-year phased transition.")

# (text, entities the tagger must give, texts it must not tag, earlier text of the document)
CASES = [
    # a calendar cell's resolution numbers, scrambled away from "resolutions" (A/AC.172/2025/2, annex, p. 38)
    ("General Assembly resolutions 297. Committee on the 45/124, 47/94, 62/218 and Elimination of 68/268 "
     "Discrimination against Women, pre-sessional working groupc",
     [("instrument", "45/124"), ("instrument", "47/94"), ("instrument", "62/218"), ("instrument", "68/268")], [], ""),
    ("T – Four sessions per year 5 E I Ababa (ACEFRS) 1. 107. Permanent Forum on People General Assembly resolution "
     "of African Descent 75/314", [("instrument", "75/314")], [], ""),
    # a table of resolutions by territory (A/AC.109/2025/L.1, p. 4)
    ("Territory Resolution number Date of adoption a In accordance with paragraph 4 (b) of the annex to the "
     "resolution, the item shall remain on the agenda for consideration upon notification by a Member State. "
     "Falkland Islands (Malvinas) 58/316a 1 July 2004 Western Sahara 79/98 4 December 2024 American Samoa 79/99 "
     "4 December 2024", [("instrument", "79/98"), ("instrument", "79/99"), ("place", "Western Sahara")], [], ""),
    # a part range ("79/259 A–C") no longer ends a list (A/80/150, para. 136)
    ("Programme budget for 2025 (resolutions 79/246, 79/256, 79/257, 79/258, 79/259 A–C, 79/260 and 79/261 and "
     "decision 79/551).", [("instrument", "79/259 A–C"), ("instrument", "79/260"), ("instrument", "79/261")], [], ""),
    # guards: round-the-clock service, a fraction, a law's number and a session below 31 are no bare resolutions
    ("Under resolution 78/5, the helpline works 24/7 and a third (1/3) of calls are answered under Act No. 45/123 "
     "and item 23/7.", [("instrument", "resolution 78/5")], ["24/7", "1/3", "23/7", "45/123"], ""),
    # an audit-status table's next field ("Status Under implementation") ends the body, and "and Division ..."
    # opens a second one (DP/FPA/2025/2, p. 11, note 4 and p. 10, note 1)
    ("Business unit responsible Division of Communications and Strategic Partnerships and Division for Management "
     "Services Status Under implementation Priority High Target date December 2025",
     [("organization", "Division of Communications and Strategic Partnerships"),
      ("organization", "Division for Management Services")],
     ["Communications and Strategic Partnerships and Division for Management Services Status",
      "Division for Management Services Status"], ""),
    ("Business unit responsible Humanitarian Response Division and Supply Chain Management Unit Status Under "
     "implementation Priority Medium Target date March 2025",
     [("organization", "Humanitarian Response Division"), ("organization", "Supply Chain Management Unit")],
     ["Humanitarian Response Division and Supply Chain Management Unit Status"], ""),
    ("Business unit responsible Office of Audit and Investigation Services Status Closure requested Priority Medium",
     [("organization", "Office of Audit and Investigation Services")],
     ["Office of Audit and Investigation Services Status Closure"], ""),
    # guards: "Status" inside a body's name; "and" inside one name
    ("The Commission on the Status of Women and the Department of Economic and Social Affairs met.",
     [("organization", "Commission on the Status of Women"),
      ("organization", "Department of Economic and Social Affairs")], [], ""),
    # an acronym defined as a government or a classification names no body (S/2025/194; E/2025/76, para. 13)
    ("In addition, resolution 2753 requested the Secretary-General to prepare, in consultation with the FGS, a roadmap "
     "for delivering the first phase of the transition of UNTMIS’s tasks to the FGS, the UNCT, and other stakeholders.",
     [("organization", "UNTMIS")], ["FGS"], FGS_DEFINED),
    ("approximately 31,000 South Sudanese returnees who are at risk of catastrophe/famine-level conditions, or "
     "Integrated Food Security Phase Classification (IPC) phase 5, between December 2024 and March 2025. The IPC "
     "projections rose.", [], ["IPC", "Integrated Food Security Phase Classification"], ""),
    # a defined long form listed again takes in the place inside it (S/2025/176, p. 9, note 1)
    (ABBREVIATIONS, [("organization", "Coopérative pour le développement du Congo"), ("organization", "CODECO"),
                     ("organization", "Allied Democratic Forces")], ["Congo"], CODECO_DEFINED),
]


@pytest.mark.parametrize("text,expected,not_tagged,before", CASES)
def test_round16_classes(text, expected, not_tagged, before):
    assert_tagged(text, expected, not_tagged, *([before] if before else []))


def test_acronyms_link_to_the_long_form_the_document_defines():
    """The acronym, and its long form in a list of abbreviations, carry the defined long form as canonical."""
    found = tag_texts([CODECO_DEFINED, ABBREVIATIONS])[1]
    canon = {e.text: e.canonical for e in found}
    assert canon["CODECO"] == "Coopérative pour le développement du Congo"
    assert canon["Coopérative pour le développement du Congo"] == "Coopérative pour le développement du Congo"
    assert canon["MONUSCO"] == "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo"


def test_un_missions_link_without_a_definition():
    """UN peace operations and services used by acronym alone link to their full names (gazetteer;
    S/2025/176, para. 34)."""
    text = ("The M23 offensive into Goma resulted in the contamination of parts of the city with explosive ordnance. "
            "UNMAS safeguarded 27 explosive remnants of war and supported MONUSCO by assessing and clearing sites.")
    canon = {e.text: e.canonical for e in tag_texts([text])[0]}
    assert canon["UNMAS"] == "United Nations Mine Action Service"
    assert canon["MONUSCO"] == "United Nations Organization Stabilization Mission in the Democratic Republic of the Congo"
