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
