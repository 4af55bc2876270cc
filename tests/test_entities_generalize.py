"""Entities beyond A/69/207 (issue 4): real excerpts of other UN documents (S/2025/200, A/80/62,
E/CN.3/2025/8, A/HRC/EMRIP/2025/2, A/80/275, UNW/2025/2), copied as strings, tagged by the real
spaCy pipeline. Each case names what must be found and what must not be tagged."""

from __future__ import annotations

import pytest

from ingest.entities.tagger import tag_texts


def ent(kind: str, text: str, canonical: str | None = None) -> tuple[str, str, str | None]:
    """An expected entity: kind, surface text, and (when it matters) canonical name."""
    return kind, text, canonical


def _tagged(*texts: str) -> list[list[tuple[str, str, str]]]:
    return [[(e.kind, e.text, e.canonical) for e in ents] for ents in tag_texts(list(texts))]


def _has(found, expected) -> bool:
    kind, text, canonical = expected
    return any(k == kind and t == text and (canonical is None or c == canonical) for k, t, c in found)


# (excerpt, entities it must have, surface texts that must not be tagged as org/instrument/place)
CASES = [
    # people are not bodies or places: titles, person-shaped names
    ("In relation to appeal proceedings deriving from single judge activity, on 18 July 2024, the Appeals Chamber "
     "dismissed an appeal filed by François-Xavier Nzuwonemeye against a decision denying his request for emergency "
     "medical evacuation from the Niger to the Kingdom of the Netherlands.",
     [ent("place", "Niger"), ent("place", "Kingdom of the Netherlands")], ["François-Xavier Nzuwonemeye"]),
    ("During the reporting period, Radislav Krstić and Stojan Župljanin were transferred to new enforcement States, "
     "and in July 2025, Jovica Stanišić was transferred to Germany to serve his sentence.",
     [ent("place", "Germany")], ["Stojan Župljanin", "Radislav Krstić"]),
    ("On 24 February, in a letter to UNMIK, Mr. Petković raised concerns regarding criminal proceedings against "
     "leading members of the Kosovo Serb community.",
     [ent("organization", "UNMIK")], ["Petković"]),
    # towns, two-language names, "The Hague"
    ("On 29 November, an attack using an explosive device seriously damaged the Ibar-Lepenac/Ibër-Lepenc water canal "
     "in Zubin Potok municipality. The canal supplies drinking water to several towns in central and northern Kosovo "
     "and cools the power plant in Obiliq/Obilić, the main electricity producer for all of Kosovo.",
     [ent("place", "Zubin Potok"), ent("place", "Obiliq/Obilić"), ent("place", "Kosovo")],
     ["Ibar-Lepenac/Ibër-Lepenc"]),
    ("Through the partnership two Romani language translators in Prizren and Graçanicë/Gračanica municipalities "
     "were re-hired.",
     [ent("place", "Prizren"), ent("place", "Graçanicë/Gračanica")], []),
    ("The Mechanism comprises two branches: one in Arusha, United Republic of Tanzania, which was formerly the seat "
     "of the International Criminal Tribunal for Rwanda, and another in The Hague, Kingdom of the Netherlands.",
     [ent("place", "Arusha"), ent("place", "The Hague", "The Hague"), ent("place", "United Republic of Tanzania")],
     ["Hague"]),
    ("In support of the work of the Expert Mechanism, the Asia Indigenous Peoples Pact, with the financial support "
     "of the Christensen Fund, organized an expert seminar, held in mid-December 2024 in Chiang Mai, Thailand.",
     [ent("place", "Chiang Mai"), ent("place", "Thailand"), ent("organization", "Christensen Fund")], []),
    ("It operates through three organs: the Chambers, the Office of the Prosecutor and the Registry. Each organ is "
     "led by a full-time Principal.",
     [ent("organization", "Office of the Prosecutor")], ["Principal"]),
    # titles of reports and products, events
    ("The ITU Digital Skills Forum focused on skills for digital transformation; ITU issued Digital Skills Toolkit "
     "2024; the ITU Academy provides access to capacity development programmes.",
     [ent("organization", "ITU"), ent("organization", "ITU Academy")], ["Digital Skills Toolkit 2024"]),
    ("The Broadband Commission, in The State of Broadband 2024: Leveraging Artificial Intelligence for Universal "
     "Connectivity, tracked progress towards advocacy targets for broadband connectivity.",
     [ent("organization", "Broadband Commission")], ["State of Broadband", "State of Broadband 2024"]),
    ("It contains a description of the work to update the database on the global Sustainable Development Goals "
     "indicators, the new UNdata portal and related efforts.", [], ["UNdata"]),
    ("ITU issued the fifth edition of the Global Cybersecurity Index; and the World Bank issued Cybersecurity "
     "Economics for Emerging Markets.",
     [ent("organization", "World Bank")], ["Cybersecurity Economics for Emerging Markets"]),
    # bodies: governments give places, persons and possessives end names, known bodies start them
    ("The Director of the Office for Kosovo and Metohija of the Government of Serbia, Petar Petković, who was in "
     "Brussels for the meeting, noted the closures.",
     [ent("organization", "Office for Kosovo and Metohija"), ent("place", "Serbia"), ent("place", "Brussels")],
     ["Petar Petković", "Office for Kosovo and Metohija of the Government of Serbia"]),
    ("In support of that, the United Nations Economic Commission for Asia and the Pacific developed a statistical "
     "tool based on household survey data.",
     [ent("organization", "United Nations Economic Commission for Asia and the Pacific")], ["Asia and the Pacific"]),
    ("The European Union Rule of Law Mission in Kosovo (EULEX) requested that the competent authorities "
     "investigate all allegations of mistreatment.",
     [ent("organization", "European Union Rule of Law Mission in Kosovo"),
      ent("organization", "EULEX", "European Union Rule of Law Mission in Kosovo")], []),
    ("The regional thematic conference in Fiji in July, co-organized by the Statistics Division, the Fiji Bureau "
     "of Statistics and the Pacific Community, convened chief statisticians.",
     [ent("organization", "Fiji Bureau of Statistics"), ent("place", "Fiji")], []),
    ("Advocacy has been advanced through sessions at various forums, including the Statistics Canada International "
     "Methodology Symposium, held in Mexico in 2024.",
     [ent("organization", "Statistics Canada"), ent("place", "Mexico")], ["Canada"]),
    # instruments: resolutions by acronym, numbered texts, action plans, national laws
    ("The asterisk links to a footnote stating that it is in line with UNSCR 1244 and the ICJ opinion.",
     [ent("instrument", "UNSCR 1244", "resolution 1244")], []),
    ("General Recommendation No. 40 on the equal and inclusive representation of women in decision-making systems "
     "was adopted.", [ent("instrument", "General Recommendation No. 40")], []),
    ("The High-level Group, in its report (E/CN.3/2025/7), provides information on the renewal of the Cape Town "
     "Global Action Plan for Sustainable Development Data.",
     [ent("instrument", "Cape Town Global Action Plan for Sustainable Development Data"),
      ent("instrument", "E/CN.3/2025/7")], []),
    ("UNMIK supported the Ombudsperson in monitoring compliance with the Law on the Use of Languages at three "
     "government ministries.", [ent("instrument", "Law on the Use of Languages")], []),
    ("The World Summit on the Information Society (WSIS) was held in two sessions. WSIS outcomes were reviewed.",
     [], ["WSIS", "Information Society"]),
    ("The High-level Group agreed to strengthen the language on data in the outcome document of the fourth "
     "International Conference on Financing for Development.",
     [], ["International Conference on Financing for Development"]),
    # S/2025/200: a town's old name, an abbreviation, a name with a possessive, a percentage after a name
    ("On 17 September, a Molotov cocktail was thrown at one such property under construction in North Mitrovica.",
     [ent("place", "North Mitrovica")], ["Molotov"]),
    ("In parallel proceedings, the Chief Public Prosecutor of the Higher Public Prosecutor’s Office in Belgrade "
     "indicated on 2 December that an indictment would be filed.",
     [ent("organization", "Higher Public Prosecutor’s Office in Belgrade")], ["Office in Belgrade"]),
    ("The Democratic Party of Kosovo received 20.95 per cent (24 seats), the Democratic League of Kosovo 18.27 per "
     "cent (20 seats).",
     [ent("organization", "Democratic Party of Kosovo"), ent("organization", "Democratic League of Kosovo")], []),
    ("The coalition of the Alliance for the Future of Kosovo and Initiative for Kosovo obtained 7.06 per cent.",
     [ent("organization", "Alliance for the Future of Kosovo"), ent("organization", "Initiative for Kosovo")], []),
    ("In December, the Ombudsperson noted the limited cooperation between the Ombudsperson Institution of Kosovo "
     "and the Office of the Ombudsperson within the structure of the Chambers.",
     [ent("organization", "Ombudsperson Institution of Kosovo"), ent("organization", "Office of the Ombudsperson")],
     []),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES, ids=[c[0][:40] for c in CASES])
def test_real_excerpts_of_other_documents(text, expected, not_tagged):
    (found,) = _tagged(text)
    for e in expected:
        assert _has(found, e), (e, found)
    primary = {t for k, t, _ in found if k in ("organization", "instrument", "place")}
    assert not primary & set(not_tagged), found


def test_bare_declaration_links_to_the_declaration_named_before():
    # A/HRC/EMRIP/2025/2, para. 7
    text = ("As implied in articles 3–5, 15, 18–20, 23, 31–33, 38 and 42, the United Nations Declaration on the Rights "
            "of Indigenous Peoples affirms the right of Indigenous Peoples to access and control data. Article 16 of "
            "the Declaration guarantees non-discrimination in the dissemination and receipt of information.")
    (found,) = _tagged(text)
    assert ("instrument", "Declaration", "United Nations Declaration on the Rights of Indigenous Peoples") in found


def test_bare_back_reference_in_a_later_chunk_and_none_without_a_referent():
    first, second, third = _tagged(
        "Member States, in the Global Digital Compact, adopted by the General Assembly, recognize new risks.",
        "Several entities have established road maps to support implementation of the Compact.",
        "States parties to the Convention reported on their progress.")
    assert ("instrument", "Compact", "Global Digital Compact") in second
    assert not [e for e in third if e[0] == "instrument"]  # no convention named before: left untagged


def test_town_named_once_as_a_person_stays_a_place_across_the_document():
    # S/2025/200: the model reads "Pristina's" as a person; the document names the town many times
    texts = ["UNMIK continues its constructive engagement with Pristina and Belgrade.",
             "The Director noted that Pristina’s closures of Serbia-run institutions showed otherwise.",
             "A regional conference was held in Pristina on 18 and 19 November."]
    tagged = _tagged(*texts)
    assert all(any(k == "place" and t == "Pristina" for k, t, _ in found) for found in tagged), tagged


def test_versioned_acronym_links_every_version_to_the_instrument():
    # UNW/2025/2, para. 63
    (found,) = _tagged(
        "In 2024, 75 entities implemented the United Nations System-Wide Action Plan on Gender Equality and the "
        "Empowerment of Women (UN-SWAP 2.0) and 17 entities the newly-launched UN-SWAP 3.0; 80 per cent of all "
        "ratings fell within the categories of meeting or exceeding requirements.")
    plan = "United Nations System-Wide Action Plan on Gender Equality and the Empowerment of Women"
    assert ("instrument", "UN-SWAP 2.0", plan) in found and ("instrument", "UN-SWAP 3.0", plan) in found
    assert not [t for k, t, _ in found if k == "organization"]  # no "UN", no "Empowerment of Women"
