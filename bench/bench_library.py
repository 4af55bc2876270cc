"""Retrieval as the library grows: the same queries with 1, 10 and all documents indexed (issue #12).

Run: ``python bench/bench_library.py [QUERIES.jsonl ...] --library DIR [--scratch DIR] [--split dev]``

``--library`` is an index of the whole library (all documents); the smaller indexes are built
once from the same source files into ``--scratch`` and reused by later runs:

- **1 document**: for each document the queries are about, an index of that document alone;
- **10 documents**: the queries' documents in groups of up to 10, each group filled up to 10
  with other documents of the library (evenly spread over its symbols, the same every run);
- **all**: the library index itself.

Every query runs on the index that holds its document in each setting, ranked over that whole
index (a hit from another document is a miss), for paracite, BM25-only and dense-only in the same
run. The table prints MRR@10 and R@5 per setting and the loss from 1 document to all.
Document-format query lines (``relevant``, ``doc``) are ranked over the whole index too; lines
that name no document are about ``--doc``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search import Searcher  # noqa: E402
from search.evaluate import SYSTEMS, evaluate  # noqa: E402
from search.judgements import read_queries  # noqa: E402
from search.metrics import mean_scores  # noqa: E402

QUERY_SETS = [ROOT / "bench/data/library_queries.jsonl", ROOT / "bench/data/pdf_dev_queries.jsonl"]
GROUP = 10


def find_sources(library: Searcher, roots: list[Path]) -> dict[str, Path]:
    """Symbol → source file of each document of the library, found by its file name under ``roots``."""
    by_name: dict[str, Path] = {}
    for root in roots:
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                if p.suffix.lower() in (".pdf", ".txt"):
                    by_name.setdefault(p.name, p)
    out = {}
    for d in library.manifest.documents:  # the document records (``documents()``) leave the path out
        p = Path(d["source"])
        found = p if p.is_absolute() and p.exists() else by_name.get(p.name)
        if found is None:
            raise SystemExit(f"cannot find {d['source']} ({d['symbol']}); give its folder with --find DIR")
        out[d["symbol"]] = found
    return out


def groups_of_ten(targets: list[str], others: list[str]) -> list[list[str]]:
    """The target documents in groups of up to 10, each filled to 10 with evenly spread others."""
    groups = [targets[i:i + GROUP] for i in range(0, len(targets), GROUP)]
    total = min(len(others), sum(GROUP - len(g) for g in groups))
    spread = iter([others[i * len(others) // total] for i in range(total)] if total else [])
    return [g + [x for _, x in zip(range(GROUP - len(g)), spread)] for g in groups]


def ensure_index(folder: Path, paths: list[Path]) -> Path:
    """An index of ``paths`` at ``folder``, built once (reused when it holds the same files)."""
    from index import build_index

    listing = folder / "sources.txt"
    want = "\n".join(sorted(str(p) for p in paths))
    if (folder / "current").exists() and listing.exists() and listing.read_text() == want:
        return folder
    print(f"  building {folder.name}: {len(paths)} document(s)", file=sys.stderr)
    build_index(paths, folder, progress=False, log=lambda m: None)
    listing.write_text(want)
    return folder


def group_name(symbols: list[str]) -> str:
    """A folder name for an index of these documents (the same set reuses the same index)."""
    return "group-" + hashlib.sha1("\n".join(sorted(symbols)).encode()).hexdigest()[:12]


def _safe(symbol: str) -> str:
    return re.sub(r"[^\w.-]+", "_", symbol)


def run_setting(name: str, plan: list[tuple[Path, list]], systems, doc: str | None) -> list[dict]:
    """Every query on the index that holds its document; the per-query rows of ``evaluate``."""
    if systems is None:
        return []
    rows = []
    for folder, queries in plan:
        with Searcher.open(folder) as s:
            rows += evaluate(s, queries, doc=doc, all_docs=True, systems=systems).per_query
    print(f"  {name}: {len(rows)} queries on {len(plan)} index(es)", file=sys.stderr)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("queries", nargs="*", type=Path, default=QUERY_SETS)
    ap.add_argument("--library", required=True, help="index folder of the whole library")
    ap.add_argument("--scratch", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "paracite_library_bench")
    ap.add_argument("--split", choices=["dev", "heldout"], help="only query lines with this split")
    ap.add_argument("--find", type=Path, action="append", default=[],
                    help="a folder holding the library's source files (default: corpus/ and ../shared/corpus)")
    ap.add_argument("--doc", help="the document of query lines that name none (document-format lines)")
    ap.add_argument("--settings", default="1,10,all", help="which settings to run (default: 1,10,all)")
    ap.add_argument("--build-only", action="store_true", help="build the smaller indexes, run no query")
    args = ap.parse_args()
    queries = [q for path in args.queries for q in read_queries(path, split=args.split)]
    settings = args.settings.split(",")
    systems = None if args.build_only else SYSTEMS
    with Searcher.open(args.library) as lib:
        symbols = [d["symbol"] for d in lib.manifest.documents]
        canon = {s.lower(): s for s in symbols}
        sources = find_sources(lib, args.find or [ROOT / "corpus", ROOT.parent / "shared" / "corpus",
                                                  ROOT.parent.parent / "shared" / "corpus"])
    by_doc: dict[str, list] = {}
    for q in queries:
        if not (q.doc or args.doc):
            raise SystemExit(f"query {q.id} names no document; give --doc SYMBOL")
        by_doc.setdefault(canon[(q.doc or args.doc).lower()], []).append(q)
    targets = sorted(by_doc)
    others = [s for s in sorted(symbols) if s not in by_doc]
    results = {}
    if "1" in settings:
        plan = [(ensure_index(args.scratch / "one" / _safe(t), [sources[t]]), by_doc[t]) for t in targets]
        results["1 document"] = run_setting("1 document", plan, systems, args.doc)
    if "10" in settings:
        plan = []
        for group in groups_of_ten(targets, others):
            folder = ensure_index(args.scratch / "ten" / group_name(group), [sources[s] for s in group])
            plan.append((folder, [q for t in group if t in by_doc for q in by_doc[t]]))
        results["10 documents"] = run_setting("10 documents", plan, systems, args.doc)
    if "all" in settings:
        results[f"all {len(symbols)} documents"] = run_setting("all", [(Path(args.library), queries)], systems, args.doc)
    if not args.build_only:
        print_table(results, len(queries), len(targets))


def print_table(results: dict[str, list[dict]], n: int, docs: int) -> None:
    print(f"{n} queries about {docs} document(s); MRR@10 / R@5, ranked over each whole index")
    head = f"{'setting':<22}" + "".join(f"{name + ' MRR@10':>18}{'R@5':>7}" for name in SYSTEMS)
    print(head)
    print("-" * len(head))
    first = None
    for setting, rows in results.items():
        means = {name: mean_scores([r[name] for r in rows]) for name in SYSTEMS}
        first = first or means
        print(f"{setting:<22}" + "".join(f"{means[m]['mrr@10']:>18.3f}{means[m]['recall@5']:>7.3f}" for m in SYSTEMS))
    if len(results) > 1:
        print(f"{'loss, first to last':<22}" + "".join(
            f"{first[m]['mrr@10'] - means[m]['mrr@10']:>18.3f}{first[m]['recall@5'] - means[m]['recall@5']:>7.3f}"
            for m in SYSTEMS))


if __name__ == "__main__":
    main()
