"""Split a UN report's text into its summary, numbered paragraphs, tables and section headings.

A number starts a paragraph only where it continues the document's sequence (``19.`` after 18),
so a lone ``1.`` or ``2.`` labelling a sub-section is read as a heading. Lines between the end of
one paragraph and the start of the next are headings or table text; a paragraph whose text does
not end a sentence runs on across page breaks and footnote blocks.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field, replace

from .clean import Vocabulary, clean_text
from .footnote_refs import MarkRules
from .furniture import PAGE_BREAK, detect_symbol, page_lines, strip_furniture
from .glued_numbers import unglue_number
from .late_numbers import restore_late_numbers, runs_on
from .late_letters import restore_late_letters
from .late_first_lines import restore_late_first_lines
from .box_gaps import close_box_gaps
from .front_zone import header_lines
from .page_marks import mark_pages
from .edge_marks import blank_edge_marks
from .columns import unfold_columns
from ..models import Chunk, Document
from .blocks import _Block
from .resolution_blocks import resolution_blocks
from .resolution import printed_symbol
from .fragments import tidy_unnumbered
from .part_heads import LEADERS_RE
from .footnote_feet import unmarked_footnotes
from .front_section import first_chapter_run
from .part_titles import part_titles
from .note_ends import ends_at_note
from .label_titles import chapter_label, title_below, title_measure, under_label
from .contents_numbers import listed_numbers
from .unnumbered_breaks import bridges_blank, opens_paragraph, split_unnumbered, unfolded_paragraphs
from .heading_lines import (chapter_heading, counted_sibling, fills_measure, heading_text, open_quote, opens_heading,
                            prose_sibling, without_glued_mark, without_part_label)
from .page_runs import PageRuns, letter_text, number_by_page, unfold_headings
from .restarts import Restarts
from .sections import TOP_HEADING_RE as _TOP_HEADING_RE, unlabelled_level

_PARA_RE = re.compile(r"^\s*(\d{1,3})\.(?:\s+|\t|$)(.*)$")
_ROMAN_RE = re.compile(r"^\s*([IVXL]{1,6})\.\s*(.*)$")
_LETTER_RE = re.compile(r"^\s*([A-Z])\.\s*(.*)$")
_TABLE_RE = re.compile(r"^\s*Table\s+(\d{1,2})\b\.?\s*(.*)$")
_ANNEX_RE = re.compile(r"^\s*(Annex(?:es)?(?:\s+[IVX]+)?)\s*$", re.I)
# Before any numbered paragraph, the part of a letter that numbers them: "Annex", "Annex I",
# "Enclosure" alone on a line, or "Annex to the note verbale dated ..." (a report's contents list
# writes its annexes with titles and page numbers, not alone).
_LETTER_ANNEX_RE = re.compile(r"^\s*((?:Annex|Enclosure)(?:\s+[IVX]+)?)(?:\s*|\s+to\s+the\s+(?:letter|note|"
                              r"identical\s+letters|communication)\b.*)$", re.I)
_SUMMARY_RE = re.compile(r"^\s*Summary\s*$")
_LETTER_TITLE_RE = re.compile(r"^(?:Identical )?[Ll]etters? dated\b|^Note verbale dated\b")
_LINK_RE = re.compile(r"^(?:\d{1,2}\.\s+)?(?:https?://|www\.)\S")
_TERMINAL = (".", ":", ";", "?", "!", ".”", ".\"", "”", ")")


def parse_text(text: str, source: str = "", symbol: str | None = None, title: str = "") -> Document:
    """Parse a report's extracted text into a ``Document`` of cited chunks."""
    symbol = symbol or detect_symbol(text) or _symbol_from_name(source)
    raw_lines = [unglue_number(l) for l in blank_edge_marks(page_lines(mark_pages(unfold_columns(
        text.replace("\r\n", "\n").replace("\r", "\n")), symbol)), symbol)]
    raw_lines = close_box_gaps(restore_late_letters(restore_late_first_lines(restore_late_numbers(raw_lines))))
    raw_lines, feet = unmarked_footnotes(raw_lines, symbol)  # footnotes no ``______`` rule marks
    page = strip_furniture(raw_lines, symbol)
    lines = page.lines
    vocab = Vocabulary.from_text("\n".join(l for _, l in lines))

    blocks = _segment(lines, [k for k, raw in enumerate(raw_lines) if raw == PAGE_BREAK])
    signatory = ""
    listed = listed_numbers(lines)  # a compilation's section labels, listed in its contents: no paragraphs
    if all(b.first_line in listed for b in blocks if b.kind == "paragraph" and b.page is None):
        blocks = [_Block("summary")] + _page_paragraphs(lines, raw_lines, symbol)
        rest, signatory = tidy_unnumbered(blocks[1:])
        blocks[1:] = rest
    resolution = resolution_blocks(blocks)
    if resolution:
        blocks = resolution[0]
        symbol = printed_symbol(symbol, _after_symbol(text, symbol))
    chunks = _to_chunks(blocks, symbol, vocab, {**feet, **page.footnotes}, title, MarkRules(decimals=True))
    checksum = hashlib.sha256(text.encode("utf-8")).hexdigest()
    adopted = resolution[1] if resolution else None
    return Document(symbol=symbol, title=title, source=source, chunks=tuple(chunks), checksum=checksum,
                    adopted=adopted.date if adopted else "", meeting=adopted.meeting if adopted else "",
                    signatory=signatory)


def _after_symbol(text: str, symbol: str) -> str:
    """What follows the symbol on the first line that prints it (``(2025)`` after ``S/RES/2776``)."""
    for line in text.splitlines()[:40]:
        at = line.find(symbol)
        if at >= 0:
            return line[at + len(symbol):]
    return ""


def _page_paragraphs(lines: list[tuple[int, str]], raw_lines: list[str], symbol: str) -> list[_Block]:
    """A text with no numbered paragraphs, split at blank lines and first-line indents.

    Each paragraph is numbered by its place on the page it starts on (pages are separated by
    form feeds; a text without them is one page), and short lines that are not sentences are
    headings. Citations then read ``S/2025/41, p. 2, para. 3``.
    """
    page_at: list[int] = []
    page = 1
    for raw in raw_lines:
        if raw == PAGE_BREAK:
            page += 1
        page_at.append(page)
    # A blank line parts paragraphs, but not the blank lines around a page break: a paragraph
    # runs on across pages, as in the printed copy.
    breaks = [k for k, raw in enumerate(raw_lines) if raw == PAGE_BREAK]
    solid = [ln for ln, raw in lines if raw.strip()]
    near_break: set[int] = set()
    for k, (ln, raw) in enumerate(lines):
        if raw.strip():
            continue
        j = bisect.bisect_left(solid, ln)
        before = solid[j - 1] if j else -1
        after = solid[j] if j < len(solid) else len(raw_lines)
        b = bisect.bisect_right(breaks, before)
        if b < len(breaks) and breaks[b] < after:
            near_break.add(k)
    groups: list[list[tuple[int, str]]] = [[]]
    solid_at = [k for k, (_, raw) in enumerate(lines) if raw.strip() and raw != PAGE_BREAK]
    for k, (ln, raw) in enumerate(lines):
        s = raw.strip()
        if not s:
            if raw != PAGE_BREAK and k not in near_break and groups[-1] and not bridges_blank(groups[-1][-1][1]):
                groups.append([])
            continue
        cur = groups[-1]
        j = bisect.bisect_right(solid_at, k)
        if cur and opens_paragraph(lines[solid_at[j - 2]][1] if j > 1 else "", raw,
                                   lines[solid_at[j]][1] if j < len(solid_at) else ""):  # indents, dashes
            groups.append([])
        groups[-1].append((ln, s))
    width = PageRuns(lines, breaks).width
    groups = split_unnumbered(groups, width)
    blocks: list[_Block] = []
    per_page: dict[int, int] = {}
    header = header_lines(raw_lines)  # page 1's masthead and session block: no headings
    in_title = False  # a letter's title over its text, in pieces: no heading either
    blocks_title: list[str] = []
    for g in groups:
        if not g:
            continue
        texts = [" ".join(t.split()) for _, t in g]
        first_page = page_at[g[0][0]] if g[0][0] < len(page_at) else page
        if not _ends(texts) and len(texts) <= 3 and not _LINK_RE.match(texts[0]):  # a link is text, never a heading
            in_title = not per_page and (bool(_LETTER_TITLE_RE.match(texts[0]))
                                         or (in_title and runs_on(blocks_title[-1], texts[0])))
            blocks_title = texts if in_title else blocks_title
            if not any(symbol and symbol in t for t in texts) and g[-1][0] >= header and not in_title:  # not the masthead
                blocks.append(_Block("heading", lines=texts, first_line=g[0][0]))
            continue
        per_page[first_page] = per_page.get(first_page, 0) + 1
        blocks.append(_Block("paragraph", number=per_page[first_page], lines=texts, first_line=g[0][0],
                             last_line=g[-1][0], page=first_page))
    return blocks


def _symbol_from_name(source: str) -> str:
    name = re.sub(r"\.(en|txt|pdf)$", "", source.rsplit("/", 1)[-1], flags=re.I)
    name = re.sub(r"\.(en|txt|pdf)$", "", name, flags=re.I)
    return name.replace("_", "/").replace("-", "/")


def _in_contents(lines: list[tuple[int, str]], i: int) -> bool:
    """True for a contents entry: the line or one of the two text lines after it has dot leaders, or (an
    extractor that writes a contents row's label after it: ``Title . . . .`` / ``9`` / ``Annex``)
    the line above is a bare page number under a line with leaders."""
    ahead = [raw for _, raw in lines[i:i + 8] if raw.strip()][:3]  # pdfminer sets a blank line between
    if any(LEADERS_RE.search(raw) for raw in ahead):
        return True
    above = [raw.strip() for _, raw in lines[max(0, i - 8):i] if raw.strip()][-2:]
    return len(above) == 2 and above[1].isdigit() and bool(LEADERS_RE.search(above[0]))


def _part_label(heading: str) -> str:
    """"annex II", "annex", "enclosure": as the PDF reader labels parts (the numeral as printed)."""
    word, _, numeral = heading.strip().partition(" ")
    word = "annex" if word.lower() in ("annex", "annexes") else word.lower()
    return f"{word} {numeral.strip().upper()}" if numeral.strip() else word


def _segment(lines: list[tuple[int, str]], breaks: list[int] | None = None) -> list[_Block]:
    """Walk the lines once, opening a block at each paragraph start, heading or table
    (``breaks``: the raw line numbers of page breaks, for a part label that comes again)."""
    blocks: list[_Block] = []
    expected = 1
    part = ""
    cur: _Block | None = None
    pre: _Block = _Block("front")
    blocks.append(pre)
    parts = Restarts(lines, _number_at(lines), breaks or [])
    runs = PageRuns(lines, breaks or [])
    i = 0
    n = len(lines)
    while i < n:
        ln, raw = lines[i]
        s = raw.strip()
        if not s:
            i += 1
            continue
        back = parts.leaves(i, expected)
        if back:
            part, expected, cur = back[0].part, back[0].expected, None
            blocks.extend(back[1])
        had = len(blocks)
        if parts.plain_step(i, part, expected, blocks, runs):  # a draft that numbers nothing
            cur = None
            i += 1
            continue
        if len(blocks) > had:
            cur = blocks[-1]  # what follows it is no more of the paragraph before it
        m = _PARA_RE.match(s) or _unstopped(lines, i, s, expected)
        printed = None
        if m and expected > 1 and int(m.group(1)) != expected and _misprinted(lines, i, expected):
            printed = int(m.group(1))
        number = expected if m and (int(m.group(1)) == expected or printed) else (
            _skipped(lines, i, expected, int(m.group(1))) if m and not printed else 0) or (
            int(m.group(1)) if m and parts.printed_before(i, expected, int(m.group(1)), blocks) else 0)
        if number and _starts_paragraph(m.group(2), lines, i) and not parts.list_item(i, number, blocks):
            if expected == 1 and not part:
                blocks.extend(_front_heading(pre, ln))
            body = m.group(2).strip()
            blocks.extend(parts.front_blocks())
            cur = _Block("paragraph", number=number, part=part, first_line=ln, last_line=ln, printed=printed)
            if body:
                cur.lines.append(body)
            blocks.append(cur)
            expected = number + 1
            i += 1
            continue
        am = (_ANNEX_RE.match(s) if expected > 1 else None) or (_LETTER_ANNEX_RE.match(s) if (
            expected == 1 or parts.first_number(i) == 1) and not _in_contents(lines, i) else None)
        opened = parts.unique(parts.in_volume(_part_label(am.group(1))), i) if am else (
            parts.opens(i) or parts.draft(i, part, expected))
        if opened:
            part, expected = opened, 1
            cur = _Block("heading", lines=[s], part=part, first_line=ln)
            blocks.append(cur)
            i += 1
            continue
        if parts.keep_front(s):
            i += 1
            continue
        tm = _TABLE_RE.match(s)
        if tm and (cur is None or cur.kind != "table" or int(tm.group(1)) != cur.number):
            cur = _Block("table", number=int(tm.group(1)), part=part, first_line=ln)
            if tm.group(2):
                cur.lines.append(tm.group(2))
            blocks.append(cur)
            i += 1
            continue
        if cur is not None and cur.kind == "table":
            if _ROMAN_RE.match(s) and len(s) < 120 and _is_heading_line(s):
                cur = _Block("heading", lines=[s], part=part, first_line=ln)
                blocks.append(cur)
            else:
                cur.lines.append(s)
            i += 1
            continue
        cur = _place(i, lines, cur, pre, blocks, part, expected, runs)
        i += 1
    parts.finish(blocks, runs)
    blocks[1:1] = letter_text(runs, pre, blocks)
    blocks = unfold_headings(blocks, runs, unfolded_paragraphs)
    number_by_page(blocks)
    return blocks


def _place(i: int, lines: list[tuple[int, str]], cur: _Block | None, pre: _Block, blocks: list[_Block],
           part: str, expected: int, runs: PageRuns) -> _Block | None:
    """Put line i, which opens no numbered paragraph, part or table: more of the open paragraph,
    the front matter, unnumbered prose cited by page (``page_runs``) or a heading. Returns the
    block now open."""
    ln, raw = lines[i]
    s = raw.strip()
    if cur is not None and cur.kind == "paragraph" and (
            not runs.ends(cur.lines[-1], i) if cur.page is not None else _continues(cur, s, _ahead(lines, i + 1, expected))):
        cur.lines.append(s)
        cur.last_line = ln
        return cur
    if cur is None:
        pre.lines.append(s)
        runs.front_at.append(i)
        return None
    if part and expected == 1 and runs.starts(i):
        blocks.append(runs.block(i, part))
        return blocks[-1]
    if cur.kind != "heading":
        cur = _Block("heading", part=part, first_line=ln)
        blocks.append(cur)
    cur.lines.append(s)
    return cur




def _number_at(lines: list[tuple[int, str]]):
    """A function giving the number of a paragraph-like start at line i (0 if none)."""
    def number_at(i: int) -> int:
        m = _PARA_RE.match(lines[i][1].strip())
        return int(m.group(1)) if m and _starts_paragraph(m.group(2), lines, i) else 0
    return number_at


def _front_heading(pre: _Block, ln: int) -> list[_Block]:
    """An unnumbered heading just above paragraph 1 (``Introduction``) heads it (issue 15).

    It is a heading when it is one of the usual top-level ones, or a short line after prose
    that ended a sentence (the summary); it leaves the front matter."""
    if not pre.lines:
        return []
    if k := first_chapter_run(pre.lines):  # ``I. Introduction`` (and a sub-heading) over paragraph 1
        taken = pre.lines[-k:]
        del pre.lines[-k:]
        return [_Block("heading", lines=taken, first_line=ln)]
    s = pre.lines[-1]
    before = pre.lines[-2] if len(pre.lines) > 1 else ""
    if not (_is_heading_line(s) and len(s) < 60 and not _is_label(s) and s[:1].isupper()):
        return []
    if not (_TOP_HEADING_RE.match(s.strip()) or (before.rstrip().endswith((".", ".”")) and len(before) > 60)):
        return []
    pre.lines.pop()
    return [_Block("heading", lines=[s], first_line=ln)]


_UNSTOPPED_RE = re.compile(r"^\s*(\d{1,3})\s+([A-Z“(].*)$")


def _unstopped(lines: list[tuple[int, str]], i: int, s: str, expected: int) -> re.Match | None:
    """The expected number printed without its full stop ("44 With that adjustment ..." between 43.
    and 45.): a paragraph where the previous line ends a sentence and the sequence goes on after it."""
    m = _UNSTOPPED_RE.match(s)
    if not m or expected < 2 or int(m.group(1)) != expected:
        return None
    before = next((raw.strip() for _, raw in reversed(lines[:i]) if raw.strip()), "")
    return m if re.search(r"[.:;!?][”’\")]*$", before) and _misprinted(lines, i, expected) else None


def _misprinted(lines: list[tuple[int, str]], i: int, expected: int, horizon: int = 600) -> bool:
    """A number that breaks the sequence where the sequence resumes right after it (issue 15)."""
    for _, raw in lines[i + 1: i + horizon]:
        m = _PARA_RE.match(raw.strip())
        if m and int(m.group(1)) == expected:
            return False
        if m and int(m.group(1)) == expected + 1:
            return True
    return False


def _skipped(lines: list[tuple[int, str]], i: int, expected: int, n: int, horizon: int = 600) -> int:
    """``n`` where the print skips a number (43, then 45: para. 45 as printed), as for PDFs
    (``ingest.pdf.line_kinds``): ``n`` is at most two ahead, ``expected`` is not printed as a
    paragraph start further on, and ``n + 1`` is. 0 otherwise."""
    if not (1 < expected < n <= expected + 2):
        return 0
    goes_on = False
    for j, (_, raw) in enumerate(lines[i + 1: i + horizon], start=i + 1):
        m = _PARA_RE.match(raw.strip())
        if m and int(m.group(1)) == expected and _starts_paragraph(m.group(2), lines, j):  # ``3.`` alone, text below
            return 0
        goes_on = goes_on or bool(m and int(m.group(1)) == n + 1)
    return n if goes_on else 0


def _ahead(lines: list[tuple[int, str]], i: int, expected: int, limit: int = 60) -> list[str]:
    """The non-blank lines after ``i`` up to the next paragraph start."""
    out = []
    for _, raw in lines[i: i + limit]:
        t = raw.strip()
        if not t:
            continue
        m = _PARA_RE.match(t)
        if m and int(m.group(1)) == expected:
            break
        out.append(t)
    return out


def _starts_paragraph(rest: str, lines: list[tuple[int, str]], i: int) -> bool:
    """A numbered line starts a paragraph if prose follows (on it or on the next line)."""
    rest = rest.strip()
    if not rest:
        for _, nxt in [l for l in lines[i + 1: i + 12] if l[1].strip()][:3]:
            t = nxt.strip()
            if t:
                return not _is_label(t) and (t[:1].isupper() or t[:1] in "“\"‘([" or t[:1].isdigit())
        return False
    return rest[:1].isupper() or rest[:1] in "“\"‘([" or rest[:1].isdigit()


def _is_label(s: str) -> bool:
    return bool(re.match(r"^([IVXL]{1,6}|[A-Z]|\d{1,2})\.$", s))


def _ends(lines: list[str]) -> bool:
    """Does the block end a sentence? A line that is all a bracketed placeholder (``[To be completed]``) does."""
    return bool(lines) and (lines[-1].rstrip().endswith(_TERMINAL) or bool(re.fullmatch(r"\[[^\[\]]+\]", lines[-1].strip())))


def _is_heading_line(s: str) -> bool:
    return len(s) < 130 and not s.rstrip().endswith((".", ";", ","))


def _continues(cur: _Block, s: str, ahead: list[str]) -> bool:
    """Is line ``s`` more of the open paragraph, rather than a heading after it?

    After a sentence end a line may still be the paragraph (a page broke between sentences):
    it is, when prose ending a sentence follows before the next paragraph or heading label.
    """
    if _is_label(s) or chapter_heading(s) or (chapter_label(s) and not s.endswith((".", ";", ","))):
        return False
    if not _ends(cur.lines) and not (cur.lines and ends_at_note(cur.lines[-1])):
        return True
    if re.match(r"^[IVXL]{1,6}\.\s+[A-Z“]", s):
        return False
    if s[:1].islower():
        return True
    for t in [s, *ahead]:
        if _is_label(t) or _TABLE_RE.match(t) or re.match(r"^[IVXL]{1,6}\.\s+[A-Z“]", t):
            return False
        if t.rstrip().endswith((".", ";", ".”", ".\"", ":")) or ends_at_note(t):
            return True
    return False


def _clean(block: _Block, vocab: Vocabulary, next_ref: int, rules: MarkRules = MarkRules()) -> tuple[str, list, int]:
    """A block's clean text and footnote refs: from the layout when it has them, else found in the text."""
    if block.refs is not None:
        text, _, _ = clean_text(block.lines, vocab, 10**6)
        return text, list(block.refs), next_ref
    return clean_text(block.lines, vocab, next_ref, rules)


def _to_chunks(blocks: list[_Block], symbol: str, vocab: Vocabulary, notes: dict[str, str], title: str,
               rules: MarkRules = MarkRules()) -> list[Chunk]:
    """Cited chunks from the blocks; ``blocks[0]`` is the front matter holding the summary (``rules``:
    see ``footnote_refs.MarkRules``)."""
    chunks: list[Chunk] = []
    next_ref = 1
    path: list[tuple[int, str]] = []  # (level, heading)
    part = ""
    last_letter = ""
    prose = False  # a paragraph since the last heading
    cleaned: dict[str, str] = {}
    front = blocks[0]
    summary_lines = front.lines if front.kind == "summary" else _summary_lines(front.lines)
    if summary_lines:
        text, refs, next_ref = _clean(replace(front, lines=summary_lines), vocab, next_ref, rules)
        if text:
            chunks.append(Chunk(symbol=symbol, kind="summary", number=0, text=text, title=title,
                                footnotes=_footnotes(refs, notes)))
    for block in blocks[1:]:
        opening = block.part != part and not block.heads
        if opening:  # a draft that numbers nothing stands under the report's path
            part = block.part
            path = []
        if block.kind == "heading" and block.section is not None:
            continue  # the layout parser gave each block its section path
        titles = part_titles(heading_text(block.lines)) if opening and block.kind == "heading" else None
        if titles is not None:  # an annex's or enclosure's titles, without its label and letter
            path, prose, last_letter = [], False, ""
            for k, title in enumerate(titles):
                title, _, next_ref = clean_text([title], vocab, next_ref)
                path.append((k + 2, title))
            continue
        if block.kind == "heading":
            after_prose, prose = prose, False
            for level, heading in _headings(heading_text(block.lines), last_letter):
                if level == 2:
                    last_letter = heading[:1]
                elif level == 1:
                    last_letter = ""
                heading, _, next_ref = clean_text([heading], vocab, next_ref, rules)
                heading = without_glued_mark(heading)
                if level == 0:
                    nested = (path[-1][0] + 1) if path else 1
                    level = counted_sibling(path, heading) or (after_prose and not _TOP_HEADING_RE.match(
                        heading) and prose_sibling(path, heading)) or (
                        nested if under_label(path) else unlabelled_level(
                            heading, path[-1][0] if path and path[-1][0] >= 4 else nested))
                path = [p for p in path if p[0] < level] + [(level, heading)]
                after_prose = False
            continue
        prose = prose or block.kind == "paragraph"
        if block.section is not None:
            sect = tuple(_clean_heading(h, vocab, cleaned) for h in block.section)
        else:
            sect = tuple(without_part_label(h, block.part) for _, h in path if not _ANNEX_RE.match(h))
        sect += tuple(_clean_heading(h, vocab, cleaned) for h in block.heads)
        if block.kind in ("paragraph", "preamble", "part"):
            text, refs, next_ref = _clean(block, vocab, next_ref, rules)
            kind = "note" if block.small and block.page is not None else block.kind  # small type cited apart
            chunks.append(Chunk(symbol=symbol, kind=kind, number=block.number, text=text,
                                section=sect, footnotes=_footnotes(refs, notes), part=block.part,
                                span=(block.first_line, block.last_line), title=title, page=block.page,
                                printed=block.printed))
        elif block.kind == "table":
            text, _, _ = clean_text(block.lines, vocab, 10**6)
            chunks.append(Chunk(symbol=symbol, kind="table", number=block.number,
                                text=f"Table {block.number}. {text}".strip(), section=sect,
                                part=block.part, title=title))
    return chunks


def _clean_heading(heading: str, vocab: Vocabulary, cache: dict[str, str]) -> str:
    if heading not in cache:
        cache[heading] = clean_text([heading], vocab, 10**6)[0]
    return cache[heading]


def _summary_lines(front: list[str]) -> list[str]:
    """The summary: prose after a ``Summary`` heading, or prose before paragraph 1."""
    for k, s in enumerate(front):
        if _SUMMARY_RE.match(s):
            out = []
            for t in front[k + 1:]:
                if out and _ends(out) and _is_heading_line(t) and len(t) < 60:
                    break
                out.append(t)
            return out
    prose: list[str] = []
    for s in (" ".join(t.split()) for t in front):  # pdftotext -layout's masthead columns are no long line
        if prose or len(s) > 60 or not _is_heading_line(s):
            prose.append(s)
    while prose and _is_heading_line(prose[-1]) and len(prose[-1]) < 60:
        prose.pop()
    return prose if sum(len(p) for p in prose) > 150 else []


def _headings(lines: list[str], last_letter: str = "") -> list[tuple[int, str]]:
    """Read a run of heading lines into (level, heading) pairs; level 0 = unlabelled.

    Labels may stand alone with their title before or after them (``Panel discussion`` / ``A.``).
    """
    items: list[list] = []  # [level, label, title_parts]
    pending: list[list[str]] = []  # unlabelled headings' lines, one list per heading
    for k, s in enumerate(lines):
        if _ANNEX_RE.match(s):
            items.append([1, "", [s]])
            continue
        rm = re.match(r"^([IVXL]{1,6})\.\s*(.*)$", s)
        lm = re.match(r"^([A-Z])\.\s*(.*)$", s)
        nm = re.match(r"^(\d{1,2})\.\s*(.*)$", s)
        if rm and len(rm.group(1)) == 1 and last_letter and ord(rm.group(1)) == ord(last_letter) + 1:
            rm = None
        if cm := chapter_label(s):  # ``Chapter II``, its title on the line or under it
            items.append([1, cm[0], [cm[1]] if cm[1] else []])
        elif rm and (rm.group(2) == "" or rm.group(2)[:1].isupper() or rm.group(2)[:1] in "“\""):
            items.append([1, rm.group(1) + ".", [rm.group(2)] if rm.group(2) else []])
        elif lm and (lm.group(2) == "" or lm.group(2)[:1].isupper()):
            items.append([2, lm.group(1) + ".", [lm.group(2)] if lm.group(2) else []])
        elif nm and (nm.group(2) == "" or nm.group(2)[:1].isupper()):
            items.append([3, nm.group(1) + ".", [nm.group(2)] if nm.group(2) else []])
        else:
            if items and not pending and (not items[-1][2] or _title_continues(items[-1][2][-1], s)
                                          or open_quote(items[-1][2]) or (items[-1][1] and fills_measure(
                                              items[-1][2][-1], s, title_measure(items[-1][1])))):
                items[-1][2].append(s)
            elif pending and not _title_continues(pending[-1][-1], s) and opens_heading(
                    pending[-1], s, k + 1 < len(lines)):
                pending.append([s])  # an unlabelled heading's own sub-heading
            elif pending:
                pending[-1].append(s)
            else:
                pending.append([s])
            continue
        if not items[-1][2] and pending and not title_below(lines, k):
            items[-1][2] = [t for group in pending for t in group]
            pending = []
        elif pending:
            items[len(items) - 1:len(items) - 1] = [[0, "", group] for group in pending]
            pending = []
    items.extend([0, "", group] for group in pending)
    out = []
    for level, label, parts in items:
        title = " ".join(parts).strip()
        out.append((level, f"{label} {title}".strip()))
    return out


def _title_continues(prev: str, s: str) -> bool:
    return prev.rstrip().endswith((",", ":", "-", "and", "of", "the", "(New York")) or s[:1].islower() or prev.count("(") > prev.count(")")


def _footnotes(refs: list[int], notes: dict[str, str]) -> tuple[str, ...]:
    """Each ref as ``"9"``, or ``"10 Ibid."`` when the footnote's text survived extraction."""
    out = []
    for r in refs:
        text = notes.get(str(r), "")
        out.append(f"{r} {text}".strip())
    return tuple(out)
