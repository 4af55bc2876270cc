"""Rules found with the round-4 blind library set (bench/data/library_facts_round4.jsonl), on real
sentences of library documents no other set used (E/2025/31, the CSTD's report on its twenty-eighth
session; E/2025/36, the WFP Executive Board's decisions of 2024)."""

from __future__ import annotations

import pytest

from search.unsaid import said as _said
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
    from search.unsaid import referred_back

    names = [("CICA Convention on Privileges and Immunities", ()), ("CICA Member States", ())]
    s = _scored_sentence(_A79_722_P9, "To date, eleven Member States have ratified the Convention, including "
                                      "Azerbaijan, India, Kazakhstan, Kyrgyzstan, Mongolia, Russia and Türkiye who "
                                      "did that before 2023.")
    assert referred_back(s, names) == {"CICA Convention on Privileges and Immunities", "CICA Member States"}
    assert referred_back(s, [("IFAD", ())]) == set()                     # a one-word name is said where the fact is
    other = _A79_722_P9.replace("CICA Convention on Privileges and Immunities", "Agreement")
    assert referred_back(_scored_sentence(other, s.sentence.text), names[:1]) == set()  # never written in full


def test_the_head_of_a_name():
    from search.unsaid import _head

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


# -- a letter dated the day the question asks about (A/79/873) ---------------------------------------
def test_a_letter_dated_the_asked_day_need_not_repeat_the_day():
    from types import SimpleNamespace

    from search.unsaid import DocContext
    from search.unsaid import dated as _dated
    from search.unsaid import on_its_day as _on_its_day

    title = ("Letter dated 18 April 2025 from the Chargé d’affaires a.i. of the Permanent Mission of Ukraine to the "
             "United Nations addressed to the Secretary-General")
    dated = _dated(SimpleNamespace(subject=title + " . Ukraine . Russian Federation"))
    assert dated == frozenset({"18 april"})
    doc = DocContext(dated=dated)
    assert _on_its_day({"18 april"}, doc) == {"18"}
    assert _on_its_day({"24 april"}, doc) == set()                        # another day's letter
    assert _dated(SimpleNamespace(subject="Report of the Secretary-General on Somalia")) == frozenset()


# -- several figures in a sentence, each with its own verb or noun (A/79/873, A/79/771, E/2025/31) --
_A79_873 = ("In the city of Kharkiv, Russia launched a missile attack, killing at least 1 person and injuring over "
            "100 others, including at least 7 children.")
_A79_771 = ("On 4 February 2025, in broad daylight, Russian forces launched an Iskander ballistic missile attack on "
            "the central part of Izium, Kharkiv region, killing at least 5 civilians and injuring at least 55 others, "
            "including children: a 6-year-old boy and 2 girls, aged 14 and 16.")
_E2025_31_P68 = ("Notes with great concern the persistence of the gender digital divide on a global level – as 65 per "
                 "cent of women and girls are now using the Internet compared with 70 per cent of men – and that "
                 "women remain digitally marginalized in many of the world’s poorest countries.")
_E2025_76_P18 = "Only 2 per cent of the 20,000 km road network in South Sudan is paved."


def _sentence(text: str, places: tuple[str, ...] = ()):
    from types import SimpleNamespace

    from search.evidence import ScoredSentence, Sentence
    from ingest.models import Entity

    ents = tuple(Entity(p, "place", p, text.index(p), text.index(p) + len(p)) for p in places)
    hit = SimpleNamespace(symbol="X/1", citation="X/1, para. 1", kind="paragraph", entities=ents, section=(),
                          text=text, score=1.0)
    return ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), 0.8, 0.7, 0.8)


def _best(text: str, question: str, kind: str, places: tuple[str, ...] = (), qplaces: tuple[str, ...] = (),
          score: bool = False):
    from search.answer_types import question_type, typed_spans
    from search.evidence import QuestionTerm
    from search.span_scores import span_score

    qtype = question_type(question)
    terms = [QuestionTerm(t.text, t.stem, 1.0, 1, False) for t in tokenize([question])[0]]
    s = _sentence(text, places)
    target = {t.stem for t in tokenize([" ".join(qtype.target)])[0]}
    head = tokenize([qtype.head])[0][0].stem if qtype.head else ""
    qp = frozenset(t.stem for p in qplaces for t in tokenize([p])[0])
    spans = typed_spans(text, [kind])
    scores = [(span_score(sp, s, terms, target, qtype.slots[0], head, None, frozenset(), qp), sp.text) for sp in spans]
    return max(scores) if score else max(scores)[1]


def test_the_figure_its_verb_gives():
    assert _best(_A79_873, "How many people were injured in the missile attack on Kharkiv?", "count") == "over 100"
    assert _best(_A79_873, "How many people were killed in the missile attack on Kharkiv?", "count") == "at least 1"


_S2025_176_P19 = "The clashes resulted in three MONUSCO peacekeepers being killed and 37 other peacekeepers injured."


def test_the_figure_its_following_verb_gives():
    # the verb after the counted noun: "three ... peacekeepers *being killed* and 37 other peacekeepers *injured*"
    assert _best(_S2025_176_P19, "How many peacekeepers were killed in the clashes?", "count").startswith("three")
    assert _best(_S2025_176_P19, "How many peacekeepers were injured in the clashes?", "count").startswith("37")
    both = "As at 23 March 2025, 42,308 cases and 759 deaths had been reported across 42 counties."
    assert _best(both, "How many cholera cases had been reported by March 2025?", "count") == "42,308"  # both reported


def test_a_share_of_the_group_asked_not_of_the_group_compared():
    q = "What share of women and girls use the Internet?"
    assert _best(_E2025_31_P68, q, "percent") == "65 per cent"
    assert _best(_E2025_31_P68, "What share of men use the Internet?", "percent") == "70 per cent"
    value, text = _best(_E2025_76_P18, "What share of South Sudan's road network is paved?", "percent", score=True)
    assert text.endswith("2 per cent") and value > -1.0                 # "of the 20,000 km road network": one phrase


def test_a_region_set_after_the_asked_place_is_no_other_place():
    from search.narrowing import place_conflict

    s = _sentence(_A79_771, places=("Izium", "Kharkiv"))
    i = _A79_771.index("at least 5")
    span = Span("at least 5", "count", i, i + 10)
    places = [(_A79_771.index(p), _A79_771.index(p) + len(p)) for p in ("Izium", "Kharkiv")]
    izium = frozenset({"izium"})
    assert not place_conflict(span, s, izium, {"kill", "civilian"}, places)
    other = _A79_771.replace("Izium, Kharkiv region", "Izium; then in Kharkiv region")
    s2 = _sentence(other, places=("Izium", "Kharkiv"))
    j = other.index("at least 5")
    places2 = [(other.index(p), other.index(p) + len(p)) for p in ("Izium", "Kharkiv")]
    assert place_conflict(Span("at least 5", "count", j, j + 10), s2, izium, {"kill", "civilian"}, places2)


# -- who did the deed, who holds the office (A/79/722, E/2025/36, E/2025/31) -------------------------
_A79_722_P2 = ("The idea to establish CICA was proposed by First President of Kazakhstan Nursultan Nazarbayev on "
               "5 October 1992 at the 47th Session of the UN General Assembly (UNGA).")
_E2025_31_P12 = ("The Commission elected by acclamation the following officers for its twenty-ninth session: "
                 "Vice-Chairs: Peter Major (Hungary) Guilherme de Aguiar Patriota (Brazil) Muhammadou M.O. Kah "
                 "(Gambia) Isabelle Lois (Switzerland)")
_E2025_31_P19 = ("At the 1st meeting, on 7 April, the Chair, Muhammadou M.O. Kah (Gambia), opened the twenty-eighth "
                 "session of the Commission, and the Commission adopted its provisional agenda.")


def test_the_doer_of_the_questions_deed():
    from search.roles import Role, agent_of, doer_stem, question_role

    assert doer_stem("Who first proposed establishing the Conference?") == "propos"
    assert question_role("Who first proposed establishing the Conference?") == Role("propos", "deed")
    assert question_role("Who chaired the session?") == Role("chair")
    assert agent_of(_span(_A79_722_P2, "Nursultan Nazarbayev"), _A79_722_P2, "propos")
    assert not agent_of(_span(_A79_722_P2, "Kazakhstan", "place"), _A79_722_P2, "propos")  # the name goes on
    assert not agent_of(_span(_A79_722_P2, "Nursultan Nazarbayev"), _A79_722_P2, "adopt")  # another deed


def test_an_office_named_with_its_body_asks_for_the_office():
    from search.roles import Role

    chair = Role("presid")
    assert chair.body_of("President of the Executive Board") == "Executive Board"
    assert chair.body_of("World Food Programme") is None
    assert Role("chair").body_of("President of the Executive Board") is None
    assert Role("propos", "deed").body_of("President of the Executive Board") is None


def test_a_name_a_list_gives_another_office_is_no_answer():
    from search.roles import Role

    chair = Role("chair")
    for name in ("Peter Major", "Isabelle Lois", "Muhammadou M.O. Kah"):
        assert chair.given_another(_span(_E2025_31_P12, name), _E2025_31_P12)
    assert not chair.given_another(_span(_E2025_31_P19, "Muhammadou M.O. Kah"), _E2025_31_P19)
    assert chair.holds(_span(_E2025_31_P19, "Muhammadou M.O. Kah"), _E2025_31_P19)


def test_a_persons_name_keeps_the_given_names_the_model_left_out():
    from search.answer_types import typed_spans

    assert [s.text for s in typed_spans(_E2025_31_P19, ["person"])] == ["Muhammadou M.O. Kah"]
    assert [s.text for s in typed_spans("President Tokayev announced the construction.", ["person"])] == ["Tokayev"]


def test_initials_do_not_end_a_sentence():
    from index.sentences import join_initials, split_sentences

    assert len(split_sentences(_E2025_31_P19)) == 1
    board = ("In accordance with its rules of procedure the Board elected H.E. Youssef Balla (Morocco, List A) "
             "President for a one-year term. Mme Chantal Moukoutou Legnongo (Gabon, List A) was elected Alternate.")
    assert len(split_sentences(board)) == 2
    cut = _E2025_31_P19.index("Kah")  # as an index built before this rule stored it
    assert join_initials(_E2025_31_P19, [(7, 0, cut - 1), (8, cut, len(_E2025_31_P19))]) == \
        [(-1, 0, len(_E2025_31_P19))]
    assert join_initials(board, [(1, 0, 94), (2, 95, len(board))]) == [(1, 0, 94), (2, 95, len(board))]


@pytest.mark.parametrize("question, slots", [
    ("What programme support and administrative appropriation did the WFP Executive Board approve for 2025?",
     (("money", "count"),)),
    ("What budget was approved for the mission?", (("money", "count"),)),
    ("What funding mechanism did the Board create?", ()),
])
def test_a_sum_asked_by_its_name(question, slots):
    from search.answer_types import question_type

    assert question_type(question).slots == slots


# -- NGO names in French say which organization, not what is asked (E/C.2/2025/2) ------------------
@pytest.mark.parametrize("question, words", [
    ("How many women market gardeners did Action communautaire femme et enfant train and equip to end poverty?",
     {"action", "communautaire", "femme", "et", "enfant"}),
    ("How many people did the campaign by Action pour la protection des droits de l'homme en Mauritanie reach?",
     {"action", "pour", "la", "protection", "des", "droits", "de", "homme", "l'homme", "en", "mauritanie"}),
    ("How many CICA Member States have ratified the CICA Convention on Privileges and Immunities?", set()),
    ("What share of women and girls use the Internet, according to the CSTD draft resolution?", set()),
])
def test_the_words_of_a_french_name(question, words):
    from search.names import foreign_name_words

    assert foreign_name_words(question) == words


def test_a_french_names_words_are_not_what_the_question_is_about():
    from search.answer import subject_words
    from search.answer_types import question_type

    q = "How many women market gardeners did Action communautaire femme et enfant train and equip to end poverty?"
    about = subject_words(q, question_type(q))
    assert {"gardeners", "poverty"} <= about and not about & {"femme", "enfant", "communautaire"}
    q = "On what date was the Russian criminal case about false information on Bucha initiated?"
    assert "date" not in subject_words(q, question_type(q))            # the kind of answer, not its subject


def test_the_date_its_verb_gives():
    from search.span_scores import _DATED_BY, _governed_by

    text = ("The Main Investigative Department is investigating criminal case No. 12202007703000274 initiated on "
            "04.04.2022 under Article 207.")
    span = _span(text, "04.04.2022", "date")
    assert _governed_by(text, span, {"initi", "case"}, _DATED_BY)
    assert not _governed_by(text, span, {"adopt"}, _DATED_BY)


def test_a_name_with_its_country_in_brackets_is_a_person():
    from search.answer_types import typed_spans
    from search.person_names import officer_spans

    assert [s.text for s in officer_spans(_E2025_31_P20)] == ["Ana Cristina Amoroso das Neves"]  # no "Vice-Chair"
    assert [s.text for s in officer_spans(_E2025_36_RAPPORTEUR)] == ["Vito Su"]                  # no "Mr."
    board = "In accordance with its rules of procedure the Board elected H.E. Youssef Balla (Morocco, List A) President."
    assert [s.text for s in officer_spans(board)] == ["Youssef Balla"]
    assert officer_spans("The Government of Kenya (Kenya) hosted it.") == []
    assert officer_spans("Action Jeunesse pour le développement (AJED-Congo) reported.") == []  # no country
    start = _E2025_31_P20.index("Cristina")  # the index's entity cut the name short
    spans = typed_spans(_E2025_31_P20, ["person"], [("Cristina", "person", start, start + 8)])
    assert [s.text for s in spans] == ["Ana Cristina Amoroso das Neves"]


def test_the_one_the_questions_verb_chose():
    from search.roles import Role, chosen_by, chosen_stem, question_role

    q = "Who did the WFP Executive Board appoint to its Independent Oversight Advisory Committee in November 2024?"
    assert chosen_stem(q) == "appoint" and question_role(q) == Role("appoint", "chosen")
    assert question_role("Who did the Board appoint as Rapporteur?") == Role("rapporteur")  # an office named
    e2025_36_p51 = ("The Board approved the appointment of the following candidate as member of the Independent "
                    "Oversight Advisory Committee: ➢ Ms. Laura Born (United States of America).")
    assert chosen_by(_span(e2025_36_p51, "Laura Born"), e2025_36_p51, "appoint")
    assert chosen_by(_span(_E2025_36_RAPPORTEUR, "Vito Su"), _E2025_36_RAPPORTEUR, "appoint")
    assert not chosen_by(_span(e2025_36_p51, "Laura Born"), e2025_36_p51, "elect")
    agenda = "Administrative matters: Joint Inspection Unit reports (for information)."
    assert not chosen_by(_span(agenda, "Joint Inspection Unit", "organization"), agenda, "appoint")


_A79_939_P2 = ("On the night of 6 June 2025, the Russian Federation launched yet another massive attack against "
               "civilians, using 407 drones, 38 cruise missiles and six ballistic missiles, targeting nearly the "
               "entire territory of Ukraine.")


def test_a_place_the_question_names_by_its_short_name_is_the_same_place():
    # "Russia" in the question, "the Russian Federation" in the letter: the figure is about the asked place
    from search.answer import _place_stems
    from search.narrowing import place_conflict

    import sqlite3
    from types import SimpleNamespace

    con = sqlite3.connect(":memory:")  # the index's entities table: "Russia" is tagged a place
    con.execute("CREATE TABLE entities (text TEXT, kind TEXT)")
    con.execute("INSERT INTO entities VALUES ('Russia', 'place')")
    index = SimpleNamespace(store=con)
    qplaces = _place_stems(index, [("Russia", ("Russian Federation",)), ("Ukraine", ())])
    assert {"russian", "feder"} <= qplaces
    s = _sentence(_A79_939_P2, places=("Russian Federation", "Ukraine"))
    i = _A79_939_P2.index("407")
    places = [(_A79_939_P2.index(p), _A79_939_P2.index(p) + len(p)) for p in ("Russian Federation", "Ukraine")]
    known = {"drone", "launch", "russia", "ukrain"}
    assert not place_conflict(Span("407", "count", i, i + 3), s, qplaces, known, places)
    without_alias = _place_stems(index, [("Russia", ()), ("Ukraine", ())])
    assert place_conflict(Span("407", "count", i, i + 3), s, without_alias, known, places)
