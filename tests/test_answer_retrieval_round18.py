"""Which paragraphs `ask` reads (issue #19, round 18): the question's fact part is searched in its documents.

A question names what picks its document ("the Global Forest Financing Facilitation Network office in China",
"the International Convention on the Protection of the Rights of All Migrant Workers ..."); inside that document
the paragraph stating the fact need not repeat it ("*The office* is expected to be operational for a minimum of
six years"), while many others do and outrank it. ``search.fact_part`` takes the names the picked documents cite
and the runs of their titles out of the question; ``search.evidence.retrieve`` searches what is left in them.
Real paragraphs of E/2025/42 and A/80/48, indexed through `paracite ingest`.
"""

from __future__ import annotations

import pytest

from search.evidence import retrieve
from search.fact_part import fact_part, without_names, without_title_runs
from search.names import question_names

from paragraph_library import by_document, libraries_fixture

_FORUM = "United Nations Forum on Forests (Report on the twentieth session (10 May 2024 and 5–9 May 2025))"
_CMW = "Report of the Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"
_CONVENTION = "the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"
_OFFICE_Q = "For how long, at minimum, is the Global Forest Financing Facilitation Network office in China expected to operate?"
_SIXTIETH_Q = f"Which country became the sixtieth State Party to {_CONVENTION}?"

_DOCS = by_document({
    "E/2025/42": (_FORUM, {
        16: ("The Forum secretariat introduced the note by the Secretariat contained in document E/CN.18/2025/4. The "
             "Director of the secretariat also informed the Forum about the latest developments and progress in "
             "consultations on the establishment of the Global Forest Financing Facilitation Network office in China. "
             "She reported that, since the conclusion of the nineteenth session of the Forum, extensive informal "
             "consultations had been conducted, leading to the resolution of all pending substantive issues related to "
             "the name, nature, scope of activities and organizational and institutional arrangements of the office."),
        17: ("Accordingly, the key objectives and function of the office, once established, will be to support and "
             "scale up the capacity development activities of the Global Forest Financing Facilitation Network through "
             "knowledge-sharing, exchange of lessons learned and best practices, training, capacity-building, research "
             "and multilateral cooperation. The Forum secretariat is the manager of the Network and is the body "
             "responsible for carrying out the secretariat functions of the Forum, including the functions and "
             "priorities of the Network."),
        18: ("The head of the office operates and works under the direct supervision of the Director of the Forum "
             "secretariat. The programme of work of the office will be consistent with and complement the programme of "
             "work of the Forum secretariat on the Global Forest Financing Facilitation Network. The secretariat will be "
             "the interface with Member States, the Bureau of the Forum and United Nations bodies and entities. All "
             "requests by Member States for assistance from the Network will be sent to the Forum secretariat for an "
             "appropriate decision and follow-up action, including for execution by the office."),
        20: ("The office is expected to be operational for a minimum of six years, from 2025 to 2030, which can be "
             "extended subject to mutual agreement. A steering committee consists of representatives from the "
             "Department of Economic and Social Affairs and the host Government and will be established by the "
             "Department to provide advice to the head of the office on the operational aspects of the work of the "
             "office, including its annual workplan, programme implementation and the use of funds by the office."),
    }),
    "A/80/48": (_CMW, {
        5: ("On 13 December 2024, at its thirty-ninth session, following a proposal from the Chair, Ms. Diallo, the "
            "Committee decided to approach the Committee on Economic, Social and Cultural Rights to discuss the "
            "possibility of developing, in the future, a joint general comment of the Committee on the Protection of "
            "the Rights of All Migrant Workers and Members of Their Families and the Committee on Economic, Social and "
            "Cultural Rights on the promotion and protection of the economic, social and cultural rights of migrants."),
        6: ("On 10 April 2025, at its fortieth session, following a dialogue with Gladys Cisneros, Chief of the Labour "
            "Migration Branch of the International Labour Organization (ILO), the Committee and ILO decided to further "
            "enhance their collaboration by adopting a draft road map of collaboration and preparing training "
            "materials on labour migration standards, in application of the relevant ILO conventions and "
            f"{_CONVENTION}, for the use of employers, workers, trade unions and other stakeholders."),
        8: ("On 23 June 2025, there were 60 States Parties to the Convention. The Committee welcomes as a positive "
            "development the depositing by Zimbabwe of its instrument of accession as the sixtieth State Party to the "
            "Convention, on 5 November 2024. The Convention entered into force for Zimbabwe on 1 March 2025, in "
            "conformity with the provisions of article 87 (2) of the Convention."),
        40: ("Addressing the Committee’s general comments, the Chair informed Member States that during its "
             "thirty-eighth session, the Committee had completed the process of drafting its general comment No. 6 "
             "(2024). Furthermore, she stressed that the Committee on the Elimination of Racial Discrimination and the "
             "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families were "
             "engaged in a joint initiative in the drafting process for their joint general recommendations and general "
             "comments and that this was at a very advanced stage."),
        51: ("On 14 April 2025, the Committee on the Protection of the Rights of All Migrant Workers and Members of "
             "Their Families held its first joint meeting with the Committee against Torture. The Committees discussed "
             "collaboration on sharing key documents, advocating for the ratification of "
             f"{_CONVENTION}, ensuring non-refoulement and safe transfers for migrants, and upholding the prohibition "
             "of torture and degrading treatment in detention and border control contexts."),
    }),
})
libraries = libraries_fixture({"round18": _DOCS})


@pytest.mark.parametrize("question, title, left", [
    (_SIXTIETH_Q, _CMW, "Which country became the sixtieth State Party to the International Convention ?"),
    # fewer than four words in the title's order: nothing is its subject
    ("How many members does the Committee on Economic, Social and Cultural Rights have?", _CMW,
     "How many members does the Committee on Economic, Social and Cultural Rights have?"),
])
def test_a_run_of_the_title_is_taken_out(question, title, left):
    assert " ".join(without_title_runs(question, title).split()) == left


def test_names_are_taken_out_longest_first_with_their_article_and_possessive():
    q = "When did the Global Forest Financing Facilitation Network's office in China open?"
    assert " ".join(without_names(q, {"Global Forest Financing Facilitation Network", "China"}).split()) == \
        "When did office in open?"


def test_the_fact_part_leaves_out_what_picked_the_document(libraries):
    lib = libraries("round18")
    names = question_names(lib, _OFFICE_Q)
    part = fact_part(lib, _OFFICE_Q, ["E/2025/42"], names)
    assert part is not None and "China" not in part and "Network" not in part
    assert "minimum" in part and "expected to operate" in part
    assert fact_part(lib, _OFFICE_Q, [], names) is None  # no document picked: nothing to read more of
    # a document that cites none of the names and whose title the question does not repeat: nothing taken out
    assert fact_part(lib, _OFFICE_Q, ["A/80/48"], names) is None


@pytest.mark.parametrize("question, symbol, cited", [
    (_OFFICE_Q, "E/2025/42", "E/2025/42, para. 20"),
    (_SIXTIETH_Q, "A/80/48", "A/80/48, para. 8"),
])
def test_the_fact_part_ranks_first_the_paragraph_that_does_not_repeat_the_subject(libraries, question, symbol, cited):
    lib = libraries("round18")
    part = fact_part(lib, question, [symbol], question_names(lib, question))
    assert lib.search(question, k=1, doc=symbol)[0].citation != cited  # the whole question: one naming the subject leads
    assert lib.search(part, k=1, doc=symbol)[0].citation == cited
    assert lib.search(part, k=1, doc=symbol, mode="bm25")[0].citation == cited


def test_ask_searches_the_fact_part_in_the_documents_it_picked(libraries, monkeypatch):
    import search.answer as answer

    lib = libraries("round18")
    seen = {}
    real = answer.fact_hits

    def spy(searcher, fact, hits, docs, **kw):  # a fact question searches its fact part once its first pick found none
        seen.update(fact=fact, docs=docs)
        return real(searcher, fact, hits, docs, **kw)

    monkeypatch.setattr(answer, "fact_hits", spy)
    lib.ask(_OFFICE_Q)
    assert seen["docs"] == ["E/2025/42"] and "minimum" in seen["fact"] and "China" not in seen["fact"]
    hits = answer.retrieve(lib, _OFFICE_Q, 1, docs=seen["docs"], fact=seen["fact"])
    assert "E/2025/42, para. 20" in [h.citation for h in hits]
    assert "E/2025/42, para. 20" in [h.citation for h in real(lib, seen["fact"], [], seen["docs"])]
