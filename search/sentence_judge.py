"""A second path for the focus check: a judgement of (question, sentence) learned from our labelled questions (issue #19).

The focus check matches the question's subject words by spelling, so a question in the user's own words
("went over the integrity office's report") loses the sentence that says it otherwise ("the Ethics Office's
report was reviewed"). A logistic model over the shipped encoder's vectors (the cosines of the question and of
its subject words to the sentence and its context, the lexical focus share, the ranking's scores, and the
product of the question's and the sentence's vectors on a few main axes) scores a sentence the focus check
refuses; when the score passes ``PARACITE_SENTENCE_JUDGE`` (a threshold; unset: the judge is off) the sentence
goes on to the other checks. ``bench/fit_sentence_judge.py`` writes the model; numpy only at run time.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Iterator

import numpy as np

ENV = "PARACITE_SENTENCE_JUDGE"
MODEL_PATH = Path(os.environ.get("PARACITE_SENTENCE_JUDGE_MODEL", "")) if os.environ.get(
    "PARACITE_SENTENCE_JUDGE_MODEL") else Path(__file__).resolve().parent / "sentence_judge.npz"
N_SCALARS = 7

_QUESTION: ContextVar[tuple[str, dict] | None] = ContextVar("judged_question", default=None)
_MODEL: dict | None = None


def threshold() -> float | None:
    """The score a focus-refused sentence must reach to pass, or None (the judge is off)."""
    raw = os.environ.get(ENV, "").strip()
    try:
        return float(raw) if raw else None
    except ValueError:
        return None


def features(q: np.ndarray, s: np.ndarray, c: np.ndarray, w: np.ndarray, focus: float, cover: float,
             score: float) -> np.ndarray:
    """One pair's inputs: cosines of the question (``q``) and its subject words (``w``) to the sentence (``s``) and its
    context (``c``), the lexical focus share, the sentence's coverage and score; then the product ``q * s``."""
    return np.concatenate([[float(q @ s), float(q @ c), float(w @ s), float(w @ c), focus, cover, score], q * s])


def probability(model: dict, x: np.ndarray) -> np.ndarray:
    """The model's score of each row of ``x`` (``features`` rows)."""
    prod = x[:, N_SCALARS:]
    z = np.hstack([x[:, :N_SCALARS], (prod - model["mean"]) @ model["axes"].T])
    zz = np.hstack([(z - model["mu"]) / model["sd"] * model["keep"], np.ones((len(z), 1))])
    return 1 / (1 + np.exp(-zz @ model["beta"]))


def _model() -> dict | None:
    global _MODEL
    if _MODEL is None and MODEL_PATH.exists():
        with np.load(MODEL_PATH, allow_pickle=False) as z:
            _MODEL = {k: z[k] for k in z.files}
    return _MODEL


@contextmanager
def judging(question: str) -> Iterator[None]:
    """Within the block, ``passes`` judges sentences against ``question`` (its vectors embedded once, on demand)."""
    token = _QUESTION.set((question, {}))
    try:
        yield
    finally:
        _QUESTION.reset(token)


def passes(sentence: str, context: str, words: str, focus: float, cover: float, score: float) -> bool:
    """Whether the learned judgement lets a sentence the focus check refuses go on (False when off or unset)."""
    cut, asked = threshold(), _QUESTION.get()
    if cut is None or asked is None or (model := _model()) is None:
        return False
    from search.dense import embed_texts

    question, cache = asked
    todo = [t for t in (question, sentence, context, words or question) if t not in cache]
    if todo:
        cache.update(zip(todo, embed_texts(todo)))
    x = features(cache[question], cache[sentence], cache[context], cache[words or question], focus, cover, score)
    return bool(probability(model, x[None, :])[0] >= cut)
