"""Entities (issue 4): real paragraphs of A/69/207 tagged by the real spaCy pipeline, acronym
linking, what is not an entity, and the entity filters end to end through the session index."""

from __future__ import annotations

import json

import pytest

from search.cli import main


@pytest.fixture(scope="session")
def tagged(doc):
    from ingest.entities.tagger import tag_document

    return tag_document(doc)


@pytest.fixture(scope="session")
def by_number(tagged) -> dict[int, object]:
    return {c.number: c for c in tagged.chunks if c.kind in ("paragraph", "summary") and not c.part}


def ent(kind: str, text: str, canonical: str | None = None) -> tuple[str, str, str | None]:
    """An expected entity: kind, surface text, and (when it matters) canonical name."""
    return kind, text, canonical


def _has(chunk, expected) -> bool:
    kind, text, canonical = expected
    return any(e.kind == kind and e.text == text and (canonical is None or e.canonical == canonical)
               for e in chunk.entities)


CASES = [
    # organizations: full names, acronyms known to the gazetteer, bodies the model finds
    (41, ent("organization", "Office of the United Nations High Commissioner for Refugees")),
    (41, ent("organization", "UNHCR", "Office of the United Nations High Commissioner for Refugees")),
    (42, ent("organization", "UN-Women", "United Nations Entity for Gender Equality and the Empowerment of Women")),
    (46, ent("organization", "World Bank")),
    (46, ent("organization", "African Institute for Remittances")),  # no gazetteer entry: the model's
    (69, ent("organization", "IOM", "International Organization for Migration")),  # never defined in the report
    (74, ent("organization", "Asia-Pacific Regional Thematic Working Group on International Migration")),
    (0, ent("organization", "Global Migration Group")),
    # instruments: conventions, protocols, resolutions, document symbols
    (40, ent("instrument", "Convention No. 189 concerning Decent Work for Domestic Workers (2011)",
             "ILO Convention No. 189")),
    (40, ent("instrument", "ILO Migrant Workers (Supplementary Provisions) Convention, 1975", "ILO Convention No. 143")),
    (40, ent("instrument", "Convention No. 143", "ILO Convention No. 143")),
    (54, ent("instrument", "2000 Protocol against the Smuggling of Migrants by Land, Sea and Air",
             "Protocol against the Smuggling of Migrants by Land, Sea and Air")),
    (54, ent("instrument", "2000 Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women "
                           "and Children")),
    (0, ent("instrument", "resolution 67/219", "resolution 67/219")),
    (1, ent("instrument", "General Assembly resolution 68/4", "resolution 68/4")),
    (1, ent("instrument", "A/68/190", "A/68/190")),
    (67, ent("instrument", "E/CN.3/2014/20")),
    (73, ent("instrument", "58/208", "resolution 58/208")),
    (32, ent("instrument", "Convention on the Rights of the Child")),
    # places: countries (pycountry), UN regions and sub-regions, cities (the model)
    (42, ent("place", "Lebanon")),
    (42, ent("place", "Republic of Moldova", "Republic of Moldova")),
    (7, ent("place", "South-East Asia", "South-Eastern Asia")),
    (7, ent("place", "Western Asia")),
    (49, ent("place", "sub-Saharan Africa", "Sub-Saharan Africa")),
    (59, ent("place", "Barcelona")),
    (52, ent("place", "United Kingdom of Great Britain and Northern Ireland")),
    (8, ent("place", "Northern Europe")),
    # secondary kinds kept for answers
    (46, ent("money", "over US$ 40 billion")),
    (49, ent("percent", "5 per cent")),
    (66, ent("date", "1 January 2014")),
]


@pytest.mark.parametrize("number,expected", CASES, ids=[f"{n}-{e[1][:30]}" for n, e in CASES])
def test_real_paragraphs_have_their_entities(by_number, number, expected):
    assert _has(by_number[number], expected), [(e.kind, e.text, e.canonical) for e in by_number[number].entities]


def test_offsets_point_into_the_clean_text(tagged):
    ents = [(c, e) for c in tagged.chunks for e in c.entities]
    assert len(ents) > 300
    for c, e in ents:
        assert c.text[e.start:e.end] == e.text


def test_acronym_and_long_form_share_the_canonical_name_in_every_paragraph(by_number):
    canon = {e.canonical for n in (40, 42, 47, 51, 58) for e in by_number[n].entities if e.text in
             ("ILO", "International Labour Organization")}
    assert canon == {"International Labour Organization"}
    # defined once in para. 47, used by its long form in paras. 59, 70, 71 and 74
    knomad = {e.canonical for n in (47, 59, 70, 71, 74) for e in by_number[n].entities
              if "Knowledge Partnership" in e.text or e.text == "KNOMAD"}
    assert knomad == {"Global Knowledge Partnership on Migration and Development"}


def test_acronym_defined_in_one_chunk_is_tagged_in_another_that_uses_only_it():
    from ingest.entities.tagger import tag_texts

    texts = ["The Global Alliance of National Human Rights Institutions (GANHRI) reported on data.",
             "Since then, GANHRI has trained staff in Cameroon and Norway."]
    first, second = tag_texts(texts)
    assert [(e.text, e.canonical) for e in second if e.kind == "organization"] == [
        ("GANHRI", "Global Alliance of National Human Rights Institutions")]
    assert {e.canonical for e in first if e.kind == "organization"} == {
        "Global Alliance of National Human Rights Institutions"}


def test_short_name_after_the_full_one_links_to_it(by_number):
    short = [e for e in by_number[85].entities if e.text == "Global Forum"]
    assert short and all(e.canonical == "Global Forum on Migration and Development" for e in short)


def test_member_states_numbers_and_section_labels_are_not_entities(tagged, by_number):
    texts = {e.text for c in tagged.chunks for e in c.entities}
    assert not {"Member States", "States", "States parties", "Secretary-General", "V", "X"} & texts
    assert not [e for e in by_number[19].entities if e.kind in ("organization", "instrument", "place")]
    # "(table 1)" in para. 4 is a reference, not a count
    assert not [e for e in by_number[4].entities if e.text == "1"]
    # "an acronym of no name": "... time-bound (SMART)" is not an organization
    assert not [e for e in by_number[63].entities if e.text == "SMART"]
    # a phrase the model calls an organization inside an event's name is dropped
    assert not [e for e in by_number[10].entities if e.text == "International Migration and Development"]


def test_percent_without_per_cent_is_not_a_percentage(by_number):
    assert not [e for e in by_number[40].entities if e.kind == "percent"]


# -- the index, filters and commands ------------------------------------------------------------
def _numbers(hits) -> set[int]:
    return {h.number for h in hits}


def test_org_filter_finds_both_forms(searcher):
    by_acronym = searcher.search("migrants at sea", k=50, org=["UNHCR"])
    by_name = searcher.search("migrants at sea", k=50, org=["Office of the United Nations High Commissioner for Refugees"])
    assert _numbers(by_acronym) == _numbers(by_name)
    assert {41, 43, 48, 55, 56} <= _numbers(by_acronym)  # 43, 48, 55, 56 name UNHCR by its acronym only


@pytest.mark.parametrize("filters,expected", [
    ({"place": ["Lebanon"]}, {42, 52}),
    ({"place": ["Moldova"]}, {42}),  # the gazetteer's canonical name: "Republic of Moldova"
    ({"instrument": ["Convention No. 189"]}, {40}),
    ({"instrument": ["resolution 67/219"]}, {0, 10}),
    ({"org": ["ILO"], "place": ["Lebanon"]}, {42, 52}),
    ({"org": ["OHCHR", "ILO"]}, {42, 58}),
])
def test_filters_end_to_end(searcher, filters, expected):
    assert _numbers(searcher.search("migrant workers", k=100, **filters)) == expected


def test_unknown_filter_value_gives_no_hits_and_is_named(searcher, index_dir, capsys):
    assert searcher.search("migrants", org=["Nonexistent Agency"]) == []
    assert searcher.unknown_filters(org=["Nonexistent Agency", "ILO"]) == [("organization", "Nonexistent Agency")]
    assert main(["search", "migrants", "--org", "Nonexistent Agency", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "no organization named 'Nonexistent Agency'" in out and "No paragraphs match" in out


def test_searcher_entities_lists_kinds_forms_and_citations(searcher):
    orgs = searcher.entities(kind="organization")
    assert orgs and all(e.kind == "organization" for e in orgs)
    iom = next(e for e in orgs if e.name == "International Organization for Migration")
    assert "IOM" in iom.forms and "A/69/207, para. 69" in iom.citations
    assert orgs[0].paragraphs >= orgs[-1].paragraphs
    assert [e.name for e in searcher.entities(name="UNHCR")] == [
        "Office of the United Nations High Commissioner for Refugees"]
    assert searcher.entities(name="no such body") == []
    assert {h.number for h in searcher.citing("UNHCR")} >= {41, 43}


def test_cli_entities_json_shape(index_dir, capsys):
    assert main(["entities", "--kind", "place", "--json", "--index", str(index_dir)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) == {"name", "kind", "forms", "paragraphs", "citations"}
    assert all(r["kind"] == "place" and r["paragraphs"] == len(r["citations"]) for r in rows)
    lebanon = next(r for r in rows if r["name"] == "Lebanon")
    assert lebanon["citations"] == ["A/69/207, para. 42", "A/69/207, para. 52"]


def test_cli_entities_name_prints_the_citing_paragraphs(index_dir, capsys):
    assert main(["entities", "UNHCR", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "Office of the United Nations High Commissioner for Refugees" in out
    assert "A/69/207, para. 43" in out and "Global Initiative on Protection at Sea" in out
    assert main(["entities", "no such body", "--index", str(index_dir)]) == 0
    assert "No entity named 'no such body'" in capsys.readouterr().out
