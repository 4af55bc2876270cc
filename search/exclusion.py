"""What a query sets aside: "apart from Tripoli, where ...", "partnerships other than UN agencies".

A query that excludes something names it, and both rankers then look for it: BM25 matches its
words and the embedding moves towards it, so the paragraphs about the excluded thing (the one
the user already knows) rank first. Searching without the excluded phrase ranks the paragraphs
about the rest of the query; the phrase itself is kept for whoever wants it (issue #12/#15:
"negated or contrasting" queries, "apart from ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The words that open an excluded phrase ("rather than", "instead of" contrast, not exclude:
#: "going up rather than down" needs its "down").
_OPENER = r"(?:apart from|aside from|other than|except(?: for)?|besides|excluding|not counting|leaving aside)"
#: Where the excluded phrase ends: a comma or other punctuation, a question word or auxiliary that
#: starts the question proper ("apart from Bhutan, *which* country ..."), or the end.
_END = (r"(?=\s*[,;:?!.()]|\s+(?:which|what|who|whom|whose|where|when|how|why|did|does|do|is|are|was|were|"
        r"has|have|had|can|could|will|would|should|that|to|in which|at which)\b|\s*$)")
_EXCLUDED = re.compile(r"(?i)(?<![\w-])(?<!something )(?<!anything )" + _OPENER + r"\s+(?P<what>[^,;:?!.()]+?)" + _END)
#: An excluded phrase longer than this (in words) is more likely the question itself than a name.
MAX_WORDS = 8


@dataclass(frozen=True)
class Exclusion:
    """A query split into what it asks for (``rest``) and what it sets aside (``excluded``)."""

    rest: str
    excluded: tuple[str, ...] = ()


def split_exclusions(query: str) -> Exclusion:
    """The query less its excluded phrases, and those phrases; the query unchanged when it excludes
    nothing or when less than two words of it would be left."""
    excluded: list[str] = []

    def drop(m: re.Match) -> str:
        what = m.group("what").strip()
        if len(what.split()) > MAX_WORDS:
            return m.group(0)
        excluded.append(what)
        return " "

    rest = re.sub(r"\s{2,}", " ", _EXCLUDED.sub(drop, query)).strip(" ,;")
    if not excluded or len(re.findall(r"\w{2,}", rest)) < 2:
        return Exclusion(query)
    return Exclusion(rest, tuple(excluded))
