"""Classes of library questions the fresh dev questions showed (issue 19), on real text of UN reports:

- a document's symbol names its bodies ("ICCD/COP(8)/CST/8": the question says "before COP 8");
- a report's summary names what the whole report is about ("a workshop ... in Arusha");
- the question's words its document's title holds say which document, not which fact;
- "Sixty-four participants" is one count, not "four participants";
- "who chaired" is answered by the name given the office ("the Chair of the twentieth session,
  İsmail Belen"), not a Vice-Chair's nor the Chair of another session.
"""

from __future__ import annotations

import sqlite3

import pytest

from search.answer import _fact_words
from search.answer_types import typed_spans
from search.evidence import QuestionTerm
from search.roles import holds_office, names_office, office_stem
from search.subject import _build, symbol_names


@pytest.mark.parametrize("symbol,names", [
    ("ICCD/COP(8)/CST/8", ["ICCD", "COP", "CST"]),
    ("A/HRC/EMRIP/2025/2", ["HRC", "EMRIP"]),
    ("E/ICEF/2025/14", ["ICEF"]),
    ("S/2025/303", []),
    ("E/2025/L.16", []),
])
def test_symbol_names(symbol, names):
    assert symbol_names(symbol) == names


def _library_db() -> sqlite3.Connection:
    """Two documents as the index stores them: the workshop report (with its summary) and another."""
    con = sqlite3.connect(":memory:")
    con.executescript("""
        CREATE TABLE documents (symbol TEXT, title TEXT, date TEXT);
        CREATE TABLE chunks (id INTEGER PRIMARY KEY, symbol TEXT, kind TEXT, section TEXT);
        CREATE TABLE entities (chunk_id INTEGER, text TEXT, kind TEXT);
    """)
    con.executemany("INSERT INTO documents VALUES (?, ?, ?)", [
        ("ICCD/COP(8)/CST/8", "Abridged report on the international workshop on climate and land degradation", None),
        ("E/2025/42", "United Nations Forum on Forests (Report on the twentieth session)", "2025-05-09")])
    rows = [(1, "ICCD/COP(8)/CST/8", "summary", '[]')] + \
        [(i, "ICCD/COP(8)/CST/8", "paragraph", '["I. Introduction"]') for i in range(2, 30)] + \
        [(i, "E/2025/42", "paragraph", '[]') for i in range(30, 60)]
    con.executemany("INSERT INTO chunks VALUES (?, ?, ?, ?)", rows)
    # "At an international workshop on climate and land degradation in Arusha, United Republic of Tanzania ..."
    con.executemany("INSERT INTO entities VALUES (?, ?, ?)", [
        (1, "Arusha", "place"), (1, "United Republic of Tanzania", "place"), (1, "December 2006", "date"),
        (5, "Arusha", "place"), (31, "Türkiye", "place")])
    return con


def test_a_reports_subject_holds_its_symbols_bodies_and_its_summarys_names():
    lib = _build(_library_db())
    workshop = lib.profiles["ICCD/COP(8)/CST/8"]
    for name in ("COP", "CST", "Arusha", "Tanzania"):
        assert name in workshop.subject, name
    assert "December 2006" not in workshop.subject  # a date is no subject
    assert "Arusha" not in lib.profiles["E/2025/42"].subject


def _term(text: str, proper: bool = False) -> QuestionTerm:
    from search.terms import tokenize

    return QuestionTerm(text, tokenize([text])[0][0].stem, 1.0, 10, proper)


@pytest.mark.parametrize("words,title,kept", [
    # "How many participants attended the ... workshop on climate and land degradation": the report on it
    (["participants", "workshop", "climate", "land", "degradation"],
     "Abridged report on the international workshop on climate and land degradation", ["participants"]),
    # every word in the title: all of them still say what the fact is about
    (["session"], "United Nations Forum on Forests (Report on the twentieth session)", ["session"]),
    # "the unemployment rate in Libya", in the report on the Mission in Libya
    (["unemployment", "rate"], "United Nations Support Mission in Libya", ["unemployment", "rate"]),
])
def test_the_fact_words_are_those_the_title_does_not_hold(words, title, kept):
    from search.terms import tokenize

    about = frozenset(t.stem for t in tokenize([title])[0])
    assert [t.text for t in _fact_words([_term(w) for w in words], about)] == kept


@pytest.mark.parametrize("sentence,count", [
    ("Sixty-four participants from 30 countries and five United Nations agencies participated in the workshop.",
     "Sixty-four"),
    ("Twenty-one of these cases were closed.", "Twenty-one"),
    ("The report contains 10 formal and 21 informal recommendations.", "10"),
])
def test_a_compound_number_word_is_one_count(sentence, count):
    assert [s.text for s in typed_spans(sentence, ["count"])][0] == count


@pytest.mark.parametrize("question,stem", [
    ("Who chaired the twentieth session of the United Nations Forum on Forests?", "chair"),
    ("Who co-chaired the panel discussion?", "chair"),
    ("Who presided over the opening meeting?", "presid"),
    ("Who requested the report?", None),          # no office
    ("Who is the Special Rapporteur?", None),
    ("How many plenary meetings did the Forum hold?", None),
])
def test_office_stem(question, stem):
    assert office_stem(question) == stem


# E/2025/42, paras. 83-84 and annex para. 9 (the report of the Forum on Forests on its twentieth session)
_OPENED = ("At the 1st meeting, the Chair pro tempore and Chair of the nineteenth session of the Forum, "
           "Zéphyrin Maniratanga (Burundi), opened the twentieth session.")
_RESUMED = ("At the 2nd meeting, the Chair of the twentieth session, İsmail Belen (Türkiye), resumed the session "
            "and made an opening statement.")
_VICE = ("In this respect, a brief presentation was made by the Vice-Chair, Andrés Napuri Pita (Peru), of the Forum "
         "at its twentieth session on the Bureau’s input to the 2025 high-level political forum.")


@pytest.mark.parametrize("sentence,name,holds", [
    (_RESUMED, "İsmail Belen", True),
    (_RESUMED, "Türkiye", False),
    (_VICE, "Andrés Napuri Pita", False),           # a Vice-Chair held another office
    (_OPENED, "Zéphyrin Maniratanga", False),       # the Chair of the nineteenth session
    ("The dialogue was opened by Sweden, as Co-Chair of the Forum.", "Sweden", True),
    ("Ms. Jane Doe, Chair of the Committee, opened the meeting.", "Jane Doe", True),
])
def test_the_name_given_the_office(sentence, name, holds):
    from search.answer_types import Span

    start = sentence.index(name)
    span = Span(name, "person", start, start + len(name))
    assert names_office(sentence, "chair") != (sentence is _VICE)
    assert holds_office(span, sentence, "chair", frozenset({"twentieth"})) is holds


@pytest.mark.parametrize("run,parts", [
    # "... the executive boards of UNDP/UNFPA/UNOPS, UNICEF and UN-Women?": the reports write the pair together
    ("UNICEF and UN-Women", ["UNICEF", "UN-Women"]),
    ("UNDP and UNFPA", ["UNDP", "UNFPA"]),
    ("Bosnia and Herzegovina", ["Bosnia and Herzegovina"]),  # one country, not two names
])
def test_two_bodies_joined_by_and_are_two_names(run, parts):
    from types import SimpleNamespace

    from search.names import _name_parts

    assert _name_parts(SimpleNamespace(store=sqlite3.connect(":memory:")), run) == parts


@pytest.mark.parametrize("sentence,organizations", [
    # ICCD/COP(8)/CST/8, para. 69: no model tags "Springer"
    ("At the final plenary, participants recommended that the proceedings of the workshop could be published as a "
     "book by Springer in time for presentation and distribution at COP 8.", ["Springer"]),
    ("The event was hosted by the Government of Kenya and UNEP.", ["Government of Kenya"]),
    ("Participants recommended that the proceedings be published in time.", []),
])
def test_the_doer_of_a_passive_verb_is_an_organization(sentence, organizations):
    from search.answer_types import agent_spans

    assert [s.text for s in agent_spans(sentence)] == organizations
    if organizations:
        assert organizations[0] in [s.text for s in typed_spans(sentence, ["organization"])]
