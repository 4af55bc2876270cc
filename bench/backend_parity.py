"""Parity of the two backends: the same searches and answers on a local index and a Milvus one, compared.

Run once per index (the code measured is the one on ``PYTHONPATH``), then compare:
``python bench/backend_parity.py --index DIR --out F.pkl`` and
``python bench/backend_parity.py --compare LOCAL.pkl MILVUS.pkl``.

Searched: every dev query of the library sets (``rank_harness.LIB_SETS``) and the A/69/207 dev and own
sets (within A/69/207), in hybrid, bm25 and dense (k=10); the first ``--filtered`` of them under each
of ``FILTERS``; ``ask`` on ``--asks`` dev fact questions drawn with a fixed seed. Each search keeps its
hits' citations and scores; each answer its text and citations. The comparison lists every search
whose top 10 differs (citations in order) and counts those whose scores also agree to 4 decimals.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rank_harness import A_SETS, LIB_SETS  # noqa: E402

FILTERS = [{"body": "General Assembly"}, {"body": "Economic and Social Council"}, {"since": "2025-04"},
           {"until": "2024-12"}, {"org": ["UNHCR"]}, {"org": ["UNICEF"]}, {"place": ["Afghanistan"]},
           {"kind": "table"}, {"kind": "preamble"}, {"org": ["UNDP"], "since": "2025-01"}]
FACTS = sorted((ROOT / "bench" / "data").glob("library_facts*.jsonl"))


def dev_queries() -> list[tuple[str, str, str | None]]:
    """(set, query, document to search within or None), every dev query once per set."""
    from search.evaluate import read_queries

    out = []
    for name, paths in LIB_SETS.items():
        out += [(name, q.query, None) for p in paths for q in read_queries(p) if q.split == "dev"]
    for name, path in A_SETS.items():
        out += [(name, q.query, "A/69/207") for q in read_queries(path)]
    return out


def dev_questions(n: int) -> list[str]:
    """``n`` dev fact questions of the library answer sets, drawn with seed 23."""
    qs = [r["query"] for p in FACTS if "aside" not in p.name for r in map(json.loads, p.read_text().splitlines())
          if r.get("split", "dev") == "dev" and r.get("kind", "fact") == "fact"]
    return random.Random(23).sample(sorted(set(qs)), min(n, len(qs)))


def run(index: str, out: Path, filtered: int, asks: int) -> None:
    """Every search and answer, written to ``out`` after each block (most telling first), so a run
    cut short on a loaded machine still compares what it did."""
    from paracite.errors import ParaciteError
    from search import Searcher

    s = Searcher.open(index)
    results: dict[tuple, object] = {}
    queries = dev_queries()

    def hits(q: str, **kw):
        try:
            return [(h.citation, round(h.score, 4)) for h in s.search(q, **kw)]
        except ParaciteError as e:
            return f"error: {e}"

    def answer(q: str):
        a = s.ask(q)
        return a.text, a.citations, [h.citation for h in a.closest]

    blocks = [[(("hybrid", n, q, d), lambda q=q, d=d: hits(q, doc=d)) for n, q, d in queries],
              [(("ask", "", q, None), lambda q=q: answer(q)) for q in dev_questions(asks)],
              [(("filtered", json.dumps(f), q, None), lambda q=q, f=f: hits(q, **f))
               for _, q, _ in queries[:filtered] for f in FILTERS],
              [(("bm25", n, q, d), lambda q=q, d=d: hits(q, mode="bm25", doc=d)) for n, q, d in queries],
              [(("dense", n, q, d), lambda q=q, d=d: hits(q, mode="dense", doc=d)) for n, q, d in queries]]
    for block in blocks:
        for key, search in block:
            results[key] = search()
        out.write_bytes(pickle.dumps(results))
        print(f"{len(results)} results written to {out}", flush=True)


def compare(a_path: Path, b_path: Path) -> None:
    a, b = pickle.loads(a_path.read_bytes()), pickle.loads(b_path.read_bytes())
    kinds: dict[str, list[int]] = {}
    for key in a:
        if key not in b:
            continue
        same = a[key] == b.get(key)
        if key[0] == "ask" or not isinstance(a[key], list):
            top = same
        else:
            top = [c for c, _ in a[key]] == [c for c, _ in b.get(key, [])]
        tally = kinds.setdefault(key[0], [0, 0, 0])
        tally[0] += 1
        tally[1] += top
        tally[2] += same
        if not top:
            print(f"DIFF {key[0]} {key[1]} {key[2]!r} doc={key[3]}\n  local:  {a[key]}\n  milvus: {b.get(key)}")
    for kind, (n, top, same) in kinds.items():
        print(f"{kind:<9} {n:>5} searches: same top 10 {top}, same scores too {same}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--filtered", type=int, default=20)
    ap.add_argument("--asks", type=int, default=50)
    ap.add_argument("--compare", nargs=2, type=Path)
    args = ap.parse_args()
    if args.compare:
        compare(*args.compare)
    else:
        run(args.index, args.out, args.filtered, args.asks)


if __name__ == "__main__":
    main()
