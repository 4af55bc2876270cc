"""Rules found with the dev half of the seventh session's blind set (letters on Ukraine, the UNODC
report on Haiti, the Expert Mechanism's agenda, a list of candidates' biographies): what kind of fact a
question asks for and which span of a real sentence (copied as a string) answers it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import source_frames
from search.answer_types import question_type, quoted_group_spans, typed_spans
from search.evidence import QuestionTerm, ScoredSentence, Sentence, stop_words
from search.signatures import asks_signatory, only_a_signature_answers, signature
from search.span_scores import span_score
from search.terms import tokenize


def _scored(text: str) -> ScoredSentence:
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=(),
                          section=(), text=text, score=1.0)
    return ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)


def _terms(question: str) -> list[QuestionTerm]:
    stop = stop_words()
    return [QuestionTerm(t.text, t.stem, 1.0, 1, t.text[:1].isupper()) for t in tokenize([question])[0]
            if t.text.lower() not in stop and t.text.lower() not in {"what", "which", "how", "many"}]


def _best(question: str, text: str, kind: str, names=(), owner: str = "") -> str:
    s, terms, qtype = _scored(text), _terms(question), question_type(question)
    target = {t.stem for t in tokenize([" ".join(qtype.target)])[0]}
    spans = [sp for sp in typed_spans(text, [kind]) if sp.kind == kind]
    return max(spans, key=lambda sp: span_score(sp, s, terms, target, (kind,), names=names, owner=owner)).text


@pytest.mark.parametrize("question, kinds", [
    ("Which vigilante group has emerged in Saut-d'Eau in Haiti?", ("organization",)),
    ("Which criminal groups led the assault on Mirebalais on 31 March 2025?", ("organization",)),
    ("At which Human Rights Council session is the study to be adopted?", ("session",)),
    ("What is the number of the Russian criminal case on alleged misinformation?", ("identifier", "instrument")),
    ("What was the number of the staff in the Office in 2024?", ("money", "count", "percent")),
    ("What is the number of refugees in Chad?", ("money", "count", "percent")),  # a count, not a label
    ("Which prize did Rolf Alter receive in 2016?", ("award",)),
])
def test_what_a_question_asks_for(question, kinds):
    assert question_type(question).slots[0] == kinds


def test_whose_session_is_asked():
    assert question_type("At which Human Rights Council session is the study adopted?").owner == "human rights council"
    assert question_type("At which session of the Human Rights Council was it adopted?").owner == "human rights council"


# S/2025/303, annex, paras. 6 and 10
@pytest.mark.parametrize("text, names", [
    ("Further complicating efforts to curb violence is the rise of self-defence or vigilante groups, such as the "
     "“Bwa Kale” in Saut-d’Eau, as a direct response to the failure of law enforcement.", ["Bwa Kale"]),
    ("Led by the Baz Taliban and 400 Mawozo groups, the attack involved the killing and wounding of civilians.",
     ["Baz Taliban", "400 Mawozo"]),
    ("The “103 Zombie” group is also actively extending its reach along the southern corridor.", ["103 Zombie"]),
    ("Meanwhile, leaders of criminal groups, such as Jimmy Chérizier (“Barbecue”) and Wilson Joseph (“Izo”), "
     "demonstrate no willingness to de-escalate.", []),  # a person's nickname is no group
    ("Armed groups attacked the town.", []),
])
def test_groups_known_by_a_name(text, names):
    assert [sp.text for sp in quoted_group_spans(text)] == names


def test_the_group_word_after_a_name_is_the_asked_noun():
    text = "Led by the Baz Taliban and 400 Mawozo groups, the Viv Ansanm coalition attacked."
    assert _best("Which criminal groups led the assault?", text, "organization") in ("Baz Taliban", "400 Mawozo")


# S/2025/303, annex, para. 7
_HAITI = ("Law enforcement operations from July 2024 to February 2025 resulted in more than 2,000 people killed or "
          "injured (compared with 1,253 from February to July 2024).")


@pytest.mark.parametrize("question, figure", [
    ("How many people were killed or injured in law enforcement operations from February to July 2024?", "1,253"),
    ("How many people were killed or injured in law enforcement operations from July 2024 to February 2025?",
     "more than 2,000"),
])
def test_the_period_that_dates_the_figure_must_be_the_asked_one(question, figure):
    assert _best(question, _HAITI, "count") == figure


# A/79/845, enclosure, p. 8, para. 2
def test_a_list_enumerator_is_no_count():
    text = ("2. Available copies of investigation materials on the facts of ill-treatment of civilians in Bucha in "
            "March 2022.")
    assert not [sp for sp in typed_spans(text, ["count"]) if sp.kind == "count"]
    assert [sp.text for sp in typed_spans("They found 2 bodies.", ["count"])] == ["2"]


# E/2025/9/Add.13, annex, p. 3, para. 1
def test_a_span_of_years_is_one_date():
    text = "From 2013 to 2016 she was Executive Director of the Organization of Latin American and Caribbean SAIs."
    assert [sp.text for sp in typed_spans(text, ["date"])] == ["From 2013 to 2016"]


# A/HRC/EMRIP/2025/2, para. 5 and A/HRC/EMRIP/2025/1, p. 2, para. 9
def test_the_session_is_the_asked_bodys():
    names = [("Human Rights Council", ()), ("Expert Mechanism", ())]
    question = "At which Human Rights Council session is the Expert Mechanism's study to be adopted?"
    text = ("The Expert Mechanism decided, at its seventeenth session, to finalize the study and submit it to the "
            "Human Rights Council for adoption at its sixtieth session.")
    assert _best(question, text, "session", names, owner="human rights council") == "sixtieth session"
    assert _best(question, text, "session", names, owner="expert mechanism") == "seventeenth session"


# A/79/845, p. 1, para. 1
def test_a_label_answers_what_the_number_of_a_thing_is():
    text = ("With reference to the notes verbales No. 3810/n of 9 September 2024, I have to recall the requests for "
            "cooperation on criminal case No. 12202007703000274 concerning deliberate misinformation.")
    assert _best("What is the number of the criminal case on misinformation?", text, "identifier") \
        == "No. 12202007703000274"


# E/2025/9/Add.13, annex, p. 2, para. 1
def test_a_prize_by_its_name():
    text = "In 2016, he was awarded the O.P. Dwivedi prize by the International Association of Schools."
    assert [sp.text for sp in typed_spans(text, ["award"])] == ["O.P. Dwivedi prize"]


@pytest.mark.parametrize("question, asks", [
    ("Who signed Ukraine's letter of 6 June 2025 on the attacks on Kyiv?", True),
    ("Who is the signatory of the letter?", True),
    ("Who sent the note verbale?", True),
    ("Who chaired the meeting?", False),
])
def test_who_signed(question, asks):
    assert asks_signatory(question) is asks


def test_who_signed_a_document_is_answered_by_a_signature_or_not_at_all():
    assert only_a_signature_answers("Who signed the report of the Statistical Commission?")
    assert not only_a_signature_answers("Who signed the Paris Agreement in 2016?")  # a sentence may say


# A/79/939, p. 2, para. 4 and A/ES-10/1022, p. 1, para. 2 as the reader closes them
@pytest.mark.parametrize("text, name", [
    ("I should be grateful if you would circulate the present letter as a document of the Security Council. "
     "Andrii Melnyk Ambassador Permanent Representative", "Andrii Melnyk"),
    ("as a document of the General Assembly. Riyad Mansour Minister Permanent Observer", "Riyad Mansour"),
    ("The Council decided to remain seized of the matter.", None),
    ("The report was presented by the Director. The President of the Council", None),
])
def test_the_signature_closing_a_letter(text, name):
    found = signature(text)
    assert (found[0] if found else None) == name


def test_an_organizations_report_the_question_names_is_its_source():
    rest, frames = source_frames("What period does UNODC's seventh quarterly report on arms trafficking into Haiti cover?")
    assert frames and "quarterly" in frames[0] and "quarterly" not in rest
    assert source_frames("How many children did UNICEF's programme reach?")[1] == []


# A/79/19, paras. 12 and 14
def test_a_period_of_days_is_one_date_and_met_is_what_meet_asks():
    text = "The Working Group and its two sub-working groups met from 20 February to 12 March and on 14 March."
    assert [sp.text for sp in typed_spans(text, ["date"])] == ["from 20 February to 12 March", "14 March"]
    other = "On 19 February, the Working Group of the Whole heard briefings by the Under-Secretary-General."
    question = "When did the Working Group meet?"
    s, o, terms = _scored(text), _scored(other), _terms(question)
    mine = span_score(typed_spans(text, ["date"])[0], s, terms, set(), ("date",))
    theirs = span_score(typed_spans(other, ["date"])[0], o, terms, set(), ("date",))
    assert mine > theirs


# -- the dev half of the session's own blind set (bench/data/library_facts_round8.jsonl) ---------------
def test_a_who_question_is_answered_only_where_the_role_is_said():
    from search.roles import question_role

    role = question_role("Who chaired the Special Committee on decolonization at its 2009 Caribbean seminar?")
    assert not role.said_in("The Caribbean regional seminar will be held in Frigate Bay, Saint Kitts and Nevis.")
    assert role.said_in("The session was co-chaired by the Deputy Minister of Economy, Umid Abidkhadjaev.")
    assert role.said_in("The Chair of the seminar, Mr. X, opened it.")


# E/HLPF/2025/3/Add.3, para. 2
def test_the_name_after_the_title_of_whoever_co_chaired():
    from search.roles import holds_office

    text = ("The session was co-chaired by the Deputy Minister of Economy and Finance of Uzbekistan, Umid "
            "Abidkhadjaev, and the Permanent Representative of Greece to the United Nations in Geneva, Ioannis Ghikas.")
    spans = typed_spans(text, ["person", "organization"])
    assert "Deputy Minister of Economy" not in [sp.text for sp in spans]  # an office, not a body
    umid = next(sp for sp in spans if sp.text == "Umid Abidkhadjaev")
    assert holds_office(umid, text, "chair")


def test_a_bullet_is_no_part_of_a_name():
    from search.answer_types import Span, _trim

    assert _trim(Span("• Youth", "organization", 0, 7)).text == "Youth"


# E/ICEF/2025/AB/L.3, para. 29
def test_the_part_counted_after_with():
    from search.answer import _names_a_part, subject_words

    text = "As at 31 December 2024, OIAI had 63 authorized posts, with 12 vacancies."
    twelve, sixty_three = (next(sp for sp in typed_spans(text, ["count"]) if sp.text == n) for n in ("12", "63"))
    assert _names_a_part(twelve, text) and not _names_a_part(sixty_three, text)
    question = "How many of the authorized posts in the audit office were vacant at the end of 2024?"
    words = subject_words(question, question_type(question))
    assert "end" not in words and "posts" in words  # "at the end of 2024" says when, not what


def test_where_a_meeting_was_held_need_not_be_said_where_it_is_counted():
    from search.answer import venue_names

    names = [("ECE", ()), ("Geneva", ())]
    assert venue_names("How many ECE member States were represented at the April 2025 session of the regional "
                       "forum in Geneva?", names) == {"Geneva"}
    assert venue_names("How many civilians were killed in Geneva?", names) == set()


def test_an_office_after_a_body_is_no_part_of_its_name(searcher):
    from search.names import _name_parts

    assert _name_parts(searcher, "ECE Executive Secretary") == ["ECE"]
    assert " ".join(_name_parts(searcher, "Special Rapporteur")) == "Special Rapporteur"  # no body before the office


def test_a_demonym_is_named_by_its_place(searcher):
    from search.names import _place_of

    # the bundled report writes "Africa" and "Europe"; "Christian" is no place's
    assert _place_of(searcher, "African") == ("Africa",)
    assert _place_of(searcher, "Christian") == ()


@pytest.mark.parametrize("question, kinds, target", [
    ("In which commune does the NGO have its headquarters?", ("place",), ("commune",)),
    ("What is the working language of the Caribbean regional seminar?", ("language",), ("language",)),
])
def test_places_and_languages_asked_for(question, kinds, target):
    qtype = question_type(question)
    assert qtype.slots[0] == kinds and qtype.target == target


# A/AC.109/2009/17, annex, p. 5, para. 8
def test_a_language_by_its_name():
    assert [sp.text for sp in typed_spans("The working language of the seminar shall be English.", ["language"])] \
        == ["English"]


def test_the_kind_of_body_a_name_is_says_which_body_not_what_is_asked():
    from search.answer import subject_words, venue_names

    question = "How many research projects has the Down syndrome foundation Fondation Jérôme Lejeune funded?"
    words = subject_words(question, question_type(question))
    assert {"research", "projects"} <= words and not words & {"syndrome", "foundation"}
    assert venue_names("What is the working language of the committee's Caribbean regional seminar?",
                       [("Caribbean", ())]) == {"Caribbean"}
