"""Score every entity sample at once on an index export re-tagged with this checkout's rules.

    paracite export --index IDX > chunks.jsonl
    python bench/score_samples_export.py chunks.jsonl --tags tags.jsonl [--samples 'entities_sample_round2*']
    python bench/score_samples_export.py --tags tags.jsonl --compare main_tags.jsonl   # spans gained and lost

bench/bench_entities.py reads and tags each sample's PDFs again, one sample at a time; tagging every document
of an export once (``tag_document`` over the export's chunks and title) gives every sample's figures in one
run, and two runs' tags give the spans a rule change gains and loses over the whole library. A sample chunk
whose text the export does not hold is reported and left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_entities import KINDS, _load, _overlap, score, score_refers  # noqa: E402


def retag(export: Path, out: Path) -> None:
    """Every chunk of the export tagged again, one JSON line a chunk: symbol, citation, text, entities."""
    from ingest.entities.tagger import tag_document
    from ingest.export import from_export

    with out.open("w", encoding="utf-8") as f:
        for doc in from_export(export):
            for c in tag_document(doc).chunks:
                f.write(json.dumps({"symbol": c.symbol, "citation": c.citation, "text": c.text,
                                    "entities": [e.to_dict() for e in c.entities]}, ensure_ascii=False) + "\n")


def _tags(path: Path) -> dict[tuple[str, str], list[dict]]:
    return {(r["symbol"], r["text"]): r["entities"] for r in _load(path)}


def report(tags: dict[tuple[str, str], list[dict]], pattern: str, skip: list[str], errors: bool = False) -> None:
    """Overlap precision and recall per kind, and back-references, for every sample file matching ``pattern`` (not
    those named in ``skip``: an aside half not to be run yet); with ``errors`` its misses and false alarms too."""
    for path in sorted((ROOT / "bench" / "data").glob(pattern + ".jsonl")):
        if path.stem in skip:
            continue
        sample = _load(path)
        rows = [(s, tags[(s["symbol"], s["text"])]) for s in sample if (s["symbol"], s["text"]) in tags]
        res = score([s for s, _ in rows], [p for _, p in rows], _overlap)
        cells = []
        for k in KINDS:
            c = res[k]
            cells.append(f"{k[:5]} {c['pred_ok']}/{c['pred']} {c['gold_ok']}/{c['gold']}")
        refers, _ = score_refers([s for s, _ in rows], [p for _, p in rows])
        ref = f" refs {refers['right']}/{refers['gold']} (wrong {refers['wrong']})" if refers["gold"] else ""
        missing = f" [{len(sample) - len(rows)} chunks not in the export]" if len(rows) < len(sample) else ""
        print(f"{path.stem:<45} " + " | ".join(cells) + ref + missing)
        if errors:
            _, lines = score_refers([s for s, _ in rows], [p for _, p in rows])
            for s, pred in rows:
                gold = [g for g in s["entities"] if g["kind"] in KINDS]
                pred = [p for p in pred if p["kind"] in KINDS and (p["kind"] == "instrument" or "instruments" not in path.stem)]
                lines += [f"MISS  {s['citation']}: {g['kind']} {g['text']!r}" for g in gold if not any(_overlap(p, g) for p in pred)]
                lines += [f"FALSE {s['citation']}: {p['kind']} {p['text']!r}" for p in pred if not any(_overlap(p, g) for g in gold)]
            print("".join(f"    {line}\n" for line in lines), end="")


def compare(a: dict, b: dict, kinds: tuple[str, ...] = KINDS) -> None:
    """Spans (kind, text, canonical) in one run's tags and not the other's, chunk by chunk."""
    for key in a.keys() & b.keys():
        sa = {(e["kind"], e["start"], e["end"], e.get("canonical")) for e in a[key] if e["kind"] in kinds}
        sb = {(e["kind"], e["start"], e["end"], e.get("canonical")) for e in b[key] if e["kind"] in kinds}
        for sign, diff in (("-", sb - sa), ("+", sa - sb)):
            for kind, s, e, canon in sorted(diff, key=lambda x: x[1]):
                print(f"{sign} {key[0]} [{kind}] {key[1][s:e]!r} -> {canon!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("export", nargs="?", help="`paracite export` output; tagged again into --tags")
    ap.add_argument("--tags", required=True, help="the re-tagged chunks (written when an export is given)")
    ap.add_argument("--samples", default="entities_sample*", help="glob of sample files in bench/data, no suffix")
    ap.add_argument("--skip", action="append", default=[], help="a sample file (stem) to leave out; repeatable")
    ap.add_argument("--errors", action="store_true", help="list each sample's misses and false alarms")
    ap.add_argument("--compare", help="another run's --tags: print the spans gained (+) and lost (-) instead")
    args = ap.parse_args(argv)
    if args.export:
        retag(Path(args.export), Path(args.tags))
    if args.compare:
        compare(_tags(Path(args.tags)), _tags(Path(args.compare)))
    else:
        report(_tags(Path(args.tags)), args.samples, args.skip, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
