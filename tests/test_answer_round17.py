"""Rules of the seventeenth session (h-r17ansspan), found on round 17's dev half (see docs/answers-log.md) and
each checked on other paragraphs of the library:

- a period of days is one date however its days are joined: "3–4 October 2024", "28 November–2 December 2022",
  "14– 16 December 2020" (T1704 was answered "4 October 2024");
- an "until when" question reads, below the best sentences, one that gives a date after "until" / "to" (T1709: the
  mandate "extending its mandate until 2 October 2025" ranked 18th and the question was refused);
- "who was appointed Governor": of the names given the office, the one the question's verb gave it to now ("his
  successor, Major General Somo Kakule Evariste, who was appointed on 29 January"), and a rank between the office's
  title and a name does not take the office from it ("the Governor of North Kivu, Major General Peter Cirimwami");
  before, neither name held the office and T1702 was refused;
- "which <official> signed the letter" asks its signature block; a chargé d'affaires' title is a title; a letter's last
  paragraph may close with the name alone; "the first of the letters annexed" is the first annex (T1712);
- on the refusal side (the names gate, which refused most answerable questions of the tuning halves): a place's
  adjective before a name ("the *Congolese* NGO FOSBES") is no name of its own; a named day ("on *Good Friday*") is
  said once by its letter, as a date is.

Sentences are copied from the documents (A/79/722, S/2025/176, S/2025/122, A/79/845, E/C.2/2025/2/Add.9,
S/2025/194, A/80/38) as strings: one table, each row a rule and a real sentence."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from search.answer import _read_later
from search.answer_types import Span, gives_bound, typed_spans
from search.evidence import ScoredSentence, Sentence
from search.names import named_day, without_descriptions
from search.roles import question_role
from search.signatures import asked_part, asks_signatory, signatory_answer, signature
from search.terms import tokenize

from paragraph_library import assert_fact, by_document, libraries_fixture

_RALLY = ("Upon the initiative of Kazakhstan, the first CICA Rally of Volunteer Movement Leaders was held in Astana on "
          "3–4 October 2024 under the auspices of the 7th CICA Youth Council meeting.")
_SEMINAR = ("Joint project, the Seminar on Combating Cybercrime for the SCO and CICA countries (28 November–2 December "
            "2022), was implemented.")
_ABIDJAN = ("... held in Abidjan (14– 16 December 2020) and Accra (15 and 16 November 2021), including issuing ...")
_SOMALIA = "Over the period 20–27 November, the two houses of Parliament debated the bills."
_CEDAW = "(a) Sixtieth session of the Working Group on Communications under the Optional Protocol: 3 and 4 October 2024;"
_HEADING = "Expansion of territory held by the Mouvement du 23 mars, 30 November 2022–6 March 2025"
_MANDATE = ("Given escalating gang violence, additional forces may be required (Security Council resolution 2699 (2023) "
            "authorizing the Mission and resolution 2751 (2024) extending its mandate until 2 October 2025 do not set a "
            "ceiling for uniformed personnel).")
_EXTENSION = ("With the extension of the mandate of the Multinational Security Support Mission to 2 October 2025, questions "
              "arise over the sustainability of financing, casting doubt on the continuity of its operations.")
_LETTER = "In a letter dated 29 November 2024 from the President of the Security Council (S/2024/868), the members wrote."
_GOVERNOR = ("Following the death of the Governor of North Kivu, Major General Peter Cirimwami, who sustained gunshot wounds "
             "while visiting the front line on 23 January and subsequently succumbed to his injuries, MONUSCO engaged with "
             "his successor, Major General Somo Kakule Evariste, who was appointed on 29 January and is based in Beni, to "
             "coordinate protection priorities with the Congolese provincial authorities.")
_APPOINTED = "Who was appointed Governor of North Kivu after his predecessor died of wounds sustained at the front line?"
_CHARGE = ("Which Russian chargé d'affaires a.i. signed the first of the letters annexed to the Russian Federation's April "
           "2025 letter about UN investigative material?")
_POLYANSKIY = ("We stand ready to engage with the Secretariat on modalities of information transfer including those related "
               "to safeguarding its confidentiality. Dmitry Polyanskiy Chargé d’affaires a.i.")
_NEBENZIA = ("I should be grateful if you would circulate the present letter and its annexes as a document of the General "
             "Assembly, under agenda items 32 (a), 84, 107 and 108, and of the Security Council. Vassily Nebenzia")
_PARTS = ["", "annex I", "annex II", "annex III", "enclosure"]


# A small library of the documents' real paragraphs (A/79/873's are numbered 1-5 here, in order).
_DOCS = by_document({
    "A/79/873": (('Letter dated 18 April 2025 from the Chargé d’affaires a.i. of the Permanent Mission of Ukraine to '
                  'the United Nations addressed to the Secretary-General'), {
        1: ('I am writing to inform you of the ongoing terrorist attacks by the Russian Federation that deliberately '
            'target civilians and civilian infrastructure in Ukraine (see annex).'),
        2: ('This is how Russia began this Good Friday, 18 April 2025 – with ballistic missiles, cruise missiles and '
            'attack drones, targeting the Ukrainian people.'),
        3: ('In the city of Sumy, Russia launched attack drones targeting civilian infrastructure. One of the '
            'targets was a local bakery – an ordinary business that had served the city for decades. This morning, '
            'the bakery had prepared fresh paska. However, at 5 a.m., Russia launched a deadly Shahed drone, '
            'damaging the bakery and killing an entrepreneur who had arrived to collect the bread. Another worker '
            'was injured.'),
        4: ('In the city of Kharkiv, Russia launched a missile attack, killing at least 1 person and injuring over '
            '100 others, including at least 7 children. These were ordinary people – some elderly, some very young. '
            'The youngest, Valeriia, is just 2 years old. All they were doing was living their lives in their own '
            'country, in their own city – and that alone made them targets for Russia and its missiles. One of the '
            'missiles detonated in mid-air over a residential neighbourhood; another struck an industrial site near '
            'a housing area. As a result, dozens of ordinary apartment buildings, a civilian enterprise and vehicles '
            'were damaged. One must be an outright scumbag and despise life to carry out such missile strikes on an '
            'ordinary city on Good Friday, the eve of Easter.'),
        5: ('Russia also launched strikes on the Dnipro, Kyiv, Mykolaiv and Donetsk regions, killing and injuring '
            'civilians and damaging civilian infrastructure.'),
    }),
    "S/2025/176": (('United Nations Organization Stabilization Mission in the Democratic Republic of the Congo '
                    '(Report of the Secretary-General)'), {21: _GOVERNOR}),
    "A/79/722": (('Letter dated 13 January 2025 from the Permanent Representative of Kazakhstan to the United Nations '
                  'addressed to the Secretary-General, the President of the General Assembly and the President of the '
                  'Security Council'), {
        6: _RALLY + " The Rally looked into the role of volunteerism in promoting sustainable development in Asia. In "
                    "2024, during the annual SOC review of CBM implementation with focus on the human dimension, Member "
                    "States highlighted volunteerism and youth engagement as key CICA priorities."}),
})
libraries = libraries_fixture({"round17": _DOCS})


def _asked(lib, question: str) -> tuple[str, str] | None:
    """The answer's first sentence and first citation over the small library, None when it refuses."""
    answer = lib("round17").ask(question)
    return (answer.text.split(" [")[0], answer.citations[0]) if answer.answered else None


def _span(sentence: str, text: str, kind: str = "person") -> Span:
    start = sentence.index(text)
    return Span(text, kind, start, start + len(text))


def _scored(text: str, score: float) -> ScoredSentence:
    hit = SimpleNamespace(symbol="S/2025/122", citation=f"S/2025/122, para. {score}", part="", text=text, section=(),
                          entities=(), title="")
    return ScoredSentence(hit, Sentence(text, 0, len(text)), tuple(tokenize([text])[0]), score, score, score)


def _dates(sentence: str) -> list[str]:
    return [sp.text for sp in typed_spans(sentence, ["date"])]


def _ranked(question: str, sentence: str, names: list[str]) -> list[str]:
    role = question_role(question)
    return sorted(names, key=lambda n: role.rank(_span(sentence, n), sentence))


def _holds(question: str, sentence: str, name: str) -> bool:
    return question_role(question).holds(_span(sentence, name), sentence)


def _read_below(bound: str) -> list[str]:
    """Which sentences below the best twelve are read for an "until when" question."""
    scored = [_scored(_LETTER, 0.7 - i / 100) for i in range(14)] + [_scored(_MANDATE, 0.5), _scored(_LETTER, 0.45)]
    return [s.sentence.text[:40] for s in _read_later(scored, None, "", bound)]


def _names(question: str, names: list[str]) -> list[str]:
    places = {"Congolese": ("Congo",), "Ukrainian": ("Ukraine",), "Russian": ("Russia",)}
    return [n for n, _ in without_descriptions([(n, places.get(n, ())) for n in names], question)]


def _letters(question: str) -> tuple[str, str] | None:
    """The name ``signatory_answer`` gives from A/79/845's chunks, its best hit in annex II, and its citation."""
    chunks = [SimpleNamespace(symbol="A/79/845", part=p, citation=f"A/79/845, {p or 'p. 1'}, para. {n}", text=t)
              for p, n, t in [("", 4, _NEBENZIA), ("annex I", 5, "We count on prompt fulfilment of the requests."),
                              ("annex I", 6, _POLYANSKIY), ("annex II", 3, _NEBENZIA.replace("I should", "We")),
                              ("enclosure", 9, "Senior Investigator [signed and sealed] A.V. Vavilkin")]]
    searcher = SimpleNamespace(chunks=lambda symbol: iter(chunks))
    answer = signatory_answer(searcher, question, [chunks[3]], ["A/79/845"])
    return (answer.text.split(" [")[0], answer.citations[0]) if answer else None


@pytest.mark.parametrize("rule, got, want", [
    # a period of days is one date (T1704; A/79/722, annex, p. 10; E/C.2/2025/2/Add.9, p. 7; S/2025/194; A/80/38)
    ("dash between days", lambda lib: _dates(_RALLY), ["3–4 October 2024"]),
    ("dash between months", lambda lib: _dates(_SEMINAR), ["28 November–2 December 2022"]),
    ("dash and a space", lambda lib: _dates(_ABIDJAN), ["14– 16 December 2020", "15 and 16 November 2021"]),
    ("no year", lambda lib: _dates(_SOMALIA), ["20–27 November"]),
    ("and", lambda lib: _dates(_CEDAW), ["3 and 4 October 2024"]),
    ("dates with years stay two", lambda lib: _dates(_HEADING), ["30 November 2022", "6 March 2025"]),
    # "until when": a date after the bound is read below the best sentences (T1709; S/2025/122, pp. 6-7)
    ("until", lambda lib: gives_bound(_MANDATE, "until"), True),
    ("to", lambda lib: gives_bound(_EXTENSION, "until"), True),
    ("a date without the bound", lambda lib: gives_bound(_LETTER, "until"), False),
    ("no bound asked", lambda lib: gives_bound(_MANDATE, ""), False),
    ("read below the best", lambda lib: _read_below("until"), [_MANDATE[:40]]),
    ("not read unasked", lambda lib: _read_below(""), []),
    # the office given now, and a rank between title and name (T1702; S/2025/176, para. 21)
    ("appointed now first", lambda lib: _ranked(_APPOINTED, _GOVERNOR, ["Peter Cirimwami", "Somo Kakule Evariste"]),
     ["Somo Kakule Evariste", "Peter Cirimwami"]),
    ("a rank before the name", lambda lib: _holds("Who was the Governor of North Kivu?", _GOVERNOR, "Peter Cirimwami"), True),
    ("the successor holds no office unasked", lambda lib: _holds("Who was the Governor of North Kivu?", _GOVERNOR,
                                                             "Somo Kakule Evariste"), False),
    # signatures (T1712; A/79/845)
    ("which official signed", lambda lib: asks_signatory(_CHARGE), True),
    ("which country signed a treaty", lambda lib: asks_signatory("Which country signed the Paris Agreement in 2016?"), False),
    ("which author wrote a report", lambda lib: asks_signatory("Which Special Rapporteur wrote the report on Haiti?"), False),
    ("a chargé's title", lambda lib: signature(_POLYANSKIY), ("Dmitry Polyanskiy", "Dmitry Polyanskiy Chargé d’affaires a.i.")),
    ("a name alone closing a letter", lambda lib: signature(_NEBENZIA, closing=True), ("Vassily Nebenzia", "Vassily Nebenzia")),
    ("a name alone elsewhere", lambda lib: signature(_NEBENZIA), None),
    ("the first annexed letter", lambda lib: asked_part(_CHARGE, _PARTS), "annex I"),
    ("an annex named", lambda lib: asked_part("Who signed the letter in annex II?", _PARTS), "annex II"),
    ("no part asked", lambda lib: asked_part("Who signed the letter?", _PARTS), None),
    ("its signatory", lambda lib: _letters(_CHARGE), ("Dmitry Polyanskiy", "A/79/845, annex I, para. 6")),
    ("annex II's signatory", lambda lib: _letters("Who signed the letter in annex II?"),
     ("Vassily Nebenzia", "A/79/845, annex II, para. 3")),
    # names a paragraph need not repeat (round 6's F626, E/C.2/2025/2/Add.5; F634, A/79/873)
    ("a place's adjective before a name", lambda lib: _names("How many people has the Congolese NGO FOSBES reached through "
                                                         "its activities?", ["Congolese", "FOSBES"]), ["FOSBES"]),
    ("the city of a country", lambda lib: _names("How many people were injured in the Ukrainian city of Kharkiv?",
                                             ["Ukrainian", "Kharkiv"]), ["Kharkiv"]),
    ("whose attack", lambda lib: _names("How many people were killed in the Russian attack on Kharkiv?", ["Russian", "Kharkiv"]),
     ["Russian", "Kharkiv"]),
    ("a feast is a day", lambda lib: [n for n in ("Good Friday", "Monday", "Easter", "Sumy", "Human Rights Day") if named_day(n)],
     ["Good Friday", "Monday", "Easter"]),
    # end to end over the small library
    ("appointed Governor", lambda lib: _asked(lib, _APPOINTED), ("Somo Kakule Evariste", "S/2025/176, para. 21")),
    ("a rally's days", lambda lib: _asked(lib, "When was the first CICA rally of leaders of volunteer movements held?"),
     ("3–4 October 2024", "A/79/722, para. 6")),
    ("Good Friday said once", lambda lib: _asked(lib, "What did the Russian drone hit in Sumy on Good Friday 2025?")[1],
     "A/79/873, para. 3"),
])
def test_round17_rules(libraries, rule, got, want):
    """Each rule on a real sentence (or over the small library): what it gives."""
    assert got(libraries) == want, rule
