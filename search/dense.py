"""Dense ranking: the query's embedding against the FAISS index."""

from __future__ import annotations

import numpy as np


def embed_query(query: str, model=None) -> np.ndarray:
    """The query as a (1, d) unit float32 vector.

    ``model`` is the ``ModelFiles`` the index was built with (checked by ``Searcher.open``); the
    query runs through its ONNX export, one thread, one session per process, so a search never
    imports torch (issue #7). Without it, the installed model is prepared as at build time.
    ``PARACITE_ENCODER=sentence-transformers`` forces the torch reference path (for benchmarks).
    """
    return embed_texts([query], model)


def embed_texts(texts: list[str], model=None) -> np.ndarray:
    """Unit float32 rows for texts at query time (e.g. sentences of hits), in the query's session."""
    from index.model_files import encoder_name

    if encoder_name() == "sentence-transformers":
        from index.embed import encode_st

        return encode_st(texts)
    from index.onnx_encoder import load_encoder

    if model is None:
        from index.model_files import prepare

        model = prepare()
    return load_encoder(str(model.folder), model.max_seq_length, threads=1).encode(texts)

