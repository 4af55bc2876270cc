"""``--doc`` takes a symbol as a user types it: any case, or another symbol of a joint document;
a symbol the index does not hold is an error naming the nearest ones (exit 4, HTTP 404), as ``show`` says it."""

from __future__ import annotations

import json

import pytest

from ingest.models import Chunk
from search import Searcher
from search.cli import main

JOINT = "A/79/900"
CHUNKS = [
    dict(Chunk(JOINT, "paragraph", 1, "Letter on shelling of the power grid in the eastern regions.", page=1).to_dict(),
         symbols=[JOINT, "S/2025/950"]),
    dict(Chunk("A/80/901", "paragraph", 1, "Report on the power grid restoration programme.").to_dict(),
         symbols=["A/80/901"]),
]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    folder = tmp_path_factory.mktemp("joint")
    src = folder / "docs.jsonl"
    src.write_text("\n".join(json.dumps(c) for c in CHUNKS) + "\n")
    assert main(["ingest", str(src), "--index", str(folder / "ix"), "--quiet"]) == 0
    return folder / "ix"


@pytest.mark.parametrize("typed", [JOINT, "a/79/900", "S/2025/950", "s/2025/950"])
def test_any_case_and_any_symbol_of_a_joint_document(index, typed):
    with Searcher.open(index) as s:
        hits = s.search("power grid", doc=typed)
        assert [h.symbol for h in hits] == [JOINT]
        assert s.unknown_documents(typed) == []


def test_an_unknown_symbol_is_named_with_the_nearest(index, capsys):
    """It was a note and exit 0 on search, ask and export, where ``show`` exited 4: a script could
    not tell a typo from an empty result (twentieth session's leftover)."""
    from paracite.errors import NotFound

    with Searcher.open(index) as s:
        with pytest.raises(NotFound, match="no document A/80/90 in this index; did you mean A/80/901"):
            s.search("power grid", doc=["A/79/900", "A/80/90"])  # one typo among known symbols is still one
        with pytest.raises(NotFound, match="no document XYZ"):
            s.ask("what about the power grid?", doc="XYZ")
        with pytest.raises(NotFound):
            s.export(doc="XYZ")  # at once, not at the first record read
        [(value, near)] = s.unknown_documents(["A/80/90", "A/80/901"])
        assert value == "A/80/90" and near[0] == "A/80/901"  # the nearest first
    capsys.readouterr()
    for argv in (["search", "power grid", "--doc", "A/80/90"], ["ask", "what about the power grid?", "--doc", "A/80/90"],
                 ["export", "--doc", "A/80/90"], ["show", "A/80/90", "1"]):
        assert main(argv + ["--index", str(index)]) == 4
        out, err = capsys.readouterr()
        assert out == "" and err == ("paracite: error: no document A/80/90 in this index; did you mean A/80/901? "
                                     "(it holds A/79/900, A/80/901)\n")


def test_the_api_and_the_page_refuse_an_unknown_document(index):
    from starlette.testclient import TestClient

    from search.web.app import create_app

    said = "no document A/80/90 in this index; did you mean A/80/901? (it holds A/79/900, A/80/901)"
    with TestClient(create_app(index)) as client:
        for path in ("/api/search", "/api/ask"):
            r = client.get(path, params={"q": "power grid", "doc": ["A/80/901", "A/80/90"]})
            assert r.status_code == 404 and r.json() == {"error": said}
        r = client.get("/api/documents/A/80/90")
        assert r.status_code == 404 and r.json() == {"error": said}
        for path in ("/", "/ask"):
            page = client.get(path, params={"q": "power grid", "doc": "A/80/90"})
            assert page.status_code == 404 and 'role="alert"' in page.text and said in page.text
        assert client.get("/api/search", params={"q": "power grid", "doc": "a/80/901"}).status_code == 200


def test_export_takes_another_symbol_of_a_joint_document(index):
    with Searcher.open(index) as s:
        assert [d["symbol"] for d in s.export("s/2025/950")] == [JOINT]


def test_show_takes_a_joint_symbol_and_names_the_nearest_in_a_library(tmp_path, capsys):
    assert main(["show", "s/2025/950", "1", "--page", "1", "--index", str(_joint_index(tmp_path))]) == 0
    assert "A/79/900, p. 1, para. 1" in capsys.readouterr().out
    rows = [Chunk(f"A/80/{n}", "paragraph", 1, f"Report number {n} on the power grid.").to_dict() for n in range(910, 920)]
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert main(["ingest", str(src), "--index", str(tmp_path / "many"), "--quiet"]) == 0
    assert main(["show", "A/80/9150", "1", "--index", str(tmp_path / "many")]) == 4
    err = capsys.readouterr().err
    assert "no document A/80/9150 in this index of 10 documents; did you mean A/80/915" in err
    assert err.count("\n") == 1 and "it holds" not in err  # not the whole library


def _joint_index(tmp_path):
    src = tmp_path / "joint.jsonl"
    src.write_text("\n".join(json.dumps(c) for c in CHUNKS) + "\n")
    assert main(["ingest", str(src), "--index", str(tmp_path / "joint"), "--quiet"]) == 0
    return tmp_path / "joint"
