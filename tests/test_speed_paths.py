"""The fast query path (issue #7): ONNX embeddings equal sentence-transformers', the manifest pins
the model files, `import search` stays light, and FAISS switches to HNSW above a size."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from paracite.errors import IndexMismatch
from search import Searcher
from search.cli import main

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "transformers", "sentence_transformers", "spacy")

# Real queries of the kinds users type: a paraphrase, a fact question, a name, an odd one.
QUERIES = [
    "cost of sending money home",
    "Where did most of Oceania's new migrants come from between 2010 and 2013?",
    "International Recruitment Integrity System",
    "migrant workers' rights — ILO C189 & C143 ratifications (2014)",
]


@pytest.fixture(scope="module")
def real_texts(doc) -> list[str]:
    """Every chunk of the report as it is embedded (section + text; the longest pass 256 tokens)."""
    from index.build import embed_input

    return [embed_input(c) for c in doc.chunks]


def test_onnx_embeddings_equal_sentence_transformers(real_texts):
    from index import embed

    texts = real_texts + QUERIES
    onnx = embed.encode(texts)
    st = embed.encode_st(texts)
    cos = np.sum(onnx * st, axis=1)
    assert onnx.shape == st.shape == (len(texts), 384)
    assert cos.min() >= 0.999, texts[int(cos.argmin())][:80]
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)


def test_query_path_embeds_one_query_like_the_batch(index_dir, real_texts):
    """A query alone (no padding) and the same text inside a padded batch give one vector."""
    from index import embed
    from search.dense import embed_query

    s = Searcher.open(index_dir)
    try:
        for q in QUERIES:
            alone = embed_query(q, s._model)[0]
            batched = embed.encode([q] + real_texts[:5])[0]
            assert float(alone @ batched) >= 0.9999, q
    finally:
        s.close()


def test_manifest_records_model_files_and_faiss_choice(index_dir):
    from index.model_files import sha256_file

    m = json.loads((index_dir / "current" / "manifest.json").read_text())
    files = m["model_files"]
    folder = Path(files["onnx_folder"])
    assert files["model.onnx"] == sha256_file(folder / "model.onnx")
    assert files["model.onnx.data"] == sha256_file(folder / "model.onnx.data")
    assert files["tokenizer.json"] == sha256_file(folder / "tokenizer.json")
    assert len(files["model.safetensors"]) == 64 and files["max_seq_length"] == 256
    assert files["encoder"] == "onnxruntime"
    assert m["faiss"]["type"] == "IndexFlatIP" and m["faiss"]["ntotal"] == 90


def _tampered_copy(index_dir: Path, tmp_path: Path, edit) -> Path:
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy, symlinks=True)
    manifest = copy / "current" / "manifest.json"
    data = json.loads(manifest.read_text())
    edit(data["model_files"])
    manifest.write_text(json.dumps(data))
    return copy


def _set(key, value):
    def edit(files):
        files[key] = value
    return edit


@pytest.mark.parametrize("edit, message", [
    (_set("model.onnx", "0" * 64), "built with model.onnx 000000000000"),
    (_set("model.onnx.data", "1" * 64), "built with model.onnx.data 111111111111"),
    (_set("tokenizer.json", "f" * 64), "built with tokenizer.json ffffffffffff"),
    (_set("max_seq_length", 128), "built with max_seq_length 128"),
    (lambda files: files.clear(), "does not record its model files"),
])
def test_search_refuses_an_index_built_with_other_model_files(index_dir, tmp_path, capsys, edit, message):
    copy = _tampered_copy(index_dir, tmp_path, edit)
    with pytest.raises(IndexMismatch, match=message):
        Searcher.open(copy)
    assert main(["search", "remittances", "--index", str(copy)]) == 3
    err = capsys.readouterr().err.strip()
    assert message in err and "run `paracite ingest` to rebuild the index" in err and "\n" not in err


def test_search_refuses_other_weights_when_the_export_is_gone(index_dir, tmp_path, monkeypatch, capsys):
    """No cached export and weights the installed model does not have: refuse, export nothing."""
    monkeypatch.setenv("PARACITE_CACHE", str(tmp_path / "empty-cache"))

    def edit(files):
        files["model.safetensors"] = "a" * 64
        files["onnx_folder"] = str(tmp_path / "gone")
    copy = _tampered_copy(index_dir, tmp_path, edit)
    assert main(["search", "remittances", "--index", str(copy)]) == 3
    assert "built with model weights aaaaaaaaaaaa" in capsys.readouterr().err
    assert not (tmp_path / "empty-cache").exists()


def test_search_refuses_a_model_file_changed_on_disk(index_dir, tmp_path, capsys):
    """The sidecar's hash is trusted only while size and mtime match; an edited graph is re-hashed."""
    real = Path(json.loads((index_dir / "current" / "manifest.json").read_text())["model_files"]["onnx_folder"])
    copy = tmp_path / "model"
    copy.mkdir()
    for name in ("model.onnx.data", "tokenizer.json", "paracite-model.json"):
        (copy / name).symlink_to(real / name)
    (copy / "model.onnx").write_bytes((real / "model.onnx").read_bytes() + b"\0")
    index = _tampered_copy(index_dir, tmp_path, _set("onnx_folder", str(copy)))
    assert main(["search", "remittances", "--index", str(index)]) == 3
    assert "built with model.onnx" in capsys.readouterr().err


def _modules_after(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json\n"
                          "print(json.dumps(sorted(m for m in sys.modules)))"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return json.loads(out.splitlines()[-1])


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY]


def test_import_search_is_light():
    assert _heavy(_modules_after("import search")) == []


@pytest.mark.parametrize("mode", ["hybrid", "dense"])
def test_cli_search_never_imports_torch_or_spacy(index_dir, mode):
    modules = _modules_after(
        "from search.cli import main\n"
        f"assert main(['search', 'cost of sending money home', '--mode', '{mode}', '--index', {str(index_dir)!r}]) == 0")
    assert "onnxruntime" in modules  # the query really was embedded
    assert _heavy(modules) == []


def _clustered(n: int, d: int = 384, centers: int = 20, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((centers, d)).astype("float32")
    x = c[rng.integers(0, centers, n)] + 0.7 * rng.standard_normal((n, d)).astype("float32")
    return x / np.linalg.norm(x, axis=1, keepdims=True)


@pytest.mark.parametrize("n, threshold, kind", [
    (300, 1000, "IndexFlatIP"),   # small corpus: exact
    (300, 200, "IndexHNSWFlat"),     # above the threshold: ANN
])
def test_faiss_index_type_follows_corpus_size(tmp_path, n, threshold, kind):
    from index.vectors import read_vectors, write_vectors

    vecs = _clustered(n)
    params = write_vectors(tmp_path / "v.faiss", vecs, ann_threshold=threshold)
    assert params["type"] == kind and params["ntotal"] == n and params["ann_threshold"] == threshold
    index = read_vectors(tmp_path / "v.faiss", n, 384, params)
    assert type(index).__name__ == kind
    if kind == "IndexHNSWFlat":
        assert (params["M"], params["efConstruction"]) == (index.hnsw.nb_neighbors(1), index.hnsw.efConstruction)
        assert index.hnsw.efSearch == params["efSearch"]
    # Either way the nearest neighbours are (nearly) the exact ones.
    queries = vecs[:20] + 0.05
    exact = vecs @ queries.T
    _, ids = index.search(np.ascontiguousarray(queries, dtype="float32"), 10)
    recall = np.mean([len(set(ids[i]) & set(np.argsort(-exact[:, i])[:10])) / 10 for i in range(20)])
    assert recall >= 0.95


def test_recorded_ef_search_is_applied_at_load(tmp_path):
    from index.vectors import read_vectors, write_vectors

    vecs = _clustered(300)
    params = write_vectors(tmp_path / "v.faiss", vecs, ann_threshold=100)
    index = read_vectors(tmp_path / "v.faiss", 300, 384, params | {"efSearch": 123})
    assert index.hnsw.efSearch == 123
