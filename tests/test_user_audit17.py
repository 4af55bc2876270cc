"""The seventeenth session's user audit (docs/user-audit-log.md, h-r17web): an answer's closest
paragraphs say when they are weak matches, as a search's hits do; bad input found by the audit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from live_server import LiveServer
from paragraph_library import index_paragraphs
from search import Searcher
from search.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
#: refused (no date is given), its closest paragraphs the remittance one and the peace operation's
NEAR = "When will remittance costs fall to 3 per cent?"
#: refused, and nothing indexed treats it
FAR = "How many volcanoes erupted in 2013?"


@pytest.fixture(scope="module")
def costs_library(tmp_path_factory) -> Path:
    """Seven real paragraphs: two on the costs of remittances (A/69/207), two on a peace operation's
    one-off costs (A/79/907), three on other things (tests/test_user_audit16.py's)."""
    docs = json.loads((FIXTURES / "weak_match_paragraphs.json").read_text())
    return index_paragraphs(tmp_path_factory.mktemp("weak17"), [tuple(d) for d in docs])


def test_closest_paragraphs_of_a_refusal_are_marked_weak_where_they_barely_treat_the_question(costs_library):
    """A refusal sent the reader to its "closest paragraphs" with nothing saying that some were on
    another subject (a peace operation's costs for remittance costs); each is now measured against
    the question as a search hit is (``search.match_strength.marked``)."""
    with Searcher.open(costs_library) as s:
        near = s.ask(NEAR)
        assert not near.answered
        weak = {h.citation: h.weak for h in near.closest}
        assert weak["A/69/207, para. 46"] is False
        assert any(w for c, w in weak.items() if c.startswith("A/79/907"))
        assert [c["weak"] for c in near.to_dict()["closest"]] == [h.weak for h in near.closest]
        far = s.ask(FAR)
        assert not far.answered and far.closest and all(h.weak for h in far.closest)


def test_the_cli_and_its_json_mark_a_weak_closest_paragraph(costs_library, capsys):
    assert main(["ask", NEAR, "--index", str(costs_library)]) == 0
    out = capsys.readouterr().out
    lines = {m.group(1): bool(m.group(2)) for m in re.finditer(r"^(?:\[\d+\] )?(\S+, para\. \d+)(  \(weak match\))?$", out, re.M)}
    assert lines["A/69/207, para. 46"] is False and any(w for c, w in lines.items() if c.startswith("A/79/907"))
    assert main(["ask", FAR, "--json", "--index", str(costs_library)]) == 0
    closest = json.loads(capsys.readouterr().out)["closest"]
    assert closest and all(c["weak"] is True for c in closest)


def test_the_ask_page_and_api_mark_a_weak_closest_paragraph(costs_library):
    live = LiveServer(costs_library).start()
    try:
        status, _, body = live.get("/ask?q=" + NEAR.replace(" ", "+").replace("?", "%3F"))
        assert status == 200
        items = re.findall(r"<li><a class=\"citation\"[^>]*>([^<]+)</a>( <span class=\"weak\">weak match</span>)?",
                           body.decode())
        marked = {c: bool(w) for c, w in items}
        assert marked["A/69/207, para. 46"] is False and any(w for c, w in marked.items() if c.startswith("A/79/907"))
        status, data = live.json("/api/ask?q=" + FAR.replace(" ", "+").replace("?", "%3F"))
        assert status == 200 and data["closest"] and all(c["weak"] is True for c in data["closest"])
        status, spec = live.json("/openapi.json")
        assert "weak" in spec["components"]["schemas"]["Answer"]["properties"]["closest"]["items"]["properties"]
    finally:
        live.stop()
