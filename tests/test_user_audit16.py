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
