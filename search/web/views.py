"""What the page and the API show of hits, paragraphs and answers, as plain data.

Text stays text here: marked sentences and linked citations are lists of (text, flag) pieces
that the templates escape one by one, so no document text is ever turned into markup.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from search.models import Answer, Hit

#: Entity kinds a page links as filters, with the search argument each one sets.
FILTER_OF_KIND = {"organization": "org", "place": "place", "instrument": "instrument"}


def search_placeholder(documents: list[str]) -> str:
    """The search box's hint, from the index being served: which report, or how many. (It was one
    report's example query on every index, a question no library of other reports could answer.)
    Short, so that a phone's box shows it whole (at 390 pixels it holds some twenty characters)."""
    if not documents:
        return "Words or a question"
    return f"Search {documents[0]}" if len(documents) == 1 else f"Search {len(documents)} documents"


def number_label(hit: Hit) -> str:
    """The paragraph part of a page path: ``46``, ``summary``, ``table1``, ``preamble4``, ``part``
    (a part that is one chunk; read back by ``Searcher.get``, so a preambular paragraph never
    links to the operative one of its number)."""
    if hit.kind in ("summary", "part"):
        return hit.kind
    if hit.kind in ("table", "preamble", "note"):
        return f"{hit.kind}{hit.number}"
    return str(hit.number)


def paragraph_path(hit: Hit) -> str:
    """``/p/A/69/207/46`` (plus ``?part=annex``, ``?page=2``): a shareable link to one chunk."""
    extra = {k: v for k, v in (("part", hit.part), ("page", hit.page)) if v not in ("", None)}
    path = f"/p/{quote(hit.symbol, safe='/')}/{number_label(hit)}"
    return path + ("?" + urlencode(extra) if extra else "")


def paragraph_api_path(hit: Hit) -> str:
    args = {"symbol": hit.symbol, "number": number_label(hit).replace("table", "table ")}
    args.update({k: v for k, v in (("part", hit.part), ("page", hit.page)) if v not in ("", None)})
    return "/api/paragraph?" + urlencode(args)


def neighbour_record(hit: Hit | None) -> dict | None:
    if hit is None:
        return None
    return {"citation": hit.citation, "symbol": hit.symbol, "kind": hit.kind, "number": hit.number,
            "part": hit.part, "page": hit.page, "path": paragraph_path(hit), "api": paragraph_api_path(hit)}


def paragraph_record(hit: Hit, before: Hit | None, after: Hit | None) -> dict:
    """The JSON of ``/api/paragraph``: the chunk as ``paracite export`` writes it, with its title,
    link and the citations of the chunks around it."""
    d = hit.to_dict()
    d.pop("rank", None)
    d.pop("score", None)
    d.pop("weak", None)
    d.update({"title": hit.title, "path": paragraph_path(hit), "previous": neighbour_record(before),
              "next": neighbour_record(after)})
    return d


def document_line(hit: Hit, width: int = 110) -> list[tuple[str, bool]]:
    """Which report a hit is from, as an analyst cites it: its title (shortened to ``width``), date
    and the organs that issued it (``Hit.source_line``'s pieces plus the organs), each piece flagged
    True when it is the date, which the page keeps on one line (at 390 pixels ``2025-05-02`` broke
    at its hyphen); the templates join the pieces with `` · ``."""
    return [(x, flag) for x, flag in ((hit.short_title(width), False), (hit.date or "", True),
                                       ("; ".join(hit.bodies), False)) if x]


_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")


def date_pieces(text: str) -> list[tuple[str, bool]]:
    """A note cut around its dates, each flagged True, so the page keeps a date on one line (a
    listing's "dated 2025-01-17 to 2025-04-15" broke as "2025-01-" / "17" at 1280 pixels)."""
    out, at = [], 0
    for m in _DATE.finditer(text):
        out += [(text[at:m.start()], False)] * (m.start() > at) + [(m.group(0), True)]
        at = m.end()
    return out + [(text[at:], False)] * (at < len(text))


def marked(text: str, span: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """``text`` in pieces, the sentence at ``span`` flagged True (to be shown in ``<mark>``)."""
    if not span or not (0 <= span[0] < span[1] <= len(text)):
        return [(text, False)]
    a, b = span
    return [(piece, flag) for piece, flag in ((text[:a], False), (text[a:b], True), (text[b:], False)) if piece]


def entity_links(hit: Hit, base: list[tuple[str, str]], query: str | None = None) -> list[dict]:
    """One link per named organization, place and instrument of ``hit``: the current search
    (``base`` arguments) narrowed to paragraphs naming it; without a query, a search for it."""
    seen, out = set(), []
    for e in hit.entities:
        arg = FILTER_OF_KIND.get(e.kind)
        name = e.canonical or e.text
        if not arg or (arg, name.lower()) in seen:
            continue
        seen.add((arg, name.lower()))
        active = (arg, name) in base
        if not query:
            args = [("q", name), (arg, name)]
        elif active:  # a second click lifts the filter again
            args = [pair for pair in base if pair != (arg, name)]
        else:
            args = base + [(arg, name)]
        out.append({"name": name, "kind": e.kind, "active": active, "url": "/?" + urlencode(args)})
    return out


def answer_pieces(answer: Answer) -> list[tuple[str, str | None]]:
    """The answer text in pieces: plain text (None) and the citations it quotes ``[A/69/207, para. 4]``."""
    text, out = answer.text, []
    cites = sorted(set(answer.citations), key=len, reverse=True)
    i = 0
    while i < len(text):
        found = None
        if text[i] == "[":
            found = next((c for c in cites if text.startswith(f"[{c}]", i)), None)
        if found:
            out.append((found, found))
            i += len(found) + 2
            continue
        j = text.find("[", i + 1)
        j = len(text) if j < 0 else j
        if out and out[-1][1] is None:
            out[-1] = (out[-1][0] + text[i:j], None)
        else:
            out.append((text[i:j], None))
        i = j
    return out


def citation_path(citation: str) -> str:
    """``/c?citation=...``: the paragraph page of a citation string (answers cite by string)."""
    return "/c?" + urlencode({"citation": citation})
