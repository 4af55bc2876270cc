"""BM25's k1 and b, which FTS5 fixes at 1.2 and 0.75, measured on the dev sets (issue #12).

Run: ``python bench/bm25_params.py CACHE.pkl --library DIR --report DIR [--k1 1.2,0.9 --b 0.75,0.5]``
(``CACHE.pkl`` from ``bench/rank_harness.py``; dev lines only).

FTS5's ``bm25()`` cannot take other constants, so it is computed again from the index's own
postings (an ``fts5vocab`` instance table, created in the connection's temporary schema: the
index is opened read-only and left as it was) with FTS5's formula: per query phrase, IDF =
log((N − n + 0.5) / (n + 0.5)), hits counted over text and heading, the row's length in tokens
over the mean. With 1.2 / 0.75 it equals ``bm25()`` (the script prints the correlation). Each
(k1, b) then replaces the BM25 signal of every cached query, which is ranked by the shipped
steps (fusion, kind prior, document step, head correction), and each set's MRR@10 is printed.
The thirteenth session's figures are in docs/retrieval-log.md.
"""

from __future__ import annotations

import argparse
import pickle
import sqlite3
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rank_harness import evaluate_sets, final_scores  # noqa: E402
from search import Searcher  # noqa: E402
from search.bm25 import keyword_query  # noqa: E402
from search.exclusion import split_exclusions  # noqa: E402
from search.head_rerank import rerank_head  # noqa: E402
from search.initials import unwritten_acronyms  # noqa: E402


class Postings:
    """Every (term, row, column, offset) of one index, and a tokenizer that stems as it does."""

    def __init__(self, searcher: Searcher):
        db = searcher.folder / "paracite.sqlite"
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        con.execute("CREATE VIRTUAL TABLE temp.vi USING fts5vocab(main, chunks_fts, instance)")
        con.execute("CREATE VIRTUAL TABLE temp.tok USING fts5(x, tokenize='porter unicode61 remove_diacritics 2')")
        con.execute("CREATE VIRTUAL TABLE temp.tokv USING fts5vocab(temp, tok, instance)")
        self.con, self.n = con, searcher.manifest.chunks
        self.pos: dict = defaultdict(lambda: defaultdict(set))
        self.length = np.zeros(self.n)
        for term, row, col, off in con.execute("SELECT term, doc, col, offset FROM temp.vi"):
            self.pos[term][row].add((col, off))
            self.length[row] += 1
        self._tokens: dict[str, list[str]] = {}

    def tokens(self, text: str) -> list[str]:
        if text not in self._tokens:
            self.con.execute("DELETE FROM temp.tok")
            self.con.execute("INSERT INTO temp.tok(x) VALUES (?)", (text,))
            self._tokens[text] = [t for _, t in sorted(self.con.execute("SELECT offset, term FROM temp.tokv"))]
        return self._tokens[text]

    def hits(self, phrase: str) -> dict[int, int]:
        """Row → how many times the phrase occurs in it (consecutive tokens in one column)."""
        toks = self.tokens(phrase)
        if not toks:
            return {}
        out = {}
        for row, places in self.pos.get(toks[0], {}).items():
            k = sum(all((col, off + i) in self.pos.get(t, {}).get(row, ()) for i, t in enumerate(toks[1:], 1))
                    for col, off in places)
            if k:
                out[row] = k
        return out

    def bm25(self, phrases: list[str], ids: np.ndarray, k1: float, b: float) -> np.ndarray:
        out, at = np.zeros(len(ids)), {int(r): i for i, r in enumerate(ids)}
        norm = k1 * (1 - b + b * self.length / self.length.mean())
        for phrase in phrases:
            hits = self.hits(phrase)
            idf = max(np.log((self.n - len(hits) + 0.5) / (len(hits) + 0.5)), 1e-6)
            for row, f in hits.items():
                if row in at:
                    out[at[row]] += idf * f * (k1 + 1) / (f + norm[row])
        return out


def phrases_of(searcher: Searcher, query: str) -> list[str]:
    """The phrases the ranker's BM25 expression ORs for ``query`` (terms and acronym expansions)."""
    query = split_exclusions(query).rest
    acronyms = searcher._ranking().acronyms
    acronyms.names.update(unwritten_acronyms(searcher.store, query, acronyms.names, {}))
    kw = keyword_query(query, acronyms)
    return list(dict.fromkeys([*kw.terms, *kw.expansions]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cache")
    ap.add_argument("--library", required=True)
    ap.add_argument("--report", required=True)
    ap.add_argument("--k1", default="1.2,0.9,1.6")
    ap.add_argument("--b", default="0.75,0.5,0.3,0.9")
    args = ap.parse_args()
    records = pickle.load(open(args.cache, "rb"))
    opened = {name: Searcher.open(path) for name, path in (("lib", args.library), ("rep", args.report))}
    post = {name: Postings(s) for name, s in opened.items()}
    hub = {name: s._ranking()._hubness() for name, s in opened.items()}
    for rec in records:
        rec["idx"] = "rep" if rec["set"].endswith("alone") else "lib"
        rec["phrases"] = phrases_of(opened[rec["idx"]], rec["query"])
    same = [np.corrcoef(post[r["idx"]].bm25(r["phrases"], r["sig"].ids, 1.2, 0.75)[r["sig"].bm25 > 0],
                        r["sig"].bm25[r["sig"].bm25 > 0])[0, 1] for r in records if (r["sig"].bm25 > 0).sum() > 2]
    print(f"emulated against bm25() at 1.2 / 0.75: correlation min {np.min(same):.4f}, median {np.median(same):.4f}")
    for k1 in (float(x) for x in args.k1.split(",")):
        for b in (float(x) for x in args.b.split(",")):
            res = evaluate_sets(records, lambda r: _ranked(r, post[r["idx"]], hub[r["idx"]], k1, b))
            every = np.mean([a for k in res for a, _, _ in res[k][2]])
            print(f"k1 {k1} b {b}: all {every:.4f}  " + "  ".join(f"{k} {m:.3f}" for k, (m, _, _) in res.items()),
                  flush=True)


def _ranked(rec: dict, post: Postings, hub, k1: float, b: float) -> np.ndarray:
    """The shipped ranking's scores with BM25 computed at (k1, b)."""
    sig = replace(rec["sig"], bm25=post.bm25(rec["phrases"], rec["sig"].ids, k1, b))
    fused = sig.scores("hybrid")
    return rerank_head(final_scores(rec, fused), fused, rec["docs"], None if hub is None else hub[sig.ids])


if __name__ == "__main__":
    main()
