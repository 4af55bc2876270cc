"""Fusing rankings: z-score fusion weighted by how lexical the query is.

Measured on the dev queries (issue #5, README "Retrieval quality"): reciprocal rank fusion of
the dense and BM25 rankings did not beat the better of the two (MRR@10 0.80 against 0.82), and
no fixed weight of a score fusion did either: BM25 is right where the query uses the report's
words ("third round table", "Universal Postal Union") and wrong where it paraphrases ("bigotry
and hostility toward foreigners" matches "foreign-born" census counts). So the BM25 weight
follows the query: ``BM25_WEIGHT × best_coverage ** COVERAGE_POWER``, where ``best_coverage`` is
the largest share of the query's content words that one candidate paragraph contains. A query
in the report's own words has a paragraph that holds them all and gets the full weight; a
paraphrase, whose words are scattered or absent, falls back to the embeddings. (A first version
used the share of query words found anywhere in the index: it grows with the corpus, and on a
9-document index it gave paraphrases BM25 weight they should not have: MRR@10 0.92 → 0.81.)
"""

from __future__ import annotations

import re

import numpy as np

from .sorted_unique import sorted_union

#: Share of the dense score that comes from a chunk's best sentence (the rest: the whole chunk).
SENTENCE_SHARE = 0.8
#: BM25's weight for a query all of whose content words one candidate contains.
BM25_WEIGHT = 0.5
#: How fast the BM25 weight falls as the best candidate covers fewer of the query's words.
COVERAGE_POWER = 3
#: A query that names something in the documents' own tokens keeps more BM25 when its words are
#: scattered: weight × coverage¹ instead of coverage³. That is a question about a quantity (it
#: names what is counted as the document does, "how many side events", "what share of appeals
#: was funded", and the answering sentence is one number among many that the embedding does not
#: tell apart), or a query holding an acronym or a number ("OPCW", "WSIS", "April 2025"): rare,
#: exact tokens that BM25 matches and the embedding blurs. Issue #12, library dev MRR@10: 0.821
#: → 0.829 for quantity questions (3 of 28 lifted, none lowered), → 0.838 with acronyms and
#: numbers (4 more lifted, 1 lowered); the A/69/207 sets unchanged.
SPECIFIC_POWER = 1
_SPECIFIC_QUERY = re.compile(
    r"(?i:\b(?:how (?:many|much)|number of|what (?:share|percentage|proportion))\b)|\b[A-Z][A-Z0-9]*[A-Z]\b|\d")
#: A query that negates or contrasts ("could not attend", "where almost nobody else served",
#: "apart from") says it in words a sentence embedding blurs: "not" or "only" barely moves the
#: vector, so the dense side returns paragraphs on the topic that say the opposite or nothing.
#: When such a query's dense and BM25 top tens also disagree (they share at most
#: ``DISAGREE_SHARE`` chunks), BM25 keeps more weight: coverage² instead of coverage³. Issue #12,
#: round 4: 3 dev queries lifted (blind round-4 set 0.770 → 0.834, unseen-documents dev 0.741 →
#: 0.756), none lowered on any dev set; coverage¹ or coverage^1.5 there, or the rule without the
#: disagreement test, lowered the A/69/207 dev set beside the library (0.852 → 0.80–0.85).
DISAGREE_POWER = 2
DISAGREE_SHARE = 1
DISAGREE_TOP = 10
_NEGATION = re.compile(r"(?i)\b(?:not|no|never|none|nobody|nothing|neither|nor|without|apart from|except|"
                       r"other than|besides|only|barely|yet|unable)\b|n[’']t\b")
#: BM25's weight in one document follows how well that document's own sentences find their own
#: paragraphs by embedding (``index.dense_reliability``, measured at ingest without labels):
#: × (index mean / document's) ** ``RELIABILITY_POWER``, the ratio held within
#: [1 / ``RELIABILITY_CLIP``, ``RELIABILITY_CLIP``] (a factor of 0.76 to 1.32). Where the
#: embedding tells a document's paragraphs apart poorly (lists, formulaic paragraphs), the words
#: decide more. Issue #12, dev halves, 73-document library: all 315 records' MRR@10 0.850 →
#: 0.855; unseen 0.781 → 0.801, round 7 0.767 → 0.784, round 14 0.878 → 0.890, round 15 0.772
#: → 0.789; the library and A/69/207 sets unchanged (power 0.3 or more lowered A/69/207 own
#: beside the library). One document alone: the factor is 1.
RELIABILITY_POWER = 0.25
RELIABILITY_CLIP = 3.0
#: Hybrid scores are z-scored over the best this-many chunks by each signal, not over the whole
#: corpus, so their scale does not drift as the library grows (issue #12).
POOL = 200


def zscore(values: np.ndarray) -> np.ndarray:
    """Scores as standard deviations from their mean (all zeros when they do not vary)."""
    values = np.asarray(values, dtype="float64")
    if values.size == 0:
        return values
    sd = values.std()
    return (values - values.mean()) / sd if sd > 1e-12 else np.zeros_like(values)


def pool(dense: np.ndarray, keyword: np.ndarray, size: int = POOL) -> np.ndarray:
    """Positions of the ``size`` best candidates by the dense score and by the keyword score
    (those that share a word with the query), merged."""
    dense, keyword = np.asarray(dense), np.asarray(keyword)
    top_kw = best_with_ties(keyword, size)
    return sorted_union(best_with_ties(dense, size), top_kw[keyword[top_kw] > 0])


def best_with_ties(x: np.ndarray, n: int) -> np.ndarray:
    """Positions of the ``n`` largest values of ``x`` and of every value equal to the ``n``-th, sorted.

    Which of two equal scores at the pool's edge ``argpartition`` keeps follows the array it is given:
    the local backend ranks every chunk, Milvus its candidates, so two chunks with the same BM25 and
    coverage at the 200th place made the two pools differ by one chunk, and every z-score a little
    (28 of 580 library dev searches, up to 0.017; one tenth hit). Both now keep both.
    """
    x = np.asarray(x)
    if len(x) <= n:
        return np.arange(len(x))
    edge = x[np.argpartition(-x, n - 1)[n - 1]]
    return np.flatnonzero(x >= edge)


def _best(x: np.ndarray, n: int) -> np.ndarray:
    """Positions of the ``n`` largest values of ``x`` (all of them when there are fewer), unordered."""
    return np.argpartition(-x, n - 1)[:n] if len(x) > n else np.arange(len(x))


def pooled_zscore(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Scores as standard deviations from the mean of the pooled candidates."""
    values = np.asarray(values, dtype="float64")
    ref = values[positions] if len(positions) else values
    if ref.size == 0:
        return values
    sd = ref.std()
    return (values - ref.mean()) / sd if sd > 1e-12 else values - ref.mean()


def dense_score(sentence_best: np.ndarray, chunk: np.ndarray, sentence_share: float = SENTENCE_SHARE) -> np.ndarray:
    """The dense score of each candidate: its best sentence's cosine and its own, z-scored and mixed."""
    return sentence_share * zscore(sentence_best) + (1 - sentence_share) * zscore(chunk)


def coverage_power(query: str) -> float:
    """The power of the best coverage in BM25's weight for ``query``: lower for a quantity
    question or a query with an acronym or a number (``SPECIFIC_POWER``)."""
    return SPECIFIC_POWER if _SPECIFIC_QUERY.search(query) else COVERAGE_POWER


def negates(query: str) -> bool:
    """Whether the query negates or contrasts ("not", "nobody", "apart from", "only", "n't")."""
    return bool(_NEGATION.search(query))


def top_share(dense: np.ndarray, keyword: np.ndarray, n: int = DISAGREE_TOP) -> int:
    """How many chunks the best ``n`` by the dense score and the best ``n`` by the keyword score
    (among those that match a query word) have in common."""
    dense, keyword = np.asarray(dense), np.asarray(keyword)
    top_kw = _best(keyword, n)
    return len(np.intersect1d(_best(dense, n), top_kw[keyword[top_kw] > 0]))


def bm25_weight(best_coverage: float, weight: float = BM25_WEIGHT, power: float = COVERAGE_POWER) -> float:
    """BM25's share of the hybrid score when the best candidate holds this share of the query's words."""
    return weight * min(max(best_coverage, 0.0), 1.0) ** power


def bm25_scale(document_rr: np.ndarray, index_rr: float) -> np.ndarray:
    """The factor on BM25's weight for chunks of documents of these reliabilities (mean
    reciprocal ranks, ``index.dense_reliability``) in an index whose mean is ``index_rr``."""
    ratio = index_rr / np.maximum(np.asarray(document_rr, dtype="float64"), 1e-9)
    return np.clip(ratio, 1 / RELIABILITY_CLIP, RELIABILITY_CLIP) ** RELIABILITY_POWER


def hybrid_score(dense: np.ndarray, keyword: np.ndarray, best_coverage: float) -> np.ndarray:
    """Convex combination of the dense score (from ``dense_score``, already in z units) and the
    z-scored keyword score of the same candidates."""
    w = bm25_weight(best_coverage)
    return (1 - w) * np.asarray(dense, dtype="float64") + w * zscore(keyword)


def pooled_hybrid_score(sentence: np.ndarray, chunk: np.ndarray, keyword: np.ndarray,
                        best_coverage: float, size: int | None = None, power: float = COVERAGE_POWER,
                        negated: bool = False, scale: np.ndarray | None = None) -> np.ndarray:
    """``hybrid_score`` with every signal z-scored over the same pool of candidates: the best
    ``size`` by the dense score and by the keyword score.

    Over the whole corpus, the mean and spread of each signal follow what else is indexed (most
    of a library shares no word with a query), so the balance of dense and BM25 within one report
    shifted as documents were added. A pool of the best candidates has about the same make-up in
    a report of 90 paragraphs and a library of thousands, and it is the candidate set of large
    indexes anyway (A/69/207 dev queries beside 72 PDFs: MRR@10 0.828 → 0.852).
    ``negated`` (``negates(query)``): when the dense and keyword top tens disagree, BM25's
    weight takes at most ``DISAGREE_POWER``. ``scale``: each candidate's factor on BM25's weight
    (``bm25_scale``; None: 1).
    """
    raw = SENTENCE_SHARE * np.asarray(sentence) + (1 - SENTENCE_SHARE) * np.asarray(chunk)  # cosines: any corpus
    at = pool(raw, keyword, size=POOL if size is None else size)  # read now: Milvus candidates follow it
    dense = SENTENCE_SHARE * pooled_zscore(sentence, at) + (1 - SENTENCE_SHARE) * pooled_zscore(chunk, at)
    if negated and power > DISAGREE_POWER and top_share(dense, keyword) <= DISAGREE_SHARE:
        power = DISAGREE_POWER
    w = bm25_weight(best_coverage, power=power)
    if scale is not None:
        w = w * np.asarray(scale, dtype="float64")
    return (1 - w) * dense + w * pooled_zscore(keyword, at)


#: In a ranking, each further chunk of the same document loses this much (z units), so one long
#: document does not fill the top ten when another document holds the answer (issue #12).
DOCUMENT_STEP = 0.1
#: How far down the ranking the step applies.
DOCUMENT_DEPTH = 60
#: At most this many steps: uncapped, a document's 30th chunk among the best 60 lost 2.9 z and fell behind thousands
#: of chunks past the head, which are not stepped at all (round 23's Q2322: 51st -> 3,714th).
DOCUMENT_STEPS_MAX = 8


def spread_documents(scores: np.ndarray, documents: np.ndarray, step: float = DOCUMENT_STEP,
                     depth: int = DOCUMENT_DEPTH) -> np.ndarray:
    """``scores`` with the n-th best chunk of each document (n = 0, 1, ...) lowered by ``n × step``
    among the best ``depth``; ``documents`` holds each candidate's document number."""
    scores = np.asarray(scores, dtype="float64")
    if len(scores) < 2 or step <= 0:
        return scores
    head = np.argpartition(-scores, min(depth, len(scores)) - 1)[:depth] if len(scores) > depth else np.arange(len(scores))
    head = head[np.lexsort((head, -scores[head]))]
    out = scores.copy()
    seen: dict[int, int] = {}
    for i in head:
        d = int(documents[i])
        out[i] -= step * min(seen.get(d, 0), DOCUMENT_STEPS_MAX)
        seen[d] = seen.get(d, 0) + 1
    return out
