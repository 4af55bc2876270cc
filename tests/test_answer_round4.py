"""Rules found with the round-4 blind library set (bench/data/library_facts_round4.jsonl), on real
sentences of library documents no other set used (E/2025/31, the CSTD's report on its twenty-eighth
session; E/2025/36, the WFP Executive Board's decisions of 2024)."""

from __future__ import annotations

import pytest

from search.answer import _said
from search.answer_types import Span
from search.roles import holds_office, office_stem
from search.terms import tokenize

# E/2025/31, para. 20: the Rapporteur of "the session", the report's own (the title says which).
_E2025_31_P20 = ("At the closing plenary meeting, on 11 April, the Chair announced that the Vice-Chair Ana Cristina "
                 "Amoroso das Neves (Portugal) would serve as Rapporteur for the session.")
# E/2025/36, annex I (p. 31), p. 37, para. 3
_E2025_36_RAPPORTEUR = ("In accordance with rule XII of it rules of procedure, the Board appointed Mr. Vito Su (United "
                        "States of America, List D) as Rapporteur for its 2024 second regular session.")
_TITLE = "Commission on Science and Technology for Development (Report on the twenty-eighth session (7–11 April 2025))"


def _stems(text: str) -> set[str]:
    return {t.stem for t in tokenize([text])[0]}


def test_an_ordinal_the_documents_title_holds_need_not_be_said_by_the_paragraph():
    eighth = _stems("eighth")
    about = frozenset(_stems(_TITLE))
    sentence = _stems(_E2025_31_P20)
    assert not _said(eighth, sentence, frozenset(), sentence)            # alone, the paragraph never says it
    assert _said(eighth, sentence, frozenset(), sentence, about)         # its report is on that session
    other = frozenset(_stems("Report on the twenty-ninth session"))
    assert not _said(eighth, sentence, frozenset(), sentence, other)     # a report on another session
    ninth = sentence | _stems("the twenty-ninth session")
    assert not _said(eighth, ninth, frozenset(), ninth, about)           # the sentence names another one


@pytest.mark.parametrize("question, stem", [
    ("Who served as Rapporteur of the twenty-eighth session of the Commission on Science and Technology?", "rapporteur"),
    ("Who did the WFP Executive Board appoint as Rapporteur for its 2024 second regular session?", "rapporteur"),
    ("Who will serve as Chair of the next session?", "chair"),
    ("Who did the Board appoint to its Independent Oversight Advisory Committee?", None),  # a body, not an office
])
def test_an_office_served_or_appointed_to_is_named(question, stem):
    assert office_stem(question) == stem


def _span(sentence: str, text: str, kind: str = "person") -> Span:
    start = sentence.index(text)
    return Span(text, kind, start, start + len(text))


def test_the_name_that_would_serve_as_the_office_holds_it():
    assert holds_office(_span(_E2025_36_RAPPORTEUR, "Vito Su"), _E2025_36_RAPPORTEUR, "rapporteur")
    name = _span(_E2025_31_P20, "Ana Cristina Amoroso das Neves")
    assert holds_office(name, _E2025_31_P20, "rapporteur")
    assert not holds_office(_span(_E2025_31_P20, "Portugal", "place"), _E2025_31_P20, "rapporteur")
    assert not holds_office(name, _E2025_31_P20, "chair")


# -- a letter's first paragraph names what the letter is about (A/79/722) --------------------------
_A79_722_OPENING = ("I would like to bring to your attention information on the activities of the Conference on "
                    "Interaction and Confidence-building Measures in Asia under the chairmanship of Kazakhstan during "
                    "the period 2020–2024 (see annex).*")


def _letters_db():
    import sqlite3

    con = sqlite3.connect(":memory:")
    con.executescript("""
        CREATE TABLE documents (symbol TEXT, title TEXT, date TEXT);
        CREATE TABLE chunks (id INTEGER PRIMARY KEY, symbol TEXT, kind TEXT, part TEXT, section TEXT, text TEXT);
        CREATE TABLE entities (chunk_id INTEGER, text TEXT, kind TEXT);
    """)
    con.executemany("INSERT INTO documents VALUES (?, ?, ?)", [
        ("A/79/722", "Letter dated 13 January 2025 from the Permanent Representative of Kazakhstan to the United "
                     "Nations addressed to the Secretary-General", None),
        ("E/2025/31", "Commission on Science and Technology for Development (Report on the twenty-eighth session)",
         None)])
    con.executemany("INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?)", [
        (1, "A/79/722", "paragraph", "", "[]", _A79_722_OPENING),
        (2, "A/79/722", "paragraph", "annex", '["Background"]', "One Member State – Kuwait, in 2022, joined."),
        (3, "E/2025/31", "paragraph", "", "[]", "The Commission on Science and Technology held seven meetings.")])
    return con


def test_a_letters_subject_holds_the_names_of_its_first_paragraph():
    from search.names import mentions
    from search.subject import _build

    lib = _build(_letters_db())
    letter, report = lib.profiles["A/79/722"], lib.profiles["E/2025/31"]
    name = "Conference on Interaction and Confidence-building Measures in Asia"
    assert mentions(letter.subject, letter.subject_stems, name, ())
    assert not mentions(report.subject, report.subject_stems, "Seven", ())  # only a letter's opening counts
    assert "would" not in letter.subject_stems                           # its names, not its words


@pytest.mark.parametrize("title, letter", [
    ("Letter dated 13 January 2025 from the Permanent Representative of Kazakhstan", True),
    ("Identical letters dated 11 February 2025 from the Permanent Observer of the State of Palestine", True),
    ("Note verbale dated 18 February 2025 from the Permanent Mission of Chile", True),
    ("Request for the inclusion of an item (Letter dated 4 June 2025 from the Permanent Representative of Uganda)", True),
    ("Report of the Secretary-General on Somalia", False),
])
def test_what_is_a_letter(title, letter):
    from search.subject import _LETTER

    assert bool(_LETTER.search(title)) == letter


# -- a name the fact's sentence refers back to ("the Convention") -----------------------------------
_A79_722_P9 = ("Kazakhstan continued advancing entry into force of the CICA Convention on Privileges and Immunities "
               "of 2010, which establishes CICA’s legal capacity. In 2023–2024, ratifications from Bangladesh, China, "
               "Jordan and Pakistan marked significant progress. To date, eleven Member States have ratified the "
               "Convention, including Azerbaijan, India, Kazakhstan, Kyrgyzstan, Mongolia, Russia and Türkiye who did "
               "that before 2023.")


def _scored_sentence(paragraph: str, sentence: str):
    from types import SimpleNamespace

    from search.evidence import ScoredSentence, Sentence

    hit = SimpleNamespace(symbol="A/79/722", citation="A/79/722, annex, p. 9, para. 1", kind="paragraph",
                          entities=(), section=("Background",), text=paragraph, score=1.0)
    start = paragraph.index(sentence)
    return ScoredSentence(hit, Sentence(sentence, start, start + len(sentence)), tuple(tokenize([sentence])[0]),
                          0.6, 0.6, 0.6)


def test_a_name_the_paragraph_writes_and_the_facts_sentence_refers_back_to():
    from search.answer import referred_back

    names = [("CICA Convention on Privileges and Immunities", ()), ("CICA Member States", ())]
    s = _scored_sentence(_A79_722_P9, "To date, eleven Member States have ratified the Convention, including "
                                      "Azerbaijan, India, Kazakhstan, Kyrgyzstan, Mongolia, Russia and Türkiye who "
                                      "did that before 2023.")
    assert referred_back(s, names) == {"CICA Convention on Privileges and Immunities", "CICA Member States"}
    assert referred_back(s, [("IFAD", ())]) == set()                     # a one-word name is said where the fact is
    other = _A79_722_P9.replace("CICA Convention on Privileges and Immunities", "Agreement")
    assert referred_back(_scored_sentence(other, s.sentence.text), names[:1]) == set()  # never written in full


def test_the_head_of_a_name():
    from search.answer import _head

    assert _head("CICA Convention on Privileges and Immunities") == "Convention"
    assert _head("CICA Member States") == "States"
    assert _head("Commission on Science and Technology for Development") == "Commission"


# -- numbers that label and dates as translations write them ----------------------------------------
_A79_845_P7 = ("The Main Investigative Department of the Investigative Committee of the Russian Federation is "
               "investigating criminal case No. 12202007703000274 initiated on 04.04.2022 under Article 207. (2) (b) "
               "and (c) of the Criminal Code of the Russian Federation")
_A79_845_P8 = ("Senior Investigator for Major Cases Main Investigative Department Lieutenant Colonel of Justice of the "
               "Criminal Code of the Russian Federation of 13.06.1996 No. 63-FZ")


def test_an_article_or_rule_number_is_no_count_and_a_dotted_date_is_a_date():
    from search.answer_types import typed_spans

    assert typed_spans(_A79_845_P7, ["count"]) == []
    assert [s.text for s in typed_spans(_A79_845_P7, ["date"]) if "." in s.text] == ["04.04.2022"]
    assert not [s for s in typed_spans(_A79_845_P8, ["count"]) if s.text.startswith("13")]
    rule = "Pursuant to rule 13 of the rules of procedure, 24 members were appointed."
    assert [s.text for s in typed_spans(rule, ["count"])] == ["24"]


def test_an_index_entity_that_a_number_rule_reads_as_a_date_is_no_count():
    from search.answer_types import typed_spans

    start = _A79_845_P7.index("04.04.2022")
    entities = [("04.04.2022", "count", start, start + 10)]  # as the index tagged it
    assert typed_spans(_A79_845_P7, ["count"], entities) == []
