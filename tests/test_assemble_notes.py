"""Two files of one symbol: the first is indexed, and the note for the second says whether it was a
copy or another text, and for another text (a newer version added from another folder, which
stayed the old one with only "kept that one" said) how to index it instead. Real parsed reports,
a real cache on disk."""

from __future__ import annotations

import numpy as np

from index.assemble import assemble
from index.cache import Cache, Entry
from ingest.reader import read_document
from report_excerpts import report_excerpt


def _cached(cache: Cache, path, key: str) -> tuple[str, str]:
    doc = read_document(path)
    cache.store(key, Entry(str(path), [doc], np.zeros((len(doc.chunks), 4), dtype="float32"), [],
                           np.zeros((0, 4), dtype="float32")))
    return str(path), key


def test_a_second_file_of_one_symbol_is_noted_and_a_differing_text_says_how_to_index_it(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "new").mkdir()
    old = report_excerpt(tmp_path / "old", "r.txt", "A/69/901", 1, 3)
    copy = report_excerpt(tmp_path / "new", "copy.txt", "A/69/901", 1, 3)
    newer = report_excerpt(tmp_path / "new", "r-rev1.txt", "A/69/901", 1, 4)
    cache = Cache(tmp_path / "ix")
    keys = [_cached(cache, old, "k-old"), (str(copy), "k-old"), _cached(cache, newer, "k-new")]
    out = assemble(keys, cache)
    assert [d.symbol for d in out.documents] == ["A/69/901"] and out.origins == [(str(old), "k-old")]
    assert out.notes[0] == f"{copy}: A/69/901 is indexed already from {old}; kept that one"
    assert out.notes[1] == (f"{newer}: A/69/901 is indexed already from {old}; kept that one, though this file's "
                            "text differs (to index this one instead: `paracite remove A/69/901`, then add it; "
                            "or `ingest` its folder without the other file)")
