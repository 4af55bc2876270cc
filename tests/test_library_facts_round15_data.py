"""Round 15's blind answer set (bench/data/library_facts_round15.jsonl) stays well-formed.

The set is the fourteenth session's never-tuned measure of the answer rules: an edit that drops a field,
mixes a document into both halves, breaks the two-facts-and-one-trap-per-document shape, reuses a
paragraph another set labels or unregisters round `blind15` would silently change what
`bench_answers.py` reports; these checks catch that without running anything over the questions.
"""
from blind_sets import DATA, check_answer_row, check_answer_shape, labelled_elsewhere, rows

PATH = DATA / "library_facts_round15.jsonl"


def test_every_line_has_the_fields_of_its_kind():
    for row in rows(PATH):
        check_answer_row(row, 15)
        assert row["kind"] == "none" or isinstance(row["para"], int), row["id"]


def test_sixty_questions_two_facts_and_one_trap_per_document_split_by_document():
    check_answer_shape(rows(PATH))


def test_no_labelled_paragraph_is_labelled_or_cited_by_another_set():
    facts = [r for r in rows(PATH) if r["kind"] == "fact"]
    keys, citations = labelled_elsewhere(PATH)
    assert not {(r["symbol"], r["part"] or "", r["page"], r["para"]) for r in facts} & keys
    assert not {c for r in facts for c in r["citations"]} & citations


def test_the_round_is_registered_for_bench_answers():
    source = (DATA.parent / "bench_answers.py").read_text(encoding="utf-8")
    assert '"blind15": (LIB_BLIND15,)' in source and '"library_facts_round15.jsonl"' in source
