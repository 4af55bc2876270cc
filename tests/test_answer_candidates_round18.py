"""Candidate spans and answer types of the eighteenth session (h-r18anscand, issue #19), found by an audit of
every tuning question's labelled sentence (does a span of the asked kind give the answer?) and of the questions
no type was read from (see docs/answers-log.md):

- a time of day is a kind of its own, asked by "at what time" / "what hour": "at *5 a.m.*", "from *8 a.m. to
  3.30 p.m.*" (before, "5" of "5 a.m." was taken as a count, the model's TIME entity dropped, and the question
  was refused);
- a count given as a range is one count: "between *3,000 and 4,300* civilians", "200-300" (before, two counts, or
  "300" alone); a falling pair ("33 to 1") is no range;
- "what registration / reference number", "what number did X give" asks an identifier: "the registration number is
  *41741*", "policy brief *No. 161*" (before, no type: the question got a quoted sentence);
- a "strength" is a headcount ("the authorized strength of the mission is *11,911 personnel*"; as "how much" it
  was ruled out as a count of people), a "forecast" of growth a measure;
- a share "of gross domestic product" is of the "GDP" a question asks about (before, ruled out: the words after
  "of" were none of the question's).

Sentences are copied from the documents (A/79/873, E/C.2/2025/2, S/2025/176, A/80/143, A/79/907, E/HLPF/2025/6).
"""

from __future__ import annotations

import pytest

from search.answer_types import question_type, typed_spans
from search.evidence import QuestionTerm
from search.span_scores import spells_acronym
from search.terms import tokenize

from paragraph_library import by_document, libraries_fixture

_BAKERY = ("However, at 5 a.m., Russia launched a deadly Shahed drone, damaging the bakery and killing an entrepreneur "
           "who had arrived to collect the bread.")
_BOARD = ("On 2 May 2024, from 8 a.m. to 3.30 p.m., the Board of Directors of the Agence internationale pour le "
          "développement économique et culturel held its meeting.")
_FORUM = "2020: virtual participation in the forum on gender equality, held on Monday, 16 March, from 10 to 11 a.m., New York time."
_GOMA = ("Amid growing M23 hostility towards MONUSCO, between 3,000 and 4,300 civilians gathered at various MONUSCO bases "
         "around Goma on 17 February to demand the handover of disarmed security forces under MONUSCO protection, "
         "echoing the repeated demands of M23.")
_KYIV = ("In Kyiv, the attack killed at least 12 civilians, including a brother and sister – 21-year-old Nikita and "
         "19-year-old Sofia – and injured more than 90 others, among them at least 6 children and a pregnant woman.")
_REGISTERED = ("The Bank was registered as an international organization with the United Nations on 10 April 1997, and "
               "the registration number is 41741.")
_STRENGTH = ("Under the AUSSOM concept of operations, the authorized strength of the mission is 11,911 personnel, "
             "comprising 11,826 uniformed personnel (11,146 military and 680 police personnel) and 85 civilians.")
_STI = ("Underinvestment in science, technology and innovation – especially in Africa, where average research and "
        "development spending is only 0.5 per cent of gross domestic product – continues to hinder progress on the "
        "Sustainable Development Goals. National commitments to raising science, technology and innovation investment "
        "to at least 1 per cent of gross domestic product are needed, and science, technology and innovation financing "
        "should also be made more accessible and equitable through international support and co-investment, "
        "particularly for developing countries.")

_DOCS = by_document({
    "A/79/873": (('Letter dated 18 April 2025 from the Chargé d’affaires a.i. of the Permanent Mission of Ukraine to '
                  'the United Nations addressed to the Secretary-General'), {
        3: ('In the city of Sumy, Russia launched attack drones targeting civilian infrastructure. One of the '
            'targets was a local bakery – an ordinary business that had served the city for decades. This morning, '
            'the bakery had prepared fresh paska. ' + _BAKERY + ' Another worker was injured.'),
        4: ('In the city of Kharkiv, Russia launched a missile attack, killing at least 1 person and injuring over '
            '100 others, including at least 7 children. These were ordinary people – some elderly, some very young.'),
    }),
    "A/80/143": (('Request for the inclusion of an item in the provisional agenda of the eightieth session (Letter dated '
                  '4 June 2025 from the Permanent Representative of Uganda to the United Nations addressed to the '
                  'Secretary-General)'), {
        1: ('Historical background The African Export-Import Bank (Afreximbank) was established in 1993 as a multilateral '
            'financial institution mandated to finance, facilitate and promote trade among African nations and between '
            'Africa and the rest of the world. ' + _REGISTERED),
    }),
    "A/79/907": (('Letter dated 30 April 2025 from the Secretary-General addressed to the President of the General '
                  'Assembly and the President of the Security Council'), {
        15: _STRENGTH + " The estimated budget for AUSSOM from 1 July 2025 to 30 June 2026 is $190.2 million.",
    }),
    "E/HLPF/2025/6": (('Multi-stakeholder forum on science, technology and innovation for the Sustainable Development '
                       'Goals (Note by the Secretariat)'), {41: _STI}),
    "E/2025/65": ("World economic situation and prospects as of mid-2025", {  # (a library that writes "GDP")
        12: ("In the United States, the fiscal deficit reached 6.6 per cent of gross domestic product (GDP) in fiscal "
             "year 2024 and is projected to remain elevated.")}),
    "S/2025/176": (('United Nations Organization Stabilization Mission in the Democratic Republic of the Congo '
                    '(Report of the Secretary-General)'), {22: _GOMA}),
})
libraries = libraries_fixture({"round18": _DOCS})


def _asked(lib, question: str) -> tuple[str, str] | None:
    """The answer's lead and first citation over the small library, None when it refuses."""
    answer = lib("round18").ask(question)
    return (answer.text.split(" [")[0], answer.citations[0]) if answer.answered else None


def _spans(sentence: str, *kinds: str) -> list[tuple[str, str]]:
    return [(sp.kind, sp.text) for sp in typed_spans(sentence, kinds)]


def _slots(question: str):
    return question_type(question).slots


def _term(text: str) -> QuestionTerm:
    tok = tokenize([text])[0][0]
    return QuestionTerm(text, tok.stem, 1.0, 1, text[:1].isupper())


@pytest.mark.parametrize("rule, got, want", [
    # a time of day
    ("time of day", lambda _: _spans(_BAKERY, "time"), [("time", "5 a.m.")]),
    ("its hour is no count", lambda _: _spans(_BAKERY, "count"), []),
    ("a span of hours", lambda _: _spans(_BOARD, "time", "date"), [("date", "2 May 2024"), ("time", "8 a.m. to 3.30 p.m.")]),
    ("hours shared by a.m.", lambda _: _spans(_FORUM, "time"), [("time", "10 to 11 a.m.")]),
    ("at what time", lambda _: _slots("At what time did the drone hit the bakery in Sumy on 18 April 2025?"), (("time",),)),
    ("what hour", lambda _: _slots("At what hour did the session open?"), (("time",),)),
    ("a time frame is a date", lambda _: _slots("What time frame did the Council set for the review?"), (("date",),)),
    # a count as a range
    ("between two figures", lambda _: _spans(_GOMA, "count"), [("count", "between 3,000 and 4,300")]),
    ("separate counts stay apart", lambda _: _spans(_KYIV, "count"),
     [("count", "at least 12"), ("count", "more than 90"), ("count", "at least 6")]),
    ("a falling pair is no range", lambda _: _spans("The draft resolution was adopted by a vote of 33 to 1.", "count"),
     [("count", "33"), ("count", "1")]),
    # an identifier asked by "what ... number"
    ("registration number asked", lambda _: _slots("Under what registration number is Afreximbank registered with the "
                                                   "United Nations as an international organization?"), (("identifier",),)),
    ("number given asked", lambda _: _slots("What number did DESA give the policy brief on the demographic dividend?"),
     (("identifier",),)),
    ("a number of things is a count", lambda _: _slots("What number of States have ratified the Convention?"), ()),
    ("the number is", lambda _: _spans(_REGISTERED, "identifier"), [("identifier", "41741")]),
    ("a count's number is no label", lambda _: _spans("The total number is 300.", "count"), [("count", "300")]),
    # a headcount, a forecast
    ("strength", lambda _: _slots("What is the authorized strength of the African Union Support and Stabilization "
                                  "Mission in Somalia (AUSSOM) under its concept of operations?"), (("count",),)),
    ("strength reached", lambda _: _slots("What strength had the Haitian National Police reached by 2019?"), (("count",),)),
    ("forecast", lambda _: _slots("What is the UN's mid-2025 forecast for world economic growth in 2025?"),
     (("percent", "money", "count"),)),
    # an acronym spelled out
    ("GDP spelled out", lambda _: spells_acronym(tokenize(["gross domestic product"])[0], [_term("Africa"), _term("GDP")]), True),
    ("another phrase", lambda _: spells_acronym(tokenize(["the increase in the migrant stock"])[0], [_term("GDP")]), False),
    # end to end over the small library
    ("the hour", lambda lib: _asked(lib, "At what time did the Russian drone hit the bakery in Sumy?"),
     ("5 a.m", "A/79/873, para. 3")),
    ("no hour given", lambda lib: _asked(lib, "At what time did the missile attack on Kharkiv begin?"), None),
    ("a range gathered", lambda lib: _asked(lib, "How many civilians gathered at MONUSCO bases around Goma on 17 February?"),
     ("between 3,000 and 4,300 civilians", "S/2025/176, para. 22")),
    ("registration number", lambda lib: _asked(lib, "Under what registration number is Afreximbank registered with the "
                                                    "United Nations?"), ("41741", "A/80/143, para. 1")),
    ("authorized strength", lambda lib: _asked(lib, "What is the authorized strength of AUSSOM under its concept of "
                                                    "operations?"), ("11,911", "A/79/907, para. 15")),
    ("share of GDP", lambda lib: _asked(lib, "How much does Africa spend on research and development on average, as a "
                                             "share of GDP?"), ("only 0.5 per cent", "E/HLPF/2025/6, para. 41")),
])
def test_round18_candidates(libraries, rule, got, want):
    """Each rule on a real sentence or question (or over the small library): what it gives."""
    assert got(libraries) == want, rule
