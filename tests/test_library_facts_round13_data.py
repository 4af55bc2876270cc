"""Round 13's blind answer set (bench/data/library_facts_round13.jsonl) stays well-formed.

The set measures whether the answer rules hold on questions nobody tuned on, so an edit that drops
a field, mixes a document into both halves or breaks the two-facts-and-one-trap-per-document shape
would silently change what `bench_answers.py --round blind13` reports; these checks catch that.
"""
from blind_sets import DATA, check_answer_row, check_answer_shape, labelled_elsewhere, rows

PATH = DATA / "library_facts_round13.jsonl"


def test_every_line_has_the_fields_of_its_kind():
    for row in rows(PATH):
        check_answer_row(row, 13)


def test_sixty_questions_two_facts_and_one_trap_per_document_split_by_document():
    check_answer_shape(rows(PATH))


def test_no_labelled_paragraph_is_labelled_by_an_earlier_set():
    ours = {(r["symbol"], r["part"] or "", r["page"], r["para"]) for r in rows(PATH) if r["kind"] == "fact"}
    assert not ours & labelled_elsewhere(PATH)[0]
