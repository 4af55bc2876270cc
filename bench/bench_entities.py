"""Precision and recall of entity tagging per kind against a hand-checked sample (issue 4).

    python bench/bench_entities.py [SAMPLE.jsonl] [--doc REPORT] [--corpus DIR] [--errors]

SAMPLE is JSON Lines, one chunk a line: ``{"citation", "symbol", "text", "entities": [{"text", "kind",
"start", "end"}]}`` with every organization, instrument and place annotated by hand, and optionally
``"pdf"``, the file name of the document the chunk comes from. Samples:

- bench/data/entities_sample.jsonl (default): 22 chunks of A/69/207 (corpus/A-69-207.txt).
- bench/data/entities_sample_pdfs.jsonl: 34 chunks of four PDFs of other kinds (S/2025/200,
  A/80/62, E/CN.3/2025/8, A/HRC/EMRIP/2025/2), annotated before looking at the tagger's output;
  run with ``--corpus /work/shared/corpus/un-pdf-dev``.
- bench/data/entities_sample_heldout.jsonl: 13 chunks of UNW/2025/2, E/2025/57 and A/80/275,
  annotated after the rules were fixed on the samples above and before tagging these chunks
  (its first errors were then fixed too; the README gives the scores before and after).
- bench/data/entities_sample_round5.jsonl (dev) and entities_sample_round5_aside.jsonl (aside):
  19 chunks of six documents (S/2025/122, A/ES-10/1022, E/2025/L.16, DP/2025/12,
  A/CONF.230/2025/L.2, A/47/466) and 16 chunks of six others (S/2025/223, S/2025/303, E/2025/36,
  E/ICEF/2025/14, ICCD/COP(8)/CST/8, A/52/687), annotated from the text alone before the tagger
  saw them; rules were then fixed on the dev half's errors (and on the tagger's output for other
  lib documents neither half uses), and the aside half was run once at the end. Run with
  ``--corpus /work/shared/corpus/un-pdf-lib``.
- bench/data/entities_sample_round6.jsonl (dev): 30 chunks of nine lib documents no other sample
  uses (A/80/38, A/80/150, A/79/985, S/2025/346, A/80/192, DP/2025/L.2, A/79/19, E/2025/65,
  E/2025/24), chosen for named instruments and bodies and annotated from the text alone before the
  tagger ran on them; the rules were then fixed on its errors. Run with
  ``--corpus /work/shared/corpus/un-pdf-lib``. entities_sample_round6_fresh.jsonl: 10 chunks of
  A/80/1, A/HRC/EMRIP/2025/1, E/2025/76 and DP/2025/19, annotated the same way and run once after
  the fixes, not tuned on.
- bench/data/entities_sample_round9.jsonl (dev) and entities_sample_round9_aside.jsonl (aside):
  24 chunks of E/2025/31, E/2025/42, E/2025/15, A/80/66, A/79/907 and CEB/2025/4, and 17 chunks of
  A/80/48, A/CONF.230/2025/10, S/2025/194, E/CN.9/2025/6 and S/2025/258, lib documents no other
  sample uses, chosen for named instruments (agendas, frameworks, compacts, strategies, plans,
  conventions, resolutions) and bodies, annotated from the text alone and committed before the
  tagger ran on them; the rules were fixed on the dev half's errors and on the tagger's output for
  the other lib documents, and the aside half was run once at the end. Run with
  ``--corpus /work/shared/corpus/un-pdf-lib``.
- bench/data/entities_sample_round10.jsonl (dev) and entities_sample_round10_aside.jsonl (aside):
  25 chunks of A/79/722, E/2025/L.27, A/80/143, E/HLPF/2025/3/Add.3, A/79/797 and E/C.2/2025/2,
  and 20 chunks of A/AC.109/2025/L.1, A/80/75, E/ICEF/2025/20, S/2025/176, E/HLPF/2025/6 and
  A/79/845, lib documents no other sample uses, chosen for named instruments and places (treaties,
  resolutions by the list, plans, declarations; towns, regions, territories), their texts taken
  from the library index, annotated from the text alone and committed before the tagger ran on
  them; rules were fixed on the dev half's errors only, and the aside half was run once at the
  end. Run with ``--corpus /work/shared/corpus/un-pdf-lib``.
- bench/data/entities_sample_round11.jsonl (dev) and entities_sample_round11_aside.jsonl (aside):
  25 chunks of A/79/873, A/79/939, A/80/84, A/AC.109/2009/17, E/C.2/2025/2/Add.5 and E/2025/9/Add.13,
  and 22 chunks of A/79/884, A/79/946, A/79/771, E/C.2/2025/2/Add.9, E/2025/65, A/47/466, E/2025/76
  and DP/FPA/2025/4, lib documents no earlier sample uses (or, for the last four of the aside, uses
  at most twice, other chunks), chosen for instruments and places (national acts, programmes and
  policies, resolutions and symbols; towns and regions of letters, NGO reports, economic regions),
  texts from the library index (``search export``), annotated from the text alone and committed
  before the tagger ran on them; rules were fixed on the dev half's errors only, and the aside
  half was run once at the end. Run with ``--corpus /work/shared/corpus/un-pdf-lib``.
- bench/data/entities_sample_round12.jsonl (dev) and entities_sample_round12_aside.jsonl (aside):
  25 chunks of E/2025/L.16, A/80/150, E/2025/36, A/80/38, S/2025/194, A/79/722, E/HLPF/2025/3/Add.3,
  DP/2025/L.2 and E/C.2/2025/2, and 20 chunks of E/2025/L.27, A/AC.109/2025/L.1, E/ICEF/2025/AB/L.3,
  DP/2025/26, A/80/48, S/2025/303, A/79/907, E/2025/15, DP/FPA/2025/6, A/CONF.230/2025/10,
  DP/2025/19 and E/CN.9/2025/6 (a declaration and draft resolutions, a GA agenda and a
  decolonization compilation, executive board agendas, decisions and reports, treaty-body reports,
  letters, Security Council reports, a regional forum's report, NGO quadrennial reports), chunks no
  earlier sample used (two documents, E/ICEF/2025/AB/L.3 and DP/2025/26, no sample used at all),
  chosen by a count of instrument words and country names, texts from the library index
  (``search export``), annotated from the text alone and committed before the tagger ran on them;
  rules were fixed on the dev half's errors only, and the aside half was run once at the end. Run
  with ``--corpus /work/shared/corpus/un-pdf-lib``.
- bench/data/entities_sample_round13.jsonl (dev) and entities_sample_round13_aside.jsonl (aside):
  25 chunks of A/80/143, DP/2025/26, E/2025/76, E/ICEF/2025/14, A/AC.109/2009/17, DP/2025/19,
  DP/FPA/2025/2, E/2025/31, S/2025/258, DP/FPA/2025/6, E/2025/36, A/79/845, E/2025/24,
  E/HLPF/2025/3/Add.3, E/ICEF/2025/AB/L.3, S/2025/346 and DP/FPA/2025/4, and 20 chunks of UNW/2025/2,
  E/2025/57, A/80/75, A/47/466, S/2025/194, S/2025/303, A/80/1, CEB/2025/4, A/52/687, E/ICEF/2025/20,
  A/79/985, A/AC.172/2025/2, DP/OPS/2025/3, DP/2025/12 and A/79/19: chunks drawn at random (seed 13),
  not chosen for what they name, from ``/work/libindex_r15`` (built at 7e3b229), the documents
  and parts (annexes, enclosures, letters, draft resolutions, decisions, tables) earlier samples
  used least weighted up, a few slots kept for tables and the 1990s scans; split by document.
  Labelled from the text alone and committed (47d8d97) before the tagger ran on them. Three
  documents are dev PDFs: run with ``--corpus /work/shared/corpus/un-pdf-lib --corpus
  /work/shared/corpus/un-pdf-dev``.

- bench/data/entities_sample_round14.jsonl (dev) and entities_sample_round14_aside.jsonl (aside):
  25 chunks of E/CN.9/2025/6, A/80/38, E/2025/36, A/80/150, E/2025/65, A/52/687, A/AC.172/2025/2,
  DP/OPS/2025/3, DP/FPA/2025/6, E/2025/9/Add.13, A/80/48, E/ICEF/2025/AB/L.3, A/80/75,
  A/CONF.230/2025/10, A/80/275, E/2025/31 and DP/2025/19, and 20 chunks of CEB/2025/4, A/47/466,
  S/2025/200, E/2025/L.27, A/80/62, E/2025/57, S/2025/176, A/80/192, E/2025/15, A/79/845, S/2025/223,
  E/2025/24, E/ICEF/2025/14, DP/FPA/2025/2 and DP/FPA/2025/4: drawn at random like round 13
  (``bench/draw_entity_sample.py --seed 14`` from an export of ``/work/libindex_r16``), labelled
  from the text alone and committed (1d01d93) before the tagger ran on them. Same two ``--corpus``.
- bench/data/entities_sample_round15.jsonl (dev) and entities_sample_round15_aside.jsonl (aside):
  25 chunks of A/80/192, S/2025/303, A/80/143, A/AC.172/2025/2, S/2025/194, E/C.2/2025/2/Add.9,
  E/2025/31, A/80/62, A/80/275, A/HRC/EMRIP/2025/2, CEB/2025/4, DP/FPA/2025/6, A/52/687, A/80/75,
  E/2025/57, E/2025/24, A/47/466, DP/2025/12 and E/ICEF/2025/20, and 20 chunks of DP/OPS/2025/3,
  A/79/845, A/80/1, E/ICEF/2025/14, A/80/38, A/79/722, E/2025/42, A/CONF.230/2025/10, S/2025/200,
  UNW/2025/2, E/HLPF/2025/6, A/AC.109/2009/17, DP/FPA/2025/2, A/80/66, S/2025/346, DP/2025/26 and
  A/CONF.230/2025/L.2: drawn at random like round 14 (``bench/draw_entity_sample.py --seed 15`` from
  an export of ``/work/libindex_r17``), labelled from the text alone and committed (3286dae) before
  the tagger ran on them. Same two ``--corpus``.
- bench/data/entities_sample_round16.jsonl (dev) and entities_sample_round16_aside.jsonl (aside):
  25 chunks of E/2025/15, A/HRC/EMRIP/2025/2, A/AC.172/2025/2, DP/2025/19, S/2025/303, DP/FPA/2025/2,
  E/ICEF/2025/AB/L.3, A/80/1, E/2025/36, A/79/722, CEB/2025/4, E/C.2/2025/2, DP/2025/26, E/2025/31,
  E/HLPF/2025/3/Add.3 and S/2025/176, and 20 chunks of S/2025/346, S/2025/194, A/80/48, A/79/845,
  S/2025/122, E/ICEF/2025/14, E/2025/L.27, S/2025/258, A/52/687, E/2025/57, DP/2025/12, A/47/466,
  A/80/38, A/79/771, E/2025/24 and A/79/907: drawn at random (``bench/draw_entity_sample.py --seed 16
  --rare-kinds`` from an export of ``/work/libindex_r18``), slots kept first for the kinds rounds
  5-15 labelled least (preambles, small-type notes, page-cited text), labelled from the text alone
  and committed (badb3a9) before the tagger ran on them. Each row also lists its ``acronyms``: every
  acronym in the chunk with ``long``, the long forms it should link to (the document's own
  "Long Form (ACR)" definition, else the body's full name), or null where it names no entity
  ("NDCs", "FWAs"). Same two ``--corpus``.
- bench/data/entities_sample_round17.jsonl (dev) and entities_sample_round17_aside.jsonl (aside):
  25 chunks of DP/2025/L.2, E/ICEF/2025/AB/L.3, A/HRC/EMRIP/2025/1, A/80/275, DP/FPA/2025/2, E/2025/42,
  A/80/1, A/79/946, S/2025/223, E/2025/L.16, A/80/75, E/C.2/2025/2, E/2025/36, E/2025/76, A/80/150, A/80/48
  and E/HLPF/2025/3/Add.3, and 20 chunks of DP/FPA/2025/6, S/2025/176, DP/FPA/2025/4, E/HLPF/2025/6,
  DP/2025/12, A/79/797, A/79/722, CEB/2025/4, A/AC.172/2025/2, ICCD/COP(8)/CST/8, S/2025/346, E/2025/57
  and UNW/2025/2: drawn at random (``bench/draw_entity_sample.py --seed 17 --least-kinds`` from an export
  of ``/work/libindex_r19``), each chunk weighted up by how rarely earlier samples labelled its chunk kind
  and its document's type (notes by the Secretariat, provisional agendas, executive directors' and
  offices' reports), labelled from the text alone with ``acronyms`` and committed (7d59c87) before the
  tagger ran on them. Same two ``--corpus``.

- bench/data/entities_sample_round19_instruments.jsonl (dev) and entities_sample_round19_instruments_aside.jsonl
  (aside): 11 and 12 paragraphs no earlier sample cites, with two or more instrument words, one a document,
  **instruments only** labelled (its organization and place rows mean nothing), from the text alone and committed
  (1e6274c) before the tagger ran on them; bench/data/README.md says how they were drawn. Same two ``--corpus``.
- bench/data/entities_sample_round20_instruments.jsonl (dev) and entities_sample_round20_instruments_aside.jsonl
  (aside): 30 and 30 paragraphs no earlier sample cites, up to three a document, split by document, **instruments
  only** labelled (71 and 67), bare back-references with ``refers``, committed (044782f) before the tagger ran on
  them; bench/data/README.md says how they were drawn. Same two ``--corpus``.
- bench/data/entities_sample_round21_instruments.jsonl (dev) and entities_sample_round21_instruments_aside.jsonl
  (aside): 30 and 30 paragraphs drawn the same way (``bench/draw_entity_sample.py --instruments --seed 21``),
  **instruments only** (55 and 75), back-references with ``refers``, committed before the tagger ran on them.
- bench/data/entities_sample_round22_instruments.jsonl (dev) and entities_sample_round22_instruments_aside.jsonl
  (aside): 20 and 20 paragraphs drawn the same way (``--seed 22 --size 40``), **instruments only** (54 and 47),
  back-references with ``refers``, committed (ad67220) before the tagger ran on them.
- bench/data/entities_sample_round23_instruments.jsonl (dev) and entities_sample_round23_instruments_aside.jsonl
  (aside): 20 and 20 paragraphs drawn the same way from /work/libindex_r26 (``--seed 23 --size 40``), **instruments
  only** (45 and 35), back-references with ``refers``; bench/data/entities_sample_round23.jsonl (dev) and
  entities_sample_round23_aside.jsonl (aside): 20 and 20 chunks drawn with ``--least-kinds --seed 23 --size 40``,
  every kind labelled (42 and 47 entities) with ``acronyms``; all committed (f7241d2) before the tagger ran on them.

Each document is tagged whole, so acronym linking sees all of it. A sample chunk whose text the
reader no longer gives (the PDF reader changed) is tagged together with the document's chunks; when
the document itself is not found, the sample chunks of that symbol are tagged as one document.

Annotation conventions (both samples):

- organization: named bodies (UN organs, agencies, offices, divisions, commissions, courts,
  missions, networks, partnerships, alliances, national institutions) and their acronyms, each a
  separate entity ("United Nations Children's Fund" and "UNICEF"); a later short name of a defined
  body ("the Joint Commission", "the Global Partnership") too. "United Nations system",
  "United Nations agencies" tag "United Nations". A body named inside a role is tagged, the role
  is not ("President of the General Assembly" gives "General Assembly"); "Division of Department"
  gives two bodies. Bare back-references ("the Assembly", "the Commission", "the Mission"), roles,
  people, "Member States", governments ("the Government of Serbia" gives the place "Serbia"),
  events (summits, conferences held, sessions, symposia), publications and products (reports,
  toolkits, indexes, portals, named initiatives and projects) are not organizations.
- instrument: treaties, conventions, covenants, protocols, declarations, agendas, compacts, pacts,
  frameworks and principles adopted as norms, national laws named by title, resolutions and
  decisions (with their organ: "General Assembly resolution 68/4"), UN document symbols. A bare
  "the Declaration" that refers back to a declaration named earlier is tagged ("Declaration",
  without the article). An instrument named inside a body's name is tagged apart
  ("Conference of the Parties" + "Convention on Biological Diversity").
- place: countries, territories, regions and sub-regions, cities, towns, municipalities and valleys,
  also as modifiers ("Kosovo police", "Serbia-run" give "Kosovo", "Serbia"); bilingual names are
  one place ("Obiliq/Obilić"). A place inside a body's name is part of that name. Demonyms
  ("Serbian"), facilities (canals, crossings, plants) and lowercase descriptors ("municipality") are not.
- Spans drop a leading "the" and trailing punctuation.
- Round 5 made explicit: a bare back-reference to any instrument named before ("the Agreement",
  "the charter") is tagged like "the Declaration"; a convention's acronym names the instrument
  where the treaty is meant and an organization where it acts ("together with WMO, UNCCD and
  ..."); events, awards and projects are not entities, nor is "United Nations" inside their
  names, but a body or country named beside them is ("the UNDP Tuvalu ... Project" gives "UNDP"
  and "Tuvalu"); UN regional groups ("African States", "Western European and other States") and
  "the Secretariat", "the Executive Board", "the Bureau" used bare are not tagged.
- Round 6 made explicit: a bare "that Agreement" refers back like "the Agreement"; an acronym
  inside an instrument's title is the body's ("Statute of the International Atomic Energy Agency
  (IAEA)" gives the instrument and "IAEA"); a body's name in another language keeps the place it
  ends in ("Coalición Nacional de Mujeres del Ecuador"); a lowercase road map ("the 2021 joint road
  map for peace in the Central African Republic") is no instrument, but the country in it is a place.
- Round 9 made explicit: a resolution's quoted title that names an outcome document ("entitled
  “Outcome document of the high-level meeting of the General Assembly on ...”") is an instrument,
  the body inside it included; a decision's quoted title is not, but a body or place in it is; a
  treaty named as someone's employer ("Senior Director, ..., United Nations Framework Convention on
  Climate Change (UNFCCC)") is a body, "at the secretariat of the Convention ..." keeps it the
  treaty; the town where an organ met ("the Conference of the Parties in Baku") is a place, not part
  of its name; "Friends of <...>" groups are bodies; national policies, strategies and plans named
  by title ("National Justice Sector Strategy", "Somalia National Youth Policy 2025-2030") and
  treaty bodies' general comments are instruments; decades ("United Nations Decade of Healthy
  Ageing") and forums held as meetings ("Global Refugee Forum") are events.
- Round 10 made explicit: "relevant Security Council resolutions" without a number gives the body,
  and the numbers that follow are each an instrument ("resolutions 242 (1967)", "338 (1973)"); a
  bare "the resolution" or "the Law" refers back like "the Convention"; a body's plan, charter or
  agreement named by title keeps the body in its span ("UNICEF Gender Action Plan, 2022–2025",
  "CICA Host Country Agreement"), a date after "of" is left out ("... Agreement of 2007"), and a
  plan named for a place keeps it ("... Response Plan for Latin America and the Caribbean"); a
  peace plan adopted by an organ ("Arab Peace Initiative") and a free trade area being implemented
  ("the African Continental Free Trade Area") are instruments, a national programme called an
  initiative is not; a conference named by its town ("the Madrid Conference") is an event; named
  armed groups ("M23", "ISIL-K", "Taliban") are organizations; a body or place named in a role is
  tagged ("Permanent Representative of Morocco to the United Nations", "Regional Lead Europe"), and
  a body before "-led" is too ("UN-led", as "European Union-facilitated"); "North and South Kivu"
  is one place, a place naming a process or a facility is a place ("the Luanda ... processes",
  "the Goma airport"), and "the Caribbean and Pacific regions" gives two.
- Round 11 made explicit: a national or world programme or policy named by title is an instrument
  ("National Programme for ... 2023–2030", "Programme for Children 2020–2025", "resolution on Family
  Policy 2018 – 2028", "World Programme for Human Rights Education"), a programme that funds projects
  is not ("Small-Scale Initiatives Programme for ..."); universities, colleges and national
  institutions ("Human Rights Ombudsman of the Republic of Slovenia") are bodies, a bare "the
  Ombudsman" is not; the town a body sits in is a place, not part of its name ("Group of Friends of
  ... in Geneva", "King's College in London"); a body's name translated in brackets is tagged too
  ("Académie internationale de la paix (International Peace Academy)"); a grouping used as an
  economic region is a place ("the Commonwealth of Independent States (CIS) region", "the CFA Franc
  Zone"); each item of "the Dnipro, Kyiv, Mykolaiv and Donetsk regions" is a place.
- Round 12 made explicit: a body's framework or strategy named by title keeps the body in its span
  ("UNFPA Accountability Framework", "UNDP Gender Equality Strategy, 2022-2025", "2023 IMO Strategy
  on ...", "OIAI Charter"), and a short name that refers back to it is tagged ("the P/CVE strategy",
  "the 2023 Strategy", "the Roadmap"); a named road map, rules of procedure, guidelines, a vision
  or a set of principles adopted by a body ("Roadmap for CICA Transformation", "CICA Rules of
  Procedure", "2050 Vision for Biodiversity", "Ten Principles") is an instrument; an outcome
  document named by its title ("the Sevilla Commitment", "“The future we want”") is one, the
  conference that adopted it is an event; a lowercase plan, strategy or policy stays no instrument
  ("the plan of action for the Second International Decade", "the United Nations integrated
  strategy for the Sahel", the place and body in it tagged, as for a lowercase road map); an
  organization's internal policy ("Accountability System Policy") is no instrument; a decision's
  own number heading it ("2024/EB.A/2") and a body's general regulation ("General Regulation VI.3")
  are instruments; "the Council of the Food and Agriculture Organization" gives the FAO; an
  embassy gives its country; a fund holding resources ("Special Voluntary Fund (SVF)") is a body,
  "United Nations Volunteers" deployed are people.
- Round 13 made explicit: an organ's decision by its session symbol is an instrument ("Council
  decision EC-94/DEC.2", "(C-25/DEC.9, dated ...)", "EC-83/DEC." without its dot); an agency's
  internal reference ("PROCEDURE/DHR/2022/007") and its internal procedure are not; a currency
  ("United States dollars") is no place; an agency's region named as a region ("Arab States",
  "East and Southern Africa" in a table of regions) is a place, Arab States counted ("eight Arab
  States") are not; a country's armed forces by name ("Armed Forces of the Russian Federation") are a
  body; a town and its region ("Bucha, Kyiv Region") are two places; a body the document writes only
  in a table's scrambled cells is labelled as far as its words run.

- Round 14 made explicit: a treaty's "Meeting of the States Parties" is a body, like the
  "Conference of States Parties"; a working group told apart by a letter keeps it ("Working Group
  A"); "Working Group on Communications under the Optional Protocol" gives the body and the
  instrument ("Optional Protocol"); an agency's office written with its region and no "for"
  ("Subregional Office Latin America and the Caribbean") is one body; the regions agencies and the
  SDG reports group countries by ("Eastern and Southern Africa", "West and Central Africa",
  "Eastern Europe and Central Asia") are one place each; "United Nations" owning schools, staff
  or knowledge products is tagged; a people ("the genocide against the Tutsi") is no place; the
  pledges under the Paris Agreement ("NDCs") are no entity.

- Round 16 made explicit: a scrambled calendar cell's "General Assembly resolution(s)" with its number
  printed away from it gives the body, and each number is an instrument; a status table's business
  unit ("Division for Management Services") is a body; a sea ("Mediterranean Sea") is a place; a
  mission's "Permanent Representation of Qatar to the OPCW" is one body, like "Permanent Mission of
  Chile to the United Nations".
- Round 17 made explicit: an acronym inside a longer labelled name ("UNICEF" of "UNICEF Accountability to
  Affected Populations Strategy 2022–2025", "CICA Secretariat") is not labelled as a link, as round 16 did;
  "the Expert Mechanism" is a body's short name (a bare "the Mechanism" is not); "Bureau of the Human Rights
  Council" gives the Council; an office's "Section" ("Investigations Section") and a club ("Geneva Press
  Club") are bodies; an agency's named strategy with its years ("People Strategy 2030") is an instrument;
  a body's sub-unit named inside a role ("Director of Oversight Office") is tagged.

Back-references (``refers``, round 20 on): a bare "the Convention" labelled with words of the instrument it
means is counted right, wrong (linked to another instrument) or untagged.

Acronym links (``acronyms``, round 16 on): a labelled acronym with long forms is linked when the entity
tagged on it has one of them as its canonical name (compared without case, article or curly quotes);
precision counts the acronyms the tagger gave any other canonical name than their own.

A prediction matches a gold entity when the kinds are equal and the character spans overlap
("overlap"); "exact" needs equal spans too. Precision = matched predictions / predictions,
recall = matched gold entities / gold entities, per kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = ("organization", "instrument", "place")


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _find_doc(rows: list[dict], doc: Path, corpora: list[Path]) -> Path | None:
    """The document a group of sample rows comes from: its ``pdf`` in a CORPUS folder, else --doc if it
    holds the same symbol, else a file in a CORPUS folder named after the symbol."""
    name = rows[0].get("pdf")
    for corpus in corpora:
        if name and (corpus / name).exists():
            return corpus / name
    if not name and doc.exists() and doc.stem.split(".")[0] == rows[0]["symbol"].replace("/", "-"):
        return doc  # (round 17: a row without ``pdf`` of another document no longer falls back to --doc)
    for corpus in corpora:
        stem = rows[0]["symbol"].replace("/", "_")
        for cand in sorted(corpus.glob(stem + ".*")) + sorted(corpus.glob(rows[0]["symbol"].replace("/", "-") + ".*")):
            return cand
    return None


def _predict(sample: list[dict], doc_path: Path, corpora: list[Path] | None = None) -> tuple[list[list[dict]], float, float]:
    from ingest import read_document
    from ingest.entities.tagger import nlp, tag_document, tag_texts

    t0 = time.perf_counter()
    nlp()
    load = time.perf_counter() - t0
    groups: dict[str, list[int]] = {}
    for i, s in enumerate(sample):
        groups.setdefault(s.get("symbol") or "", []).append(i)
    preds: list[list[dict] | None] = [None] * len(sample)
    tag = 0.0
    for rows in groups.values():
        path = _find_doc([sample[i] for i in rows], doc_path, corpora or [])
        doc = read_document(path) if path else None
        t0 = time.perf_counter()
        if doc is not None:
            tagged = tag_document(doc)
            by_text = {c.text: c for c in tagged.chunks}
            for i in rows:
                if sample[i]["text"] in by_text:
                    preds[i] = [e.to_dict() for e in by_text[sample[i]["text"]].entities]
            missing = [i for i in rows if preds[i] is None]
            if missing:  # the reader changed: tag the sample texts along with the document
                texts = [c.text for c in doc.chunks]
                extra = tag_texts(texts + [sample[i]["text"] for i in missing])[len(texts):]
                for i, ents in zip(missing, extra):
                    preds[i] = [e.to_dict() for e in ents]
                print(f"note: {len(missing)} sample chunks of {doc.symbol} not in the parsed document; tagged alongside it")
        else:
            extra = tag_texts([sample[i]["text"] for i in rows])
            for i, ents in zip(rows, extra):
                preds[i] = [e.to_dict() for e in ents]
            print(f"note: no document for {sample[rows[0]].get('symbol')}; its sample chunks tagged as one document")
        tag += time.perf_counter() - t0
    return preds, load, tag


def _overlap(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a["start"] < b["end"] and b["start"] < a["end"]


def _exact(a: dict, b: dict) -> bool:
    return a["kind"] == b["kind"] and a["start"] == b["start"] and a["end"] == b["end"]


def score(sample: list[dict], preds: list[list[dict]], match) -> dict[str, dict[str, int]]:
    """Per kind: predictions, matched predictions, gold entities, matched gold entities."""
    out = {k: {"pred": 0, "pred_ok": 0, "gold": 0, "gold_ok": 0} for k in KINDS}
    for s, pred in zip(sample, preds):
        gold = [g for g in s["entities"] if g["kind"] in KINDS]
        pred = [p for p in pred if p["kind"] in KINDS]
        for p in pred:
            out[p["kind"]]["pred"] += 1
            out[p["kind"]]["pred_ok"] += any(match(p, g) for g in gold)
        for g in gold:
            out[g["kind"]]["gold"] += 1
            out[g["kind"]]["gold_ok"] += any(match(p, g) for p in pred)
    return out


def _norm_name(s: str) -> str:
    s = " ".join(s.replace("\u2019", "'").replace("\u2010", "-").split()).strip(" .,;:").lower()
    return s[4:] if s.startswith("the ") else s


def score_links(sample: list[dict], preds: list[list[dict]]) -> dict[str, int]:
    """Acronym linking against a sample's ``acronyms`` labels (round 16 on): each labelled acronym
    with a ``long`` list is linked when the entity tagged on it has one of those long forms as its
    canonical name. A link is the tagger giving an acronym a canonical name other than itself."""
    out = {"gold": 0, "gold_ok": 0, "linked": 0, "linked_ok": 0}
    for s, pred in zip(sample, preds):
        for a in s.get("acronyms", []):
            longs = {_norm_name(x) for x in a["long"] or []}
            on = [p for p in pred if p["kind"] in KINDS and p["start"] <= a["start"] and a["end"] <= p["end"]]
            canon = _norm_name(on[0].get("canonical", on[0]["text"])) if on else ""
            linked = bool(canon) and canon != _norm_name(a["text"])
            out["gold"] += bool(longs)
            out["gold_ok"] += canon in longs
            out["linked"] += linked
            out["linked_ok"] += linked and canon in longs
    return out


def link_errors(sample: list[dict], preds: list[list[dict]]) -> list[str]:
    lines = []
    for s, pred in zip(sample, preds):
        for a in s.get("acronyms", []):
            longs = {_norm_name(x) for x in a["long"] or []}
            on = [p for p in pred if p["kind"] in KINDS and p["start"] <= a["start"] and a["end"] <= p["end"]]
            canon = on[0].get("canonical", on[0]["text"]) if on else None
            if (_norm_name(canon or "") in longs) != bool(longs) or (not longs and canon and _norm_name(canon) != _norm_name(a["text"])):
                lines.append(f"LINK  {s['citation']}: {a['text']!r} -> {canon!r} (want {sorted(a['long'] or [])[:1]})")
    return lines


def score_refers(sample: list[dict], preds: list[list[dict]]) -> tuple[dict[str, int], list[str]]:
    """Back-references against a sample's ``refers`` labels (round 20): a bare "the Convention" labelled with
    words of the instrument it means is right when the instrument tagged on it has a canonical name holding
    them, wrong when it names another instrument, untagged when nothing is tagged on it."""
    out = {"gold": 0, "right": 0, "wrong": 0, "untagged": 0}
    lines = []
    for s, pred in zip(sample, preds):
        for g in s["entities"]:
            if not g.get("refers"):
                continue
            on = [p for p in pred if p["kind"] == "instrument" and _overlap(p, g)]
            canon = on[0].get("canonical", on[0]["text"]) if on else None
            kind = "untagged" if canon is None else "right" if g["refers"].lower() in canon.lower() else "wrong"
            out["gold"] += 1
            out[kind] += 1
            if kind != "right":
                lines.append(f"REF   {s['citation']}: {g['text']!r} -> {canon!r} (want {g['refers']!r})")
    return out, lines


def _row(name: str, c: dict[str, int]) -> str:
    p = c["pred_ok"] / c["pred"] if c["pred"] else 1.0
    r = c["gold_ok"] / c["gold"] if c["gold"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<13} {c['gold']:>5} {c['pred']:>5}   {p:6.3f} {r:6.3f} {f:6.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sample", nargs="?", default=str(ROOT / "bench" / "data" / "entities_sample.jsonl"))
    ap.add_argument("--doc", default=str(ROOT / "corpus" / "A-69-207.txt"), help="the report the sample comes from")
    ap.add_argument("--corpus", action="append", default=[],
                    help="folder holding the documents a multi-document sample names (its \"pdf\" field); repeatable")
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms (overlap matching)")
    args = ap.parse_args(argv)
    sample = _load(Path(args.sample))
    preds, load, tag = _predict(sample, Path(args.doc), [Path(c) for c in args.corpus])
    print(f"sample: {args.sample} ({len(sample)} chunks)")
    print(f"model load {load:.2f} s; tagging the whole documents {tag:.2f} s")
    for label, match in (("overlap", _overlap), ("exact", _exact)):
        res = score(sample, preds, match)
        print(f"\n[{label} span, same kind]")
        print(f"{'kind':<13} {'gold':>5} {'pred':>5}   {'prec':>6} {'recall':>6} {'F1':>6}")
        for k in KINDS:
            print(_row(k, res[k]))
        total = {f: sum(res[k][f] for k in KINDS) for f in ("pred", "pred_ok", "gold", "gold_ok")}
        print(_row("all three", total))
    links = score_links(sample, preds)
    if links["gold"] or links["linked"]:
        lp = links["linked_ok"] / links["linked"] if links["linked"] else 1.0
        lr = links["gold_ok"] / links["gold"] if links["gold"] else 1.0
        print(f"\n[acronym links] {links['gold']} acronyms with a long form, {links['linked']} linked: "
              f"precision {lp:.3f} ({links['linked_ok']}/{links['linked']}), recall {lr:.3f} ({links['gold_ok']}/{links['gold']})")
    refers, ref_lines = score_refers(sample, preds)
    if refers["gold"]:
        print(f"\n[back-references] {refers['gold']} labelled with the instrument they mean: {refers['right']} linked to it, "
              f"{refers['wrong']} to another, {refers['untagged']} untagged")
    if args.errors:
        print()
        for line in link_errors(sample, preds) + ref_lines:
            print(line)
        for s, pred in zip(sample, preds):
            gold = [g for g in s["entities"] if g["kind"] in KINDS]
            pred = [p for p in pred if p["kind"] in KINDS]
            for g in gold:
                if not any(_overlap(p, g) for p in pred):
                    print(f"MISS  {s['citation']}: {g['kind']} {g['text']!r}")
            for p in pred:
                if not any(_overlap(p, g) for g in gold):
                    print(f"FALSE {s['citation']}: {p['kind']} {p['text']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
