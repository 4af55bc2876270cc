"""The ``paracite`` command: a thin layer over ``Searcher`` and ``build_index``.

Each command parses its flags, calls one API function and prints the result. Every
``ParaciteError`` becomes one line on stderr and its exit code (1 general, 2 usage,
3 index missing or mismatched, 4 not found).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import textwrap
from pathlib import Path

from ingest.export import KINDS as CHUNK_KINDS
from paracite.errors import ParaciteError, UsageError
from search.per_document import search_per_document
from search.cli_docs import add_filter_options, emptied_line, filter_notes, plural, print_document, print_documents, print_short
from search.arguments import valid_unicode, whole_number
from search.cli_help import describe
from search.cli_meant import command_meant, flag_meant
from search.listing_filters import ListingFilters
from search.part_names import NotOneChunk


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        commands = getattr(self, "commands", None)
        message += command_meant(message, commands) if commands else ""  # `paracite searhc`: did you mean ...
        print(f"paracite: error: {message} (see `{self.prog} --help`)", file=sys.stderr)
        raise SystemExit(2)


def _entity_options(p) -> None:
    """The entity and kind filters ``search`` and ``ask`` share."""
    p.add_argument("--org", action="append", default=[], metavar="NAME", help="only paragraphs naming this organization")
    p.add_argument("--place", action="append", default=[], metavar="NAME", help="only paragraphs naming this place")
    p.add_argument("--instrument", action="append", default=[], metavar="NAME",
                   help="only paragraphs citing this convention, protocol, resolution or document")
    p.add_argument("--kind", choices=CHUNK_KINDS,  # every kind an index holds, as the web page's and the API's
                   help="only chunks of this kind (e.g. a resolution's preamble, a note in small type)")


def _quote_option(p) -> None:
    p.add_argument("--quote", action="store_true",
                   help="print each paragraph as a quotation to paste into a note: “text” (A/69/207, para. 46)")


def _common(p: argparse.ArgumentParser, json_flag: bool = True) -> None:
    p.add_argument("--index", metavar="DIR", help="index folder (default: the bundled corpus's index)")
    if json_flag:
        p.add_argument("--json", action="store_true", help="print JSON instead of text")


def _ingest_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    p.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                   help="time limit to read and parse one file; a file over it is skipped (default 120)")
    p.add_argument("--milvus", metavar="URI", help="keep vectors, chunks and BM25 in Milvus: a Milvus Lite "
                   "path (x.db) or http://host:19530 (token from PARACITE_MILVUS_TOKEN)")
    p.add_argument("--ray", nargs="?", const="local", metavar="ADDRESS",
                   help="parse, tag and embed each new or changed file as a Ray task (a local Ray, or the cluster at ADDRESS)")
    _common(p, json_flag=False)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="paracite", description="Paragraph-cited search over UN reports.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("search", help="search paragraphs by meaning and keywords")
    p.add_argument("query", metavar="QUERY", help="what to look for, in your own words")
    # counts are checked by the Searcher, so `-k abc` and `-k 0` are told alike ("-k must be ...")
    p.add_argument("-k", default=10, metavar="N", help="number of hits (default 10)")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid", type=str.lower,
                   help="ranking: hybrid (default), dense (embeddings only) or bm25 (keywords only)")
    p.add_argument("--doc", action="append", metavar="SYMBOL", help="only this document (repeatable)")
    _entity_options(p)
    add_filter_options(p)
    p.add_argument("--sort", choices=["relevance", "date"], default="relevance",
                   help="order of the top hits: relevance (default) or date (newest first)")
    p.add_argument("--per-doc", metavar="N", help="at most N hits of each document: which reports speak of it, "
                   "and where each says it (e.g. --per-doc 1)")
    _quote_option(p)
    _common(p)

    p = sub.add_parser("ask", help="answer a question with sentences of the report, each cited")
    p.add_argument("question", metavar="QUESTION", help="a question, e.g. 'How many international migrants were there in 2013?'")
    p.add_argument("--doc", action="append", metavar="SYMBOL", help="answer only from this document (repeatable)")
    _entity_options(p)  # as /api/ask and the ask page take them
    add_filter_options(p)
    _common(p)

    p = sub.add_parser("docs", help="list the indexed documents with their date, organs, session and chunk counts")
    add_filter_options(p)
    p.add_argument("--short", action="store_true", help="one line per document: symbol, date, chunks, kind and title")
    _common(p)

    p = sub.add_parser("ingest", help="make an index hold exactly these report files or folders (.txt, .pdf): "
                                      "unchanged files come from its cache, documents of files not given are dropped")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files (.txt, .pdf, an export .jsonl) or folders of them")
    _ingest_options(p)

    p = sub.add_parser("add", help="add report files to an index, keeping what it holds (no need to name the rest)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files (.txt, .pdf, an export .jsonl) or folders of them")
    _ingest_options(p)

    p = sub.add_parser("remove", help="drop documents from an index, keeping the rest (add's counterpart)")
    p.add_argument("documents", nargs="+", metavar="DOCUMENT",
                   help="a document's symbol (any of a joint document's, any case) or its file's path or name")
    p.add_argument("--milvus", metavar="URI", help="the Milvus the index keeps its vectors in (default: the one its build names)")
    p.add_argument("--quiet", action="store_true", help="no progress bars")
    _common(p, json_flag=False)

    p = sub.add_parser("show", help="print one paragraph with its citation and section, or a document's contents")
    p.add_argument("symbol", metavar="SYMBOL", help="document symbol, e.g. A/69/207, or a whole citation as "
                   "paracite prints it: 'A/69/207, para. 46'")
    p.add_argument("number", nargs="?", metavar="NUMBER", help="paragraph number, 'summary' or 'table N' (none: the document's "
                                             "metadata and table of contents)")
    p.add_argument("--preamble", metavar="N", help="a resolution's preambular paragraph N (preambular para. N)")
    p.add_argument("--context", metavar="K", help="also print K paragraphs before and after, each cited")
    p.add_argument("--part", default="", help="the part a paragraph is numbered in, e.g. 'annex I' or 'draft resolution I'; "
                                             "alone, a part that is one chunk (a decision: 'decision 56/101')")
    p.add_argument("--page", metavar="N",
                   help="page, for documents whose paragraphs are cited by page (S/2025/41, p. 2, para. 3)")
    _quote_option(p)
    _common(p)

    p = sub.add_parser("entities", help="list organizations, instruments and places with the paragraphs citing them")
    p.add_argument("name", nargs="?", metavar="NAME", help="one entity by any of its names (e.g. UNHCR): print the paragraphs citing it")
    p.add_argument("--kind", choices=["organization", "instrument", "place", "date", "money", "percent", "count",
                                      "quantity"], help="only entities of this kind")
    _common(p)

    p = sub.add_parser("export", help="print every chunk as JSON Lines")
    p.add_argument("--doc", action="append", metavar="SYMBOL", help="only this document (repeatable)")
    add_filter_options(p)
    _common(p)
    p = sub.add_parser("eval", help="measure retrieval on judged queries: paracite beside BM25-only and dense-only")
    p.add_argument("queries", metavar="QUERIES.jsonl",
                   help='one query a line: {"id", "query", "relevant": [N, ...], "partial": [...], "kind"} or, '
                        'ranked over the whole index, {"query", "symbol", "para", "also": [...], "kind", "split"}')
    p.add_argument("--doc", metavar="SYMBOL", help="the document the queries are about (needed when the lines name none and the index holds several)")
    p.add_argument("--all-docs", action="store_true",
                   help="search the whole index, not just that document (other documents' hits count as misses)")
    p.add_argument("--split", choices=["dev", "heldout"], help="only the query lines with this split")
    _common(p)

    p = sub.add_parser("serve", help="serve the HTTP API and the web page (read-only) on this machine")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0 = every network)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    _common(p, json_flag=False)
    describe(parser, sub)  # each command's purpose and examples (search.cli_help)
    parser.commands = sub.choices  # each command's own parser: its usage errors point to its --help
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # said by the command's own parser, whose --help lists what it takes (`ask --sort`)
        command = parser.commands.get(args.command, parser)
        command.error(f"unrecognized arguments: {' '.join(extra)}{flag_meant(extra, command._option_string_actions)}")
    if not args.command:
        parser.print_help()
        return 2
    if getattr(args, "quote", False) and args.json:
        parser.commands[args.command].error("--quote and --json are two ways to print the paragraphs; give one")
    _valid_text_args(args)
    try:
        return COMMANDS[args.command](args)
    except ParaciteError as e:
        print(f"paracite: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("paracite: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as e:  # the machine's problem, not paracite's: disk full, permission denied
        where = f": {e.filename}" if e.filename else ""
        print(f"paracite: error: {e.strerror or e}{where}", file=sys.stderr)
        return 1
    finally:
        while _OPENED:  # release the index (and its reader's lock) as soon as the command ends
            _OPENED.pop().close()


_OPENED: list = []  # Searchers opened by the running command


# Options that name files keep undecodable bytes (surrogate escapes) so the file can be opened.
_PATH_ARGS = {"paths", "index", "path", "file", "queries", "output", "out"}


def _valid_text_args(args: argparse.Namespace) -> None:
    """Replace undecodable bytes in text arguments (queries, symbols) with U+FFFD.

    Python hands non-UTF-8 bytes in argv over as lone surrogates, which SQLite, the tokenizer
    and ``print`` all refuse; a query with a stray byte should still search the rest.
    """
    for name, value in vars(args).items():
        if name in _PATH_ARGS:
            continue
        if isinstance(value, str):
            setattr(args, name, valid_unicode(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, name, [valid_unicode(v) for v in value])


def _open(args):
    from search.searcher import Searcher

    s = Searcher.open(args.index)
    _OPENED.append(s)
    return s


def cmd_search(args) -> int:
    s = _open(args)
    options = dict(mode=args.mode, doc=args.doc, org=args.org, place=args.place, instrument=args.instrument,
                   kind=args.kind, since=args.since, until=args.until, body=args.body, sort=args.sort)
    hits = (search_per_document(s, args.query, args.per_doc, k=args.k, **options) if args.per_doc is not None
            else s.search(args.query, k=args.k, **options))
    filter_notes(s, args, sys.stderr if args.json else sys.stdout)
    _cut_note(args.query, "query", args.json)
    unknown = s.unknown_filters(args.org, args.place, args.instrument) if not hits else []
    for kind, value in unknown:  # not an error: the answer is "no paragraphs", and why (issue 4)
        print(f"paracite: no {kind} named {value!r} in this index; see `paracite entities --kind {kind}`",
              file=sys.stderr if args.json else sys.stdout)
    emptied = None if hits else emptied_line(s, args)
    _citation_note(s, args)
    if args.json:
        if emptied:
            print(f"paracite: note: {emptied}", file=sys.stderr)
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if emptied:  # the date and organ filters left no document: which, and what the index holds
        print(emptied)
        return 0
    if not hits:
        filters = [f"{n} {v!r}" for n, vs in (("--doc", args.doc or []), ("--org", args.org), ("--place", args.place),
                                              ("--instrument", args.instrument), ("--body", args.body),
                                              ("--kind", [args.kind] if args.kind else []),
                                              ("--since", [args.since] if args.since else []),
                                              ("--until", [args.until] if args.until else [])) for v in vs]
        print("No paragraphs match" + (f" the filters {', '.join(filters)}." if filters else "."))
        ands = len(args.org) + len(args.place) + len(args.instrument) + sum(map(bool, (
            args.doc, args.body, args.since or args.until, args.kind)))
        if ands > 1 and not unknown:  # each may match alone: say they narrow together
            print("A paragraph must match every filter at once; drop one to see what the others match.")
        return 0
    if hits[0].weak:  # the best of what the filters left may still score 2 or 3 (search.match_strength)
        print(_weak_note(args), file=sys.stderr if args.quote else sys.stdout)  # --quote: only quotations out
    several = len({h.symbol for h in hits}) > 1  # from a library: say which report each hit is from
    for h in hits:
        _print_quote(h) if args.quote else _print_hit(h, document=several)
    return 0


def _citation_note(s, args) -> None:
    """A query that is a citation of the index ("A/69/207, para. 46") is searched as words, which find other
    paragraphs: say how to print the one it cites (on stderr when stdout is JSON or quotations)."""
    from search.context import citation_typed

    hit = citation_typed(s, args.query)
    if hit is not None:
        print(f"paracite: note: that is a citation: `paracite show {shlex.quote(hit.citation)}` prints it; "
              "the paragraphs below match its words", file=sys.stderr if args.json or args.quote else sys.stdout)


def _print_quote(h) -> None:
    """A paragraph as a note quotes it: its text in quotation marks, then its citation in brackets."""
    print(f"“{' '.join(h.text.split())}” ({h.citation})\n")


def cmd_ask(args) -> int:
    s = _open(args)
    answer = s.ask(args.question, since=args.since, until=args.until, body=args.body, org=args.org, place=args.place,
                   instrument=args.instrument, kind=args.kind, **({"doc": args.doc} if args.doc else {}))
    filter_notes(s, args, sys.stderr if args.json else sys.stdout)
    _cut_note(args.question, "question", args.json)
    for kind, value in s.unknown_filters(args.org, args.place, args.instrument):  # as /api/ask's notes
        print(f"paracite: no {kind} named {value!r} in this index; see `paracite entities --kind {kind}`",
              file=sys.stderr if args.json else sys.stdout)
    emptied = None if answer.answered else emptied_line(s, args)
    if args.json:
        if emptied:
            print(f"paracite: note: {emptied}", file=sys.stderr)
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if emptied:  # not "the documents do not answer": the filters left none to read
        print(emptied)
        return 0
    print(textwrap.fill(answer.text, width=100))
    if not answer.answered and answer.closest:
        print("\nClosest paragraphs:\n")
        for h in answer.closest:
            _print_hit(h, score=False)
    return 0


def _cut_note(text: str, what: str, json_out: bool) -> None:
    from search.searcher import cut_note

    note = cut_note(text, what)
    if note:
        print(f"paracite: note: {note}", file=sys.stderr if json_out else sys.stdout)


def _weak_note(args) -> str:
    """What a search whose best hit is a weak match says first: the score alone would not."""
    narrowed = any((args.doc, args.org, args.place, args.instrument, args.body, args.since, args.until, args.kind))
    return ("Weak match: no paragraph searched is close to the query" +
            ("; the filters may have left only documents that do not treat it." if narrowed else
             " (none of the indexed documents seems to treat it).") + "\n")


def _print_hit(h, score: bool = True, document: bool = False, asked: bool = False, notes: bool = False) -> None:
    head = f"[{h.rank}] {h.citation}" if h.rank else h.citation
    if asked:  # ``show N --context K``: the paragraph asked for, among its neighbours
        head += "  <- asked for"
    if score:
        head += f"  (score {h.score:.3f}{', weak match' if h.weak else ''})"
    elif h.weak:  # an answer's closest paragraphs: no score, but a weak one says so
        head += "  (weak match)"
    print(head)
    if document and (h.title or h.date):
        print("    " + h.source_line())
    if h.section:
        print("    " + " > ".join(h.section))
    print(textwrap.fill(h.text, width=100, initial_indent="    ", subsequent_indent="    "))
    if h.also:
        print("    (same text: " + "; ".join(h.also) + ")")
    if notes and h.footnotes:  # ``show``: a paragraph's footnotes, as its web page lists them
        print("    Footnotes:")
        for f in h.footnotes:
            f = f"Footnote {f.strip()} (its text is not in the index)" if f.strip().isdigit() else f
            print(textwrap.fill(f, width=100, initial_indent="      ", subsequent_indent="        "))
    print()


def cmd_ingest(args, add: bool = False) -> int:
    """Exit 0 when every file is indexed, 1 when some were skipped; an error when none could be."""
    from index.build import ingest
    from search.paths import default_index

    if args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    folder = Path(args.index) if args.index else default_index()
    report = ingest(args.paths, folder, progress=not args.quiet, timeout=args.timeout, add=add,
                    milvus=args.milvus, ray=args.ray)
    return _print_report(report, folder)


def _print_report(report, folder: Path) -> int:
    """An ingest's skips and notes (stderr) and summary line; exit 1 when a file was skipped."""
    debug = os.environ.get("PARACITE_DEBUG")
    for skip in report.skipped:
        print(f"paracite: skipped {skip.line()}", file=sys.stderr)
        if debug and skip.trace:
            print(skip.trace, file=sys.stderr)
    for note in report.notes:
        print(f"paracite: note: {note}", file=sys.stderr)
    m = report.manifest
    print(f"Indexed {len(m.documents)} document(s), {m.chunks} chunks into {folder}: {report.summary()}")
    if len(m.documents) <= 20:
        print("  " + ", ".join(f"{d['symbol']} ({plural(d['chunks'], 'chunk')})" for d in m.documents))
    renamed = [f"{symbol} ({_moved(old, new)})" for symbol, old, new in report.renamed]
    fates = [f"{fate}: {_some(names)}" for fate, names in (("added", report.added_symbols),
             ("changed", report.changed_symbols), ("renamed", renamed), ("removed", report.removed_symbols)) if names]
    if fates and report.added < len(m.documents):  # which documents the counts are (above 20 none is listed)
        print("  " + "; ".join(fates))
    return 1 if report.skipped else 0


def _moved(old: str, new: str) -> str:
    """``a.pdf → b.pdf`` for a renamed file; whole paths for one moved to another folder."""
    return f"{Path(old).name} → {Path(new).name}" if Path(old).name != Path(new).name else f"{old} → {new}"


def _some(names: list[str], most: int = 10) -> str:
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def cmd_add(args) -> int:
    return cmd_ingest(args, add=True)


def cmd_remove(args) -> int:
    from index.build import remove
    from search.paths import default_index

    folder = Path(args.index) if args.index else default_index()
    report = remove(args.documents, folder, progress=not args.quiet, milvus=args.milvus)
    return _print_report(report, folder)


def _check_show(args) -> None:
    """Bad values ``show`` took as a search for what no document has ("no document  in this index",
    "no paragraph 46 on page 0"): they are usage errors, whatever the index holds."""
    if not args.symbol.strip():
        raise UsageError("the document symbol is empty; e.g. `paracite show A/69/207 46` (`paracite docs` lists them)")
    for name in ("page", "preamble"):
        if getattr(args, name) is not None:
            setattr(args, name, whole_number(getattr(args, name), f"--{name}", 1))


def cmd_show(args) -> int:
    _check_show(args)
    s = _open(args)
    if args.number is not None and args.preamble is not None:
        raise UsageError("show takes a paragraph number or --preamble N, not both")
    pasted = _pasted_citation(s, args)
    if pasted is None and args.number is None and args.preamble is None and args.part:
        try:  # a part that numbers nothing is one chunk: ``show E/2025/24 --part "decision 56/101"``
            s.get(args.symbol, None, part=args.part)
            args.number = "part"
        except NotOneChunk as e:
            raise UsageError(f"--part needs a paragraph number: `paracite show SYMBOL N --part ...` "
                             f"unless the part is one chunk ({e})") from None
    if pasted is None and args.number is None and args.preamble is None:  # the document: metadata and contents
        for flag, given in (("--context", args.context is not None), ("--page", args.page is not None)):
            if given:  # each picks or widens a paragraph: without one it was silently ignored
                raise UsageError(f"{flag} needs a paragraph number: `paracite show SYMBOL N {flag} ...`")
        d = s.document(args.symbol)
        print(json.dumps(d, ensure_ascii=False, indent=2)) if args.json else print_document(d)
        return 0
    if pasted is not None:
        asked = pasted
        hits = s.around(asked, args.context) if args.context is not None else [asked]
    else:
        number = f"preamble {args.preamble}" if args.preamble is not None else args.number
        if args.context is not None:  # its checks first: a bad K is said before a missing paragraph
            hits = s.context(args.symbol, number, args.context, part=args.part, page=args.page)
        asked = s.get(args.symbol, number, part=args.part, page=args.page)
        if args.context is None:
            hits = [asked]
    _print_shown(hits, asked, args)
    return 0


def _pasted_citation(s, args):
    """The chunk a whole citation names when one is given as SYMBOL (``show "A/69/207, para. 46"``, pasted
    from a search, an answer or a note), or None: a bare symbol, or a number or option given beside it.
    Whether SYMBOL is a citation is ``context.pasted_citation``'s rule, the search note's."""
    from search.context import pasted_citation

    if args.number is not None or args.preamble is not None or args.part or args.page is not None:
        return None
    if pasted_citation(s, args.symbol) is None:
        return None
    return s.cited(args.symbol)


def _print_shown(hits, asked, args) -> None:
    """``show``'s paragraphs, the one asked for marked among its neighbours, each with its footnotes."""
    around = args.context is not None
    if args.json:
        out = [h.to_dict() for h in hits]
        for h, d in zip(hits, out):  # among its neighbours, the paragraph asked for says so
            if around and _same_chunk(h, asked):
                d["asked"] = True
        print(json.dumps(out if around else out[0], ensure_ascii=False, indent=2))
    elif args.quote:
        for h in hits:
            _print_quote(h)
    else:
        for h in hits:
            _print_hit(h, score=False, asked=around and _same_chunk(h, asked), notes=True)


def _same_chunk(h, asked) -> bool:
    """The hit is the chunk asked for (its row; by citation when a hit carries none)."""
    if h.chunk_id is not None and asked.chunk_id is not None:
        return h.chunk_id == asked.chunk_id
    return (h.symbol, h.citation) == (asked.symbol, asked.citation)


def cmd_docs(args) -> int:
    s = _open(args)
    listing = ListingFilters.from_options(args)
    docs = listing.documents(s)
    stream = sys.stderr if args.json else sys.stdout
    if docs or not listing.active:
        filter_notes(s, args, stream)
    else:  # which filter emptied the list, and what the index holds (the organ's typo said there too)
        for note in listing.date_notes(s):
            print(f"paracite: note: {note}", file=stream)
        line = listing.empty_line(s)
        if line:
            print(("paracite: note: " if args.json else "") + line, file=stream)
    if args.json:
        print(json.dumps(docs, ensure_ascii=False, indent=2))
    else:
        (print_short if args.short else print_documents)(docs, listing.active)
    return 0


def cmd_eval(args) -> int:
    from search.evaluate import format_report

    s = _open(args)
    report = s.evaluate(args.queries, doc=args.doc, all_docs=args.all_docs, split=args.split)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def cmd_export(args) -> int:
    s = _open(args)
    filter_notes(s, args, sys.stderr)
    records = s.export(doc=args.doc, since=args.since, until=args.until, body=args.body)
    emptied = emptied_line(s, args)
    if emptied:  # an empty output said nothing of why
        print(f"paracite: note: {emptied}", file=sys.stderr)
    for record in records:
        print(json.dumps(record, ensure_ascii=False))
    return 0


def cmd_entities(args) -> int:
    s = _open(args)
    infos = s.entities(kind=args.kind, name=args.name)
    if args.json:
        print(json.dumps([e.to_dict() for e in infos], ensure_ascii=False, indent=2))
        return 0
    if not infos:
        what = f"named {args.name!r}" if args.name else "of this kind"
        print(f"No {args.kind or 'entity'} {what} in this index.")
        return 0
    if args.name is None:
        for e in infos:
            forms = [f for f in e.forms if f != e.name]
            # "; " between citations, as UN documents list them: each citation holds commas itself
            cites = "; ".join(e.citations[:5]) + (f"; ... ({e.paragraphs - 5} more)" if e.paragraphs > 5 else "")
            print(f"{e.name}  [{e.kind}, {e.paragraphs} paragraph{'s' if e.paragraphs != 1 else ''}]"
                  + (f"  also: {'; '.join(forms[:4])}" if forms else ""))
            print(f"    {cites}")
        return 0
    for e in infos:
        print(f"{e.name}  [{e.kind}]  cited in {e.paragraphs} paragraph{'s' if e.paragraphs != 1 else ''}")
    print()
    for h in s.citing(args.name, kind=args.kind):
        _print_hit(h, score=False)
    return 0


def cmd_serve(args) -> int:
    from search.web import serve

    serve(args.index, host=args.host, port=args.port)
    return 0


COMMANDS = {"search": cmd_search, "ask": cmd_ask, "ingest": cmd_ingest, "add": cmd_add, "remove": cmd_remove, "show": cmd_show, "export": cmd_export,
            "entities": cmd_entities, "eval": cmd_eval, "docs": cmd_docs, "serve": cmd_serve}


def run() -> None:
    """Console-script entry point: ``main`` plus a last-resort handler for paracite's own bugs.

    Tests call ``main`` and so still see a bug's traceback; a user sees one line, and the
    traceback with ``PARACITE_DEBUG=1``.
    """
    try:
        code = main()
    except Exception as e:  # a bug: ParaciteError and OS errors are handled in main
        if os.environ.get("PARACITE_DEBUG"):
            raise
        print(f"paracite: internal error: {type(e).__name__}: {e} (this is a bug; please report it with "
              "the command you ran; PARACITE_DEBUG=1 shows the traceback)", file=sys.stderr)
        code = 70
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `paracite export | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(code)


if __name__ == "__main__":
    run()
