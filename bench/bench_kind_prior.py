"""What the preamble prior (search/kind_prior.py) does: operative paragraphs asked for by what
they decide, ranked with and without the prior, on a resolution indexed from the library.

Run: ``python bench/bench_kind_prior.py --index DIR`` where DIR indexes E/2025/L.27 (the
queries below are ours, written on that draft; each names an operative paragraph whose words a
preambular paragraph also recalls). Prints the rank of the operative paragraph and of the best
preambular paragraph, per query, for both settings, and the MRR of the operative paragraphs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

QUERIES = [  # (query, operative paragraph of E/2025/L.27)
    ("call for the full opening of the Gaza border crossings", 1),
    ("settlements are illegal and an obstacle to economic and social development", 12),
    ("construction of the wall is contrary to international law", 15),
    ("Israel must stop exploiting natural resources including water", 10),
    ("release of Palestinian prisoners and detainees", 14),
    ("restore and replace destroyed civilian properties and infrastructure", 5),
    ("respect international humanitarian law and refrain from violence against civilians", 7),
    ("accountability for illegal actions by Israeli settlers", 13),
    ("permanent sovereignty over natural and economic resources of the Palestinian people", 8),
    ("cease destruction of homes and agricultural lands", 9),
]


def ranks(searcher, symbol: str) -> list[tuple[int | None, int | None]]:
    out = []
    for query, para in QUERIES:
        hits = searcher.search(query, k=20, doc=symbol)
        op = next((r for r, h in enumerate(hits, 1) if h.kind == "paragraph" and h.number == para), None)
        pre = next((r for r, h in enumerate(hits, 1) if h.kind == "preamble"), None)
        out.append((op, pre))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--symbol", default="E/2025/L.27")
    args = ap.parse_args()
    from search import Searcher
    import search.kind_prior as prior

    s = Searcher.open(args.index)
    with_prior = ranks(s, args.symbol)
    saved = prior.Z_PENALTY, prior.BM25_FACTOR
    prior.Z_PENALTY, prior.BM25_FACTOR = 0.0, 1.0
    without = ranks(s, args.symbol)
    prior.Z_PENALTY, prior.BM25_FACTOR = saved
    print(f"{'query':70s} {'no prior':>12s} {'prior':>12s}   (operative rank / first preamble rank)")
    for (q, _), a, b in zip(QUERIES, without, with_prior):
        print(f"{q[:70]:70s} {str(a[0]) + ' / ' + str(a[1]):>12s} {str(b[0]) + ' / ' + str(b[1]):>12s}")
    for name, rs in (("no prior", without), ("prior", with_prior)):
        mrr = sum(1 / r for r, _ in rs if r) / len(rs)
        first = sum(1 for r, _ in rs if r == 1)
        print(f"{name:9s} operative MRR {mrr:.3f}, operative first {first}/{len(rs)}")


if __name__ == "__main__":
    main()
