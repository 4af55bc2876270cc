"""Named agendas, frameworks, compacts, strategies and plans of action are instruments (issue 15),
found by their shape in real sentences of UN documents; roles and bodies named after them are not."""

from __future__ import annotations

import pytest

from ingest.entities.backrefs import link_back_references
from ingest.entities.instruments import find_instruments
from ingest.models import Entity


def found(text: str) -> list[str]:
    return [text[f.start:f.end] for f in find_instruments(text)]


@pytest.mark.parametrize("text,expected", [
    # A/69/207, summary
    ("The Secretary-General proposed an eight-point agenda for action to make migration work",
     "eight-point agenda for action"),
    # E/2025/15 and A/80/62
    ("Africa We Want of the African Union and the 2030 Agenda for Sustainable Development, with a focus",
     "2030 Agenda for Sustainable Development"),
    ("The Addis Ababa Action Agenda emphasizes the central role of public policies",
     "Addis Ababa Action Agenda"),
    ("Responding to questions about the convergence of the Global Compact for Safe, Orderly and Regular Migration",
     "Global Compact for Safe, Orderly and Regular Migration"),
    # E/ICEF/2025/20, DP/2025/12, E/2025/L.16
    ("Highlighting the third year of the UNDP Gender Equality Strategy, 2022-2025, it presents progress",
     "UNDP Gender Equality Strategy, 2022-2025"),
    ("Building on the Initial IMO Strategy on Reduction of GHG Emissions from Ships adopted in 2018",
     "Initial IMO Strategy on Reduction of GHG Emissions from Ships"),
    ("the Madrid International Plan of Action on Ageing, 2002", "Madrid International Plan of Action on Ageing, 2002"),
    ("the Sendai Framework for Disaster Risk Reduction 2015-2030", "Sendai Framework for Disaster Risk Reduction"),
])
def test_named_policy_instruments(text, expected):
    assert any(expected in f for f in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "She joined SPC in 2019 as the Principal Strategy Adviser with the Strategy, Performance and Learning Division",
    "The Strategy expired in June 2024, and a formal communication was sent",
])
def test_roles_bodies_and_bare_heads_are_not_strategies(text):
    assert not any("Strategy" in f for f in found(text))


def test_the_strategy_refers_back_to_the_strategy_named_before():
    texts = ["UNICEF adopted the UNICEF Adolescent Girl Programme Strategy in 2022.",
             "The Strategy guides country offices."]
    first = [Entity(texts[0][f.start:f.end], "instrument", f.canonical, f.start, f.end)
             for f in find_instruments(texts[0])]
    linked = link_back_references(texts, [first, []])
    assert [(e.text, e.canonical) for e in linked[1]] == [("Strategy", "UNICEF Adolescent Girl Programme Strategy")]
