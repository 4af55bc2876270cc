"""``paracite docs`` and ``paracite show SYMBOL``: the library view as text (issue #14).

Formatting only; the data comes from ``Searcher.documents`` and ``Searcher.document``.
"""

from __future__ import annotations

import argparse
import sys
import textwrap


def add_filter_options(p: argparse.ArgumentParser) -> None:
    """``--since``, ``--until`` and ``--body``, shared by search, ask, export and docs."""
    p.add_argument("--since", metavar="DATE", help="only documents issued on or after DATE "
                   "(YYYY, YYYY-MM or YYYY-MM-DD; also '12 March 2025')")
    p.add_argument("--until", metavar="DATE", help="only documents issued on or before DATE "
                   "(YYYY, YYYY-MM or YYYY-MM-DD; also 'March 2025')")
    p.add_argument("--body", action="append", default=[], metavar="NAME",
                   help="only documents of this organ, by name or acronym (e.g. ECOSOC; repeatable: any of them)")


def filter_notes(searcher, args, stream=None) -> None:
    """Say which documents the date filter left out for want of a date, and which organs are unknown
    (an unknown ``--doc`` is an error, ``NotFound``, raised by the search itself). Not the organs when
    the filters leave no document: the command's ``emptied_line`` then says it, with the nearest organ
    (a typo'd ``--body`` was said twice, once without the suggestion)."""
    stream = stream or sys.stdout
    selection = searcher.doc_selection(args.since, args.until, args.body)
    for note in selection.notes if selection else ():
        print(f"paracite: note: {note}", file=stream)
    if emptied_line(searcher, args):  # it names the organ typo ("did you mean ...?"), as ``docs`` leaves it to
        return
    from search.listing_filters import organ_meant

    for value in searcher.unknown_bodies(args.body):
        meant = organ_meant(searcher.documents(), value)
        print(f"paracite: no organ named {value!r} in this index; " +
              (f"did you mean {meant!r}?" if meant else "see `paracite docs`"), file=stream)


def emptied_line(searcher, args) -> str | None:
    """The line saying that the date and organ filters leave no document to search, which of them
    and what the index holds (``ListingFilters.empty_line``); ``None`` when they leave some. A search
    said "No paragraphs match the filters --since '2026'.", an answer "The indexed documents do not
    answer this question." and an export nothing at all, as though the documents had been read."""
    from search.listing_filters import ListingFilters

    listing = ListingFilters.from_options(args)
    if not listing.active or listing.documents(searcher):
        return None
    return listing.empty_line(searcher) or None


def plural(n: int, word: str) -> str:
    """"1 page", "6 pages": a library holds one-page briefs and one-chunk documents."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def print_documents(docs: list[dict], filtered: bool = False) -> None:
    """One block per document: symbol, date, kind, organs, session, agenda items, chunk count."""
    if not docs:  # an empty listing's line, which filter emptied it, is the caller's (ListingFilters.empty_line)
        if not filtered:
            print("No documents in this index.")
        return
    for d in docs:
        symbols = " = ".join(d["symbols"]) if len(d["symbols"]) > 1 else d["symbol"]
        print(f"{symbols}  {d['date'] or 'no date'}  ({plural(d['chunks'], 'chunk')}"
              + (f", {plural(d['pages'], 'page')})" if d["pages"] else ")"))
        if d["title"]:
            print(textwrap.fill(d["title"], width=100, initial_indent="    ", subsequent_indent="    "))
        for line in _facts(d):
            print("    " + line)
        print()


def print_short(docs: list[dict], filtered: bool = False, width: int = 120) -> None:
    """One line per document, so a library of hundreds fits a screen: symbol, date, chunks, kind, title."""
    if not docs:
        print_documents(docs, filtered)
        return
    wide = max(len(d["symbol"]) for d in docs)
    for d in docs:
        head = f"{d['symbol']:<{wide}}  {d['date'] or 'no date':<10}  {d['chunks']:>5} chunks  "
        rest = " · ".join(p for p in (d["doc_type"], " ".join((d["title"] or "").split())) if p)
        room = max(20, width - len(head))
        print((head + (rest if len(rest) <= room else rest[:room - 1].rstrip() + "…")).rstrip())  # a text: no kind, no title


def _facts(d: dict) -> list[str]:
    out = []
    if d["doc_type"]:
        out.append(f"kind: {d['doc_type']}")
    if d["bodies"]:
        out.append("organs: " + "; ".join(d["bodies"]))
    if d["session"]:
        out.append(f"session: {d['session']}")
    if d["agenda_items"]:
        out.append("agenda items: " + ", ".join(d["agenda_items"]))
    return out


def print_document(d: dict) -> None:
    """A document's metadata, then its table of contents with paragraph ranges."""
    print_documents([d])
    print("Contents:")
    shown: set[tuple] = set()
    for entry in d["contents"]:
        path = tuple(entry["section"])
        within = within_part(entry)
        for depth in range(len(path) - 1):  # headings whose text starts under a sub-heading
            if (within, path[:depth + 1]) not in shown:
                shown.add((within, path[:depth + 1]))
                print(f"  {'  ' * depth}{path[depth]}")
        shown.add((within, path))
        head = path[-1] if path else "(no section)"
        if entry["part"]:
            head = f"[{entry['part']}] {head}"
        print(f"  {'  ' * max(0, len(path) - 1)}{head}  ({span(entry['first'], entry['last'])})")


def within_part(entry: dict) -> str:
    """The part whose headings an entry stands under: a part that is one chunk (``chap. I,
    decision 56/101``, listed as ``decision 56/101``) under the part it is printed in (``chap. I``),
    so their headings are printed once."""
    part = entry["part"]
    head, _, last = part.rpartition(", ")
    return head if head and entry["first"] == entry["last"] == last else part


def span(first: str, last: str) -> str:
    """``para. 3`` … ``para. 9`` as ``paras. 3–9``; other pairs joined with an en dash."""
    if first == last:
        return first
    a, b = first.rsplit(" ", 1), last.rsplit(" ", 1)
    if len(a) == len(b) == 2 and a[0] == b[0] and a[0].endswith("para."):
        return f"{a[0][:-5]}paras. {a[1]}–{b[1]}"
    return f"{first} – {last}"
