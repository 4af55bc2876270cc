"""Property tests (issue #8): the parser on mangled real report text, queries of any text in every
mode, damaged index files, and export → import round trips.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.build import CURRENT
from index.vectors import VECTORS_NAME, open_vectors
from ingest import Chunk, Entity, IngestError, from_export, parse_text
from paracite.errors import IndexMismatch, InvalidQuery, NotFound, UsageError
from search import Searcher
from search.cli import main

from conftest import REPORT

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
LINES = REPORT.read_text(encoding="utf-8").splitlines()
WORDS = sorted({w for line in LINES for w in line.split()})


# -- the parser on mangled real text ---------------------------------------------------------
def _mutate(line: str, how: int, n: int) -> str:
    """One of a few damage patterns PDF extraction really produces."""
    return [
        line,
        f"{n}. {line}",                       # a number glued on: a false paragraph start
        f"{n}.",                              # a lone label
        line.upper(),                         # a heading-like line
        line[: len(line) // 2],               # cut mid-sentence
        "\f" + line,                          # page break
        f"  {line}  {n}",                     # page-number furniture
        line.replace(" ", "\u00a0"),          # non-breaking spaces
        f"Table {n % 5}",                     # a table caption
        "Annex" if n % 2 else "Annex II",     # an annex restarting the numbering
    ][how % 10]


mangled_report = st.one_of(
    # real lines in a random order
    st.lists(st.sampled_from(LINES), max_size=150).map("\n".join),
    # a real run of the report, with some lines damaged
    st.tuples(st.integers(0, len(LINES) - 1), st.integers(1, 300),
              st.lists(st.tuples(st.integers(0, 299), st.integers(0, 9), st.integers(0, 120)), max_size=25))
    .map(lambda t: "\n".join(
        _mutate(line, *next(((h, n) for i, h, n in t[2] if i == k), (0, 0)))
        for k, line in enumerate(LINES[t[0]: t[0] + t[1]]))),
    # arbitrary text with numbered lines mixed in
    st.lists(st.one_of(st.text(max_size=80), st.integers(0, 30).map(lambda n: f"{n}. Member States noted")),
             max_size=60).map("\n".join),
)


@FUZZ
@given(text=mangled_report)
def test_parser_never_crashes_and_numbers_increase(text):
    doc = parse_text(text, source="fuzz.txt")
    assert doc.symbol
    kinds = [c.kind for c in doc.chunks]
    assert set(kinds) <= {"summary", "paragraph", "table"}
    assert kinds.count("summary") <= 1 and ("summary" not in kinds or kinds[0] == "summary")
    run, last = None, 0
    for c in doc.chunks:
        assert c.citation.startswith(doc.symbol) and isinstance(c.text, str)
        if c.kind != "paragraph":
            continue
        if (c.part, c.page) != run:  # numbering restarts in an annex, and on each page of page-cited text
            run, last = (c.part, c.page), 0
        assert c.number > last, f"{c.citation} follows para. {last}"
        last = c.number


# -- queries of any text, in every mode -------------------------------------------------------
any_text = st.text(st.characters(exclude_categories=()), max_size=300)  # surrogates and controls too
query_text = st.one_of(
    any_text,
    st.lists(st.sampled_from(WORDS + ['"', "*", "-", "^", ":", "(", ")", "AND", "OR", "NOT", "NEAR", "{", "}",
                                      "\x00", "\udcff"]), max_size=30).map(" ".join),
)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_text, k=st.integers(1, 120))
def test_any_query_ranks_or_is_invalid(searcher, mode, query, k):
    try:
        hits = searcher.search(query, k=k, mode=mode)
    except InvalidQuery:
        return
    assert len(hits) <= k and [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(h.citation.startswith("A/69/207, ") for h in hits)


@settings(max_examples=25, deadline=None)
@given(value=any_text, field=st.sampled_from(["doc", "org", "place", "instrument", "kind"]))
def test_any_filter_value_narrows_or_empties(searcher, value, field):
    arg = value if field in ("doc", "kind") else [value]
    try:
        hits = searcher.search("remittances", k=5, mode="bm25", **{field: arg})
    except UsageError as e:  # kind is a fixed set, like mode: a typo is named, not met with no hits
        assert (field == "kind" and str(e).startswith("unknown chunk kind")) or (
            field == "doc" and not value.strip() and str(e).startswith("--doc needs a document symbol"))
        return
    except NotFound as e:  # a document the index does not hold is an error naming it, not an empty result
        assert field == "doc" and value.strip() and str(e).startswith("no document ")
        return
    assert len(hits) <= 5


@settings(max_examples=40, deadline=None)
@given(symbol=any_text, number=any_text)
def test_show_any_text_is_a_hit_or_a_clear_error(searcher, symbol, number):
    try:
        hit = searcher.get(symbol, number)
    except (NotFound, UsageError) as e:  # no such document or paragraph; a number that is not one
        assert str(e)
        return
    assert hit.symbol == "A/69/207"


# -- damaged index files ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def build_copy(index_dir, tmp_path_factory) -> Path:
    """A private copy of the session index's build, restored before each example."""
    folder = tmp_path_factory.mktemp("fuzzcopy")
    shutil.copytree(index_dir, folder / "ix", symlinks=True)
    return folder / "ix"


byte_edits = st.lists(st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=8)), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=byte_edits, cut=st.one_of(st.none(), st.integers(0, 200)), header=st.booleans())
def test_damaged_vectors_load_or_refuse(index_dir, edits, cut, header):
    """FAISS never crashes the process on a mangled file; paracite refuses it or it still holds 90×384."""
    original = ((index_dir / CURRENT).resolve() / VECTORS_NAME).read_bytes()
    data = bytearray(original)
    for offset, chunk in edits:
        offset = offset % 64 if header else offset % len(data)
        data[offset: offset + len(chunk)] = chunk
    if cut is not None:
        data = data[:cut]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / VECTORS_NAME
        path.write_bytes(bytes(data))
        try:
            index = open_vectors(path, 90, 384).load()
        except IndexMismatch as e:
            assert "run `paracite ingest`" in str(e)
            return
        assert (index.ntotal, index.d) == (90, 384)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=byte_edits)
def test_damaged_database_reads_or_refuses(index_dir, build_copy, edits):
    """Mangled SQLite pages give results or ``IndexMismatch`` (or ``NotFound``), never a crash."""
    original = ((index_dir / CURRENT).resolve() / "paracite.sqlite").read_bytes()
    data = bytearray(original)
    for offset, chunk in edits:
        offset = offset % len(data)
        data[offset: offset + len(chunk)] = chunk
    ((build_copy / CURRENT).resolve() / "paracite.sqlite").write_bytes(bytes(data))
    try:
        with Searcher.open(build_copy) as s:
            s.search("remittances from migrant workers", k=5, mode="bm25")
            s.get("A/69/207", 46)
            for _ in s.chunks():
                pass
            s.documents()
    except (IndexMismatch, NotFound) as e:
        assert str(e)


# -- export → import round trips -------------------------------------------------------------
names = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20).filter(str.strip)
entities = st.builds(Entity, text=names, kind=st.sampled_from(["organization", "place", "instrument", "DATE"]),
                     canonical=names, start=st.integers(0, 10**4), end=st.integers(0, 10**4))
chunks = st.builds(
    Chunk, symbol=names, kind=st.sampled_from(["summary", "paragraph", "table"]), number=st.integers(0, 10**6),
    text=st.text(st.characters(codec="utf-8"), max_size=200), section=st.lists(names, max_size=4).map(tuple),
    footnotes=st.lists(names, max_size=3).map(tuple), entities=st.lists(entities, max_size=3).map(tuple),
    part=st.sampled_from(["", "annex", "annex II"]), page=st.one_of(st.none(), st.integers(1, 999)),
    span=st.tuples(st.integers(0, 99), st.integers(0, 99)))


@settings(max_examples=100, deadline=None)
@given(chunk=chunks)
def test_chunk_dict_round_trip(chunk):
    back = Chunk.from_dict(json.loads(json.dumps(chunk.to_dict(), ensure_ascii=False)))
    assert back == replace(chunk, span=(0, 0), title="")  # span and title are not exported
    assert back.citation == chunk.citation


@settings(max_examples=40, deadline=None)
@given(chunk_list=st.lists(chunks, min_size=1, max_size=12))
def test_export_file_round_trip(chunk_list):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.jsonl"
        path.write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in chunk_list),
                        encoding="utf-8")
        docs = from_export(path)
    assert [d.symbol for d in docs] == list(dict.fromkeys(c.symbol for c in chunk_list))
    for d in docs:
        assert d.chunks == tuple(replace(c, span=(0, 0), title="") for c in chunk_list if c.symbol == d.symbol)


def test_cli_export_ingest_export_is_identical(index_dir, tmp_path, capsys):
    assert main(["export", "--index", str(index_dir)]) == 0
    lines = capsys.readouterr().out.splitlines(keepends=True)
    first = "".join(lines[40:52])  # twelve chunks, around para. 46, keep the build quick
    (tmp_path / "a.jsonl").write_text(first, encoding="utf-8")
    assert main(["ingest", str(tmp_path / "a.jsonl"), "--index", str(tmp_path / "ix"), "--quiet"]) == 0
    assert "Indexed 1 document(s), 12 chunks" in capsys.readouterr().out
    assert main(["export", "--index", str(tmp_path / "ix")]) == 0
    assert capsys.readouterr().out == first
    with Searcher.open(tmp_path / "ix") as s:
        assert s.search("Universal Postal Union remittance initiative", k=1)[0].citation == "A/69/207, para. 46"


@pytest.mark.parametrize("content, message", [
    ('{"symbol": "A/1", "kind": "paragraph", "number": 1}\n', "line 1: no 'text' field"),
    ('\n{"symbol": "A/1", "kind": "para", "number": 1, "text": "x"}\n', "line 2: 'kind' must be one of"),
    ('{"symbol": "A/1", "kind": "paragraph", "number": "1", "text": "x"}\n', "line 1: 'number' must be int"),
    ('{"symbol": "A/1", "kind": "table", "number": 1, "text": "x", "entities": [1]}\n', "bad chunk record"),
    ("[1, 2]\n", "line 1: not a JSON object"),
    ("symbol,kind,number\n", "line 1: not JSON"),
    ("\n\n", "the export holds no chunks"),
])
def test_bad_export_lines_are_named(tmp_path, capsys, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match=re.escape(message)):
        from_export(path)
    assert main(["ingest", str(path), "--index", str(tmp_path / "ix"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and not (tmp_path / "ix" / CURRENT).exists()
