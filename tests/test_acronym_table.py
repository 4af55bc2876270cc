"""The acronym table's spelled rows (issue #12, "link acronyms"): a capitalised phrase whose initials
spell an acronym names it only where it stands on its own and the same document uses the acronym as
a word, and never against a definition. Snippets are from the library's PDFs."""

import pytest

from index.acronym_table import find_acronyms

DRC = [("A/79/19", "Costa Rica, Côte d’Ivoire, Croatia, Cuba, Cyprus, Czechia, Democratic Republic of the "
                   "Congo, Denmark, Djibouti, Dominican Republic"),
       ("A/79/19", "Rainbow Afghanistan, Savie asbl NGO LGBTQI DRC, and Transforming Communities")]
GCF_NAME = ("A/CONF.230/2025/10", "mechanisms such as the Global Environment Facility and the Green Climate "
                                  "Fund can bridge this gap.")
GCF_USE = "the proposal was submitted to the GCF for approval."


def table(texts):
    return {r[0]: (r[1], r[2]) for r in find_acronyms(texts)}


@pytest.mark.parametrize(
    "texts, acronym, expected",
    [
        (DRC, "DRC", ("Democratic Republic of the Congo", "spelled")),
        ([GCF_NAME, (GCF_NAME[0], GCF_USE)], "GCF", ("Green Climate Fund", "spelled")),
        # used only in another document: no evidence the acronym means this name there
        ([GCF_NAME, ("S/2025/194", GCF_USE)], "GCF", None),
        # a definition that is no name still says what the acronym means
        ([("E/2025/65", "spending on research as a share of gross domestic product (GDP) fell"),
          ("E/2025/31", "the Governance of Digital Platforms, whose GDP figures")], "GDP",
         ("gross domestic product", "defined")),
        # a piece of a longer name: "United Nations Volunteers", and "NV" only inside a symbol
        ([("A/79/797", "3 per cent for international United Nations Volunteers, and Nations Volunteers"),
          ("A/79/797", "Note Verbale No. NV/ODG-636/24, and noted the statement")], "NV", None),
        # "CO" only inside document symbols, "Cultural Organization" inside a longer name
        ([("A/80/38", "Report of the United Nations Educational, Scientific and Cultural Organization"),
          ("A/80/38", "Brazil (CEDAW/C/BRA/CO/9) Estonia (CEDAW/C/EST/CO/7)")], "CO", None),
        # an acronym that is a heading's word in capitals
        ([("A/80/75", "the Association of Southeast Asian Nations and the North Atlantic Treaty Organization"),
          ("A/80/75", "ENGAGEMENTS STARTED IN 2022 AND TO BE COMPLETED IN 2024")], "TO", None),
        # single letters of a table of meeting services spell no name
        ([("A/AC.172/2025/2", "6 and 7 February New York 54 G I T SR (ACEFRS) New York 41 G I T"),
          ("A/AC.172/2025/2", "The committee reviewed ITS work")], "ITS", None),
        # a list of abbreviations: the acronyms cut the run into names
        ([("A/AC.172/2025/2", "WFP World Food Programme WHO World Health Organization WIPO World Intellectual "
                              "Property Organization"),
          ("A/AC.172/2025/2", "an assessment of HOW the Board works")], "HOW", None),
    ],
)
def test_spelled_rows(texts, acronym, expected):
    assert table(texts).get(acronym) == expected


def test_a_name_in_a_longer_name_is_found_after_a_joiner():
    rows = table([("A/80/1", "the Director-General of the Pan-African Forum on Youth Employment said"),
                  ("A/80/1", "PAFYE members met in May")])
    assert rows["PAFYE"] == ("Pan-African Forum on Youth Employment", "spelled")
