"""The sixteenth session's user audit (docs/user-audit-log.md): a weak match says so, ..."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from paragraph_library import index_paragraphs
from search import Searcher
from search.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def costs_library(tmp_path_factory) -> Path:
    """Seven real paragraphs: two on the costs of remittances (A/69/207), two on a peace operation's
    one-off costs (A/79/907's annex), three on other things."""
    docs = json.loads((FIXTURES / "weak_match_paragraphs.json").read_text())
    return index_paragraphs(tmp_path_factory.mktemp("weak"), [tuple(d) for d in docs])


def test_a_weak_match_under_a_tight_filter_says_so_though_its_score_looks_ordinary(costs_library):
    """``--doc`` narrowed to a report on a peace operation's costs: its best paragraph for
    "remittance costs" shares the common word only and still ranks first with a score like a good
    match's; ``weak`` tells the user (search.match_strength). Narrowed to the report on
    remittances, the hit is not weak."""
    with Searcher.open(costs_library) as s:
        off = s.search("remittance costs", k=2, doc="A/79/907")
        on = s.search("remittance costs", k=2, doc="A/69/207")
        assert off[0].score > 0.5 and off[0].weak and off[0].to_dict()["weak"] is True
        assert not on[0].weak and on[0].to_dict()["weak"] is False and on[0].number in (45, 46)
        # a paraphrase shares few words and has a low cosine, but nothing in the index does better
        assert not s.search("cost of sending money home", k=1)[0].weak
        assert not s.get("A/69/207", 46).weak  # a paragraph asked for by number is no match at all
        assert "weak" not in next(s.export(doc="A/69/207"))


def test_the_cli_and_the_page_say_a_weak_match(costs_library, capsys):
    from starlette.testclient import TestClient

    from search.web.app import create_app

    assert main(["search", "remittance costs", "--doc", "A/79/907", "-k", "1", "--index", str(costs_library)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Weak match: no paragraph searched is close to the query; the filters may have left")
    assert "A/79/907, para. 34  (score" in out and ", weak match)" in out
    assert main(["search", "remittance costs", "--doc", "A/69/207", "-k", "1", "--index", str(costs_library)]) == 0
    assert "weak" not in capsys.readouterr().out.lower()
    with TestClient(create_app(costs_library)) as client:
        page = client.get("/", params={"q": "remittance costs", "doc": "A/79/907"}).text
        assert '<span class="weak">weak match</span>' in page and "Weak match: no paragraph searched" in page
        good = client.get("/", params={"q": "remittance costs", "doc": "A/69/207", "k": "1"}).text
        assert 'class="weak"' not in good and "Weak match" not in good
        hits = client.get("/api/search", params={"q": "remittance costs", "doc": "A/79/907"}).json()["hits"]
        assert hits[0]["weak"] is True


def test_what_did_the_council_decide_asks_for_the_council_as_the_doer():
    """The deed's doer is the body the question names; "to the Council" and "members" are not it."""
    from search.actors import asked_actor

    council = asked_actor("What did the Council decide?")
    assert council and council.head == "Council" and council.deed == "decid"
    assert council.does_deed("The Economic and Social Council decides to extend the mandate of the Board.")
    assert council.does_deed("In paragraph 12 of its resolution 33/25, the Human Rights Council decided that ...")
    assert not council.does_deed("At the same meeting, the Commission decided to recommend to the Council that ...")
    assert not council.does_deed("Internal discussions led members to decide that the Alliance could devote more.")
    assert not council.does_deed("The Council met. Members decided to adjourn.")
    assert asked_actor("What has the Committee on Non-Governmental Organizations recommended?").head == "Committee"
    assert asked_actor("What did UNICEF spend on nutrition?") is None  # not a body's deed this rule reads
    assert asked_actor("What is the Council?") is None


@pytest.fixture(scope="module")
def council_library(tmp_path_factory) -> Path:
    """Real paragraphs of ECOSOC documents: a draft decision of the Council, a commission's decision to
    recommend to the Council, and an NGO's quadrennial report (members decided)."""
    rows = json.loads((FIXTURES / "council_decisions.json").read_text())
    return index_paragraphs(tmp_path_factory.mktemp("council"), [tuple(r[:4]) for r in rows])


def test_ask_what_the_council_decided_quotes_the_council_not_a_commission_or_an_ngo(council_library):
    """``ask "What did the Council decide?" --body ECOSOC`` quoted a commission's decision to recommend
    to the Council, or an NGO's members' decision (subsidiary bodies' documents pass an organ filter)."""
    with Searcher.open(council_library) as s:
        answer = s.ask("What did the Council decide?")
        assert answer.answered and answer.citations == ("E/2025/31, para. 1",)
        assert answer.text.startswith("The Economic and Social Council decides to extend")
        refused = s.ask("What did the Council decide?", doc=["E/2025/24", "E/C.2/2025/2"])
        assert not refused.answered and refused.closest  # no sentence where the Council decides: say so
        commission = s.ask("What did the Commission decide?", doc="E/2025/24")
        assert commission.answered and commission.citations == ("E/2025/24, para. 3",)
