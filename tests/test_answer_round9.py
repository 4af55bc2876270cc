"""Rules found with the dev half of the ninth session's blind set (the HLCP's forty-ninth session, UNCDF's
finances, UNAMA's report, the OPCW's Syria report, UNICEF on JIU reviews, MICIVIH in Haiti, the Forum on
Forests): ordinals in figures, words users say for the reports' words, what a question's subject is, and
which spans cannot answer. Sentences are copied from the documents as strings."""

from __future__ import annotations

import pytest

from search.answer import subject_words
from search.answer_types import question_type, typed_spans
from search.equivalents import equivalents
from search.narrowing import without_examples
from search.ordinals import compound_ordinals, ordinal_word, spell_ordinals
from search.span_scores import _counts_other
from search.terms import tokenize


@pytest.mark.parametrize("n, word", [(1, "first"), (11, "eleventh"), (20, "twentieth"), (21, "twenty-first"),
                                     (52, "fifty-second"), (80, "eightieth"), (101, "one hundred and first"),
                                     (0, None), (200, None)])
def test_ordinal_words(n, word):
    assert ordinal_word(n) == word


@pytest.mark.parametrize("question, spelled", [
    ("Who formally opened UNFF's 20th session as temporary chair?",
     "Who formally opened UNFF's twentieth session as temporary chair?"),
    ("Where will the committee meet for its 52nd meeting?", "Where will the committee meet for its fifty-second meeting?"),
    ("What happened on 3 May 2024 at the 1st meeting?", "What happened on 3 May 2024 at the first meeting?"),
    ("How many staff were there in 2024?", "How many staff were there in 2024?"),  # a year is no ordinal
])
def test_ordinals_in_figures_are_spelled_out(question, spelled):
    assert spell_ordinals(question) == spelled


def test_compound_ordinals_tell_sessions_apart():
    assert compound_ordinals("Where will HLCP hold its fifty-first session?") == {"fifty-first"}
    assert compound_ordinals("to host the Committee in Nairobi for its fifty-second session") == {"fifty-second"}
    assert compound_ordinals("its 52nd session and its forty first") == {"fifty-second", "forty-first"}
    assert compound_ordinals("the first and second sessions") == frozenset()


@pytest.mark.parametrize("question, slot", [
    ("For how long, at minimum, is the office in China expected to operate?", ("duration",)),
    ("How long will the mission stay?", ("duration",)),
    ("How long ago was the fund set up?", ("date",)),
    ("Which JIU inspectors wrote the report on flexible working arrangements?", ("person",)),
    ("Which experts presented the study to the Committee?", ("person",)),
    ("Which report found that remittances rose?", ("publication", "instrument")),
])
def test_what_a_question_asks_for(question, slot):
    assert question_type(question).slots[0] == slot


@pytest.mark.parametrize("question, head", [
    # a participle before the counted noun is no verb ending it
    ("Roughly how many retired civil servants in Afghanistan have gone without their pensions?", "servants"),
    ("How many registered voters were there?", "voters"),
    ("how many participants took part", "participants"),
])
def test_the_counted_noun(question, head):
    assert question_type(question).head == head


def test_durations_are_spans_only_when_asked():
    text = "The office is expected to be operational for a minimum of six years, from 2025 to 2030."  # E/2025/42
    assert [sp.text for sp in typed_spans(text, ["duration"])] == ["a minimum of six years"]
    assert [sp.text for sp in typed_spans(text, ["count"])] == ["six"]
    assert typed_spans("She is 45 years old.", ["duration"]) == []


@pytest.mark.parametrize("text, kind", [
    ("Figure III. Total annual contributions, top 15 funding partners, 2024 (In millions of United States dollars)",
     "organization"),  # DP/2025/26, p. 6
    ("The JIU report, “Flexible working arrangements in United Nations system organizations” (JIU/REP/2023/6), "
     "was issued in 2023.", "organization"),
])
def test_spans_that_cannot_answer(text, kind):
    spans = typed_spans(text, [kind, "place", "person"])
    assert not any("dollars" in sp.text or "United States" == sp.text or "/" in sp.text for sp in spans)


@pytest.mark.parametrize("question, words", [
    # a name's words (however written) and the time of year are not what the question is about
    ("Who was chairing the UN system's High-level Committee on Programmes when it met in New York in early April 2025?",
     {"system"}),
    ("How many radio and television stations in Haiti were airing MICIVIH's civic education spots in late 1997?",
     {"civic", "education", "radio", "spots", "stations", "television"}),
    ("What was the unemployment rate in Libya in mid-2024?", {"rate", "unemployment"}),
])
def test_subject_words(question, words):
    assert subject_words(question, question_type(question)) == words


def test_words_for_one_thing():
    stem = {w: tokenize([w])[0][0].stem for w in "donors partners meeting session money contributions staff".split()}
    assert stem["partners"] in equivalents(stem["donors"])
    assert stem["session"] in equivalents(stem["meeting"])
    assert stem["contributions"] in equivalents(stem["money"])
    assert equivalents(stem["staff"]) >= {stem["staff"]}
    assert stem["session"] not in equivalents(stem["money"])


def test_a_partner_counts_as_a_donor_and_a_retiree_as_retired():
    text = "UNCDF received contributions from 42 development partners in 2024 (2023: 38 partners)."  # DP/2025/26
    toks = tokenize([text])[0]
    at = next(i for i, t in enumerate(toks) if t.text == "42")
    assert _counts_other(toks, at, {tokenize(["donors"])[0][0].stem}, text) == ""
    assert _counts_other(toks, at, {tokenize(["candidates"])[0][0].stem}, text) == "noun"
    text = "Approximately 170,000 retirees have not been paid since the Taliban takeover."  # A/79/797
    toks = tokenize([text])[0]
    counted = {t.stem for t in tokenize(["retired civil servants"])[0]}
    assert _counts_other(toks, 1, counted, text) == ""


def test_a_list_of_contributors_does_not_own_the_fund_total():
    # S/2025/258, enclosure, para. 43 (shortened): the fund's total is no one contributor's
    text = ("As at the cut-off date of this report, total contributions and pledges to this fund stood at EUR 48.4 "
            "million. Contribution agreements had been concluded with Australia, Canada, Chile, the Czech Republic, "
            "Denmark, Finland, France, Germany, Ireland, and the European Union. This does not include the more than "
            "EUR 48 million received in the Syria Trust Fund.")
    at = text.index("more than EUR 48")
    kept = without_examples(text, (at, at + 20))
    assert "Germany" not in kept and "EUR 48.4 million" in kept
    at = text.index("EUR 48.4")
    assert "Germany" not in without_examples(text, (at, at + 15))
    listed = "Australia, Canada, Chile and Germany pledged EUR 2 million."
    assert "Germany" in without_examples(listed, (listed.index("EUR"), listed.index("EUR") + 13))


def test_a_venue_question_prefers_the_place_an_event_was_held():
    from search.span_scores import _VENUE_BEFORE
    # CEB/2025/4, para. 52: the dialogue was organized by an office "based in Bogota" and "held ... in Quito"
    assert _VENUE_BEFORE.search("It was held on 24 February 2025 in ")
    assert _VENUE_BEFORE.search("The meeting, convened at the ")
    assert not _VENUE_BEFORE.search("organized by the UNODC Regional Office for the Andean Region and the Southern "
                                    "Cone based in ")


def test_a_sentence_pointing_back_carries_the_score_of_the_one_before():
    from types import SimpleNamespace

    from search.answer import _carried_score
    from search.evidence import ScoredSentence, Sentence

    text = "Ms. Welsch presented the field dialogue for Ecuador. It was held on 24 February 2025 in Quito."
    hit = SimpleNamespace(citation="X/1, para. 1", text=text)
    first = ScoredSentence(hit, Sentence(text[:52], 0, 52), (), 0.62, 0.6, 0.6)
    second = ScoredSentence(hit, Sentence(text[53:], 53, len(text)), (), 0.44, 0.4, 0.4)
    assert _carried_score(second, [first, second]) == 0.62
    alone = ScoredSentence(hit, Sentence("Quito hosted it.", 53, 69), (), 0.44, 0.4, 0.4)
    assert _carried_score(alone, [first, alone]) == 0.44


def test_search_reads_an_ordinal_typed_in_figures_as_the_report_writes_it(searcher):
    # A/69/207, para. 67: "the nineteenth International Conference of Labour Statisticians"
    typed = [h.citation for h in searcher.search("19th International Conference of Labour Statisticians", k=3)]
    spelled = [h.citation for h in searcher.search("nineteenth International Conference of Labour Statisticians", k=3)]
    assert typed == spelled and typed[0] == "A/69/207, para. 67"


def test_a_bodys_head_noun_alone_names_no_body():
    # A/47/466, para. 8: "the assessments made by the Panel": "Panel" alone names no one body
    text = "It updated some of the scientific assessments made by the Panel in its first report in 1990."
    at = text.index("Panel")
    assert not typed_spans(text, ["organization"], [("Panel", "ORG", at, at + 5)])
    named = "It was adopted by the Intergovernmental Panel on Climate Change in 1990."
    at = named.index("Intergovernmental")
    assert typed_spans(named, ["organization"], [("Intergovernmental Panel on Climate Change", "ORG", at, at + 41)])


def test_a_count_keeps_the_reports_word_for_what_was_asked():
    from search.answer import _with_counted_noun
    from search.answer_types import Span

    text = "UNCDF received contributions from 42 development partners in 2024."  # DP/2025/26, para. 17
    at = text.index("42")
    kept = _with_counted_noun(Span("42", "count", at, at + 2), text, {tokenize(["donors"])[0][0].stem})
    assert kept.text == "42 development partners"
