"""Query-adaptive fusion in a library (issue #12, round 4), measured on every dev set at once.

Run: ``python bench/agreement_ablation.py --library DIR --report DIR [--only TEXT] [--diff]``
(``--diff`` prints every query whose reciprocal rank moves against the shipped ranking).

Each variant re-scores the same signals through the searcher's own path (``library_ablation``'s
machinery), so columns differ only by the scoring rule. Columns (MRR@10 / R@5): the 127 library
dev queries (``library_queries.jsonl`` + ``pdf_dev_queries.jsonl``), the dev half of the
unseen-documents set, the round-4 blind dev set, and the A/69/207 dev and own sets over the report
alone and beside the library. Dev only: never pass held-out lines. Variants that rebuild the
fusion from its parts keep the shipped rules they do not replace (the adjacent-words bonus of
``search.phrases``); docs/retrieval-log.md lists each variant's figures against the ranking of its time.
The ``expand ...`` variants (``--only expand``) measure query expansion from the index's own
vocabulary (``query_expansion``; issues #12 and #15, measured and not kept).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from library_ablation import LIBRARY_QUERIES, REPORT_QUERIES, open_searchers, run_variant  # noqa: E402
from query_expansion import expansion_variants  # noqa: E402
from search.bm25 import content_terms, keyword_query, matching_arrays, quote  # noqa: E402
from search.evaluate import read_queries  # noqa: E402
from search.phrases import PAIR_BONUS  # noqa: E402
from search.fusion import (BM25_WEIGHT, SENTENCE_SHARE, bm25_weight, pool, pooled_hybrid_score,  # noqa: E402
                           pooled_zscore)

UNSEEN = ROOT / "bench/data/library_queries_unseen.jsonl"
ROUND4 = ROOT / "bench/data/library_queries_round4.jsonl"
NEGATION = re.compile(r"(?i)\b(?:not|no|never|none|nobody|nothing|neither|nor|without|apart from|except(?: for)?|"
                      r"other than|besides|only|barely|yet|could not|did not|failed to|unable to)\b|n[’']t\b")


def parts(sig, sentence=None, chunk=None):
    """Pooled dense and keyword z-scores of the candidates (the hybrid's two inputs)."""
    sentence = sig.sentence if sentence is None else sentence
    chunk = sig.chunk if chunk is None else chunk
    kw = sig.keyword()
    raw = SENTENCE_SHARE * sentence + (1 - SENTENCE_SHARE) * chunk
    at = pool(raw, kw)
    dense = SENTENCE_SHARE * pooled_zscore(sentence, at) + (1 - SENTENCE_SHARE) * pooled_zscore(chunk, at)
    return dense, pooled_zscore(kw, at)


def fuse(dense, kw, w, sig):
    """The hybrid score with BM25 weight ``w``, plus the shipped pair bonus (``search.phrases``)."""
    return (1 - w) * dense + w * kw + with_pairs(sig)


def with_pairs(sig):
    return 0.0 if sig.pairs is None else PAIR_BONUS * sig.pairs


def margin(x, n=10):
    top = np.partition(x, len(x) - n)[len(x) - n:] if len(x) > n else x
    top = np.sort(top)[::-1]
    return float(top[0] - top[-1])


def overlap(a, b, n=10):
    return len(set(np.argsort(-a)[:n]) & set(np.argsort(-b)[:n]))


def unsure_power(sig, q, h, t):
    """BM25 at coverage¹ when the dense top ten is flat (top minus tenth < t z)."""
    dense, kw = parts(sig)
    if margin(dense) >= t:
        return h
    return fuse(dense, kw, bm25_weight(sig.best_coverage, BM25_WEIGHT, 1), sig)


def graded_power(sig, q, h, t):
    """The coverage power rises from 1 (flat dense top ten) to the query's own as the margin reaches t."""
    dense, kw = parts(sig)
    p = 1 + (sig.power - 1) * min(1.0, margin(dense) / t)
    return fuse(dense, kw, bm25_weight(sig.best_coverage, BM25_WEIGHT, p), sig)


def overlap_power(sig, q, h, n):
    """BM25 at coverage¹ when the dense and keyword top tens share fewer than n chunks."""
    dense, kw = parts(sig)
    if overlap(dense, kw) >= n:
        return h
    return fuse(dense, kw, bm25_weight(sig.best_coverage, BM25_WEIGHT, 1), sig)


def lead(x):
    """How far the best candidate stands above the second (z units)."""
    top = np.sort(np.partition(x, len(x) - 2)[len(x) - 2:])[::-1] if len(x) > 2 else np.sort(x)[::-1]
    return float(top[0] - top[1]) if len(top) > 1 else 0.0


def confident_keyword(sig, q, h, lead_min, dense_max=None, negation=False, power=1.0, overlap_max=None):
    """BM25 at coverage¹ when its best chunk leads the second by ``lead_min`` z (and, given
    ``dense_max``, the dense top ten is flatter than that; given ``negation``, the query negates)."""
    if negation and not NEGATION.search(q):
        return h
    dense, kw = parts(sig)
    if lead(kw) < lead_min or (dense_max is not None and margin(dense) >= dense_max):
        return h
    if overlap_max is not None and overlap(dense, kw) > overlap_max:
        return h
    return fuse(dense, kw, bm25_weight(sig.best_coverage, BM25_WEIGHT, min(power, sig.power)), sig)


def negation_power(sig, q, h):
    """A query with a negation cue takes BM25 at coverage¹."""
    if not NEGATION.search(q):
        return h
    dense, kw = parts(sig)
    return fuse(dense, kw, bm25_weight(sig.best_coverage, BM25_WEIGHT, 1), sig)


def stripped(cx, sig, q, mix):
    """The dense side embeds the query without its negation words (mixed with the original's
    cosines by ``mix``); BM25 keeps the query as it is."""
    if not NEGATION.search(q):
        return None
    text = re.sub(r"\s+", " ", NEGATION.sub(" ", q)).strip()
    v = cx.rk._embed(text)
    chunk = cx.rk._chunk_cosines(v, sig.ids)
    best = cx.rk._sentence_best(v, sig.ids)
    sent = np.where(np.isnan(best), chunk, best)
    return (1 - mix) * sig.sentence + mix * sent, (1 - mix) * sig.chunk + mix * chunk


def negation_strip(cx, sig, q, h, mix, power=None):
    got = stripped(cx, sig, q, mix)
    if got is None:
        return h
    return pooled_hybrid_score(got[0], got[1], sig.keyword(), sig.best_coverage,
                               power=sig.power if power is None else power) + with_pairs(sig)


def per_query(searchers: dict, sets: dict, fn, cache: dict) -> dict:
    """(set, query id) → reciprocal rank in the top 10 with ``fn`` as the rule (for ``--diff``)."""
    import library_ablation
    from search import evaluate as ev
    rows: list = []
    orig = ev.evaluate

    def keep(*a, **k):
        r = orig(*a, **k)
        rows.append(r.per_query)
        return r
    library_ablation.evaluate = keep
    try:
        run_variant(searchers, sets, fn, cache)
    finally:
        library_ablation.evaluate = orig
    return {(name, row["id"]): (row["paracite"]["mrr@10"], row["query"], row["kind"])
            for name, got in zip(sets, rows) for row in got}


def kind_line(got: dict, sets: dict, kind: str = "paraphrase") -> str:
    """MRR@10 of one kind of query in each set, from ``per_query``'s answer."""
    cells = []
    for name in sets:
        rr = [v[0] for k, v in got.items() if k[0] == name and v[2] == kind]
        cells.append(f"{np.mean(rr):.3f} (n={len(rr)})".rjust(14) if rr else "-".rjust(14))
    return f"    {kind + ' MRR@10':<54}" + "".join(cells)


_LENGTHS: dict = {}


def pair_share(cx, sig, q, near):
    """Each candidate's share of the query's adjacent content-word pairs that it holds within
    ``near`` words of each other (FTS5 NEAR), or None for a query of one content word."""
    terms = content_terms(q)
    pairs = [f"NEAR({quote(a)} {quote(b)}, {near})" for a, b in zip(terms, terms[1:])]
    if not pairs:
        return None
    counts = np.zeros(len(sig.ids))
    for rows in matching_arrays(cx.s._con, pairs):
        if len(rows):
            pos = np.searchsorted(sig.ids, rows)
            pos = pos[pos < len(sig.ids)]
            counts[pos] += 1
    return counts / len(pairs)


def pair_bonus(cx, sig, q, h, near, a):
    """``a`` × the pair share in place of the shipped ``PAIR_BONUS`` × share at NEAR 3."""
    share = pair_share(cx, sig, q, near)
    return h - with_pairs(sig) if share is None else h - with_pairs(sig) + a * share


def sentence_coverage(cx, sig, q, h, depth=60):
    """The best single sentence's share of the query's term groups, for the best ``depth`` chunks
    by ``h`` (0 for the rest)."""
    import sqlite3
    groups = keyword_query(q, cx.rk.acronyms).groups
    out = np.zeros(len(sig.ids))
    if not groups:
        return out
    top = np.argsort(-h)[:depth]
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE s USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')")
    owner = {}
    for i in top:
        rid = int(sig.ids[i])
        for sid, a, b in cx.s._con.execute("SELECT id, start, end FROM sentences WHERE chunk_id = ?", (rid,)):
            con.execute("INSERT INTO s(rowid, text) VALUES (?, ?)", (sid, cx.text[rid][a:b]))
            owner[sid] = i
    hits: dict = {}
    for g in groups:
        for (sid,) in con.execute("SELECT rowid FROM s WHERE s MATCH ?", (g,)):
            hits[sid] = hits.get(sid, 0) + 1
    for sid, n in hits.items():
        out[owner[sid]] = max(out[owner[sid]], n / len(groups))
    return out


def sentence_bonus(cx, sig, q, h, a, concentrated=False):
    sc = sentence_coverage(cx, sig, q, h)
    if concentrated:
        sc = np.where(sc > 0, sc - sig.coverage, 0.0)
    return h + a * sc


def short_sentences(cx, sig, q, h, chars, drop):
    """Each chunk's best sentence with sentences shorter than ``chars`` characters (headings,
    fragments: they match any query on their topic) lowered by ``drop`` cosine."""
    rk = cx.rk
    sent = rk._sentences()
    if not sent or len(sig.ids) != rk.n:
        return h
    _, chunk_of, matrix = sent
    if id(rk) not in _LENGTHS:
        _LENGTHS[id(rk)] = np.array([e - s for s, e in rk._con.execute("SELECT start, end FROM sentences ORDER BY id")])
    sims = matrix @ rk._embed(q)[0] - drop * (_LENGTHS[id(rk)] < chars)
    starts = np.flatnonzero(np.r_[True, chunk_of[1:] != chunk_of[:-1]])
    best = sig.sentence.copy()
    best[chunk_of[starts]] = np.maximum.reduceat(sims, starts)
    return pooled_hybrid_score(best, sig.chunk, sig.keyword(), sig.best_coverage, power=sig.power,
                               negated=sig.negated) + with_pairs(sig)


def variants() -> dict:
    out = {"default (hybrid as shipped)": lambda cx, sig, q, h: h}
    out.update(expansion_variants())
    for t in (0.8, 1.0, 1.2, 1.5):
        out[f"dense unsure (top - 10th < {t} z): BM25 x coverage^1"] = \
            lambda cx, sig, q, h, t=t: unsure_power(sig, q, h, t)
    for t in (1.5, 2.0, 3.0):
        out[f"graded: power 1 -> own as dense margin reaches {t} z"] = \
            lambda cx, sig, q, h, t=t: graded_power(sig, q, h, t)
    for n in (1, 2, 3):
        out[f"top-10 overlap < {n}: BM25 x coverage^1"] = lambda cx, sig, q, h, n=n: overlap_power(sig, q, h, n)
    for lm in (1.0, 1.5, 2.0):
        out[f"keyword lead >= {lm} z: coverage^1"] = lambda cx, sig, q, h, lm=lm: confident_keyword(sig, q, h, lm)
        for dm in (1.0, 1.5):
            out[f"keyword lead >= {lm} z and dense margin < {dm}: coverage^1"] = \
                lambda cx, sig, q, h, lm=lm, dm=dm: confident_keyword(sig, q, h, lm, dm)
        out[f"keyword lead >= {lm} z and a negation cue: coverage^1"] = \
            lambda cx, sig, q, h, lm=lm: confident_keyword(sig, q, h, lm, negation=True)
    for pw in (1.5, 2.0):
        out[f"p{pw}: negation cue"] = lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, -1, negation=True, power=pw)
        out[f"p{pw}: dense margin < 1.0"] = lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, -1, 1.0, power=pw)
        out[f"p{pw}: negation cue and dense margin < 1.0"] = \
            lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, -1, 1.0, negation=True, power=pw)
        out[f"p{pw}: keyword lead >= 1.0 z"] = lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, 1.0, power=pw)
        out[f"p{pw}: keyword lead >= 1.0 z and dense margin < 1.0"] = \
            lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, 1.0, 1.0, power=pw)
    for pw in (1.0, 1.5, 2.0):
        out[f"p{pw}: dense and BM25 top tens share <= 1"] = \
            lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, -1, power=pw, overlap_max=1)
        out[f"p{pw}: share <= 1 and dense margin < 1.0"] = \
            lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, -1, 1.0, power=pw, overlap_max=1)
        out[f"p{pw}: share <= 1 and a negation cue"] = \
            lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, -1, negation=True, power=pw, overlap_max=1)
        out[f"p{pw}: share <= 2 and a negation cue"] = \
            lambda cx, sig, q, h, pw=pw: confident_keyword(sig, q, h, -1, negation=True, power=pw, overlap_max=2)
    out["p1: negation cue and dense margin < 1.0"] = \
        lambda cx, sig, q, h: confident_keyword(sig, q, h, -1, 1.0, negation=True, power=1)
    for chars in (40, 80):
        for drop in (0.03, 0.08):
            out[f"short sentences (< {chars} chars) lowered by {drop} cosine"] = \
                lambda cx, sig, q, h, chars=chars, drop=drop: short_sentences(cx, sig, q, h, chars, drop)
    for near in (0, 1, 2, 3, 5):
        for a in (0.0, 0.1, 0.2, 0.3, 0.5):
            out[f"+ {a} x share of adjacent query-word pairs (NEAR {near})"] = \
                lambda cx, sig, q, h, near=near, a=a: pair_bonus(cx, sig, q, h, near, a)
    for a in (0.2, 0.5):
        out[f"+ {a} x best sentence's coverage (best 60)"] = lambda cx, sig, q, h, a=a: sentence_bonus(cx, sig, q, h, a)
        out[f"+ {a} x (best sentence's coverage - chunk's)"] = \
            lambda cx, sig, q, h, a=a: sentence_bonus(cx, sig, q, h, a, True)
    out["negation cue: BM25 x coverage^1"] = lambda cx, sig, q, h: negation_power(sig, q, h)
    for mix in (0.5, 1.0):
        out[f"negation words stripped for the dense side, mix {mix}"] = \
            lambda cx, sig, q, h, mix=mix: negation_strip(cx, sig, q, h, mix)
    out["negation stripped (mix 1.0) + coverage^1"] = lambda cx, sig, q, h: negation_strip(cx, sig, q, h, 1.0, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--library", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--only", default="")
    ap.add_argument("--diff", action="store_true", help="print each query whose rank moves against the default")
    args = ap.parse_args()
    searchers = open_searchers(args.library, args.report)
    lib = [q for p in LIBRARY_QUERIES for q in read_queries(p, split="dev")]
    a_dev, a_own = (read_queries(p) for p in REPORT_QUERIES)
    sets = {"library": (args.library, lib, None, False),
            "unseen": (args.library, read_queries(UNSEEN, split="dev"), None, False),
            "round4": (args.library, read_queries(ROUND4, split="dev"), None, False),
            "A dev alone": (args.report, a_dev, None, True), "A dev in lib": (args.library, a_dev, "A/69/207", True),
            "A own alone": (args.report, a_own, None, True), "A own in lib": (args.library, a_own, "A/69/207", True)}
    head = f"{'variant':<58}" + "".join(f"{name:>14}" for name in sets)
    print(head + "\n" + "-" * len(head))
    cache: dict = {}
    base = per_query(searchers, sets, variants()["default (hybrid as shipped)"], cache) if args.diff else {}
    if base:
        print(kind_line(base, sets))
    for name, fn in variants().items():
        if args.only and args.only not in name and not name.startswith("default"):
            continue
        res = run_variant(searchers, sets, fn, cache)
        print(f"{name:<58}" + "".join(f"{m:.3f}/{r:.3f}".rjust(14) for m, r in res.values()), flush=True)
        if base and not name.startswith("default"):
            got = per_query(searchers, sets, fn, cache)
            print(kind_line(got, sets))
            for key, (rr, query, _) in got.items():
                if abs(rr - base[key][0]) > 1e-9:
                    print(f"    {key[0]:<13}{key[1]:<6}{base[key][0]:.2f} -> {rr:.2f}  {query[:80]}")


if __name__ == "__main__":
    main()
