"""Answers over a library of several documents (issue 19): the question's subject picks the
document, the answer cites it, ``doc=`` narrows, in-domain questions it does not answer are refused.

The library is the bundled report plus a real UN PDF (A/HRC/EMRIP/2025/2, a study by the Expert
Mechanism on the Rights of Indigenous Peoples).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import seeded
from search import Searcher
from search.answer import subject_words
from search.fact_sources import Fact, sources
from search.answer_types import Span, publication_spans, question_type
from search.evidence import question_terms
from search.names import _demonym_in, question_names
from search.subject import document_year, profile_names, subject_documents

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPORT = Path(__file__).resolve().parent.parent / "corpus" / "A-69-207.txt"
EMRIP = "A/HRC/EMRIP/2025/2"


@pytest.fixture(scope="module")
def library_dir(tmp_path_factory, small_library_dir) -> Path:
    """A build of the report and the EMRIP study alone, from the per-file cache of the small library."""
    from index import build_index

    folder = seeded(tmp_path_factory.mktemp("library"), small_library_dir)
    build_index([REPORT, FIXTURES / "A_HRC_EMRIP_2025_2.en.pdf"], folder, progress=False)
    return folder


@pytest.fixture(scope="module")
def library(library_dir):
    s = Searcher.open(library_dir)
    yield s
    s.close()


def test_the_subject_picks_the_document(library):
    q = "Where was community-based monitoring of Indigenous data first piloted?"
    assert subject_documents(library, question_names(library, q), question_terms(library, q)) == [EMRIP]


def test_a_document_is_about_the_names_of_its_title(library):
    names = [("Expert Mechanism on the Rights of Indigenous Peoples", ()), ("Migration", ())]
    assert profile_names(library, EMRIP, names) == {"Expert Mechanism on the Rights of Indigenous Peoples"}


def test_a_fact_whose_paragraph_leaves_the_subject_unnamed_is_answered_from_its_document(library):
    # the paragraph names the League, not the Expert Mechanism: that is the study's author, in its title
    a = library.ask("How many Indigenous women did the Māori Women's Welfare League survey, according to the "
                    "Expert Mechanism on the Rights of Indigenous Peoples?")
    assert a.answered and a.text.startswith("over 1,000 Indigenous women [A/HRC/EMRIP/2025/2, para.")


def test_instrument_answer_cites_its_document(library):
    a = library.ask("Under which Human Rights Council resolution did the Expert Mechanism prepare its study on "
                    "Indigenous Peoples' data?")
    assert "resolution 33/25" in a.text.split(" [")[0]
    assert a.citations[0] == f"{EMRIP}, para. 5"  # the paragraph, not the summary restating it


def test_doc_filter_narrows_the_documents_an_answer_may_come_from(library):
    q = "Where was community-based monitoring of Indigenous data first piloted?"
    assert library.ask(q).text.startswith(f"Philippines [{EMRIP}, para. 60]")
    assert not library.ask(q, doc="A/69/207").answered


def test_a_report_title_answers_which_report_found(library):
    # "In a 2024 report entitled No Data, No Story: Indigenous Peoples in the Philippines, the World Bank ..."
    a = library.ask("Which World Bank report found gaps in the data on Indigenous Peoples in the Philippines?")
    assert a.text.startswith(f"No Data, No Story: Indigenous Peoples in the Philippines [{EMRIP}, para. 25]")


def test_an_acronym_the_study_never_writes_is_read_as_the_name_it_spells_out(library):
    # the study writes "the Food and Agriculture Organization", never "FAO"
    a = library.ask("Which FAO publication addresses the challenges Indigenous women face?")
    assert a.text.startswith(f"Indigenous women, daughters of Mother Earth [{EMRIP}, para. 82]")


@pytest.mark.parametrize("question", [
    "What is the annual budget of the Expert Mechanism on the Rights of Indigenous Peoples?",
    "How many helicopters does the Expert Mechanism on the Rights of Indigenous Peoples operate?",
])
def test_in_domain_questions_the_library_does_not_answer_are_refused(library, question):
    assert not library.ask(question).answered


def test_cli_ask_doc(library_dir, capsys):
    from search.cli import main

    code = main(["ask", "Where was community-based monitoring of Indigenous data first piloted?",
                 "--doc", EMRIP, "--json", "--index", str(library_dir)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["citations"][0] == f"{EMRIP}, para. 60"


# -- pure parts ------------------------------------------------------------------------------------
@pytest.mark.parametrize("question,slots", [
    ("What was Libya's foreign exchange deficit in 2024?", (("money", "count"),)),
    ("What is MONUSCO's annual budget?", (("money", "count"),)),
    ("How much did the Afghan economy grow according to the World Bank?", (("percent", "money", "count"),)),
    ("What was the voter turnout in the Kosovo elections?", (("percent",),)),
    ("Which World Bank publication reported on Afghanistan's economic growth?", (("publication", "instrument"),)),
    ("Which Economic and Social Council resolution asks for the report?", (("instrument",),)),
    ("Which Government did the country team support?", (("place",),)),
])
def test_question_types_of_library_questions(question, slots):
    assert question_type(question).slots == slots


def test_how_many_counts_the_noun_before_the_verb():
    assert question_type("How many participants took part in the WSIS Forum?").head == "participants"


@pytest.mark.parametrize("sentence,title", [
    # real sentences of A/79/797, S/2025/223, A/80/62 and E/CN.3/2025/8
    ("The World Bank, in its Afghanistan development update of December 2024, indicated the economy",
     "Afghanistan development update"),
    ("UNSMIL and OHCHR published a joint report entitled “Tarhuna – mass graves and related human rights "
     "violations and abuses in Libya”.", "Tarhuna – mass graves and related human rights violations and abuses in Libya"),
    ("The Sustainable Development Goals Report 2024 is presented in an interactive platform",
     "Sustainable Development Goals Report 2024"),
])
def test_publication_titles(sentence, title):
    assert [s.text for s in publication_spans(sentence)] == [title]


def test_no_publication_in_a_plain_sentence():
    assert publication_spans("The present report covers the period from 1 July 2024 to 30 June 2025.") == []


@pytest.mark.parametrize("a,b,same", [("afghan", "afghanistan", True), ("libya", "libyan", True),
                                      ("congo", "congoles", True), ("niger", "nigeria", False)])
def test_demonyms(a, b, same):
    assert _demonym_in(a, {b}) is same


def test_subject_words_leave_out_verbs_and_the_kind_asked():
    words = subject_words("Which organization counted the migrants in Libya?",
                          question_type("Which organization counted the migrants in Libya?"))
    assert words == {"migrants"}


@pytest.mark.parametrize("symbol,year", [("S/2025/176", 2025), ("A/80/75", 2025), ("A/69/207", 2014),
                                         ("E/ICEF/2025/AB/L.3", 2025)])
def test_document_year(symbol, year):
    assert document_year(symbol) == year


def _fact(symbol, value, score):
    hit = SimpleNamespace(symbol=symbol, kind="paragraph", citation=f"{symbol}, para. 1")
    text = f"{value} people needed assistance."
    sentence = SimpleNamespace(text=text, heading=False, start=0, end=len(text))
    return Fact((Span(value, "count", 0, len(value)),), SimpleNamespace(hit=hit, sentence=sentence, score=0.8),
                score, 1.0)


class _Fake:
    """Stands for a searcher: ``subject.library`` caches profiles per searcher object."""


def test_two_documents_with_different_figures_are_both_given_newest_first():
    fake = _Fake()
    from search import subject

    subject._LIBRARIES[fake] = subject.Library({
        "A/79/797": subject.Profile("A/79/797", "", frozenset(), frozenset(), 2024),
        "A/80/75": subject.Profile("A/80/75", "", frozenset(), frozenset(), 2025)})
    old, new, far = _fact("A/79/797", "22.9 million", 0.90), _fact("A/80/75", "23.7 million", 0.89), \
        _fact("S/2025/1", "1 million", 0.50)
    chosen = sources(fake, old, [old, new, far])
    assert [f.where.hit.symbol for f in chosen] == ["A/80/75", "A/79/797"]
    assert sources(fake, old, [old, _fact("A/80/75", "22.9 million", 0.89)]) == [old]  # same figure: one


def test_an_acronym_the_report_never_writes_is_read_as_the_name_it_spells_out(searcher):
    # A/69/207 always writes "Global Migration Group", never "GMG"; the gazetteer knows the acronym
    a = searcher.ask("How many members does the GMG have?")
    assert a.text.startswith("18 members [A/69/207, para. 87]")


def test_the_question_less_its_documents_subject_is_searched_within_them(library):
    # the paragraph that states a fact need not repeat the study's author, so neither does the search in it
    from search.answer import _without_subject

    q = "How many Indigenous women did the Māori Women's Welfare League survey, according to the " \
        "Expert Mechanism on the Rights of Indigenous Peoples?"
    names = question_names(library, q)
    within = _without_subject(library, q, [EMRIP], names)
    assert within is not None and "Expert Mechanism" not in within and "Welfare League survey" in within
    assert _without_subject(library, q, ["A/69/207"], names) is None  # the report is not about the Mechanism
