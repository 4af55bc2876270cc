"""How many content words a blind query shares with the paragraph it labels (round 25 on).

Round 24's queries repeated their paragraph's words, so plain BM25 scored as well as paracite and the set
measured nothing. From round 25 the paraphrase, fact and negation queries may share at most two content
words with their labelled paragraph, keyword queries must hold at least one word the paragraph lacks, and
the "own words" fact questions at most three with their answer's sentence (names aside). This module is
the check, kept plain (no model) so the test can run it on the data files alone.

Usage: python bench/blind_overlap.py bench/data/library_queries_round25.jsonl --index /work/libindex_r28
(prints, per query, the shared words read from the index's stored paragraph text, read-only).
"""
from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"[\w’'-]+")


def lemma(word: str) -> str:
    """A crude lemma: lower case, no possessive, a plural folded, then an -ing/-ed ending (errs towards merging)."""
    w = re.sub(r"'s?$", "", word.lower().replace("’", "'")).strip("'-")
    for suffixes in ((("ies", "y"), ("sses", "ss"), ("s", "")), (("ing", ""), ("ed", ""))):
        for suffix, repl in suffixes:
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith("ss")):
                w = w[: len(w) - len(suffix)] + repl
                break
    return w


def content_words(text: str) -> set[str]:
    """The lemmas of a text's words that are not stop words (numbers count: a shared figure is a cue)."""
    words = (w for w in WORD.findall(text) if w.lower().strip("'’-") not in STOP_WORDS)
    return {lemma(w) for w in words if lemma(w)}


def shared_words(query: str, paragraph: str) -> set[str]:
    """The content lemmas a query has in common with a paragraph."""
    return content_words(query) & content_words(paragraph)


def _paragraph(db: sqlite3.Connection, citation: str) -> str:
    row = db.execute("select text || ' ' || footnotes from chunks where citation = ?", (citation,)).fetchone()
    return row[0] if row else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("queries", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args(argv)
    store = args.index / "current" / "paracite.sqlite"
    if not store.exists() or not args.queries.exists():
        print(f"error: no {store if not store.exists() else args.queries}", file=sys.stderr)
        return 2
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    for line in args.queries.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = _paragraph(db, row["citation"])
        shared = sorted(shared_words(row["query"], text))
        print(f"{row['id']}\t{row['kind']}\t{len(shared)}\t{', '.join(shared)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
