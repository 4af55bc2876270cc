"""No fragment chunks (issue 20): what a paragraph cited by page may be, and what it may not.

The rule: **a chunk has a sentence, or is a table or a list.** Text with no printed paragraph
numbers (letters, notes verbales, annexes of plain text) is split where the page shows a new
paragraph, and that split alone yields fragments: a job number, a date line, ``[Original:
Russian]``, a salutation, a ``(Signed) ...`` line, one line of an agenda. Here, over the blocks
of such text:

- page furniture (job numbers ``25-03579* (E)``, bar codes, ``Please recycle``, page numbers),
  lines of a table of contents (dot leaders) and a letter's forms (its date line, ``[Original: ...]``, salutations ``Excellency,``, address
  lines, the ``(Signed)`` mark) are dropped; the signature block (the signatory's name and title
  under ``(Signed)``) closes the letter's last paragraph, and the first signatory is returned for the
  document;
- a run of short lines that are not sentences (an agenda, a list of participants, a list of
  documents, bullet points), with the lead-in that introduces it (``Documentation:``), becomes
  one chunk;
- a lone short line that is not a sentence and is followed by prose is a heading: it becomes
  the section of the paragraphs under it.

Paragraphs are numbered again on each page afterwards, so ``p. 2, para. 3`` counts real ones; text
set in small type (a table's rows, a figure's source under the paragraphs) is counted in its own
series, ``p. 2, note 1``, so that keeping more of it never renumbers the paragraphs.
"""

from __future__ import annotations

import re

from .blocks import _Block
from .list_items import LIST_LINE_RE
from .part_heads import ANNEX_RE

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE_RE = re.compile(rf"^(?:[A-Z][\w .'’-]{{1,40}},\s*)?(?:\w+,\s*)?\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\.?$")
_ORIGINAL_RE = re.compile(r"^\[?\s*Original\s*:\s*[A-Za-z ,/]+\]?$")
_SALUTATION_RE = re.compile(r"^(?:(?:Dear|Your)\s+)?(?:Mr\.?|Mrs\.?|Ms\.?|Madam|Sir|Excellency|Excellencies|"
                            r"Mr\.? President|Madam President)(?:\s+[A-Z][\w.’'-]*){0,4}\s*[,:]$")
_SIGNED_RE = re.compile(r"^\(\s*Signed\s*\)\s*(.*)$", re.I)
_FURNITURE_RE = re.compile(r"^(?:(?:GE\.)?\d{2}-\d{5}[A-Z]?\*?\s*(?:\([A-Z]\))?(?:\s+\d{6})*|\*\s?[\dA-Z]{6,}\s?\*|"
                           r"Please recycle|\d{1,3}/\d{1,3}|\d{1,3}|Page \d+)$", re.I)
#: The words a signatory's title opens with, under ``(Signed)`` (``search.signatures`` reads them too).
TITLE_WORD = (r"(?:Ambassador|Permanent|Minister|President|Secretary|Chair|Chairperson|Representative|Director|"
              r"Head|Deputy|Charg[ée]|Acting|Executive|Under-Secretary-General|Counsellor|Coordinator|"
              r"Special|Envoy|Vice|Prime|High Commissioner|Rapporteur)")
_TITLE_WORDS = re.compile(r"\b" + TITLE_WORD + r"\b")
# An address line; ``United Nations`` and ``New York`` only alone or before the address's comma, so a
# title naming a body (``United Nations Framework Convention on Climate Change: ...``, A/47/466) is text.
_ADDRESS_RE = re.compile(r"^(?:(?:His|Her)\s+Excellency|H\.E\.|The\s+President\s+of\s+the|The\s+Secretary-General\s+"
                         r"of\s+the)\b|^(?:United\s+Nations(?:\s+Headquarters)?|New\s+York(?:,\s*NY)?(?:\s+\d{5})?)(?:$|,)")
_END_RE = re.compile(r"[.?!][”’\")]*$|[.?!]\s*\[[^\]]*\]$")
_LEADER_RE = re.compile(r"(?:\.\s?){5,}\s*\d{0,3}\s*$|(?:\.\s?){8,}")
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_SHORT = 100  # characters: longer than a list item or a heading
#: A labelled entry, ``Chair: Ms. Inger Andersen (...)``: over another one it is an entry of their list, no heading.
FIELD_RE = re.compile(r"^[A-Z][\w’'-]*(?:\s[\w’'-]+){0,3}:\s+\S")
#: A line ending in a word no sentence or heading ends with: its text runs on to the next line.
OPEN_END_RE = re.compile(r"\b(?:a|an|the|of|to|in|on|for|with|by|from|across|and|or|at|into|than|between|"
                         r"among|its|their|our)$", re.I)


def tidy_unnumbered(blocks: list[_Block]) -> tuple[list[_Block], str]:
    """Apply the no-fragment rule to the page-cited paragraphs among ``blocks``.

    Returns the blocks (others untouched, in order) and the first ``(Signed)`` signatory.
    """
    signatory = ""
    kept: list[_Block] = []
    signed = False  # inside a signature block: the name and title lines under ``(Signed)``
    for b in blocks:
        if b.kind == "heading" and b.section is None:  # a text's short lines: forms are no headings
            m = _SIGNED_RE.match(" ".join(b.lines[:1]).strip())
            if m:
                signatory = signatory or _name(m.group(1))
                signed = _sign(kept, b)  # the name closes the letter, as under a page-cited ``(Signed)``
                continue
            if signed and _title_under_signature(kept, b):
                _sign(kept, b)  # the signatory's title
                continue
            b.lines = [t for t in b.lines if not is_form_line(t)]
            if not b.lines:
                continue
        if not _page_cited(b):
            signed = False
            kept.append(b)
            continue
        text = _text(b)
        m = _SIGNED_RE.match(text)
        if m:
            signatory = signatory or _name(m.group(1))
            signed = _sign(kept, b)
            continue
        if signed and not _is_sentence(text) and len(text) < 200:
            _sign(kept, b)  # the signatory's title under the signature
            continue
        signed = False
        if _is_form(text) and not _figures_under_header(b, text, kept):
            continue
        kept.append(b)
    kept = _apart(kept, lambda bs: _merge_lists(_join_run_ons(bs)))
    kept = _heads_of_rows(kept)
    kept = _headings_of_fragments(kept)
    _renumber(kept)
    return kept, signatory


def _apart(blocks: list[_Block], tidy) -> list[_Block]:
    """``tidy`` applied to the page-cited small type and to the other blocks apart, each kept where it
    stood: a table's rows or a note kept between two short lines of body text never decide whether
    those run on or make a list, so keeping more small type changes no paragraph (``_renumber``)."""
    small = [b for b in blocks if _page_cited(b) and b.small]
    if not small:
        return tidy(blocks)
    place = {id(b): k for k, b in enumerate(blocks)}
    rest = tidy([b for b in blocks if not (_page_cited(b) and b.small)])
    return sorted(tidy(small) + rest, key=lambda b: place[id(b)])


_NOTE_LINE_RE = re.compile(r"^(?:Source|Sources|Note|Notes|Abbreviations?)\s*:", re.I)


_FIGURES_RE = re.compile(r"^[\d\s.,:/%()–—-]*\d[\d\s.,:/%()–—-]*$")  # ``2018/19 22 316 22 316 –``


def _figures_under_header(b: _Block, text: str, kept: list[_Block]) -> bool:
    """A table's rows that are all figures (``2019/20 3 105 5 185 337 605.32``, S/2025/346) read as
    no words, but right under the small-type column headers on their page they are the table's
    content: kept, for ``_heads_of_rows`` to join to their header (never a chunk of their own)."""
    prev = kept[-1] if kept else None
    return (b.row and b.small and bool(_FIGURES_RE.match(text)) and prev is not None and _header_like(prev)
            and (prev.part, prev.page, prev.section) == (b.part, b.page, b.section))


def _header_like(b: _Block) -> bool:
    """Small page-cited text that may be a table's column headers: no source or note line, no sentence."""
    return (_page_cited(b) and b.small and bool(b.lines) and not _NOTE_LINE_RE.match(b.lines[0].strip())
            and not _is_sentence(b.lines[0].strip()) and len(_text(b)) <= 400)


def _over_rows(blocks: list[_Block], k: int, b: _Block) -> bool:
    """Does a table's row block follow ``blocks[k]`` on ``b``'s page and section, past at most two more
    header blocks (a header printed in pieces: ``Number of requests``, ``Total cost (United States dollars)``)?"""
    for n in blocks[k + 1:k + 4]:
        if not (_page_cited(n) and (n.part, n.page, n.section) == (b.part, b.page, b.section)):
            return False
        if n.row:
            return True
        if not _header_like(n):
            return False
    return False


def _heads_of_rows(blocks: list[_Block]) -> list[_Block]:
    """A table's column headers in small type (``Symbol   Title or description``) standing right over
    its rows on the page open the rows' chunk instead of being a note of their own: they belong to
    the table they head, whether its rows are set in body type (a ``para.``) or small (a ``note``).
    A source or note line, or a sentence, heads nothing; nor does a header read among the rows of
    its page (a column's header printed out of order), which stays a note where it stands."""
    out: list[_Block] = []
    for k, b in enumerate(blocks):
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        prev = out[-1] if out else None
        among_rows = prev is not None and _page_cited(prev) and prev.row and (prev.part, prev.page) == (b.part, b.page)
        if _header_like(b) and not among_rows and nxt is not None and _over_rows(blocks, k, b):
            nxt.lines[0:0] = b.lines
            nxt.refs = (b.refs or []) + (nxt.refs or [])
            continue
        out.append(b)
    return out


def _sign(kept: list[_Block], b: _Block) -> bool:
    """Close the letter's last paragraph with its signature block (the signatory's name and
    title under ``(Signed)``, the mark itself left out): body text kept where it stands, never a
    chunk of its own (issue 15). Returns True (a signature block is open)."""
    prev = kept[-1] if kept else None
    if prev is not None and _page_cited(prev) and prev.part == b.part:
        lines = [_SIGNED_RE.sub(r"\1", t.strip()) for t in b.lines]  # the name, without the form's mark
        prev.lines.extend(t for t in lines if t)
        prev.refs = (prev.refs or []) + (b.refs or [])
        prev.last_line = b.last_line
    return True


def _title_under_signature(kept: list[_Block], b: _Block) -> bool:
    """A short line under a text letter's signature that is the signatory's title (``Minister for
    Foreign Affairs``), not an annex's heading nor a new paragraph."""
    text = _text(b)
    prev = kept[-1] if kept else None
    return (prev is not None and _page_cited(prev) and prev.part == b.part and not _is_sentence(text)
            and len(text) < 200 and not ANNEX_RE.match(text))


def is_date_line(text: str) -> bool:
    """A line that is only a date, with or without its place (``New York, 12 March 2025``)."""
    return bool(_DATE_RE.match(text.strip()))


def is_form_line(text: str) -> bool:
    """A line that is page furniture or a letter's form, never a chunk (also used by the body-text check)."""
    text = " ".join(text.split())
    return bool(_SIGNED_RE.match(text)) or _is_form(text)


_NOTE_MARK_RE = re.compile(r"^[a-z]\s+[A-Z][a-z]")  # a table's note in small type: ``a Extension requested ...``


def _join_run_ons(blocks: list[_Block]) -> list[_Block]:
    """A page-cited block opening in lower case ends the sentence of the one before it, unless it
    opens a table's notes (``_notes_start``); a lone lead-in (``Documentation:``) opens the block after it."""
    out: list[_Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and _page_cited(b) and _page_cited(prev) and prev.part == b.part and (
                (_text(b)[:1].islower() and not _notes_start(prev, b))
                or (_text(prev).endswith(":") and len(_text(prev)) < 60)):
            prev.lines.extend(b.lines)
            prev.refs = (prev.refs or []) + (b.refs or [])
            prev.last_line = b.last_line
            prev.row = prev.row and b.row
            prev.small = prev.small and b.small
            continue
        out.append(b)
    return out


def _notes_start(prev: _Block, b: _Block) -> bool:
    """``b`` opens a table's notes in small type (``a Extension requested ...``) after text that is
    no note (the table's rows or header): the notes are a block of their own, not that text's end.
    A note after a note goes on with the notes (``c On 23 January 2015 ...`` after ``b ...``)."""
    return b.small and bool(_NOTE_MARK_RE.match(_text(b))) and not _NOTE_MARK_RE.match(_text(prev))


def _page_cited(b: _Block) -> bool:
    return b.kind == "paragraph" and b.page is not None


def _text(b: _Block) -> str:
    return " ".join(" ".join(b.lines).split())


def _is_sentence(text: str) -> bool:
    return bool(_END_RE.search(text.rstrip())) and len(text.split()) >= 3


def _is_form(text: str) -> bool:
    if _LEADER_RE.search(text):
        return True  # a line of a table of contents (``Ethics ........ 4``)
    if not _WORD_RE.search(text):
        return True  # no word of three letters: a rule, a stray mark, text set sideways ("10 /1 02 2")
    if _FURNITURE_RE.match(text) or all(_FURNITURE_RE.match(t) for t in text.split()):
        return True
    if _DATE_RE.match(text) or _ORIGINAL_RE.match(text) or _SALUTATION_RE.match(text):
        return True
    return bool(_ADDRESS_RE.match(text)) and not _is_sentence(text) and len(text) < 200


def _name(rest: str) -> str:
    """The signatory's name: the words after ``(Signed)`` up to their title."""
    m = _TITLE_WORDS.search(rest)
    name = rest[:m.start()] if m else rest
    return " ".join(name.split()).strip(" ,;")


def _short(b: _Block) -> bool:
    text = _text(b)
    return len(text) <= _SHORT and (not _is_sentence(text) or bool(LIST_LINE_RE.match(text)))


def _item(b: _Block) -> bool:
    """After a lead-in (``Documentation:``) a longer line that is not a sentence is still an item."""
    text = _text(b)
    return len(text) <= 2 * _SHORT and not _is_sentence(text)


def _merge_lists(blocks: list[_Block]) -> list[_Block]:
    """A run of short page-cited lines (and the lead-in ending ``:`` before it) is one chunk."""
    out: list[_Block] = []
    k = 0
    while k < len(blocks):
        b = blocks[k]
        if not _page_cited(b):
            out.append(b)
            k += 1
            continue
        j = k + 1
        lead = _text(b).endswith(":")
        if _labelled_over_rows(b, blocks[k + 1:k + 2]):
            out.append(b)  # ``2. Recommendations addressed to the executive head`` over its table's rows: their heading
            k += 1
            continue
        while j < len(blocks) and _page_cited(blocks[j]) and blocks[j].part == b.part and (
                _short(blocks[j]) or (lead and _item(blocks[j]))) and (
                lead or _short(b)) and not _text(blocks[j]).endswith(":"):
            j += 1
        if j - k >= 2 and (lead or _short(b)):
            b.lines = [t for x in blocks[k:j] for t in x.lines]  # the run, in its first block (``_apart`` keeps its place)
            b.refs = [r for x in blocks[k:j] for r in (x.refs or [])]
            b.last_line, b.row, b.small = blocks[j - 1].last_line, all(x.row for x in blocks[k:j]), all(x.small for x in blocks[k:j])
            out.append(b)
            k = j
            continue
        out.append(b)
        k += 1
    return out


def _labelled_over_rows(b: _Block, nxt: list[_Block]) -> bool:
    """A one-line labelled item in body text (``2. ...``, ``B. ...``) standing over a table's row is
    the heading of the rows under it, not the first line of their list."""
    return (len(b.lines) == 1 and not b.row and bool(nxt) and nxt[0].row and _page_cited(nxt[0])
            and nxt[0].part == b.part and any(k.match(_text(b)) for k in _LABEL_KINDS))


def _headings_of_fragments(blocks: list[_Block]) -> list[_Block]:
    """A lone short non-sentence line before prose heads the page-cited paragraphs after it, up to the
    next heading or numbered paragraph (a table's title over a figure's text on one page heads no
    figure pages further on, DP/FPA/2025/6). A cell of a table's row (``57 (I) and 48/162``) heads
    nothing, however short; a short row (``Recommendation 1    Accepted``) between a heading and its
    prose does not stop it heading. A line whose next prose stands in another section heads nothing:
    it is the last item of the list above it (DP/2025/L.2, p. 10: a second document under
    ``Documentation:`` right over the next agenda item's heading was in no chunk)."""
    out: list[_Block] = []
    heading: tuple[str, tuple[str, ...] | None, str] | None = None  # (text, section it was under, part)
    for k, b in enumerate(blocks):
        if not _page_cited(b):
            if b.kind in ("heading", "paragraph"):
                heading = None  # a heading, or a numbered paragraph: the line headed only the text before it
            out.append(b)
            continue
        text = _text(b)
        nxt = next((n for n in blocks[k + 1:] if not (n.row and _short(n) and _page_cited(n))
                    and not (n.small and _page_cited(n) and not b.small)), None)  # small type heads no body text
        if (len(b.lines) == 1 and len(text) < 80 and not b.row and not _is_sentence(text) and not text.endswith((",", ";", ":"))
                and not OPEN_END_RE.search(text) and not (FIELD_RE.match(text) and nxt is not None and FIELD_RE.match(_text(nxt)))
                and nxt is not None and _page_cited(nxt) and nxt.part == b.part and not _short(nxt)):
            prev = out[-1] if out else None  # heading nothing (a new section follows), it ends the list above it
            if (nxt.section != b.section and prev is not None and _page_cited(prev) and not prev.small
                    and (prev.part, prev.section) == (b.part, b.section)):
                prev.lines.extend(b.lines)
                prev.refs = (prev.refs or []) + (b.refs or [])
                prev.last_line = b.last_line
                continue
            heading = (text, b.section, b.part)
            continue
        if heading is not None and heading[2] == b.part and b.section == heading[1]:
            b.section = _under(b.section or (), heading[0])
        elif heading is not None:
            heading = None
        out.append(b)
    return out


_LABEL_KINDS = (re.compile(r"^\d{1,3}\.\s"), re.compile(r"^[IVXL]{1,6}\.\s"), re.compile(r"^[A-Z]\.\s"),
                re.compile(r"^\([a-z]\)\s"))


def _under(section: tuple[str, ...], heading: str) -> tuple[str, ...]:
    """The section path with ``heading`` under it, or in place of its last heading when both open
    with the same kind of label (``2. Recommendations ...`` after ``1. Recommendations ...``: a sibling)."""
    if section and any(k.match(heading) and k.match(section[-1]) for k in _LABEL_KINDS):
        return (*section[:-1], heading)
    return (*section, heading)


def _renumber(blocks: list[_Block]) -> None:
    """Number the page-cited blocks by their place on their page, body type and small type apart
    (``p. 3, para. 6``; ``p. 3, note 1``): small type the reader comes to keep (a table's rows, a
    figure's source) never renumbers a page's paragraphs, nor body text its notes."""
    per_page: dict[tuple[str, int, bool], int] = {}
    for b in blocks:
        if _page_cited(b):
            key = (b.part, b.page, b.small)
            per_page[key] = per_page.get(key, 0) + 1
            b.number = per_page[key]
