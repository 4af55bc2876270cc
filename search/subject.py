"""Which documents a question is about, before any fact is picked from them.

In a library, a question names its subject the way a reader would: the mission ("MONUSCO"), the
body, the country ("Libya's deficit"), the report ("the Secretary-General's report on the work
of the Organization"). The paragraph that states the fact often does not repeat that subject:
"A foreign exchange deficit of $5.2 billion was reported for 2024" sits in the report on Libya.
Each document gets a profile (its title, its section headings, and the names most of its
paragraphs cite); the question's names and words are matched against the profiles to pick the
documents to read first, and a name a document's profile holds counts as named by each of its
paragraphs. Names that most documents of the library cite ("United Nations", "Secretary-General")
pick nothing and constrain nothing.
"""

from __future__ import annotations

import re
import sqlite3
import weakref
from dataclasses import dataclass

from ingest.text.symbol_suffix import bare_symbol

from .terms import MONTHS, idf, tokenize

MIN_DOCS_COMMON = 4        # below this many documents, no name is "common to the library"
COMMON_SHARE = 0.5         # a name cited by at least this share of the documents picks nothing
FREQUENT_SHARE = 0.08      # a name cited by this share of a document's chunks helps pick the document
SUBJECT_SHARE = 0.25       # a name cited by this share of its chunks is what the whole document is about
MAX_PICKED = 3             # documents read first
HEADING_WEIGHT = 0.5       # a question word in a title or heading counts this much of a name
MAX_MEMO = 4096            # names whose document counts a searcher keeps


@dataclass(frozen=True)
class Profile:
    """What a document is about: its title, headings and frequently cited names."""

    symbol: str
    text: str
    stems: frozenset[str]
    title_stems: frozenset[str]
    year: int
    subject: str = ""                      # title and the names most of its paragraphs cite
    subject_stems: frozenset[str] = frozenset()
    title_pairs: frozenset[tuple[str, str]] = frozenset()  # consecutive content words of title and headings
    date: str = ""                         # the document's date (ISO), when the index knows it

    @property
    def when(self) -> str:
        """A sort key, newest last: the date, else the year."""
        return self.date or (str(self.year) if self.year else "")


@dataclass(frozen=True)
class Library:
    """The profiles of every document of an index, and how many documents cite each name."""

    profiles: dict[str, Profile]

    def __len__(self) -> int:
        return len(self.profiles)


_LIBRARIES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def library(searcher) -> Library:
    """The searcher's document profiles, built once per opened index."""
    lib = _LIBRARIES.get(searcher)
    if lib is None:
        lib = _LIBRARIES[searcher] = _build(searcher.store)
    return lib


def _build(con: sqlite3.Connection) -> Library:
    try:
        rows = con.execute("SELECT symbol, title, date FROM documents").fetchall()
    except sqlite3.Error:  # an index from before document dates (issue 14)
        rows = [(symbol, title, None) for symbol, title in con.execute("SELECT symbol, title FROM documents")]
    docs = [(symbol, title) for symbol, title, _ in rows]
    dates = {symbol: date for symbol, _, date in rows}
    sizes = dict(con.execute("SELECT symbol, count(*) FROM chunks GROUP BY symbol").fetchall())
    heads: dict[str, set[str]] = {}
    for symbol, section in con.execute("SELECT DISTINCT symbol, section FROM chunks"):
        heads.setdefault(symbol, set()).update(_strings(section))
    names: dict[str, list[str]] = {}
    main: dict[str, list[str]] = {}
    try:
        rows = con.execute(
            "SELECT c.symbol, e.text, count(DISTINCT c.id) FROM entities e JOIN chunks c ON c.id = e.chunk_id "
            "WHERE e.kind IN ('organization', 'place', 'instrument') GROUP BY c.symbol, e.text").fetchall()
    except sqlite3.Error:
        rows = []
    for symbol, text, n in rows:
        if n >= max(2, FREQUENT_SHARE * sizes.get(symbol, 1)):
            names.setdefault(symbol, []).append(text)
        if n >= max(2, SUBJECT_SHARE * sizes.get(symbol, 1)):
            main.setdefault(symbol, []).append(text)
    try:  # a report's summary says what the whole report is about ("a workshop ... in Arusha")
        for symbol, text in con.execute(
                "SELECT DISTINCT c.symbol, e.text FROM entities e JOIN chunks c ON c.id = e.chunk_id "
                "WHERE c.kind = 'summary' AND e.kind IN ('organization', 'place', 'instrument')"):
            main.setdefault(symbol, []).append(text)
    except sqlite3.Error:
        pass
    for symbol, title in docs:  # a letter's title says who wrote it; its first paragraph, what it is about
        if _LETTER.search(title) or _generic(title):
            main.setdefault(symbol, []).extend(_opening_names(con, symbol))
    texts, titles, subjects = [], [], []
    for symbol, title in docs:
        texts.append(" . ".join([title, symbol, *sorted(heads.get(symbol, ())), *names.get(symbol, [])]))
        titles.append(" . ".join([title, *sorted(heads.get(symbol, ()))]))
        subjects.append(" . ".join([title, *symbol_names(symbol), *main.get(symbol, [])]))
    toks = tokenize(texts + titles + subjects) if docs else []
    profiles = {}
    n = len(docs)
    for i, (symbol, title) in enumerate(docs):
        profiles[symbol] = Profile(symbol, texts[i], frozenset(t.stem for t in toks[i]),
                                   frozenset(t.stem for t in toks[n + i]), document_year(symbol, title),
                                   subjects[i], frozenset(t.stem for t in toks[2 * n + i]), pairs(toks[n + i]),
                                   dates.get(symbol) or "")
    return Library(profiles)


# A letter or note verbale, or a document that transmits one: "Letter dated ...", "Identical letters
# dated ...", "Note verbale dated ...", "Request for the inclusion of an item ... (Letter dated ...)".
_LETTER = re.compile(r"(?i)(?:^|\()(?:identical\s+)?(?:letters?|notes?\s+verbales?)\s+dated\b")
# A name as a letter writes it: capitalized words, joined by "of", "and", "for", ... (not "I", not the
# sentence's first word).
_NAME_RUN = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][\w’'-]+(?:\s+(?:(?:of|for|on|at|and|the|in|to)\s+)*[A-Z][\w’'-]+)*")


def _generic(title: str) -> bool:
    """True for a title that names nothing ("Draft report"): the first paragraph says what the document is
    about ("The 2025 United Nations Conference ... was held in Nice")."""
    return 0 < len(title.split()) <= 3 and not _NAME_RUN.search(title)


def _opening_names(con: sqlite3.Connection, symbol: str) -> list[str]:
    """The names the first paragraph of a letter's body writes ("information on the activities of the
    *Conference on Interaction and Confidence-building Measures in Asia* (see annex)"): what the
    letter and its annexes are about, which its paragraphs need not repeat."""
    row = con.execute("SELECT text FROM chunks WHERE symbol = ? AND part = '' AND kind = 'paragraph' "
                      "ORDER BY id LIMIT 1", (symbol,)).fetchone()
    return [m.group(0) for m in _NAME_RUN.finditer(row[0])] if row else []


def symbol_names(symbol: str) -> list[str]:
    """The bodies a document's symbol names: "ICCD/COP(8)/CST/8" is a document of the Conference
    of the Parties (COP) and its Committee on Science and Technology (CST), "A/HRC/EMRIP/2025/2" of
    the Human Rights Council's Expert Mechanism. The question may name its subject by them alone."""
    return re.findall(r"(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])", bare_symbol(symbol))


def pairs(tokens) -> frozenset[tuple[str, str]]:
    """Consecutive content words ("work" "organ" in "the work of the Organization"), for report titles
    a question names ("the report on the work of the Organization")."""
    from .evidence import stop_words

    words = [t.stem for t in tokens if t.text.lower() not in stop_words() and not t.text.isdigit()]
    return frozenset(zip(words, words[1:]))


def _strings(section_json: str) -> list[str]:
    import json

    try:
        return [s for s in json.loads(section_json) if isinstance(s, str)]
    except ValueError:
        return []


def document_year(symbol: str, title: str = "") -> int:
    """The document's year, for "newest first": from its symbol ("S/2025/176"; "A/80/75" is the
    eightieth session, 2025), else the latest year its title names; 0 when unknown."""
    if m := re.search(r"/((?:19|20)\d{2})(?:/|$)", symbol):
        return int(m.group(1))
    if m := re.match(r"A/(\d{2,3})/", symbol):
        return 1945 + int(m.group(1))  # the first session opened in 1946
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", title)]
    return max(years, default=0)


def common_names(searcher, names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The names that most documents of the library cite: they pick no document and constrain no
    answer ("United Nations", "Secretary-General"). A place is never common: "the inflation
    forecast for *Africa*" must come from a paragraph about Africa, however many documents name it."""
    lib = library(searcher)
    if len(lib) < MIN_DOCS_COMMON:
        return set()
    out = set()
    for name, aliases in names:
        if documents_citing(searcher, name, aliases) >= COMMON_SHARE * len(lib) and not is_place(searcher, name):
            out.add(name)
    return out


def is_place(searcher, name: str) -> bool:
    """True if the index tags ``name`` as a place more often than as anything else."""
    try:
        row = searcher.store.execute("SELECT kind FROM entities WHERE text = ? COLLATE NOCASE GROUP BY kind "
                                    "ORDER BY count(*) DESC LIMIT 1", (name,)).fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == "place"


def _citing(searcher, name: str, aliases: tuple[str, ...] = ()) -> list:
    """The profiles of the documents that have a chunk containing ``name`` (or an alias) as a phrase."""
    try:
        rows = searcher.store.execute(
            "SELECT DISTINCT c.symbol FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid WHERE chunks_fts MATCH ?",
            (phrase_expression(name, aliases),)).fetchall()
    except sqlite3.Error:
        return []
    profiles = library(searcher).profiles
    return [profiles[r[0]] for r in rows if r[0] in profiles]


def documents_citing(searcher, name: str, aliases: tuple[str, ...] = ()) -> int:
    """How many documents have a chunk containing ``name`` (or an alias) as a phrase (counted once
    per searcher: one question asks it for the same name several times)."""
    expr = phrase_expression(name, aliases)
    try:
        memo = _CITING.setdefault(searcher, {})
    except TypeError:  # a searcher that takes no weak reference: count every time
        memo = {}
    if expr not in memo:
        if len(memo) > MAX_MEMO:
            memo.clear()
        try:
            memo[expr] = int(searcher.store.execute(
                "SELECT count(DISTINCT c.symbol) FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid "
                "WHERE chunks_fts MATCH ?", (expr,)).fetchone()[0])
        except sqlite3.Error:
            memo[expr] = 0
    return memo[expr]


_CITING: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def phrase_expression(name: str, aliases: tuple[str, ...] = ()) -> str:
    """An FTS5 MATCH expression for ``name`` or one of its first aliases, each as a phrase."""
    phrases = [p for p in (name, *aliases[:8]) if re.search(r"\w", p)]
    return " OR ".join('"' + re.sub(r'[^\w\s-]', " ", p).replace('"', " ").strip() + '"' for p in phrases)


def document_cites(searcher, symbol: str, name: str, aliases: tuple[str, ...] = ()) -> bool:
    """True if some chunk of document ``symbol`` contains ``name`` (or an alias) as a phrase."""
    try:
        return searcher.store.execute(
            "SELECT 1 FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid WHERE chunks_fts MATCH ? "
            "AND c.symbol = ? LIMIT 1", (phrase_expression(name, aliases), symbol)).fetchone() is not None
    except sqlite3.Error:  # an expression FTS5 cannot read names nothing
        return False


def subject_documents(searcher, names: list[tuple[str, tuple[str, ...]]], terms, question: str = "") -> list[str]:
    """The documents the question is about (at most ``MAX_PICKED``), best first; [] when none stands out.

    A document scores the rarity (across documents) of each question name its profile holds, plus
    a fraction for each question word, and more for each pair of consecutive words, in its title or
    headings.
    """
    from .names import mentions

    lib = library(searcher)
    if len(lib) < 2:
        return []
    n = len(lib)
    common = COMMON_SHARE * n if n >= MIN_DOCS_COMMON else n  # in a small library only "all of them" is common
    scores: dict[str, float] = {}
    for name, aliases in names:
        holders = [p for p in lib.profiles.values() if mentions(p.text, p.stems, name, aliases)]
        if not holders and " " in name and 0 < documents_citing(searcher, name, aliases) <= MAX_PICKED:
            holders = _citing(searcher, name, aliases)  # a rare name only a paragraph writes: an NGO, a project
        if not holders or len(holders) >= common:
            continue
        weight = idf(len(holders), n)
        for p in holders:
            scores[p.symbol] = scores.get(p.symbol, 0.0) + weight
    for t in terms:
        holders = [p for p in lib.profiles.values() if t.stem in p.title_stems]
        if holders and len(holders) < common:
            weight = HEADING_WEIGHT * idf(len(holders), n)
            for p in holders:
                scores[p.symbol] = scores.get(p.symbol, 0.0) + weight
    for pair in pairs(tokenize([question])[0]) if question else ():
        holders = [p for p in lib.profiles.values() if pair in p.title_pairs]
        if holders and len(holders) < common:
            weight = 2 * HEADING_WEIGHT * idf(len(holders), n)
            for p in holders:
                scores[p.symbol] = scores.get(p.symbol, 0.0) + weight
    for day in _DAY_RE.findall(question):  # "the attack on Izium on *4 February* 2025": the letter that tells of it
        holders = _citing(searcher, day)
        if holders and len(holders) < common:
            for p in holders:
                scores[p.symbol] = scores.get(p.symbol, 0.0) + idf(len(holders), n)
    if not scores:
        return []
    best = max(scores.values())
    picked = sorted((s for s in scores if scores[s] >= 0.8 * best), key=lambda s: -scores[s])
    return picked[:MAX_PICKED] if len(picked) <= MAX_PICKED else []


_DAY_RE = re.compile(r"\b(?:[1-9]|[12]\d|3[01]) (?:" + "|".join(sorted(MONTHS)) + r")\b")


def profile_names(searcher, symbol: str, names: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """The question's names that the document as a whole is about (its title, or a name most of its
    paragraphs cite): each of its paragraphs may omit them."""
    from .names import mentions

    p = library(searcher).profiles.get(symbol)
    if p is None:
        return set()
    return {name for name, aliases in names if mentions(p.subject, p.subject_stems, name, aliases)}
