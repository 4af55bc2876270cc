"""What `ask` reads of the documents a question picked (issue #19, round 19).

The fact part of a question (``search.fact_part``: the question less the names and title runs of its picked
documents) was searched in them in round 18, and reached paragraphs that were then not read (kept past the 12
best sentences against the whole question, whose subject words every paragraph of the document repeats) or
were refused by the names gate (the paragraph names nothing asked: "*The office* is expected to be operational
for a minimum of six years"). Here the fact part's best sentences are read at their fact-part score when the question's
best sentences hold no fact, and their paragraphs need not repeat a name that says a run of their document's title. Real paragraphs of E/2025/42 and A/80/48 (round 18's
library), indexed through `paracite ingest`.
"""

from __future__ import annotations

from dataclasses import replace

from search.evidence import question_terms, score_sentences
from search.fact_part import fact_part, fact_read, fact_read_exempt, lifted, only_read
from search.fact_sources import MIN_FACT_SCORE
from search.names import question_names

from paragraph_library import assert_fact, libraries_fixture
from test_answer_retrieval_round18 import _DOCS, _OFFICE_Q, _SIXTIETH_Q

libraries = libraries_fixture({"round19": _DOCS})


def _read(lib, question: str, symbol: str):
    names = question_names(lib, question)
    part = fact_part(lib, question, [symbol], names)
    hits = lib.search(question, k=20, doc=symbol)
    return part, hits, names, fact_read(lib, part, hits, [symbol])


def test_the_fact_parts_best_sentence_is_read_at_its_fact_part_score(libraries):
    lib = libraries("round19")
    part, hits, _, read = _read(lib, _OFFICE_Q, "E/2025/42")
    assert read and read[0].hit.citation == "E/2025/42, para. 20" and "minimum of six years" in read[0].sentence.text
    assert all(s.score >= MIN_FACT_SCORE for s in read)
    whole = score_sentences(lib, _OFFICE_Q, hits, question_terms(lib, _OFFICE_Q), headings=True)
    before = [s.sentence.text for s in whole].index(read[0].sentence.text)
    after = [s.sentence.text for s in lifted(whole, read)].index(read[0].sentence.text)
    assert after < before and after == 0  # against the whole question it is not the best; read for the fact, it is
    assert fact_read(lib, None, hits, ["E/2025/42"]) == []  # no fact part: nothing more read
    assert fact_read(lib, part, hits, ["A/80/48"]) == []  # none of the hits in the picked documents


def test_lifting_never_lowers_a_sentence(libraries):
    lib = libraries("round19")
    _, hits, _, read = _read(lib, _OFFICE_Q, "E/2025/42")
    whole = score_sentences(lib, _OFFICE_Q, hits, question_terms(lib, _OFFICE_Q), headings=True)
    low = [replace(s, score=0.0) for s in read]
    assert lifted(whole, low) == whole


_E810_Q = ("Which country became the sixtieth State party to the International Convention on the Protection of the Rights "
           "of All Migrant Workers?")


def test_a_paragraph_read_for_the_fact_need_not_repeat_a_name_said_by_its_documents_title(libraries):
    lib = libraries("round19")
    _, hits, names, read = _read(lib, _E810_Q, "A/80/48")
    assert any("Zimbabwe" in s.sentence.text for s in read) and all(s.hit.symbol == "A/80/48" for s in read)
    exempt = {h.citation: set() for h in hits}
    out = fact_read_exempt(lib, exempt, read, ["A/80/48"], names)
    convention = [n for n, _ in names if n.startswith("International Convention")]
    assert convention and set(convention) <= out["A/80/48, para. 8"]  # "the Committee on the Protection of ...'s" report
    assert all(not e for c, e in out.items() if c not in {s.hit.citation for s in read})  # the others still must name it
    assert fact_read_exempt(lib, exempt, [], ["A/80/48"], names) is exempt
    # the names a document only cites, its title never saying them, stay asked ("the Council of Europe's elections"
    # in a Kosovo report): the Network and China are not the Forum's report's title
    _, hits, names, read = _read(lib, _OFFICE_Q, "E/2025/42")
    out = fact_read_exempt(lib, {h.citation: set() for h in hits}, read, ["E/2025/42"], names)
    assert not any(out.values())


def test_ask_reads_the_fact_parts_best_only_when_the_questions_best_hold_no_fact(libraries, monkeypatch):
    import search.answer as answer

    lib = libraries("round19")
    calls: list[list[str]] = []
    real = answer.find_facts

    def first_finds_nothing(scored, *a, **k):
        calls.append([s.sentence.text for s in scored])
        return [] if len(calls) == 1 else real(scored, *a, **k)

    monkeypatch.setattr(answer, "find_facts", first_finds_nothing)
    answer_ = lib.ask(_E810_Q)
    assert len(calls) == 2 and len(calls[1]) <= 2 and any("Zimbabwe" in t for t in calls[1])
    assert_fact(answer_, "Zimbabwe", "A/80/48, para. 8")
    calls.clear()
    monkeypatch.setattr(answer, "find_facts", lambda scored, *a, **k: calls.append(1) or real(scored, *a, **k))
    assert_fact(lib.ask(_SIXTIETH_Q), "Zimbabwe", "A/80/48, para. 8")
    assert len(calls) == 1  # the question's best hold the fact: nothing more is read


def test_only_the_read_sentences_are_picked_from(libraries):
    lib = libraries("round19")
    _, hits, _, read = _read(lib, _OFFICE_Q, "E/2025/42")
    whole = score_sentences(lib, _OFFICE_Q, hits, question_terms(lib, _OFFICE_Q), headings=True)
    assert [s.sentence.text for s in only_read(lifted(whole, read), read)] == [s.sentence.text for s in read]
