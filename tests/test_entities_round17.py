"""Entity classes fixed on the round-17 dev sample (bench/data/entities_sample_round17.jsonl) and checked
across the library: bodies headed by "Section" or "Club", a title with "to" inside it, and the unheaded
names in a list of organizations. Real sentences of E/ICEF/2025/AB/L.3, E/C.2/2025/2, A/80/75,
E/HLPF/2025/3/Add.3, E/2025/9/Add.13, S/2025/194, A/80/150, E/2025/42, E/CN.3/2025/8, E/2025/24 and A/80/38,
tagged by the real spaCy pipeline."""

from __future__ import annotations

import collections

import pytest

from entity_checks import assert_tagged

O, I, P = "organization", "instrument", "place"

# (text, entities the tagger must give, texts it must not tag)
CASES = [
    # "Section" and "Club" head bodies (E/ICEF/2025/AB/L.3, para. 71; E/2025/24, chap. II, para. 7; S/2025/194, para. 20)
    ("To address the growing volume of donor-related activities, in late 2023, OIAI onboarded a dedicated donor focal "
     "point within the Investigations Section.", [(O, "Investigations Section")], []),
    ("At the 2nd meeting, the Chief of the Statistical Capacity Management Section of the Statistics Division "
     "introduced the report of the Secretary-General on the Fundamental Principles of Official Statistics "
     "(E/CN.3/2025/5).", [(O, "Statistical Capacity Management Section"), (O, "Statistics Division")], []),
    ("During the reporting period, several countries cancelled the country’s debt following the Paris Club decision of "
     "13 March 2024 requiring Somalia to negotiate individually with creditors.", [(O, "Paris Club"), (P, "Somalia")], []),
    # "to" inside a title (E/ICEF/2025/AB/L.3, para. 48; A/80/75, para. 99)
    ("The UNICEF Accountability to Affected Populations Strategy 2022–2025 aims to ensure that affected children and "
     "families participate in the decisions that affect their lives.",
     [(I, "UNICEF Accountability to Affected Populations Strategy 2022–2025")],
     ["Affected Populations Strategy 2022–2025"]),
    ("In 2024, the Collective Accountability to Affected People Framework of the Inter-Agency Standing Committee guided "
     "efforts to strengthen community engagement.",
     [(I, "Collective Accountability to Affected People Framework of the Inter-Agency Standing Committee")],
     ["Affected People Framework of the Inter-Agency Standing Committee"]),
    # guard: "From ... to <head>" names two things (A/80/150, para. 66)
    ("(a) From the New Partnership for Africa’s Development to Agenda 2063: progress in the implementation of "
     "sustainable development in Africa and international support (resolutions 57/7 and 79/263);",
     [(I, "Agenda 2063")], ["Africa’s Development to Agenda 2063"]),
    # a list of organizations: its unheaded names are bodies (E/C.2/2025/2, p. 9, para. 1; E/HLPF/2025/3/Add.3,
    # para. 21; E/2025/9/Add.13, annex, p. 4, para. 2)
    ("In 2022, our partners included the Geneva Press Club, the Non-governmental Organization Liaison Unit, the Bureau "
     "of the Human Rights Council and the Union of International Associations.",
     [(O, "Geneva Press Club"), (O, "Union of International Associations")], []),
    ("Substantive inputs were presented by North Macedonia, the Kingdom of the Netherlands, Portugal, Romania, "
     "Tajikistan (with the United Nations Resident Coordinator in Tajikistan), the European Investment Bank, the Geneva "
     "State Pension Fund, Platform Agenda 2030 on behalf of civil society, the Regional Cooperation Council, "
     "Sustainable Finance Geneva and ECE. Greece exercised a right of reply.",
     [(O, "Sustainable Finance Geneva"), (O, "Regional Cooperation Council"), (P, "Portugal"), (P, "Greece")],
     ["Geneva"]),
    ("She has extensive experience of consulting for bilateral and multilateral development agencies including the UN, "
     "World Bank, FINNIDA, SIDA, IDRC and FCDO, and leads a consortium.", [(O, "FINNIDA"), (O, "IDRC")], []),
    # guards: a sentence's first words, towns after "in", a role's holder, a government, commas inside one name
    # (A/80/75, para. 95; S/2025/194, para. 73; E/2025/42, para. 12; E/CN.3/2025/8, para. 57; A/80/38, part three)
    ("In Somalia, the Office for the Coordination of Humanitarian Affairs and the Resident Coordinator’s Office, with "
     "the United Nations Office for Disaster Risk Reduction, conducted a joint risk analysis with humanitarian and "
     "development partners.", [(P, "Somalia"), (O, "Office for the Coordination of Humanitarian Affairs")],
     ["In Somalia"]),
    ("United Nations entities remained present in Baidoa, Beledweyne, Berbera, Boosaaso, Dhooble, Dhuusamarreeb, "
     "Doolow, Gaalkacyo, Garoowe, Hargeysa, Jawhar, Kismaayo and Mogadishu.",
     [(P, "Baidoa"), (P, "Boosaaso"), (P, "Mogadishu")], []),
    ("Also at the 5th meeting, presentations were made by the Inspector General of Forests at the Ministry of "
     "Environment, Forest and Climate Change of India, Raghu Prasad, the Executive Director of the International "
     "Tropical Timber Organization, Sheam Satkuru, the Professor at Yale School of the Environment, Eli Fenichel, and "
     "the Lead Economist at The Nature Conservancy, Priya Shyamsundar.",
     [(O, "International Tropical Timber Organization")], ["Eli Fenichel", "Sheam Satkuru", "Priya Shyamsundar"]),
    ("The collaborative is also grateful for support from other development partners, such as Eurostat, the "
     "Governments of Norway and the United Kingdom through the Data for Now initiative.",
     [(P, "Norway")], ["Governments of Norway"]),
    ("Statements were also made by the following NGOs: Center for Reproductive Rights, Consortium for Intersectional "
     "Justice, Women’s International League for Peace and Freedom, and International Lesbian, Gay, Bisexual and "
     "Intersex Association.", [(O, "Women’s International League for Peace and Freedom")], ["International Lesbian", "Gay"]),
]


@pytest.mark.parametrize("text,expected,not_tagged", CASES)
def test_round17_classes(text, expected, not_tagged):
    assert_tagged(text, expected, not_tagged)


def test_least_kinds_weights_the_least_labelled_kinds_up():
    """draw_entity_sample --least-kinds (round 17): a document type earlier samples labelled at a lower rate
    weighs more than one labelled at a higher rate, capped at 4; a chunk of it is drawn more often."""
    from bench_modules import load_bench

    draw = load_bench("draw_entity_sample")
    rows = [{"citation": f"R{i}", "symbol": f"R/{i % 5}", "kind": "paragraph", "doc_type": "report", "part": "",
             "page": None, "text": "x" * 200} for i in range(40)]
    rows += [{"citation": f"N{i}", "symbol": f"N/{i % 5}", "kind": "paragraph", "doc_type": "note", "part": "",
              "page": None, "text": "y" * 200} for i in range(40)]
    cited = {f"R{i}" for i in range(20)} | {"N0"}
    w = draw.kind_weights(rows, cited)
    assert w[("doc_type", "note")] > 2 * w[("doc_type", "report")]
    assert max(w.values()) <= 4.0
    dev, aside = draw.draw(rows, collections.Counter(), cited, seed=1, n=10, dev=5, least_kinds=True)
    picked = dev + aside
    assert sum(r["doc_type"] == "note" for r in picked) > sum(r["doc_type"] == "report" for r in picked)
