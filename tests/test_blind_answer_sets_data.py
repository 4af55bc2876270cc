"""The blind answer sets written in the library sessions (bench/data/library_facts_round14.jsonl,
..._round15.jsonl to ..._round27.jsonl) stay well-formed.

Each set is one session's never-tuned measure of the answer rules: an edit that drops a field, mixes a
document into both halves, breaks the two-facts-and-one-trap-per-document shape, reuses a paragraph
another set labels or unregisters the round would silently change what `bench_answers.py` reports;
these checks catch that without running anything over the questions.
"""
import pytest

from blind_sets import DATA, check_answer_row, check_answer_shape, labelled_elsewhere, rows

ROUNDS = [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]


@pytest.mark.parametrize("round_no", ROUNDS)
def test_every_line_has_the_fields_of_its_kind(round_no):
    for row in rows(DATA / f"library_facts_round{round_no}.jsonl"):
        check_answer_row(row, round_no)
        assert row["kind"] == "none" or isinstance(row["para"], int), row["id"]


@pytest.mark.parametrize("round_no", ROUNDS)
def test_sixty_questions_two_facts_and_one_trap_per_document_split_by_document(round_no):
    check_answer_shape(rows(DATA / f"library_facts_round{round_no}.jsonl"))


@pytest.mark.parametrize("round_no", ROUNDS)
def test_no_labelled_paragraph_is_labelled_or_cited_by_another_set(round_no):
    path = DATA / f"library_facts_round{round_no}.jsonl"
    facts = [r for r in rows(path) if r["kind"] == "fact"]
    keys, citations = labelled_elsewhere(path)
    assert not {(r["symbol"], r["part"] or "", r["page"], r["para"]) for r in facts} & keys
    assert not {c for r in facts for c in r["citations"]} & citations


@pytest.mark.parametrize("round_no", ROUNDS)
def test_the_round_is_registered_for_bench_answers(round_no):
    source = (DATA.parent / "bench_answers.py").read_text(encoding="utf-8")
    assert f'"blind{round_no}": (LIB_BLIND{round_no},)' in source
    assert f'"library_facts_round{round_no}.jsonl"' in source


def test_round_26_has_twenty_own_words_facts_and_six_loose_or_twice_stated_subjects():
    """Round 26 asks half its facts in a user's words and at least six of a loosely named subject or of a fact
    stated twice (a second accepted citation); the notes say which, so a later edit cannot drop them silently."""
    facts = [r for r in rows(DATA / "library_facts_round26.jsonl") if r["kind"] == "fact"]
    own = [r for r in facts if "own-words question" in r["note"]]
    assert len(own) == 20 and {r["split"] for r in own} == {"dev", "heldout"}
    realistic = [r for r in facts if "loosely named subject" in r["note"] or len(r["citations"]) > 1]
    assert len(realistic) >= 6


def test_round_27_is_plain_with_varied_traps_and_six_loose_or_twice_stated_subjects():
    """Round 27 asks as a policy analyst does: at most a quarter of the facts in a user's own words, at least six
    of a loosely named subject or of a fact stated twice, and traps of both sorts (a near-miss a reader trips
    on, or a fact the document does not give at all); each trap's note names its near-miss."""
    lines = rows(DATA / "library_facts_round27.jsonl")
    facts = [r for r in lines if r["kind"] == "fact"]
    own = [r for r in facts if "own-words question" in r["note"]]
    assert 1 <= len(own) <= 10
    realistic = [r for r in facts if "loosely named subject" in r["note"] or len(r["citations"]) > 1]
    assert len(realistic) >= 6 and {r["split"] for r in realistic} == {"dev", "heldout"}
    traps = [r for r in lines if r["kind"] == "none"]
    plain = [r for r in traps if r["note"].startswith("plain")]
    assert 6 <= len(plain) <= 14
    assert all("near-miss" in r["note"] or ":" in r["note"] for r in traps)
