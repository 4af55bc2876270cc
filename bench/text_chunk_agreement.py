"""What a chunk carries besides its number, text reader against PDF reader (issue 15).

``bench/text_pdf_agreement.py`` measures whether the text reader numbers a text extraction's paragraphs
as the PDF reader numbers the PDF's. This sibling takes the paragraphs both readings number alike
(``(part, number)``, not cited by page) and compares what each carries:

- **section path**: the same headings, after case and space are normalised;
- **footnotes**: the same set, each footnote keyed by its number and first words (a footnote whose text
  was not found counts by its number alone, on both sides alike);
- **entities** (``--entities``, runs spaCy over the text reading): organizations, instruments and
  places per paragraph, by canonical name; the Jaccard of the two sets, per paragraph (mean over the
  paragraphs where either reading finds one) and pooled;

and per document:

- **tables**: table chunks per document (documents with the same count), and the share of the PDF
  tables' words found in some chunk of the text reading (a table read into nothing loses them);
- **summary**: a document's summary chunk present in both, and the same (word multisets 95% alike).

The extractions come from ``text_pdf_agreement``'s cache folders (made there when missing).

    python bench/text_chunk_agreement.py --index /work/libindex_r29 --cache /tmp/txtlib --extractor pdfminer --half dev
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, os.getcwd())
sys.path.insert(0, str(Path(__file__).resolve().parent))

from text_pdf_agreement import agreement_args, extract, selected, words  # noqa: E402

from ingest.reader import read_document  # noqa: E402
from paracite.errors import ParaciteError  # noqa: E402

KINDS = ("organization", "instrument", "place")
SPACE = re.compile(r"\s+")
FIRST_WORDS = 5


def norm(s: str) -> str:
    return SPACE.sub(" ", s).strip().lower()


def section_key(path) -> tuple[str, ...]:
    return tuple(norm(h) for h in path if norm(h))


def footnote_key(note: str) -> tuple[str, str]:
    """A footnote by its number and first words: ``("11", "kevin watkins and maria quattri")``."""
    head, _, rest = norm(note).partition(" ")
    return head, " ".join(re.findall(r"\w+", rest)[:FIRST_WORDS])


@dataclass
class Para:
    section: tuple = ()
    notes: frozenset = frozenset()
    ents: frozenset = frozenset()


@dataclass
class Carried:
    """What one reading's chunks carry: per numbered paragraph, and the document's tables and summary."""

    paras: dict = field(default_factory=dict)
    tables: list = field(default_factory=list)
    summary: Counter | None = None
    words: Counter = field(default_factory=Counter)


def pdf_carried(con: sqlite3.Connection, sym: str, entities: bool) -> Carried:
    rows = con.execute("select id, kind, part, page, number, section, footnotes, text from chunks where symbol=?",
                       (sym,)).fetchall()
    ents: dict[int, set] = {}
    if entities:
        for cid, kind, canon in con.execute(
                "select e.chunk_id, e.kind, e.canonical from entities e join chunks c on c.id=e.chunk_id "
                f"where c.symbol=? and e.kind in ({','.join('?' * len(KINDS))})", (sym, *KINDS)):
            ents.setdefault(cid, set()).add((kind, canon.lower()))
    out = Carried(words=words(r[7] for r in rows))
    for cid, kind, part, page, number, section, notes, text in rows:
        if kind == "paragraph" and page is None:
            out.paras[(part.lower(), number)] = Para(section_key(json.loads(section)),
                                                     frozenset(map(footnote_key, json.loads(notes))),
                                                     frozenset(ents.get(cid, ())))
        elif kind == "table":
            out.tables.append(words([text]))
        elif kind == "summary":
            out.summary = words([text])
    return out


def text_carried(path: Path, entities: bool) -> Carried:
    doc = read_document(str(path))
    if entities:
        from ingest.entities.tagger import tag_document

        doc = tag_document(doc)
    out = Carried(words=words(c.text for c in doc.chunks))
    for c in doc.chunks:
        if c.kind == "paragraph" and not c.page:
            ents = frozenset((e.kind, e.canonical.lower()) for e in c.entities if e.kind in KINDS)
            out.paras[(c.part.lower(), c.number)] = Para(section_key(c.section),
                                                         frozenset(map(footnote_key, c.footnotes)), ents)
        elif c.kind == "table":
            out.tables.append(words([c.text]))
        elif c.kind == "summary":
            out.summary = words([c.text])
    return out


def _alike(a: Counter, b: Counter) -> bool:
    return sum((a & b).values()) >= 0.95 * max(sum(a.values()), sum(b.values()))


def compare(sym: str, pdf: Carried, txt: Carried, tot: Counter, losses: Counter, quiet: bool) -> None:
    """Add one document's figures to the totals; print the paragraphs that carry something else."""
    both = sorted(set(pdf.paras) & set(txt.paras))
    tot.update(docs=1, both=len(both))
    for key in both:
        p, t = pdf.paras[key], txt.paras[key]
        tot.update(section=p.section == t.section, notes_para=p.notes == t.notes, pdf_notes=len(p.notes),
                   txt_notes=len(t.notes), both_notes=len(p.notes & t.notes))
        if p.ents or t.ents:
            tot.update(ent_paras=1, ent_inter=len(p.ents & t.ents), ent_union=len(p.ents | t.ents))
            tot["ent_jaccard"] += len(p.ents & t.ents) / len(p.ents | t.ents)
        if p.section != t.section:
            losses[f"section {sym}"] += 1
            if not quiet:
                print(sym, key, "SECTION pdf", p.section[-2:], "| txt", t.section[-2:])
        if p.notes != t.notes:
            losses[f"notes {sym}"] += 1
            if not quiet:
                print(sym, key, "NOTES pdf", sorted(p.notes)[:3], "| txt", sorted(t.notes)[:3])
    table_words = sum((w for w in pdf.tables), Counter())
    tot.update(pdf_tables=len(pdf.tables), txt_tables=len(txt.tables), tables_same=len(pdf.tables) == len(txt.tables),
               table_words=sum(table_words.values()), table_reached=sum((table_words & txt.words).values()),
               pdf_summary=pdf.summary is not None, txt_summary=txt.summary is not None,
               summary_same=pdf.summary is not None and txt.summary is not None and _alike(pdf.summary, txt.summary))
    if not quiet and (len(pdf.tables) != len(txt.tables) or (pdf.summary is None) != (txt.summary is None)):
        print(sym, f"TABLES pdf {len(pdf.tables)} txt {len(txt.tables)}; SUMMARY pdf {pdf.summary is not None} "
              f"txt {txt.summary is not None}")


def report(tot: Counter, losses: Counter, name: str, hide: bool) -> None:
    b = max(1, tot["both"])
    print(f"[{name}] documents {tot['docs']}; paragraphs numbered alike {tot['both']}")
    print(f"section path alike {tot['section']}/{tot['both']} ({tot['section'] / b:.4f}); footnote sets alike "
          f"{tot['notes_para']}/{tot['both']}; footnotes pdf {tot['pdf_notes']} txt {tot['txt_notes']} "
          f"both {tot['both_notes']}")
    print(f"tables pdf {tot['pdf_tables']} txt {tot['txt_tables']} (documents with the same count "
          f"{tot['tables_same']}/{tot['docs']}); table words reached {tot['table_reached']}/{tot['table_words']}; "
          f"summary pdf {tot['pdf_summary']} txt {tot['txt_summary']} same {tot['summary_same']}")
    if tot["ent_paras"]:
        print(f"entities (org, instrument, place): mean Jaccard {tot['ent_jaccard'] / tot['ent_paras']:.4f} over "
              f"{tot['ent_paras']} paragraphs; pooled {tot['ent_inter']}/{tot['ent_union']} "
              f"({tot['ent_inter'] / max(1, tot['ent_union']):.4f})")
    if not hide:
        print("most lost:", ", ".join(f"{k} {n}" for k, n in losses.most_common(8)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    agreement_args(ap)
    ap.add_argument("--entities", action="store_true", help="also compare entities (runs spaCy: slower)")
    args = ap.parse_args()
    build = Path(args.index) / "current"
    if not (build / "paracite.sqlite").exists():
        print(f"{args.index}: no library index here", file=sys.stderr)
        return 2
    cache = Path(args.cache) / args.extractor
    cache.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(build / "paracite.sqlite")
    files = {d["symbol"]: d["file"] for d in json.loads((build / "manifest.json").read_text())["documents"]}
    tot: Counter = Counter()
    losses: Counter = Counter()
    for sym, f in selected(files, args.half):
        t = cache / (Path(f).stem + ".txt")
        try:
            if not t.exists():
                extract(Path(f), t, args.extractor, args, cache)
            txt = text_carried(t, args.entities)
        except (ParaciteError, subprocess.CalledProcessError):
            txt = Carried()
        compare(sym, pdf_carried(con, sym, args.entities), txt, tot, losses, args.quiet)
    report(tot, losses, f"{args.extractor}, {args.half}", args.quiet and args.half == "aside")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
