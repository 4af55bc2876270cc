"""Measure retrieval against judged queries: paracite's default beside BM25-only and dense-only.

The query file is JSON Lines (``search.judgements``): document-format lines give paragraph
numbers of one document and are searched within it (``all_docs`` searches the whole index);
library-format lines (``symbol``, ``para``, ``also``) are always ranked over the whole index, so
a hit from another document is a miss (issue #12); their ``para`` and ``also`` chunks are
alternatives, so Recall@k is whether one of them is in the top k. The three systems rank the same chunks in the
same run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from paracite.errors import NotFound, ParaciteError, UsageError
from ingest.models import format_citation

from .judgements import Query, number_ref, hit_key, parse_citation, parse_queries, read_queries
from .metrics import METRICS, mean_scores, score_ranking

__all__ = ["Query", "EvalReport", "evaluate", "format_report", "parse_queries", "read_queries", "judge"]

#: The systems an evaluation compares: name → search mode. "paracite" is the default mode.
SYSTEMS = {"paracite": None, "bm25": "bm25", "dense": "dense"}
DEPTH = 10
_RECALLS = {"recall@1": 1, "recall@5": 5, "recall@10": 10}


@dataclass(frozen=True)
class EvalReport:
    """Mean metrics per system, overall and per query kind, plus each query's top ranking."""

    doc: str
    systems: tuple[str, ...]
    overall: dict[str, dict[str, float]]
    by_kind: dict[str, dict]
    per_query: list[dict] = field(default_factory=list)
    all_docs: bool = False
    library: int = 0  # how many queries are library-format (ranked over the whole index)
    documents: int = 1  # documents in the index
    split: str | None = None
    unknown: tuple[str, ...] = ()  # judged citations that name no chunk of the index
    absent: tuple[str, ...] = ()  # documents queries name that the index does not hold

    @property
    def queries(self) -> int:
        return len(self.per_query)

    def to_dict(self) -> dict:
        return {"doc": self.doc, "all_docs": self.all_docs, "queries": self.queries, "library": self.library,
                "documents": self.documents, "split": self.split, "systems": list(self.systems),
                "metrics": list(METRICS), "overall": self.overall, "by_kind": self.by_kind,
                "per_query": self.per_query, "unknown": list(self.unknown),
                "absent": list(self.absent)}


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


def judge(q: Query, hits, target: str) -> dict:
    """One system's top hits for ``q``, shown and scored: ``{"ranking": [...], metric: value}``.

    Document-format queries show paragraph numbers (``chunk_key``), library-format ones citations.
    """
    relevant, partial = q.judged(target)
    keys = [_best_key(h, relevant, partial) for h in hits]
    shown = [h.citation for h in hits] if q.library else [chunk_key(h, target) for h in hits]
    scores = score_ranking(keys, relevant, partial)
    if q.library:  # ``para`` and ``also`` are alternatives: finding one of them is finding the answer
        scores.update({m: float(any(k in relevant for k in keys[:n])) for m, n in _RECALLS.items()})
    return {"ranking": shown, **scores}


def evaluate(searcher, queries: Sequence[Query] | str | Path, *, doc: str | None = None,
             systems: dict[str, str | None] | None = None, all_docs: bool = False,
             split: str | None = None) -> EvalReport:
    """Run every query through each system and average the metrics, overall and per kind.

    Args:
        searcher: an open ``Searcher``.
        queries: judged queries, or the path of a JSON Lines file of them.
        doc: the document the queries are about when a line does not say (default: the index's
            only document; in an index of several, lines naming no document are a ``UsageError``:
            judged against whichever document was indexed first, they scored near zero unexplained).
        systems: name → search mode (``None`` = the default); default: paracite, bm25, dense.
        all_docs: search the whole index for document-format queries too (library-format ones
            always are).
        split: keep only the queries whose ``split`` is this (``"dev"``, ``"heldout"``).
    """
    if isinstance(queries, (str, Path)):
        queries = read_queries(queries, split=split)
    elif split is not None:
        queries = [q for q in queries if q.split == split]
        if not queries:
            raise UsageError(f"no queries with split {split!r}")
    systems = systems or SYSTEMS
    default_doc = _default_doc(searcher, doc, sum(not q.doc and not q.library for q in queries))
    per_query = []
    for q in queries:
        target = _target(searcher, q, default_doc)
        row = {"id": q.id, "query": q.query, "kind": q.kind, "doc": target,
               "relevant": list(q.relevant) or [_cite(r, target) for r in q.refs],
               "partial": list(q.partial) or [_cite(r, target) for r in q.partial_refs]}
        scope = None if (all_docs or q.library) else target
        missing = scope is not None and not searcher.resolve_documents(scope)[0]  # its hits are misses (``absent``)
        for name, mode in systems.items():
            kwargs = {} if mode is None else {"mode": mode}
            row[name] = judge(q, [] if missing else searcher.search(q.query, k=DEPTH, doc=scope, **kwargs), target)
        per_query.append(row)
    overall = {name: mean_scores([r[name] for r in per_query]) for name in systems}
    by_kind = {}
    for kind in sorted({r["kind"] for r in per_query if r["kind"]}):
        rows = [r for r in per_query if r["kind"] == kind]
        by_kind[kind] = {"n": len(rows), **{name: mean_scores([r[name] for r in rows]) for name in systems}}
    judged = {(r.symbol or _target(searcher, q, default_doc), r.kind, r.number, r.part, r.page): None
              for q in queries for r in (*map(number_ref, (*q.relevant, *q.partial)), *q.refs, *q.partial_refs)}
    unknown = tuple(format_citation(*key) for key in judged if not _names_chunk(searcher, *key))
    absent = tuple(dict.fromkeys(r["doc"] for r in per_query if not searcher.resolve_documents(r["doc"])[0]))
    return EvalReport(doc=default_doc, systems=tuple(systems), overall=overall, by_kind=by_kind,
                      per_query=per_query, all_docs=all_docs, library=sum(q.library for q in queries),
                      documents=len(searcher.manifest.documents), split=split, unknown=unknown,
                      absent=absent)


def _target(searcher, q: Query, default_doc: str) -> str:
    """The document a line is judged against. One the index does not hold (a set written over a
    larger library) is kept as written: its hits are misses and the report's warning names it."""
    if not q.doc:
        return default_doc
    found, _ = searcher.resolve_documents(q.doc)
    return found[0] if found else q.doc


def _names_chunk(searcher, symbol: str, kind: str, number: int, part: str, page: int | None) -> bool:
    """Whether a judged chunk is in the index: a label pointing nowhere (a typo, a paragraph the
    parser numbers differently) scores 0 and must be seen, not silently averaged in."""
    try:
        if kind == "part":
            searcher.get(symbol, None, part=part)
        else:
            searcher.get(symbol, number, part=part, page=page, kind=kind)
    except ParaciteError:
        return False
    return True


def _best_key(hit, relevant: set, partial: set):
    """A hit's key, or the key of a near-identical chunk folded into it (``Hit.also``) that the
    judgement names: a hit that carries the right citation among its own is found."""
    keys = [hit_key(hit), *(_citation_key(c) for c in getattr(hit, "also", ()))]
    return next((k for k in keys if k in relevant), next((k for k in keys if k in partial), keys[0]))


def _citation_key(citation: str):
    ref = parse_citation(citation)
    return ref.key(ref.symbol or "")


def _cite(ref, target: str) -> str:
    return format_citation(ref.symbol or target, ref.kind, ref.number, ref.part, ref.page)


def _default_doc(searcher, doc: str | None, unnamed: int = 0) -> str:
    """The document of query lines that name none: ``doc``, else the index's only document.
    ``unnamed`` counts such lines; in an index of several documents they need ``doc``."""
    symbols = [d["symbol"] for d in searcher.manifest.documents]  # in the order they were indexed
    if not symbols:
        raise UsageError("the index holds no documents; run `paracite ingest PATH` first")
    if doc is None and unnamed and len(symbols) > 1:
        raise UsageError(f"{unnamed} {'query names' if unnamed == 1 else 'queries name'} no document (no \"doc\" "
                         f"or \"symbol\") and this index holds {len(symbols)} documents; give --doc SYMBOL "
                         "(`paracite docs` lists them)")
    if doc is None:
        return symbols[0]
    found, _ = searcher.resolve_documents(doc)
    if found:
        return found[0]
    raise searcher.missing_document(doc)


_LABELS = {"recall@1": "R@1", "recall@5": "R@5", "recall@10": "R@10", "mrr@10": "MRR@10", "ndcg@10": "nDCG@10"}


def format_report(report: EvalReport) -> str:
    """The report as a plain-text table: one row per (kind, system)."""
    head = f"{'kind':<14}{'n':>4}  {'system':<10}" + "".join(f"{_LABELS[m]:>9}" for m in METRICS)
    if report.library:
        docs = len({r["doc"] for r in report.per_query} - set(report.absent))
        title = (f"library of {report.documents} documents: {report.queries} queries about {docs} of them"
                 + (f" and {len(report.absent)} it does not hold" if report.absent else "")
                 + (f" ({report.split})" if report.split else "") + f", top {DEPTH}, searching the whole index")
    else:
        scope = "searching the whole index" if report.all_docs else "searching that document"
        title = f"{report.doc}: {report.queries} queries" + (f" ({report.split})" if report.split else "") + \
            f", top {DEPTH}, {scope}"
    lines = [title, head, "-" * len(head)]
    groups = [("all", report.queries, report.overall)]
    groups += [(k, v["n"], v) for k, v in report.by_kind.items()]
    for label, n, scores in groups:
        for i, name in enumerate(report.systems):
            first = f"{label:<14}{n:>4}" if i == 0 else " " * 18
            lines.append(f"{first}  {name:<10}" + "".join(f"{scores[name][m]:>9.3f}" for m in METRICS))
    if report.unknown:
        shown = "; ".join(report.unknown[:5]) + ("; ..." if len(report.unknown) > 5 else "")
        lines.append(f"warning: {len(report.unknown)} judged citation(s) name no chunk of the index "
                     f"(they count as misses): {shown}")
    if report.absent:
        shown = ", ".join(report.absent[:5]) + (", ..." if len(report.absent) > 5 else "")
        lines.append(f"warning: {len(report.absent)} document(s) the queries name are not in the index "
                     f"(`paracite add FILE` indexes one): {shown}")
    return "\n".join(lines)
