"""Per-file ingest work (parse, tag, embed) as Ray tasks, on a local Ray or a cluster (issue #17).

Each source file is one task: it reads the file into documents, tags their entities and embeds
every chunk (heading + text, as ``build.embed_input``) and every sentence. The driver collects
the results in source order, so duplicate symbols resolve as in a local ingest, and writes the
build as usual with an encoder that hands back the workers' vectors (``CachedEncoder``): same
chunks, same entities, vectors equal within float tolerance (ONNX batches pad differently).
Workers must run the same model files as the driver; a mismatch is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from paracite.errors import IngestError

LOCAL = "local"
LOCAL_CPUS = 2
LOCAL_STARTS = 3  # Ray gives a starting node 30 s; on a busy machine a second try may be needed
ROOT = Path(__file__).resolve().parent.parent  # the folder holding paracite's packages


def _work(path: str, tag_entities: bool):
    """One file → (documents, problems, texts, vectors, model file hashes). Runs in a Ray worker."""
    from ingest.reader import read_documents
    from index import embed
    from index.build import embed_input
    from index.sentences import split_sentences

    try:
        docs = read_documents(path)
    except IngestError as e:
        return [], [str(e)], [], np.zeros((0, embed.DIMENSION), dtype="float32"), {}
    if tag_entities:
        try:
            from ingest.entities.tagger import tag_document
        except ImportError:
            tag_document = None
        docs = [tag_document(d) for d in docs] if tag_document else docs
    texts = []
    for d in docs:
        for c in d.chunks:
            texts.append(embed_input(c))
            texts.extend(c.text[s:e] for s, e in split_sentences(c.text))
    texts = list(dict.fromkeys(texts))
    return docs, [], texts, embed.encode(texts), embed.model_files()


class CachedEncoder:
    """``index.embed``'s interface over vectors computed by the workers (misses are embedded here)."""

    def __init__(self, cache: dict[str, np.ndarray]):
        from . import embed

        self._embed = embed
        self._cache = cache
        self.MODEL_NAME = embed.MODEL_NAME
        self.DIMENSION = embed.DIMENSION

    def encode(self, texts: list[str], progress: bool = False, batch_size: int = 32, desc: str = "") -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            self._cache.update(zip(missing, self._embed.encode(missing, batch_size=batch_size)))
        if not texts:
            return np.zeros((0, self.DIMENSION), dtype="float32")
        return np.ascontiguousarray([self._cache[t] for t in texts], dtype="float32")

    def model_files(self) -> dict:
        return self._embed.model_files()


def parse_with_ray(files: Sequence[str], address: str | None, *, tag_entities: bool = True):
    """Per file, in order: ``(documents, problems)``; and an encoder holding the workers' vectors."""
    ray = _ray()
    started = _init(ray, address)
    try:
        task = ray.remote(num_cpus=1)(_work)
        results = ray.get([task.remote(str(p), tag_entities) for p in files])
    except Exception as e:
        if isinstance(e, IngestError):
            raise
        raise IngestError(f"a Ray ingest task failed: {str(e).splitlines()[0][:300]}") from None
    finally:
        if started:
            ray.shutdown()
    from . import embed

    local_model = embed.model_files()
    per_file, cache = [], {}
    for docs, probs, texts, vectors, model in results:
        if model and model != local_model:
            raise IngestError("a Ray worker embeds with other model files than this machine; "
                              "install the same paracite on every worker")
        per_file.append((docs, probs))
        cache.update(zip(texts, vectors))
    return per_file, CachedEncoder(cache)


def read_with_ray(sources: Sequence[Path], address: str | None, *, tag_entities: bool = True):
    """(documents, problems, encoder) for ``sources``, the per-file work done by Ray tasks."""
    per_file, encoder = parse_with_ray([str(p) for p in sources], address, tag_entities=tag_entities)
    return [d for docs, _ in per_file for d in docs], [p for _, probs in per_file for p in probs], encoder


def _ray():
    try:
        import ray
    except ImportError:
        raise IngestError("--ray needs Ray: install the scale extra (pip install 'paracite[scale]')") from None
    return ray


def _init(ray, address: str | None) -> bool:
    """Start or join Ray; True when this call started it (and so shuts it down)."""
    if ray.is_initialized():
        return False
    opts = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    local = address in (None, "", LOCAL)
    for attempt in range(LOCAL_STARTS if local else 1):
        try:
            if local:
                # Workers import this checkout's packages and embed with one thread each.
                env = {"PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
                ray.init(num_cpus=LOCAL_CPUS, runtime_env={"env_vars": env}, **opts)
            else:
                ray.init(address=address, **opts)
            return True
        except (Exception, SystemExit) as e:  # Ray exits the process when it cannot reach a cluster
            ray.shutdown()
            why = str(e).splitlines()[0][:300] if str(e) else type(e).__name__
    raise IngestError(f"cannot start or reach Ray at {address or LOCAL}: {why}")
