"""The filters of a documents listing (``paracite docs``, ``/api/documents``): dates and organs.

A listing has no query, no ``k`` and no ranking mode, so it reads these three alone, from the
command line and from a query string alike (``--body`` and ``?body=`` repeat, as alternatives),
and both say the same things about what the filters left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from search.doc_filters import DocFilter


@dataclass(frozen=True)
class ListingFilters(DocFilter):
    """Which documents a listing keeps: a search's document filter, read from a listing's options."""

    @classmethod
    def from_options(cls, args) -> "ListingFilters":
        """From ``paracite docs``'s parsed options."""
        return cls(args.since or None, args.until or None, tuple(args.body or ()))

    def documents(self, searcher) -> list[dict]:
        """The documents these filters keep, newest first (``UsageError`` on a malformed date)."""
        return searcher.documents(since=self.since, until=self.until, body=list(self.body) or None)

    def date_notes(self, searcher) -> list[str]:
        """The documents the date filter left out for want of a (full) date, in words."""
        selection = searcher.doc_selection(self.since, self.until, list(self.body) or None)
        return list(selection.notes) if selection else []

    def unknown_bodies(self, searcher) -> list[str]:
        """The organ values that name no organ of any indexed document."""
        return searcher.unknown_bodies(list(self.body))

    def empty_line(self, searcher, words: dict[str, str] | None = None) -> str:
        """Why a listing is empty, in one line: the filter that emptied it and what the index holds
        instead (its dates, its organs), or, when only the filters together do, the dates of the
        documents the organ filter keeps. ("No documents match the filters." left the user to guess
        which, and what to try.) ``words`` names the filters as the caller's user typed them
        (``--since {}`` on the command line; the web page's fields). Empty when the filter's own
        note already says it all: no document of the index has a date (``date_notes``), or names an
        organ (its "no organ named ..." note)."""
        words = words or CLI_WORDS
        held = searcher.documents()
        if not held:
            return "No documents in this index."
        parts = {"date": ListingFilters(self.since, self.until), "body": ListingFilters(body=self.body)}
        given = {k: f for k, f in parts.items() if f.active}
        alone = [k for k, f in given.items() if not f.documents(searcher)]
        sep = words.get("sep", " ")
        said = {k: sep.join(words[n].format(v) for n, v in _values(f)) for k, f in given.items()}
        if (alone == ["date"] and not any(d.get("date") for d in held)) or \
                (alone == ["body"] and not any(d.get("bodies") for d in held)):
            return ""  # no document is dated, or names an organ: the filter's note says it already
        if alone or len(given) < 2:
            named = alone or list(given)
            return (f"No documents match {sep.join(said[k] for k in named)}: "
                    + "; ".join(_holds(held, k, self.body) for k in named) + ".")
        kept = given["body"].documents(searcher)
        many = len(kept) != 1
        return (f"No documents match {said['date']}{sep}{said['body']} together: the {len(kept)} "
                f"document{'s' * many} {said['body']} keeps {'are' if many else 'is'} {_dated(kept)}.")


CLI_WORDS = {"since": "--since {}", "until": "--until {}", "body": "--body {!r}"}
# the /docs page's fields, as its labels name them
PAGE_WORDS = {"since": "From date {}", "until": "To date {}", "body": "Body {!r}", "sep": ", "}
API_WORDS = {"since": "since={}", "until": "until={}", "body": "body={!r}", "sep": ", "}
MOST_ORGANS = 3  # an empty listing names the index's commonest organs, up to this many


def _values(f: ListingFilters) -> list[tuple[str, str]]:
    """A filter's (name, value) pairs, in the order a command line gives them."""
    return [("since", f.since)] * bool(f.since) + [("until", f.until)] * bool(f.until) + [("body", b) for b in f.body]


def _holds(docs: list[dict], kind: str, asked: tuple[str, ...] = ()) -> str:
    """What the index holds of one kind: its documents' date range, or its organs (those nearest
    the ``asked`` values first, as a typo's correction, then the commonest)."""
    if kind == "date":
        return f"the index's {len(docs)} document{'s' * (len(docs) != 1)} are {_dated(docs)}"
    counts: dict[str, int] = {}
    for d in docs:
        for b in dict.fromkeys(d.get("bodies") or ()):
            counts[b] = counts.get(b, 0) + 1
    if not counts:
        return "no document of the index names its organ"
    organs = sorted(counts, key=lambda b: (-counts[b], b.lower()))
    exact = {b.casefold() for b in organs}
    near = [b for v in asked if v.casefold() not in exact for b in _nearest(v, organs)]
    listed = list(dict.fromkeys(near + organs))[:max(MOST_ORGANS, len(near))]
    return ((f"did you mean {' or '.join(near)}? " if near else "") + "the index's organs are " + "; ".join(listed)
            + (f" ({len(organs)} in all)" if len(organs) > len(listed) else ""))


def organ_meant(docs: list[dict], value: str) -> str:
    """The organ the documents name that a mistyped ``value`` most likely meant ("" when none is
    near): the note on one unknown ``--body`` among known ones suggests it as the empty line does."""
    organs = sorted({b for d in docs for b in d.get("bodies") or ()})
    return next(iter(_nearest(value, organs)), "")


def _nearest(value: str, organs: list[str]) -> list[str]:
    """The organ a mistyped value most likely meant, by its whole name or its start ("Securty" is
    near "Security Council", which ``--body Security`` would have found), if any is near."""
    import difflib

    def closeness(organ: str) -> float:
        starts = [organ[:len(value) + extra] for extra in (0, 1, 2)] if len(value) >= 4 else []
        return max(difflib.SequenceMatcher(None, value.casefold(), o.casefold()).ratio() for o in [organ, *starts])

    best = max(organs, key=closeness, default=None)
    return [best] if best is not None and closeness(best) >= 0.8 else []


def _dated(docs: list[dict]) -> str:
    """``dated 1992-10-05 to 2025-08-12 (3 undated)``: the span of the documents' dates."""
    dates = sorted(d["date"] for d in docs if d.get("date"))
    if not dates:
        return "undated"
    span = f"dated {dates[0]}" if dates[0] == dates[-1] else f"dated {dates[0]} to {dates[-1]}"
    return span + (f" ({len(docs) - len(dates)} undated)" if len(docs) > len(dates) else "")
