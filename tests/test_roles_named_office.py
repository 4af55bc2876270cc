"""An office named in the question ("Who was elected Rapporteur ...") and the name a list of
officers gives it, on real sentences of the library's session reports (A/79/19, A/80/38, E/2025/24)."""

from __future__ import annotations

import pytest

from search.answer_types import Span
from search.roles import holds_office, office_stem

_A79_19 = ("The Committee elected the following officers by acclamation: Vice-Chairs: Francisco Tropepi "
           "(Argentina) Michael Gort (Canada) Takayuki Iriya (Japan) Michal Miarka (Poland) Rapporteur: "
           "Mohamed Soliman (Egypt)")
_A80_38_OFFICERS = ("On 3 February 2025, the Committee elected the following members as officers of the Committee: "
                    "Brenda Akia, Rapporteur; Corinne Dettmeijer-Vermeulen, Vice-Chair; Marianne Mikko, Vice-Chair; "
                    "and Rhoda Reddock, Vice-Chair.")
_A80_38_CHAIR = "On 3 February 2025, the Committee elected Nahla Haidar El Addal as Chair of the Committee."
_A80_38_GROUP = ("The Committee elected the following members as members of the Working Group on Communications "
                 "under the Optional Protocol: Brenda Akia, Rangita de Silva de Alwis (Chair), Yamila González "
                 "Ferrer, Elgun Safarov (Vice-Chair) and Erika Schläppi.")
_E2025_24 = ("At its 1st meeting, on 4 March, the Commission elected the following officers by acclamation: Chair: "
             "Georges-Simon Ulrich (Switzerland) Vice-Chairs: Graciela Márquez Colín (Mexico) Hyoung Il Lee "
             "(Republic of Korea) Apolonija Oblak Flander (Slovenia) Rapporteur: Andrew Bob Johnny (Sierra Leone)")


@pytest.mark.parametrize("question, stem", [
    ("Who was elected Rapporteur of the Special Committee on Peacekeeping Operations?", "rapporteur"),
    ("Who was elected Chair of the Committee in February 2025?", "chair"),
    ("Who was appointed as the President of the Board?", "presid"),
    ("who has been elected by acclamation as the new Chair?", "chair"),
    ("Who was elected Vice-Chair?", None),            # a deputy: many to a list, the general rules
    ("Who was elected Rapporteur-General?", None),     # a compound title: the general rules
    ("Who was elected in 2024?", None),               # no office named
])
def test_a_named_office(question, stem):
    assert office_stem(question) == stem


@pytest.mark.parametrize("sentence, name, stem, holds", [
    (_A79_19, "Mohamed Soliman", "rapporteur", True),        # "Rapporteur: <name>"
    (_A79_19, "Michael Gort", "rapporteur", False),          # under "Vice-Chairs:"
    (_A79_19, "Michael Gort", "chair", False),               # a Vice-Chair is no Chair
    (_E2025_24, "Georges-Simon Ulrich", "chair", True),
    (_E2025_24, "Graciela Márquez Colín", "chair", False),
    (_E2025_24, "Andrew Bob Johnny", "rapporteur", True),
    (_E2025_24, "Andrew Bob Johnny", "chair", False),
    (_A80_38_OFFICERS, "Brenda Akia", "rapporteur", True),   # "<name>, Rapporteur;"
    (_A80_38_OFFICERS, "Marianne Mikko", "chair", False),
    (_A80_38_CHAIR, "Nahla Haidar El Addal", "chair", True),  # "elected <name> as Chair"
    (_A80_38_GROUP, "Rangita de Silva de Alwis", "chair", True),  # "<name> (Chair)"
    (_A80_38_GROUP, "Elgun Safarov", "chair", False),
    (_A80_38_GROUP, "Yamila González Ferrer", "chair", False),
])
def test_the_name_a_list_of_officers_gives_the_office(sentence, name, stem, holds):
    start = sentence.index(name)
    assert holds_office(Span(name, "PERSON", start, start + len(name)), sentence, stem) is holds
