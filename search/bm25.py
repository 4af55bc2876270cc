"""Keyword ranking with SQLite FTS5's BM25, safe for any text a user types.

Every term reaches FTS5 inside double quotes, so FTS5 syntax a user types (``AND``, ``*``, ``-``,
``:``, brackets, quotes) is read as plain words and no input can raise a syntax error. The
ranking that ``Searcher`` uses (issue #5) drops stopwords from the query, adds the names of the
query's acronyms (and the acronyms of its names), and multiplies a chunk's BM25 score by the
share of the query's words it contains: the coordination factor of classic Lucene scoring, which
stops one rare word ("cross" in "cross-border") from carrying a paraphrase to the top.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from index.acronym_table import SPELLED

from .postings import PostingCache

_TERM_RE = re.compile(r"\w+(?:[-/.’']\w+)*", re.UNICODE)
_PIECES = re.compile(r"[-/.’']")
_CONTRACTION = re.compile(r"(?i)(?:n[’']t|[’'](?:s|re|ve|ll|d|m))$")
MAX_TERMS = 64  # a pasted page is still one query; BM25 over its first 64 distinct words is plenty

# Function words (a standard English list): they carry no topic, and question words ("how",
# "many", "what") would otherwise match paragraphs at random.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can cannot could did do does doing done down during each either else ever every few for
from further get gets got had has have having he her here hers herself him himself his how however i if in
into is it its itself just let like many may me might more most much must my myself neither no nor not
now of off on once one only or other others otherwise ought our ours ourselves out over own per rather
same shall she should since so some still such than that the their theirs them themselves then there these
they this those though through thus to too under until up upon us very via was we were what whatever when
where whether which while who whom whose why will with within without would yet you your yours yourself
yourselves
""".split())


def words(query: str) -> list[str]:
    """The query's words as FTS5 splits them ("cross-border" → cross, border), contractions cut."""
    out = []
    for t in _TERM_RE.findall(query):
        t = _CONTRACTION.sub("", t)
        out.extend(p for p in _PIECES.split(t) if p)
    return out


def content_terms(query: str) -> list[str]:
    """Distinct lower-cased words that say what the query is about: no stopwords, no single letters.

    A query made only of stopwords keeps them all, so it still matches something.
    """
    all_words = [w.lower() for w in words(query)]
    kept = [w for w in all_words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    return list(dict.fromkeys(kept or all_words))[:MAX_TERMS]


def quote(text: str) -> str:
    """A term or phrase as an FTS5 string: quoted, inner quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression for free text: every word quoted, words OR-ed (no stopword removal)."""
    return " OR ".join(dict.fromkeys(quote(w) for w in words(query)[:MAX_TERMS]))


@dataclass(frozen=True)
class KeywordQuery:
    """A query's keyword side: its terms, the phrases its acronyms stand for, the MATCH expression.

    ``groups`` has one MATCH expression per content term (the term, or its acronym expansion):
    a chunk's coverage is the share of groups it matches.
    """

    terms: tuple[str, ...]
    expansions: tuple[str, ...]
    groups: tuple[str, ...]

    @property
    def phrases(self) -> list[str]:
        """The quoted FTS5 phrases the expression ORs, once each, in its order."""
        return list(dict.fromkeys([*(quote(t) for t in self.terms), *(quote(p) for p in self.expansions)]))

    @property
    def expression(self) -> str:
        return " OR ".join(self.phrases)


def keyword_query(query: str, acronyms: "Acronyms | None" = None) -> KeywordQuery:
    """Terms, acronym expansions and coverage groups for ``query``."""
    terms = content_terms(query)
    forward = acronyms.expand(query) if acronyms else {}
    backward = acronyms.abbreviations(query) if acronyms else []
    named = {short: name for short, name in forward.items() if acronyms and short in acronyms.named}
    terms += [t for t in capital_stopwords(query, named) if t not in terms][:max(0, MAX_TERMS - len(terms))]
    groups = []
    for t in terms:
        alts = [quote(t)] + [quote(p) for short, p in forward.items() if short.lower() == t]
        groups.append(" OR ".join(alts))
    return KeywordQuery(tuple(terms), tuple(dict.fromkeys([*forward.values(), *backward])), tuple(groups))


def capital_stopwords(query: str, typed: dict[str, str]) -> list[str]:
    """The acronyms typed in capitals that are also function words ("WHO"), lower-cased:
    ``content_terms`` drops "who", so "What is WHO doing about ..." lost its one name. ``typed``:
    the query's acronyms that the corpus defines or the gazetteer lists (``Acronyms.named``; a
    capitalised phrase whose initials happen to spell "AND" or "IT" does not make them names, and
    "migrants AND remittances" stays two words). A query typed all in capitals keeps none (there
    "WHO" is as likely the pronoun)."""
    if query.upper() == query:
        return []
    return list(dict.fromkeys(short.lower() for short in typed if short.lower() in STOPWORDS))


class Acronyms:
    """The index's acronym table (``index.acronyms``), loaded once, looked up both ways."""

    MAX_NAME_WORDS = 12

    def __init__(self, rows: Iterable[tuple[str, str, int]], named: Iterable[str] = ()):
        self.names: dict[str, str] = {}
        self.short_of: dict[str, str] = {}
        #: acronyms the corpus defines ("World Health Organization (WHO)") or the gazetteer lists,
        #: as against those found only by a phrase's initials (``index.acronym_table``)
        self.named: frozenset[str] = frozenset(named)
        for short, name, used in rows:
            self.names.setdefault(short, name)
            if used:
                self.short_of.setdefault(" ".join(name.lower().split()), short)

    @classmethod
    def load(cls, con: sqlite3.Connection) -> "Acronyms":
        """From the ``acronyms`` table, read whole (a few hundred rows for a library of 73 reports:
        under a millisecond); empty for an index built before it existed (and none named for one
        built before its ``source`` column)."""
        try:
            rows = plain_rows(con, "SELECT short, long, used, source FROM acronyms")
        except sqlite3.Error:
            try:
                return cls(plain_rows(con, "SELECT short, long, used FROM acronyms"))
            except sqlite3.Error:
                return cls(())
        return cls([r[:3] for r in rows], named=(r[0] for r in rows if r[3] != SPELLED))

    def expand(self, query: str) -> dict[str, str]:
        """Acronym → name for each acronym typed in the query (as typed: "IOM", not "iom"). "UNFPA's"
        is UNFPA, as ``words`` reads it, and a plural the table lacks is its singular's ("NGOs")."""
        out = {}
        for w in (_CONTRACTION.sub("", t) for t in _TERM_RE.findall(query)):
            if sum(c.isupper() for c in w) < 2:
                continue
            if w in self.names:
                out[w] = self.names[w]
            elif w.endswith("s") and w[:-1] in self.names:
                out[w] = self.names[w[:-1]]
        return out

    def abbreviations(self, query: str) -> list[str]:
        """The acronyms of names written out in the query, when the corpus uses the acronym."""
        if not self.short_of:
            return []
        ws = [w.lower() for w in re.findall(r"[\w’'-]+", query)]
        found = []
        for i in range(len(ws)):
            for j in range(i + 2, min(len(ws), i + self.MAX_NAME_WORDS) + 1):
                short = self.short_of.get(" ".join(ws[i:j]))
                if short:
                    found.append(short)
        return list(dict.fromkeys(found))


#: The BM25 table of a build that stores one (``index.store``): the chunk's text and section path
#: as in ``chunks_fts``, and a third column, the chunk's document title. The keyword score is read
#: from it where it exists (every other MATCH, coverage among them, reads ``chunks_fts``: a title
#: word is evidence about the document, not words the paragraph holds).
TITLED_TABLE = "titled_fts"
#: The title column's weight in BM25 (text and section path weigh 1). A title names what every
#: paragraph of a report is about, and FTS5 adds its hits to the paragraph's before saturating, so
#: a paragraph that matches the query in its own words ranks above a like paragraph of a report on
#: something else, while a word the paragraph already repeats gains little (BM25F with one length
#: normalisation). Issue #12, eighteenth session, dev halves over the library (481 records): MRR@10
#: 0.8614 → 0.8671; unseen +0.027, round 4 +0.022, round 7 +0.015, round 14 +0.010, round 15
#: +0.019, no set lower (weight 1.0: unseen −0.007; the A/69/207 text report has no title).
TITLE_WEIGHT = 0.5


def bm25_table(con: sqlite3.Connection) -> str:
    """The table the keyword score is read from: ``TITLED_TABLE`` where the build stores it, else
    ``chunks_fts`` (an index built before it ranks as it did)."""
    found = con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TITLED_TABLE,)).fetchone()
    return TITLED_TABLE if found else "chunks_fts"


def column_weights(table: str) -> tuple[float, ...]:
    """``table``'s BM25 column weights, in its columns' order (text, section path[, title])."""
    return (1.0, 1.0, TITLE_WEIGHT) if table == TITLED_TABLE else (1.0, 1.0)


def bm25_call(table: str) -> str:
    """The SQL ``bm25(...)`` call with ``table``'s column weights."""
    return f"bm25({table}, {', '.join(str(w) for w in column_weights(table))})"


def bm25_scores(con: sqlite3.Connection, expression: str, limit: int,
                table: str = "chunks_fts") -> list[tuple[int, float]]:
    """(row id, score) pairs, best first; the score is BM25 with the sign flipped (higher = better).

    Column weights: text 1.0, section path 1.0 (and title ``TITLE_WEIGHT`` in ``TITLED_TABLE``).
    A heading is evidence about the paragraphs under it, and in a library it tells a report's
    paragraphs from another's on the same words (issue #12: with 72 other documents indexed, the
    A/69/207 dev queries went from MRR@10 0.796 with weight 0.5 to 0.828; the library dev queries
    and the report alone did not change).
    """
    if not expression:
        return []
    rows = con.execute(
        f"SELECT rowid, {bm25_call(table)} AS s FROM {table} WHERE {table} MATCH ? "
        "ORDER BY s LIMIT ?", (expression, limit)).fetchall()
    return [(int(r[0]), -float(r[1])) for r in rows]


def bm25_matches(con: sqlite3.Connection, expression: str, limit: int | None = None,
                 table: str = "chunks_fts") -> tuple[np.ndarray, np.ndarray]:
    """(row ids, scores as ``bm25_scores`` gives them) of every chunk matching ``expression``, in
    no order, or of the best ``limit``. Every match is read unsorted, straight into arrays: the
    ranking of an index of a few thousand chunks scores all of them and needs neither a sort nor
    a dict (seventeenth session, a few ms a query)."""
    if not expression:
        return np.zeros(0, dtype="int64"), np.zeros(0)
    if limit is not None:
        rows = [(i, -s) for i, s in bm25_scores(con, expression, limit, table)]
    else:
        rows = plain_rows(con, f"SELECT rowid, {bm25_call(table)} FROM {table} WHERE {table} MATCH ?", (expression,))
    pairs = np.array(rows, dtype="float64").reshape(len(rows), 2)  # row ids < 2**53: exact as floats
    return pairs[:, 0].astype("int64"), -pairs[:, 1]


def phrase_bm25_matches(con: sqlite3.Connection, phrases: Sequence[str], table: str = "chunks_fts",
                        cache: PostingCache | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``bm25_matches`` of the OR of ``phrases`` (quoted FTS5 strings), each phrase looked up alone.

    FTS5's ``bm25()`` sums one term per phrase of the expression, in the expression's order,
    starting from 0.0 (each term: the phrase's IDF over the whole table times its saturated
    frequency in the row, 0.0 in a row without it), then negates the sum. Looked up alone, a
    phrase's score is that one term negated. Adding the terms up again in the same order gives the
    OR's scores to the last bit (``tests/test_search_speed_paths.py`` checks), and each phrase's
    terms can be kept in ``cache``: the common words of one query are the common words of the next.
    Row ids sorted.
    """
    phrases = list(dict.fromkeys(phrases))
    if not phrases:
        return np.zeros(0, dtype="int64"), np.zeros(0)
    found = [_phrase_terms(con, p, table, cache) for p in phrases]
    if any(len(rows) and rows.min() < 0 for rows, _ in found):  # not a chunk store's row ids: FTS5 sums
        return bm25_matches(con, " OR ".join(phrases), None, table)
    size = 1 + max((int(rows.max()) for rows, _ in found if len(rows)), default=-1)
    total, held = np.zeros(size), np.zeros(size, dtype=bool)
    for rows, terms in found:  # by row id: a row's terms are added in the phrases' order
        total[rows] += terms
        held[rows] = True
    ids = np.flatnonzero(held)
    return ids, total[ids]


def _phrase_terms(con: sqlite3.Connection, phrase: str, table: str,
                  cache: PostingCache | None) -> tuple[np.ndarray, np.ndarray]:
    """(row ids, BM25 term) of one phrase, from ``cache`` where it holds them."""
    def look_up() -> tuple[np.ndarray, np.ndarray]:
        return bm25_matches(con, phrase, None, table)
    return cache.get(("bm25", table, phrase), look_up) if cache is not None else look_up()


def plain_rows(con: sqlite3.Connection, sql: str, args: tuple = ()) -> list[tuple]:
    """The rows of ``sql`` as plain tuples: a store's connection makes ``sqlite3.Row``s, which
    cost more than the FTS5 look-up itself for the thousands of rows a common word matches."""
    cursor = con.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, args).fetchall()


def scores_at(ids: np.ndarray, found: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """The score of each of the sorted ``ids`` among (``found``, ``scores``); 0 where not found."""
    out = np.zeros(len(ids))
    pos = np.searchsorted(ids, found)
    ok = pos < len(ids)
    ok[ok] = ids[pos[ok]] == found[ok]
    out[pos[ok]] = scores[ok]
    return out


def positions(ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Where each of ``values`` sits in the sorted ``ids`` (values not in ``ids`` are left out)."""
    pos = np.searchsorted(ids, values)
    ok = pos < len(ids)
    pos, values = pos[ok], values[ok]
    return pos[ids[pos] == values]


def matching_arrays(con: sqlite3.Connection, groups: Sequence[str],
                    cache: PostingCache | None = None) -> list[np.ndarray]:
    """For each MATCH expression, the row ids of the chunks it matches (each once) as an array;
    from ``cache`` where it holds them (``search.postings``)."""
    return [cache.get(("rows", g), lambda g=g: _matching_rows(con, g))[0] if cache is not None
            else _matching_rows(con, g)[0] for g in groups]


def _matching_rows(con: sqlite3.Connection, expression: str) -> tuple[np.ndarray]:
    rows = plain_rows(con, "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?", (expression,))
    return (np.array(rows, dtype="int64").reshape(len(rows)),)


def match_counts(con: sqlite3.Connection, groups: Sequence[str], ids: np.ndarray,
                 cache: PostingCache | None = None) -> np.ndarray:
    """For each of the sorted chunk ``ids``, how many of the MATCH expressions match it."""
    counts = np.zeros(len(ids))
    if not len(ids):
        return counts
    for rows in matching_arrays(con, groups, cache):
        counts[positions(ids, rows)] += 1
    return counts


def bm25_search(con: sqlite3.Connection, query: str, limit: int) -> list[tuple[int, float]]:
    """Plain BM25 over all of the query's words (kept for callers that want no query processing)."""
    return bm25_scores(con, fts_query(query), limit)
