"""Answers (issue #6): real questions about A/69/207, the no-answer path, the JSON shape, citations.

Every answer is checked the same way: each of its sentences ends with a citation, each cited
paragraph exists in the index, and each evidence sentence is a sentence of the cited paragraph.
"""

from __future__ import annotations

import json
import re

import pytest

from search.answer import NO_ANSWER, cite
from search.answer_types import question_type, typed_spans

CITED_SENTENCE = re.compile(r"^(?P<body>.+) \[(?P<citation>[^\[\]]+)\]\.$")


def answer_sentences(text: str) -> list[str]:
    """An answer's sentences: each ends with "[citation]."."""
    return [s for s in re.split(r"(?<=\]\.)\s+", text.strip()) if s]


def check_citations(searcher, answer) -> None:
    """Every sentence is cited, every citation names a paragraph of the index, evidence is verbatim."""
    assert answer.citations, answer.text
    for sentence in answer_sentences(answer.text):
        m = CITED_SENTENCE.match(sentence)
        assert m, f"sentence without a closing citation: {sentence!r}"
        assert m.group("citation") in answer.citations
    for citation in answer.citations:
        symbol, _, where = citation.partition(", ")
        number = where.removeprefix("para. ") if where != "summary" else "summary"
        assert searcher.get(symbol, number).citation == citation
    for ev in answer.evidence:
        symbol, _, where = ev.citation.partition(", ")
        paragraph = searcher.get(symbol, where.removeprefix("para. ") if where != "summary" else "summary")
        assert ev.sentence in paragraph.text or ev.sentence == paragraph.section[-1]


# (question, the fact the answer must lead with, the paragraph it must cite)
FACTS = [
    ("How many international migrants were there in 2013?", "232 million", "A/69/207, para. 4"),
    ("How many members does the Global Migration Group have?", "18", "A/69/207, para. 87"),
    # two numbers in one sentence: 47 States parties (1990 Convention) and 55 Member States (Nos. 97/143)
    ("How many Member States have ratified ILO Conventions No. 97 and/or No. 143?", "55", "A/69/207, para. 40"),
    ("How many States parties does ILO Convention No. 189 have?", "14", "A/69/207, para. 40"),
    # "when and where": both spans, in the sentence's order
    ("When and where did the nineteenth International Conference of Labour Statisticians meet?",
     "Geneva, October 2013", "A/69/207, para. 67"),
    # coordinated places, joined as the sentence joins them
    ("Where did most of Oceania's new migrants come from between 2010 and 2013?",
     "Northern Europe and East and South-East Asia", "A/69/207, para. 9"),
    ("Which resolution requested this report from the Secretary-General?",
     "resolution 67/219 of 21 December 2012", "A/69/207, summary"),
    ("What percentage of the increase in Asia's migrant stock came from flows within the region?",
     "76 per cent", "A/69/207, para. 7"),
    ("How much would Africa gain each year if remittance costs were at the levels recommended by the G8?",
     "$1.8 billion", "A/69/207, para. 49"),
    ("Which organization launched the Global Initiative on Protection at Sea?", "UNHCR", "A/69/207, para. 43"),
    ("Which countries initiated the Nansen Initiative?", "Norway and Switzerland", "A/69/207, para. 56"),
    # "159 and 138 States parties thereto, respectively": the value paired with the protocol asked about
    ("How many States parties does the Protocol to Prevent, Suppress and Punish Trafficking in Persons have?",
     "159", "A/69/207, para. 54"),
    ("How many States parties does the Protocol against the Smuggling of Migrants have?", "138",
     "A/69/207, para. 54"),
    # the place and date are in the section heading only: "A. Panel discussion (New York, 25 June 2013)"
    ("When and where was the panel discussion held?", "New York, 25 June 2013", "A/69/207, para. 11"),
    # "who": the doers that open the clause, not the partners "in collaboration with" them
    ("Who launched the African postal financial services initiative?",
     "International Fund for Agricultural Development (IFAD) and European Commission", "A/69/207, para. 46"),
    # the sentence on the *second* forum (Quito, 2015) is no answer about the first
    ("When and where was the first mayoral forum held?", "Barcelona, June 2014", "A/69/207, para. 59"),
    # "where and when", but the paragraph gives only the date: the answer says what it has
    ("Where and when did the Statistical Commission hold its forty-fifth session?", "March 2014",
     "A/69/207, para. 67"),
    # "above 5 per cent in 173 corridors, whereas ... below 5 per cent in only 47 corridors"
    ("In how many corridors were remittance costs below 5 per cent?", "47", "A/69/207, para. 49"),
    # "the first Dialogue": an ordinal the stop-word list must not drop
    ("When was the first High-level Dialogue on International Migration and Development held?",
     "September 2006", "A/69/207, para. 10"),
]


@pytest.mark.parametrize("question,fact,citation", FACTS, ids=[f[1] for f in FACTS])
def test_fact_questions_lead_with_the_fact(searcher, question, fact, citation):
    answer = searcher.ask(question)
    assert answer.answered
    lead = answer_sentences(answer.text)[0]
    assert fact in lead and lead.endswith(f"[{citation}]."), answer.text
    assert answer.citations[0] == citation
    check_citations(searcher, answer)


def test_index_without_sentence_vectors_embeds_sentences_at_question_time(searcher, monkeypatch):
    from search import evidence

    monkeypatch.setattr(evidence, "_stored", lambda s: None)  # as for an index built before them
    answer = searcher.ask("How many members does the Global Migration Group have?")
    assert answer.text.startswith("18 members [A/69/207, para. 87].")
    check_citations(searcher, answer)


def test_explanatory_question_quotes_cited_sentences(searcher):
    answer = searcher.ask("What has OHCHR done on border control?")
    assert answer.answered and answer.citations[0] == "A/69/207, para. 43"
    assert "border control" in answer.evidence[0].sentence
    check_citations(searcher, answer)


@pytest.mark.parametrize("question", [
    "What is the capital of Peru?",                               # never mentioned
    "What is the boiling point of water?",                        # off topic, weak evidence
    "How much does it cost to send remittances to Mexico?",      # Mexico is named, but not with costs
    "When was the United Nations founded?",                       # on topic words, no such date
    "Who is the Secretary-General of the United Nations?",        # no person is named
    "What is the unemployment rate of migrants in Europe?",       # no such percentage
    "When will the third High-level Dialogue take place?",        # no paragraph speaks of a third one
    "Which country hosts the largest number of refugees?",        # Europe (72 million migrants) is no country
])
def test_unanswerable_questions_get_the_no_answer_reply(searcher, question):
    answer = searcher.ask(question)
    assert not answer.answered, answer.text
    assert answer.text.startswith(NO_ANSWER)
    assert answer.citations == () and answer.evidence == ()
    assert answer.closest and all(searcher.get(h.symbol, h.number).citation == h.citation
                                  for h in answer.closest if h.kind == "paragraph")


def test_no_answer_names_what_the_index_never_mentions(searcher):
    assert "Peru" in searcher.ask("What is the capital of Peru?").text


def test_json_shape(searcher, index_dir, capsys):
    from search.cli import main

    assert main(["ask", "How many members does the Global Migration Group have?", "--json",
                 "--index", str(index_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"question", "answer", "citations", "evidence"} <= set(data)
    assert data["answer"].startswith("18 members [A/69/207, para. 87].")
    assert data["citations"] == ["A/69/207, para. 87"]
    assert data["evidence"] and set(data["evidence"][0]) == {"citation", "sentence"}
    assert data["answered"] is True and data["closest"] == []


def test_cli_no_answer_shows_closest_paragraphs(index_dir, capsys):
    from search.cli import main

    assert main(["ask", "What is the capital of Peru?", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(NO_ANSWER) and "Closest paragraphs:" in out and "A/69/207, para." in out


def test_empty_question_is_a_usage_error(index_dir, capsys):
    from search.cli import main

    assert main(["ask", "   ", "--index", str(index_dir)]) == 2
    assert "empty" in capsys.readouterr().err


# -- pure parts ----------------------------------------------------------------------------------
@pytest.mark.parametrize("question,slots", [
    ("How many international migrants were there in 2013?", (("count",),)),
    ("How much did migrants save on remittance costs?", (("money", "count"),)),
    ("What share of the world's population are migrants?", (("percent",),)),
    ("When and where did the Conference meet?", (("date",), ("place",))),
    ("Which city hosted the first mayoral forum?", (("place",),)),
    ("Which organization launched the initiative?", (("organization",),)),
    ("Which resolution requested this report?", (("instrument",),)),
    ("What has OHCHR done on border control?", ()),
])
def test_question_type(question, slots):
    assert question_type(question).slots == slots


@pytest.mark.parametrize("sentence,kinds,expected", [
    # spaCy's small model calls "47 per cent" money; the number rules do not
    ("However, only 61 (47 per cent) of those countries and areas had reported data", ["percent", "count"],
     [("only 61", "count"), ("47 per cent", "percent")]),
    # "No. 189" and "(2011)" label things; 11 and 14 count them
    ("Since 2013, an additional 11 Member States have ratified International Labour Organization (ILO) "
     "Convention No. 189 concerning Decent Work for Domestic Workers (2011), bringing to 14 the total number "
     "of its States parties.", ["count"], [("11", "count"), ("14", "count")]),
    ("resulted in an estimated savings to migrants and their families of over US$ 40 billion.", ["money"],
     [("over US$ 40 billion", "money")]),
    # whose resolution it is comes from the sentence
    ("In its resolution 67/219 of 21 December 2012, the General Assembly requested", ["instrument"],
     [("General Assembly resolution 67/219 of 21 December 2012", "instrument")]),
    # two protocols in one list stay two instruments
    ("While ratification of the 2000 Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially "
     "Women and Children, and the 2000 Protocol against the Smuggling of Migrants by Land, Sea and Air is robust",
     ["instrument"],
     [("2000 Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
       "instrument"),
      ("2000 Protocol against the Smuggling of Migrants by Land, Sea and Air", "instrument")]),
    ("In Africa, about half of the increase in the migrant stock", ["percent"], [("about half", "percent")]),
])
def test_typed_spans(sentence, kinds, expected):
    assert [(s.text, s.kind) for s in typed_spans(sentence, kinds)] == expected


def test_cite_moves_the_full_stop_after_the_citation():
    assert cite("There were 232 million international migrants in 2013.", "A/69/207, para. 4") == \
        "There were 232 million international migrants in 2013 [A/69/207, para. 4]."
