"""Measure retrieval against judged queries: paracite's default beside BM25-only and dense-only.

A query file is JSON Lines, one query a line::

    {"id": "d13", "query": "Universal Postal Union remittance initiative",
     "relevant": [46], "partial": [49], "kind": "keyword", "doc": "A/69/207"}

Numbers are paragraph numbers of the document the query is about (0 = its summary); ``partial``,
``kind`` and ``doc`` are optional. Without ``doc`` the queries are about the index's only
document (or, when it holds several, the first one indexed, unless a ``doc`` argument says
otherwise). Searches are restricted to that document by default; with ``all_docs`` they run over
the whole index, and a hit from another document counts as a miss.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from paracite.errors import NotFound, UsageError

from .metrics import METRICS, mean_scores, score_ranking

#: The systems an evaluation compares: name → search mode. "paracite" is the default mode.
SYSTEMS = {"paracite": None, "bm25": "bm25", "dense": "dense"}
DEPTH = 10


@dataclass(frozen=True)
class Query:
    """One judged query: relevant and partially relevant paragraph numbers of one document."""

    id: str
    query: str
    relevant: tuple[int, ...]
    partial: tuple[int, ...] = ()
    kind: str = ""
    doc: str | None = None


@dataclass(frozen=True)
class EvalReport:
    """Mean metrics per system, overall and per query kind, plus each query's top ranking."""

    doc: str
    systems: tuple[str, ...]
    overall: dict[str, dict[str, float]]
    by_kind: dict[str, dict]
    per_query: list[dict] = field(default_factory=list)
    all_docs: bool = False

    @property
    def queries(self) -> int:
        return len(self.per_query)

    def to_dict(self) -> dict:
        return {"doc": self.doc, "all_docs": self.all_docs, "queries": self.queries, "systems": list(self.systems),
                "metrics": list(METRICS), "overall": self.overall, "by_kind": self.by_kind,
                "per_query": self.per_query}


def parse_queries(lines: Iterable[str], source: str = "queries") -> list[Query]:
    """Queries from JSON Lines text; blank lines are skipped, a bad line is a ``UsageError``."""
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            q = Query(id=str(d.get("id", n)), query=str(d["query"]),
                      relevant=tuple(int(x) for x in d.get("relevant", ())),
                      partial=tuple(int(x) for x in d.get("partial", ()) or ()),
                      kind=str(d.get("kind") or ""), doc=d.get("doc") or d.get("symbol") or None)
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise UsageError(f"{source}, line {n}: not a query line ({type(e).__name__}: {e}); "
                             'expected {"id", "query", "relevant": [N, ...], "partial": [...], "kind"}') from None
        out.append(q)
    if not out:
        raise UsageError(f"{source}: no queries in the file")
    return out


def read_queries(path: str | Path) -> list[Query]:
    """Queries from a JSON Lines file (see the module docstring for the fields)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; give a JSON Lines file of judged queries") from None
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"{path}: cannot read it ({e})") from None
    return parse_queries(text.splitlines(), source=str(path))


def chunk_key(hit, symbol: str | None = None) -> int | str:
    """What a judgement's number means for a hit: the paragraph number, 0 for the summary.

    Tables, annex paragraphs and (given ``symbol``) chunks of other documents get keys no
    judgement uses, so they count as misses.
    """
    if symbol is not None and hit.symbol.lower() != symbol.lower():
        return f"{hit.symbol}:{hit.kind}:{hit.part}:{hit.number}"
    if hit.kind == "summary":
        return 0
    if hit.kind == "paragraph" and not hit.part:
        return hit.number
    return f"{hit.kind}:{hit.part}:{hit.number}"


def evaluate(searcher, queries: Sequence[Query] | str | Path, *, doc: str | None = None,
             systems: dict[str, str | None] | None = None, all_docs: bool = False) -> EvalReport:
    """Run every query through each system and average the metrics, overall and per kind.

    Args:
        searcher: an open ``Searcher``.
        queries: judged queries, or the path of a JSON Lines file of them.
        doc: the document the queries are about when a line does not say (default: the index's
            only document, or the first one indexed).
        systems: name → search mode (``None`` = the default); default: paracite, bm25, dense.
        all_docs: search the whole index instead of the queries' document.
    """
    if isinstance(queries, (str, Path)):
        queries = read_queries(queries)
    systems = systems or SYSTEMS
    default_doc = _default_doc(searcher, doc)
    per_query = []
    for q in queries:
        target = _default_doc(searcher, q.doc) if q.doc else default_doc
        row = {"id": q.id, "query": q.query, "kind": q.kind, "doc": target,
               "relevant": list(q.relevant), "partial": list(q.partial)}
        for name, mode in systems.items():
            kwargs = {} if mode is None else {"mode": mode}
            hits = searcher.search(q.query, k=DEPTH, doc=None if all_docs else target, **kwargs)
            ranking = [chunk_key(h, target) for h in hits]
            row[name] = {"ranking": ranking, **score_ranking(ranking, q.relevant, q.partial)}
        per_query.append(row)
    overall = {name: mean_scores([r[name] for r in per_query]) for name in systems}
    by_kind = {}
    for kind in sorted({r["kind"] for r in per_query if r["kind"]}):
        rows = [r for r in per_query if r["kind"] == kind]
        by_kind[kind] = {"n": len(rows), **{name: mean_scores([r[name] for r in rows]) for name in systems}}
    return EvalReport(doc=default_doc, systems=tuple(systems), overall=overall, by_kind=by_kind,
                      per_query=per_query, all_docs=all_docs)


def _default_doc(searcher, doc: str | None) -> str:
    symbols = [d["symbol"] for d in searcher.manifest.documents]  # in the order they were indexed
    if not symbols:
        raise UsageError("the index holds no documents; run `paracite ingest PATH` first")
    if doc is None:
        return symbols[0]
    for s in symbols:
        if s.lower() == doc.lower():
            return s
    raise NotFound(f"no document {doc} in this index (it holds {', '.join(symbols)})")


_LABELS = {"recall@1": "R@1", "recall@5": "R@5", "recall@10": "R@10", "mrr@10": "MRR@10", "ndcg@10": "nDCG@10"}


def format_report(report: EvalReport) -> str:
    """The report as a plain-text table: one row per (kind, system)."""
    head = f"{'kind':<14}{'n':>4}  {'system':<10}" + "".join(f"{_LABELS[m]:>9}" for m in METRICS)
    scope = "searching the whole index" if report.all_docs else "searching that document"
    lines = [f"{report.doc}: {report.queries} queries, top {DEPTH}, {scope}", head, "-" * len(head)]
    groups = [("all", report.queries, report.overall)]
    groups += [(k, v["n"], v) for k, v in report.by_kind.items()]
    for label, n, scores in groups:
        for i, name in enumerate(report.systems):
            first = f"{label:<14}{n:>4}" if i == 0 else " " * 18
            lines.append(f"{first}  {name:<10}" + "".join(f"{scores[name][m]:>9.3f}" for m in METRICS))
    return "\n".join(lines)
